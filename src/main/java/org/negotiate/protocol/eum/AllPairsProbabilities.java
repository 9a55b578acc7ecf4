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
 * <p>Everything here depends on an actor only through its position, so it is computed per {@link
 * PositionGroups group} of equal positions (vote distances, running sums and each pair's
 * numerators: the same operations on the same values as for each member) and copied to the members;
 * only the sum of all the numerators runs over every pair of actors, in the order it always did.
 *
 * <p>Holds its work arrays, reused every round and, one per thread ({@link #workspace}), by every
 * model the thread steps: a computation allocates nothing.
 */
final class AllPairsProbabilities {
  /**
   * One per thread: a replication builds a model per issue, and these arrays (about 10 n² doubles)
   * cost more to allocate than a round to fill. A computation rewrites every value it later reads,
   * so sharing them between the models of one thread changes no number.
   */
  private static final ThreadLocal<AllPairsProbabilities> WORKSPACE =
      ThreadLocal.withInitial(() -> new AllPairsProbabilities(0));

  /** This thread's workspace, large enough for n actors. */
  static AllPairsProbabilities workspace(int n) {
    AllPairsProbabilities w = WORKSPACE.get();
    if (w.capacity < n) {
      w = new AllPairsProbabilities(n);
      WORKSPACE.set(w);
    }
    return w;
  }

  /** The most actors the arrays hold. */
  private final int capacity;

  /** The actors of the current computation. */
  private int n;

  /** The number of position groups of the current computation: the stride of the tables. */
  private int groups;

  /**
   * pw[mk·groups + g]: |x_k − x_g| / Δ raised to r_k for the voter k of canonical rank mk and the
   * position of group g: the vote distances of the current computation.
   */
  private final double[] pw;

  /** The positions in canonical order. */
  private final double[] xs;

  /**
   * Σ c_k s_k pw[k][g] over the voters k of rank below m (pre) and of rank m or above (suf), as
   * unevaluated sums hi + lo at [m·groups + g]: P's numerator of every pair is a difference of two.
   * Stored by voter rank, so that the sums for all groups advance together, one independent chain
   * of additions per group (a single chain waits on every addition's latency), and one pair's
   * look-ups are next to the previous pair's.
   */
  private final double[] preHi;

  private final double[] preLo;
  private final double[] sufHi;
  private final double[] sufLo;

  /** c s of the voters in canonical order. */
  private final double[] weights;

  /**
   * The numerators of the pairs of groups g &lt; h, at [g·groups + h]: of P(g, h) as t + err
   * (topIj, errIj) and of P(h, g) likewise (topJi, errJi), each rounded sum t as it is added to the
   * total.
   */
  private final double[] topIj;

  private final double[] errIj;
  private final double[] topJi;
  private final double[] errJi;

  /** P between the groups, [g·groups + h]. */
  private final double[] pg;

  AllPairsProbabilities(int n) {
    this.capacity = n;
    pw = new double[n * n];
    xs = new double[n];
    preHi = new double[(n + 1) * n];
    preLo = new double[(n + 1) * n];
    sufHi = new double[(n + 1) * n];
    sufLo = new double[(n + 1) * n];
    weights = new double[n];
    topIj = new double[n * n];
    errIj = new double[n * n];
    topJi = new double[n * n];
    errJi = new double[n * n];
    pg = new double[n * n];
  }

  /**
   * Fills {@code prob[i][j]} with P(i, j) for every ordered pair (0 on the diagonal and between
   * actors at the same position).
   *
   * @param order the actors in canonical order: every sum runs in it
   * @param g the groups of {@code x} in that order
   * @param x the positions the round works from
   * @param r the voters' risk exponents
   */
  void compute(
      int[] order,
      PositionGroups g,
      double[] x,
      double[] c,
      double[] s,
      double[] r,
      double delta,
      double[][] prob) {
    n = order.length;
    groups = g.count;
    fillPow(order, g, x, r, delta);
    fillVoterSums(order, c, s);
    groupPairs(g);
    double all = allPairs(order, g);
    // P of every pair of groups: numerator / all, as each pair of members had it.
    int m = groups;
    for (int a = 0; a < m; a++) {
      for (int h = 0; h < m; h++) {
        double top;
        if (a < h) top = Math.max(0, topIj[a * m + h] + errIj[a * m + h]);
        else if (a > h) top = Math.max(0, topJi[h * m + a] + errJi[h * m + a]);
        else top = 0;
        pg[a * m + h] = all == 0 ? 0 : top / all;
      }
    }
    for (int i = 0; i < n; i++) {
      double[] pi = prob[i];
      int row = g.groupOf[i] * m;
      for (int j = 0; j < n; j++) pi[j] = pg[row + g.groupOf[j]];
    }
  }

  /**
   * pow(dist, r_k) once per (voter, group); pow(y, 1.0) is y exactly. A voter at the previous
   * voter's position with its exponent has its row.
   */
  private void fillPow(int[] order, PositionGroups g, double[] x, double[] r, double delta) {
    for (int m = 0; m < n; m++) xs[m] = x[order[m]];
    for (int mk = 0; mk < n; mk++) {
      double rk = r[order[mk]];
      if (mk > 0 && xs[mk] == xs[mk - 1] && rk == r[order[mk - 1]]) {
        System.arraycopy(pw, (mk - 1) * groups, pw, mk * groups, groups);
      } else {
        fillPowRow(g, rk, mk, delta);
      }
    }
  }

  // The loops are split into one method per row: each is compiled once, early, by its calls,
  // rather than once in the middle of a long loop (on-stack replacement) and again whole.
  private void fillPowRow(PositionGroups g, double rk, int mk, double delta) {
    double xk = xs[mk];
    int row = mk * groups;
    double[] gx = g.x;
    if (rk == 1.0) {
      for (int a = 0; a < groups; a++) pw[row + a] = Math.abs(xk - gx[a]) / delta;
    } else {
      for (int a = 0; a < groups; a++) pw[row + a] = Powers.pow(Math.abs(xk - gx[a]) / delta, rk);
    }
  }

  /**
   * Prefix and suffix sums over the voters (canonical order) of c s pw, with exact products and
   * each addition's rounding error kept in lo.
   */
  private void fillVoterSums(int[] order, double[] c, double[] s) {
    double[] w = weights;
    int m = groups;
    for (int mk = 0; mk < n; mk++) w[mk] = c[order[mk]] * s[order[mk]];
    Arrays.fill(preHi, 0, m, 0);
    Arrays.fill(preLo, 0, m, 0);
    for (int mk = 0; mk < n; mk++) addVoter(preHi, preLo, mk * m, mk * m + m, mk);
    Arrays.fill(sufHi, n * m, n * m + m, 0);
    Arrays.fill(sufLo, n * m, n * m + m, 0);
    for (int mk = n - 1; mk >= 0; mk--) addVoter(sufHi, sufLo, mk * m + m, mk * m, mk);
  }

  /**
   * Row {@code to} of the running sums: row {@code from} plus voter mk's c s pw for every group,
   * the rounding errors of the product and of the sum added to lo.
   */
  private void addVoter(double[] hiSums, double[] loSums, int from, int to, int mk) {
    double wk = weights[mk];
    int row = mk * groups;
    for (int a = 0; a < groups; a++) {
      double hi = hiSums[from + a];
      double d = pw[row + a];
      double p = wk * d;
      double t = hi + p;
      hiSums[to + a] = t;
      loSums[to + a] =
          loSums[from + a] + (Compensated.sumError(hi, p, t) + Compensated.productError(wk, d, p));
    }
  }

  /** P's numerators for every pair of groups a &lt; h, in both directions. */
  private void groupPairs(PositionGroups g) {
    int m = groups;
    for (int a = 0; a < m; a++) {
      double xi = g.x[a];
      int b = 0; // voters with x_k − x_i < x_j − x_k: nearer i
      int e = 0; // voters with x_k − x_i ≤ x_j − x_k: nearer i or halfway
      for (int h = a + 1; h < m; h++) {
        double xj = g.x[h];
        while (b < n && xs[b] - xi < xj - xs[b]) b++;
        if (e < b) e = b;
        while (e < n && xs[e] - xi <= xj - xs[e]) e++;
        // top_ij: (ah + al) − (bh + bl) = t + err, t = ah − bh rounded, err exact plus al − bl.
        int at = b * m;
        double ah = preHi[at + h];
        double bh = preHi[at + a];
        double t = ah - bh;
        topIj[a * m + h] = t;
        errIj[a * m + h] = Compensated.sumError(ah, -bh, t) + (preLo[at + h] - preLo[at + a]);
        // top_ji likewise from the suffix sums.
        at = e * m;
        ah = sufHi[at + a];
        bh = sufHi[at + h];
        t = ah - bh;
        topJi[a * m + h] = t;
        errJi[a * m + h] = Compensated.sumError(ah, -bh, t) + (sufLo[at + a] - sufLo[at + h]);
      }
    }
  }

  /**
   * Twice the sum of P's numerators over every pair of actors at different positions, the actor of
   * rank a with every actor ranked above it, a ascending: top_ij then top_ji of each pair, added to
   * a compensated sum.
   */
  private double allPairs(int[] order, PositionGroups g) {
    int m = groups;
    double allHi = 0;
    double allLo = 0;
    for (int a = 0; a < n; a++) {
      int ga = g.groupOf[order[a]];
      for (int h = ga + 1; h < m; h++) {
        double tij = topIj[ga * m + h];
        double eij = errIj[ga * m + h];
        double tji = topJi[ga * m + h];
        double eji = errJi[ga * m + h];
        for (int k = g.size(h); k > 0; k--) {
          double sum = allHi + tij;
          allLo += Compensated.sumError(allHi, tij, sum) + eij;
          allHi = sum;
          sum = allHi + tji;
          allLo += Compensated.sumError(allHi, tji, sum) + eji;
          allHi = sum;
        }
      }
    }
    return 2 * (allHi + allLo);
  }
}
