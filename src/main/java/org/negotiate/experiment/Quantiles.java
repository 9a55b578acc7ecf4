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
