package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.List;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;

/**
 * Which uncertain inputs move the odds of a deal most.
 *
 * <p>The model studied is {@code f(x) = P(deal by the chosen month | the studied inputs = x)},
 * estimated at each design point over {@code replications} replications with the seeds of
 * replications {@code 0 .. R-1} of the base seed: the studied inputs are fixed to the point's
 * values, and what remains random (perception noise, random events, inputs not studied) is drawn
 * from the same streams at every point (common random numbers), so two points differ only by their
 * inputs.
 *
 * <p><b>One at a time</b>: every studied input at its nominal value (mode, mean or fixed value),
 * then each input alone at its minimum and at its maximum: {@code 2k + 1} points.
 *
 * <p><b>Sobol</b>: first-order and total indices by {@link SobolIndices} on {@code N(k + 2)}
 * points. Cost of the command: {@code (2k + 1 + N(k + 2)) × R} replications.
 */
public final class Sensitivity {
  private Sensitivity() {}

  /**
   * @param byRound the round by whose end a deal counts
   * @param samples Sobol base samples N (0: no Sobol analysis)
   * @param bootstrap bootstrap resamples for the Sobol intervals
   */
  public record Settings(
      int replications,
      int rounds,
      boolean exactRounds,
      long seed,
      int threads,
      int byRound,
      int samples,
      int bootstrap)
      implements java.io.Serializable {}

  /**
   * One input's one-at-a-time result: the odds with it at its nominal value, minimum and maximum.
   */
  public record OatRow(
      UncertainInput input,
      double nominal,
      double min,
      double max,
      double atNominal,
      double atMin,
      double atMax) {
    /** The larger of the two changes in odds, in absolute value. */
    public double swing() {
      return Math.max(Math.abs(atMin - atNominal), Math.abs(atMax - atNominal));
    }
  }

  /** One input's Sobol indices. */
  public record SobolRow(
      UncertainInput input, SobolIndices.Estimate first, SobolIndices.Estimate total) {}

  /**
   * @param nominalOdds the odds with every studied input at its nominal value
   * @param meanOdds the mean of f over the Sobol base rows A and B (NaN without Sobol)
   * @param sobol the Sobol estimates (null without Sobol)
   */
  public record Result(
      List<UncertainInput> inputs,
      Settings settings,
      double nominalOdds,
      List<OatRow> oat,
      double meanOdds,
      SobolIndices.Result sobol,
      List<SobolRow> sobolRows,
      long failedReplications) {}

  /** A design point's odds, over the replications that did not fail, and how many failed. */
  record PointOdds(double odds, int failed) implements java.io.Serializable {}

  /**
   * Points (each of {@code replications} replications) the analysis runs: {@code 2k + 1 + N(k +
   * 2)}.
   */
  public static long points(int k, int samples) {
    return 2L * k + 1 + (samples > 0 ? (long) samples * (k + 2) : 0);
  }

  /** Runs the analysis on this machine's cores, without a journal. */
  public static Result run(
      Scenario s, Protocol protocol, List<UncertainInput> inputs, Settings o, Progress progress)
      throws InterruptedException {
    try (Engine local = new LocalEngine(o.threads())) {
      return run(s, protocol, inputs, o, local, null, progress == null ? null : progress::done);
    }
  }

  /**
   * Runs the analysis: every design point is a piece of work for {@code engine}, journalled when
   * {@code journal} is given; progress counts design points.
   */
  public static Result run(
      Scenario s,
      Protocol protocol,
      List<UncertainInput> inputs,
      Settings o,
      Engine engine,
      PieceJournal journal,
      Progress progress)
      throws InterruptedException {
    int k = inputs.size();
    if (k == 0) throw new IllegalArgumentException("no uncertain inputs to study");
    double[] nominal = new double[k];
    for (int i = 0; i < k; i++) nominal[i] = inputs.get(i).quantity().nominal();

    // One at a time: row 0 nominal, then input i at its min (1 + 2i) and at its max (2 + 2i).
    List<double[]> rows = new ArrayList<>();
    rows.add(nominal);
    for (int i = 0; i < k; i++) {
      double[] lo = nominal.clone();
      lo[i] = inputs.get(i).quantity().min();
      double[] hi = nominal.clone();
      hi[i] = inputs.get(i).quantity().max();
      rows.add(lo);
      rows.add(hi);
    }
    SobolIndices.Design design = o.samples() > 0 ? SobolIndices.design(k, o.samples()) : null;
    int oatRows = rows.size();
    if (design != null) {
      for (double[] u : design.rows()) {
        double[] x = new double[k];
        for (int i = 0; i < k; i++) x[i] = inputs.get(i).quantity().quantile(u[i]);
        rows.add(x);
      }
    }
    List<UncertainInput> studied = List.copyOf(inputs);
    List<double[]> points = List.copyOf(rows);
    Engine.Task<PointOdds> odds =
        j -> {
          Scenario fixed = UncertainInput.fixAll(s, studied, points.get(j));
          Batch.Outcomes b =
              Batch.run(fixed, protocol, o.rounds(), o.exactRounds(), o.seed(), o.replications());
          return new PointOdds(b.oddsBy(o.byRound()), b.failed());
        };
    List<PointOdds> evaluated =
        journal == null
            ? engine.map(points.size(), o.replications(), odds, progress)
            : journal.map(engine, points.size(), o.replications(), odds, progress);
    List<Double> f = evaluated.stream().map(PointOdds::odds).toList();
    long failed = evaluated.stream().mapToLong(PointOdds::failed).sum();

    List<OatRow> oat = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      UncertainInput in = inputs.get(i);
      oat.add(
          new OatRow(
              in,
              nominal[i],
              in.quantity().min(),
              in.quantity().max(),
              f.get(0),
              f.get(1 + 2 * i),
              f.get(2 + 2 * i)));
    }
    if (design == null)
      return new Result(inputs, o, f.get(0), List.copyOf(oat), Double.NaN, null, List.of(), failed);
    double[] y = new double[rows.size() - oatRows];
    for (int j = 0; j < y.length; j++) y[j] = f.get(oatRows + j);
    SobolIndices.Result sobol = SobolIndices.estimate(design, y, o.bootstrap(), 0.95, o.seed());
    double mean = 0;
    for (int j = 0; j < 2 * design.samples(); j++) mean += y[j];
    mean /= 2 * design.samples();
    List<SobolRow> sr = new ArrayList<>();
    for (int i = 0; i < k; i++)
      sr.add(new SobolRow(inputs.get(i), sobol.first()[i], sobol.total()[i]));
    return new Result(inputs, o, f.get(0), List.copyOf(oat), mean, sobol, List.copyOf(sr), failed);
  }
}
