package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.negotiate.model.Streams;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/**
 * What the observations taught about each uncertain input: its values over every replication tried
 * (the prior) against its values over the replications kept (the posterior). Each replication's
 * value of an input is recomputed from its seed, exactly as the sampler drew it, so nothing is
 * stored per replication beyond the kept outcomes.
 *
 * @param inputs one row per uncertain input, the largest shift first
 * @param attempted replications tried (the prior sample)
 * @param kept replications kept (the posterior sample, the effective sample size)
 */
public record Posterior(List<Input> inputs, int attempted, int kept) {

  /**
   * Bins of {@link Input#priorDensity()} and {@link Input#posteriorDensity()} over the input's
   * range.
   */
  public static final int BINS = 20;

  /**
   * One input's prior and posterior.
   *
   * @param shift the posterior mean's distance from the prior mean in prior standard deviations
   * @param lo the lowest value seen (the left edge of the first bin)
   * @param hi the highest value seen
   * @param priorDensity share of the prior sample per bin
   * @param posteriorDensity share of the posterior sample per bin
   */
  public record Input(
      String key,
      double priorMean,
      double[] priorBand,
      double posteriorMean,
      double[] posteriorBand,
      double shift,
      double lo,
      double hi,
      double[] priorDensity,
      double[] posteriorDensity) {

    /** The finding in words, e.g. "higher than assumed (+0.8 sd)", or "about as assumed". */
    public String reading() {
      if (Math.abs(shift) < 0.25) return "about as assumed";
      return String.format(
          java.util.Locale.ROOT,
          "%s than assumed (%+.1f sd)",
          shift > 0 ? "higher" : "lower",
          shift);
    }
  }

  /** The prior and posterior of every uncertain input of {@code s} (events' change values too). */
  public static Posterior of(Scenario s, long seed, int attempted, List<RunOutcome> kept) {
    List<UncertainInput> all = UncertainInput.of(s, true);
    List<Input> rows = new ArrayList<>();
    double[] prior = new double[attempted];
    double[] post = new double[kept.size()];
    // each kept outcome decoded once, not once per input
    long[] keptSeeds = new long[post.length];
    for (int i = 0; i < post.length; i++) keptSeeds[i] = kept.get(i).seed();
    for (UncertainInput in : all) {
      java.util.function.LongToDoubleFunction drawn = in.drawer();
      for (int i = 0; i < attempted; i++)
        prior[i] = drawn.applyAsDouble(Streams.replicationSeed(seed, i));
      for (int i = 0; i < post.length; i++) post[i] = drawn.applyAsDouble(keptSeeds[i]);
      double pm = mean(prior);
      double sd = Math.sqrt(variance(prior, pm));
      double qm = post.length == 0 ? Double.NaN : mean(post);
      double lo = Arrays.stream(prior).min().orElse(0);
      double hi = Arrays.stream(prior).max().orElse(1);
      rows.add(
          new Input(
              in.key(),
              pm,
              band(prior),
              qm,
              band(post),
              sd > 0 ? (qm - pm) / sd : 0,
              lo,
              hi,
              density(prior, lo, hi),
              density(post, lo, hi)));
    }
    rows.sort(
        Comparator.comparingDouble((Input r) -> -Math.abs(r.shift())).thenComparing(Input::key));
    return new Posterior(List.copyOf(rows), attempted, kept.size());
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  private static double variance(double[] v, double m) {
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return v.length < 2 ? 0 : s / (v.length - 1);
  }

  /** 10th, 50th and 90th percentiles (NaN for an empty sample). */
  private static double[] band(double[] v) {
    // by selection: the prior sample is every replication tried, tens of thousands per input
    return Quantiles.nearestRanks(v.clone(), 0.1, 0.5, 0.9);
  }

  private static double[] density(double[] v, double lo, double hi) {
    double[] d = new double[BINS];
    if (v.length == 0) return d;
    double w = hi > lo ? (hi - lo) / BINS : 1;
    for (double x : v) d[Math.max(0, Math.min(BINS - 1, (int) ((x - lo) / w)))]++;
    for (int b = 0; b < BINS; b++) d[b] /= v.length;
    return d;
  }
}
