package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsTest {

  @Test
  void theBaselineShapeRunsAndTheLargestShapesAreRefusedWithAReason() {
    assertTrue(Limits.checkRun(5, 3, 24, 2000, 8, 1L << 30).isEmpty());
    assertTrue(Limits.checkRun(5, 3, 24, Limits.MAX_REPLICATIONS, 2, 64L << 30).isEmpty());
    List<String> cells = Limits.checkRun(250, 50, 1200, 100, 1, 64L << 30);
    assertEquals(1, cells.size());
    assertTrue(cells.get(0).contains("position cells"), cells.get(0));
    // Outcomes beyond 8 MB go off the heap, so 10 million replications fit in 256 MB; 8 MB of heap
    // does not hold them.
    assertTrue(Limits.checkRun(5, 3, 24, Limits.MAX_REPLICATIONS, 2, 256L << 20).isEmpty());
    List<String> memory = Limits.checkRun(5, 3, 24, Limits.MAX_REPLICATIONS, 2, 8L << 20);
    assertEquals(1, memory.size());
    assertTrue(memory.get(0).contains("-Xmx"), memory.get(0));
    assertTrue(Limits.checkRun(251, 51, 0, 0, 1, 1L << 30).size() == 4);
  }

  @Test
  void aFewRunsOfALargeTableAreChargedTheirSizeNotAHistogram() {
    // 100 actors x 10 issues x 100 rounds: 101,000 cells. A histogram is 81 MB (201 ints a cell)
    // per
    // worker and one merged; a few runs are kept at one byte a cell.
    long cells = Limits.positionCells(100, 10, 100);
    long one = Limits.estimatedRunBytes(100, 10, 100, 1, 2);
    assertTrue(one < 1L << 20, one + " bytes for one run");
    assertTrue(
        Limits.estimatedRunBytes(100, 10, 100, Limits.TALLY_KEPT_RUNS + 1, 2)
            > 3 * 201 * 4 * cells);
    assertTrue(Limits.checkRun(100, 10, 100, 1, 2, 256L << 20).isEmpty());
    assertTrue(Limits.checkRun(100, 10, 100, Limits.TALLY_KEPT_RUNS, 2, 256L << 20).isEmpty());
    List<String> many = Limits.checkRun(100, 10, 100, 10_000, 2, 256L << 20);
    assertEquals(1, many.size(), many.toString());
    assertTrue(many.get(0).contains("NEGOTIATE_JAVA_OPTS=-Xmx"), many.get(0));
  }

  @Test
  void aFileIsRefusedFromItsSizeBeforeItIsRead(@TempDir Path dir)
      throws IOException, ScenarioException {
    Path f = dir.resolve("big.yaml");
    try (var ch =
        java.nio.channels.FileChannel.open(
            f,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(
          java.nio.ByteBuffer.wrap(new byte[] {'#'}),
          Limits.MAX_FILE_BYTES); // sparse: one byte past the limit
    }
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> Limits.readFile(f, "big.yaml"));
    assertEquals(
        "big.yaml: file too large (5,000,001 bytes; at most 5 MB = 5,000,000 bytes are read)",
        e.getMessage());
    Files.write(f, new byte[(int) Limits.MAX_FILE_BYTES]);
    assertEquals(Limits.MAX_FILE_BYTES, Limits.readFile(f, "f").length);
    e =
        assertThrows(
            ScenarioException.class, () -> Limits.readFile(dir.resolve("none.yaml"), "none.yaml"));
    assertEquals("none.yaml: cannot read file: no such file", e.getMessage());
  }

  @Test
  void aDeviceIsReadOnlyUpToTheLimit() {
    Path zero = Path.of("/dev/zero");
    if (!Files.isReadable(zero)) return;
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> Limits.readFile(zero, "zero"));
    assertTrue(e.getMessage().contains("file too large (more than 5 MB"), e.getMessage());
  }

  @Test
  void theLargestScenarioLoads() throws ScenarioException {
    StringBuilder y =
        new StringBuilder(
            "name: largest\ncalendar: {start: 2020-01}\nsaliences: independent\nissues:\n");
    for (int k = 0; k < Limits.MAX_ISSUES; k++)
      y.append("  - {id: i").append(k).append(", label: L, low: a, high: b}\n");
    y.append("actors:\n");
    for (int a = 0; a < Limits.MAX_ACTORS; a++) {
      y.append("  - id: a")
          .append(a)
          .append(
              "\n    name: A\n    role: party\n    capability: 1\n    reservation: 0\n"
                  + "    flexibility: 1\n    stances:\n");
      for (int k = 0; k < Limits.MAX_ISSUES; k++) {
        y.append("      i")
            .append(k)
            .append(": {position: 50, salience: 0.5, evidence: [t#q], rationale: r}\n");
      }
    }
    y.append("experiment: {rounds: ")
        .append(Limits.MAX_POSITION_CELLS / ((Limits.MAX_ACTORS + 1) * Limits.MAX_ISSUES))
        .append("}\n");
    assertTrue(y.length() < Limits.MAX_FILE_BYTES, "size " + y.length());
    Scenario s = ScenarioLoader.parse(y.toString(), "largest.yaml");
    assertEquals(Limits.MAX_ACTORS, s.actors().size());
    assertEquals(Limits.MAX_ISSUES, s.issues().size());
  }

  @Test
  void tooManyPositionCellsForTheScenariosOwnRounds() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class, () -> ScenarioLoader.parse(wide(20, 1200), "wide.yaml"));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().startsWith("wide.yaml:"), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "experiment.rounds: 1200 rounds x (20 actors + the text) x 50 issues = 1,260,000"),
        e.getMessage());
    assertDoesNotThrow(() -> ScenarioLoader.parse(wide(20, 900), "wide.yaml"));
  }

  static String wide(int actors, int rounds) {
    StringBuilder y =
        new StringBuilder(
            "name: wide\ncalendar: {start: 2020-01}\nsaliences: independent\nissues:\n");
    for (int k = 0; k < 50; k++)
      y.append("  - {id: i").append(k).append(", label: L, low: a, high: b}\n");
    y.append("actors:\n");
    for (int a = 0; a < actors; a++) {
      y.append("  - {id: a")
          .append(a)
          .append(
              ", name: A, role: party, capability: 1, reservation: 0, flexibility: 1, stances: {");
      for (int k = 0; k < 50; k++)
        y.append(k == 0 ? "" : ", ")
            .append("i")
            .append(k)
            .append(": {position: 50, salience: 0.5, evidence: [t#q], rationale: r}");
      y.append("}}\n");
    }
    return y.append("experiment: {rounds: ").append(rounds).append("}\n").toString();
  }
}
