package org.negotiate.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parsing of input paths against a scenario, and reading and replacing the value a path names. Used
 * by events, {@code --set} and the uncertainty streams, so a path means the same everywhere.
 *
 * <p>Forms: {@code ACTOR.FIELD} (FIELD one of {@link Fields#actorFields()}), {@code
 * ACTOR.ties.OTHER}, {@code ACTOR.pressure.OTHER}, {@code ACTOR.ISSUE.FIELD} (FIELD one of {@link
 * Fields#STANCE_FIELDS}).
 */
public final class InputPaths {

  private InputPaths() {}

  /** Resolves {@code text} against the scenario's actors and issues. */
  public static InputPath resolve(Scenario scenario, String text) throws InputPathException {
    return resolve(
        scenario.actors().stream().map(Actor::id).toList(),
        scenario.issues().stream().map(Issue::id).toList(),
        text);
  }

  /**
   * Resolves {@code text} against lists of actor and issue ids.
   *
   * @throws InputPathException naming the unknown part and listing the valid names at that level
   */
  public static InputPath resolve(List<String> actors, List<String> issues, String text)
      throws InputPathException {
    String t = text == null ? "" : text.strip();
    String[] s = t.split("\\.", -1);
    for (String seg : s) {
      if (seg.isEmpty() || s.length < 2) {
        throw new InputPathException(
            "expected ACTOR.FIELD, ACTOR.ISSUE.FIELD, ACTOR.ties.OTHER or "
                + "ACTOR.pressure.OTHER, got "
                + Quantities.quote(t));
      }
    }
    String actor = s[0];
    if (!actors.contains(actor)) {
      throw new InputPathException(
          "unknown actor " + Quantities.quote(actor) + "; valid actors: " + join(actors));
    }
    String second = s[1];
    if (s.length == 2) {
      if (Fields.actorFields().contains(second)) return new InputPath(actor, null, second);
      if (Fields.RELATION_FIELDS.contains(second)) {
        throw new InputPathException(
            second + " needs the other actor: " + actor + "." + second + ".ACTOR");
      }
      if (issues.contains(second)) {
        throw new InputPathException(
            actor
                + "."
                + second
                + " needs a stance field; valid fields: "
                + join(Fields.STANCE_FIELDS));
      }
      throw new InputPathException(
          "unknown field "
              + Quantities.quote(second)
              + " of actor "
              + actor
              + "; valid fields: "
              + join(Fields.actorFields())
              + ", ties.ACTOR, pressure.ACTOR"
              + " (or ISSUE.FIELD for a stance; valid issues: "
              + join(issues)
              + ")");
    }
    if (Fields.RELATION_FIELDS.contains(second)) {
      if (s.length != 3) {
        throw new InputPathException(
            "expected " + actor + "." + second + ".ACTOR, got " + Quantities.quote(t));
      }
      String other = s[2];
      List<String> others = new ArrayList<>(actors);
      others.remove(actor);
      if (other.equals(actor)) {
        throw new InputPathException(
            actor + "." + second + " cannot name the actor itself; valid actors: " + join(others));
      }
      if (!actors.contains(other)) {
        throw new InputPathException(
            "unknown actor "
                + Quantities.quote(other)
                + " in "
                + second
                + "; valid actors: "
                + join(others));
      }
      return new InputPath(actor, null, second + "." + other);
    }
    if (!issues.contains(second)) {
      if (Fields.actorFields().contains(second)) {
        throw new InputPathException(
            actor + "." + second + " is an actor field and takes nothing after it");
      }
      throw new InputPathException(
          "unknown issue " + Quantities.quote(second) + "; valid issues: " + join(issues));
    }
    String field = String.join(".", java.util.Arrays.copyOfRange(s, 2, s.length));
    if (!Fields.STANCE_FIELDS.contains(field)) {
      throw new InputPathException(
          "unknown stance field "
              + Quantities.quote(field)
              + "; valid fields: "
              + join(Fields.STANCE_FIELDS));
    }
    return new InputPath(actor, second, field);
  }

  /** The value the path names, or null when it is absent (no red-line bound, no tie). */
  public static Quantity get(Scenario scenario, InputPath path) {
    Actor a =
        scenario
            .actor(path.actor())
            .orElseThrow(() -> new IllegalArgumentException("no actor " + path.actor()));
    return Fields.of(path).get(a, Fields.key(path));
  }

  /**
   * The scenario with the named value replaced; {@code null} removes an optional value (a red-line
   * bound, a tie, a pressure, a stance's own flexibility). No renormalisation or validation.
   */
  public static Scenario with(Scenario s, InputPath path, Quantity q) {
    Actor a =
        s.actor(path.actor())
            .orElseThrow(() -> new IllegalArgumentException("no actor " + path.actor()));
    return withActor(s, Fields.of(path).with(a, Fields.key(path), q));
  }

  /** The scenario with the actor of the same id replaced. */
  static Scenario withActor(Scenario s, Actor b) {
    List<Actor> actors = new ArrayList<>();
    for (Actor x : s.actors()) actors.add(x.id().equals(b.id()) ? b : x);
    return s.withActors(Collections.unmodifiableList(actors));
  }

  static String join(List<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
