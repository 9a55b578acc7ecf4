package org.negotiate.protocol.eum;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the expected utility model on random small tables: positions stay within the
 * initial range, risk exponents in [0.5, 2], probabilities in [0, 1], and nothing depends on the
 * order the actors are listed in.
 */
class ExpectedUtilityProperties {
  private static final EumOptions[] OPTIONS = {
    EumOptions.scholz(),
    EumOptions.dmasad(),
    EumOptions.scholz()
        .withNormalisation(EumOptions.Normalisation.PER_PAIR_SHARE)
        .withCapitulation(true),
    EumOptions.scholz().withQ(0.6).withT(0.3).withOfferRule(EumOptions.OfferRule.SMALLEST_MOVE),
  };

  /** A random table: positions on a coarse grid (so actors often share one), continuous weights. */
  private record Table(double[] x, double[] c, double[] s) {
    static Table random(long seed, int n) {
      Random rnd = new Random(seed);
      double[] x = new double[n];
      double[] c = new double[n];
      double[] s = new double[n];
      double scale = rnd.nextBoolean() ? 1 : 100;
      for (int i = 0; i < n; i++) {
        x[i] = scale * rnd.nextInt(7) / 6.0;
        c[i] = rnd.nextInt(10) == 0 ? 0 : 0.01 + rnd.nextDouble();
        s[i] = rnd.nextInt(10) == 0 ? 1 : rnd.nextDouble();
      }
      return new Table(x, c, s);
    }

