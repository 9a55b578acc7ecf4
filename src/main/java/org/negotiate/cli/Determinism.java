package org.negotiate.cli;

import java.util.Arrays;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.experiment.UncertainInput;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Timing;
import org.negotiate.sim.RunOutcome;

/**
 * Whether every replication of a scenario is the same run: no input is drawn (no distribution, no
 * random event), and the protocol's own randomness (perception noise, a stochastic transition)
 * leaves no trace either: two replications with different seeds follow the same trajectory to the
 * last digit. An actor table of point values under a deterministic model is such an input; a Monte
 * Carlo over it would report an interval over copies of one run.
 */
final class Determinism {
  private Determinism() {}

  static boolean deterministic(
      Scenario s, Protocol protocol, int rounds, boolean exactRounds, long seed) {
    if (!UncertainInput.of(s, true).isEmpty()) return false;
    if (s.events().stream().anyMatch(e -> e.timing() instanceof Timing.Random)) return false;
    RunOutcome a =
        MonteCarlo.single(s, protocol, rounds, exactRounds, seed, 0, null).outcomes().get(0);
    RunOutcome b =
        MonteCarlo.single(s, protocol, rounds, exactRounds, seed, 1, null).outcomes().get(0);
    return a.ending() == b.ending()
        && a.round() == b.round()
        && a.blocker() == b.blocker()
        && a.reason() == b.reason()
        && Arrays.equals(a.terms(), b.terms())
        && Arrays.equals(a.utilities(), b.utilities())
        && Arrays.deepEquals(a.trajectory(), b.trajectory());
  }
}
