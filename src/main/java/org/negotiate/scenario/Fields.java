package org.negotiate.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of the inputs an actor carries: each row's YAML name (which is also its {@code
 * --set} name after the actor and issue), its valid range in a scenario, the clamp the model keeps
 * it in when an event or a GUI edit moves it, whether it may be absent, what it means, and how it
 * is read from and written into an {@link Actor}. {@link InputPaths}, {@code --set}, the validator,
 * the uncertainty streams, the scenario diff and delta writer, the event resolver and the GUI's
 * inspector all read their fields from here, so a field is one row.
 */
public final class Fields {

  private Fields() {}

  /** Where a field lives: on the actor, on one of its stances, or towards another actor. */
  public enum Level {
    ACTOR,
    STANCE,
    RELATION
  }

  /**
   * Reads a field's value; {@code key} is the issue for a stance field, the other actor for a
   * relation.
   */
  @FunctionalInterface
  public interface Getter {
    Quantity get(Actor a, String key);
  }

  /** Writes a field's value ({@code null} removes an optional one). */
  @FunctionalInterface
  public interface Setter {
    Actor with(Actor a, String key, Quantity q);
  }

  /**
   * One input field.
   *
   * @param name as the scenario file and {@code --set} name it after the actor (and issue): {@code
   *     capability}, {@code red_line.min}; a relation's prefix ({@code ties}, {@code pressure})
   * @param level where the field lives
   * @param range the valid values in a scenario
   * @param clampLo lowest value the model keeps after an event or an edit moves it
   * @param clampHi highest value the model keeps after an event or an edit moves it
   * @param removable whether the value may be absent ({@code none} in {@code --set})
   * @param meaning what the field means, for tool tips and help
   * @param added whether the field is one added to the table ({@link #register}), kept in {@link
   *     Actor#more()} and in the model's named vectors, rather than one the records name
   * @param absent for an actor field, its value when a scenario does not give it (null: none)
   * @param required for an actor field, whether a scenario's actor block must give it (a stance's
   *     required keys depend on whether the file is a draft or states a prior: the binder keeps
   *     those rules)
   */
  public record Field(
      String name,
      Level level,
      Range range,
      double clampLo,
      double clampHi,
      boolean removable,
      String meaning,
      Getter getter,
      Setter setter,
      boolean added,
      Quantity absent,
      boolean required) {

    /**
     * The {@code --set} path of this field of {@code actor}; {@code key} is the issue or other
     * actor (else null).
     */
    public String path(String actor, String key) {
      return switch (level) {
        case ACTOR -> actor + "." + name;
        case STANCE -> actor + "." + key + "." + name;
        case RELATION -> actor + "." + name + "." + key;
      };
    }

    /** The value in the actor (null when absent); {@code key} as in {@link #path}. */
    public Quantity get(Actor a, String key) {
      return getter.get(a, key);
    }

    /** The actor with this field replaced; {@code null} removes an optional value. */
    public Actor with(Actor a, String key, Quantity q) {
      if (q == null && !removable)
        throw new IllegalArgumentException(path(a.id(), key) + " cannot be removed");
      return setter.with(a, key, q);
    }

    /** {@code v} kept inside the field's clamp. */
    public double clamp(double v) {
      return v < clampLo ? clampLo : (v > clampHi ? clampHi : v);
    }

    @Override
    public String toString() {
      return level == Level.RELATION ? name + ".ACTOR" : name;
    }
  }

  // The clamps are what the model keeps a moved value in. Open ends of a range need a value just
  // inside them: capability stays at least 1e-9 (only ratios matter, and a weight of exactly 0
  // would
  // make an actor's judgement undefined in the capability-weighted means; 1e-9 is "no clout" beside
  // any scenario's capabilities, which the range holds in (0, 1e6]); a reservation, cost of delay
  // or
  // tie stays at most 0.999 (at 1 no deal or concession would be possible, and an actor would give
  // all
  // its judgement to others); flexibility stays in [1e-3, 10] (0 would freeze the concession
  // formula).

