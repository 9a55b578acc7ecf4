package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.negotiate.sim.RunOutcome;

/**
 * What goes with a deal, read off the replications a run already made: for each uncertain input,
 * P(deal) among the runs whose draw of it fell in its lower third against those in its upper third,
 * with Wilson intervals, the widest gap first. No replication is added: replication {@code i} drew
 * input {@code key} as {@code quantile(Streams.uniform(seed_i, key))}, recomputed here from the
 * seed (as {@link Posterior} and {@link Discovery} do). Every input was drawn together with every
 * other, so a gap is an association over this run's draws, not the effect of changing one input
 * (that is {@link Sensitivity}'s one-at-a-time analysis).
 *
 * @param rows one per input, the widest gap first (inputs whose draws cannot be split last)
 * @param runs the runs the split is over
 * @param deals of those, the runs with a deal by the month
 */
public record InputThirds(List<Row> rows, int runs, int deals) {

  /**
   * One input's split. A third is by value: the lower third is every run whose draw is at most the
   * draws' 1/3 quantile ({@code lowMax}), the upper every run at least the 2/3 quantile ({@code
   * highMin}); with tied draws a third can hold more runs than a third.
   *
   * @param split false when the two quantiles coincide (too few distinct draws to tell two thirds
   *     apart) or there are fewer than three runs; the counts are then 0
   * @param low Wilson interval of the lower third's odds
   * @param high Wilson interval of the upper third's odds
   * @param gap the upper third's odds minus the lower third's, with Newcombe's interval for two
   *     independent proportions
   */
  public record Row(
      UncertainInput input,
      boolean split,
      double lowMax,
      int lowRuns,
      int lowDeals,
      double[] low,
      double highMin,
      int highRuns,
      int highDeals,
      double[] high,
      Proportions.Interval gap) {

    public double lowOdds() {
      return lowRuns == 0 ? Double.NaN : (double) lowDeals / lowRuns;
    }

    public double highOdds() {
      return highRuns == 0 ? Double.NaN : (double) highDeals / highRuns;
    }
  }

  /** The overall odds over the runs split. */
  public double odds() {
    return runs == 0 ? Double.NaN : (double) deals / runs;
  }

  /** The rows whose draws could be split. */
  public List<Row> splitRows() {
    return rows.stream().filter(Row::split).toList();
  }

  /**
   * The split over {@code outcomes} (the run's kept replications): a deal counts when signed by the
   * end of round {@code byRound}.
   */
  public static InputThirds of(
      List<UncertainInput> inputs, List<RunOutcome> outcomes, int byRound) {
    int n = outcomes.size();
    double[][] draws = new double[inputs.size()][n];
    boolean[] deal = new boolean[n];
    long[] seeds = new long[n];
    for (int i = 0; i < n; i++) {
      RunOutcome r = outcomes.get(i);
      deal[i] = r.agreed() && r.round() <= byRound;
      seeds[i] = r.seed();
    }
    // each input's stream name hashed once, not once per run (the same numbers: drawer())
    for (int j = 0; j < inputs.size(); j++) {
      java.util.function.LongToDoubleFunction drawn = inputs.get(j).drawer();
      double[] d = draws[j];
      for (int i = 0; i < n; i++) d[i] = drawn.applyAsDouble(seeds[i]);
    }
    return of(inputs, draws, deal);
  }

  /**
   * The split of {@code draws[j][i]} (input j's draw in run i) against {@code deal[i]}.
   *
   * @throws IllegalArgumentException when an input's draws are not one per run
   */
  public static InputThirds of(List<UncertainInput> inputs, double[][] draws, boolean[] deal) {
    int n = deal.length;
    int deals = 0;
    for (boolean d : deal) if (d) deals++;
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < inputs.size(); j++) {
      double[] v = draws[j];
      if (v.length != n)
        throw new IllegalArgumentException(
            inputs.get(j).key() + ": " + v.length + " draws for " + n + " runs");
      rows.add(row(inputs.get(j), v, deal));
    }
    // widest gap first; a tie (or an unsplit input) keeps the inputs' order
    rows.sort(
        Comparator.comparing((Row r) -> !r.split())
            .thenComparingDouble(r -> r.split() ? -Math.abs(r.gap().estimate()) : 0));
    return new InputThirds(List.copyOf(rows), n, deals);
  }

  private static Row row(UncertainInput in, double[] v, boolean[] deal) {
    // the two ranks selected, not the whole draw sorted: the same doubles (nearestRanks)
    double[] thirds = Quantiles.nearestRanks(v, 1.0 / 3, 2.0 / 3);
    double lowMax = thirds[0];
    double highMin = thirds[1];
    // fewer than three runs have no middle third to leave out
    if (v.length < 3 || !(lowMax < highMin)) {
      return new Row(
          in,
          false,
          lowMax,
          0,
          0,
          new double[] {0, 1},
          highMin,
          0,
          0,
          new double[] {0, 1},
          new Proportions.Interval(0, -1, 1));
    }
    int lowRuns = 0;
    int lowDeals = 0;
    int highRuns = 0;
    int highDeals = 0;
    for (int i = 0; i < v.length; i++) {
      if (v[i] <= lowMax) {
        lowRuns++;
        if (deal[i]) lowDeals++;
      } else if (v[i] >= highMin) {
        highRuns++;
        if (deal[i]) highDeals++;
      }
    }
    return new Row(
        in,
        true,
        lowMax,
        lowRuns,
        lowDeals,
        Proportions.wilson(lowRuns, lowDeals),
        highMin,
        highRuns,
        highDeals,
        Proportions.wilson(highRuns, highDeals),
        Proportions.unpaired(lowDeals, lowRuns, highDeals, highRuns));
  }
}
