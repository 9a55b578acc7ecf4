package org.negotiate.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.scenario.DeltaWriter;
import org.negotiate.scenario.Fields;
import org.negotiate.scenario.InputPath;
import org.negotiate.scenario.ProtocolParameters;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.scenario.Stance;

/**
 * The inputs a user changed in the GUI, in the order of their last change: applied to every new
 * run, turned into {@code --set} overrides for a Monte Carlo with the current settings, and saved
 * as a delta scenario ({@code extends:} the scenario file, listing only what changed).
 */
public final class WhatIf {

  /**
   * One change.
   *
   * @param value the value the input was given (after clamping to what is valid)
   * @param round the round after which it was made (-1 before the first round)
   */
  public record Edit(Fields.Field field, String actor, String key, double value, int round)
      implements Change {
    @Override
    public String path() {
      return field.path(actor, key);
    }
  }

  /**
   * A change of a protocol parameter ({@code protocol.noise}). A protocol reads its parameters when
   * a run starts, so it applies from the next run, as {@code --set protocol.noise=V} would.
   *
   * @param value the value, inside the parameter's range
   * @param round the round after which it was made (-1 before the first round)
   */
  public record ProtocolEdit(ProtocolParameters.Param param, double value, int round)
      implements Change {
    public ProtocolEdit {
      if (!param.admits(value)) {
        throw new IllegalArgumentException(
            "protocol." + param.name() + " must be " + param.range().expected() + ", got " + value);
      }
    }

    @Override
    public String path() {
      return "protocol." + param.name();
    }
  }

  /** A change made in the GUI: of an actor's input or of a protocol parameter. */
  public sealed interface Change permits Edit, ProtocolEdit {
    String path();

    double value();

    int round();

    /** {@code turkey.refugee_return.salience=0.5}: the same change as a {@code --set}. */
    default String set() {
      return path() + "=" + Quantity.fmt(value());
    }
  }

  private final GuiConfig config;
  private final Map<String, Change> edits = new LinkedHashMap<>();

  public WhatIf(GuiConfig config) {
    this.config = config;
  }

  /**
   * Records a change; a later change of the same input replaces the earlier one (and moves last).
   */
  public synchronized void record(Change e) {
    edits.remove(e.path());
    edits.put(e.path(), e);
  }

  /** Every change, actors' inputs and protocol parameters, in the order of their last change. */
  public synchronized List<Change> changes() {
    return List.copyOf(edits.values());
  }

  /** The changes of actors' inputs, in order. */
  public synchronized List<Edit> edits() {
    return edits.values().stream().filter(Edit.class::isInstance).map(Edit.class::cast).toList();
  }

  /** The value a protocol parameter was given, or null when it was not changed. */
  public synchronized Double protocolValue(String param) {
    Change c = edits.get("protocol." + param);
    return c == null ? null : c.value();
  }

  public synchronized boolean isEmpty() {
    return edits.isEmpty();
  }

  public synchronized void clear() {
    edits.clear();
  }

  /**
   * The scenario's events that change the same input later (or, for a salience, any salience of the
   * actor; for a stance's flexibility, the actor's flexibility), e.g. {@code turkish_elections
   * (2023-06, sets it)}: from then on the event's value, not the edit, holds.
   */
  public List<String> eventsTouching(Edit e) {
    List<String> out = new ArrayList<>();
    for (org.negotiate.scenario.Event ev : config.scenario().events()) {
      for (org.negotiate.scenario.Change c : ev.changes()) {
        InputPath t = c.target();
        boolean same =
            t.toString().equals(e.path())
                || e.field() == Fields.SALIENCE
                    && e.actor().equals(t.actor())
                    && "salience".equals(t.field())
                || (e.field() == Fields.STANCE_FLEXIBILITY
                        || e.field() == Fields.STANCE_COST_OF_DELAY)
                    && e.actor().equals(t.actor())
                    && t.issue() == null
                    && e.field().name().equals(t.field())
                || (e.field() == Fields.FLEXIBILITY || e.field() == Fields.COST_OF_DELAY)
                    && e.actor().equals(t.actor())
                    && t.issue() != null
                    && e.field().name().equals(t.field());
        if (!same) continue;
        String when =
            ev.timing() instanceof org.negotiate.scenario.Timing.At at
                ? at.month().toString()
                : "at random";
        String what =
            switch (c.op()) {
              case SET ->
                  t.toString().equals(e.path()) ? "sets it" : "sets " + t + ", rescaling it";
              case SHIFT -> "shifts " + (t.toString().equals(e.path()) ? "it" : t);
              case SCALE -> "scales " + (t.toString().equals(e.path()) ? "it" : t);
              case REMOVE -> "removes it";
            };
        out.add(ev.id() + " (" + when + ", " + what + ")");
        break;
      }
    }
    return out;
  }

