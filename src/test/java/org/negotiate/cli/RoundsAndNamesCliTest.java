package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 10's leftovers: {@code --round N} is to an undated scenario (an actor table, or
 * {@code calendar.undated}) what {@code --month} is to a dated one, each refused where the results
 * do not count its way; and {@code compare} names two files that share a scenario name apart.
 */
class RoundsAndNamesCliTest {
  static final String BASELINE = "scenarios/baseline.yaml";
  static final String BDM = "scenarios/validation/seeds/case_a_eu_emissions.csv";
  static final String KTAB = "src/test/resources/tables/ktab/";

  @TempDir Path tmp;

  /** The baseline without dates: the same dynamics, counted in rounds. */
  private Path undatedBaseline() throws IOException {
    String yaml = Files.readString(Path.of(BASELINE));
    assertTrue(yaml.contains("\n  start: 2022-12\n"), "the baseline's calendar");
    Path p = tmp.resolve("undated.yaml");
    Files.writeString(
        p, yaml.replace("\n  start: 2022-12\n", "\n  start: 2022-12\n  undated: true\n"));
    return p;
  }

  private boolean nothingWritten(Path out) throws IOException {
    if (!Files.exists(out)) return true;
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile).findAny().isEmpty();
    }
  }

  /** The row of a table whose first column is {@code key}, as its cells. */
  private static String[] row(Path csv, String key) throws IOException {
    return Files.readAllLines(csv).stream()
        .filter(l -> l.startsWith(key + ","))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + key + " in " + csv))
        .split(",");
  }

  @Test
  void oddsOfAnUndatedScenarioByRound() throws IOException {
    Path undated = undatedBaseline();
    CliTest.Run r =
        CliTest.cli(
            "odds",
            undated.toString(),
            "--runs",
            "80",
            "--band",
            "0",
            "--round",
            "12",
            "--quiet",
            "--out",
            tmp.resolve("out").toString());
    Path f = CliTest.folderOf(r);
    assertTrue(r.out().startsWith("P(deal by round 12) = "), r.out());
    // the line's odds are odds.csv's at round 12 (header: round,agreed,replications,odds,...)
    assertEquals("round", Files.readAllLines(f.resolve("odds.csv")).get(0).split(",")[0]);
    double odds = Double.parseDouble(row(f.resolve("odds.csv"), "12")[3]);
    double shown = Double.parseDouble(r.out().substring("P(deal by round 12) = ".length(), 26));
    assertEquals(odds, shown, 0.0051, r.out()); // shown to two places
    double last = Double.parseDouble(row(f.resolve("odds.csv"), "23")[3]);
    assertTrue(last > odds, "the baseline's odds still rise after round 12: " + odds + " " + last);
    String manifest = Files.readString(f.resolve("manifest.json"));
    assertTrue(manifest.contains("\"by_round\" : 12"), manifest);
    assertFalse(manifest.contains("\"by_month\""), "no placeholder month: " + manifest);
  }

  @Test
  void eachOptionIsRefusedWhereTheResultsDoNotCountItsWay() throws IOException {
    Path undated = undatedBaseline();
    Path out = tmp.resolve("out");
    CliTest.Run month =
        CliTest.cli(
            "odds", "--table", BDM, "--month", "2000-05", "--runs", "5", "--out", out.toString());
    assertEquals(2, month.exit(), month.err());
    assertTrue(
        month.err().contains("--month: case-a-eu-emissions is an actor table without dates")
            && month.err().contains("give --round N, from 0 to"),
        month.err());
    CliTest.Run undatedMonth =
        CliTest.cli(
            "compare",
            undated.toString(),
            "--set-b",
            "syria.flexibility=0.9",
            "--month",
            "2023-06",
            "--runs",
            "5",
            "--out",
            out.toString());
    assertEquals(2, undatedMonth.exit(), undatedMonth.err());
    assertTrue(undatedMonth.err().contains("give --round N"), undatedMonth.err());
    CliTest.Run round =
        CliTest.cli("odds", BASELINE, "--round", "3", "--runs", "5", "--out", out.toString());
    assertEquals(2, round.exit(), round.err());
    assertTrue(
        round.err().contains("--round: baseline is dated (its results count months): give --month")
            && round.err().contains("from 2022-12 to 2024-11"),
        round.err());
    CliTest.Run outside =
        CliTest.cli(
            "odds", undated.toString(), "--round", "24", "--runs", "5", "--out", out.toString());
    assertEquals(2, outside.exit(), outside.err());
    assertTrue(
        outside.err().contains("--round: 24 is outside the run (round 0 to round 23)"),
        outside.err());
    CliTest.Run both =
        CliTest.cli(
            "odds",
            BASELINE,
            "--round",
            "3",
            "--month",
            "2023-06",
            "--runs",
            "5",
            "--out",
            out.toString());
    assertEquals(2, both.exit(), both.err());
    assertTrue(both.err().contains("--month and --round: give one"), both.err());
    for (CliTest.Run r : List.of(month, undatedMonth, round, outside, both)) {
      assertFalse(r.err().contains("\tat "), r.err());
    }
    assertTrue(nothingWritten(out), "no result folder after a refused option");
  }

  @Test
  void compareOfTablesByRound() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "compare",
            "--table",
            BDM,
            "--protocol",
            "mediated",
            "--set",
            "denmark.capability=uniform(0.05, 0.2)",
            "--set-b",
            "netherlands.capability=0.3",
            "--round",
            "7",
            "--runs",
            "20",
            "--quiet",
            "--out",
            tmp.toString());
    Path f = CliTest.folderOf(r);
    assertTrue(r.out().startsWith("P(deal by round 7): case-a-eu-emissions "), r.out());
    String manifest = Files.readString(f.resolve("manifest.json"));
    assertTrue(manifest.contains("\"by_round\" : 7"), manifest);
    assertFalse(manifest.contains("\"by_month\""), manifest);
    CliTest.Run runs = CliTest.cli("runs", "--out", tmp.toString());
    assertTrue(runs.out().contains("P(deal by round 7): "), runs.out());
  }

  @Test
  void theExplorationCommandsOfATableNameTheRound() throws IOException {
    List<String> table =
        List.of(
            "--table",
            BDM,
            "--protocol",
            "mediated",
            "--set",
            "denmark.capability=uniform(0.05, 0.2)",
            "--round",
            "5",
            "--runs",
            "4",
            "--rounds",
            "8",
            "--quiet",
            "--out",
            tmp.toString());
    for (List<String> command :
        List.of(
            List.of("sweep", "--vary", "netherlands.capability=0.05:0.3:2"),
            List.of("whatittakes"),
            List.of("discover"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(table);
      CliTest.Run r = CliTest.cli(args.toArray(String[]::new));
      Path f = CliTest.folderOf(r);
      // sweep's line gives the final round, the others --round's
      assertTrue(
          r.out().contains(command.get(0).equals("sweep") ? "by round 7" : "by round 5"), r.out());
      assertFalse(r.out().matches("(?s).*by \\d{4}-\\d{2}.*"), "no placeholder month: " + r.out());
      String manifest = Files.readString(f.resolve("manifest.json"));
      assertFalse(manifest.contains("\"by_month\""), manifest);
    }
  }

  @Test
  void twoTablesUnderOneNameAreNamedByTheirFiles() throws IOException {
    CliTest.Run r =
        CliTest.cli(
            "compare",
            "--table",
            KTAB + "dummyData-a040.csv",
            "--table-b",
            KTAB + "dummyData-a080.csv",
            "--runs",
            "1",
            "--rounds",
            "3",
            "--quiet",
            "--out",
            tmp.toString());
    Path f = CliTest.folderOf(r);
    // both tables' title cell is XYZ: the folder was compare-xyz-vs-xyz for either pair
    assertEquals(
        "compare-dummyData-a040-vs-dummyData-a080", f.getParent().getFileName().toString());
    assertTrue(
        r.out().contains(": dummyData-a040 0.") && r.out().contains("→ dummyData-a080 0."),
        r.out());

    // the same file name in two folders (a BDM table is named by its file): the folders tell
    // them apart
    Path x = Files.createDirectories(tmp.resolve("x")).resolve("table.csv");
    Path y = Files.createDirectories(tmp.resolve("y")).resolve("table.csv");
    Files.copy(Path.of(BDM), x);
    Files.writeString(
        y, Files.readString(Path.of(BDM)).replace("Netherlands,0.08", "Netherlands,0.3"));
    Path g =
        CliTest.folderOf(
            CliTest.cli(
                "compare",
                "--table",
                x.toString(),
                "--table-b",
                y.toString(),
                "--runs",
                "1",
                "--rounds",
                "3",
                "--quiet",
                "--out",
                tmp.toString()));
    assertEquals("compare-x-table-vs-y-table", g.getParent().getFileName().toString());
  }

  @Test
  void aCopyOfAScenarioUnderItsNameIsNamedByItsFile() throws IOException {
    Path mine = tmp.resolve("my_baseline.yaml");
    Files.copy(Path.of(BASELINE), mine);
    CliTest.Run r =
        CliTest.cli(
            "compare",
            BASELINE,
            mine.toString(),
            "--runs",
            "10",
            "--quiet",
            "--out",
            tmp.resolve("out").toString());
    Path f = CliTest.folderOf(r);
    assertEquals("compare-baseline-vs-my_baseline", f.getParent().getFileName().toString());
    String manifest = Files.readString(f.resolve("manifest.json"));
    assertTrue(manifest.contains("\"scenario_b\" : \"my_baseline\""), manifest);
    // changed by --set-b, the copy keeps its file's name and is marked changed
    Path g =
        CliTest.folderOf(
            CliTest.cli(
                "compare",
                BASELINE,
                mine.toString(),
                "--set-b",
                "syria.flexibility=0.9",
                "--runs",
                "10",
                "--quiet",
                "--out",
                tmp.resolve("out").toString()));
    assertEquals("compare-baseline-vs-my_baseline_set", g.getParent().getFileName().toString());
  }

  @Test
  void distinctNamesKeepOwnNamesUnlessTwoFilesShareOne() {
    assertArrayEquals(
        new String[] {"a", "b"},
        CompareCommand.distinctNames("a", Path.of("s/x.yaml"), "b", Path.of("s/x.yaml")));
    assertArrayEquals(
        new String[] {"same", "same"},
        CompareCommand.distinctNames("same", Path.of("s/x.yaml"), "same", Path.of("s/./x.yaml")));
    assertArrayEquals(
        new String[] {"x", "y"},
        CompareCommand.distinctNames("same", Path.of("s/x.yaml"), "same", Path.of("s/y.yaml")));
    assertArrayEquals(
        new String[] {"p-q-t", "r-q-t"},
        CompareCommand.distinctNames("t", Path.of("p/q/t.csv"), "t", Path.of("r/q/t.csv")));
    assertArrayEquals(
        new String[] {"same-a", "same-b"},
        CompareCommand.distinctNames("same", Path.of("a b.csv"), "same", Path.of("a+b.csv")));
  }
}
