package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 8 (stability): discover keeps only the box's conditions that survive bootstrap
 * resampling, so its box no longer changes with the sample size; whatittakes says a change
 * "reaches" the threshold only when the interval's lower end does.
 */
@Tag("long") // the long suite (mvn -B verify -Plong): discover at 1,000 and 2,000 runs, ~40 s
class StabilityWordsTest {
  static final String BASELINE = "scenarios/baseline.yaml";
  @TempDir Path tmp;

  @Test
  void whatItTakesSaysReachesOnlyWhenTheIntervalsLowerEndDoes() throws IOException {
    // few runs: the first estimate at the threshold has a wide interval
    CliTest.Run r =
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
            "--quiet");
    Path f = ExploreCommandsTest.folder(r);
    List<String> rows = Files.readAllLines(f.resolve("whatittakes.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int found = header.indexOf("found"),
        lower = header.indexOf("lower95"),
        clears = header.indexOf("interval_clears");
    assertTrue(clears > 0, rows.get(0));
    String text = Files.readString(f.resolve("whatittakes.txt"));
    int checked = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      if (!c[found].equals("yes")) continue;
      boolean sure = Double.parseDouble(c[lower]) >= 0.6;
      assertEquals(sure ? "yes" : "no", c[clears], row);
      checked++;
    }
    assertTrue(checked > 0, "a change was found: " + rows);
    for (String line : text.lines().filter(l -> l.matches(".*: P = [0-9.]+ \\[.*")).toList()) {
      double lo = Double.parseDouble(line.replaceAll(".*P = [0-9.]+ \\[([0-9.]+), .*", "$1"));
      assertEquals(lo >= 0.6, line.contains("reaches 0.60"), line);
      if (lo < 0.6) assertTrue(line.contains("the interval's lower end is not"), line);
    }
    // the summary line shows the interval, and says when it does not clear the threshold
    assertTrue(r.out().contains("estimated to reach 0.60: "), r.out());
    assertFalse(
        r.out().matches("(?s).*\\((0\\.[0-9]+)\\) .*"),
        "a bare estimate without its interval: " + r.out());
  }

  @Test
  void discoversBoxKeepsOnlyStableConditionsAndTheyDoNotChangeWithTheSampleSize()
      throws IOException {
    // before: 8 conditions at 1,000 runs, 4 at 2,000
    List<String> kept = null;
    for (String runs : new String[] {"1000", "2000"}) {
      CliTest.Run r =
          CliTest.cli(
              "discover",
              BASELINE,
              "--runs",
              runs,
              "--quiet",
              "--out",
              tmp.resolve(runs).toString());
      Path f = ExploreCommandsTest.folder(r);
      assertTrue(r.out().contains("stability over 50 bootstrap resamples: kept "), r.out());
      List<String> rows = Files.readAllLines(f.resolve("box.csv"));
      assertTrue(rows.get(0).endsWith(",stability"), rows.get(0));
      List<String> inputs = new java.util.ArrayList<>();
      for (String row : rows.subList(1, rows.size())) {
        String[] c = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        assertTrue(
            Double.parseDouble(c[c.length - 1]) >= 0.7, "only conditions that survive: " + row);
        inputs.add(c[0]);
      }
      assertFalse(inputs.isEmpty(), r.out());
      if (kept != null) assertEquals(kept, inputs, "the same conditions at 1,000 and 2,000 runs");
      kept = inputs;
      assertTrue(Files.readString(f.resolve("manifest.json")).contains("\"keep_share\""));
    }
  }
}
