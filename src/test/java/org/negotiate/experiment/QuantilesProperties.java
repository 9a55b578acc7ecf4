package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quantiles by selection are the quantiles of the sorted values, to the bit. */
class QuantilesProperties {

  /**
   * Values drawn from a few levels (many ties) or spread out, with zeros of both signs and NaN
   * among them, and shares in any order.
   */
  @Test
  void selectionGivesWhatSortingGives() {
    double[] special = {0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 1.0};
    qt().withFixedSeed(20261207L)
        .withExamples(3000)
        .forAll(
            lists().of(doubles().between(-100, 100)).ofSizeBetween(0, 400),
            integers().between(0, 4),
            lists().of(doubles().between(0, 1)).ofSizeBetween(1, 5))
        .checkAssert(
            (drawn, kind, shares) -> {
              double[] v = new double[drawn.size()];
              for (int i = 0; i < v.length; i++) {
                double x = drawn.get(i);
                v[i] =
                    switch (kind) {
                      case 0 -> Math.rint(x / 25); // a handful of levels: long runs of ties
                      case 1 -> special[(int) Math.abs(x) % special.length];
                      default -> x;
                    };
              }
              double[] sorted = v.clone();
              Arrays.sort(sorted);
              double[] ps = shares.stream().mapToDouble(Double::doubleValue).toArray();
              double[] got = Quantiles.nearestRanks(v.clone(), ps);
              for (int q = 0; q < ps.length; q++) {
                assertEquals(
                    Double.doubleToLongBits(Quantiles.nearestRank(sorted, ps[q])),
                    Double.doubleToLongBits(got[q]),
                    "share " + ps[q] + " of " + Arrays.toString(v));
              }
            });
  }

  @Test
  void theBandsOfAFewValues() {
    assertEquals(
        List.of(1.0, 3.0, 5.0),
        Arrays.stream(Quantiles.nearestRanks(new double[] {5, 3, 1, 4, 2}, 0.1, 0.5, 0.9))
            .boxed()
            .toList());
    assertEquals(
        List.of(Double.NaN),
        Arrays.stream(Quantiles.nearestRanks(new double[0], 0.5)).boxed().toList());
  }
}
