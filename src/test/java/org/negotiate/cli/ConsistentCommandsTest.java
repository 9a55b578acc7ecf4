package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 10: the commands take the same options the same way, and the results folder has an
 * index.
 */
class ConsistentCommandsTest {
  static final String BASELINE = "scenarios/baseline.yaml";
  static final String WHATIF = "scenarios/whatif/russia_distracted.yaml";

  @TempDir Path tmp;

  @Test
  void forecastTakesQuiet() {
    CliTest.Run r =
        CliTest.cli("forecast", BASELINE, "--runs", "10", "--quiet", "--out", tmp.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    assertTrue(r.out().startsWith("results: "), r.out());
  }

  @Test
  void oddsAndCompareReportByMonthAndCompareTakesAProtocol() throws IOException {
    CliTest.Run odds =
        CliTest.cli(
            "odds",
            BASELINE,
            "--runs",
            "60",
            "--month",
            "2023-12",
            "--quiet",
            "--out",
            tmp.toString());
    Matcher m = CliTest.SUMMARY.matcher(odds.out());
    assertTrue(m.find(), odds.out() + odds.err());
    assertEquals("2023-12", m.group(1));
    String row =
        Files.readAllLines(Path.of(m.group(7)).resolve("odds.csv")).stream()
            .filter(l -> l.contains(",2023-12,"))
            .findFirst()
            .orElseThrow();
    assertEquals(Double.parseDouble(row.split(",")[4]), Double.parseDouble(m.group(2)), 0.005, row);
    assertTrue(
        Files.readString(Path.of(m.group(7)).resolve("manifest.json"))
            .contains("\"by_month\" : \"2023-12\""));

    CliTest.Run outside =
        CliTest.cli(
            "odds",
            BASELINE,
            "--runs",
            "5",
            "--month",
            "2030-01",
            "--out",
            tmp.resolve("x").toString());
    assertEquals(2, outside.exit(), outside.err());
    assertTrue(outside.err().contains("--month: 2030-01 is outside the run"), outside.err());

    CliTest.Run c =
        CliTest.cli(
            "compare",
            BASELINE,
            WHATIF,
            "--runs",
            "40",
            "--protocol",
            "smp",
            "--month",
            "2023-12",
            "--quiet",
            "--out",
            tmp.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().startsWith("P(deal by 2023-12): baseline "), c.out());
    Matcher f = Pattern.compile(" · (\\S+)/\\s*$").matcher(c.out());
    assertTrue(f.find(), c.out());
    String manifest = Files.readString(Path.of(f.group(1)).resolve("manifest.json"));
    assertTrue(
        manifest.contains("\"protocol_a\" : \"smp\"")
            && manifest.contains("\"protocol_b\" : \"smp\""),
        manifest);
    assertTrue(manifest.contains("\"by_month\" : \"2023-12\""), manifest);

    // the index of the results folder: newest first, with the command and the headline
    CliTest.Run runs = CliTest.cli("runs", "--out", tmp.toString());
    assertEquals(0, runs.exit(), runs.err());
    List<String> lines = runs.out().lines().toList();
    assertEquals(2, lines.size(), runs.out());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.contains("negotiate compare ") && l.contains("P(deal by 2023-12): ")),
        runs.out());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.contains("negotiate odds ") && l.contains("P(deal by 2023-12) = ")),
        runs.out());
    // by the second each started (two fast runs may share one; then by folder)
    String first = lines.get(0).substring(0, lines.get(0).indexOf(" · "));
    String second = lines.get(1).substring(0, lines.get(1).indexOf(" · "));
    assertTrue(first.compareTo(second) >= 0, "newest first: " + runs.out());
    CliTest.Run latest = CliTest.cli("runs", "--out", tmp.toString(), "--latest");
    assertEquals(0, latest.exit(), latest.err());
    assertTrue(Files.isDirectory(Path.of(latest.out().strip())), latest.out());
    assertTrue(lines.get(0).contains(latest.out().strip()), latest.out() + " / " + lines.get(0));
    CliTest.Run none = CliTest.cli("runs", "--out", tmp.resolve("empty").toString(), "--latest");
    assertEquals(2, none.exit(), none.err());
  }
}
