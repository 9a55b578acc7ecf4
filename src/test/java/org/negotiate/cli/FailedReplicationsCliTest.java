package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash isolation through the real command line. No valid input is known to make a replication fail
 * now: the one that did (the baseline under the SMP with KTAB's stochastic state transition,
 * pairwise-compromise bargains and Syria's capability at 1e-12, valid since capability is any
 * number in (0, 1e6]) came from a defect in the SMP adapter, which promoted a capability in (0,
 * 1e-12] to {@code Double.MAX_VALUE}, so the bargain weights overflowed into NaN terms in a third
 * of the replications. This test keeps that input as a regression case (no failures, the experiment
 * complete), and checks what a run with failures would write through the code the command uses
 * ({@link FailureReportingTest}, and {@code CrashIsolationTest} with a faulty protocol).
 */
class FailedReplicationsCliTest {
  @TempDir Path tmp;

  static final int RUNS = 200;
  static final List<String> FAULTY =
      List.of(
          "--protocol",
          "smp",
          "--set",
          "protocol.state_transition=1",
          "--set",
          "protocol.bargain_model=2");
  static final Pattern FAILED =
      Pattern.compile(" · (\\d+) replications failed, see failures\\.csv$");

  private CliTest.Run odds(Path out, String threads, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "odds",
                CliTest.BASELINE.toString(),
                "--runs",
                String.valueOf(RUNS),
                "--seed",
                "1",
                "--threads",
                threads,
                "--quiet",
                "--out",
                out.toString()));
    args.addAll(FAULTY);
    args.addAll(List.of(more));
    return CliTest.cli(args.toArray(String[]::new));
  }

  private static Path folder(CliTest.Run r) {
    Matcher m = CliTest.SUMMARY.matcher(r.out());
    assertTrue(m.find(), "the summary line still parses: " + r.out() + r.err());
    return Path.of(m.group(7));
  }

  @Test
  void aVanishingCapabilityNoLongerMakesTheSpatialModelFail() throws Exception {
    CliTest.Run r = odds(tmp.resolve("t1"), "1", "--set", "syria.capability=1e-12");
    assertEquals(0, r.exit(), r.err());
    Path folder = folder(r);
    assertFalse(FAILED.matcher(r.out().strip()).find(), r.out());
    assertFalse(Files.exists(folder.resolve("failures.csv")));
    JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
    assertEquals(0, manifest.get("failed_replications").asInt());
    assertEquals(
        String.valueOf(RUNS),
        CliTest.SUMMARY.matcher(r.out()).results().findFirst().orElseThrow().group(5));
    // every replication is in outcomes.csv once, with finite terms where it agreed
    List<String> outcomes = Files.readAllLines(folder.resolve("outcomes.csv"));
    assertEquals(RUNS + 1, outcomes.size());
    for (String row : outcomes.subList(1, outcomes.size()))
      assertFalse(row.contains("NaN") && row.contains(",agreed,"), row);
    Path two = folder(odds(tmp.resolve("t2"), "2", "--set", "syria.capability=1e-12"));
    for (String f : List.of("odds.csv", "outcomes.csv")) {
      assertArrayEquals(
          Files.readAllBytes(folder.resolve(f)),
          Files.readAllBytes(two.resolve(f)),
          f + ", 1 vs 2 threads");
    }
  }

  @Test
  void withAnOrdinaryCapabilityTheSameSettingsHaveNoFailures() throws Exception {
    CliTest.Run r = odds(tmp, "2");
    assertEquals(0, r.exit(), r.err());
    Path folder = folder(r);
    assertFalse(FAILED.matcher(r.out().strip()).find(), r.out());
    assertFalse(Files.exists(folder.resolve("failures.csv")));
    assertEquals(
        0,
        new ObjectMapper()
            .readTree(folder.resolve("manifest.json").toFile())
            .get("failed_replications")
            .asInt());
  }
}
