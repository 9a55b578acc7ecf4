package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/** MinMax gives Math's answer bit for bit, for any pair of doubles. */
class MinMaxProperties {
  private static final double[] SPECIAL = {
    0.0,
    -0.0,
    1.0,
    -1.0,
    100.0,
    Double.NaN,
    Double.longBitsToDouble(0x7ff8_0000_0000_0001L), // another NaN
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MAX_VALUE,
    Double.MIN_NORMAL
  };

  private static void same(double a, double b) {
    assertEquals(
        Double.doubleToRawLongBits(Math.max(a, b)),
        Double.doubleToRawLongBits(MinMax.max(a, b)),
        () -> "max(" + a + ", " + b + ")");
    assertEquals(
        Double.doubleToRawLongBits(Math.min(a, b)),
        Double.doubleToRawLongBits(MinMax.min(a, b)),
        () -> "min(" + a + ", " + b + ")");
  }

  private static void sameForMagnitudes(double a, double b) {
    if (Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(-0.0)
        || Double.doubleToRawLongBits(b) == Double.doubleToRawLongBits(-0.0)) return;
    assertEquals(
        Double.doubleToRawLongBits(Math.max(a, b)),
        Double.doubleToRawLongBits(MinMax.maxOfMagnitudes(a, b)),
        () -> "maxOfMagnitudes(" + a + ", " + b + ")");
  }

  @Test
  void everyPairOfSpecialValues() {
    for (double a : SPECIAL) {
      for (double b : SPECIAL) {
        same(a, b);
        sameForMagnitudes(a, b);
      }
    }
  }

  @Test
  void maxOfMagnitudesForAnyPairWithoutNegativeZero() {
    qt().forAll(longs().all(), longs().all())
        .checkAssert(
            (x, y) -> {
              double a = Double.longBitsToDouble(x);
              double b = Double.longBitsToDouble(y);
              sameForMagnitudes(a, b);
              sameForMagnitudes(Math.abs(a), Math.abs(b));
              sameForMagnitudes(Math.abs(a), Math.abs(a));
            });
  }

  @Test
  void anyBitPatterns() {
    qt().forAll(longs().all(), longs().all())
        .checkAssert((x, y) -> same(Double.longBitsToDouble(x), Double.longBitsToDouble(y)));
  }

  @Test
  void nearbyValues() {
    // equal and adjacent values, where the tie path decides
    qt().forAll(longs().all(), longs().between(-2, 2))
        .checkAssert(
            (x, d) -> {
              double a = Double.longBitsToDouble(x);
              same(a, Double.longBitsToDouble(x + d));
              same(a, a);
              same(a, -a);
            });
  }
}
