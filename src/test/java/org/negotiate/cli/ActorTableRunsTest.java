package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 5: an actor table is not a fake Monte Carlo, and it has no calendar of its own.
 */
class ActorTableRunsTest {
  static final String BDM = "scenarios/validation/seeds/case_a_eu_emissions.csv";

  @TempDir Path tmp;

  @Test
  void aDeterministicTableGivesOneRunAndSaysSo() throws IOException {
    CliTest.Run r =
        CliTest.cli("odds", "--table", BDM, "--runs", "200", "--quiet", "--out", tmp.toString());
    Path f = CliTest.folderOf(r);
    assertTrue(
        r.out()
            .startsWith(
                "Deterministic input: one run, as every replication would be the same (not 200) · "),
        r.out());
    assertTrue(
        r.out().contains("no deal by round ") || r.out().contains("deal in round "), r.out());
    assertFalse(
        r.out().matches("(?s).*\\[\\d\\.\\d\\d, \\d\\.\\d\\d\\].*"),
        "no interval over copies of one run: " + r.out());
    assertFalse(r.out().contains("2000-"), "no invented calendar: " + r.out());
    assertEquals(2, Files.readAllLines(f.resolve("outcomes.csv")).size(), "one run");
    String manifest = Files.readString(f.resolve("manifest.json"));
    assertTrue(
        manifest.contains("\"replications\" : 1,")
            && manifest.contains("\"replications_requested\" : 200"),
        manifest);
  }

  @Test
  void aTableWithAnUncertainInputIsAMonteCarloCountedInRounds() {
    // (perception noise alone no longer varies a table's runs: with no cost of delay nobody
    // concedes)
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "--table",
            BDM,
            "--runs",
            "30",
            "--protocol",
            "mediated",
            "--set",
            "denmark.capability=uniform(0.05, 0.2)",
            "--quiet",
            "--out",
            tmp.toString());
    CliTest.folderOf(r);
    assertTrue(r.out().startsWith("P(deal by round "), r.out());
    assertTrue(r.out().contains(" over 30 replications"), r.out());
    assertFalse(r.out().contains("2000-"), r.out());
  }

  @Test
  void aTableWithoutDatesCountsRoundsInItsCsvsChartsAndBrief() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "--table",
            BDM,
            "--runs",
            "20",
            "--protocol",
            "mediated",
            "--set",
            "denmark.capability=uniform(0.05, 0.2)",
            "--quiet",
            "--out",
            tmp.toString());
    Path f = CliTest.folderOf(r);
    assertTrue(
        Files.readAllLines(f.resolve("odds.csv")).get(0).startsWith("round,agreed,"),
        "no month column");
    assertTrue(
        Files.readAllLines(f.resolve("outcomes.csv"))
            .get(0)
            .startsWith("replication,seed,ending,round,terms_"));
    assertTrue(Files.readAllLines(f.resolve("rounds.csv")).get(0).startsWith("state,after_round,"));
    for (String file :
        new String[] {
          "odds.csv", "outcomes.csv", "rounds.csv", "odds.svg", "positions.svg", "report.html"
        }) {
      String text = Files.readString(f.resolve(file));
      assertFalse(
          text.contains("2000-") || text.contains("January 2000") || text.contains("2008-"),
          file + " shows the placeholder calendar");
    }
    String brief = Files.readString(f.resolve("report.html"));
    assertTrue(
        brief.contains("chance of a signed deal by the end of round "), "the brief counts rounds");
    assertTrue(brief.contains("Odds of a deal round by round"), "the brief counts rounds");
    assertTrue(
        Files.readString(f.resolve("odds.svg")).contains("Round (the table has no dates"),
        "the chart counts rounds");
    assertTrue(Files.readString(f.resolve("scenario.resolved.yaml")).contains("undated: true"));

    // rerun from the folder: the resolved scenario keeps counting rounds
    CliTest.Run again =
        CliTest.cli(
            "odds",
            f.resolve("scenario.resolved.yaml").toString(),
            "--runs",
            "20",
            "--quiet",
            "--out",
            tmp.resolve("again").toString());
    Path g = CliTest.folderOf(again);
    assertTrue(again.out().startsWith("P(deal by round "), again.out());
    assertTrue(Files.readAllLines(g.resolve("odds.csv")).get(0).startsWith("round,agreed,"));
  }

  @Test
  void runOfATableCountsRoundsToo() throws IOException {
    CliTest.Run r = CliTest.cli("run", "--table", BDM, "--out", tmp.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(
        r.out().contains("2000-") || r.out().contains("2008-"), "no invented calendar: " + r.out());
    Matcher m = Pattern.compile("results: (.+)/").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(
        Files.readAllLines(Path.of(m.group(1)).resolve("rounds.csv"))
            .get(0)
            .startsWith("state,after_round,"));
  }
}
