package org.negotiate.experiment;

import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.sim.Replication;
import org.negotiate.sim.RunOutcome;

/**
 * The one replication loop every experiment runs: replication {@code i} of a run with base seed
 * {@code s} draws its inputs with the seed {@code Streams.replicationSeed(s, i)}, runs, and either
 * counts, failed (it threw, or gave a non-finite number where a number must be) or was rejected by
 * the observations it is conditioned on. {@link MonteCarlo} (on this machine's threads or a
 * cluster's blocks) and {@link Batch} (a design point's replications) both go through {@link
 * #attempt}, so a replication is the same run whoever asks for it.
 */
final class ReplicationLoop {
  private ReplicationLoop() {}

  /** How one replication ended for the experiment. */
  sealed interface Attempt permits Counted, Failed, Rejected {}

  /** It counts: its outcome. */
  record Counted(RunOutcome outcome) implements Attempt {}

  /** It threw or gave non-finite numbers: left out of the odds, reported on its own. */
  record Failed(MonteCarlo.Failure failure) implements Attempt {}

  /**
   * The observations rejected it: the first hard one it contradicts, or {@code
   * Conditions.Watch.SOFT}.
   */
  record Rejected(int by) implements Attempt {}

  /**
   * Replication {@code index} of a run with base seed {@code baseSeed}.
   *
   * @param trajectory where the run records its positions ([rounds][actors + 1][issues], reused
   *     from one replication to the next), or null not to record them
   * @param conditions null, or the observations a kept replication must reproduce
   */
  static Attempt attempt(
      SetupSampler.Plan plan,
      Protocol protocol,
      int rounds,
      boolean exactRounds,
      long baseSeed,
      int index,
      float[][][] trajectory,
      Conditions conditions) {
    long seed = Streams.replicationSeed(baseSeed, index);
    NegotiationSetup setup;
    try {
      setup = plan.draw(rounds, exactRounds, seed);
    } catch (RuntimeException | StackOverflowError e) {
      return new Failed(
          new MonteCarlo.Failure(
              index, seed, e.getClass().getName(), String.valueOf(e.getMessage())));
    }
    return attemptSetup(setup, seed, index, protocol, trajectory, conditions);
  }

  /**
   * {@link #attempt} of a set-up already drawn (from its seed, or from inputs a sampler proposed):
   * run, checked for non-finite numbers and judged by the observations, with the soft observations'
   * acceptance draw from {@code seed}.
   *
   * @param index the replication's index, for a failure's report
   */
  static Attempt attemptSetup(
      NegotiationSetup setup,
      long seed,
      int index,
      Protocol protocol,
      float[][][] trajectory,
      Conditions conditions) {
    // the soft observations' draw, known before the run: a run it turns away can stop early
    double u = conditions == null ? Double.NaN : Streams.uniform(seed, Conditions.ACCEPT_STREAM);
    Conditions.Watch watch = conditions == null ? null : conditions.watch(u);
    RunOutcome r;
    String bad;
    try {
      r =
          watch == null
              ? Replication.run(setup, protocol, trajectory)
              : Replication.run(setup, protocol, trajectory, watch);
      bad = nonFinite(r);
    } catch (RuntimeException | StackOverflowError e) {
      return new Failed(
          new MonteCarlo.Failure(
              index, seed, e.getClass().getName(), String.valueOf(e.getMessage())));
    }
    if (bad != null)
      return new Failed(new MonteCarlo.Failure(index, seed, "NonFiniteOutcome", bad));
    if (watch != null) {
      int why = watch.verdict(r, u);
      if (why != Conditions.Watch.KEPT) return new Rejected(why);
    }
    return new Counted(r);
  }

  /**
   * Replications {@code start .. end-1} of an odds run into {@code acc} (and, when outcomes are
   * kept, into {@code store}, which holds replication i at {@code i - storeOffset}).
   */
  static void block(
      Accumulator acc,
      SetupSampler.Plan plan,
      Protocol protocol,
      MonteCarlo.Options o,
      int start,
      int end,
      OutcomeStore store,
      int storeOffset) {
    block(acc, plan, protocol, o, start, end, store, storeOffset, null);
  }

  /**
   * As {@link #block(Accumulator, SetupSampler.Plan, Protocol, MonteCarlo.Options, int, int,
   * OutcomeStore, int)}, each replication below {@code riders}' limit also judged for the runs that
   * ride on this one ({@link Riders}; null: none) and recorded there.
   */
  static void block(
      Accumulator acc,
      SetupSampler.Plan plan,
      Protocol protocol,
      MonteCarlo.Options o,
      int start,
      int end,
      OutcomeStore store,
      int storeOffset,
      Riders riders) {
    for (int i = start; i < end; i++) {
      Attempt a;
      if (riders != null && i < riders.limit() && riders.spoiled() == null) {
        Attempt[] all =
            attemptShared(
                plan,
                protocol,
                o.rounds(),
                o.exactRounds(),
                o.seed(),
                i,
                acc.trajectory,
                riders.withLead(o.conditions()));
        a = all[0];
        riders.record(i, all);
      } else {
        a =
            attempt(
                plan,
                protocol,
                o.rounds(),
                o.exactRounds(),
                o.seed(),
                i,
                acc.trajectory,
                o.conditions());
      }
      tally(acc, a, store, i - storeOffset);
    }
  }

