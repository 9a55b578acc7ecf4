package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The CSVs' numbers: the fast path for half points writes what the format string writes. */
class NumbersProperties {

  @Test
  void halfPointsAreWrittenAsTheFormatWritesThem() {
    for (int halves = 0; halves <= 2_000; halves++) {
      double v = halves / 2.0;
      assertEquals(String.format(Locale.ROOT, "%.1f", v), Numbers.fixed(v, 1), "v = " + v);
    }
    qt().withFixedSeed(20261122L)
        .withExamples(5000)
        .forAll(integers().between(0, 1_999_999_999))
        .checkAssert(
            halves ->
                assertEquals(
                    String.format(Locale.ROOT, "%.1f", halves / 2.0),
                    Numbers.fixed(halves / 2.0, 1)));
  }

  @Test
  void otherNumbersGoThroughTheFormat() {
    qt().withFixedSeed(20261123L)
        .withExamples(5000)
        .forAll(doubles().between(-1e6, 1e6), integers().between(0, 4))
        .checkAssert(
            (v, decimals) ->
                assertEquals(
                    String.format(Locale.ROOT, "%." + decimals + "f", v),
                    Numbers.fixed(v, decimals)));
    assertEquals("", Numbers.fixed(Double.NaN, 1));
    assertEquals("Infinity", Numbers.fixed(Double.POSITIVE_INFINITY, 2));
    assertEquals("-0.5", Numbers.fixed(-0.5, 1));
    assertEquals("-0.0", Numbers.fixed(-0.0, 1));
  }

  /**
   * The numbers written without a format string (0.001 <= |v| < 10^7) over every magnitude and
   * number of decimals the tables use, ties in the last digit and carries through nines included.
   */
  @Test
  void numbersRoundedAsTextAreWhatTheFormatWrites() {
    qt().withFixedSeed(20261207L)
        .withExamples(20_000)
        .forAll(
            doubles().between(-1, 1),
            integers().between(-5, 8),
            integers().between(0, 9),
            integers().between(0, 3))
        .checkAssert(
            (m, exponent, decimals, kind) -> {
              double v =
                  switch (kind) {
                    case 0 -> m * Math.pow(10, exponent); // any digits
                    case 1 -> // a tie in the first digit dropped: ...5
                        (Math.rint(m * 1e6) * 10 + 5) / Math.pow(10, decimals + 1);
                    case 2 -> // nines that carry: 9.995, 99.95, 0.0995 ...
                        Math.signum(m) * (Math.pow(10, exponent) - 5 / Math.pow(10, decimals + 1));
                    default -> Math.rint(m * 1e4) / 1e4 * Math.pow(10, exponent); // few digits
                  };
              assertEquals(
                  String.format(Locale.ROOT, "%." + decimals + "f", v),
                  Numbers.fixed(v, decimals),
                  "v = " + v + ", decimals = " + decimals);
            });
    for (double v : new double[] {0.001, 0.0015, 9_999_999.5, 1e7, 0.5, 2.5, -0.0005, 1e-3 - 1e-19})
      for (int d = 0; d <= 6; d++)
        assertEquals(
            String.format(Locale.ROOT, "%." + d + "f", v), Numbers.fixed(v, d), v + " " + d);
  }
}
