package org.negotiate.experiment;

/**
 * The quantiles the experiments report, in one place. Two definitions, each where it belongs: the
 * nearest rank for the bands of runs (a value some run actually had), linear interpolation for
 * bootstrap percentiles (a smooth estimate of an interval's end).
 */
public final class Quantiles {
  private Quantiles() {}

  /**
   * The nearest-rank quantile of ascending {@code sorted} values: the smallest value with at least
   * a share {@code p} of the values at or below it ({@code sorted[ceil(p n) - 1]}, the first value
   * for p = 0); NaN when there are none.
   */
  public static double nearestRank(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    return sorted[(int) Math.max(0, Math.ceil(p * sorted.length) - 1)];
  }

  /**
   * {@link #nearestRank} of each share in {@code ps}, of {@code values} in any order, without
   * sorting them: each is the value at its rank in {@link Double#compare}'s order (the order {@code
   * Arrays.sort} gives), found by selection, so the same double as sorting and reading would give.
   * {@code values} is left as it is.
   */
  public static double[] nearestRanks(double[] values, double... ps) {
    double[] out = new double[ps.length];
    // the values as longs in Double.compare's order: a comparison of longs is one instruction,
    // where Double.compare is a call per element on the short commands' compiler (C1)
    long[] keys = new long[values.length];
    for (int i = 0; i < keys.length; i++) keys[i] = orderKey(values[i]);
    int lo = 0;
    for (int q = 0; q < ps.length; q++) {
      if (values.length == 0) {
        out[q] = Double.NaN;
        continue;
      }
      int k = (int) Math.max(0, Math.ceil(ps[q] * values.length) - 1);
      // once rank lo is selected, every value after it ranks above it: a higher rank is there
      out[q] = fromOrderKey(select(keys, k >= lo ? lo : 0, keys.length - 1, k));
      lo = k;
    }
    return out;
  }

  /**
   * A long that orders as {@link Double#compare} orders x (-0.0 below 0.0, every NaN above
   * infinity): the sign bit flips the rest of a negative number's bits.
   */
  static long orderKey(double x) {
    long bits = Double.doubleToLongBits(x);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** The double of {@link #orderKey} (the flip is its own inverse). */
  static double fromOrderKey(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }

  /**
   * The key of rank {@code k} among {@code v[lo..hi]}, which it leaves partitioned around it:
   * quickselect with a median-of-three pivot and a three-way split, so runs of equal values cost no
   * more than distinct ones.
   */
  private static long select(long[] v, int lo, int hi, int k) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      long a = v[lo];
      long b = v[mid];
      long c = v[hi];
      long pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
      // v[lo..lt-1] < pivot, v[lt..i-1] == pivot, v[gt+1..hi] > pivot
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i <= gt) {
        long x = v[i];
        if (x < pivot) {
          v[i++] = v[lt];
          v[lt++] = x;
        } else if (x > pivot) {
          v[i] = v[gt];
          v[gt--] = x;
        } else {
          i++;
        }
      }
      if (k < lt) hi = lt - 1;
      else if (k > gt) lo = gt + 1;
      else return pivot;
    }
    return v[k];
  }

  /**
   * The quantile of ascending {@code sorted} values by linear interpolation between the order
   * statistics at position {@code p (n - 1)} (Hyndman and Fan's type 7, R's default); NaN when
   * there are none.
   */
  public static double interpolated(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