  /**
   * The value of an optional actor number a block does not give: 0 (no cost of delay, so the actor
   * never concedes, as mediators and stakeholders do not; risk-neutral; no lean).
   */
  private static final Quantity NONE = Quantity.of(0);

  public static final Field CAPABILITY =
      actor(
          "capability",
          Range.CAPABILITY,
          1e-9,
          1e6,
          "clout (only ratios between actors matter)",
          Actor::capability,
          (a, q) ->
              copy(a, q, a.reservation(), a.flexibility(), a.costOfDelay(), a.risk(), a.lean()),
          true,
          null);
  public static final Field RESERVATION =
      actor(
          "reservation",
          Range.RESERVATION,
          0,
          0.999,
          "utility below which no deal beats a deal, in [0, 1)",
          Actor::reservation,
          (a, q) ->
              copy(a, a.capability(), q, a.flexibility(), a.costOfDelay(), a.risk(), a.lean()),
          true,
          null);
  public static final Field FLEXIBILITY =
      actor(
          "flexibility",
          Range.FLEXIBILITY,
          1e-3,
          10,
          "concession speed on every issue without its own: shapes the monthly concession 1 - (1 - cost of delay)^flexibility",
          Actor::flexibility,
          (a, q) ->
              copy(a, a.capability(), a.reservation(), q, a.costOfDelay(), a.risk(), a.lean()),
          true,
          null);
  public static final Field COST_OF_DELAY =
      actor(
          "cost_of_delay",
          Range.COST_OF_DELAY,
          0,
          0.999,
          "share of the gap to its reservation the actor gives up per month of talks on every issue without its own, in [0, 1)",
          Actor::costOfDelay,
          (a, q) ->
              copy(a, a.capability(), a.reservation(), a.flexibility(), q, a.risk(), a.lean()),
          false,
          NONE);
  public static final Field RISK =
      actor(
          "risk",
          Range.RISK,
          -1,
          1,
          "risk attitude in [-1, 1] (0 neutral, above 0 risk-averse)",
          Actor::risk,
          (a, q) ->
              copy(
                  a,
                  a.capability(),
                  a.reservation(),
                  a.flexibility(),
                  a.costOfDelay(),
                  q,
                  a.lean()),
          false,
          NONE);
  public static final Field LEAN =
      actor(
          "lean",
          Range.UNIT,
          0,
          1,
          "for a mediator, how strongly its own ideal pulls the draft, in [0, 1]",
          Actor::lean,
          (a, q) ->
              copy(
                  a,
                  a.capability(),
                  a.reservation(),
                  a.flexibility(),
                  a.costOfDelay(),
                  a.risk(),
                  q),
          false,
          NONE);

  public static final Field POSITION =
      stance(
          "position",
          Range.POSITION,
          0,
          100,
          false,
          "ideal outcome on the issue's 0–100 scale (a red line widens to admit it)",
          Stance::position,
          (s, q) ->
              new Stance(
                  q,
                  s.salience(),
                  s.redLine(),
                  s.flexibility(),
                  s.costOfDelay(),
                  s.evidence(),
                  s.rationale()));
  public static final Field SALIENCE =
      stance(
          "salience",
          Range.UNIT,
          0,
          1,
          false,
          "share of the actor's attention; the actor's other saliences rescale so they still sum to 1",
          Stance::salience,
          (s, q) ->
              new Stance(
                  s.position(),
                  q,
                  s.redLine(),
                  s.flexibility(),
                  s.costOfDelay(),
                  s.evidence(),
                  s.rationale()));
  public static final Field STANCE_FLEXIBILITY =
      stance(
          "flexibility",
          Range.FLEXIBILITY,
          1e-3,
          10,
          true,
          "concession speed on this issue (none: the actor's flexibility)",
          Stance::flexibility,
          (s, q) ->
              new Stance(
                  s.position(),
                  s.salience(),
                  s.redLine(),
                  q,
                  s.costOfDelay(),
                  s.evidence(),
                  s.rationale()));
  public static final Field STANCE_COST_OF_DELAY =
      stance(
          "cost_of_delay",
          Range.COST_OF_DELAY,
          0,
          0.999,
          true,
          "share of the gap to its reservation given up per month on this issue (none: the actor's), in [0, 1)",
          Stance::costOfDelay,
          (s, q) ->
              new Stance(
                  s.position(),
                  s.salience(),
                  s.redLine(),
                  s.flexibility(),
                  q,
                  s.evidence(),
                  s.rationale()));
  public static final Field RED_LINE_MIN =
      stance(
          "red_line.min",
          Range.POSITION,
          0,
          100,
          true,
          "lowest outcome the actor could sign (none or 0: no lower red line); at most its position",
          s -> s.redLine() == null ? null : s.redLine().min(),
          (s, q) -> withRedLine(s, new RedLine(q, s.redLine() == null ? null : s.redLine().max())));
  public static final Field RED_LINE_MAX =
      stance(
          "red_line.max",
          Range.POSITION,
          0,
          100,
          true,
          "highest outcome the actor could sign (none or 100: no upper red line); at least its position",
          s -> s.redLine() == null ? null : s.redLine().max(),
          (s, q) -> withRedLine(s, new RedLine(s.redLine() == null ? null : s.redLine().min(), q)));

