package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 2: after the replications' bar, every stage of the main job (the charts and
 * tables, the back-test, the band, the brief) shows its progress, so the command is never silent
 * for seconds; --quiet still prints none.
 */
class StageProgressTest {
  @TempDir Path tmp;

  private String stderrOf(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      CliTest.Run r = CliTest.cli(args);
      assertEquals(0, r.exit(), r.err());
    } finally {
      System.setErr(err);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyStageOfTheMainJobShowsItsProgress() {
    String err =
        stderrOf(
            "odds",
            "scenarios/baseline.yaml",
            "--runs",
            "100",
            "--analyse",
            "5",
            "--backtest",
            "5",
            "--band",
            "20",
            "--out",
            tmp.toString());
    for (String stage :
        new String[] {
          "replications",
          "charts and tables",
          "back-test (as-of months)",
          "models and readings (band)",
          "brief and manifest"
        }) {
      assertTrue(
          err.lines().anyMatch(l -> l.startsWith(stage) && l.contains("100%")),
          stage + " reaches 100% in:\n" + err);
    }
  }

  @Test
  void quietPrintsNoProgress() {
    String err =
        stderrOf(
            "odds",
            "scenarios/baseline.yaml",
            "--runs",
            "100",
            "--analyse",
            "5",
            "--backtest",
            "5",
            "--band",
            "20",
            "--out",
            tmp.toString(),
            "--quiet");
    assertTrue(err.isBlank(), err);
  }
}
