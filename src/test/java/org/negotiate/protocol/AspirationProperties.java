package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** Aspiration starts at 1, ends at the reservation utility, and never rises as rounds pass. */
class AspirationProperties {

  @Test
  void aspirationNeverRisesFromOneRoundToTheNext() {
    qt().withFixedSeed(20221202L).withExamples(3000)
        .forAll(doubles().between(0, 0.99), doubles().between(0.01, 10), doubles().between(0, 5), integers().between(1, 240))
        .checkAssert((r, beta, pressure, rounds) -> {
          double previous = Double.POSITIVE_INFINITY;
          for (int t = 0; t <= rounds; t++) {
            double a = Aspiration.at(r, beta, pressure, t, rounds);
            if (a > previous + 1e-12) throw new AssertionError("rose at round " + t + ": " + previous + " -> " + a);
            if (a < r - 1e-12 || a > 1 + 1e-12) throw new AssertionError("outside [r, 1]: " + a);
            previous = a;
          }
          assertEquals(1.0, Aspiration.at(r, beta, pressure, 0, rounds), 1e-12);
          assertEquals(r, Aspiration.at(r, beta, pressure, rounds, rounds), 1e-12);
        });
  }

  @Test
  void moreFlexibilityOrPressureNeverRaisesAspiration() {
    qt().withFixedSeed(20221203L).withExamples(3000)
        .forAll(doubles().between(0, 0.99), doubles().between(0.01, 5), doubles().between(0, 3), integers().between(0, 24))
        .checkAssert((r, beta, pressure, t) -> {
          double base = Aspiration.at(r, beta, pressure, t, 24);
          if (Aspiration.at(r, beta * 1.5, pressure, t, 24) > base + 1e-12) throw new AssertionError("flexibility");
          if (Aspiration.at(r, beta, pressure + 0.5, t, 24) > base + 1e-12) throw new AssertionError("pressure");
        });
  }
}