    Table permuted(int[] p) {
      double[] px = new double[x.length];
      double[] pc = new double[x.length];
      double[] ps = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        px[i] = x[p[i]];
        pc[i] = c[p[i]];
        ps[i] = s[p[i]];
      }
      return new Table(px, pc, ps);
    }
  }

  @Test
  void positionsRiskAndProbabilitiesStayInRange() {
    qt().withFixedSeed(20221202L)
        .withExamples(400)
        .forAll(longs().all(), integers().between(2, 7), integers().between(0, OPTIONS.length - 1))
        .checkAssert(
            (seed, n, o) -> {
              Table t = Table.random(seed, n);
              ExpectedUtilityModel m =
                  new ExpectedUtilityModel(null, t.x(), t.c(), t.s(), OPTIONS[o]);
              double lo = min(t.x());
              double hi = max(t.x());
              double eps = 1e-9 * Math.max(1, hi - lo);
              for (int round = 1; round <= 12; round++) {
                m.step();
                for (double v : m.positions()) {
                  if (v < lo - eps || v > hi + eps)
                    throw new AssertionError("position " + v + " outside [" + lo + ", " + hi + "]");
                }
                for (double r : m.riskExponents()) {
                  if (!(r >= 0.5 - 1e-12 && r <= 2 + 1e-12))
                    throw new AssertionError("risk exponent " + r);
                }
                for (int i = 0; i < n; i++) {
                  for (int j = 0; j < n; j++) {
                    double p = m.probability(i, j);
                    if (!(p >= 0 && p <= 1))
                      throw new AssertionError("P(" + i + "," + j + ") = " + p);
                    for (int v = 0; v < n; v++) {
                      if (!Double.isFinite(m.expectedUtility(v, i, j)))
                        throw new AssertionError("EU not finite");
                    }
                  }
                }
                double mean = m.weightedMean();
                double median = m.weightedMedian();
                if (mean < lo - eps || mean > hi + eps || median < lo - eps || median > hi + eps) {
                  throw new AssertionError(
                      "mean " + mean + " or median " + median + " outside the range");
                }
              }
            });
  }

  @Test
  void resultsDoNotDependOnTheOrderOfActors() {
    qt().withFixedSeed(20221203L)
        .withExamples(300)
        .forAll(longs().all(), integers().between(2, 7), integers().between(0, OPTIONS.length - 1))
        .checkAssert(
            (seed, n, o) -> {
              Table t = Table.random(seed, n);
              int[] p = permutation(new Random(~seed), n);
              Table u = t.permuted(p); // actor k of u is actor p[k] of t
              ExpectedUtilityModel a =
                  new ExpectedUtilityModel(null, t.x(), t.c(), t.s(), OPTIONS[o]);
              ExpectedUtilityModel b =
                  new ExpectedUtilityModel(null, u.x(), u.c(), u.s(), OPTIONS[o]);
              // Every sum runs in a canonical order, so the results are bitwise equal.
              double tol = 0;
              for (int round = 1; round <= 15; round++) {
                a.step();
                b.step();
                close(a.weightedMean(), b.weightedMean(), tol, "mean", round);
                close(a.weightedMedian(), b.weightedMedian(), tol, "median", round);
                for (int k = 0; k < n; k++) {
                  close(
                      a.positions()[p[k]],
                      b.positions()[k],
                      tol,
                      "position of actor " + p[k],
                      round);
                  close(
                      a.riskExponents()[p[k]],
                      b.riskExponents()[k],
                      tol,
                      "r of actor " + p[k],
                      round);
                  for (int l = 0; l < n; l++) {
                    close(a.probability(p[k], p[l]), b.probability(k, l), tol, "P", round);
                    double[] da = a.dyad(p[k], p[l]);
                    double[] db = b.dyad(k, l);
                    close(da[0], db[0], tol, "eu_ij", round);
                    close(da[1], db[1], tol, "eu_ji", round);
                  }
                }
                if (a.stop() != b.stop())
                  throw new AssertionError("stop " + a.stop() + " vs " + b.stop());
              }
            });
  }

  /**
   * P is computed in O(n²) per issue from prefix sums over the voters (and the all-pairs
   * denominator from each voter's sorted row); here against the defining sums over all voters and
   * pairs done exactly (BigDecimal) from the same pow values: within a few units in the last place,
   * on tables with many shared positions (voters exactly halfway between two actors, zero weights)
   * and on continuous ones.
   */
  @Test
  void probabilitiesAreTheDefiningSumsAlmostExactlyRounded() {
    qt().withFixedSeed(20221204L)
        .withExamples(120)
        .forAll(longs().all(), integers().between(2, 24), integers().between(0, 1))
        .checkAssert(
            (seed, n, grid) -> {
              Random rnd = new Random(seed);
              double[] x = new double[n];
              double[] c = new double[n];
              double[] s = new double[n];
              for (int i = 0; i < n; i++) {
                x[i] = grid == 1 ? rnd.nextInt(9) * 12.5 : 100 * rnd.nextDouble();
                c[i] = rnd.nextInt(8) == 0 ? 0 : 0.01 + 99 * rnd.nextDouble();
                s[i] = rnd.nextInt(8) == 0 ? 1 : rnd.nextDouble();
              }
              ExpectedUtilityModel m = new ExpectedUtilityModel(null, x, c, s, EumOptions.scholz());
              for (int round = 1; round <= 4; round++) {
                m.step();
                double[][] exact =
                    exactProbabilities(
                        m.history().get(round - 1), c, s, m.riskExponents(), m.range());
                for (int i = 0; i < n; i++) {
                  for (int j = 0; j < n; j++) {
                    double got = m.probability(i, j);
                    double want = exact[i][j];
                    if (!(Math.abs(got - want) <= 4 * Math.ulp(want) + 1e-300)) {
                      throw new AssertionError(
                          "P("
                              + i
                              + ","
                              + j
                              + ") in round "
                              + round
                              + ": "
                              + got
                              + " vs exact "
                              + want);
                    }
                  }
                }
              }
            });
  }

  /** The all-pairs P from its definition, summed exactly and rounded once. */
  private static double[][] exactProbabilities(
      double[] x, double[] c, double[] s, double[] r, double delta) {
    int n = x.length;
    java.math.BigDecimal[][] pw = new java.math.BigDecimal[n][n];
    for (int k = 0; k < n; k++) {
      for (int a = 0; a < n; a++) {
        double d = Math.abs(x[k] - x[a]) / delta;
        pw[k][a] = new java.math.BigDecimal(r[k] == 1.0 ? d : Math.pow(d, r[k]));
      }
    }
    java.math.BigDecimal all = java.math.BigDecimal.ZERO;
    java.math.BigDecimal[] w = new java.math.BigDecimal[n];
    for (int k = 0; k < n; k++) {
      w[k] = new java.math.BigDecimal(c[k] * s[k]);
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) all = all.add(w[k].multiply(pw[k][a].subtract(pw[k][b]).abs()));
      }
    }
    double[][] p = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (x[i] == x[j] || all.signum() == 0) continue;
        java.math.BigDecimal top = java.math.BigDecimal.ZERO;
        for (int k = 0; k < n; k++)
          top = top.add(w[k].multiply(pw[k][j].subtract(pw[k][i]).max(java.math.BigDecimal.ZERO)));
        p[i][j] = top.divide(all, java.math.MathContext.DECIMAL128).doubleValue();
      }
    }
    return p;
  }

  /** Large models are stepped in parallel by stepAll: bitwise as stepping each alone. */
  @Test
  void steppingIssuesTogetherInParallelChangesNothing() {
    int n = ExpectedUtilityModel.PARALLEL_ACTORS + 5;
    java.util.List<ExpectedUtilityModel> together = new java.util.ArrayList<>();
    java.util.List<ExpectedUtilityModel> alone = new java.util.ArrayList<>();
    Random rnd = new Random(7);
    for (int k = 0; k < 5; k++) {
      double[] x = new double[n];
      double[] c = new double[n];
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = Math.round(100 * rnd.nextDouble());
        c[i] = 1 + 99 * rnd.nextDouble();
        s[i] = 0.1 + 0.9 * rnd.nextDouble();
      }
      together.add(new ExpectedUtilityModel(null, x, c, s, EumOptions.scholz()));
      alone.add(new ExpectedUtilityModel(null, x, c, s, EumOptions.scholz()));
    }
    for (int round = 1; round <= 30; round++) {
      ExpectedUtilityModel.stepAll(together);
      for (ExpectedUtilityModel m : alone) m.step();
      for (int k = 0; k < 5; k++) {
        ExpectedUtilityModel a = together.get(k);
        ExpectedUtilityModel b = alone.get(k);
        if (!java.util.Arrays.equals(a.positions(), b.positions())
            || !java.util.Arrays.equals(a.riskExponents(), b.riskExponents())
            || a.stop() != b.stop()) {
          throw new AssertionError("issue " + k + " differs in round " + round);
        }
      }
    }
  }

  private static void close(double x, double y, double tol, String what, int round) {
    if (!(Math.abs(x - y) <= tol))
      throw new AssertionError(what + " in round " + round + ": " + x + " vs " + y);
  }

  private static int[] permutation(Random rnd, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  private static double min(double[] a) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : a) m = Math.min(m, v);
    return m;
  }

  private static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) m = Math.max(m, v);
    return m;
  }
}
