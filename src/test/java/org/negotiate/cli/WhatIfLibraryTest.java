package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/** Every what-if in scenarios/whatif/ loads, follows the library's conventions, and runs. */
class WhatIfLibraryTest {
  static final Path LIBRARY = Path.of("scenarios/whatif");

  @TempDir Path tmp;

  static Stream<Path> whatIfs() throws IOException {
    try (Stream<Path> s = Files.list(LIBRARY)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void theLibraryHoldsTheSevenWhatIfs() throws IOException {
    List<String> names = whatIfs().map(p -> p.getFileName().toString()).toList();
    for (String n :
        List.of(
            "no_earthquake",
            "election_pressure",
            "not_precondition_from_start",
            "russia_distracted",
            "us_spoiler",
            "opposition_veto",
            "withdrawal_timetable")) {
      assertTrue(names.contains(n + ".yaml"), names.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("whatIfs")
  void loadsAsADeltaOfTheBaselineAndRuns(Path file) throws Exception {
    String text = Files.readString(file);
    assertTrue(text.startsWith("#"), file + ": starts with a header comment");
    JsonNode raw = new YAMLMapper().readTree(text);
    assertEquals("../baseline.yaml", raw.path("extends").asText(), file.toString());
    String stem = file.getFileName().toString().replace(".yaml", "");
    assertEquals(stem, raw.path("name").asText(), "the name is the file's");
    assertTrue(raw.path("description").asText().length() > 20, file + ": description");
    for (String where : changesWithoutSources(raw)) {
      throw new AssertionError(
          file + ": " + where + " changes values without its own evidence and rationale");
    }
    Scenario s = ScenarioLoader.load(file); // also checks every quote against scenarios/seeds/
    assertEquals(stem, s.name());

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.execute(
            new String[] {
              "odds", file.toString(), "--runs", "40", "--out", tmp.toString(), "--quiet"
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().startsWith("P(deal by 2024-11) = "), out.toString());
    assertTrue(out.toString().contains(tmp.resolve("odds-" + stem).toString()), out.toString());
  }

  /**
   * In the delta's own text: every actor, stance and event that sets a value also gives its
   * evidence and rationale (so the inherited ones never stand for a changed number).
   */
  static List<String> changesWithoutSources(JsonNode raw) {
    Set<String> text = Set.of("id", "name", "label", "evidence", "rationale", "stances");
    List<String> missing = new ArrayList<>();
    for (JsonNode actor : raw.path("actors")) {
      String id = actor.path("id").asText();
      if (changes(actor, text) && !(actor.has("evidence") && actor.has("rationale")))
        missing.add("actors[" + id + "]");
      for (Iterator<Map.Entry<String, JsonNode>> it = actor.path("stances").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> st = it.next();
        if (changes(st.getValue(), text)
            && !(st.getValue().has("evidence") && st.getValue().has("rationale"))) {
          missing.add("actors[" + id + "].stances." + st.getKey());
        }
      }
    }
    for (JsonNode event : raw.path("events")) {
      if (changes(event, text) && !(event.has("evidence") && event.has("rationale"))) {
        missing.add("events[" + event.path("id").asText() + "]");
      }
    }
    return missing;
  }

  private static boolean changes(JsonNode item, Set<String> text) {
    for (Iterator<String> it = item.fieldNames(); it.hasNext(); )
      if (!text.contains(it.next())) return true;
    return false;
  }
}