  /** Applies every change, in order, to the inputs of a new run of {@code setup}. */
  public void applyTo(Inputs in, NegotiationSetup setup) {
    for (Edit e : edits()) {
      int i = setup.indexOf(e.actor());
      int k = NegotiationGui.at(setup, e.field(), e.key());
      if (i < 0 || k < 0) continue;
      InputEditor.set(in, e.field(), i, k, e.value());
    }
  }

  /**
   * The changes as {@code --set} overrides of the scenario as run, in order; then, where a changed
   * position or red line would leave a red line excluding the actor's own (nominal) position, the
   * red line moved to that position, as the model does with a drawn position.
   */
  public List<String> sets() {
    List<Edit> list = edits();
    List<String> out = new ArrayList<>();
    Set<String> stances = new LinkedHashSet<>();
    for (Change c : changes()) {
      out.add(c.set());
      if (c instanceof Edit e
          && (e.field() == Fields.POSITION
              || e.field() == Fields.RED_LINE_MIN
              || e.field() == Fields.RED_LINE_MAX)) {
        stances.add(e.actor() + "." + e.key());
      }
    }
    for (String st : stances) {
      String actor = st.substring(0, st.indexOf('.'));
      String issue = st.substring(st.indexOf('.') + 1);
      Stance base = config.scenario().actor(actor).map(a -> a.stances().get(issue)).orElse(null);
      if (base == null) continue;
      double position = last(list, actor, issue, Fields.POSITION, base.position().nominal());
      RedLine rl = base.redLine() == null ? RedLine.NONE : base.redLine();
      Double min = lastOrNull(list, actor, issue, Fields.RED_LINE_MIN, rl.min());
      Double max = lastOrNull(list, actor, issue, Fields.RED_LINE_MAX, rl.max());
      if (min != null && min > position)
        out.add(Fields.RED_LINE_MIN.path(actor, issue) + "=" + Quantity.fmt(position));
      if (max != null && max < position)
        out.add(Fields.RED_LINE_MAX.path(actor, issue) + "=" + Quantity.fmt(position));
    }
    return out;
  }

  private static double last(
      List<Edit> list, String actor, String issue, Fields.Field f, double fallback) {
    Double v = lastOrNull(list, actor, issue, f, null);
    return v == null ? fallback : v;
  }

  private static Double lastOrNull(
      List<Edit> list, String actor, String issue, Fields.Field f, Quantity fallback) {
    for (int j = list.size() - 1; j >= 0; j--) {
      Edit e = list.get(j);
      if (e.field() == f && e.actor().equals(actor) && issue.equals(e.key())) return e.value();
    }
    return fallback == null ? null : fallback.nominal();
  }

  /**
   * The scenario a new run in the GUI starts from: the scenario as run with the protocol parameters
   * changed (the actors' changes are applied to the run's inputs by {@link #applyTo}).
   */
  public Scenario runScenario() throws ScenarioException {
    List<String> sets =
        changes().stream().filter(ProtocolEdit.class::isInstance).map(Change::set).toList();
    return sets.isEmpty() ? config.scenario() : ScenarioLoader.override(config.scenario(), sets);
  }

