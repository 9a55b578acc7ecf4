package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code negotiate gui} in process: without a display it says so and exits 2; bad input is reported
 * first.
 */
class GuiCommandTest {

  @Test
  void withoutADisplayItExitsTwoWithAClearMessage() {
    Assumptions.assumeTrue(
        GraphicsEnvironment.isHeadless(),
        "this JVM has a display (tests run with java.awt.headless=true)");
    CliTest.Run r = CliTest.cli("gui", CliTest.BASELINE.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("no display: run under xvfb-run or on a desktop"), r.err());
  }

  @Test
  void theDefaultScenarioIsTheBaseline() {
    Assumptions.assumeTrue(GraphicsEnvironment.isHeadless(), "this JVM has a display");
    CliTest.Run r = CliTest.cli("gui");
    assertEquals(2, r.exit(), r.err());
    assertTrue(
        r.err().contains("no display"), "the baseline loaded, then the display check: " + r.err());
  }

  @Test
  void aBadScenarioOrSeedIsReportedBeforeTheDisplayIsNeeded() {
    CliTest.Run r = CliTest.cli("gui", "scenarios/nonexistent.yaml");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("nonexistent.yaml"), r.err());
    r = CliTest.cli("gui", "--seed", "99999999999");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("32-bit"), r.err());
    r = CliTest.cli("gui", "--set", "turkey.nonsense=1");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("nonsense"), r.err());
  }

  @Test
  void itIsListedInTheHelp() {
    CliTest.Run r = CliTest.cli("--help");
    assertTrue(r.out().contains("gui"), r.out());
    CliTest.Run g = CliTest.cli("gui", "--help");
    assertEquals(0, g.exit());
    assertTrue(g.out().contains("xvfb-run"), g.out());
  }
}
