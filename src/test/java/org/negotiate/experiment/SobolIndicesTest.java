package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Saltelli/Jansen estimators on the Ishigami function, whose indices are known analytically.
 */
class SobolIndicesTest {
  static final double A = 7;
  static final double B = 0.1;
  // Analytic values for a = 7, b = 0.1 (Saltelli et al. 2008, Global Sensitivity Analysis, p. 179)
  static final double[] S1 = {0.3139, 0.4424, 0.0};
  static final double[] ST = {0.5576, 0.4424, 0.2437};

  static double ishigami(double[] u) {
    double x1 = -Math.PI + 2 * Math.PI * u[0];
    double x2 = -Math.PI + 2 * Math.PI * u[1];
    double x3 = -Math.PI + 2 * Math.PI * u[2];
    double s2 = Math.sin(x2);
    return Math.sin(x1) + A * s2 * s2 + B * Math.pow(x3, 4) * Math.sin(x1);
  }

  static SobolIndices.Result run(int n, int bootstrap) {
    SobolIndices.Design d = SobolIndices.design(3, n);
    double[][] rows = d.rows();
    double[] y = new double[rows.length];
    for (int r = 0; r < rows.length; r++) y[r] = ishigami(rows[r]);
    return SobolIndices.estimate(d, y, bootstrap, 0.95, 42);
  }

  @Test
  void ishigamiIndicesMatchTheAnalyticValues() {
    SobolIndices.Result r = run(8192, 300);
    // analytic variance: a²/8 + b·π⁴/5 + b²·π⁸/18 + 1/2
    double v = A * A / 8 + B * Math.pow(Math.PI, 4) / 5 + B * B * Math.pow(Math.PI, 8) / 18 + 0.5;
    assertEquals(v, r.variance(), 0.02 * v);
    for (int i = 0; i < 3; i++) {
      System.out.printf(
          java.util.Locale.ROOT,
          "Ishigami N=8192 x%d: S1 %.4f [%.4f, %.4f] (%.4f), ST %.4f [%.4f, %.4f] (%.4f)%n",
          i + 1,
          r.first()[i].value(),
          r.first()[i].lower(),
          r.first()[i].upper(),
          S1[i],
          r.total()[i].value(),
          r.total()[i].lower(),
          r.total()[i].upper(),
          ST[i]);
      assertEquals(S1[i], r.first()[i].value(), 0.02, "S1 of x" + (i + 1));
      assertEquals(ST[i], r.total()[i].value(), 0.02, "ST of x" + (i + 1));
      assertTrue(
          r.first()[i].lower() <= S1[i] + 0.005 && S1[i] - 0.005 <= r.first()[i].upper(),
          "S1 interval of x" + (i + 1));
      assertTrue(
          r.total()[i].lower() <= ST[i] + 0.005 && ST[i] - 0.005 <= r.total()[i].upper(),
          "ST interval of x" + (i + 1));
    }
  }

  @Test
  void smallDesignsAreRoughButOrdered() {
    SobolIndices.Result r = run(512, 200);
    assertEquals(S1[1], r.first()[1].value(), 0.08);
    assertEquals(ST[0], r.total()[0].value(), 0.08);
    assertTrue(
        r.total()[2].value() > r.first()[2].value(),
        "x3 acts only through its interaction with x1");
    for (int i = 0; i < 3; i++) {
      assertTrue(r.first()[i].upper() - r.first()[i].lower() > 0, "an interval of some width");
    }
  }

  @Test
  void designIsTheSaltelliScheme() {
    SobolIndices.Design d = SobolIndices.design(2, 4);
    double[][] rows = d.rows();
    assertEquals(16, rows.length);
    assertArrayEquals(new double[] {d.a()[1][0], d.b()[1][1]}, rows[3 * 4 + 1]);
    assertArrayEquals(new double[] {d.b()[2][0], d.a()[2][1]}, rows[2 * 4 + 2]);
    // the all-zero first point of the sequence is skipped
    assertTrue(d.a()[0][0] > 0);
  }

  @Test
  void bootstrapIsReproducible() {
    SobolIndices.Result a = run(256, 100);
    SobolIndices.Result b = run(256, 100);
    assertEquals(a.first()[0], b.first()[0]);
    assertEquals(a.total()[2], b.total()[2]);
  }
}
