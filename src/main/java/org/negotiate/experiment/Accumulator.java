package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.List;
import org.negotiate.scenario.Issue;
import org.negotiate.sim.RunOutcome;

/**
 * What one worker has seen: counts and position histograms, all integers (they merge in any order).
 */
final class Accumulator implements OddsAggregation.TermsSource, java.io.Serializable {
  /**
   * Agreed terms binned to 0.01 and to whole points (only when outcomes are not kept: for the terms
   * chart).
   */
  static final int TERM_BINS = 10_001;

  /** Agreed terms summed in fixed point (2^-32) so that the sum does not depend on the order. */
  static final double FIXED = 0x1p32;

  final PositionTally tally;
  final long[] agreedAt;
  final long[] blocked;
  long failed;

  /** Replications that threw or gave non-finite numbers (see {@link MonteCarlo.Failure}). */
  final List<MonteCarlo.Failure> failures = new ArrayList<>();

  /** Replications the observations rejected, by the first hard observation they contradicted. */
  final long[] rejectedBy;

  long rejectedSoft;
  final long[][] termBins;
  final long[][] termWhole;
  final long[] termSum;

  /** The trajectory buffer this worker's replications record into, one at a time. */
  final transient float[][][] trajectory;

  Accumulator(int rounds, int actors, int issues, boolean streamTerms) {
    this(rounds, actors, issues, streamTerms, null);
  }

  Accumulator(int rounds, int actors, int issues, boolean streamTerms, Conditions conditions) {
    rejectedBy = new long[conditions == null ? 0 : conditions.observations().size()];
    tally = new PositionTally(rounds, actors + 1, issues);
    agreedAt = new long[rounds];
    blocked = new long[actors];
    termBins = streamTerms ? new long[issues][TERM_BINS] : null;
    termWhole = new long[issues][101];
    termSum = new long[issues];
    trajectory = new float[rounds][actors + 1][issues];
  }

  void add(RunOutcome r) {
    tally.add(r.trajectory());
    if (r.agreed()) {
      agreedAt[r.round()]++;
      if (termBins != null) {
        double[] z = r.terms();
        for (int k = 0; k < z.length; k++) {
          double v = Math.max(0, Math.min(100, z[k]));
          termBins[k][(int) Math.round(v * 100)]++;
          termWhole[k][(int) Math.round(v)]++;
          termSum[k] += Math.round(v * FIXED);
        }
      }
    } else {
      failed++;
      if (r.blocker() >= 0) blocked[r.blocker()]++;
    }
  }

  void addAll(Accumulator o) {
    tally.addAll(o.tally);
    for (int t = 0; t < agreedAt.length; t++) agreedAt[t] += o.agreedAt[t];
    for (int a = 0; a < blocked.length; a++) blocked[a] += o.blocked[a];
    failed += o.failed;
    failures.addAll(o.failures);
    for (int j = 0; j < rejectedBy.length; j++) rejectedBy[j] += o.rejectedBy[j];
    rejectedSoft += o.rejectedSoft;
    if (termBins != null) {
      for (int k = 0; k < termBins.length; k++) {
        for (int b = 0; b < TERM_BINS; b++) termBins[k][b] += o.termBins[k][b];
        for (int b = 0; b <= 100; b++) termWhole[k][b] += o.termWhole[k][b];
        termSum[k] += o.termSum[k];
      }
    }
  }

  /** Counts per whole point exactly; the mean to 2^-32; quantiles from 0.01 bins (to 0.005). */
  @Override
  public ConvergenceOdds.IssueTerms terms(int k, Issue issue) {
    long[] hist = termWhole[k].clone();
    long m = 0;
    for (int b = 0; b < TERM_BINS; b++) m += termBins[k][b];
    // bin b holds values rounding to b/100; a value rounds to the whole point Math.round(v)
    double[] q = {Double.NaN, Double.NaN, Double.NaN};
    double[] levels = {0.1, 0.5, 0.9};
    long seen = 0;
    int next = 0;
    for (int b = 0; b < TERM_BINS; b++) {
      long c = termBins[k][b];
      if (c == 0) continue;
      seen += c;
      while (next < 3 && seen >= Math.max(1, (long) Math.ceil(levels[next] * m)))
        q[next++] = b / 100.0;
    }
    return new ConvergenceOdds.IssueTerms(
        issue.id(),
        issue.label(),
        m,
        hist,
        m == 0 ? Double.NaN : termSum[k] / FIXED / m,
        q[0],
        q[1],
        q[2]);
  }
}
