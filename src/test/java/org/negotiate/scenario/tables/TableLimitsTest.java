package org.negotiate.scenario.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.scenario.Limits;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;

/** Tables at and past the limits, and the table-to-scenario bugs found while hardening. */
class TableLimitsTest {

  /**
   * Was: the evidence made for each row was "case a (copy).csv#Name", not a valid reference, so the
   * table could not run.
   */
  @Test
  void aTableFileNameWithSpacesAndParenthesesRuns(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("case a (copy).csv");
    Files.copy(Path.of("src/test/resources/models/eum/case_a_eu_emissions.csv"), f);
    Scenario s = TableScenarios.toScenario(TableScenarios.read(f, null), "eum");
    assertEquals(10, s.actors().size());
    assertTrue(
        s.actors().get(0).evidence().get(0).startsWith("case_a__copy_.csv#"),
        s.actors().get(0).evidence().toString());
    assertEquals("case", TableScenarios.evidenceFile("case"));
    assertEquals("table_x.csv", TableScenarios.evidenceFile("_x.csv"));
  }

  /**
   * Was: KTAB allows capabilities up to 1e8 but a scenario only up to 1e6, so such tables could not
   * run.
   */
  @Test
  void capabilitiesAboveTheScenarioMaximumAreScaledKeepingTheirRatios() throws ScenarioException {
    String text =
        "big,,3,1\nActor,Description,Power,P1,S1\nA,,5e7,10,50\nB,,2.5e7,50,50\nC,,1e7,90,50\n";
    Scenario s =
        TableScenarios.toScenario(
            KtabCsvReader.parse(text.getBytes(StandardCharsets.UTF_8), "big.csv"), "smp");
    assertEquals(1e6, s.actors().get(0).capability().nominal(), 1e-6);
    assertEquals(
        0.5,
        s.actors().get(1).capability().nominal() / s.actors().get(0).capability().nominal(),
        1e-12);
    assertEquals(
        0.2,
        s.actors().get(2).capability().nominal() / s.actors().get(0).capability().nominal(),
        1e-12);
  }

  @Test
  void theLargestKtabTableRunsWithFewerRounds() throws ScenarioException {
    StringBuilder t =
        new StringBuilder("largest,,")
            .append(Limits.MAX_ACTORS)
            .append(',')
            .append(Limits.MAX_ISSUES)
            .append('\n');
    t.append("Actor,Description,Power");
    for (int d = 1; d <= Limits.MAX_ISSUES; d++) t.append(",P").append(d).append(",S").append(d);
    t.append('\n');
    for (int a = 0; a < Limits.MAX_ACTORS; a++) {
      t.append("A").append(a).append(",,").append(1 + a);
      for (int d = 0; d < Limits.MAX_ISSUES; d++)
        t.append(',').append((a * 7 + d) % 101).append(",1");
      t.append('\n');
    }
    Scenario s =
        TableScenarios.toScenario(
            KtabCsvReader.parse(t.toString().getBytes(StandardCharsets.UTF_8), "l.csv"), "smp");
    assertEquals(Limits.MAX_ACTORS, s.actors().size());
    int rounds = s.experiment().rounds();
    assertTrue(
        rounds >= 1
            && Limits.positionCells(Limits.MAX_ACTORS, Limits.MAX_ISSUES, rounds)
                <= Limits.MAX_POSITION_CELLS,
        "rounds " + rounds);
  }

  @Test
  void aProblemOfTheScenarioMadeFromATableIsPlacedAtItsRow() {
    String text = "Actor,Capability,Position,Salience\nA,1,10,50\nB,0,20,50\n";
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> TableScenarios.toScenario(BdmTableReader.parse(text, "t.csv", "t"), "eum"));
    assertTrue(e.getMessage().startsWith("t.csv:3:1: row 3 (B).capability: "), e.getMessage());
  }

  @Test
  void aTableFormatIsGuessedFromTheStartOfTheFileOnly(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.csv");
    Files.writeString(f, "Actor,Capability,Position,Salience\n" + "A,1,1,1\n".repeat(100_000));
    assertEquals("eum", TableScenarios.nativeProtocol(f, null));
  }
}
