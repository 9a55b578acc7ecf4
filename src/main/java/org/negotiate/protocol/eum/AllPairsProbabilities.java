package org.negotiate.protocol.eum;

import java.util.Arrays;

/**
 * Scholz's all-pairs probability of success for every ordered pair of actors ({@code
 * docs/models.md} §1.3, jmckib's normalisation), in O(n²) per computation instead of its defining
 * O(n³) sums:
 *
 * <p>P(i, j) = Σ_k max(0, c_k s_k (d_kj^{r_k} − d_ki^{r_k})) / Σ_k Σ_{a≠b} |c_k s_k (d_ka^{r_k} −
 * d_kb^{r_k})|, with d_ka = |x_k − x_a| / Δ.
 *
 * <p>For x_i &lt; x_j the voters with d_kj &gt; d_ki are those nearer x_i: the canonical ranks
 * below the first voter at or past the midpoint (a voter exactly there votes 0). So the numerator
 * of (i, j) is a difference of two prefix sums over the voters, that of (j, i) a difference of two
 * suffix sums, found for every pair with two pointers that only move up as x_j grows. The
 * denominator counts every pair of positions twice, once in each order, where the numerators count
 * it once in the order that gains: it is twice the sum of all the numerators. Products are exact
 * and sums compensated ({@link Compensated}), so each P is the exact value of its definition (from
 * the same pow values) to within a few units in the last place.
 *
 * <p>Holds its work arrays, reused every round: a computation allocates nothing.
 */
final class AllPairsProbabilities {
  private final int n;

  /**
   * pw[mk·n + ma]: |x_k − x_a| / Δ raised to r_k for the voter k of canonical rank mk and the actor
   * a of rank ma: the vote distances of the current computation.
   */
  private final double[] pw;

  /** The positions in canonical order. */
  private final double[] xs;

  /**
   * Σ c_k s_k pw[k][a] over the voters k of rank below m (pre) and of rank m or above (suf), as
   * unevaluated sums hi + lo at [m·n + ma]: P's numerator of every pair is a difference of two.
   * Stored by voter rank, so that the sums for all actors advance together, one independent chain
   * of additions per actor (a single chain waits on every addition's latency), and one pair's
   * look-ups are next to the previous pair's.
   */
  private final double[] preHi;

  private final double[] preLo;
  private final double[] sufHi;
  private final double[] sufLo;

  /** c s of the voters in canonical order. */
  private final double[] weights;

  /** Σ of the numerators so far, as hi + lo (see {@link #pairsFrom}). */
  private double topsHi;

  private double topsLo;

  AllPairsProbabilities(int n) {
    this.n = n;
    pw = new double[n * n];
    xs = new double[n];
    preHi = new double[(n + 1) * n];
    preLo = new double[(n + 1) * n];
    sufHi = new double[(n + 1) * n];
    sufLo = new double[(n + 1) * n];
    weights = new double[n];
  }

  /**
   * Fills {@code prob[i][j]} with P(i, j) for every ordered pair (0 on the diagonal and between
   * actors at the same position).
   *
   * @param order the actors in canonical order: every sum runs in it
   * @param x the positions the round works from
   * @param r the voters' risk exponents
   */
  void compute(
      int[] order, double[] x, double[] c, double[] s, double[] r, double delta, double[][] prob) {
    fillPow(order, x, r, delta);
    fillVoterSums(order, c, s);
    topsHi = 0;
    topsLo = 0;
    for (int a = 0; a < n; a++) pairsFrom(order, a, prob);
    double all = 2 * (topsHi + topsLo);
    for (double[] pi : prob) {
      if (all == 0) {
        Arrays.fill(pi, 0);
      } else {
        for (int j = 0; j < n; j++) pi[j] /= all;
      }
    }
  }

  /**
   * pow(dist, r_k) once per (voter, distinct position), in canonical order (equal positions are
   * neighbours there); pow(y, 1.0) is y exactly.
   */
  private void fillPow(int[] order, double[] x, double[] r, double delta) {
    for (int m = 0; m < n; m++) xs[m] = x[order[m]];
    for (int mk = 0; mk < n; mk++) fillPowRow(r[order[mk]], mk, delta);
  }

