package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.negotiate.model.Inputs;

class ReferencePointsTest {

  @Test
  void compromiseOnCaseAIsThePublishedWeightedMean() {
    // docs/models.md §5.4: Σ c s x / Σ c s = 7.389956 on the EU car-emission case
    double[] c = {0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08};
    double[] x = {4, 7, 4, 4, 10, 10, 10, 7, 4, 7};
    double[] s = {80, 40, 20, 80, 60, 60, 90, 10, 100, 70};
    Inputs.Builder b = Inputs.builder(10, 1, false);
    double[][] ideals = new double[10][];
    for (int i = 0; i < 10; i++) {
      b.capability(i, c[i]);
      b.position(i, 0, x[i]);
      b.salience(i, 0, s[i] / 100);
      ideals[i] = new double[] {x[i]};
    }
    Inputs in = b.build();
    assertEquals(7.389956, ReferencePoints.compromise(in)[0], 1e-6);
    assertEquals(
        7,
        ReferencePoints.weightedMedian(in, ideals)[0],
        1e-12,
        "case A's median (docs/models.md §5.1)");
  }

  @Test
  void rubinsteinClosedForm() {
    // docs/models.md §5.4
    assertEquals(0.526316, ReferencePoints.rubinstein(0.9, 0.9), 1e-6);
    assertEquals(0.473684, 1 - ReferencePoints.rubinstein(0.9, 0.9), 1e-6);
    assertEquals(0.714286, ReferencePoints.rubinstein(0.9, 0.8), 1e-6);
    assertEquals(0.285714, 1 - ReferencePoints.rubinstein(0.9, 0.8), 1e-6);
    assertEquals(0.512821, ReferencePoints.rubinstein(0.95, 0.95), 1e-6);
  }

  @Test
  void nashPointSolvedByHand() {
    // One issue, ideals 0 and 100, linear utilities, reservations 0.2 and 0.4, capabilities 1 and
    // 3:
    // maximise log(1 - z/100 - 0.2) + 3 log(z/100 - 0.4) => (0.8 - t)^-1 = 3 (t - 0.4)^-1, t =
    // z/100
    // => t - 0.4 = 3 (0.8 - t) => t = 0.7, z = 70.
    Inputs.Builder in = Inputs.builder(2, 1);
    in.position(0, 0, 0);
    in.position(1, 0, 100);
    in.salience(0, 0, 1);
    in.salience(1, 0, 1);
    in.capability(0, 1);
    in.capability(1, 3);
    in.reservation(0, 0.2);
    in.reservation(1, 0.4);
    assertEquals(70, ReferencePoints.nash(in.build(), new int[] {0, 1})[0], 1e-4);
    in.redLineMax(1, 0, 100);
    in.redLineMin(1, 0, 80);
    in.redLineMax(0, 0, 60);
    assertNull(
        ReferencePoints.nash(in.build(), new int[] {0, 1}),
        "disjoint red lines leave no Nash point");
  }
}