  public static final Field TIES =
      relation(
          "ties",
          Range.TIE,
          0,
          0.999,
          "weight of the other actor's utility in this actor's judgement of a text, in [0, 1)",
          true);
  public static final Field PRESSURE =
      relation(
          "pressure",
          Range.PRESSURE,
          -1,
          1,
          "what this actor adds to the other's cost of delay, in [-1, 1] (negative: a spoiler)",
          false);

  /**
   * The actor's own fields the records name, in the order the uncertainty streams, the diff and the
   * GUI list them.
   */
  private static final List<Field> OWN =
      List.of(CAPABILITY, RESERVATION, FLEXIBILITY, COST_OF_DELAY, RISK, LEAN);

  /** Actor fields added with {@link #register}, after the own ones. */
  private static final List<Field> ADDED = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A stance's fields, in the order the uncertainty streams, the diff and the GUI list them. */
  public static final List<Field> STANCE =
      List.of(
          POSITION, SALIENCE, STANCE_FLEXIBILITY, STANCE_COST_OF_DELAY, RED_LINE_MIN, RED_LINE_MAX);

  /** The per-other-actor fields {@code ACTOR.ties.OTHER}, {@code ACTOR.pressure.OTHER}. */
  public static final List<Field> RELATION = List.of(TIES, PRESSURE);

  /** Stance fields addressable as {@code ACTOR.ISSUE.FIELD}. */
  public static final List<String> STANCE_FIELDS = names(STANCE);

  /**
   * Prefixes of the per-other-actor fields {@code ACTOR.ties.OTHER}, {@code ACTOR.pressure.OTHER}.
   */
  public static final List<String> RELATION_FIELDS = names(RELATION);

  /** The actor's fields: its own, then any added ones. */
  public static List<Field> actor() {
    return ADDED.isEmpty() ? OWN : concat(OWN, ADDED);
  }

  /** The actor's own fields, the ones the records name, in table order. */
  public static List<Field> own() {
    return OWN;
  }

  /** The added actor fields, in the order they were registered. */
  public static List<Field> added() {
    return List.copyOf(ADDED);
  }

  /** Actor fields addressable as {@code ACTOR.FIELD}. */
  public static List<String> actorFields() {
    return names(actor());
  }

  /** Every field: actor, stance and relation. */
  public static List<Field> all() {
    return concat(actor(), STANCE, RELATION);
  }

  /**
   * A field that is not one of the records' own: an actor's number, kept in {@link Actor#more()},
   * read from the scenario file under its name (optional; {@code absent} when not given), drawn
   * into the model's named vector ({@code Inputs.more(name, i)}) from the stream {@code
   * ACTOR.NAME}, moved by an event's change of {@code ACTOR.NAME} (kept in the row's clamp), and
   * edited, diffed and written like any other row once {@link #register registered}.
   */
  public static Field actorField(
      String name, Range range, double clampLo, double clampHi, Quantity absent, String meaning) {
    return new Field(
        name,
        Level.ACTOR,
        range,
        clampLo,
        clampHi,
        false,
        meaning,
        (a, key) -> a.more().getOrDefault(name, absent),
        (a, key, q) -> {
          Map<String, Quantity> m = new LinkedHashMap<>(a.more());
          m.put(name, q);
          return new Actor(
              a.id(),
              a.name(),
              a.role(),
              a.capability(),
              a.reservation(),
              a.flexibility(),
              a.costOfDelay(),
              a.risk(),
              a.lean(),
              a.stances(),
              a.ties(),
              a.pressure(),
              a.evidence(),
              a.rationale(),
              Collections.unmodifiableMap(m));
        },
        true,
        absent,
        false);
  }

