package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18.10 through the real command: a table too large for the default outcome analysis says so
 * (stderr and manifest) instead of running it for hours, and the brief lists a bounded part of the
 * assumptions with a pointer to the resolved scenario; an explicit --analyse still runs.
 */
class LargeTableCliTest {
  @TempDir Path tmp;

  /**
   * The result folder the summary line names (a table's line counts rounds, or says it ran once).
   */
  private static Path folder(CliTest.Run r) {
    Matcher m =
        java.util.regex.Pattern.compile(" · (\\S+)/\\s*$", java.util.regex.Pattern.MULTILINE)
            .matcher(r.out());
    assertTrue(m.find(), r.out());
    return Path.of(m.group(1));
  }

  /** A KTAB table of {@code actors} actors on {@code dims} dimensions, random but fixed. */
  private Path table(int actors, int dims) throws Exception {
    SplittableRandom r = new SplittableRandom(18_10);
    StringBuilder sb =
        new StringBuilder("Large,test table," + actors + "," + dims + "\nActor,Description,Power");
    for (int k = 0; k < dims; k++) sb.append(",Pos").append(k).append(",Sal").append(k);
    sb.append('\n');
    for (int a = 0; a < actors; a++) {
      sb.append(String.format(Locale.ROOT, "A%03d,Actor %d,%.2f", a, a, r.nextDouble(10, 200)));
      for (int k = 0; k < dims; k++)
        sb.append(
            String.format(
                Locale.ROOT, ",%.2f,%.2f", r.nextDouble(0, 100), r.nextDouble(1, 90.0 / dims)));
      sb.append('\n');
    }
    Path f = tmp.resolve("large.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void theDefaultAnalysisIsLeftOutAndSaidSoOnALargeTable() throws Exception {
    Path t = table(40, 14);
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "--table",
            t.toString(),
            "--protocol",
            "mediated",
            "--rounds",
            "6",
            "--runs",
            "2",
            "--out",
            tmp.resolve("out").toString(),
            "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("outcome analysis left out: 40 parties on 14 issues"), r.err());
    Path folder = folder(r);
    String manifest = Files.readString(folder.resolve("manifest.json"));
    assertTrue(manifest.contains("\"analysis_note\""), manifest);
    assertTrue(manifest.contains("--analyse 0 "), manifest);
    assertFalse(manifest.contains("analysed_replications"), manifest);
    String brief = Files.readString(folder.resolve("report.html"));
    assertTrue(
        brief.contains("the first 30 of 40 actors, each on the first 12 of 14 issues"),
        "brief note");
    assertTrue(brief.contains("<h3>A029</h3>"), "the 30th actor is listed");
    assertFalse(brief.contains("<h3>A030</h3>"), "the 31st actor is past the brief's list");
    // every actor and issue stays in the CSVs
    String rounds = Files.readString(folder.resolve("rounds.csv"));
    assertTrue(
        rounds.contains(",a035,") && rounds.contains(",pos13,"),
        "rounds.csv keeps every actor and issue");
  }

  @Test
  void anExplicitAnalyseStillRuns() throws Exception {
    Path t = table(9, 2);
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "--table",
            t.toString(),
            "--protocol",
            "mediated",
            "--rounds",
            "4",
            "--runs",
            "2",
            "--analyse",
            "1",
            "--out",
            tmp.resolve("out").toString(),
            "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("left out"), r.err());
    String manifest = Files.readString(folder(r).resolve("manifest.json"));
    assertTrue(manifest.contains("\"analysed_replications\" : 1"), manifest);
  }
}
