package org.negotiate.experiment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/**
 * From the counts of a run to its odds: agreement by month with Wilson intervals, the terms by
 * issue (exactly from kept outcomes, or from an {@link Accumulator}'s bins), the blockers' shares
 * and the position bands. Reads only integers and kept outcomes in index order, so the result is
 * the same whichever threads or engine produced them.
 */
final class OddsAggregation {
  private OddsAggregation() {}

  /** The distribution of agreed terms on one issue. */
  interface TermsSource {
    ConvergenceOdds.IssueTerms terms(int k, Issue issue);
  }

  /** Agreed terms from every kept outcome, in index order: exact. */
  record ExactTerms(List<RunOutcome> outcomes) implements TermsSource {
    @Override
    public ConvergenceOdds.IssueTerms terms(int k, Issue issue) {
      long[] hist = new long[101];
      double sum = 0;
      double[] values = new double[16];
      int m = 0;
      for (RunOutcome r : outcomes) {
        if (!r.agreed()) continue;
        double v = r.terms()[k];
        hist[(int) Math.round(Math.max(0, Math.min(100, v)))]++;
        sum += v;
        if (m == values.length) values = Arrays.copyOf(values, 2 * m);
        values[m++] = v;
      }
      double[] sorted = Arrays.copyOf(values, m);
      Arrays.sort(sorted);
      return new ConvergenceOdds.IssueTerms(
          issue.id(),
          issue.label(),
          m,
          hist,
          m == 0 ? Double.NaN : sum / m,
          Quantiles.nearestRank(sorted, 0.1),
          Quantiles.nearestRank(sorted, 0.5),
          Quantiles.nearestRank(sorted, 0.9));
    }
  }

  static ConvergenceOdds of(
      Scenario s,
      int rounds,
      long seed,
      int n,
      Accumulator counts,
      TermsSource termsSource,
      List<String> canonical) {
    List<ConvergenceOdds.MonthOdds> byMonth = new ArrayList<>();
    long cumulative = 0;
    for (int t = 0; t < rounds; t++) {
      cumulative += counts.agreedAt[t];
      double[] ci = Proportions.wilson(n, cumulative);
      byMonth.add(
          new ConvergenceOdds.MonthOdds(
              t,
              s.calendar().month(t),
              cumulative,
              n == 0 ? Double.NaN : (double) cumulative / n,
              ci[0],
              ci[1]));
    }

    List<ConvergenceOdds.IssueTerms> terms = new ArrayList<>();
    for (int k = 0; k < s.issues().size(); k++) terms.add(termsSource.terms(k, s.issues().get(k)));

    List<ConvergenceOdds.BlockerShare> blockers = new ArrayList<>();
    long failed = counts.failed;
    for (Actor a : s.actors()) {
      if (a.role() != Role.PARTY) continue;
      long c = counts.blocked[canonical.indexOf(a.id())];
      blockers.add(
          new ConvergenceOdds.BlockerShare(
              a.id(), a.name(), c, failed == 0 ? 0 : (double) c / failed));
    }
    blockers.sort(Comparator.comparingLong(ConvergenceOdds.BlockerShare::failedRuns).reversed());

    PositionTally tally = counts.tally;
    List<ConvergenceOdds.PositionBand> positions = new ArrayList<>();
    List<String[]> shown = new ArrayList<>();
    for (Actor a : s.actors()) shown.add(new String[] {a.id(), a.name()});
    shown.add(new String[] {MonteCarlo.TEXT_ID, "Mediators' text"});
    for (String[] actor : shown) {
      int a = actor[0].equals(MonteCarlo.TEXT_ID) ? canonical.size() : canonical.indexOf(actor[0]);
      for (int k = 0; k < s.issues().size(); k++) {
        for (int t = 0; t < rounds; t++) {
          YearMonth month = s.calendar().month(t);
          double[] band = tally.quantiles(t, a, k, BAND);
          positions.add(
              new ConvergenceOdds.PositionBand(
                  actor[0], actor[1], s.issues().get(k).id(), t, month, band[0], band[1], band[2]));
        }
      }
    }
    return new ConvergenceOdds(
        s.name(),
        n,
        seed,
        List.copyOf(byMonth),
        List.copyOf(terms),
        List.copyOf(blockers),
        List.copyOf(positions));
  }

  /** The position bands: 10th, 50th and 90th percentiles. */
  private static final double[] BAND = {0.1, 0.5, 0.9};
}
