package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PRIM on synthetic data with a known box. */
class PrimTest {

  /**
   * Five uniform inputs; the case of interest is likely (90%) inside x0 >= 0.6 and x2 <= 0.3, rare
   * (5%) outside.
   */
  static Object[] data(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][5];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 5; j++) x[i][j] = r.nextDouble();
      boolean in = x[i][0] >= 0.6 && x[i][2] <= 0.3;
      y[i] = r.nextDouble() < (in ? 0.9 : 0.05);
    }
    return new Object[] {x, y};
  }

  @Test
  void findsTheKnownBox() {
    Object[] d = data(4000, 7);
    double[][] x = (double[][]) d[0];
    boolean[] y = (boolean[]) d[1];
    Prim.Result r = Prim.run(x, y, 0.05, 0.05, 0.5);
    Prim.Box b = r.box().box();
    System.out.printf(
        java.util.Locale.ROOT,
        "PRIM synthetic: x0 >= %.3f, x2 <= %.3f, density %.3f, coverage %.3f, restrictions %d%n",
        b.lo()[0],
        b.hi()[2],
        r.box().density(),
        r.box().coverage(),
        b.restrictions());
    assertEquals(0.6, b.lo()[0], 0.05);
    assertEquals(0.3, b.hi()[2], 0.05);
    assertEquals(Double.POSITIVE_INFINITY, b.hi()[0]);
    assertEquals(Double.NEGATIVE_INFINITY, b.lo()[2]);
    for (int j : new int[] {1, 3, 4}) assertFalse(b.restricted(j), "x" + j + " does not matter");
    assertTrue(r.box().density() > 0.8, "density " + r.box().density());
    assertTrue(r.box().coverage() > 0.6, "coverage " + r.box().coverage());
  }

  @Test
  void trajectoryStartsWithEverythingAndTradesCoverageForDensity() {
    Object[] d = data(2000, 11);
    double[][] x = (double[][]) d[0];
    boolean[] y = (boolean[]) d[1];
    Prim.Result r = Prim.run(x, y, 0.05, 0.05, 0.5);
    Prim.Step first = r.trajectory().get(0);
    assertEquals(1.0, first.coverage());
    assertEquals(1.0, first.mass());
    assertEquals(r.baseDensity(), first.density(), 1e-12);
    for (int i = 1; i < r.trajectory().size(); i++) {
      Prim.Step s = r.trajectory().get(i);
      Prim.Step p = r.trajectory().get(i - 1);
      assertTrue(s.cases() < p.cases(), "each peel removes cases");
      assertTrue(s.coverage() <= p.coverage() + 1e-12, "coverage never rises while peeling");
      assertTrue(s.mass() >= 0.05 - 1e-12, "stops at the minimum mass");
    }
    assertTrue(r.trajectory().get(r.chosen()).coverage() >= 0.5);
    assertTrue(r.pasted().density() >= r.trajectory().get(r.chosen()).density());
  }

  @Test
  void stricterCoverageGivesALargerBox() {
    Object[] d = data(2000, 3);
    double[][] x = (double[][]) d[0];
    boolean[] y = (boolean[]) d[1];
    Prim.Result loose = Prim.run(x, y, 0.05, 0.05, 0.3);
    Prim.Result strict = Prim.run(x, y, 0.05, 0.05, 0.95);
    assertTrue(strict.trajectory().get(strict.chosen()).coverage() >= 0.95);
    assertTrue(
        strict.trajectory().get(strict.chosen()).mass()
            >= loose.trajectory().get(loose.chosen()).mass());
  }

  @Test
  void noCaseOfInterestLeavesTheWholeBox() {
    double[][] x = {{0.1}, {0.5}, {0.9}};
    Prim.Result r = Prim.run(x, new boolean[3], 0.1, 0.05, 0.5);
    assertEquals(0, r.box().hits());
    assertEquals(3, r.box().cases());
  }
}
