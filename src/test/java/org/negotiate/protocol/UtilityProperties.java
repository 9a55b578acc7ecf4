package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.negotiate.model.Inputs;

/** Utilities stay in [0, 1] and an actor's own ideal is worth 1 to it, whatever the inputs. */
class UtilityProperties {

  @Test
  void ownAndJudgedUtilitiesLieInTheUnitInterval() {
    qt().withFixedSeed(20221202L)
        .withExamples(2000)
        .forAll(
            integers().between(0, Integer.MAX_VALUE),
            doubles().between(-1, 1),
            doubles().between(0, 0.9))
        .checkAssert(
            (seed, risk, tie) -> {
              Inputs in = randomInputs(seed, risk, tie);
              java.util.SplittableRandom r = new java.util.SplittableRandom(seed + 1L);
              double[] z = {r.nextDouble(0, 100), r.nextDouble(0, 100), r.nextDouble(0, 100)};
              for (int i = 0; i < in.actors; i++) {
                double u = Utility.own(in, i, z);
                double j = Utility.judged(in, i, z);
                if (u < -1e-12 || u > 1 + 1e-12) throw new AssertionError("own utility " + u);
                if (j < -1e-12 || j > 1 + 1e-12) throw new AssertionError("judged utility " + j);
              }
            });
  }

  @Test
  void ownIdealIsWorthOne() {
    qt().withFixedSeed(20221203L)
        .withExamples(1000)
        .forAll(integers().between(0, Integer.MAX_VALUE), doubles().between(-1, 1))
        .checkAssert(
            (seed, risk) -> {
              Inputs in = randomInputs(seed, risk, 0);
              for (int i = 0; i < in.actors; i++)
                assertEquals(1.0, Utility.own(in, i, in.positions(i)), 1e-12);
            });
  }

  @Test
  void utilityNeverRisesWithDistance() {
    qt().withFixedSeed(20221204L)
        .withExamples(2000)
        .forAll(doubles().between(0, 1), doubles().between(0, 1), doubles().between(-1, 1))
        .checkAssert(
            (d1, d2, risk) -> {
              double near = Math.min(d1, d2);
              double far = Math.max(d1, d2);
              if (Utility.value(far, risk) > Utility.value(near, risk) + 1e-12) {
                throw new AssertionError("v(" + far + ") > v(" + near + ") at risk " + risk);
              }
            });
  }

  static Inputs randomInputs(long seed, double risk, double tie) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    Inputs.Builder in = Inputs.builder(3, 3);
    for (int i = 0; i < 3; i++) {
      double sum = 0;
      double[] s = new double[3];
      for (int k = 0; k < 3; k++) {
        in.position(i, k, r.nextDouble(0, 100));
        s[k] = r.nextDouble(0.01, 1);
        sum += s[k];
      }
      for (int k = 0; k < 3; k++) in.salience(i, k, s[k] / sum);
      in.risk(i, i == 0 ? risk : r.nextDouble(-1, 1));
    }
    in.tie(0, 1, tie);
    return in.build();
  }
}
