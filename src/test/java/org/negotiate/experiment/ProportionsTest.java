package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class ProportionsTest {

  /**
   * Newcombe (1998), paired data, method 10: table (e, f, g, h) = (36, 12, 2, 0), 95% CI for (f −
   * g)/n.
   */
  @Test
  void pairedMatchesNewcombesWorkedExamples() {
    // f = first only, g = second only; our difference is B − A, so A's only-count is g and B's is f
    Proportions.Interval i = Proportions.paired(36, 2, 12, 0);
    assertEquals(0.2, i.estimate(), 1e-12);
    assertEquals(0.0569, i.lower(), 1e-4);
    assertEquals(0.3404, i.upper(), 1e-4);
    Proportions.Interval j = Proportions.paired(18, 2, 12, 18);
    assertEquals(0.0562, j.lower(), 1e-4);
    assertEquals(0.3290, j.upper(), 1e-4);
    // and the mirror image
    Proportions.Interval k = Proportions.paired(18, 12, 2, 18);
    assertEquals(-0.3290, k.lower(), 1e-4);
    assertEquals(-0.0562, k.upper(), 1e-4);
  }

  /** Newcombe (1998), independent samples, method 10: 56/70 − 48/80. */
  @Test
  void unpairedMatchesNewcombesWorkedExample() {
    Proportions.Interval i = Proportions.unpaired(48, 80, 56, 70);
    assertEquals(0.2, i.estimate(), 1e-12);
    assertEquals(0.0524, i.lower(), 1e-4);
    assertEquals(0.3339, i.upper(), 1e-4);
  }

  @Test
  void noDiscordantReplicationGivesExactlyZero() {
    for (long[] t : new long[][] {{0, 0, 0, 2000}, {2000, 0, 0, 0}, {953, 0, 0, 1047}}) {
      Proportions.Interval i = Proportions.paired(t[0], t[1], t[2], t[3]);
      assertEquals(0.0, i.estimate());
      assertEquals(0.0, i.lower());
      assertEquals(0.0, i.upper());
    }
  }

  @Test
  void wilsonAgreesWithTheClosedFormScoreInterval() {
    double z = Proportions.Z;
    for (long[] c : new long[][] {{2000, 0}, {2000, 953}, {2000, 2000}, {50, 7}, {1, 1}}) {
      double[] mine = Proportions.wilson(c[0], c[1]);
      double p = (double) c[1] / c[0];
      double n = c[0];
      double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
      double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
      double[] theirs = {Math.max(0, centre - half), Math.min(1, centre + half)};
      assertEquals(theirs[0], mine[0], 1e-12);
      assertEquals(theirs[1], mine[1], 1e-12);
    }
  }

  /**
   * Positively correlated pairs (common random numbers) give a narrower interval than independent
   * samples.
   */
  @Test
  void pairingNarrowsTheInterval() {
    Proportions.Interval paired = Proportions.paired(660, 294, 0, 1046);
    Proportions.Interval unpaired = Proportions.unpaired(954, 2000, 660, 2000);
    assertEquals(paired.estimate(), unpaired.estimate(), 1e-12);
    assertTrue(paired.width() < unpaired.width(), paired + " vs " + unpaired);
    assertTrue(paired.lower() < paired.estimate() && paired.estimate() < paired.upper());
  }

  /**
   * The Wilson limits written out give Commons Math's WilsonScoreInterval to the bit (clipped to
   * [0, 1]), for any count out of any number of trials.
   */
  @Test
  void wilsonIsCommonsMathsToTheBit() {
    qt().withExamples(3000)
        .forAll(integers().between(1, 2_000_000), integers().between(0, 1_000_000))
        .checkAssert(
            (n, k) -> {
              int x = (int) ((long) k * n / 1_000_000);
              org.apache.commons.math3.stat.interval.ConfidenceInterval ci =
                  new org.apache.commons.math3.stat.interval.WilsonScoreInterval()
                      .createInterval(n, x, 0.95);
              double[] w = Proportions.wilson(n, x);
              assertEquals(
                  Double.doubleToRawLongBits(Math.max(0, ci.getLowerBound())),
                  Double.doubleToRawLongBits(w[0]),
                  n + ", " + x);
              assertEquals(
                  Double.doubleToRawLongBits(Math.min(1, ci.getUpperBound())),
                  Double.doubleToRawLongBits(w[1]),
                  n + ", " + x);
            });
    for (int n = 1; n <= 60; n++) {
      for (int x = 0; x <= n; x++) {
        org.apache.commons.math3.stat.interval.ConfidenceInterval ci =
            new org.apache.commons.math3.stat.interval.WilsonScoreInterval()
                .createInterval(n, x, 0.95);
        double[] w = Proportions.wilson(n, x);
        assertEquals(Math.max(0, ci.getLowerBound()), w[0], 0.0, n + ", " + x);
        assertEquals(Math.min(1, ci.getUpperBound()), w[1], 0.0, n + ", " + x);
      }
    }
  }
}
