package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** sweep, sensitivity, discover and whatittakes through the real command line, with small runs. */
class ExploreCommandsTest {
  static final String BASELINE = "scenarios/baseline.yaml";
  static final Pattern FOLDER = Pattern.compile(" · (\\S+)/\\s*$");

  @TempDir Path tmp;

  static CliTest.Run cli(String... args) {
    return CliTest.cli(args);
  }

  static Path folder(CliTest.Run r) {
    assertEquals(0, r.exit(), r.err());
    Matcher m = FOLDER.matcher(r.out().strip());
    assertTrue(m.find(), "folder at the end of: " + r.out());
    return Path.of(m.group(1));
  }

  static void hasFiles(Path folder, String... names) throws IOException {
    for (String f : names) assertTrue(Files.size(folder.resolve(f)) > 0, f);
  }

  @Test
  void sweepRecordsInvalidPointsAndIsTheSameWhateverTheThreads() throws IOException {
    String[] common = {
      "sweep",
      BASELINE,
      "--vary",
      "turkey.withdrawal.red_line.max=10:90:3",
      "--runs",
      "40",
      "--month",
      "2024-06",
      "--quiet"
    };
    CliTest.Run one = cli(concat(common, "--threads", "1", "--out", tmp.resolve("a").toString()));
    CliTest.Run three = cli(concat(common, "--threads", "3", "--out", tmp.resolve("b").toString()));
    Path a = folder(one);
    Path b = folder(three);
    assertTrue(
        one.out()
            .startsWith(
                "Sweep of turkey.withdrawal.red_line.max over 3 points (40 replications each): P(deal by 2024-11)"),
        one.out());
    assertTrue(one.out().contains("1 invalid point"), one.out());
    hasFiles(a, "manifest.json", "scenario.resolved.yaml", "sweep.csv", "sweep.png", "sweep.svg");
    List<String> rows = Files.readAllLines(a.resolve("sweep.csv"));
    assertEquals(4, rows.size());
    assertTrue(
        rows.get(0).startsWith("turkey.withdrawal.red_line.max,status,replications,final_month,"),
        rows.get(0));
    assertTrue(rows.get(1).startsWith("10,invalid,0,"), rows.get(1));
    assertTrue(rows.get(1).contains("excludes the actor's own position"), rows.get(1));
    assertTrue(rows.get(2).startsWith("50,ok,40,2024-11,"), rows.get(2));
    assertTrue(rows.get(2).contains(",2024-06,"), rows.get(2));
    assertTrue(rows.get(3).startsWith("90,ok,40,"), rows.get(3));
    for (String row : rows)
      assertEquals(rows.get(0).split(",", -1).length, row.split(",", -1).length, row);
    assertArrayEquals(
        Files.readAllBytes(a.resolve("sweep.csv")), Files.readAllBytes(b.resolve("sweep.csv")));
  }

  @Test
  void sweepOfTwoParametersDrawsAHeatMap() throws IOException {
    Path f =
        folder(
            cli(
                "sweep",
                BASELINE,
                "--vary",
                "turkey.withdrawal.red_line.max=50:90:2",
                "--vary",
                "protocol.noise=0:0.1:2",
                "--runs",
                "20",
                "--month",
                "2024-06",
                "--out",
                tmp.toString(),
                "--quiet"));
    hasFiles(
        f, "heatmap.png", "heatmap.svg", "heatmap_month.png", "heatmap_month.svg", "sweep.csv");
    List<String> rows = Files.readAllLines(f.resolve("sweep.csv"));
    assertEquals(5, rows.size());
    assertTrue(
        rows.get(0).startsWith("turkey.withdrawal.red_line.max,protocol.noise,status,"),
        rows.get(0));
    assertTrue(rows.get(2).startsWith("50,0.1,ok,"), rows.get(2));
    assertTrue(Files.readString(f.resolve("manifest.json")).contains("\"vary\""));
  }

  @Test
  void sweepRejectsUnknownPathsAndMalformedRangesBeforeWritingAnything() {
    CliTest.Run typo =
        cli(
            "sweep",
            BASELINE,
            "--vary",
            "turkey.withdrawl.position=0:100:3",
            "--out",
            tmp.toString());
    assertEquals(2, typo.exit());
    assertTrue(typo.err().contains("withdrawal"), typo.err());
    CliTest.Run range =
        cli(
            "sweep",
            BASELINE,
            "--vary",
            "turkey.withdrawal.position=0:100",
            "--out",
            tmp.toString());
    assertEquals(2, range.exit());
    assertTrue(range.err().contains("PATH=FROM:TO:STEPS"), range.err());
    CliTest.Run three =
        cli(
            "sweep",
            BASELINE,
            "--vary",
            "protocol.noise=0:1:2",
            "--vary",
            "agreement.tolerance=0:5:2",
            "--vary",
            "turkey.capability=50:60:2",
            "--out",
            tmp.toString());
    assertEquals(2, three.exit());
    CliTest.Run month =
        cli(
            "sweep",
            BASELINE,
            "--vary",
            "protocol.noise=0:1:2",
            "--month",
            "2030-01",
            "--out",
            tmp.toString());
    assertEquals(2, month.exit());
    assertTrue(month.err().contains("--month"), month.err());
    assertFalse(
        Files.exists(tmp.resolve("sweep-baseline"))
            && tmp.resolve("sweep-baseline").toFile().list().length > 0);
  }

