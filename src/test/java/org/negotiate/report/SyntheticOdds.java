package org.negotiate.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.ConvergenceOdds.BlockerShare;
import org.negotiate.experiment.ConvergenceOdds.IssueTerms;
import org.negotiate.experiment.ConvergenceOdds.MonthOdds;
import org.negotiate.experiment.ConvergenceOdds.PositionBand;

/** Made-up Monte Carlo results shaped like the baseline scenario, for chart tests. */
final class SyntheticOdds {

  static final String SCENARIO = "Türkiye–Syria normalization & baseline";
  static final YearMonth START = YearMonth.of(2022, 12);

  static final String[][] ISSUES = {
    {"withdrawal", "Turkish troop withdrawal"},
    {"counter_terrorism", "Counter-terrorism cooperation"},
    {"refugee_return", "Refugee return"},
  };

  static final String[][] ACTORS = {
    {"turkey", "Türkiye"},
    {"syria", "Syria (Assad government)"},
    {"russia", "Russia"},
    {"iran", "Iran"},
    {"opposition", "Syrian opposition (SNC, SNC-Commission, Interim Government)"},
  };

  /** Starting positions per actor (rows) and issue (columns). */
  private static final double[][] START_POS = {
    {15, 85, 70},
    {95, 30, 40},
    {60, 60, 55},
    {85, 40, 35},
    {5, 20, 90},
  };

  private SyntheticOdds() {}

  static ConvergenceOdds typical(int months) {
    int n = 2000;
    List<MonthOdds> byMonth = new ArrayList<>();
    long agreedFinal = 0;
    for (int r = 1; r <= months; r++) {
      double p = 0.55 / (1 + Math.exp(-(r - months * 0.45) / (months / 8.0)));
      long agreed = Math.round(p * n);
      double[] w = wilson(agreed, n);
      byMonth.add(
          new MonthOdds(r, START.plusMonths(r - 1), agreed, (double) agreed / n, w[0], w[1]));
      agreedFinal = agreed;
    }
    List<IssueTerms> terms = new ArrayList<>();
    double[] centres = {55, 45, 62};
    double[] spreads = {12, 8, 15};
    for (int i = 0; i < ISSUES.length; i++) {
      terms.add(terms(ISSUES[i][0], ISSUES[i][1], agreedFinal, centres[i], spreads[i]));
    }
    long failed = n - agreedFinal;
    List<BlockerShare> blockers =
        List.of(
            new BlockerShare("syria", ACTORS[1][1], failed, 0.46),
            new BlockerShare("opposition", ACTORS[4][1], failed, 0.27),
            new BlockerShare("iran", ACTORS[3][1], failed, 0.14),
            new BlockerShare("turkey", ACTORS[0][1], failed, 0.09),
            new BlockerShare("russia", ACTORS[2][1], failed, 0.02));
    return new ConvergenceOdds(
        SCENARIO, n, 20221201L, byMonth, terms, blockers, positions(months, centres));
  }

  /**
   * A large table's result: {@code actors} actors on {@code issues} issues over {@code months}
   * months; actor i blocks in a share growing with i (the last one most), positions spread evenly.
   */
  static ConvergenceOdds large(int actors, int issues, int months) {
    int n = 100;
    List<MonthOdds> byMonth = new ArrayList<>();
    for (int r = 1; r <= months; r++) {
      double[] w = wilson(r, n);
      byMonth.add(new MonthOdds(r, START.plusMonths(r - 1), r, r / (double) n, w[0], w[1]));
    }
    List<IssueTerms> terms = new ArrayList<>();
    for (int k = 0; k < issues; k++) terms.add(terms("issue_" + k, "Issue " + k, months, 50, 10));
    List<BlockerShare> blockers = new ArrayList<>();
    double total = actors * (actors + 1) / 2.0;
    for (int i = 0; i < actors; i++) {
      blockers.add(
          new BlockerShare(
              String.format("a%03d", i),
              String.format("Actor %03d", i),
              n - months,
              (i + 1) / total));
    }
    List<PositionBand> bands = new ArrayList<>();
    for (int i = 0; i <= actors; i++) {
      String id = i == actors ? "text" : String.format("a%03d", i);
      String name = i == actors ? "Mediators' text" : String.format("Actor %03d", i);
      for (int k = 0; k < issues; k++) {
        for (int r = 0; r < months; r++) {
          double x = 100.0 * i / actors;
          double p50 = x + (50 - x) * r / months;
          bands.add(
              new PositionBand(
                  id,
                  name,
                  "issue_" + k,
                  r,
                  START.plusMonths(r),
                  clamp(p50 - 5),
                  p50,
                  clamp(p50 + 5)));
        }
      }
    }
    return new ConvergenceOdds("large table", n, 1L, byMonth, terms, blockers, bands);
  }

