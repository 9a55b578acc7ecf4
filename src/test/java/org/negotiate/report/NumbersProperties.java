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
    assertEquals("-0.5", Numbers.fixed(-0.5, 1));
    assertEquals("-0.0", Numbers.fixed(-0.0, 1));
  }
}
