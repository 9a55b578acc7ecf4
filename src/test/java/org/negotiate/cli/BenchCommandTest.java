package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.negotiate.cli.CliTest.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.negotiate.cli.CliTest.Run;

/**
 * {@code negotiate bench} through the real CLI: what it reports, that 1 thread and all threads
 * agree, and its bad settings. (The figures themselves are measured by hand or with JMH, never
 * asserted here.)
 */
class BenchCommandTest {
  private static final Pattern RATE =
      Pattern.compile(
          "(\\d) threads?\\s*: ([\\d,]+) replications in [\\d.]+ s: (\\d+) replications/s, [\\d.]+ µs per replication");

  @Test
  void baselineReportsRatesSpeedUpOverheadAndHeap() {
    Run r = cli("bench", "--runs", "300", "--warmup", "0", "--threads", "2");
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.startsWith("machine: "), out);
    assertTrue(
        out.contains("scenario baseline, protocol mediated, 24 rounds, 300 replications"), out);
    Matcher m = RATE.matcher(out);
    assertTrue(m.find(), out);
    assertEquals("1", m.group(1));
    assertEquals("300", m.group(2));
    assertTrue(m.find(), out);
    assertEquals("2", m.group(1));
    assertTrue(Integer.parseInt(m.group(3)) > 0, out);
    // The same 300 replications on 1 and on 2 threads: the aggregates must agree.
    assertTrue(out.contains("results identical: yes"), out);
    assertTrue(
        Pattern.compile(
                "engine overhead: bare protocol loop [\\d.]+ µs per replication, engine .* [\\d.]+ µs: [\\d.]+x")
            .matcher(out)
            .find(),
        out);
    assertTrue(Pattern.compile("peak heap: \\d+ MB used").matcher(out).find(), out);
  }

  @Test
  void syntheticEumTableRunsExactlyTheRoundsAsked() {
    Run r =
        cli(
            "bench",
            "--synthetic",
            "20x2",
            "--protocol",
            "eum",
            "--rounds",
            "7",
            "--runs",
            "3",
            "--warmup",
            "0",
            "--parallel-only");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().contains("scenario synthetic-20x2, protocol eum, 7 rounds exactly, 3 replications"),
        r.out());
    assertTrue(RATE.matcher(r.out()).find(), r.out());
  }

  @Test
  void badSettingsAreNamedWithTheirLimits() {
    Run tooLarge = cli("bench", "--synthetic", "300x10", "--runs", "1");
    assertEquals(2, tooLarge.exit());
    assertTrue(
        tooLarge
            .err()
            .contains("--synthetic: expected ACTORSxISSUES with 2-250 actors and 1-50 issues"),
        tooLarge.err());
    Run garbled = cli("bench", "--synthetic", "ten-by-two");
    assertEquals(2, garbled.exit());
    assertTrue(garbled.err().contains("got ten-by-two"), garbled.err());
    Run noRuns = cli("bench", "--runs", "0");
    assertEquals(2, noRuns.exit());
    assertTrue(noRuns.err().contains("--runs"), noRuns.err());
    for (Run r : new Run[] {tooLarge, garbled, noRuns})
      assertTrue(!r.err().contains("Exception"), r.err());
  }
}