  /**
   * Adds an actor field to the table, for every scenario loaded afterwards, until the returned
   * registration is closed. A field is added once, at start, before scenarios are loaded.
   *
   * @throws IllegalArgumentException if a field of that name exists or the field is not an added
   *     actor field
   */
  public static AutoCloseable register(Field f) {
    if (!f.added() || f.level() != Level.ACTOR)
      throw new IllegalArgumentException("only an added actor field registers: " + f.name());
    if (actorFields().contains(f.name())
        || RELATION_FIELDS.contains(f.name())
        || !f.name().matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("cannot add a field named " + f.name());
    }
    ADDED.add(f);
    return () -> ADDED.remove(f);
  }

  /**
   * The row of an actor field by name ({@code capability}; {@code ties}/{@code pressure} for a
   * relation).
   */
  public static Optional<Field> actorField(String name) {
    return find(actor(), name).or(() -> find(RELATION, name));
  }

  /** The row of a stance field by name ({@code position}, {@code red_line.min}). */
  public static Optional<Field> stanceField(String name) {
    return find(STANCE, name);
  }

  /** The row a path names. */
  public static Field of(InputPath path) {
    if (path.issue() != null) {
      return stanceField(path.field())
          .orElseThrow(() -> new IllegalArgumentException("not a stance field: " + path.field()));
    }
    String f = path.field();
    int dot = f.indexOf('.');
    if (dot > 0) {
      return find(RELATION, f.substring(0, dot))
          .orElseThrow(() -> new IllegalArgumentException("not an actor field: " + f));
    }
    return find(actor(), f)
        .orElseThrow(() -> new IllegalArgumentException("not an actor field: " + f));
  }

  /** The issue (stance field) or other actor (relation) a path names, null for an actor field. */
  public static String key(InputPath path) {
    if (path.issue() != null) return path.issue();
    int dot = path.field().indexOf('.');
    return dot > 0 ? path.field().substring(dot + 1) : null;
  }

  /** The valid range of an actor field ({@code ties.X} and {@code pressure.X} included). */
  public static Range actorRange(String field) {
    int dot = field.indexOf('.');
    String name = dot > 0 ? field.substring(0, dot) : field;
    Optional<Field> f = dot > 0 ? find(RELATION, name) : find(actor(), name);
    return f.orElseThrow(() -> new IllegalArgumentException("not an actor field: " + field))
        .range();
  }

  /** The valid range of a stance field. */
  public static Range stanceRange(String field) {
    return stanceField(field)
        .orElseThrow(() -> new IllegalArgumentException("not a stance field: " + field))
        .range();
  }

  /** The valid range of the input a path names. */
  public static Range rangeOf(InputPath path) {
    return of(path).range();
  }

  /** The valid range of an event's {@code shift} on a field: plus or minus the field's width. */
  public static Range shiftRange(InputPath path) {
    double w = rangeOf(path).width();
    return Range.closed(-w, w);
  }

