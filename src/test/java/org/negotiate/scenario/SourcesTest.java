package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcesTest {

  @Test
  void theBaselineSeedsAreDated() {
    Sources s = Sources.read(Path.of("scenarios/seeds"));
    assertNull(s.problem());
    assertEquals(List.of("000", "001", "002", "003", "004"), List.copyOf(s.dated().keySet()));
    assertEquals(YearMonth.of(2023, 5), s.find("002_bfe0fc1904fb5585.txt").month());
    assertEquals("TMJ News", s.dated().get("001").outlet());
  }

  /**
   * The streaming reader reads each entry as Jackson's tree did (numbers and booleans as Java
   * writes them, a map where a scalar belongs as "", a repeated key's last value).
   */
  @Test
  void scalarsReadAsJacksonsTreeReadThem() throws Exception {
    String[] texts = {
      "sources:\n  - file: 002\n    date: 2023-05\n",
      "sources:\n  - file: 1.50\n    date: 2023-05\n    outlet: true\n    title: 12\n",
      "sources:\n  - file: x\n    file: y\n    date: 2023-05\n    title: ~\n",
      "sources:\n  - file: {a: 1}\n    date: 2023-05\n",
      "sources:\n  - file: \"a\"\n    date: 2023-05\n    outlet: [1, 2]\n",
      "sources:\n  - file: \"a\"\n    date: 2023-5\n",
      "sources:\n  - file: \"a\"\n    date: 2023-05\n  - file: \"a\"\n    date: 2024-01\n",
      "sources: {}\n",
      "other: 1\n",
      "",
      "sources:\n  - just a line\n",
    };
    for (String text : texts) {
      Sources got = Sources.parse(text, "f.yaml");
      assertEquals(reference(text), got, text);
    }
  }

  @Test
  void badYamlIsNamedWithItsLineAndColumn() {
    Sources s = Sources.parse("sources:\n  - file: \"a\n    date: [\n", "seeds/sources.yaml");
    assertTrue(s.problem().startsWith("seeds/sources.yaml:"), s.problem());
    assertTrue(s.problem().contains(": not valid YAML ("), s.problem());
    assertTrue(s.dated().isEmpty());
  }

  /** What the reader gave when it read the file through Jackson's tree (before session 10). */
  private static Sources reference(String text) throws Exception {
    JsonNode root = new YAMLMapper().readTree(text);
    JsonNode list = root == null ? null : root.get("sources");
    if (list == null || !list.isArray())
      return new Sources(Map.of(), "f.yaml: expected a list under sources:");
    Map<String, Sources.Source> out = new LinkedHashMap<>();
    int k = 0;
    for (JsonNode n : list) {
      String where = "f.yaml: sources[" + k++ + "]";
      String file = text(n, "file");
      String date = text(n, "date");
      if (file == null || file.isBlank())
        return new Sources(
            Map.of(), where + ".file: expected the source's file name (e.g. \"002\")");
      if (date == null)
        return new Sources(Map.of(), where + ".date: expected the month it was written, YYYY-MM");
      YearMonth month;
      try {
        month = YearMonth.parse(date.strip());
      } catch (java.time.format.DateTimeParseException e) {
        return new Sources(Map.of(), where + ".date: expected YYYY-MM, got \"" + date + "\"");
      }
      if (out.put(
              file,
              new Sources.Source(
                  file, month, text(n, "outlet"), text(n, "title"), text(n, "dated_by")))
          != null) return new Sources(Map.of(), where + ".file: \"" + file + "\" is dated twice");
    }
    return new Sources(java.util.Collections.unmodifiableMap(out), null);
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n == null ? null : n.get(key);
    return v == null || v.isNull() ? null : v.asText().strip();
  }
}