  static void tally(Accumulator acc, Attempt a, OutcomeStore store, int at) {
    if (a instanceof Counted c) {
      acc.add(c.outcome());
      if (store != null) store.put(at, c.outcome());
    } else if (a instanceof Failed f) {
      acc.failures.add(f.failure());
      if (store != null) store.fail(at);
    } else if (a instanceof Rejected j) {
      if (j.by() == Conditions.Watch.SOFT) acc.rejectedSoft++;
      else acc.rejectedBy[j.by()]++;
      if (store != null) store.reject(at);
    }
  }

  /**
   * Replication {@code index} judged against several sets of observations at once, for runs that
   * draw the same replications (one plan, rounds and base seed: the back-test's as-of months whose
   * cuts differ only in what was observed). It is run once, watched by all, until every set has
   * rejected it or it ends; each returned attempt is the one {@link #attempt} gives for that set
   * alone (see {@link Conditions.Watches}). Should the shared run throw or give a non-finite
   * number, each set runs it alone, so a failure is classified exactly as {@link #attempt} does. A
   * null set is a run without observations: it keeps the replication, which then runs to its end.
   */
  static Attempt[] attemptShared(
      SetupSampler.Plan plan,
      Protocol protocol,
      int rounds,
      boolean exactRounds,
      long baseSeed,
      int index,
      float[][][] trajectory,
      Conditions[] conditions) {
    long seed = Streams.replicationSeed(baseSeed, index);
    double u = Streams.uniform(seed, Conditions.ACCEPT_STREAM);
    Conditions.Watch[] watches = new Conditions.Watch[conditions.length];
    for (int m = 0; m < conditions.length; m++)
      watches[m] = conditions[m] == null ? null : conditions[m].watch(u);
    Conditions.Watches all = new Conditions.Watches(watches);
    Attempt[] out = new Attempt[conditions.length];
    RunOutcome r = null;
    try {
      NegotiationSetup setup = plan.draw(rounds, exactRounds, seed);
      r = Replication.run(setup, protocol, trajectory, all);
    } catch (RuntimeException | StackOverflowError e) {
      r = null;
    }
    if (r == null || nonFinite(r) != null) {
      for (int m = 0; m < conditions.length; m++) {
        out[m] =
            attempt(
                plan, protocol, rounds, exactRounds, baseSeed, index, trajectory, conditions[m]);
      }
      return out;
    }
    for (int m = 0; m < conditions.length; m++) {
      if (watches[m] == null) {
        out[m] = new Counted(r);
        continue;
      }
      int by = all.settled(m);
      if (by == Conditions.Watch.OPEN) by = watches[m].verdict(r, u);
      out[m] = by == Conditions.Watch.KEPT ? new Counted(r) : new Rejected(by);
    }
    return out;
  }

  /**
   * Replications {@code start .. end-1} of several conditioned odds runs that draw the same
   * replications ({@link #attemptShared}), each tallied into its own accumulator; only the runs
   * with {@code active[m]} take part (outcomes are not kept).
   */
  static void blockShared(
      Accumulator[] accs,
      SetupSampler.Plan plan,
      Protocol protocol,
      MonteCarlo.Options[] o,
      boolean[] active,
      int start,
      int end) {
    int count = 0;
    for (boolean a : active) if (a) count++;
    int[] members = new int[count];
    Conditions[] conditions = new Conditions[count];
    count = 0;
    for (int m = 0; m < active.length; m++) {
      if (active[m]) {
        members[count] = m;
        conditions[count++] = o[m].conditions();
      }
    }
    MonteCarlo.Options first = o[members[0]];
    for (int i = start; i < end; i++) {
      Attempt[] a =
          attemptShared(
              plan,
              protocol,
              first.rounds(),
              first.exactRounds(),
              first.seed(),
              i,
              accs[members[0]].trajectory,
              conditions);
      for (int q = 0; q < count; q++) tally(accs[members[q]], a[q], null, 0);
    }
  }

  /** Why an outcome cannot be counted, or null when it can. */
  static String nonFinite(RunOutcome r) {
    if (r.agreed()) {
      if (r.terms() == null) return "agreed without terms";
      for (int k = 0; k < r.terms().length; k++) {
        if (!Double.isFinite(r.terms()[k])) return "agreed terms[" + k + "] = " + r.terms()[k];
      }
    }
    double[] u = r.utilities();
    for (int a = 0; u != null && a < u.length; a++) {
      if (Double.isInfinite(u[a]) || (r.agreed() && Double.isNaN(u[a])))
        return "utilities[" + a + "] = " + u[a];
    }
    return null;
  }
}
