package org.negotiate.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario in the loader's format (every value explicit, quantities via
 * {@link Quantity#describe()}), so that loading the text gives an equal scenario.
 */
public final class ScenarioWriter {

  private ScenarioWriter() {}

  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build();

  public static String toYaml(Scenario s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", s.name());
    if (s.description() != null && !s.description().isEmpty()) root.put("description", s.description());
    if (s.saliences() != SalienceMode.SHARES) root.put("saliences", s.saliences().yamlName());
    root.put("calendar", map("start", s.calendar().start().toString()));
    List<Object> issues = new ArrayList<>();
    for (Issue i : s.issues()) {
      Map<String, Object> m = map("id", i.id(), "label", i.label(), "low", i.low(), "high", i.high());
      if (i.statusQuo() != null) m.put("status_quo", q(i.statusQuo()));
      issues.add(m);
    }
    root.put("issues", issues);
    List<Object> actors = new ArrayList<>();
    for (Actor a : s.actors()) {
      Map<String, Object> m = map("id", a.id(), "name", a.name(), "role", a.role().yamlName(),
          "capability", q(a.capability()), "reservation", q(a.reservation()), "flexibility", q(a.flexibility()),
          "risk", q(a.risk()), "lean", q(a.lean()));
      // Written only when given: absent reads back as 0, so the file stays as short as its source.
      if (!a.costOfDelay().equals(Quantity.of(0))) m.put("cost_of_delay", q(a.costOfDelay()));
      if (!a.evidence().isEmpty()) m.put("evidence", a.evidence());
      if (a.rationale() != null && !a.rationale().isEmpty()) m.put("rationale", a.rationale());
      if (!a.ties().isEmpty()) m.put("ties", qs(a.ties()));
      if (!a.pressure().isEmpty()) m.put("pressure", qs(a.pressure()));
      Map<String, Object> stances = new LinkedHashMap<>();
      a.stances().forEach((issue, st) -> {
        Map<String, Object> sm = map("position", q(st.position()), "salience", q(st.salience()));
        if (!st.redLine().isNone()) {
          Map<String, Object> rl = new LinkedHashMap<>();
          if (st.redLine().min() != null) rl.put("min", q(st.redLine().min()));
          if (st.redLine().max() != null) rl.put("max", q(st.redLine().max()));
          sm.put("red_line", rl);
        }
        if (st.flexibility() != null) sm.put("flexibility", q(st.flexibility()));
        if (st.costOfDelay() != null) sm.put("cost_of_delay", q(st.costOfDelay()));
        sm.put("evidence", st.evidence());
        sm.put("rationale", st.rationale());
        stances.put(issue, sm);
      });
      m.put("stances", stances);
      actors.add(m);
    }
    root.put("actors", actors);
    root.put("protocol", map("name", s.protocol().name(), "params", qs(s.protocol().params())));
    root.put("agreement", map("rule", s.agreement().rule(), "tolerance", num(s.agreement().tolerance())));
    List<Object> events = new ArrayList<>();
    for (Event e : s.events()) {
      Map<String, Object> m = map("id", e.id(), "label", e.label());
      if (e.timing() instanceof Timing.At at) {
        m.put("at", at.month().toString());
      } else {
        Timing.Random r = (Timing.Random) e.timing();
        m.put("random", map("probability", num(r.probability()), "from", r.from().toString(), "to", r.to().toString()));
      }
      List<Object> changes = new ArrayList<>();
      for (Change c : e.changes()) {
        Map<String, Object> cm = map("target", c.target().toString());
        if (c.op() == Change.Op.REMOVE) cm.put("remove", true);
        else cm.put(c.op().name().toLowerCase(java.util.Locale.ROOT), q(c.value()));
        changes.add(cm);
      }
      m.put("changes", changes);
      m.put("evidence", e.evidence());
      m.put("rationale", e.rationale());
      events.add(m);
    }
    if (!events.isEmpty()) root.put("events", events);
    ExperimentDefaults x = s.experiment();
    root.put("experiment", map("replications", x.replications(), "rounds", x.rounds(), "seed", x.seed()));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write scenario " + s.name(), e);
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
