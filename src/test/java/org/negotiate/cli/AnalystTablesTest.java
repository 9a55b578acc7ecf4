package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, item 4: the tables a data tool reads, through the real command line. */
class AnalystTablesTest {
  static final String BASELINE = "scenarios/baseline.yaml";
  private static final Pattern RESULTS = Pattern.compile("results: (.+)/");

  @TempDir Path tmp;

  private static Path runFolder(CliTest.Run r) {
    assertEquals(0, r.exit(), r.err());
    Matcher m = RESULTS.matcher(r.out());
    assertTrue(m.find(), r.out());
    return Path.of(m.group(1));
  }

  @Test
  void whatItTakesWritesPlainNumbersAndTheirKind() throws IOException {
    Path f =
        ExploreCommandsTest.folder(
            CliTest.cli(
                "whatittakes",
                BASELINE,
                "--runs",
                "40",
                "--grid",
                "3",
                "--refine",
                "1",
                "--threshold",
                "0.6",
                "--out",
                tmp.toString(),
                "--quiet"));
    for (String file : List.of("whatittakes.csv", "trials.csv")) {
      byte[] bytes = Files.readAllBytes(f.resolve(file));
      for (byte b : bytes)
        assertTrue(b >= 0, file + " is plain ASCII: " + new String(bytes, StandardCharsets.UTF_8));
    }
    List<String> rows = Files.readAllLines(f.resolve("whatittakes.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int kind = header.indexOf("kind");
    assertTrue(kind >= 0, rows.get(0));
    boolean factor = false;
    for (String row : rows.subList(1, rows.size())) {
      String[] c = split(row);
      assertTrue(List.of("shift", "factor").contains(c[kind]), row);
      factor |= c[kind].equals("factor");
      for (String col : List.of("largest_change", "change", "best_change")) {
        String v = c[header.indexOf(col)];
        if (!v.isEmpty()) Double.parseDouble(v); // a data tool's number, not "−12" or "×1.3"
      }
      if (c[kind].equals("shift") && c[header.indexOf("input")].endsWith(".position")) {
        assertTrue(Double.parseDouble(c[header.indexOf("largest_change")]) != 0, row);
      }
    }
    assertTrue(factor, "syria.flexibility is a factor: " + rows);
    List<String> trials = Files.readAllLines(f.resolve("trials.csv"));
    assertTrue(trials.get(0).startsWith("blocker,input,kind,change,"), trials.get(0));
    for (String row : trials.subList(1, trials.size())) Double.parseDouble(split(row)[3]);
  }

  @Test
  void runTakesBackTheSeedsOfOutcomesCsv() throws IOException {
    CliTest.Run odds =
        CliTest.cli(
            "odds",
            BASELINE,
            "--seed",
            "7",
            "--runs",
            "4",
            "--out",
            tmp.resolve("o").toString(),
            "--quiet");
    Matcher m = CliTest.SUMMARY.matcher(odds.out());
    assertTrue(m.find(), odds.out() + odds.err());
    String[] row3 =
        Files.readAllLines(Path.of(m.group(7)).resolve("outcomes.csv")).get(4).split(",");
    String seed = row3[1];
    assertTrue(seed.length() >= 19, "the seeds are 64-bit, most beyond a signed long: " + seed);
    // the replication's own seed replays that replication
    CliTest.Run replay =
        CliTest.cli(
            "run", BASELINE, "--replication-seed", seed, "--out", tmp.resolve("r").toString());
    runFolder(replay);
    String expected =
        switch (row3[2]) {
          case "agreed" -> "DEAL in " + row3[4];
          case "breakdown" -> "BREAKDOWN in " + row3[4];
          default -> "NO DEAL by " + row3[4];
        };
    assertTrue(
        replay.out().contains(expected),
        row3[2] + " " + row3[4] + " in odds; run says:\n" + replay.out());
    // and every seed the tool prints is accepted as a base seed, signed or unsigned
    for (String s : List.of(seed, "-3", "18446744073709551615")) {
      CliTest.Run r =
          CliTest.cli(
              "run", BASELINE, "--seed", s, "--rounds", "2", "--out", tmp.resolve("s").toString());
      assertEquals(0, r.exit(), s + ": " + r.err());
    }
    CliTest.Run bad =
        CliTest.cli("run", BASELINE, "--seed", "seven", "--out", tmp.resolve("s").toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("'seven' is not a seed"), bad.err());
    CliTest.Run both =
        CliTest.cli(
            "run",
            BASELINE,
            "--seed",
            "7",
            "--replication-seed",
            seed,
            "--out",
            tmp.resolve("b").toString());
    assertEquals(2, both.exit(), both.err());
  }

  @Test
  void oneReplicationWritesNoOddsChartAndNoBareDiagnostics() throws IOException {
    Path mediated =
        runFolder(
            CliTest.cli("run", BASELINE, "--seed", "7", "--out", tmp.resolve("m").toString()));
    for (String chart : List.of("odds", "terms", "blockers")) {
      assertFalse(
          Files.exists(mediated.resolve(chart + ".png"))
              || Files.exists(mediated.resolve(chart + ".svg")),
          chart);
    }
    assertTrue(Files.size(mediated.resolve("positions.png")) > 0);
    assertFalse(
        Files.exists(mediated.resolve("diagnostics.csv")),
        "the mediated text has no numbers of its own");
    Path eum =
        runFolder(
            CliTest.cli(
                "run",
                BASELINE,
                "--seed",
                "7",
                "--protocol",
                "eum",
                "--out",
                tmp.resolve("e").toString()));
    List<String> d = Files.readAllLines(eum.resolve("diagnostics.csv"));
    assertTrue(d.size() > 1, "eum's own numbers: " + d);
  }

  @Test
  void runAndOddsNumberTheStatesOfRoundsCsvAlike() throws IOException {
    Path run =
        runFolder(
            CliTest.cli("run", BASELINE, "--seed", "7", "--out", tmp.resolve("r").toString()));
    CliTest.Run odds =
        CliTest.cli(
            "odds",
            BASELINE,
            "--seed",
            "7",
            "--runs",
            "3",
            "--out",
            tmp.resolve("o").toString(),
            "--quiet");
    Matcher m = CliTest.SUMMARY.matcher(odds.out());
    assertTrue(m.find(), odds.out() + odds.err());
    List<String> r = Files.readAllLines(run.resolve("rounds.csv"));
    List<String> o = Files.readAllLines(Path.of(m.group(7)).resolve("rounds.csv"));
    assertTrue(r.get(0).startsWith("state,after_month,actor,issue,"), r.get(0));
    assertTrue(o.get(0).startsWith("state,after_month,actor,issue,"), o.get(0));
    // state 1 is the positions after the first round, at the end of the first month, in both
    assertTrue(
        r.stream().anyMatch(l -> l.startsWith("1,2022-12,turkey,withdrawal,")),
        r.subList(0, 5).toString());
    assertTrue(
        o.stream().anyMatch(l -> l.startsWith("1,2022-12,turkey,withdrawal,")),
        o.subList(0, 5).toString());
    assertTrue(
        r.stream().anyMatch(l -> l.startsWith("0,,turkey,withdrawal,")),
        "state 0: before the first round");
    assertFalse(
        o.stream().anyMatch(l -> l.startsWith("0,")), "odds tallies positions after each round");
  }

  /** One CSV row's fields (quoted fields may hold commas). */
  static String[] split(String row) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < row.length() && row.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out.toArray(String[]::new);
  }
}
