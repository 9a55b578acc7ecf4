package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.cli.Main;

/**
 * Issue 16, item 8: every exploration command writes a brief of what it found, with its chart,
 * through the real CLI.
 */
class ExplorationBriefsTest {
  static final String BASELINE = "scenarios/baseline.yaml";

  @TempDir Path tmp;

  private static void cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit, err.toString());
  }

  @Test
  void sweepDiscoverAndWhatItTakesWriteABriefWithTheirChart() throws Exception {
    String out = tmp.toString();
    cli(
        "sweep",
        BASELINE,
        "--vary",
        "syria.flexibility=0.5:0.9:3",
        "--runs",
        "20",
        "--quiet",
        "--out",
        out);
    String sweep =
        PolicyBriefTest.checkSelfContained(PolicyBriefTest.onlyFolder(tmp, "sweep-baseline"));
    assertEquals(1, PolicyBriefTest.count(sweep, "<svg"), "the sweep chart inline");
    assertTrue(
        sweep.contains("syria.flexibility=0.5") && sweep.contains("syria.flexibility=0.9"),
        "the points");
    assertTrue(sweep.contains("Highest"), "the headline names the best point");

    cli(
        "sweep",
        BASELINE,
        "--vary",
        "syria.flexibility=0.5:0.9:2",
        "--vary",
        "turkey.flexibility=0.5:0.9:2",
        "--runs",
        "10",
        "--quiet",
        "--out",
        tmp.resolve("two").toString());
    String heat =
        PolicyBriefTest.checkSelfContained(
            PolicyBriefTest.onlyFolder(tmp.resolve("two"), "sweep-baseline"));
    assertEquals(1, PolicyBriefTest.count(heat, "<svg"), "the heat map inline");

    cli("discover", BASELINE, "--runs", "200", "--quiet", "--out", out);
    String discover =
        PolicyBriefTest.checkSelfContained(PolicyBriefTest.onlyFolder(tmp, "discover-baseline"));
    assertEquals(1, PolicyBriefTest.count(discover, "<svg"), "the peeling chart inline");
    assertTrue(
        discover.contains("density") && discover.contains("coverage"),
        "the box's density and coverage");

    cli(
        "whatittakes",
        BASELINE,
        "--runs",
        "40",
        "--grid",
        "2",
        "--refine",
        "0",
        "--quiet",
        "--out",
        out);
    String wit =
        PolicyBriefTest.checkSelfContained(PolicyBriefTest.onlyFolder(tmp, "whatittakes-baseline"));
    assertTrue(wit.contains("What would it take?"), "its title");
    assertTrue(
        wit.contains("Main blocker")
            || wit.contains("no main blocker")
            || wit.contains("already at or above"),
        "who blocks");
  }

  @Test
  void oddsWithMoversShowsWhatWouldMoveThem() throws Exception {
    cli(
        "odds",
        BASELINE,
        "--runs",
        "40",
        "--movers",
        "10",
        "--band",
        "0",
        "--backtest",
        "0",
        "--quiet",
        "--out",
        tmp.toString());
    Path folder = PolicyBriefTest.onlyFolder(tmp, "odds-baseline");
    String odds = PolicyBriefTest.checkSelfContained(folder);
    assertTrue(!odds.contains("Not computed in this run"), "the movers are computed");
    assertTrue(
        odds.contains("One at a time: each assumption at the bottom and the top of its range"),
        "the tornado's table");
    assertTrue(odds.contains("tornado"), "the tornado chart inline");
    assertTrue(
        java.nio.file.Files.readAllLines(folder.resolve("oat.csv"))
            .get(0)
            .startsWith("input,settable,distribution,nominal"),
        "the controlled version in oat.csv, sensitivity's name for the same table");
    assertTrue(
        java.nio.file.Files.readAllLines(folder.resolve("movers.csv"))
            .get(0)
            .startsWith("input,settable,distribution,low_max"),
        "movers.csv stays the association over the run's own draws");
    assertTrue(
        odds.indexOf("One at a time: each assumption") < odds.indexOf("Over this run"),
        "the controlled version first, then the association");

    cli(
        "odds",
        BASELINE,
        "--runs",
        "20",
        "--band",
        "0",
        "--backtest",
        "0",
        "--quiet",
        "--out",
        tmp.resolve("plain").toString());
    String plain =
        PolicyBriefTest.checkSelfContained(
            PolicyBriefTest.onlyFolder(tmp.resolve("plain"), "odds-baseline"));
    assertTrue(
        !plain.contains("Not computed in this run") && plain.contains("in its upper third"),
        "without --movers the brief still says what goes with a deal, over the run's own draws");
  }
}
