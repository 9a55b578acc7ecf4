package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;

/**
 * Which uncertain inputs move the odds of a deal most.
 *
 * <p>The model studied is {@code f(x) = P(deal by the chosen month | the studied inputs = x)},
 * estimated at each design point over {@code replications} replications with the seeds of
 * replications {@code 0 .. R-1} of the base seed: the studied inputs take the point's values, and
 * what remains random (perception noise, random events, inputs not studied) is drawn from the same
 * streams at every point (common random numbers), so two points differ only by their inputs. The
 * scenario is otherwise the one {@code odds} runs: its stated ranges, which are all the mediators
 * know of a red line or a reservation, stay as they are (fixing an input in the scenario would tell
 * the mediators its value, and f would be another model's).
 *
 * <p><b>One at a time</b>: every studied input at its nominal value (mode, mean or fixed value),
 * then each input alone at its minimum and at its maximum: {@code 2k + 1} points.
 *
 * <p><b>Sobol</b>: first-order and total indices by {@link SobolIndices} on {@code N(k + 2)}
 * points. Cost of the command: at most {@code (2k + 1 + N(k + 2)) × R} replications (a row that
 * repeats another is run once).
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
   * Points of the design: {@code 2k + 1 + N(k + 2)}; at most that many (each of {@code
   * replications} replications) are run, a repeated row once ({@link #points(List, int)}).
   */
  public static long points(int k, int samples) {
    return 2L * k + 1 + (samples > 0 ? (long) samples * (k + 2) : 0);
  }

  /**
   * The design: every point's values of the studied inputs ({@code rows}: the nominal row, then
   * each input at its minimum and maximum, then the Sobol rows of {@link
   * SobolIndices.Design#rows}), and the distinct rows among them, which are all that is run. Rows
   * coincide where A and B share a coordinate ({@code AB_i} is then {@code A}: the Sobol sequence's
   * early points take few values, 1/4 and 3/4 in every dimension at its first two rows, so about
   * half of their {@code AB_i} repeat {@code A}), or where an input's minimum or maximum is its
   * nominal value. A point is a pure function of its row (the same seeds at every point), so a
   * repeated row has the first one's result: about 8% of the baseline's default design.
   *
   * @param oatRows the one-at-a-time rows at the start of {@code rows} ({@code 2k + 1})
   * @param sobol the Sobol design, or null without one
   * @param evaluatedAs per row, the index of its distinct row in {@code distinct}
   */
  public record Points(
      List<double[]> rows,
      int oatRows,
      SobolIndices.Design sobol,
      int[] evaluatedAs,
      List<double[]> distinct) {
    public int evaluatedAs(int row) {
      return evaluatedAs[row];
    }
  }

  /** The design points for these inputs with {@code samples} Sobol base samples (0: none). */
  public static Points points(List<UncertainInput> inputs, int samples) {
    int k = inputs.size();
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
    SobolIndices.Design design = samples > 0 ? SobolIndices.design(k, samples) : null;
    int oatRows = rows.size();
    if (design != null) {
      for (double[] u : design.rows()) {
        double[] x = new double[k];
        for (int i = 0; i < k; i++) x[i] = inputs.get(i).quantity().quantile(u[i]);
        rows.add(x);
      }
    }
    int[] evaluatedAs = new int[rows.size()];
    List<double[]> distinct = new ArrayList<>();
    Map<Row, Integer> first = new HashMap<>();
    for (int j = 0; j < rows.size(); j++) {
      Integer seen = first.putIfAbsent(new Row(rows.get(j)), distinct.size());
      if (seen == null) {
        evaluatedAs[j] = distinct.size();
        distinct.add(rows.get(j));
      } else {
        evaluatedAs[j] = seen;
      }
    }
    return new Points(List.copyOf(rows), oatRows, design, evaluatedAs, List.copyOf(distinct));
  }

  /** A row as a map key: equal when every value has the same bits (as {@link Arrays#equals}). */
  private record Row(double[] x) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && Arrays.equals(x, r.x);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(x);
    }
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
   * Runs the analysis: every distinct design point ({@link #points(List, int)}) is a piece of work
   * for {@code engine}, journalled when {@code journal} is given; progress counts those pieces.
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
    Points design = points(inputs, o.samples());
    double[] nominal = design.rows().get(0);
    int oatRows = design.oatRows();
    List<UncertainInput> studied = List.copyOf(inputs);
    List<double[]> distinct = design.distinct();
    // the studied inputs take the point's values and nothing else changes: fixing them in the
    // scenario would also tell the mediators the red lines and reservations they only know the
    // stated range of, and f would be another model's (the class comment above)
    long[] keys = new long[k];
    for (int i = 0; i < k; i++) keys[i] = Streams.keyMix(studied.get(i).key());
    Engine.Task<PointOdds> odds =
        j -> {
          double[] x = distinct.get(j);
          java.util.Map<Long, Double> values = new HashMap<>();
          for (int i = 0; i < k; i++) values.put(keys[i], x[i]);
          // made where the point runs (a cluster's task carries the scenario, not the plan)
          SetupSampler.Plan plan =
              SetupSampler.plan(s, key -> values.getOrDefault(key, Double.NaN));
          // the points share their draws, and those that differ only in what the mediators do
          // not see pose the drafts of points run before (DraftMemo): about half on the baseline
          try (org.negotiate.protocol.DraftMemo.Use memo =
              org.negotiate.protocol.DraftMemo.open()) {
            Batch.Outcomes b =
                Batch.run(plan, protocol, o.rounds(), o.exactRounds(), o.seed(), o.replications());
            return new PointOdds(b.oddsBy(o.byRound()), b.failed());
          }
        };
    List<PointOdds> once =
        journal == null
            ? engine.map(distinct.size(), o.replications(), odds, progress)
            : journal.map(engine, distinct.size(), o.replications(), odds, progress);
    // every design point, a repeated one with the result of its first occurrence (failures too,
    // so failed_replications counts them per design point as before)
    List<PointOdds> evaluated = new ArrayList<>();
    for (int j = 0; j < design.rows().size(); j++) evaluated.add(once.get(design.evaluatedAs(j)));
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
    SobolIndices.Design sobolDesign = design.sobol();
    if (sobolDesign == null)
      return new Result(inputs, o, f.get(0), List.copyOf(oat), Double.NaN, null, List.of(), failed);
    double[] y = new double[design.rows().size() - oatRows];
    for (int j = 0; j < y.length; j++) y[j] = f.get(oatRows + j);
    SobolIndices.Result sobol =
        SobolIndices.estimate(sobolDesign, y, o.bootstrap(), 0.95, o.seed());
    double mean = 0;
    for (int j = 0; j < 2 * sobolDesign.samples(); j++) mean += y[j];
    mean /= 2 * sobolDesign.samples();
    List<SobolRow> sr = new ArrayList<>();
    for (int i = 0; i < k; i++)
      sr.add(new SobolRow(inputs.get(i), sobol.first()[i], sobol.total()[i]));
    return new Result(inputs, o, f.get(0), List.copyOf(oat), mean, sobol, List.copyOf(sr), failed);
  }
}
