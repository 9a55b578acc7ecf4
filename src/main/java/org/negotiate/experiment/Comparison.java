package org.negotiate.experiment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.negotiate.scenario.Calendar;
import org.negotiate.sim.RunOutcome;

/**
 * Two scenarios run with the same base seed and the same replications (common random numbers:
 * replication i of both draws every input they share from the same stream), compared month by month
 * on the per-replication indicators "agreed by the end of this month". See {@link Proportions} for
 * the intervals.
 *
 * @param a scenario A's name
 * @param b scenario B's name
 * @param byMonth one row per round, in round order
 * @param blockers each party of either scenario with its share of failed runs in A and in B
 */
public record Comparison(
    String a,
    String b,
    int replications,
    long seed,
    List<MonthDifference> byMonth,
    List<BlockerPair> blockers) {

  /**
   * One month: the paired table of the replications ({@code both} agreed by this month, {@code
   * onlyA}, {@code onlyB}, {@code neither}), each scenario's odds with its Wilson interval, and the
   * difference {@code B − A} with the paired and the unpaired interval.
   */
  public record MonthDifference(
      int round,
      YearMonth month,
      long both,
      long onlyA,
      long onlyB,
      long neither,
      double oddsA,
      double lowerA,
      double upperA,
      double oddsB,
      double lowerB,
      double upperB,
      Proportions.Interval paired,
      Proportions.Interval unpaired) {}

  /** A party's share of failed runs as blocker in A and in B (0 when it is not in a scenario). */
  public record BlockerPair(
      String actorId,
      String actorName,
      long failedRunsA,
      double shareA,
      long failedRunsB,
      double shareB) {}

  /**
   * Compares two results of {@link MonteCarlo#run} made with the same seed, replications and
   * rounds; months are named from {@code calendar}.
   */
  public static Comparison of(
      MonteCarlo.Result ra, MonteCarlo.Result rb, Calendar calendar, int rounds) {
    // Pairs by replication index: a replication that failed in either scenario drops out of both.
    int attempted = Math.max(ra.attempted(), rb.attempted());
    if (ra.attempted() != rb.attempted()) {
      throw new IllegalArgumentException(
          "paired comparison needs the same replications: "
              + ra.attempted()
              + " vs "
              + rb.attempted());
    }
    RunOutcome[] byIndexA = byIndex(ra, attempted);
    RunOutcome[] byIndexB = byIndex(rb, attempted);
    int n = 0;
    // agreedBy[t] of a run is 1 from its agreement round on: count the four cells per round
    long[][] cells = new long[rounds][4];
    for (int i = 0; i < attempted; i++) {
      if (byIndexA[i] == null || byIndexB[i] == null) continue;
      n++;
      int ta = firstAgreed(byIndexA[i], rounds);
      int tb = firstAgreed(byIndexB[i], rounds);
      for (int t = 0; t < rounds; t++) {
        boolean x = t >= ta;
        boolean y = t >= tb;
        cells[t][x ? (y ? 0 : 1) : (y ? 2 : 3)]++;
      }
    }
    List<MonthDifference> months = new ArrayList<>();
    for (int t = 0; t < rounds; t++) {
      long both = cells[t][0], onlyA = cells[t][1], onlyB = cells[t][2], neither = cells[t][3];
      long xa = both + onlyA, xb = both + onlyB;
      double[] wa = Proportions.wilson(n, xa);
      double[] wb = Proportions.wilson(n, xb);
      months.add(
          new MonthDifference(
              t,
              calendar.month(t),
              both,
              onlyA,
              onlyB,
              neither,
              (double) xa / n,
              wa[0],
              wa[1],
              (double) xb / n,
              wb[0],
              wb[1],
              Proportions.paired(both, onlyA, onlyB, neither),
              Proportions.unpaired(xa, n, xb, n)));
    }
    Map<String, BlockerPair> blockers = new LinkedHashMap<>();
    for (ConvergenceOdds.BlockerShare s : ra.odds().blockers()) {
      blockers.put(
          s.actorId(),
          new BlockerPair(s.actorId(), s.actorName(), s.failedRuns(), s.share(), 0, 0));
    }
    for (ConvergenceOdds.BlockerShare s : rb.odds().blockers()) {
      BlockerPair p = blockers.get(s.actorId());
      blockers.put(
          s.actorId(),
          p == null
              ? new BlockerPair(s.actorId(), s.actorName(), 0, 0, s.failedRuns(), s.share())
              : new BlockerPair(
                  p.actorId(),
                  p.actorName(),
                  p.failedRunsA(),
                  p.shareA(),
                  s.failedRuns(),
                  s.share()));
    }
    return new Comparison(
        ra.odds().scenario(),
        rb.odds().scenario(),
        n,
        ra.odds().seed(),
        List.copyOf(months),
        List.copyOf(blockers.values()));
  }

  /** The round from which the run counts as agreed, or {@code rounds} when it never agreed. */
  private static RunOutcome[] byIndex(MonteCarlo.Result r, int attempted) {
    RunOutcome[] out = new RunOutcome[attempted];
    List<RunOutcome> kept = r.outcomes();
    for (int i = 0; i < kept.size(); i++) out[r.indexOf(i)] = kept.get(i);
    return out;
  }

  private static int firstAgreed(RunOutcome r, int rounds) {
    return r.agreed() ? Math.max(0, r.round()) : rounds;
  }

  /** The last month's row. */
  public MonthDifference last() {
    return byMonth.get(byMonth.size() - 1);
  }
}