  /**
   * The scenario as run with the changes applied: what a Monte Carlo with the current settings
   * runs.
   */
  public Scenario scenario() throws ScenarioException {
    List<String> sets = sets();
    return sets.isEmpty() ? config.scenario() : ScenarioLoader.override(config.scenario(), sets);
  }

  /** Whether a delta can be saved: the scenario came from a file (not an actor table). */
  public boolean canSave() {
    return config.scenarioFile() != null && config.fileScenario() != null;
  }

  /**
   * The delta scenario file for {@code target}: {@code extends} the scenario file (relative to
   * {@code target}'s folder), named after the file, listing only the values that differ from the
   * scenario file (the GUI's changes and the command line's {@code --set}).
   */
  public String deltaYaml(Path target, Instant when) throws ScenarioException {
    if (!canSave())
      throw new IllegalStateException("an actor table has no scenario file to extend");
    Scenario base = config.fileScenario();
    Scenario resolved = scenario();
    Path from = target.toAbsolutePath().normalize().getParent();
    String extendsPath =
        from.relativize(config.scenarioFile().toAbsolutePath().normalize())
            .toString()
            .replace('\\', '/');
    String name = nameOf(target);

    List<String> changes = new ArrayList<>();
    config.cliOverrides().forEach(s -> changes.add(s));
    changes().forEach(e -> changes.add(e.set()));
    String body =
        DeltaWriter.yaml(
            base,
            resolved,
            extendsPath,
            name,
            "What-if of " + base.name() + " saved from the GUI: " + String.join(", ", changes));

    StringBuilder header = new StringBuilder();
    header
        .append("# What-if saved by `negotiate gui` at ")
        .append(when.truncatedTo(ChronoUnit.SECONDS))
        .append(".\n");
    header
        .append("# It extends ")
        .append(extendsPath)
        .append(" and lists only the values that differ from it.\n");
    header.append(
        "# Changes, in the order they were last made (here each applies from the first month;\n");
    header.append("# in the GUI's run it applied from the round shown):\n");
    for (String s : config.cliOverrides())
      header.append("#   --set ").append(s).append(" (command line)\n");
    for (Change c : changes()) {
      header.append("#   ").append(c.set());
      header.append(
          c.round() < 0
              ? " (before the first round)"
              : String.format(
                  Locale.ROOT,
                  " (after round %d, %s)",
                  c.round(),
                  base.calendar().month(c.round())));
      if (c instanceof ProtocolEdit)
        header.append(
            "; in the GUI from the next run, protocols read their parameters at the start");
      if (!(c instanceof Edit e)) {
        header.append('\n');
        continue;
      }
      if (e.field() == Fields.SALIENCE)
        header.append("; the actor's other saliences rescaled to sum to 1");
      header.append('\n');
      List<String> later = eventsTouching(e);
      if (!later.isEmpty())
        header
            .append("#     events still change it: ")
            .append(String.join(", ", later))
            .append('\n');
    }
    header.append(
        "# Changed stances keep the base's evidence and rationale: give each changed value its own\n");
    header.append(
        "# before adding this file to scenarios/whatif/ (see scenarios/whatif/README.md).\n");
    return header + body;
  }

  /**
   * Writes the delta to {@code target} and checks that it loads: it is written beside the target
   * first, loaded with {@link ScenarioLoader#load}, and only then moved into place.
   *
   * @return the scenario the saved file loads as
   */
  public Scenario save(Path target, Instant when) throws IOException, ScenarioException {
    Path abs = target.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    String yaml = deltaYaml(abs, when);
    Path tmp = abs.resolveSibling("." + abs.getFileName() + ".saving");
    Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
    try {
      Scenario loaded = ScenarioLoader.load(tmp);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      return loaded;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The scenario name a file gives: its stem, reduced to the characters a name may have. */
  static String nameOf(Path file) {
    String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    String s = stem.replaceAll("[^A-Za-z0-9_-]", "_");
    return s.isEmpty() ? "whatif" : s;
  }
}
