package org.negotiate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiate.TestScenarios;

/**
 * A plan hands every draw the same parameter map when no parameter is uncertain, so that a protocol
 * reads it once (MediatedSingleText keeps what it read by the map's identity).
 */
class SetupSamplerParamsTest {

  @Test
  void fixedParametersAreOneMapForEveryDraw() {
    SetupSampler.Plan plan = SetupSampler.plan(TestScenarios.symmetric(12));
    NegotiationSetup a = plan.draw(12, false, 1);
    NegotiationSetup b = plan.draw(12, false, 2);
    assertSame(a.params(), b.params());
    assertSame(a.params(), plan.nominal(12, false).params());
    assertEquals(Map.of("noise", 0.0), a.params());
  }
}
