package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * The scenario the CLI's warm-up thread loads ({@link ScenarioLoader#warmUp}) swallows its own
 * failures, so a change of the format that made it invalid would only lose the head start
 * unnoticed: here it must load and cut.
 */
class WarmUpScenarioTest {
  @Test
  void theWarmUpScenarioLoadsAndCuts() throws Exception {
    Scenario s = ScenarioLoader.parse(ScenarioLoader.WARM_UP, "warm-up");
    assertEquals(2, s.actors().size());
    assertFalse(s.events().isEmpty());
    AsOf.Cut cut = AsOf.cut(s, s.calendar().month(1), s.experiment().rounds());
    assertEquals(s.calendar().month(1), cut.month());
    assertFalse(cut.uninformed().isEmpty(), "the cut applies priors, as a back-test's do");
    assertEquals(cut.scenario(), ScenarioLoader.warmUp());
  }
}
