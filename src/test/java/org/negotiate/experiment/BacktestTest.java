package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.Protocols;
import org.negotiate.scenario.AsOf;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

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

  @Test
  void eachMonthIsCutAndConditionedAsIfAlone() throws Exception {
    // months that draw what the month before draws take its nominal set-up, and with two threads
    // the later half is cut on a thread of its own: the options must be those each month gets alone
    Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
    int rounds = 24;
    for (int threads : new int[] {1, 2}) {
      Backtest.Months m =
          Backtest.months(s, Protocols.named(s.protocol().name()), 100, rounds, 7, threads);
      List<Scenario> at = m.scenarios();
      List<MonteCarlo.Options> options = m.options();
      assertEquals(rounds - 1, at.size());
      int conditioned = 0;
      for (int t = 0; t < at.size(); t++) {
        AsOf.Cut cut = AsOf.cut(s, s.calendar().month(t), rounds);
        assertEquals(cut.scenario(), at.get(t));
        MonteCarlo.Options alone =
            new MonteCarlo.Options(100, rounds, 7, threads).withoutOutcomes();
        if (!cut.observations().isEmpty()) {
          conditioned++;
          alone =
              alone.conditionedOn(
                  Conditions.of(
                      cut.scenario(),
                      cut.observations(),
                      SetupSampler.nominal(cut.scenario(), rounds),
                      100 * Conditions.DEFAULT_ATTEMPTS_PER_KEPT));
        }
        assertEquals(alone, options.get(t), "month " + t + ", " + threads + " threads");
      }
      assertTrue(conditioned > 10, "the months are conditioned on no deal so far: " + conditioned);
    }
  }
}
