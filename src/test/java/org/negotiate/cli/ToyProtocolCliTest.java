package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 1: a protocol registered by one line (the tests' toy, {@code toy_halfway}) is
 * taken by the whole program through the real CLI: --protocol, --set of its parameter checked
 * against its spec, validate's parameter table, a run's log; and the structural band and compare
 * leave it out.
 */
class ToyProtocolCliTest {
  static final String BDM = ActorTableRunsTest.BDM;

  @TempDir Path tmp;

  @Test
  void theToyRunsThroughTheCliWithItsParameterFromItsSpec() throws Exception {
    CliTest.Run v =
        CliTest.cli(
            "validate", "--table", BDM, "--protocol", "toy_halfway", "--set", "protocol.step=0.25");
    assertEquals(0, v.exit(), v.err());
    assertTrue(v.out().contains("protocol toy_halfway"), v.out());
    assertTrue(
        v.out().contains("protocol toy_halfway parameters (--set protocol.NAME=VALUE):"), v.out());
    assertTrue(
        v.out().matches("(?s).*step\\s+0\\.25\\s+a number in \\[0,1\\]\\s+share of the way.*"),
        v.out());

    CliTest.Run d = CliTest.cli("validate", "--table", BDM, "--protocol", "toy_halfway");
    assertTrue(
        d.out().matches("(?s).*step\\s+default 0\\.5\\s+a number in \\[0,1\\].*"),
        "the spec's default: " + d.out());

    CliTest.Run r =
        CliTest.cli(
            "run",
            "--table",
            BDM,
            "--protocol",
            "toy_halfway",
            "--rounds",
            "5",
            "--out",
            tmp.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("protocol toy_halfway"), r.out());
    assertTrue(r.out().contains("moves to "), "the toy's verdicts in the log: " + r.out());
    assertFalse(r.out().contains("  text: "), "no text: the toy does not draft one");
  }

  @Test
  void aToyParameterOutsideItsSpecsRangeIsAClearErrorWithExit2() {
    CliTest.Run r =
        CliTest.cli(
            "validate", "--table", BDM, "--protocol", "toy_halfway", "--set", "protocol.step=2");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("protocol.step") && r.err().contains("[0,1]"), r.err());
    assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());

    CliTest.Run u =
        CliTest.cli(
            "validate", "--table", BDM, "--protocol", "toy_halfway", "--set", "protocol.noise=0.1");
    assertEquals(2, u.exit());
    assertTrue(
        u.err()
            .contains(
                "unknown parameter \"noise\" for protocol toy_halfway; valid parameters: step"),
        u.err());
  }

  @Test
  void compareAndTheBandLeaveOutAProtocolThatDoesNotClaimToBeCompared() throws Exception {
    CliTest.Run r =
        CliTest.cli(
            "forecast",
            "scenarios/baseline.yaml",
            "--runs",
            "4",
            "--quiet",
            "--out",
            tmp.toString());
    assertEquals(0, r.exit(), r.err());
    try (var files = Files.walk(tmp)) {
      Path csv =
          files
              .filter(p -> p.getFileName().toString().equals("forecast.csv"))
              .findFirst()
              .orElseThrow();
      String text = Files.readString(csv);
      assertTrue(
          text.contains(",eum,") && text.contains(",smp,") && text.contains(",mediated,"), text);
      assertFalse(text.contains("toy_halfway"), text);
    }
  }
}
