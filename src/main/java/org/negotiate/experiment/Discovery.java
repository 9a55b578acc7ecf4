package org.negotiate.experiment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/**
 * Scenario discovery over a Monte Carlo: which ranges of the uncertain inputs make a deal by a
 * given month likely. Replication {@code i} of an odds experiment draws input {@code key} as {@code
 * quantile(Streams.uniform(seed_i, key))}; those values are recomputed here from the replication's
 * seed (the same streams as {@code SetupSampler}), paired with whether the replication had a deal
 * by the month, and handed to {@link Prim}.
 */
public final class Discovery {
  private Discovery() {}

  /**
   * @param byRound a deal counts when signed by the end of this round
   * @param alpha PRIM's peeling and pasting share
   * @param minMass the smallest share of runs a peeled box may hold
   * @param minCoverage the smallest coverage of the chosen box
   */
  public record Settings(
      int replications,
      int rounds,
      boolean exactRounds,
      long seed,
      int threads,
      int byRound,
      double alpha,
      double minMass,
      double minCoverage) {}

  /**
   * @param draws per replication, the drawn value of each input (inputs in {@link #inputs} order)
   * @param deal per replication, whether it had a deal by the month
   * @param round per replication, the round of the deal or of the end
   * @param prim PRIM's trajectory; its {@code box} is the box found without its unstable conditions
   * @param stability each condition's share of bootstrap resamples that keep it, and the box before
   *     the cut
   */
  public record Result(
      List<UncertainInput> inputs,
      Settings settings,
      double[][] draws,
      boolean[] deal,
      int[] round,
      long[] seeds,
      Prim.Result prim,
      BoxStability.Result stability) {}

  public static Result run(
      Scenario s, Protocol protocol, List<UncertainInput> inputs, Settings o, Progress progress)
      throws InterruptedException {
    return run(s, protocol, inputs, o, null, progress);
  }

  /** As above, the Monte Carlo on {@code engine} (null: this machine's threads). */
  public static Result run(
      Scenario s,
      Protocol protocol,
      List<UncertainInput> inputs,
      Settings o,
      Engine engine,
      Progress progress)
      throws InterruptedException {
    MonteCarlo.Result mc =
        MonteCarlo.run(
            s,
            protocol,
            new MonteCarlo.Options(
                o.replications(), o.rounds(), o.seed(), o.threads(), o.exactRounds()),
            progress,
            null,
            engine);
    int n = o.replications();
    double[][] x = new double[n][inputs.size()];
    boolean[] y = new boolean[n];
    int[] rounds = new int[n];
    long[] seeds = new long[n];
    for (int i = 0; i < n; i++) {
      long seed = Streams.replicationSeed(o.seed(), i);
      seeds[i] = seed;
      for (int j = 0; j < inputs.size(); j++) x[i][j] = inputs.get(j).drawn(seed);
      RunOutcome r = mc.outcomes().get(i);
      y[i] = r.agreed() && r.round() <= o.byRound();
      rounds[i] = r.round();
    }
    Prim.Result found = Prim.run(x, y, o.alpha(), o.minMass(), o.minCoverage());
    // the resamples' stream is derived from the run's seed: the same command gives the same box
    BoxStability.Result st =
        BoxStability.of(
            x,
            y,
            found.box(),
            o.alpha(),
            o.minMass(),
            o.minCoverage(),
            BoxStability.RESAMPLES,
            o.seed() ^ 0x9E3779B97F4A7C15L);
    Prim.Result prim =
        new Prim.Result(
            found.trajectory(),
            found.chosen(),
            found.pasted(),
            st.stable(),
            found.baseDensity(),
            found.cases(),
            found.hits());
    return new Result(inputs, o, x, y, rounds, seeds, prim, st);
  }

  /** Decimals to show for an input's bounds: fewer for wide ranges. */
  public static int decimals(UncertainInput in) {
    double w = in.quantity().max() - in.quantity().min();
    return w >= 20 ? 0 : w >= 2 ? 1 : 2;
  }

  /**
   * One bound in words: {@code turkey.withdrawal.red_line.max ≥ 52}, {@code 0.3 ≤ syria.flexibility
   * ≤ 0.6}.
   */
  public static String condition(UncertainInput in, double lo, double hi) {
    String f = "%." + decimals(in) + "f";
    boolean l = lo != Double.NEGATIVE_INFINITY;
    boolean h = hi != Double.POSITIVE_INFINITY;
    if (l && h) return String.format(Locale.ROOT, f + " ≤ %s ≤ " + f, lo, in.key(), hi);
    if (l) return String.format(Locale.ROOT, "%s ≥ " + f, in.key(), lo);
    return String.format(Locale.ROOT, "%s ≤ " + f, in.key(), hi);
  }

  /** The box's restrictions in words, in input order. */
  public static List<String> conditions(Result r, Prim.Box box) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < r.inputs().size(); j++) {
      if (box.restricted(j)) out.add(condition(r.inputs().get(j), box.lo()[j], box.hi()[j]));
    }
    return out;
  }

  /**
   * The box in plain words: "a deal by 2024-11 in 74% of runs when A ≥ 48 and B ≤ 70; covers 61% of
   * all deals (the box holds 39% of runs; a deal in 48% of all runs)".
   */
  public static String describe(Result r, YearMonth month) {
    Prim.Step b = r.prim().box();
    if (r.prim().hits() == 0) {
      return String.format(Locale.ROOT, "no run had a deal by %s: nothing to discover", month);
    }
    List<String> c = conditions(r, b.box());
    if (c.isEmpty()) {
      return String.format(
          Locale.ROOT,
          "a deal by %s in %.0f%% of runs, and no range of the inputs does markedly better "
              + "while keeping %.0f%% of the deals",
          month,
          100 * b.density(),
          100 * r.settings().minCoverage());
    }
    return String.format(
            Locale.ROOT,
            "a deal by %s in %.0f%% of runs when %s; covers %.0f%% of all deals "
                + "(the box holds %.0f%% of runs; a deal in %.0f%% of all runs)",
            month,
            100 * b.density(),
            String.join(" and ", c),
            100 * b.coverage(),
            100 * b.mass(),
            100 * r.prim().baseDensity())
        + stabilityWords(r);
  }

  /**
   * What the bootstrap kept and dropped, in words; empty when nothing was dropped and nothing
   * found.
   */
  static String stabilityWords(Result r) {
    BoxStability.Result st = r.stability();
    if (st == null) return "";
    List<String> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (int j = 0; j < r.inputs().size(); j++) {
      String share =
          String.format(Locale.ROOT, "%s %.0f%%", r.inputs().get(j).key(), 100 * st.stability()[j]);
      if (st.kept(j)) kept.add(share);
      else if (st.dropped(j)) dropped.add(share);
    }
    if (kept.isEmpty() && dropped.isEmpty()) return "";
    String s =
        String.format(Locale.ROOT, "; stability over %d bootstrap resamples: ", st.resamples());
    if (!kept.isEmpty()) s += "kept " + String.join(", ", kept);
    if (!dropped.isEmpty()) {
      s +=
          (kept.isEmpty() ? "" : "; ")
              + "dropped as unstable (in fewer than "
              + Math.round(100 * BoxStability.KEEP)
              + "% of resamples) "
              + String.join(", ", dropped);
    }
    return s;
  }
}
