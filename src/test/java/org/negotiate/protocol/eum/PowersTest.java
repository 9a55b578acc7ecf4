package org.negotiate.protocol.eum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/**
 * {@link Powers#pow} is {@link Math#pow} bit for bit (any NaN counted as one), its shortcuts
 * included.
 */
class PowersTest {

  private static void same(double b, double e) {
    assertEquals(
        Double.doubleToLongBits(Math.pow(b, e)),
        Double.doubleToLongBits(Powers.pow(b, e)),
        () -> "pow(" + b + ", " + e + ")");
  }

  /** The model's powers: bases in [0, 1] (distances and 0.5 ± d/2), exponents r in [0.5, 2]. */
  @Test
  void theModelsPowersAreMathPowBitForBit() {
    qt().withFixedSeed(170501L)
        .withExamples(20_000)
        .forAll(doubles().between(0, 1), doubles().between(0.5, 2))
        .checkAssert(PowersTest::same);
  }

  /** The shortcuts (base +0 or 1, exponent 1) against every kind of double on the other side. */
  @Test
  void theShortcutsAreMathPowBitForBit() {
    qt().withFixedSeed(170502L)
        .withExamples(50_000)
        .forAll(longs().all())
        .checkAssert(
            bits -> {
              double any = Double.longBitsToDouble(bits);
              for (double b : new double[] {0.0, -0.0, 1.0, -1.0, 0.5}) same(b, any);
              same(any, 1.0);
              same(any, Math.abs(any)); // e > 0
            });
    double[] special = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      0.5,
      2.0,
      3.0,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Math.nextUp(1.0),
      Math.nextDown(1.0)
    };
    for (double b : special) for (double e : special) same(b, e);
  }
}
