package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** Aspiration is a state: it starts at 1, moves toward the reservation and never past it. */
class AspirationProperties {

  @Test
  void stepsFromOneFollowTheClosedFormAndNeverPassTheReservation() {
    qt().withFixedSeed(20221202L)
        .withExamples(3000)
        .forAll(doubles().between(0, 0.99), doubles().between(0, 0.95), integers().between(1, 240))
        .checkAssert(
            (r, rate, months) -> {
              double a = 1;
              for (int t = 1; t <= months; t++) {
                double next = Aspiration.step(a, r, rate);
                if (next > a + 1e-12)
                  throw new AssertionError("rose at month " + t + ": " + a + " -> " + next);
                if (next < r - 1e-12) throw new AssertionError("below the reservation: " + next);
                a = next;
              }
              assertEquals(Aspiration.after(r, rate, months), a, 1e-9);
            });
  }

  @Test
  void aHigherRateNeverLeavesAHigherAspiration() {
    qt().withFixedSeed(20221203L)
        .withExamples(3000)
        .forAll(
            doubles().between(0, 0.99),
            doubles().between(0, 0.9),
            doubles().between(0, 0.05),
            integers().between(0, 60))
        .checkAssert(
            (r, rate, more, months) -> {
              if (Aspiration.after(r, rate + more, months)
                  > Aspiration.after(r, rate, months) + 1e-12) {
                throw new AssertionError("a faster concession left a higher aspiration");
              }
            });
  }
}