  @Test
  void sensitivityWritesOneAtATimeAndSobolIndices() throws IOException {
    String[] args = {
      "sensitivity",
      BASELINE,
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
      "--quiet"
    };
    CliTest.Run r = cli(concat(args, "--threads", "1", "--out", tmp.resolve("a").toString()));
    Path f = folder(r);
    assertTrue(
        r.out()
            .startsWith(
                "Sensitivity of P(deal by 2024-11) to 3 inputs: largest total Sobol indices "),
        r.out());
    hasFiles(
        f,
        "manifest.json",
        "scenario.resolved.yaml",
        "oat.csv",
        "sobol.csv",
        "tornado.png",
        "tornado.svg",
        "sobol.png",
        "sobol.svg",
        "report.html");
    String brief = Files.readString(f.resolve("report.html"));
    assertTrue(
        brief.contains("Which assumptions matter?")
            && brief.contains("syria.cost_of_delay")
            && brief.contains("<svg"),
        "brief");
    List<String> oat = Files.readAllLines(f.resolve("oat.csv"));
    assertEquals(4, oat.size());
    assertTrue(
        oat.get(0)
            .startsWith(
                "input,settable,distribution,nominal,min,max,odds_nominal,odds_at_min,odds_at_max"));
    List<String> sobol = Files.readAllLines(f.resolve("sobol.csv"));
    assertEquals(4, sobol.size());
    for (String row : sobol.subList(1, sobol.size())) {
      String[] c = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
      double total = Double.parseDouble(c[6]);
      assertTrue(total >= 0, "Jansen's total index is a mean of squares: " + row);
      assertTrue(Double.parseDouble(c[7]) <= Double.parseDouble(c[8]), "an interval: " + row);
    }
    String manifest = Files.readString(f.resolve("manifest.json"));
    assertTrue(manifest.contains("\"design_points\" : 47"), manifest); // 2k + 1 + N(k + 2) = 7 + 40
    Path g = folder(cli(concat(args, "--threads", "3", "--out", tmp.resolve("b").toString())));
    assertArrayEquals(
        Files.readAllBytes(f.resolve("sobol.csv")), Files.readAllBytes(g.resolve("sobol.csv")));
    assertArrayEquals(
        Files.readAllBytes(f.resolve("oat.csv")), Files.readAllBytes(g.resolve("oat.csv")));
  }

  @Test
  void sensitivityWithoutSamplesIsOneAtATimeOnlyAndUnknownInputsAreBadInput() throws IOException {
    Path f =
        folder(
            cli(
                "sensitivity",
                BASELINE,
                "--inputs",
                "turkey.withdrawal",
                "--samples",
                "0",
                "--runs",
                "4",
                "--out",
                tmp.toString(),
                "--quiet"));
    hasFiles(f, "oat.csv", "tornado.png");
    assertFalse(Files.exists(f.resolve("sobol.csv")));
    assertEquals(3, Files.readAllLines(f.resolve("oat.csv")).size(), "position and red_line.max");
    CliTest.Run bad = cli("sensitivity", BASELINE, "--inputs", "nobody", "--out", tmp.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("turkey.withdrawal.position"), "lists the inputs: " + bad.err());
  }

  @Test
  void discoverFindsABoxAndSaysItInPlainWords() throws IOException {
    CliTest.Run r = cli("discover", BASELINE, "--runs", "300", "--out", tmp.toString(), "--quiet");
    Path f = folder(r);
    assertTrue(r.out().startsWith("a deal by 2024-11 in "), r.out());
    assertTrue(r.out().contains(" of runs when ") && r.out().contains("of all deals"), r.out());
    hasFiles(
        f, "manifest.json", "draws.csv", "prim.csv", "box.csv", "box.txt", "prim.png", "prim.svg");
    assertEquals(301, Files.readAllLines(f.resolve("draws.csv")).size());
    List<String> prim = Files.readAllLines(f.resolve("prim.csv"));
    assertTrue(prim.get(1).startsWith("0,peel,300,"), prim.get(1));
    assertTrue(
        prim.get(prim.size() - 1).contains(",final,")
            && prim.get(prim.size() - 1).endsWith(",yes"));
    List<String> box = Files.readAllLines(f.resolve("box.csv"));
    assertTrue(box.size() >= 2, "at least one restriction");
    for (String row : box.subList(1, box.size()))
      assertTrue(r.out().contains(row.split(",")[0]), row);
    List<String> draws = Files.readAllLines(f.resolve("draws.csv"));
    assertTrue(
        draws.get(0).startsWith("replication,seed,deal,round,turkey.capability,"), draws.get(0));
  }

