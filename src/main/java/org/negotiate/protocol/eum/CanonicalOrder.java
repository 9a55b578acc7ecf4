package org.negotiate.protocol.eum;

import java.util.Arrays;

/**
 * The actors sorted by position, capability, salience, then index: every sum over actors in the
 * expected utility model runs in this order, which makes every result bitwise independent of the
 * order the actors were listed in (actors equal in all three are interchangeable), so exact
 * position ties are decided the same way whatever the listing.
 */
final class CanonicalOrder {
  private CanonicalOrder() {}

  /** The canonical order of the actors with positions x, capabilities c and saliences s. */
  static int[] of(double[] x, double[] c, double[] s) {
    int n = x.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    Arrays.sort(
        idx,
        (a, b) -> {
          int k = Double.compare(x[a], x[b]);
          if (k == 0) k = Double.compare(c[a], c[b]);
          if (k == 0) k = Double.compare(s[a], s[b]);
          return k != 0 ? k : Integer.compare(a, b);
        });
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = idx[i];
    return out;
  }

  /**
   * The same order, by insertion sort from {@code previous} (null: the listing order): the
   * positions change little from one round to the next, so last round's order is nearly sorted
   * already; the order is a total one, so the result is the same whatever the start.
   */
  static int[] resort(int[] previous, double[] x, double[] c, double[] s) {
    int n = x.length;
    int[] out;
    if (previous == null) {
      out = new int[n];
      for (int i = 0; i < n; i++) out[i] = i;
    } else {
      out = previous.clone();
    }
    for (int m = 1; m < n; m++) {
      int a = out[m];
      int q = m - 1;
      while (q >= 0 && before(a, out[q], x, c, s)) {
        out[q + 1] = out[q];
        q--;
      }
      out[q + 1] = a;
    }
    return out;
  }

  /** Whether actor a comes before actor b. */
  private static boolean before(int a, int b, double[] x, double[] c, double[] s) {
    int k = Double.compare(x[a], x[b]);
    if (k == 0) k = Double.compare(c[a], c[b]);
    if (k == 0) k = Double.compare(s[a], s[b]);
    return k != 0 ? k < 0 : a < b;
  }
}
