package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecasts as of a date and back-tests, through the real command line on the real baseline. */
class AsOfCliTest {
  static final Path BASELINE = Path.of("scenarios/baseline.yaml");

  @TempDir Path tmp;
  private int copies;

  private static Path folder(CliTest.Run r) {
    Matcher m = CliTest.SUMMARY.matcher(r.out());
    assertTrue(m.find(), r.out() + r.err());
    return Path.of(m.group(7));
  }

  /** A copy of the baseline and its seeds in tmp, with {@code extra} appended. */
  private Path baselineWith(String extra) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("case" + (++copies)));
    Path seeds = Files.createDirectories(dir.resolve("seeds"));
    try (Stream<Path> s = Files.list(Path.of("scenarios/seeds"))) {
      for (Path p : s.toList()) Files.copy(p, seeds.resolve(p.getFileName()));
    }
    Path f = dir.resolve("baseline.yaml");
    Files.writeString(f, Files.readString(BASELINE) + extra);
    return f;
  }

  @Test
  void aForecastAsOfJune2023KnowsNothingLaterAndDiffersFromHindsight() throws IOException {
    CliTest.Run asOf =
        CliTest.cli(
            "odds",
            BASELINE.toString(),
            "--as-of",
            "2023-06",
            "--runs",
            "300",
            "--out",
            tmp.toString(),
            "--quiet",
            "--analyse",
            "0");
    assertEquals(0, asOf.exit(), asOf.err());
    assertTrue(asOf.out().contains("as of 2023-06: kept"), asOf.out());
    Path dir = folder(asOf);
    String resolved = Files.readString(dir.resolve("scenario.resolved.yaml"));
    // 000 and 001 are dated 2024-08: none of their quotes, and no event after June 2023, may remain
    assertFalse(
        resolved.contains("000#")
            || resolved.contains("001#")
            || resolved.contains("\"000")
            || resolved.contains("\"001"),
        resolved);
    for (String later : List.of("anti_refugee_riots", "withdrawal_not_precondition"))
      assertFalse(resolved.contains(later), later);
    assertTrue(
        resolved.contains("forecast: 2023-06"), "the resolved scenario records its as-of month");
    String brief = Files.readString(dir.resolve("report.html"));
    assertTrue(brief.contains("Forecast as of 2023-06"), "the brief states the as-of month");
    assertTrue(
        brief.contains("runs kept, those that reproduce the observations")
            && !brief.contains("negotiate odds --movers N"),
        "what goes with a deal is over the kept runs, with no pointer to --movers (not for them)");
    assertTrue(Files.size(dir.resolve("movers.csv")) > 0, "movers.csv");
    assertFalse(
        brief.contains("000_4ca6137ee87e54f4") || brief.contains("001_d1b975f9b1cc181c"),
        "the brief's assumptions cite no later source");
    String manifest = Files.readString(dir.resolve("manifest.json"));
    assertTrue(
        manifest.contains("\"as_of\"") && manifest.contains("\"effective_sample_size\""), manifest);
    assertTrue(
        Files.size(dir.resolve("posterior.csv")) > 0
            && Files.size(dir.resolve("posterior.png")) > 0);

    CliTest.Run hindsight =
        CliTest.cli(
            "odds",
            BASELINE.toString(),
            "--runs",
            "300",
            "--out",
            tmp.toString(),
            "--quiet",
            "--analyse",
            "0");
    assertEquals(0, hindsight.exit(), hindsight.err());
    Matcher a = CliTest.SUMMARY.matcher(asOf.out());
    Matcher h = CliTest.SUMMARY.matcher(hindsight.out());
    assertTrue(a.find() && h.find());
    assertNotEquals(h.group(2), a.group(2), "the as-of odds differ from the hindsight run's");
    // the resolved scenario reruns to the same numbers
    CliTest.Run rerun =
        CliTest.cli(
            "odds",
            dir.resolve("scenario.resolved.yaml").toString(),
            "--runs",
            "300",
            "--out",
            tmp.resolve("again").toString(),
            "--quiet",
            "--analyse",
            "0");
    assertEquals(0, rerun.exit(), rerun.err());
    Matcher r = CliTest.SUMMARY.matcher(rerun.out());
    assertTrue(r.find());
    assertEquals(
        a.group(2), r.group(2), "a cut is idempotent: its resolved scenario gives the same odds");
  }

  @Test
  void backtestScoresAreThoseAHandComputationGives() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "backtest", BASELINE.toString(), "--runs", "100", "--out", tmp.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    Path dir;
    try (Stream<Path> s = Files.list(tmp.resolve("backtest-baseline"))) {
      dir = s.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    for (String f :
        List.of(
            "backtest.csv", "backtest.png", "backtest.svg", "reliability.png", "manifest.json")) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    List<String> rows = Files.readAllLines(dir.resolve("backtest.csv"));
    assertEquals(24, rows.size(), "a header and 23 as-of months (2022-12 to 2024-10)");
    double sum = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      double p = Double.parseDouble(c[2]);
      assertEquals("0", c[7], "the recorded outcome: no agreement");
      assertEquals(
          p * p, Double.parseDouble(c[8]), 5e-6, "Brier of " + row); // both written to 6 decimals
      assertEquals(0.25, Double.parseDouble(c[11]), 1e-9, "the base rate 0.5 scores 0.25");
      sum += p * p;
    }
    double mean = sum / 23;
    assertTrue(
        r.out().contains(String.format(java.util.Locale.ROOT, "mean Brier %.3f", mean)), r.out());
  }

  @Test
  void badAsOfInputsAreExitTwoWithWhereAndWhat() throws IOException {
    CliTest.Run outside =
        CliTest.cli(
            "odds", BASELINE.toString(), "--as-of", "2030-01", "--out", tmp.toString(), "--quiet");
    assertEquals(2, outside.exit());
    assertTrue(
        outside.err().contains("--as-of") && outside.err().contains("2022-12 to 2024-11"),
        outside.err());
    CliTest.Run malformed =
        CliTest.cli(
            "odds", BASELINE.toString(), "--as-of", "June", "--out", tmp.toString(), "--quiet");
    assertEquals(2, malformed.exit());
    assertTrue(malformed.err().contains("YYYY-MM"), malformed.err());

    Path unknown =
        baselineWith(
            """
          - id: nobody_demands
            kind: demand
            actor: nobody
            issue: withdrawal
            month: 2023-05
            min: 10
            evidence: ["002#convened in Moscow for significant talks"]
            rationale: a test
        """
                .replace("    - id", "  - id")
                .replace("\n      ", "\n    "));
    // appended after the caveats: put it under observations by rewriting the section
    String text =
        Files.readString(unknown)
            .replace(
                "observations:\n",
                "observations:\n  - id: nobody_demands\n    kind: demand\n"
                    + "    actor: nobody\n    issue: withdrawal\n    month: 2023-05\n    min: 10\n    evidence: [\"002#convened in Moscow for significant talks\"]\n"
                    + "    rationale: a test\n");
    text = text.substring(0, text.lastIndexOf("  - id: nobody_demands"));
    Files.writeString(unknown, text);
    CliTest.Run v = CliTest.cli("validate", unknown.toString());
    assertEquals(2, v.exit());
    assertTrue(
        v.err()
            .matches(
                "(?s).*baseline\\.yaml:\\d+:\\d+: observations\\[nobody_demands\\]\\.actor: unknown actor \"nobody\".*"),
        v.err());

    Path impossible = baselineWith("");
    Files.writeString(
        impossible,
        Files.readString(impossible)
            .replace(
                "observations:\n",
                "observations:\n"
                    + "  - id: russia_far_away\n    kind: demand\n    actor: russia\n    issue: withdrawal\n    month: 2023-05\n    max: 5\n"
                    + "    evidence: [\"002#convened in Moscow for significant talks\"]\n    rationale: impossible under uniform(35, 60)\n"));
    CliTest.Run none =
        CliTest.cli(
            "odds",
            impossible.toString(),
            "--as-of",
            "2023-06",
            "--runs",
            "50",
            "--out",
            tmp.resolve("none").toString(),
            "--quiet");
    assertEquals(2, none.exit(), none.out() + none.err());
    assertTrue(
        none.err()
            .matches(
                "(?s).*baseline\\.yaml:\\d+:\\d+: observations\\[russia_far_away\\]: no replication of .*"),
        none.err());
    assertFalse(
        Files.exists(tmp.resolve("none/baseline"))
            && Files.list(tmp.resolve("none/baseline")).findAny().isPresent(),
        "no result folder is left behind");

    Path noOutcome = Files.createDirectories(tmp.resolve("no-outcome"));
    Path tiny = Path.of("src/test/resources/scenarios/tiny.yaml");
    CliTest.Run bt =
        CliTest.cli("backtest", tiny.toString(), "--out", noOutcome.toString(), "--quiet");
    assertEquals(2, bt.exit());
    assertTrue(bt.err().contains("tiny.yaml") && bt.err().contains("records no outcome"), bt.err());
  }

  @Test
  void aCitationOfAnUndatedSourceIsRefused() throws IOException {
    Path f = baselineWith("");
    Path sources = f.getParent().resolve("seeds/sources.yaml");
    String text = Files.readString(sources);
    Files.writeString(sources, text.substring(0, text.indexOf("  - file: \"004\"")));
    CliTest.Run v = CliTest.cli("validate", f.toString());
    assertEquals(2, v.exit());
    assertTrue(v.err().contains("source \"004\" has no date"), v.err());
  }
}
