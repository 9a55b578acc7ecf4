package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code negotiate compare}, in process on the real scenarios. */
class CompareTest {
  static final String BASELINE = "scenarios/baseline.yaml";
  static final String NO_EARTHQUAKE = "scenarios/whatif/no_earthquake.yaml";
  static final Pattern SUMMARY =
      Pattern.compile(
          "P\\(deal by (\\d{4}-\\d{2})\\): (\\S+) (\\d\\.\\d\\d) → (\\S+) (\\d\\.\\d\\d), difference (−?\\d\\.\\d\\d) "
              + "\\[(−?\\d\\.\\d\\d), (−?\\d\\.\\d\\d)\\] \\(paired\\) · (.+)/");

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private Matcher summary(Run r) {
    assertEquals(0, r.exit(), r.err());
    Matcher m = SUMMARY.matcher(r.out());
    assertTrue(m.find(), "summary line in: " + r.out());
    return m;
  }

  /** compare.csv as rows of named columns. */
  private static List<java.util.Map<String, String>> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    String[] head = lines.get(0).split(",");
    return lines.subList(1, lines.size()).stream()
        .map(
            l -> {
              String[] v = l.split(",");
              java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
              for (int i = 0; i < head.length; i++) m.put(head[i], v[i]);
              return m;
            })
        .toList();
  }

  @Test
  void aScenarioComparedWithItselfDiffersByExactlyZeroEveryMonth() throws IOException {
    Matcher m =
        summary(
            cli(
                "compare",
                BASELINE,
                BASELINE,
                "--runs",
                "300",
                "--out",
                tmp.toString(),
                "--quiet"));
    assertEquals("baseline", m.group(2));
    assertEquals("baseline", m.group(4));
    assertEquals(m.group(3), m.group(5));
    assertEquals("0.00", m.group(6));
    assertEquals("0.00", m.group(7));
    assertEquals("0.00", m.group(8));
    Path folder = Path.of(m.group(9));
    assertTrue(folder.startsWith(tmp.resolve("compare-baseline-vs-baseline")), folder.toString());
    List<java.util.Map<String, String>> rows = rows(folder.resolve("compare.csv"));
    assertEquals(24, rows.size());
    for (java.util.Map<String, String> row : rows) {
      assertEquals(row.get("odds_a"), row.get("odds_b"));
      assertEquals("0", row.get("only_a"));
      assertEquals("0", row.get("only_b"));
      assertEquals("0.000000", row.get("difference"), row.toString());
      assertEquals("0.000000", row.get("paired_lower95"), row.toString());
      assertEquals("0.000000", row.get("paired_upper95"), row.toString());
    }
    assertEquals(List.of("path,a,b"), Files.readAllLines(folder.resolve("inputs.csv")));
    assertTrue(
        Arrays.equals(
            Files.readAllBytes(folder.resolve("scenario_a.resolved.yaml")),
            Files.readAllBytes(folder.resolve("scenario_b.resolved.yaml"))));
  }

  @Test
  void baselineAgainstNoEarthquakeWritesEveryFileAndPairingNarrowsTheInterval() throws IOException {
    Matcher m =
        summary(
            cli(
                "compare",
                BASELINE,
                NO_EARTHQUAKE,
                "--runs",
                "400",
                "--threads",
                "2",
                "--out",
                tmp.toString(),
                "--quiet"));
    assertEquals("2024-11", m.group(1));
    assertEquals("no_earthquake", m.group(4));
    Path folder = Path.of(m.group(9));
    for (String f :
        List.of(
            "manifest.json",
            "scenario_a.resolved.yaml",
            "scenario_b.resolved.yaml",
            "compare.csv",
            "inputs.csv",
            "blockers.csv",
            "odds.png",
            "odds.svg",
            "difference.png",
            "difference.svg")) {
      assertTrue(Files.size(folder.resolve(f)) > 0, f);
    }
    List<java.util.Map<String, String>> rows = rows(folder.resolve("compare.csv"));
    java.util.Map<String, String> last = rows.get(rows.size() - 1);
    double paired =
        Double.parseDouble(last.get("paired_upper95"))
            - Double.parseDouble(last.get("paired_lower95"));
    double unpaired =
        Double.parseDouble(last.get("unpaired_upper95"))
            - Double.parseDouble(last.get("unpaired_lower95"));
    assertTrue(paired > 0 && paired < unpaired, "paired " + paired + " vs unpaired " + unpaired);
    double diff = Double.parseDouble(last.get("difference"));
    assertEquals(
        Double.parseDouble(last.get("odds_b")) - Double.parseDouble(last.get("odds_a")),
        diff,
        1e-6);
    assertTrue(diff < 0, "without the earthquake's push the odds fall: " + diff);
    assertEquals(
        List.of(
            "path,a,b",
            "events.earthquake,\"at 2023-02: turkey.cost_of_delay scale uniform(1, 1.4); "
                + "syria.cost_of_delay scale uniform(1, 1.4)\",(none)"),
        Files.readAllLines(folder.resolve("inputs.csv")));
    List<String> blockers = Files.readAllLines(folder.resolve("blockers.csv"));
    assertEquals("actor,name,failed_runs_a,share_a,failed_runs_b,share_b", blockers.get(0));
    assertTrue(blockers.stream().anyMatch(l -> l.startsWith("syria,")), blockers.toString());
    String manifest = Files.readString(folder.resolve("manifest.json"));
    assertTrue(
        manifest.contains("\"command\" : \"negotiate compare scenarios/baseline.yaml"), manifest);
    assertTrue(manifest.contains("\"replications\" : 400"), manifest);
  }

  @Test
  void sameInputsGiveByteIdenticalTablesWithOneAndFourThreads() throws IOException {
    Path one =
        Path.of(
            summary(
                    cli(
                        "compare",
                        BASELINE,
                        NO_EARTHQUAKE,
                        "--runs",
                        "120",
                        "--threads",
                        "1",
                        "--out",
                        tmp.resolve("a").toString(),
                        "--quiet"))
                .group(9));
    Path four =
        Path.of(
            summary(
                    cli(
                        "compare",
                        BASELINE,
                        NO_EARTHQUAKE,
                        "--runs",
                        "120",
                        "--threads",
                        "4",
                        "--out",
                        tmp.resolve("b").toString(),
                        "--quiet"))
                .group(9));
    for (String f : List.of("compare.csv", "inputs.csv", "blockers.csv")) {
      assertTrue(
          Arrays.equals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(four.resolve(f))),
          f);
    }
  }

  @Test
  void setAppliesToBothScenarios() throws IOException {
    Path folder =
        Path.of(
            summary(
                    cli(
                        "compare",
                        BASELINE,
                        NO_EARTHQUAKE,
                        "--runs",
                        "50",
                        "--set",
                        "protocol.noise=0",
                        "--out",
                        tmp.toString(),
                        "--quiet"))
                .group(9));
    for (String f : List.of("scenario_a.resolved.yaml", "scenario_b.resolved.yaml")) {
      assertTrue(Files.readString(folder.resolve(f)).contains("noise: 0\n"), f);
    }
  }

  @Test
  void badInputExitsTwoAndWritesNothing() throws IOException {
    Run r =
        cli(
            "compare",
            BASELINE,
            "scenarios/whatif/missing.yaml",
            "--runs",
            "10",
            "--out",
            tmp.toString(),
            "--quiet");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("missing.yaml"), r.err());
    Run s =
        cli(
            "compare",
            BASELINE,
            NO_EARTHQUAKE,
            "--set",
            "nobody.capability=3",
            "--out",
            tmp.toString(),
            "--quiet");
    assertEquals(2, s.exit(), s.err());
    try (var left = Files.list(tmp)) {
      assertEquals(0, left.count());
    }
  }
}
