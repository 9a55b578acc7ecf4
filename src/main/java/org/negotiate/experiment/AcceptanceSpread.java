package org.negotiate.experiment;

import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.sim.Replication;
import org.negotiate.sim.RunOutcome;

/**
 * How much of a conditioned forecast's rejection is decided by a replication's drawn inputs and how
 * much by what happens within the run (docs/forecasting.md, "What limits the conditioned forecast's
 * speed"). For each of {@code setups} drawn set-ups (the inputs, the drawn protocol parameters and
 * the random events: everything {@link SetupSampler.Plan#draw} fixes), the same set-up is run
 * {@code runs} times, each time with streams of its own for what happens within the run (the
 * parties' noise, the acceptance draw of the soft observations), and the share that reproduces the
 * observations is that set-up's acceptance {@code p_k}.
 *
 * <p>Two designs of a faster sampler depend on it. One that proposes set-ups where the kept runs
 * lie and weights them can keep at best {@code E[p²] / E[p]} of its tries (proposing from the
 * posterior itself); one that follows each run's path and resamples at the observed months lifts
 * the within-run part. The share of the variance of "kept" that the set-ups explain, {@code Var(p)
 * / (p̄ (1 − p̄))}, says which part is larger.
 *
 * @param acceptance each set-up's share of kept runs, in the order drawn
 * @param runs the runs of each set-up
 */
public record AcceptanceSpread(double[] acceptance, int runs) {

  /**
   * Set-up k is replication k's set-up of an odds run with {@code seed}; its runs' streams differ.
   */
  public static AcceptanceSpread measure(
      SetupSampler.Plan plan,
      Protocol protocol,
      Conditions conditions,
      int rounds,
      long seed,
      int setups,
      int runs) {
    if (setups < 1 || runs < 2) throw new IllegalArgumentException("setups >= 1 and runs >= 2");
    double[] p = new double[setups];
    for (int k = 0; k < setups; k++) {
      NegotiationSetup drawn = plan.draw(rounds, false, Streams.replicationSeed(seed, k));
      int kept = 0;
      for (int m = 0; m < runs; m++) {
        // the set-up as drawn, with streams of its own for what happens within this run
        long within = Streams.replicationSeed(Streams.streamSeed(drawn.seed(), "within-run"), m);
        NegotiationSetup s =
            new NegotiationSetup(
                drawn.actorIds(),
                drawn.actorNames(),
                drawn.roles(),
                drawn.issueIds(),
                drawn.initial(),
                drawn.events(),
                drawn.rounds(),
                drawn.exactRounds(),
                drawn.protocol(),
                drawn.params(),
                drawn.tolerance(),
                within);
        Conditions.Watch watch = conditions.watch();
        RunOutcome r = Replication.run(s, protocol, watch);
        if (watch.verdict(r, Streams.uniform(within, Conditions.ACCEPT_STREAM))
            == Conditions.Watch.KEPT) kept++;
      }
      p[k] = (double) kept / runs;
    }
    return new AcceptanceSpread(p, runs);
  }

  /** The mean acceptance over set-ups: the rejection sampler's acceptance rate. */
  public double mean() {
    double s = 0;
    for (double x : acceptance) s += x;
    return s / acceptance.length;
  }

  /**
   * E[p²] over set-ups, unbiased for the binomial noise of {@code runs} runs each: {@code E[p̂²] =
   * E[p²] + E[p(1 − p)] / runs}.
   */
  public double meanSquare() {
    double s = 0;
    for (double x : acceptance) s += x * x;
    double raw = s / acceptance.length;
    return Math.max(0, (raw - mean() / runs) / (1 - 1.0 / runs));
  }

  /** The variance of p over set-ups (binomial noise removed). */
  public double setupVariance() {
    double m = mean();
    return Math.max(0, meanSquare() - m * m);
  }

  /** The share of the variance of "kept" the set-ups explain: Var(p) / (p̄ (1 − p̄)). */
  public double shareFromSetups() {
    double m = mean();
    return m <= 0 || m >= 1 ? 0 : setupVariance() / (m * (1 - m));
  }

  /**
   * The acceptance of a sampler that proposes set-ups from the posterior itself, the best any
   * weighting of set-ups can do: E[p²] / E[p].
   */
  public double bestWeightedAcceptance() {
    double m = mean();
    return m <= 0 ? 0 : meanSquare() / m;
  }

  /** The share of set-ups none of whose runs was kept. */
  public double neverKept() {
    int n = 0;
    for (double x : acceptance) if (x == 0) n++;
    return (double) n / acceptance.length;
  }
}