  /** No run agreed: every run failed, terms empty. */
  static ConvergenceOdds noneAgreed() {
    int n = 500;
    int months = 24;
    List<MonthOdds> byMonth = new ArrayList<>();
    for (int r = 1; r <= months; r++) {
      double[] w = wilson(0, n);
      byMonth.add(new MonthOdds(r, START.plusMonths(r - 1), 0, 0.0, w[0], w[1]));
    }
    List<IssueTerms> terms = new ArrayList<>();
    for (String[] is : ISSUES) {
      terms.add(
          new IssueTerms(
              is[0], is[1], 0, new long[101], Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }
    List<BlockerShare> blockers =
        List.of(
            new BlockerShare("syria", ACTORS[1][1], n, 0.8),
            new BlockerShare("opposition", ACTORS[4][1], n, 0.2));
    return new ConvergenceOdds(
        SCENARIO, n, 7L, byMonth, terms, blockers, positions(months, new double[] {50, 50, 50}));
  }

  /** Every run agreed in the first months: no failed runs, no blockers. */
  static ConvergenceOdds noneFailed() {
    int n = 300;
    int months = 24;
    List<MonthOdds> byMonth = new ArrayList<>();
    for (int r = 1; r <= months; r++) {
      long agreed = Math.min(n, 60L * r);
      double[] w = wilson(agreed, n);
      byMonth.add(
          new MonthOdds(r, START.plusMonths(r - 1), agreed, (double) agreed / n, w[0], w[1]));
    }
    List<IssueTerms> terms = new ArrayList<>();
    for (String[] is : ISSUES) {
      terms.add(terms(is[0], is[1], n, 50, 5));
    }
    return new ConvergenceOdds(
        SCENARIO, n, 8L, byMonth, terms, List.of(), positions(months, new double[] {50, 50, 50}));
  }

  /** Nothing at all: zero replications, empty lists. */
  static ConvergenceOdds empty() {
    return new ConvergenceOdds(SCENARIO, 0, 0L, List.of(), List.of(), List.of(), List.of());
  }

  private static IssueTerms terms(
      String id, String label, long agreed, double centre, double spread) {
    long[] hist = new long[101];
    double[] weights = new double[101];
    double sum = 0;
    for (int b = 0; b <= 100; b++) {
      weights[b] =
          Math.exp(-0.5 * Math.pow((b - centre) / spread, 2))
              + 0.4 * Math.exp(-0.5 * Math.pow((b - centre - 2.2 * spread) / (spread / 2), 2));
      sum += weights[b];
    }
    long assigned = 0;
    for (int b = 0; b <= 100; b++) {
      hist[b] = (long) Math.floor(agreed * weights[b] / sum);
      assigned += hist[b];
    }
    hist[(int) Math.round(centre)] += agreed - assigned;
    double mean = 0;
    for (int b = 0; b <= 100; b++) {
      mean += b * (double) hist[b];
    }
    mean /= Math.max(1, agreed);
    return new IssueTerms(
        id,
        label,
        agreed,
        hist,
        mean,
        quantile(hist, 0.1),
        quantile(hist, 0.5),
        quantile(hist, 0.9));
  }

  private static double quantile(long[] hist, double q) {
    long total = 0;
    for (long h : hist) {
      total += h;
    }
    long acc = 0;
    for (int b = 0; b < hist.length; b++) {
      acc += hist[b];
      if (acc >= q * total) {
        return b;
      }
    }
    return 100;
  }

  private static List<PositionBand> positions(int months, double[] targets) {
    List<PositionBand> out = new ArrayList<>();
    for (int a = 0; a <= ACTORS.length; a++) {
      boolean text = a == ACTORS.length;
      String id = text ? OddsCharts.TEXT_ACTOR_ID : ACTORS[a][0];
      String name = text ? "text" : ACTORS[a][1];
      for (int i = 0; i < ISSUES.length; i++) {
        double start = text ? 50 : START_POS[a][i];
        double pull =
            text ? 0.6 : (a == 1 || a == 4 ? 0.25 : 0.55); // Syria and opposition move least
        for (int r = 1; r <= months; r++) {
          double t = (r - 1) / (double) Math.max(1, months - 1);
          double p50 = start + (targets[i] - start) * pull * (1 - Math.exp(-3 * t));
          double half = (text ? 3 : 4) + 10 * t;
          out.add(
              new PositionBand(
                  id,
                  name,
                  ISSUES[i][0],
                  r,
                  START.plusMonths(r - 1),
                  clamp(p50 - half),
                  p50,
                  clamp(p50 + half)));
        }
      }
    }
    return out;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(100, v));
  }

  private static double[] wilson(long k, long n) {
    double z = 1.959964;
    double p = (double) k / n;
    double d = 1 + z * z / n;
    double c = (p + z * z / (2.0 * n)) / d;
    double h = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
    return new double[] {Math.max(0, c - h), Math.min(1, c + h)};
  }
}
