package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.negotiate.scenario.tables.ActorTable;
import org.negotiate.scenario.tables.BdmTableReader;
import org.negotiate.scenario.tables.KtabCsvReader;
import org.negotiate.scenario.tables.TableScenarios;

/**
 * Fuzz tests of everything that reads a user's file: the YAML scenario loader and both actor-table
 * readers (with the table's conversion to a scenario). Whatever the bytes, the only exception
 * allowed out is {@link ScenarioException}, and its problems must be plain messages: not an
 * exception caught as a last resort ("internal error ..."), not a class name.
 *
 * <p>In the normal test run each target replays its inputs under {@code
 * src/test/resources/org/negotiate/scenario/ScenarioFuzzTestInputs/<target>/} (seeds and every
 * crash found so far). {@code mvn verify} then fuzzes each target for {@code fuzz.duration} (20 s)
 * in its own JVM; for a long run see the README's "Limits" section.
 */
class ScenarioFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void yaml(byte[] bytes) {
    Scenario s;
    try {
      s = ScenarioLoader.parse(bytes, "fuzz.yaml");
    } catch (ScenarioException e) {
      check(e);
      return;
    }
    // Whatever loads writes back to text that loads as the same scenario (scenario.resolved.yaml).
    String yaml = ScenarioWriter.toYaml(s);
    try {
      assertEquals(s, ScenarioLoader.parse(yaml, "resolved.yaml"), yaml);
    } catch (ScenarioException e) {
      throw new AssertionError(
          "a loaded scenario does not load back:\n" + e.getMessage() + "\n" + yaml, e);
    }
  }

  @FuzzTest(maxDuration = "20s")
  void bdmTable(byte[] bytes) {
    try {
      ActorTable t =
          BdmTableReader.parse(new String(bytes, StandardCharsets.UTF_8), "fuzz.csv", "fuzz");
      TableScenarios.toScenario(t, "eum");
    } catch (ScenarioException e) {
      check(e);
    }
  }

  @FuzzTest(maxDuration = "20s")
  void ktabTable(byte[] bytes) {
    try {
      ActorTable t = KtabCsvReader.parse(bytes, "fuzz.csv");
      TableScenarios.toScenario(t, "smp");
    } catch (ScenarioException e) {
      check(e);
    }
  }

  /** A problem report must be what a person can act on. */
  static void check(ScenarioException e) {
    assertFalse(e.problems().isEmpty());
    for (Problem p : e.problems()) {
      String m = p.message();
      assertFalse(m.isBlank(), e.getMessage());
      assertFalse(
          m.startsWith(ScenarioLoader.INTERNAL)
              || m.startsWith("internal error while reading: ")
              || m.startsWith("could not read the table: "),
          "a bug caught as a last resort: " + m);
      assertFalse(
          m.matches("(?s).*\\b(java|javax|com|org)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error).*"),
          "a class name in: " + m);
      assertTrue(p.line() >= 0 && p.column() >= 0, p.toString());
    }
  }
}
