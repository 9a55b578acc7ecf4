package org.negotiate.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario in the loader's format (every value explicit, quantities via {@link
 * Quantity#describe()}), so that loading the text gives an equal scenario.
 */
public final class ScenarioWriter {

  private ScenarioWriter() {}

  /**
   * The YAML style of the file. The tree is written through the streaming generator rather than a
   * {@code YAMLMapper}: the same generator calls a mapper makes for maps, lists, strings, numbers
   * and booleans, so the same bytes (ScenarioWriterTest compares the two), without databind's
   * start-up (a mapper's first value costs some 200 ms more on a cold JVM).
   */
  static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .build();

  /**
   * Writes a small tree ahead of time (the CLI's warm-up thread at start-up): Jackson's YAML
   * generator loads a few hundred classes the first time.
   */
  public static void warmUp() {
    try {
      write(Map.of("warm-up", List.of(1.5, "x", Map.of("y", 2L, "z", true))));
    } catch (RuntimeException e) {
      // only a head start: the real scenario.resolved.yaml reports any real problem
    }
  }

  /** The tree (maps, lists, strings, numbers, booleans and nulls) as YAML text. */
  static String write(Object tree) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      value(g, tree);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
    return out.toString();
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) value(g, o);
      g.writeEndArray();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else if (v instanceof Integer n) {
      g.writeNumber(n);
    } else if (v instanceof Double n) {
      g.writeNumber(n);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v == null) {
      g.writeNull();
    } else {
      throw new IllegalArgumentException("no YAML form for " + v.getClass().getName());
    }
  }

  public static String toYaml(Scenario s) {
    Map<String, Object> root = tree(s);
    try {
      return write(root);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("cannot write scenario " + s.name(), e);
    }
  }

  /** The scenario as the tree of maps, lists and values {@link #toYaml} writes. */
  static Map<String, Object> tree(Scenario s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", s.name());
    if (s.draft()) root.put("status", "draft");
    if (s.description() != null && !s.description().isEmpty())
      root.put("description", s.description());
    if (s.saliences() != SalienceMode.SHARES) root.put("saliences", s.saliences().yamlName());
    if (s.actorOrder() != ActorOrder.ID) root.put("actor_order", s.actorOrder().yamlName());
    Map<String, Object> calendar = map("start", s.calendar().start().toString());
    if (!s.calendar().dated()) calendar.put("undated", true);
    root.put("calendar", calendar);
    List<Object> issues = new ArrayList<>();
    for (Issue i : s.issues()) {
      Map<String, Object> m =
          map("id", i.id(), "label", i.label(), "low", i.low(), "high", i.high());
      if (i.statusQuo() != null) m.put("status_quo", q(i.statusQuo()));
      issues.add(m);
    }
    root.put("issues", issues);
    List<Object> actors = new ArrayList<>();
    for (Actor a : s.actors()) {
      Map<String, Object> m =
          map(
              "id",
              a.id(),
              "name",
              a.name(),
              "role",
              a.role().yamlName(),
              "capability",
              q(a.capability()),
              "reservation",
              q(a.reservation()),
              "flexibility",
              q(a.flexibility()),
              "risk",
              q(a.risk()),
              "lean",
              q(a.lean()));
      // Written only when given: absent reads back as 0, so the file stays as short as its source.
      if (!a.costOfDelay().equals(Quantity.of(0))) m.put("cost_of_delay", q(a.costOfDelay()));
      for (Fields.Field f : Fields.added()) {
        Quantity v = f.get(a, null);
        if (v != null) m.put(f.name(), q(v));
      }
      if (!a.evidence().isEmpty()) m.put("evidence", a.evidence());
      if (a.rationale() != null && !a.rationale().isEmpty()) m.put("rationale", a.rationale());
      if (!a.ties().isEmpty()) m.put("ties", qs(a.ties()));
      if (!a.pressure().isEmpty()) m.put("pressure", qs(a.pressure()));
      prior(m, s.caseFile().priors().get(a.id()), a.id());
      Map<String, Object> stances = new LinkedHashMap<>();
      a.stances()
          .forEach(
              (issue, st) -> {
                Map<String, Object> sm =
                    map("position", q(st.position()), "salience", q(st.salience()));
                if (!st.redLine().isNone()) {
                  Map<String, Object> rl = new LinkedHashMap<>();
                  if (st.redLine().min() != null) rl.put("min", q(st.redLine().min()));
                  if (st.redLine().max() != null) rl.put("max", q(st.redLine().max()));
                  sm.put("red_line", rl);
                }
                if (st.flexibility() != null) sm.put("flexibility", q(st.flexibility()));
                if (st.costOfDelay() != null) sm.put("cost_of_delay", q(st.costOfDelay()));
                if (!st.evidence().isEmpty() || !s.draft()) sm.put("evidence", st.evidence());
                if (st.rationale() != null || !s.draft()) sm.put("rationale", st.rationale());
                prior(sm, s.caseFile().priors().get(a.id() + "." + issue), a.id() + "." + issue);
                stances.put(issue, sm);
              });
      m.put("stances", stances);
      actors.add(m);
    }
    root.put("actors", actors);
    root.put("protocol", map("name", s.protocol().name(), "params", qs(s.protocol().params())));
    root.put(
        "agreement",
        map("rule", s.agreement().rule(), "tolerance", num(s.agreement().tolerance())));
    List<Object> events = new ArrayList<>();
    for (Event e : s.events()) {
      Map<String, Object> m = map("id", e.id(), "label", e.label());
      if (e.timing() instanceof Timing.At at) {
        m.put("at", at.month().toString());
      } else {
        Timing.Random r = (Timing.Random) e.timing();
        m.put(
            "random",
            map(
                "probability",
                num(r.probability()),
                "from",
                r.from().toString(),
                "to",
                r.to().toString()));
      }
      List<Object> changes = new ArrayList<>();
      for (Change c : e.changes()) {
        Map<String, Object> cm = map("target", c.target().toString());
        if (c.op() == Change.Op.REMOVE) cm.put("remove", true);
        else cm.put(c.op().name().toLowerCase(java.util.Locale.ROOT), q(c.value()));
        changes.add(cm);
      }
      m.put("changes", changes);
      if (!e.evidence().isEmpty() || !s.draft()) m.put("evidence", e.evidence());
      if (e.rationale() != null || !s.draft()) m.put("rationale", e.rationale());
      events.add(m);
    }
    if (!events.isEmpty()) root.put("events", events);
    ExperimentDefaults x = s.experiment();
    root.put(
        "experiment",
        map("replications", x.replications(), "rounds", x.rounds(), "seed", x.seed()));
    caseFile(root, s.caseFile());
    return root;
  }

  /** A block's prior, its fields named relative to the block as the file writes them. */
  private static void prior(Map<String, Object> block, CaseFile.Prior p, String blockPath) {
    if (p == null) return;
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> redLine = new LinkedHashMap<>();
    boolean redLineGiven = false;
    for (Map.Entry<String, Quantity> e : p.values().entrySet()) {
      String field = e.getKey().substring(blockPath.length() + 1);
      if (field.startsWith("red_line.")) {
        redLineGiven = true;
        if (e.getValue() != null)
          redLine.put(field.substring("red_line.".length()), q(e.getValue()));
      } else if (field.startsWith("ties.") || field.startsWith("pressure.")) {
        String rel = field.substring(0, field.indexOf('.'));
        @SuppressWarnings("unchecked")
        Map<String, Object> r =
            (Map<String, Object>) m.computeIfAbsent(rel, k -> new LinkedHashMap<String, Object>());
        r.put(field.substring(rel.length() + 1), q(e.getValue()));
      } else {
        m.put(field, q(e.getValue()));
      }
    }
    if (redLineGiven) m.put("red_line", redLine.isEmpty() ? "none" : redLine);
    if (!p.evidence().isEmpty()) m.put("evidence", p.evidence());
    m.put("rationale", p.rationale());
    block.put("prior", m);
  }

  private static void caseFile(Map<String, Object> root, CaseFile c) {
    if (c.asOf() != null
        || c.withoutEvidence() != CaseFile.WithoutEvidence.UNINFORMED
        || !c.asOfRationale().isEmpty()) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (c.asOf() != null) m.put("forecast", c.asOf().toString());
      m.put("without_evidence", c.withoutEvidence().yamlName());
      if (!c.asOfRationale().isEmpty()) m.put("rationale", c.asOfRationale());
      root.put("as_of", m);
    }
    List<Object> obs = new ArrayList<>();
    for (Observation o : c.observations()) {
      Map<String, Object> m = map("id", o.id(), "kind", o.kind());
      if (o instanceof Observation.NoDeal n) {
        m.put("through", n.through().toString());
      } else if (o instanceof Observation.Talks t) {
        m.put("month", t.month().toString());
        m.put("held", t.held());
        if (t.level() != null) m.put("level", t.level());
      } else if (o instanceof Observation.Demand d) {
        m.put("month", d.month().toString());
        m.put("actor", d.actor());
        m.put("issue", d.issue());
        if (d.min() != null) m.put("min", num(d.min()));
        if (d.max() != null) m.put("max", num(d.max()));
        if (d.tolerance() > 0) m.put("tolerance", num(d.tolerance()));
      } else if (o instanceof Observation.Refusal r) {
        m.put("month", r.month().toString());
        m.put("actor", r.actor());
      }
      m.put("evidence", o.evidence());
      m.put("rationale", o.rationale());
      obs.add(m);
    }
    if (!obs.isEmpty()) root.put("observations", obs);
    CaseFile.Outcome o = c.outcome();
    if (o != null) {
      Map<String, Object> m =
          map(
              "agreement",
              o.agreement(),
              "month",
              o.month().toString(),
              "summary",
              o.summary(),
              "source",
              o.source(),
              "base_rate",
              num(o.baseRate()),
              "base_rate_rationale",
              o.baseRateRationale());
      root.put("outcome", m);
    }
    if (!c.caveats().isEmpty()) root.put("caveats", c.caveats());
    if (!c.sourceDates().isEmpty()) {
      Map<String, Object> dates = new LinkedHashMap<>();
      c.sourceDates().forEach((file, month) -> dates.put(file, month.toString()));
      root.put("sources", dates);
    }
  }

  private static Object q(Quantity q) {
    return q instanceof Quantity.Fixed f ? num(f.value()) : q.describe();
  }

  private static Object num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return (long) v;
    return v;
  }

  private static Map<String, Object> qs(Map<String, Quantity> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, q(v)));
    return out;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
