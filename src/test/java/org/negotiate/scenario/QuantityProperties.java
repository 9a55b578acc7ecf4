package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** For random distribution parameters, quantiles stay within [min, max] and never decrease in u. */
class QuantityProperties {

  private static final double EPS = 1e-9;

  /** A random quantity of any of the five kinds, with parameters in a sensible span. */
  static Gen<Quantity> quantities() {
    Gen<Double> x = doubles().between(-100, 100);
    Gen<Double> w = doubles().between(0, 50);
    Gen<Double> shape = doubles().between(0.05, 20);
    Gen<Double> frac = doubles().between(0, 1);
    return integers()
        .between(0, 4)
        .zip(x, w, frac, (kind, a, b, f) -> new double[] {kind, a, b, f})
        .zip(shape, shape, (p, s1, s2) -> build((int) p[0], p[1], p[2], p[3], s1, s2));
  }

  private static Quantity build(
      int kind, double a, double width, double frac, double s1, double s2) {
    double lo = a, hi = a + width;
    return switch (kind) {
      case 0 -> Quantity.of(a);
      case 1 -> new Quantity.Uniform(lo, hi);
      case 2 -> new Quantity.Triangular(lo, lo + frac * width, hi);
      // mean anywhere around the window, even outside it; sd from 0 (degenerate) upward
      case 3 -> new Quantity.Normal(lo - width + 3 * frac * width, s1 < 0.1 ? 0 : s1, lo, hi);
      default -> new Quantity.Beta(s1, s2, lo, hi);
    };
  }

  @Test
  void quantileStaysWithinMinAndMax() {
    qt().withFixedSeed(20221202L)
        .withExamples(2000)
        .forAll(quantities(), doubles().between(0, 1))
        .check(
            (q, u) -> {
              double v = q.quantile(u);
              return v >= q.min() - EPS && v <= q.max() + EPS && q.min() <= q.max();
            });
  }

  @Test
  void quantileIsMonotoneInU() {
    qt().withFixedSeed(20221203L)
        .withExamples(2000)
        .forAll(quantities(), doubles().between(0, 1), doubles().between(0, 1))
        .check(
            (q, u1, u2) -> {
              double lo = Math.min(u1, u2), hi = Math.max(u1, u2);
              return q.quantile(lo) <= q.quantile(hi) + EPS * (1 + Math.abs(q.max()));
            });
  }

  @Test
  void nominalLiesWithinMinAndMax() {
    qt().withFixedSeed(20221204L)
        .withExamples(1000)
        .forAll(quantities())
        .check(q -> q.nominal() >= q.min() - EPS && q.nominal() <= q.max() + EPS);
  }

  /**
   * The triangular quantile written out is Commons Math's inverse, bit for bit, modes at either end
   * and shares of 0 and 1 included.
   */
  @Test
  void theTriangularQuantileIsCommonsMathsToTheBit() {
    qt().withFixedSeed(20261207L)
        .withExamples(20_000)
        .forAll(
            doubles().between(-100, 100),
            doubles().between(1e-6, 80),
            integers().between(0, 4),
            doubles().between(0, 1).zip(doubles().between(0, 1), (a, b) -> new double[] {a, b}))
        .checkAssert(
            (lo, width, modeKind, fracAndShare) -> {
              double frac = fracAndShare[0];
              double u = fracAndShare[1];
              double hi = lo + width;
              double mode =
                  switch (modeKind) {
                    case 0 -> lo;
                    case 1 -> hi;
                    default -> lo + frac * width;
                  };
              double share = modeKind == 4 ? (frac < 0.5 ? 0 : 1) : u;
              double expected =
                  new org.apache.commons.math3.distribution.TriangularDistribution(
                          null, lo, mode, hi)
                      .inverseCumulativeProbability(share);
              org.junit.jupiter.api.Assertions.assertEquals(
                  Double.doubleToLongBits(expected),
                  Double.doubleToLongBits(new Quantity.Triangular(lo, mode, hi).quantile(share)),
                  "triangular(" + lo + ", " + mode + ", " + hi + ") at " + share);
            });
  }

  /**
   * The drawable cache's key is equal exactly when the quantities are (two of the same kind from a
   * few values, so that equal pairs come up often), and never for a kind it does not know.
   */
  @Test
  void theDrawableCacheKeyIsEqualExactlyWhenTheQuantitiesAre() {
    Gen<Double> few = integers().between(-2, 2).map(i -> i == 2 ? -0.0 : i / 2.0);
    qt().withExamples(2000)
        .forAll(integers().between(1, 4), few, few, few)
        .checkAssert(
            (kind, a, b, c) -> {
              Quantity p = build(kind, a, 1, 0.5, 1, 1);
              Quantity q = build(kind, b, c == 0 ? 1 : 2, 0.5, 1, 1);
              assertEquals(p.equals(q), Quantities.Drawn.of(p).equals(Quantities.Drawn.of(q)));
              if (p.equals(q))
                assertEquals(Quantities.Drawn.of(p).hashCode(), Quantities.Drawn.of(q).hashCode());
            });
    assertNull(Quantities.Drawn.of(Quantity.of(1)));
  }
}
