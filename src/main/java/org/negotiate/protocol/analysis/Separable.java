package org.negotiate.protocol.analysis;

import java.util.Arrays;
import org.negotiate.model.Inputs;

/**
 * The judged utilities written as sums over issues, so that a weighted sum of them can be maximised
 * exactly, one issue at a time.
 *
 * <p>{@code Utility.judged(i, z) = sum_j c_ij own_j(z)} with {@code c_ii = 1 - sum_j eta_ij} (or 1
 * without ties) and {@code c_ij = eta_ij}; {@code own_j(z) = sum_k (s_jk / S_j) v_j(|z_k - x_jk| /
 * 100)}. So {@code sum_i w_i U_i(z) = sum_k h_k(z_k)}, and each {@code h_k} is a sum of functions
 * {@code v(|t - x| / 100) = 1 + (rho - 1) d - rho d^2}: quadratic in t between the actors'
 * positions. Its maximum over an interval is at an end, at a position, or at the vertex of one of
 * those quadratic pieces; all are tried.
 */
final class Separable {
  /** Values this close to the maximum count as ties. */
  private static final double TIE = 1e-12;

  private final Inputs in;

  /** coef[q][j]: weight of actor j's own utility in party q's judged utility. */
  private final double[][] coef;

  Separable(Inputs in, int[] parties) {
    this.in = in;
    coef = new double[parties.length][in.actors];
    for (int q = 0; q < parties.length; q++) {
      int i = parties[q];
      double weight = 0;
      for (int j = 0; j < in.actors; j++) if (in.tie(i, j) > 0) weight += in.tie(i, j);
      if (weight == 0) {
        coef[q][i] = 1;
      } else {
        coef[q][i] += 1 - weight;
        for (int j = 0; j < in.actors; j++) if (in.tie(i, j) > 0) coef[q][j] += in.tie(i, j);
      }
    }
  }

  /**
   * Whether every party's judged utility is concave in the package: each actor it weighs (with a
   * non-negative weight) has risk {@code >= 0}, so {@code v(|t - x| / 100)} is concave in t. Then
   * the set of utility vectors the zone reaches is convex below its frontier, and every frontier
   * point maximises some weighted sum of the utilities.
   */
  boolean concave() {
    for (double[] c : coef) {
      for (int j = 0; j < in.actors; j++) {
        if (c[j] < 0) return false;
        if (c[j] == 0) continue;
        if (!(in.risk(j) >= 0)) return false;
        for (int k = 0; k < in.issues; k++) if (!(in.salience(j, k) >= 0)) return false;
      }
    }
    return true;
  }

  /**
   * A package in [lo, hi] maximising {@code sum_q w[q] U_q}. Where a whole interval of terms ties
   * on an issue, its midpoint is taken.
   */
  double[] argmax(double[] w, double[] lo, double[] hi) {
    double[] alpha = new double[in.actors];
    for (int q = 0; q < coef.length; q++) {
      for (int j = 0; j < in.actors; j++) alpha[j] += w[q] * coef[q][j];
    }
    double[] z = new double[in.issues];
    double[] scale = new double[in.actors];
    for (int j = 0; j < in.actors; j++) {
      double s = in.salienceSum(j);
      scale[j] = s > 0 ? alpha[j] / s : 0; // an actor with no salience values every package at 1
    }
    for (int k = 0; k < in.issues; k++) z[k] = argmaxIssue(k, scale, lo[k], hi[k]);
    return z;
  }

  private double h(int k, double[] scale, double t) {
    double f = 0;
    for (int j = 0; j < in.actors; j++) {
      if (scale[j] != 0 && in.salience(j, k) != 0) {
        double d = Math.abs(t - in.position(j, k)) / 100.0;
        f += scale[j] * in.salience(j, k) * (1 - d) * (1 + in.risk(j) * d);
      }
    }
    return f;
  }

  private double argmaxIssue(int k, double[] scale, double lo, double hi) {
    if (hi - lo <= 0) return lo;
    double[] cuts = new double[in.actors + 2];
    int n = 0;
    cuts[n++] = lo;
    cuts[n++] = hi;
    for (int j = 0; j < in.actors; j++) {
      double x = in.position(j, k);
      if (scale[j] != 0 && in.salience(j, k) != 0 && x > lo && x < hi) cuts[n++] = x;
    }
    cuts = Arrays.copyOf(cuts, n);
    Arrays.sort(cuts);
    // candidates: every cut and every interior vertex of a concave piece
    double[] cand = new double[2 * n];
    double[] val = new double[2 * n];
    int c = 0;
    for (int p = 0; p < n; p++) {
      cand[c] = cuts[p];
      val[c] = h(k, scale, cuts[p]);
      c++;
      if (p + 1 < n && cuts[p + 1] > cuts[p]) {
        double a = cuts[p];
        double b = cuts[p + 1];
        double f0 = val[c - 1];
        double fm = h(k, scale, (a + b) / 2);
        double f1 = h(k, scale, b);
        // f(a + s (b - a)) = f0 + b1 s + b2 s^2 on the piece
        double b1 = -3 * f0 + 4 * fm - f1;
        double b2 = 2 * f0 - 4 * fm + 2 * f1;
        if (b2 < 0) {
          double s = -b1 / (2 * b2);
          if (s > 0 && s < 1) {
            cand[c] = a + s * (b - a);
            val[c] = h(k, scale, cand[c]);
            c++;
          }
        }
      }
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int q = 0; q < c; q++) best = Math.max(best, val[q]);
    double tol = TIE * (1 + Math.abs(best));
    double first = Double.POSITIVE_INFINITY;
    double last = Double.NEGATIVE_INFINITY;
    for (int q = 0; q < c; q++) {
      if (val[q] >= best - tol) {
        first = Math.min(first, cand[q]);
        last = Math.max(last, cand[q]);
      }
    }
    if (last > first) {
      double mid = (first + last) / 2;
      if (h(k, scale, mid) >= best - tol) return mid;
    }
    return first;
  }
}