  // The loops are split into one method per row: each is compiled once, early, by its calls,
  // rather than once in the middle of a long loop (on-stack replacement) and again whole.
  private void fillPowRow(double rk, int mk, double delta) {
    double xk = xs[mk];
    int row = mk * n;
    if (rk == 1.0) {
      for (int ma = 0; ma < n; ma++) pw[row + ma] = Math.abs(xk - xs[ma]) / delta;
    } else {
      double last = Double.NaN;
      double v = 0;
      for (int ma = 0; ma < n; ma++) {
        double xa = xs[ma];
        if (xa != last) {
          last = xa;
          v = Math.pow(Math.abs(xk - xa) / delta, rk);
        }
        pw[row + ma] = v;
      }
    }
  }

  /**
   * Prefix and suffix sums over the voters (canonical order) of c s pw, with exact products and
   * each addition's rounding error kept in lo.
   */
  private void fillVoterSums(int[] order, double[] c, double[] s) {
    double[] w = weights;
    for (int mk = 0; mk < n; mk++) w[mk] = c[order[mk]] * s[order[mk]];
    Arrays.fill(preHi, 0, n, 0);
    Arrays.fill(preLo, 0, n, 0);
    for (int mk = 0; mk < n; mk++) addVoter(preHi, preLo, mk * n, mk * n + n, mk);
    Arrays.fill(sufHi, n * n, n * n + n, 0);
    Arrays.fill(sufLo, n * n, n * n + n, 0);
    for (int mk = n - 1; mk >= 0; mk--) addVoter(sufHi, sufLo, mk * n + n, mk * n, mk);
  }

  /**
   * Row {@code to} of the running sums: row {@code from} plus voter mk's c s pw for every actor,
   * the rounding errors of the product and of the sum added to lo.
   */
  private void addVoter(double[] hiSums, double[] loSums, int from, int to, int mk) {
    double wk = weights[mk];
    int row = mk * n;
    for (int a = 0; a < n; a++) {
      double hi = hiSums[from + a];
      double d = pw[row + a];
      double p = wk * d;
      double t = hi + p;
      hiSums[to + a] = t;
      loSums[to + a] =
          loSums[from + a] + (Compensated.sumError(hi, p, t) + Compensated.productError(wk, d, p));
    }
  }

  /**
   * P's numerators for the pairs of the actor of rank a with every actor ranked above it, added to
   * {@link #topsHi} + {@link #topsLo}.
   */
  private void pairsFrom(int[] order, int a, double[][] prob) {
    int i = order[a];
    prob[i][i] = 0;
    double allHi = topsHi;
    double allLo = topsLo;
    int b = 0; // voters with x_k − x_i < x_j − x_k: nearer i
    int e = 0; // voters with x_k − x_i ≤ x_j − x_k: nearer i or halfway
    for (int h = a + 1; h < n; h++) {
      int j = order[h];
      double xi = xs[a];
      double xj = xs[h];
      if (xj == xi) {
        prob[i][j] = 0;
        prob[j][i] = 0;
        continue;
      }
      while (b < n && xs[b] - xi < xj - xs[b]) b++;
      if (e < b) e = b;
      while (e < n && xs[e] - xi <= xj - xs[e]) e++;
      // top_ij: (ah + al) − (bh + bl) = t + err, t = ah − bh rounded, err exact plus al − bl.
      int at = b * n;
      double ah = preHi[at + h];
      double bh = preHi[at + a];
      double t = ah - bh;
      double err = Compensated.sumError(ah, -bh, t) + (preLo[at + h] - preLo[at + a]);
      prob[i][j] = Math.max(0, t + err);
      double sum = allHi + t;
      allLo += Compensated.sumError(allHi, t, sum) + err;
      allHi = sum;
      // top_ji likewise from the suffix sums.
      at = e * n;
      ah = sufHi[at + a];
      bh = sufHi[at + h];
      t = ah - bh;
      err = Compensated.sumError(ah, -bh, t) + (sufLo[at + a] - sufLo[at + h]);
      prob[j][i] = Math.max(0, t + err);
      sum = allHi + t;
      allLo += Compensated.sumError(allHi, t, sum) + err;
      allHi = sum;
    }
    topsHi = allHi;
    topsLo = allLo;
  }
}
