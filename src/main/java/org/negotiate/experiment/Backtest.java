package org.negotiate.experiment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.AsOf;
import org.negotiate.scenario.CaseFile;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;

/**
 * A back-test of one case: for each month from the calendar's start to the month before the last,
 * the forecast made as of that month (only the evidence, events and observations known then, and no
 * deal so far) of an agreement by the last simulated month, scored against what the scenario
 * records as having happened, beside two reference forecasters: the scenario's stated base rate,
 * and one who extrapolates the months without a deal so far (Laplace's rule of succession: after m
 * months without a deal, a monthly chance of 1/(m+2)).
 *
 * @param target the month the forecasts are about (agreement by its end)
 * @param outcome whether an agreement was signed by the target month
 * @param keptTarget the kept replications each as-of forecast aimed at
 */
public record Backtest(
    String scenario,
    YearMonth start,
    YearMonth target,
    boolean outcome,
    double baseRate,
    int keptTarget,
    List<Month> months) {

  /**
   * One as-of forecast and its scores.
   *
   * @param logScore ln of the probability the forecast gave what happened, the forecast held within
   *     [ε, 1 − ε] with ε = 1/(2·(kept + 1)): a Monte Carlo share of 0 only says the chance is
   *     below about 1/kept
   */
  public record Month(
      YearMonth asOf,
      int round,
      double forecast,
      double lower,
      double upper,
      long kept,
      long attempted,
      double brier,
      double logScore,
      double noDealSoFar,
      double brierBaseRate,
      double brierNoDealSoFar) {}

  public double meanBrier() {
    return months.stream().mapToDouble(Month::brier).average().orElse(Double.NaN);
  }

  public double meanLogScore() {
    return months.stream().mapToDouble(Month::logScore).average().orElse(Double.NaN);
  }

  public double meanBrierBaseRate() {
    return months.stream().mapToDouble(Month::brierBaseRate).average().orElse(Double.NaN);
  }

  public double meanBrierNoDealSoFar() {
    return months.stream().mapToDouble(Month::brierNoDealSoFar).average().orElse(Double.NaN);
  }

  /** Brier skill against a reference: 1 − mean Brier / the reference's mean Brier. */
  public static double skill(double brier, double reference) {
    return reference == 0 ? Double.NaN : 1 - brier / reference;
  }

  /**
   * What of a cut scenario decides the replications it draws: everything but evidence, rationales
   * and the case file (dates, priors' texts, observations, outcome), which no draw reads. Two cuts
   * with equal keys draw the same inputs and events for every seed.
   */
  static Scenario draws(Scenario s) {
    List<org.negotiate.scenario.Actor> actors = new ArrayList<>();
    for (org.negotiate.scenario.Actor a : s.actors()) {
      java.util.Map<String, org.negotiate.scenario.Stance> stances =
          new java.util.LinkedHashMap<>();
      a.stances().forEach((k, st) -> stances.put(k, st.with(List.of(), "")));
      actors.add(a.with(stances, List.of(), ""));
    }
    List<org.negotiate.scenario.Event> events = new ArrayList<>();
    for (org.negotiate.scenario.Event e : s.events())
      events.add(
          new org.negotiate.scenario.Event(
              e.id(), e.label(), e.timing(), e.changes(), List.of(), ""));
    return s.withActors(actors).withEvents(events).withCaseFile(null);
  }

  /** The reference forecaster who extrapolates m months without a deal over the r months left. */
  public static double noDealSoFar(int monthsWithoutDeal, int monthsLeft) {
    double h = 1.0 / (monthsWithoutDeal + 2);
    return 1 - Math.pow(1 - h, monthsLeft);
  }

  /**
   * Runs the back-test of {@code s} (as loaded, before any cut); {@code progress} is told the as-of
   * months done.
   *
   * @throws ScenarioException when the scenario records no outcome or a cut is invalid
   * @throws NoReplicationReproduces when no replication reproduces what was observed by some month
   */
  public static Backtest run(
      Scenario s,
      Protocol protocol,
      int kept,
      int rounds,
      long seed,
      int threads,
      Engine engine,
      Progress progress)
      throws ScenarioException, InterruptedException {
    return run(months(s, protocol, kept, rounds, seed, threads), null, engine, progress);
  }

  /**
   * The as-of months of a back-test of {@code s} (as loaded, before any cut), cut and ready to run:
   * made before the odds run so that the months drawing what it draws can ride on it ({@link
   * Months#riders}).
   *
   * @throws ScenarioException when the scenario records no outcome or a cut is invalid
   */
  public static Months months(
      Scenario s, Protocol protocol, int kept, int rounds, long seed, int threads)
      throws ScenarioException {
    CaseFile.Outcome outcome = s.caseFile().outcome();
    if (outcome == null) {
      throw new ScenarioException(
          new org.negotiate.scenario.Problem(
              "",
              0,
              0,
              "outcome",
              "the scenario records no "
                  + "outcome: add an outcome: section (agreement, month, summary, source) to back-test it"));
    }
    int count = rounds - 1;
    Scenario[] at = new Scenario[count];
    Scenario[] keys = new Scenario[count];
    MonteCarlo.Options[] options = new MonteCarlo.Options[count];
    YearMonth[] asOf = new YearMonth[count];
    org.negotiate.model.NegotiationSetup nominal = null;
    for (int t = 0; t < count; t++) {
      asOf[t] = s.calendar().month(t);
      AsOf.Cut cut = AsOf.cut(s, asOf[t], rounds);
      at[t] = cut.scenario();
      keys[t] = draws(at[t]);
      // most months draw what the month before draws (no value or event dated between them): the
      // nominal set-up, which gives the observations their rounds and indices, is then the same
      if (nominal == null || !keys[t].equals(keys[t - 1]))
        nominal = SetupSampler.nominal(at[t], rounds);
      MonteCarlo.Options o = new MonteCarlo.Options(kept, rounds, seed, threads).withoutOutcomes();
      List<org.negotiate.scenario.Observation> obs = cut.observations();
      if (!obs.isEmpty()) {
        o =
            o.conditionedOn(
                Conditions.of(
                    at[t],
                    obs,
                    nominal,
                    (int)
                        Math.min(
                            org.negotiate.scenario.Limits.MAX_REPLICATIONS,
                            (long) kept * Conditions.DEFAULT_ATTEMPTS_PER_KEPT)));
      }
      options[t] = o;
    }
    return new Months(s, protocol, kept, rounds, outcome, at, keys, options, asOf);
  }

  /** A back-test's as-of months, cut, with the options each is run with. */
  public static final class Months {
    private final Scenario scenario;
    private final Protocol protocol;
    private final int kept;
    private final int rounds;
    private final CaseFile.Outcome outcome;
    private final Scenario[] at;

    /** Each month's {@link #draws}: what decides the replications it draws. */
    private final Scenario[] keys;

    private final MonteCarlo.Options[] options;
    private final YearMonth[] asOf;
    private List<Integer> riding = List.of();
    private Riders riders;

    private Months(
        Scenario scenario,
        Protocol protocol,
        int kept,
        int rounds,
        CaseFile.Outcome outcome,
        Scenario[] at,
        Scenario[] keys,
        MonteCarlo.Options[] options,
        YearMonth[] asOf) {
      this.scenario = scenario;
      this.protocol = protocol;
      this.kept = kept;
      this.rounds = rounds;
      this.outcome = outcome;
      this.at = at;
      this.keys = keys;
      this.options = options;
      this.asOf = asOf;
    }

    /** The scenario as of each month. */
    List<Scenario> scenarios() {
      return List.of(at);
    }

    /** The options each month is run with. */
    List<MonteCarlo.Options> options() {
      return List.of(options);
    }

    /**
     * The conditioned months whose cuts draw what a run of {@code lead} with {@code leadOptions}
     * draws (with {@code leadProtocol}), as riders on that run, or null when none does. Once that
     * run is over, {@link Backtest#run(Months, Engine, Progress)} takes their results from it.
     */
    public Riders riders(Scenario lead, Protocol leadProtocol, MonteCarlo.Options leadOptions) {
      if (leadProtocol != protocol) return null;
      Scenario drawn = draws(lead);
      List<Integer> months = new ArrayList<>();
      List<Scenario> sc = new ArrayList<>();
      List<MonteCarlo.Options> os = new ArrayList<>();
      for (int t = 0; t < at.length; t++) {
        if (options[t].conditions() != null && keys[t].equals(drawn)) {
          months.add(t);
          sc.add(at[t]);
          os.add(options[t]);
        }
      }
      if (months.isEmpty()) return null;
      Riders r = new Riders(sc, os);
      if (!r.canRideOn(leadOptions)) return null;
      riding = List.copyOf(months);
      riders = r;
      return r;
    }
  }

  /**
   * Runs the back-test's months; those riding on a run that is over ({@link Months#riders}) take
   * their results from it.
   *
   * @throws NoReplicationReproduces when no replication reproduces what was observed by some month
   */
  public static Backtest run(Months months, Engine engine, Progress progress)
      throws InterruptedException {
    return run(months, months.riders, engine, progress);
  }

  private static Backtest run(Months cut, Riders riders, Engine engine, Progress progress)
      throws InterruptedException {
    Scenario s = cut.scenario;
    Protocol protocol = cut.protocol;
    int rounds = cut.rounds;
    int kept = cut.kept;
    CaseFile.Outcome outcome = cut.outcome;
    Scenario[] at = cut.at;
    Scenario[] keys = cut.keys;
    MonteCarlo.Options[] options = cut.options;
    YearMonth[] asOf = cut.asOf;
    YearMonth start = s.calendar().start();
    YearMonth target = AsOf.lastMonth(s, rounds);
    boolean happened = outcome.agreement() && !outcome.month().isAfter(target);
    int count = rounds - 1;
    boolean distributed = engine != null && engine.distributed();
    // Months whose cuts draw the same replications (no value or event changed between them, only
    // what was observed) share them: each replication is run once for all of them, with the
    // results each month gets alone (MonteCarlo.runShared); those that draw what the odds run drew
    // were judged on its replications (Riders). On a cluster, month by month.
    List<Integer> riding = riders != null && !distributed ? cut.riding : List.of();
    List<List<Integer>> groups = new ArrayList<>();
    java.util.Map<Scenario, List<Integer>> byDraws = new java.util.LinkedHashMap<>();
    for (int t = 0; t < count; t++) {
      if (riding.contains(t)) {
        if (t == riding.get(0)) groups.add(riding);
        continue;
      }
      if (options[t].conditions() == null || distributed) {
        groups.add(List.of(t));
      } else {
        List<Integer> g = byDraws.get(keys[t]);
        if (g == null) {
          g = new ArrayList<>();
          byDraws.put(keys[t], g);
          groups.add(g);
        }
        g.add(t);
      }
    }
    MonteCarlo.Result[] results = new MonteCarlo.Result[count];
    int done = 0;
    for (List<Integer> g : groups) {
      if (g == riding) {
        int before = done;
        List<MonteCarlo.Result> rs =
            riders.results(protocol, progress == null ? null : d -> progress.done(before + d));
        for (int q = 0; q < g.size(); q++) results[g.get(q)] = rs.get(q);
      } else if (g.size() == 1) {
        int t = g.get(0);
        results[t] = MonteCarlo.run(at[t], protocol, options[t], null, null, engine);
      } else {
        List<Scenario> sc = new ArrayList<>();
        List<MonteCarlo.Options> os = new ArrayList<>();
        for (int t : g) {
          sc.add(at[t]);
          os.add(options[t]);
        }
        int before = done;
        List<MonteCarlo.Result> rs =
            MonteCarlo.runShared(
                sc, protocol, os, progress == null ? null : d -> progress.done(before + d));
        for (int q = 0; q < g.size(); q++) results[g.get(q)] = rs.get(q);
      }
      done += g.size();
      if (progress != null) progress.done(done);
    }
    List<Month> months = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      MonteCarlo.Result r = results[t];
      if (r.odds().replications() == 0)
        throw NoReplicationReproduces.of(r, options[t].conditions(), asOf[t]);
      ConvergenceOdds.MonthOdds last = r.odds().byMonth().get(rounds - 1);
      double p = last.odds();
      double y = happened ? 1 : 0;
      double eps = 0.5 / (r.odds().replications() + 1);
      double clipped = Math.max(eps, Math.min(1 - eps, p));
      double reference = noDealSoFar(t + 1, rounds - 1 - t);
      months.add(
          new Month(
              asOf[t],
              t,
              p,
              last.lower(),
              last.upper(),
              r.odds().replications(),
              r.attempted(),
              (p - y) * (p - y),
              Math.log(happened ? clipped : 1 - clipped),
              reference,
              (outcome.baseRate() - y) * (outcome.baseRate() - y),
              (reference - y) * (reference - y)));
    }
    return new Backtest(
        s.name(), start, target, happened, outcome.baseRate(), kept, List.copyOf(months));
  }
}
