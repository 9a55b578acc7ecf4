package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 5: one replication (asked for with {@code --runs 1}, or an actor table's default)
 * is reported as what that run did, never as odds with a Wilson interval around a single yes or no,
 * and draws no structural band.
 */
class OneRunCliTest {

  @TempDir Path tmp;

  @Test
  void oneRunOfTheBaselineSaysWhatItDidWithoutAnInterval() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "scenarios/baseline.yaml",
            "--runs",
            "1",
            "--backtest",
            "0",
            "--analyse",
            "0",
            "--out",
            tmp.toString(),
            "--quiet");
    Path dir = CliTest.folderOf(r);
    assertTrue(r.out().startsWith("One replication: no odds or interval from one run"), r.out());
    assertFalse(r.out().contains("P(deal by"), r.out());
    assertFalse(r.out().contains("across models and readings"), r.out());
    String brief = Files.readString(dir.resolve("report.html"));
    assertTrue(brief.contains("in the one run made"), "the brief's headline");
    assertFalse(brief.contains("simulated runs (95% interval"), "no interval in the headline");
    String chart = Files.readString(dir.resolve("odds.svg"));
    assertTrue(chart.contains("One run: agreed by the end of the month"), "the chart's legend");
    assertFalse(chart.contains("95% Wilson interval"), "no interval band in the chart");
  }

  @Test
  void anActorTablesDefaultSingleRunIsNotCalledOdds() {
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "--table",
            "src/test/resources/tables/ktab/dummyData_3Dim.csv",
            "--out",
            tmp.toString(),
            "--quiet");
    CliTest.folderOf(r);
    assertTrue(r.out().startsWith("One replication: "), r.out());
    assertTrue(r.out().contains(" by round "), r.out());
    assertFalse(r.out().contains("[0.00, 0.79]"), r.out());
  }
}