  @Test
  void whatItTakesFindsTheSmallestChangesForTheMainBlocker() throws IOException {
    CliTest.Run r =
        cli(
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
            "--quiet");
    Path f = folder(r);
    assertTrue(r.out().startsWith("P(deal by 2024-11) = "), r.out());
    assertTrue(r.out().contains("main blocker syria"), r.out());
    hasFiles(
        f,
        "manifest.json",
        "whatittakes.csv",
        "trials.csv",
        "whatittakes.txt",
        "whatittakes.png",
        "whatittakes.svg");
    List<String> rows = Files.readAllLines(f.resolve("whatittakes.csv"));
    assertEquals(7, rows.size(), "six levers of syria");
    // Since issue 14 concession is driven by the cost of delay: its lever is tried (×4 at most),
    // and lowering Damascus's withdrawal red line is what lifts the odds past the threshold.
    assertTrue(
        rows.stream()
            .anyMatch(
                l ->
                    l.startsWith("syria,")
                        && l.contains("syria.cost_of_delay")
                        && l.contains(",factor,")),
        rows.toString());
    assertTrue(
        rows.stream()
            .anyMatch(
                l ->
                    l.startsWith("syria,")
                        && l.contains("syria.withdrawal.red_line.min")
                        && l.contains(",yes,")),
        rows.toString());
    String text = Files.readString(f.resolve("whatittakes.txt"));
    assertTrue(text.contains("Main blocker syria"), text);
    assertTrue(text.contains("--set syria.withdrawal.red_line.min="), text);
    String row =
        rows.stream()
            .filter(l -> l.contains("syria.withdrawal.red_line.min"))
            .findFirst()
            .orElseThrow();
    assertTrue(row.contains("syria.withdrawal.red_line.min=uniform("), row);
  }

  @Test
  void discoverAndWhatItTakesDoNotDependOnTheThreads() throws IOException {
    String[] d = {"discover", BASELINE, "--runs", "160", "--quiet"};
    Path d1 = folder(cli(concat(d, "--threads", "1", "--out", tmp.resolve("d1").toString())));
    Path d3 = folder(cli(concat(d, "--threads", "3", "--out", tmp.resolve("d3").toString())));
    for (String f : List.of("draws.csv", "prim.csv", "box.csv", "box.txt")) {
      assertArrayEquals(Files.readAllBytes(d1.resolve(f)), Files.readAllBytes(d3.resolve(f)), f);
    }
    String[] w = {
      "whatittakes",
      BASELINE,
      "--runs",
      "16",
      "--grid",
      "2",
      "--refine",
      "1",
      "--threshold",
      "0.7",
      "--quiet"
    };
    Path w1 = folder(cli(concat(w, "--threads", "1", "--out", tmp.resolve("w1").toString())));
    Path w3 = folder(cli(concat(w, "--threads", "3", "--out", tmp.resolve("w3").toString())));
    for (String f : List.of("whatittakes.csv", "trials.csv", "whatittakes.txt")) {
      assertArrayEquals(Files.readAllBytes(w1.resolve(f)), Files.readAllBytes(w3.resolve(f)), f);
    }
  }

  @Test
  void whatItTakesWhenAlreadyAboveTheThreshold() throws IOException {
    CliTest.Run r =
        cli(
            "whatittakes",
            BASELINE,
            "--runs",
            "20",
            "--threshold",
            "0.05",
            "--out",
            tmp.toString(),
            "--quiet");
    Path f = folder(r);
    assertTrue(r.out().contains("already at or above 0.05"), r.out());
    assertEquals(1, Files.readAllLines(f.resolve("whatittakes.csv")).size());
  }

  @Test
  void everyExplorationCommandIsListedInTheHelp() {
    CliTest.Run r = cli("--help");
    for (String c : List.of("sweep", "sensitivity", "discover", "whatittakes"))
      assertTrue(r.out().contains(c), r.out());
    try (Stream<String> s = Stream.of("sweep", "sensitivity", "discover", "whatittakes")) {
      s.forEach(
          c -> {
            CliTest.Run h = cli(c, "--help");
            assertEquals(0, h.exit(), c);
            for (String o : List.of("--runs", "--seed", "--threads", "--out", "--set"))
              assertTrue(h.out().contains(o), c + " " + o);
          });
    }
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