  /**
   * Every input path of the actor that has a value, in table order: its own fields, each stance's
   * (issues in {@code issues} order), then its ties and pressure.
   */
  public static List<InputPath> paths(Actor a, List<String> issues) {
    List<InputPath> out = new java.util.ArrayList<>();
    for (Field f : actor()) out.add(new InputPath(a.id(), null, f.name()));
    for (String issue : issues) {
      if (!a.stances().containsKey(issue)) continue;
      for (Field f : STANCE) out.add(new InputPath(a.id(), issue, f.name()));
    }
    for (Field f : RELATION) {
      for (String other : (f == TIES ? a.ties() : a.pressure()).keySet()) {
        out.add(new InputPath(a.id(), null, f.name() + "." + other));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------- building

  private static Field actor(
      String name,
      Range range,
      double lo,
      double hi,
      String meaning,
      java.util.function.Function<Actor, Quantity> get,
      java.util.function.BiFunction<Actor, Quantity, Actor> set,
      boolean required,
      Quantity absent) {
    return new Field(
        name,
        Level.ACTOR,
        range,
        lo,
        hi,
        false,
        meaning,
        (a, key) -> get.apply(a),
        (a, key, q) -> set.apply(a, q),
        false,
        absent,
        required);
  }

  private static Field stance(
      String name,
      Range range,
      double lo,
      double hi,
      boolean removable,
      String meaning,
      java.util.function.Function<Stance, Quantity> get,
      java.util.function.BiFunction<Stance, Quantity, Stance> set) {
    return new Field(
        name,
        Level.STANCE,
        range,
        lo,
        hi,
        removable,
        meaning,
        (a, issue) -> {
          Stance st = a.stances().get(issue);
          if (st == null) throw new IllegalArgumentException("no stance " + a.id() + "." + issue);
          return get.apply(st);
        },
        (a, issue, q) -> {
          Stance st = a.stances().get(issue);
          if (st == null) throw new IllegalArgumentException("no stance " + a.id() + "." + issue);
          Map<String, Stance> m = new LinkedHashMap<>(a.stances());
          m.put(issue, set.apply(st, q));
          return new Actor(
              a.id(),
              a.name(),
              a.role(),
              a.capability(),
              a.reservation(),
              a.flexibility(),
              a.costOfDelay(),
              a.risk(),
              a.lean(),
              Collections.unmodifiableMap(m),
              a.ties(),
              a.pressure(),
              a.evidence(),
              a.rationale(),
              a.more());
        },
        false,
        null,
        false);
  }

  private static Field relation(
      String name, Range range, double lo, double hi, String meaning, boolean ties) {
    return new Field(
        name,
        Level.RELATION,
        range,
        lo,
        hi,
        true,
        meaning,
        (a, other) -> (ties ? a.ties() : a.pressure()).get(other),
        (a, other, q) -> {
          Map<String, Quantity> m = new LinkedHashMap<>(ties ? a.ties() : a.pressure());
          if (q == null) m.remove(other);
          else m.put(other, q);
          Map<String, Quantity> um = Collections.unmodifiableMap(m);
          return new Actor(
              a.id(),
              a.name(),
              a.role(),
              a.capability(),
              a.reservation(),
              a.flexibility(),
              a.costOfDelay(),
              a.risk(),
              a.lean(),
              a.stances(),
              ties ? um : a.ties(),
              ties ? a.pressure() : um,
              a.evidence(),
              a.rationale(),
              a.more());
        },
        false,
        null,
        false);
  }

  private static Actor copy(
      Actor a,
      Quantity cap,
      Quantity res,
      Quantity flex,
      Quantity kappa,
      Quantity risk,
      Quantity lean) {
    return new Actor(
        a.id(),
        a.name(),
        a.role(),
        cap,
        res,
        flex,
        kappa,
        risk,
        lean,
        a.stances(),
        a.ties(),
        a.pressure(),
        a.evidence(),
        a.rationale(),
        a.more());
  }

  private static Stance withRedLine(Stance s, RedLine rl) {
    RedLine r = rl.isNone() ? RedLine.NONE : rl;
    return new Stance(
        s.position(),
        s.salience(),
        r,
        s.flexibility(),
        s.costOfDelay(),
        s.evidence(),
        s.rationale());
  }

  private static Optional<Field> find(List<Field> fields, String name) {
    for (Field f : fields) if (f.name().equals(name)) return Optional.of(f);
    return Optional.empty();
  }

  private static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::name).toList();
  }

  @SafeVarargs
  private static List<Field> concat(List<Field>... lists) {
    List<Field> out = new java.util.ArrayList<>();
    for (List<Field> l : lists) out.addAll(l);
    return List.copyOf(out);
  }
}
