package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scores of a back-test, by hand. */
class BacktestTest {
  @Test
  void theNoDealSoFarForecasterIsLaplacesRule() {
    // one month without a deal: a monthly chance of 1/3; over two more months 1 - (2/3)^2
    assertEquals(1 - 4.0 / 9, Backtest.noDealSoFar(1, 2), 1e-12);
    assertEquals(0, Backtest.noDealSoFar(5, 0), 1e-12);
    assertTrue(Backtest.noDealSoFar(20, 3) < Backtest.noDealSoFar(2, 3));
  }

  @Test
  void skillIsOneMinusTheBrierRatio() {
    assertEquals(0.5, Backtest.skill(0.125, 0.25), 1e-12);
    assertEquals(-1, Backtest.skill(0.5, 0.25), 1e-12);
  }
}
