package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.cli.Main;

/**
 * Issue 16 item 8: the odds brief's "What would move them" is computed by default, from the run's
 * own draws, through the real CLI.
 */
class MoversByDrawsTest {
  @TempDir Path tmp;

  private static void cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit, err.toString());
  }

  @Test
  void theDefaultBriefSaysWhatGoesWithADealAndMoversCsvHoldsSaneNumbers() throws Exception {
    cli(
        "odds",
        "scenarios/baseline.yaml",
        "--runs",
        "300",
        "--analyse",
        "0",
        "--band",
        "0",
        "--backtest",
        "0",
        "--quiet",
        "--out",
        tmp.toString());
    Path folder = PolicyBriefTest.onlyFolder(tmp, "odds-baseline");
    String html = PolicyBriefTest.checkSelfContained(folder);
    assertFalse(html.contains("Not computed in this run"), "computed by default");
    assertTrue(html.contains("this is an association over this run"), "worded as what it is");
    assertTrue(html.contains("negotiate odds --movers N"), "points to the controlled version");
    assertTrue(html.contains("class=\"movers\""), "the table");
    assertTrue(Files.isRegularFile(folder.resolve("movers.png")), "the chart");
    assertTrue(Files.isRegularFile(folder.resolve("movers.svg")), "the chart");
    assertFalse(Files.exists(folder.resolve("oat.csv")), "no one-at-a-time run without --movers");

    List<String> lines = Files.readAllLines(folder.resolve("movers.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    assertEquals("input", header.get(0));
    int odds = header.indexOf("odds_low");
    int runsLow = header.indexOf("runs_low");
    int runsHigh = header.indexOf("runs_high");
    int oddsHigh = header.indexOf("odds_high");
    int lo95 = header.indexOf("low_lower95");
    int hi95 = header.indexOf("low_upper95");
    int gap = header.indexOf("gap");
    // every uncertain input of the baseline, events' values too
    assertEquals(
        org.negotiate.experiment.UncertainInput.of(
                    org.negotiate.scenario.ScenarioLoader.load(Path.of("scenarios/baseline.yaml")),
                    true)
                .size()
            + 1,
        lines.size());
    List<Double> gaps = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      // distributions hold commas inside quotes: read the numbers from the end
      String[] c = line.substring(line.lastIndexOf('"') + 2).split(",", -1);
      int from = header.size() - c.length;
      double low = Double.parseDouble(c[odds - from]);
      double high = Double.parseDouble(c[oddsHigh - from]);
      int nLow = Integer.parseInt(c[runsLow - from]);
      int nHigh = Integer.parseInt(c[runsHigh - from]);
      assertTrue(nLow >= 100 && nHigh >= 100 && nLow + nHigh <= 300, line);
      assertTrue(
          Double.parseDouble(c[lo95 - from]) <= low && low <= Double.parseDouble(c[hi95 - from]),
          line);
      double g = Double.parseDouble(c[gap - from]);
      assertEquals(high - low, g, 1e-5, line);
      gaps.add(Math.abs(g));
    }
    for (int i = 1; i < gaps.size(); i++)
      assertTrue(gaps.get(i) <= gaps.get(i - 1), "widest first");
    // a withdrawal red line empties the zone: the widest gap, by mechanism, not by tuning
    assertTrue(
        lines.get(1).startsWith("syria.withdrawal.red_line.min,")
            || lines.get(1).startsWith("turkey.withdrawal.red_line.max,"),
        lines.get(1));
    assertTrue(gaps.get(0) > 0.3, "a red line that empties the zone goes with a wide gap");
    String manifest = Files.readString(folder.resolve("manifest.json"));
    assertTrue(manifest.contains("\"movers_by_draws\""), manifest);
    assertTrue(manifest.contains("\"replications\" : 300"), "no replication added");
  }

  @Test
  void aScenarioWithoutUncertainInputsSaysSoInsteadOfAnEmptyTable() throws Exception {
    String yaml =
        Files.readString(Path.of("src/test/resources/scenarios/tiny.yaml"))
            .replace("triangular(70, 80, 90)", "80")
            .replace("{max: \"uniform(45, 70)\"}", "{max: 60}")
            .replace("scale: \"uniform(1.0, 1.4)\"", "scale: 1.2");
    Path scenario = tmp.resolve("fixed.yaml");
    Files.writeString(scenario, yaml);
    assertTrue(
        org.negotiate.experiment.UncertainInput.of(
                org.negotiate.scenario.ScenarioLoader.load(scenario), true)
            .isEmpty(),
        "no uncertain input left");
    cli(
        "odds",
        scenario.toString(),
        "--runs",
        "20",
        "--rounds",
        "6",
        "--band",
        "0",
        "--backtest",
        "0",
        "--quiet",
        "--out",
        tmp.resolve("out").toString());
    Path folder = PolicyBriefTest.onlyFolder(tmp.resolve("out"), "odds-tiny");
    String html = PolicyBriefTest.checkSelfContained(folder);
    assertFalse(html.contains("Not computed in this run"));
    assertTrue(html.contains("No uncertain input"), "says so");
    assertFalse(html.contains("class=\"movers\""), "no empty table");
    assertFalse(Files.exists(folder.resolve("movers.csv")), "no bare header");
    assertFalse(Files.exists(folder.resolve("movers.svg")), "no empty chart");
  }
}
