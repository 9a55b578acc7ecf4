package org.negotiate.protocol.smp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.Capability;
import org.negotiate.protocol.ProtocolContract;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.sim.Replication;
import org.negotiate.sim.RunOutcome;

/**
 * KTAB's spatial model passes the protocol contract. It declares ORDER_DEPENDENT: as KTAB, exact
 * ties between bargains and the stochastic transition's draws follow the row order.
 */
class SmpContractTest extends ProtocolContract {
  @Override
  protected String name() {
    return SpatialModelProtocol.NAME;
  }

  /**
   * Why the flag is there: with the stochastic transition, the same rows in another order run
   * differently.
   */
  @Test
  void theStochasticTransitionFollowsTheRowOrder() throws Exception {
    assertTrue(protocol().descriptor().has(Capability.ORDER_DEPENDENT));
    int differ = 0;
    for (long seed = 1; seed <= 5; seed++) {
      Scenario ab =
          ScenarioLoader.override(
              table(new SplittableRandom(seed), 6, 2, false),
              List.of("protocol.state_transition=1"));
      Scenario ba =
          ScenarioLoader.override(
              table(new SplittableRandom(seed), 6, 2, true),
              List.of("protocol.state_transition=1"));
      RunOutcome a = Replication.run(SetupSampler.nominal(ab, 20, true), protocol(), true);
      RunOutcome b = Replication.run(SetupSampler.nominal(ba, 20, true), protocol(), true);
      boolean same = a.round() == b.round();
      for (int i = 0; i < 6 && same; i++) {
        for (int k = 0; k < 2; k++)
          same &=
              Math.abs(a.trajectory()[a.round()][i][k] - b.trajectory()[b.round()][5 - i][k])
                  < 1e-4;
      }
      if (!same) differ++;
    }
    assertTrue(
        differ > 0,
        "reversing the rows changed no stochastic run: the ORDER_DEPENDENT flag would be unfounded");
  }
}
