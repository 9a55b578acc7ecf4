package org.negotiate.gui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import org.negotiate.experiment.ScenarioDiff;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.InputPath;
import org.negotiate.scenario.InputPathException;
import org.negotiate.scenario.InputPaths;
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
  public record Edit(InputField field, String actor, String issue, double value, int round) {
    public String path() {
      return field.path(actor, issue);
    }

    /** {@code turkey.refugee_return.salience=0.5}. */
    public String set() {
      return path() + "=" + Quantity.fmt(value);
    }
  }

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build();

  private final GuiConfig config;
  private final Map<String, Edit> edits = new LinkedHashMap<>();

  public WhatIf(GuiConfig config) {
    this.config = config;
  }

  /** Records a change; a later change of the same input replaces the earlier one (and moves last). */
  public synchronized void record(Edit e) {
    edits.remove(e.path());
    edits.put(e.path(), e);
  }

  public synchronized List<Edit> edits() {
    return List.copyOf(edits.values());
  }

  public synchronized boolean isEmpty() {
    return edits.isEmpty();
  }

  public synchronized void clear() {
    edits.clear();
  }

  /**
   * The scenario's events that change the same input later (or, for a salience, any salience of
   * the actor; for a stance's flexibility, the actor's flexibility), e.g.
   * {@code turkish_elections (2023-06, sets it)}: from then on the event's value, not the edit, holds.
   */
  public List<String> eventsTouching(Edit e) {
    List<String> out = new ArrayList<>();
    for (org.negotiate.scenario.Event ev : config.scenario().events()) {
      for (org.negotiate.scenario.Change c : ev.changes()) {
        InputPath t = c.target();
        boolean same = t.toString().equals(e.path())
            || e.field() == InputField.SALIENCE && e.actor().equals(t.actor()) && "salience".equals(t.field())
            || (e.field() == InputField.FLEXIBILITY || e.field() == InputField.COST_OF_DELAY)
                && e.actor().equals(t.actor()) && t.issue() == null && e.field().yamlName.equals(t.field());
        if (!same) continue;
        String when = ev.timing() instanceof org.negotiate.scenario.Timing.At at ? at.month().toString()
            : "at random";
        String what = switch (c.op()) {
          case SET -> t.toString().equals(e.path()) ? "sets it" : "sets " + t + ", rescaling it";
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
      int k = e.issue() == null ? 0 : setup.issueIds().indexOf(e.issue());
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
    for (Edit e : list) {
      out.add(e.set());
      if (e.field() == InputField.POSITION || e.field() == InputField.RED_LINE_MIN || e.field() == InputField.RED_LINE_MAX) {
        stances.add(e.actor() + "." + e.issue());
      }
    }
    for (String st : stances) {
      String actor = st.substring(0, st.indexOf('.'));
      String issue = st.substring(st.indexOf('.') + 1);
      Stance base = config.scenario().actor(actor).map(a -> a.stances().get(issue)).orElse(null);
      if (base == null) continue;
      double position = last(list, actor, issue, InputField.POSITION, base.position().nominal());
      RedLine rl = base.redLine() == null ? RedLine.NONE : base.redLine();
      Double min = lastOrNull(list, actor, issue, InputField.RED_LINE_MIN, rl.min());
      Double max = lastOrNull(list, actor, issue, InputField.RED_LINE_MAX, rl.max());
      if (min != null && min > position) out.add(InputField.RED_LINE_MIN.path(actor, issue) + "=" + Quantity.fmt(position));
      if (max != null && max < position) out.add(InputField.RED_LINE_MAX.path(actor, issue) + "=" + Quantity.fmt(position));
    }
    return out;
  }

  private static double last(List<Edit> list, String actor, String issue, InputField f, double fallback) {
    Double v = lastOrNull(list, actor, issue, f, null);
    return v == null ? fallback : v;
  }

  private static Double lastOrNull(List<Edit> list, String actor, String issue, InputField f, Quantity fallback) {
    for (int j = list.size() - 1; j >= 0; j--) {
      Edit e = list.get(j);
      if (e.field() == f && e.actor().equals(actor) && issue.equals(e.issue())) return e.value();
    }
    return fallback == null ? null : fallback.nominal();
  }

  /** The scenario as run with the changes applied: what a Monte Carlo with the current settings runs. */
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
    if (!canSave()) throw new IllegalStateException("an actor table has no scenario file to extend");
    Scenario base = config.fileScenario();
    Scenario resolved = scenario();
    Path from = target.toAbsolutePath().normalize().getParent();
    String extendsPath = from.relativize(config.scenarioFile().toAbsolutePath().normalize()).toString().replace('\\', '/');
    String name = nameOf(target);

    Map<String, Object> root = new LinkedHashMap<>();
    root.put("extends", extendsPath);
    root.put("name", name);
    List<String> changes = new ArrayList<>();
    config.cliOverrides().forEach(s -> changes.add(s));
    edits().forEach(e -> changes.add(e.set()));
    root.put("description", "What-if of " + base.name() + " saved from the GUI: " + String.join(", ", changes));

    Map<String, Map<String, Object>> actors = new LinkedHashMap<>();
    Set<String> salienceActors = new LinkedHashSet<>();
    Map<String, Object> protocol = new LinkedHashMap<>();
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, Object> agreement = new LinkedHashMap<>();
    Map<String, Object> experiment = new LinkedHashMap<>();
    for (ScenarioDiff.Row row : ScenarioDiff.of(base, resolved)) {
      String p = row.path();
      if (p.equals("protocol.name")) {
        protocol.put("name", resolved.protocol().name());
      } else if (p.startsWith("protocol.")) {
        String k = p.substring("protocol.".length());
        params.put(k, value(resolved.protocol().params().get(k)));
      } else if (p.equals("agreement.rule")) {
        agreement.put("rule", resolved.agreement().rule());
      } else if (p.equals("agreement.tolerance")) {
        agreement.put("tolerance", number(resolved.agreement().tolerance()));
      } else if (p.startsWith("experiment.")) {
        String k = p.substring("experiment.".length());
        experiment.put(k, switch (k) {
          case "replications" -> resolved.experiment().replications();
          case "rounds" -> resolved.experiment().rounds();
          default -> resolved.experiment().seed();
        });
      } else {
        InputPath ip;
        try {
          ip = InputPaths.resolve(base, p);
        } catch (InputPathException e) {
          throw new IllegalStateException("cannot write " + p + " as a delta: " + e.getMessage());
        }
        Map<String, Object> a = actors.computeIfAbsent(ip.actor(), id -> new LinkedHashMap<>());
        Object v = value(InputPaths.get(resolved, ip));
        if (ip.issue() == null) {
          String f = ip.field();
          if (f.startsWith("ties.") || f.startsWith("pressure.")) {
            String group = f.substring(0, f.indexOf('.'));
            child(a, group).put(f.substring(f.indexOf('.') + 1), v);
          } else {
            a.put(f, v);
          }
        } else if (ip.field().equals("salience")) {
          salienceActors.add(ip.actor());
        } else {
          Map<String, Object> st = child(child(a, "stances"), ip.issue());
          if (ip.field().startsWith("red_line.")) child(st, "red_line").put(ip.field().substring(9), v);
          else st.put(ip.field(), v);
        }
      }
    }
    // A delta's salience does not rescale the others: give all of a changed actor's saliences.
    for (String id : salienceActors) {
      Actor a = resolved.actor(id).orElseThrow();
      Map<String, Object> stances = child(actors.computeIfAbsent(id, x -> new LinkedHashMap<>()), "stances");
      a.stances().forEach((issue, st) -> child(stances, issue).put("salience", value(st.salience())));
    }
    if (!actors.isEmpty()) {
      List<Object> list = new ArrayList<>();
      for (Actor a : base.actors()) {
        Map<String, Object> m = actors.get(a.id());
        if (m == null) continue;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", a.id());
        // stances in the scenario's issue order
        Object stances = m.remove("stances");
        item.putAll(m);
        if (stances != null) {
          @SuppressWarnings("unchecked")
          Map<String, Object> sm = (Map<String, Object>) stances;
          Map<String, Object> ordered = new LinkedHashMap<>();
          base.issues().forEach(i -> {
            if (sm.containsKey(i.id())) ordered.put(i.id(), sm.get(i.id()));
          });
          item.put("stances", ordered);
        }
        list.add(item);
      }
      root.put("actors", list);
    }
    if (!params.isEmpty()) protocol.put("params", params);
    if (!protocol.isEmpty()) root.put("protocol", protocol);
    if (!agreement.isEmpty()) root.put("agreement", agreement);
    if (!experiment.isEmpty()) root.put("experiment", experiment);

    StringBuilder header = new StringBuilder();
    header.append("# What-if saved by `negotiate gui` at ").append(when.truncatedTo(ChronoUnit.SECONDS)).append(".\n");
    header.append("# It extends ").append(extendsPath).append(" and lists only the values that differ from it.\n");
    header.append("# Changes, in the order they were last made (here each applies from the first month;\n");
    header.append("# in the GUI's run it applied from the round shown):\n");
    for (String s : config.cliOverrides()) header.append("#   --set ").append(s).append(" (command line)\n");
    for (Edit e : edits()) {
      header.append("#   ").append(e.set());
      header.append(e.round() < 0 ? " (before the first round)"
          : String.format(Locale.ROOT, " (after round %d, %s)", e.round(), base.calendar().month(e.round())));
      if (e.field() == InputField.SALIENCE) header.append("; the actor's other saliences rescaled to sum to 1");
      header.append('\n');
      List<String> later = eventsTouching(e);
      if (!later.isEmpty()) header.append("#     events still change it: ").append(String.join(", ", later)).append('\n');
    }
    header.append("# Changed stances keep the base's evidence and rationale: give each changed value its own\n");
    header.append("# before adding this file to scenarios/whatif/ (see scenarios/whatif/README.md).\n");
    try {
      return header + YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the what-if", e);
    }
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

  private static Object value(Quantity q) {
    if (q == null) return null;
    return q instanceof Quantity.Fixed f ? number(f.value()) : q.describe();
  }

  private static Object number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return (long) v;
    return v;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
  }
}
