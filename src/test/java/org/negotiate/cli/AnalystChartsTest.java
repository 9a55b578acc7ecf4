package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, item 9: charts an analyst expects. */
class AnalystChartsTest {
  @TempDir Path tmp;

  @Test
  void theSobolChartWarnsWhenTheSampleIsTooSmallToReadIt() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "sensitivity",
            "scenarios/baseline.yaml",
            "--inputs",
            "syria.cost_of_delay",
            "--inputs",
            "protocol.revision",
            "--inputs",
            "russia.lean",
            "--samples",
            "8",
            "--runs",
            "8",
            "--bootstrap",
            "50",
            "--quiet",
            "--out",
            tmp.toString());
    Path f = ExploreCommandsTest.folder(r);
    List<String> rows = Files.readAllLines(f.resolve("sobol.csv"));
    boolean unreadable = false;
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      double s1 = Double.parseDouble(c[3]), st = Double.parseDouble(c[6]);
      double w1 = Double.parseDouble(c[5]) - Double.parseDouble(c[4]),
          wt = Double.parseDouble(c[8]) - Double.parseDouble(c[7]);
      unreadable |= s1 < -0.05 || s1 > 1.05 || st < -0.05 || st > 1.05 || w1 > 0.5 || wt > 0.5;
    }
    assertTrue(unreadable, "8 samples give indices no one can read: " + rows);
    String svg = Files.readString(f.resolve("sobol.svg"));
    assertTrue(svg.contains("Sample too small to read these indices"), "the chart says so");
    int at = svg.indexOf("Sample too small to read these indices");
    assertTrue(svg.indexOf("samples", at) > at, "and what to do (more --samples)");
  }

  @Test
  void theUtilityPlaneOfTwoPartiesIsInTheBrief() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "scenarios/baseline.yaml",
            "--runs",
            "40",
            "--band",
            "0",
            "--quiet",
            "--out",
            tmp.toString());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" · (\\S+)/\\s*$").matcher(r.out());
    assertTrue(m.find(), r.out() + r.err());
    Path f = Path.of(m.group(1));
    assertTrue(Files.isRegularFile(f.resolve("utility-plane.svg")));
    String brief = Files.readString(f.resolve("report.html"));
    assertTrue(
        brief.contains("What each deal is worth to the two parties"),
        "the utility plane's section");
    assertTrue(brief.contains("Chart: the two parties"), "its chart, inline");
  }

  @Test
  void theOddsChartMarksTheScheduledEventsAndTicksTheMonthTheHeadlineQuotes() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "scenarios/baseline.yaml",
            "--runs",
            "40",
            "--band",
            "0",
            "--quiet",
            "--out",
            tmp.toString());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" · (\\S+)/\\s*$").matcher(r.out());
    assertTrue(m.find(), r.out() + r.err());
    String svg = Files.readString(Path.of(m.group(1)).resolve("odds.svg"));
    // every event of the baseline at a fixed month, by its label; the random one has no month to
    // mark
    for (String event :
        List.of(
            "Earthquake in Türkiye and Syria; normalization accelerates",
            "Arab League readmits Syria",
            "Turkish presidential and parliamentary elections (Erdoğan re-elected)",
            "Anti-refugee riots in central Türkiye; Erdoğan says he will invite Assad",
            "Assad says withdrawal is not a precondition for talks")) {
      assertTrue(svg.contains(">" + event + "<"), "the odds chart marks " + event);
    }
    assertFalse(svg.contains("Cross-border attacks"), "a random event has no month");
    assertTrue(svg.contains("Scheduled event"), "the legend says what the grey lines are");
    // the headline quotes P(agreement by 2024-11); the axis has a tick label of its own there
    assertTrue(svg.contains("P(agreement by 2024-11)"), "the headline's month");
    assertTrue(svg.contains(">2024-11<"), "a tick at the final month");
    assertFalse(
        svg.contains(">2024-10<"),
        "the regular label a month before is left out: the two would overlap");
  }

  @Test
  void theBlockersChartSplitsEachPartyByWhyItBlocked() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "scenarios/baseline.yaml",
            "--runs",
            "60",
            "--band",
            "0",
            "--quiet",
            "--out",
            tmp.toString());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" · (\\S+)/\\s*$").matcher(r.out());
    assertTrue(m.find(), r.out() + r.err());
    Path f = Path.of(m.group(1));
    List<String> rows = Files.readAllLines(f.resolve("outcomes.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int reasonColumn = header.indexOf("block_reason");
    java.util.Set<String> reasons = new java.util.TreeSet<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",", -1);
      if (!c[reasonColumn].isEmpty()) reasons.add(c[reasonColumn]);
    }
    assertTrue(
        reasons.contains("aspiration") && reasons.contains("red_line"),
        "the baseline blocks for two reasons: " + reasons);
    String svg = Files.readString(f.resolve("blockers.svg"));
    assertTrue(svg.contains("who blocks agreement, and why"), "the title says the bars are split");
    // the legend names exactly the reasons the kept outcomes give
    Map<String, String> legend =
        Map.of(
            "aspiration",
            "wanted more than the text",
            "red_line",
            "red line: no signable package",
            "walked_out",
            "walked out",
            "distance",
            "too far from the others");
    legend.forEach(
        (reason, text) ->
            assertEquals(
                reasons.contains(reason),
                svg.contains(">" + text + "<"),
                reason + " in the legend"));
    assertFalse(svg.contains("reason not kept"), "every blocker's reason is in outcomes.csv");
  }

  @Test
  void theForecastChartShowsEachModelsChanceOfAgreement() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "forecast",
            "scenarios/baseline.yaml",
            "--runs",
            "20",
            "--quiet",
            "--out",
            tmp.toString());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("results: (.+)/").matcher(r.out());
    assertTrue(m.find(), r.out() + r.err());
    Path f = Path.of(m.group(1));
    String svg = Files.readString(f.resolve("forecast.svg"));
    assertTrue(svg.contains("chance of agreement"), "the title leads with it");
    int models = 0;
    for (String row : Files.readAllLines(f.resolve("forecast.csv")).subList(1, 16)) {
      String[] c = row.split(",", -1);
      if (!c[0].equals("withdrawal")) continue;
      String label =
          String.format(
              java.util.Locale.ROOT,
              ">%s %.0f%%<",
              c[1],
              100 * Double.parseDouble(c[5].isEmpty() ? "NaN" : c[5]));
      boolean protocol = !c[5].isEmpty() && !c[5].equals("NaN");
      // a protocol's chance is on the chart, as forecast.csv gives it; a reference point has none
      assertEquals(
          protocol, svg.contains(label) || svg.contains(">" + c[1] + " "), c[1] + " " + c[5]);
      if (protocol) {
        assertTrue(svg.contains(label), label);
        models++;
      }
    }
    assertEquals(3, models, "eum, mediated and smp have a chance of agreement");
  }

  @Test
  void theSweepChartMarksTheBaselinesRange() throws IOException {
    Path f =
        ExploreCommandsTest.folder(
            CliTest.cli(
                "sweep",
                "scenarios/baseline.yaml",
                "--vary",
                "turkey.cost_of_delay=0.01:0.1:4",
                "--runs",
                "10",
                "--quiet",
                "--out",
                tmp.toString()));
    String svg = Files.readString(f.resolve("sweep.svg"));
    // baseline.yaml: turkey's cost_of_delay is uniform(0.028, 0.083)
    assertTrue(svg.contains("Baseline range 0.028–0.083"), "the legend names the baseline's range");
  }

  @Test
  void theHeatmapTicksAreTheSweptValuesNotTheCellEdges() throws IOException {
    Path f =
        ExploreCommandsTest.folder(
            CliTest.cli(
                "sweep",
                "scenarios/baseline.yaml",
                "--vary",
                "turkey.withdrawal.red_line.max=55:85:3",
                "--vary",
                "protocol.noise=0:0.1:2",
                "--runs",
                "5",
                "--quiet",
                "--out",
                tmp.toString()));
    String svg = Files.readString(f.resolve("heatmap.svg"));
    for (String value : List.of("55", "70", "85"))
      assertTrue(svg.contains(">" + value + "<"), "a tick at the swept value " + value);
    // cells are 15 wide, centred on 55, 70, 85: their edges are 47.5, 62.5, 77.5, 92.5; no tick at
    // a multiple of 15 in between
    for (String edge : List.of("60", "75", "90"))
      assertFalse(svg.contains(">" + edge + "<"), "no tick at " + edge);
  }
}
