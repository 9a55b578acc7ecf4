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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --set-b} (an inline what-if) and {@code compare --table/--table-b}, through the
 * real CLI.
 */
class CompareWhatIfTest {
  static final String BASELINE = "scenarios/baseline.yaml";
  static final String BDM = "scenarios/validation/seeds/case_a_eu_emissions.csv";
  static final String KTAB = "src/test/resources/tables/ktab/";
  private static final Pattern FOLDER = Pattern.compile(" · (\\S+)/\\s*$");

  @TempDir Path tmp;

  private static Path folder(CompareTest.Run r) {
    assertEquals(0, r.exit(), r.err());
    Matcher m = FOLDER.matcher(r.out());
    assertTrue(m.find(), r.out());
    return Path.of(m.group(1));
  }

  /** One column of compare.csv, by name. */
  private static List<String> column(Path csv, String name) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    int k = List.of(lines.get(0).split(",")).indexOf(name);
    assertTrue(k >= 0, name + " in " + lines.get(0));
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",")[k]).toList();
  }

  private boolean nothingWritten() throws IOException {
    if (!Files.exists(tmp)) return true;
    try (Stream<Path> s = Files.list(tmp)) {
      return s.findAny().isEmpty();
    }
  }

  @Test
  void setBComparesAScenarioWithItselfChangedOnSideBOnly() throws IOException {
    Path plain =
        folder(
            CompareTest.cli(
                "compare",
                BASELINE,
                BASELINE,
                "--runs",
                "200",
                "--quiet",
                "--out",
                tmp.toString()));
    CompareTest.Run r =
        CompareTest.cli(
            "compare",
            BASELINE,
            "--set-b",
            "syria.flexibility=0.9",
            "--runs",
            "200",
            "--quiet",
            "--out",
            tmp.toString());
    Path f = folder(r);
    assertTrue(r.out().contains(" baseline+set "), "B is named <A>+set: " + r.out());
    assertTrue(f.startsWith(tmp.resolve("compare-baseline-vs-baseline_set")), f.toString());
    // A is the scenario as written, over the same draws: its odds are those of compare A A
    assertEquals(
        column(plain.resolve("compare.csv"), "odds_a"), column(f.resolve("compare.csv"), "odds_a"));
    assertNotEquals(
        column(f.resolve("compare.csv"), "odds_a"),
        column(f.resolve("compare.csv"), "odds_b"),
        "a flexibility of 0.9 changes B's odds in some month");
    List<String> inputs = Files.readAllLines(f.resolve("inputs.csv"));
    assertEquals("path,a,b", inputs.get(0));
    assertTrue(
        inputs.stream().anyMatch(l -> l.startsWith("syria.flexibility,") && l.endsWith(",0.9")),
        inputs.toString());
    assertEquals(2, inputs.size(), "only the set input differs: " + inputs);
    String manifest = Files.readString(f.resolve("manifest.json"));
    assertTrue(manifest.contains("\"overrides_b\" : [ \"syria.flexibility=0.9\" ]"), manifest);
    assertTrue(manifest.contains("\"scenario_b\" : \"baseline+set\""), manifest);
    String brief = Files.readString(f.resolve("report.html"));
    assertTrue(brief.contains("baseline+set"), "the brief names B");
    assertTrue(
        brief.contains("B is A with <code>syria.flexibility=0.9</code> (--set-b)."),
        "the brief lists the sets");
    assertTrue(
        Files.readString(f.resolve("scenario_b.resolved.yaml")).contains("flexibility: 0.9"));
  }

  @Test
  void aBadSetBIsTheClearErrorOfSetAndWritesNothing() throws IOException {
    CompareTest.Run path =
        CompareTest.cli(
            "compare",
            BASELINE,
            "--set-b",
            "syria.flexibilty=0.9",
            "--runs",
            "20",
            "--quiet",
            "--out",
            tmp.toString());
    assertEquals(2, path.exit(), path.err());
    assertTrue(
        path.err().startsWith("--set-b syria.flexibilty=0.9: unknown field \"flexibilty\""),
        path.err());
    CompareTest.Run value =
        CompareTest.cli(
            "compare",
            BASELINE,
            "--set-b",
            "syria.flexibility=abc",
            "--runs",
            "20",
            "--quiet",
            "--out",
            tmp.toString());
    assertEquals(2, value.exit(), value.err());
    assertTrue(
        value.err().startsWith("--set-b syria.flexibility=abc: expected a number"), value.err());
    for (CompareTest.Run r : List.of(path, value))
      assertFalse(r.err().contains("Exception"), r.err());
    assertTrue(nothingWritten(), "no result folder");
  }

  @Test
  void withoutBOrSetBCompareSaysWhatItNeeds() throws IOException {
    CompareTest.Run r =
        CompareTest.cli("compare", BASELINE, "--runs", "20", "--quiet", "--out", tmp.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("give scenario B") && r.err().contains("--set-b"), r.err());
    CompareTest.Run three =
        CompareTest.cli(
            "compare", "--table", BDM, BASELINE, BASELINE, "--quiet", "--out", tmp.toString());
    assertEquals(2, three.exit(), three.err());
    assertTrue(three.err().contains("one scenario too many"), three.err());
    assertTrue(nothingWritten());
  }

  @Test
  void aTableAgainstItselfWithSetBCountsRounds() throws IOException {
    CompareTest.Run r =
        CompareTest.cli(
            "compare",
            "--table",
            BDM,
            "--protocol",
            "mediated",
            "--set",
            "denmark.capability=uniform(0.05, 0.2)",
            "--set-b",
            "netherlands.capability=0.3",
            "--runs",
            "30",
            "--quiet",
            "--out",
            tmp.toString());
    Path f = folder(r);
    assertTrue(r.out().startsWith("P(deal by round "), r.out());
    assertTrue(r.out().contains("case-a-eu-emissions+set"), r.out());
    assertTrue(
        Files.readAllLines(f.resolve("compare.csv")).get(0).startsWith("round,replications,"),
        "no month column");
    for (String file :
        List.of(
            "compare.csv",
            "inputs.csv",
            "blockers.csv",
            "odds.svg",
            "difference.svg",
            "report.html")) {
      String text = Files.readString(f.resolve(file));
      assertFalse(
          text.contains("2000-") || text.contains("January 2000") || text.contains("2008-"),
          file + " shows the placeholder calendar");
    }
    assertTrue(
        Files.readString(f.resolve("odds.svg")).contains("Round (the tables have no dates"),
        "the chart counts rounds");
    assertTrue(
        Files.readString(f.resolve("report.html")).contains("Odds of a deal round by round"),
        "the brief counts rounds");
    assertEquals(
        List.of("path,a,b", "netherlands.capability,0.08,0.3"),
        Files.readAllLines(f.resolve("inputs.csv")));
    String manifest = Files.readString(f.resolve("manifest.json"));
    assertTrue(manifest.contains("\"counts\" : \"rounds\""), manifest);
    assertTrue(manifest.contains("\"protocol_a\" : \"mediated\""), manifest);
  }

  @Test
  void twoTablesAreComparedWithTheirOwnModel() throws IOException {
    CompareTest.Run r =
        CompareTest.cli(
            "compare",
            "--table",
            KTAB + "dummyData-a040.csv",
            "--table-b",
            KTAB + "dummyData-a080.csv",
            "--runs",
            "5",
            "--quiet",
            "--out",
            tmp.toString());
    Path f = folder(r);
    assertTrue(r.out().startsWith("P(deal by round "), r.out());
    String manifest = Files.readString(f.resolve("manifest.json"));
    assertTrue(
        manifest.contains("\"protocol_a\" : \"smp\"")
            && manifest.contains("\"protocol_b\" : \"smp\""),
        manifest);
    assertTrue(
        manifest.contains("\"table_a\" : true") && manifest.contains("\"table_b\" : true"),
        manifest);
    assertTrue(Files.readAllLines(f.resolve("inputs.csv")).size() > 1, "the tables differ");
  }

  @Test
  void aTableAndADatedScenarioAreNotCompared() throws IOException {
    CompareTest.Run r =
        CompareTest.cli(
            "compare", "--table", BDM, BASELINE, "--runs", "5", "--quiet", "--out", tmp.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("is an actor table (it counts rounds)"), r.err());
    assertTrue(nothingWritten());
  }
}
