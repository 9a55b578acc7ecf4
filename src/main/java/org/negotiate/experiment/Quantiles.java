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
   * {@code values} is reordered.
   */
  public static double[] nearestRanks(double[] values, double... ps) {
    double[] out = new double[ps.length];
    int lo = 0;
    for (int q = 0; q < ps.length; q++) {
      if (values.length == 0) {
        out[q] = Double.NaN;
        continue;
      }
      int k = (int) Math.max(0, Math.ceil(ps[q] * values.length) - 1);
      // once rank lo is selected, every value after it ranks above it: a higher rank is there
      out[q] = select(values, k >= lo ? lo : 0, values.length - 1, k);
      lo = k;
    }
    return out;
  }

  /**
   * The value of rank {@code k} among {@code v[lo..hi]}, which it leaves partitioned around it:
   * quickselect with a median-of-three pivot and a three-way split, so runs of equal values cost no
   * more than distinct ones.
   */
  private static double select(double[] v, int lo, int hi, int k) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      double a = v[lo];
      double b = v[mid];
      double c = v[hi];
      double pivot =
          Double.compare(a, b) < 0
              ? (Double.compare(b, c) < 0 ? b : Double.compare(a, c) < 0 ? c : a)
              : (Double.compare(a, c) < 0 ? a : Double.compare(b, c) < 0 ? c : b);
      // v[lo..lt-1] < pivot, v[lt..i-1] == pivot, v[gt+1..hi] > pivot
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i <= gt) {
        int cmp = Double.compare(v[i], pivot);
        if (cmp < 0) swap(v, lt++, i++);
        else if (cmp > 0) swap(v, i, gt--);
        else i++;
      }
      if (k < lt) hi = lt - 1;
      else if (k > gt) lo = gt + 1;
      else return pivot;
    }
    return v[k];
  }

  private static void swap(double[] v, int i, int j) {
    double t = v[i];
    v[i] = v[j];
    v[j] = t;
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
