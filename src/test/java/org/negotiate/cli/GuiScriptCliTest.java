package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad --script step is a clear error with exit 2, found before any window opens (no display
 * needed).
 */
class GuiScriptCliTest {
  @TempDir Path tmp;

  @Test
  void aStepTheModelTabCannotTakeExitsTwoNamingTheStep() throws Exception {
    CliTest.Run r =
        CliTest.cli(
            "gui",
            "scenarios/baseline.yaml",
            "--out",
            tmp.toString(),
            "--script",
            "steps=2;set=syria.flexibility=abc;set=syria.withdrawal.flex=1;quit");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(
        r.err()
            .contains(
                "--script: step 2 \"set=syria.flexibility=abc\": syria.flexibility: expected a number in (0,10], got \"abc\""),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "--script: step 3 \"set=syria.withdrawal.flex=1\": unknown stance field \"flex\""),
        r.err());
    assertFalse(
        r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "nothing written");
    }
  }

  @Test
  void aProtocolParameterOutsideItsRangeExitsTwoWithTheSpecsRange() throws Exception {
    CliTest.Run r =
        CliTest.cli(
            "gui",
            "scenarios/baseline.yaml",
            "--out",
            tmp.toString(),
            "--script",
            "set=protocol.noise=0.2;set=protocol.noise=1.5;set=protocol.walkout=0.1;quit");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertFalse(r.err().contains("step 1"), "protocol.noise=0.2 is a valid step: " + r.err());
    assertTrue(
        r.err()
            .contains(
                "--script: step 2 \"set=protocol.noise=1.5\": protocol.noise: expected a number in [0,1], got \"1.5\""),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "--script: step 3 \"set=protocol.walkout=0.1\": unknown parameter \"walkout\" for protocol mediated"),
        r.err());
    assertFalse(
        r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "nothing written");
    }
  }
}
