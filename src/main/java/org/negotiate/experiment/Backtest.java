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
    YearMonth start = s.calendar().start();
    YearMonth target = AsOf.lastMonth(s, rounds);
    boolean happened = outcome.agreement() && !outcome.month().isAfter(target);
    List<Month> months = new ArrayList<>();
    for (int t = 0; t < rounds - 1; t++) {
      YearMonth asOf = s.calendar().month(t);
      AsOf.Cut cut = AsOf.cut(s, asOf, rounds);
      Scenario at = cut.scenario();
      MonteCarlo.Options o = new MonteCarlo.Options(kept, rounds, seed, threads).withoutOutcomes();
      List<org.negotiate.scenario.Observation> obs = cut.observations();
      if (!obs.isEmpty()) {
        o =
            o.conditionedOn(
                Conditions.of(
                    at,
                    obs,
                    SetupSampler.nominal(at, rounds),
                    (int)
                        Math.min(
                            org.negotiate.scenario.Limits.MAX_REPLICATIONS,
                            (long) kept * Conditions.DEFAULT_ATTEMPTS_PER_KEPT)));
      }
      MonteCarlo.Result r = MonteCarlo.run(at, protocol, o, null, null, engine);
      if (r.odds().replications() == 0) throw NoReplicationReproduces.of(r, o.conditions(), asOf);
      ConvergenceOdds.MonthOdds last = r.odds().byMonth().get(rounds - 1);
      double p = last.odds();
      double y = happened ? 1 : 0;
      double eps = 0.5 / (r.odds().replications() + 1);
      double clipped = Math.max(eps, Math.min(1 - eps, p));
      double reference = noDealSoFar(t + 1, rounds - 1 - t);
      months.add(
          new Month(
              asOf,
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
      if (progress != null) progress.done(t + 1);
    }
    return new Backtest(
        s.name(), start, target, happened, outcome.baseRate(), kept, List.copyOf(months));
  }
}
