package org.negotiate.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a delta scenario: a file that {@code extends:} a base scenario file and lists only the
 * values in which a resolved scenario differs from that base ({@link ScenarioDiff}), each placed in
 * the YAML by its row of {@link Fields}, so {@link ScenarioLoader#load} reads it back as the
 * resolved scenario.
 */
public final class DeltaWriter {
  private DeltaWriter() {}

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .build();

  /**
   * The delta's YAML (without a comment header).
   *
   * @param base the scenario the file extends, as loaded from it
   * @param resolved the scenario the delta must load as
   * @param extendsPath the base file, relative to the delta's folder
   * @param name the delta scenario's name
   * @param description its description
   */
  public static String yaml(
      Scenario base, Scenario resolved, String extendsPath, String name, String description) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("extends", extendsPath);
    root.put("name", name);
    root.put("description", description);

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
        experiment.put(
            k,
            switch (k) {
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
        Fields.Field f = Fields.of(ip);
        String key = Fields.key(ip);
        Map<String, Object> a = actors.computeIfAbsent(ip.actor(), id -> new LinkedHashMap<>());
        Object v = value(f.get(resolved.actor(ip.actor()).orElseThrow(), key));
        switch (f.level()) {
          case ACTOR -> put(a, f.name(), v);
          case RELATION -> child(a, f.name()).put(key, v);
          case STANCE -> {
            // A delta's salience does not rescale the others: all of a changed actor's saliences
            // are given below.
            if (f == Fields.SALIENCE) salienceActors.add(ip.actor());
            else put(child(child(a, "stances"), key), f.name(), v);
          }
        }
      }
    }
    for (String id : salienceActors) {
      Actor a = resolved.actor(id).orElseThrow();
      Map<String, Object> stances =
          child(actors.computeIfAbsent(id, x -> new LinkedHashMap<>()), "stances");
      a.stances()
          .forEach(
              (issue, st) ->
                  child(stances, issue).put(Fields.SALIENCE.name(), value(st.salience())));
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
          base.issues()
              .forEach(
                  i -> {
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
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the delta", e);
    }
  }

  /**
   * Puts {@code v} at a dotted YAML name: {@code red_line.min} goes to {@code red_line: {min: v}}.
   */
  private static void put(Map<String, Object> m, String dotted, Object v) {
    int dot = dotted.indexOf('.');
    if (dot < 0) m.put(dotted, v);
    else put(child(m, dotted.substring(0, dot)), dotted.substring(dot + 1), v);
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
