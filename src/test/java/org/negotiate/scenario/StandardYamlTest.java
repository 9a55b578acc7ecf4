package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 16, item 12: the shipped scenarios are standard YAML, and the loader reads exactly what a
 * standard parser reads (SnakeYAML's own {@code load}): same keys, same lists, same text, same
 * numbers.
 */
class StandardYamlTest {

  static List<Path> shipped() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
      return s.filter(
              p ->
                  p.toString().endsWith(".yaml")
                      && !p.getFileName().toString().equals(Sources.FILE))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyShippedScenarioReadsTheSameWithSnakeYamlsOwnLoad() throws Exception {
    List<Path> files = shipped();
    assertTrue(files.size() >= 10, "the shipped scenarios: " + files);
    List<String> differences = new ArrayList<>();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      Object standard = new Yaml().load(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      Object ours = plain(YamlReader.read(f.toString(), bytes).root());
      compare(f + ":", standard, ours, differences);
    }
    assertTrue(differences.isEmpty(), String.join("\n", differences));
  }

  @Test
  void theComparisonSeesAFlowItemSplitAtItsComma() throws Exception {
    // The check above is not vacuous: a standard parser splits this item, and so does our reader
    // now.
    String yaml = "x: [000#Russia, and Iran]\ny: {a: \"uniform(1, 2)\"}\n";
    Object standard = new Yaml().load(yaml);
    Object ours =
        plain(
            YamlReader.read("t.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .root());
    List<String> d = new ArrayList<>();
    compare("t.yaml:", standard, ours, d);
    assertTrue(d.isEmpty(), String.join("\n", d));
    assertEquals(List.of("000#Russia", "and Iran"), ((Map<?, ?>) ours).get("x"));
    List<String> bad = new ArrayList<>();
    compare(
        "t.yaml:",
        standard,
        Map.of("x", List.of("000#Russia, and Iran"), "y", Map.of("a", "uniform(1, 2)")),
        bad);
    assertFalse(bad.isEmpty());
  }

  /** Our tree as plain Java values, typed as our reader typed them. */
  static Object plain(YamlNode n) {
    if (n instanceof YamlNode.Map m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, e) -> out.put(k, plain(e.value())));
      assertTrue(m.duplicates().isEmpty(), "duplicate keys");
      return out;
    }
    if (n instanceof YamlNode.Seq s)
      return s.items().stream().map(StandardYamlTest::plain).toList();
    YamlNode.Scalar s = (YamlNode.Scalar) n;
    return switch (s.kind()) {
      case NULL -> null;
      case BOOL -> Boolean.valueOf(s.text());
      case INT, FLOAT -> new BigDecimal(s.text().replace("_", ""));
      case STRING -> s.text();
    };
  }

  private static void compare(String at, Object standard, Object ours, List<String> out) {
    if (standard instanceof Map<?, ?> a && ours instanceof Map<?, ?> b) {
      if (!a.keySet().equals(b.keySet()))
        out.add(at + " keys " + a.keySet() + " (standard) vs " + b.keySet() + " (ours)");
      for (Object k : a.keySet())
        if (b.containsKey(k)) compare(at + k + ".", a.get(k), b.get(k), out);
    } else if (standard instanceof List<?> a && ours instanceof List<?> b) {
      if (a.size() != b.size())
        out.add(
            at + " " + a.size() + " items (standard) " + a + " vs " + b.size() + " (ours) " + b);
      else for (int k = 0; k < a.size(); k++) compare(at + "[" + k + "].", a.get(k), b.get(k), out);
    } else if (standard instanceof Number a && ours instanceof BigDecimal b) {
      if (new BigDecimal(a.toString()).compareTo(b) != 0) out.add(at + " " + a + " vs " + b);
    } else if (standard instanceof java.util.Date d && ours instanceof String s) {
      // YAML 1.1 reads 2024-12-08 as a timestamp; the same day either way
      if (!d.toInstant().toString().startsWith(s.strip()))
        out.add(at + " " + d.toInstant() + " vs " + s);
    } else if (!java.util.Objects.equals(standard, ours)) {
      out.add(at + " " + describe(standard) + " (standard) vs " + describe(ours) + " (ours)");
    }
  }

  private static String describe(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
  }
}
