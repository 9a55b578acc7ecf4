package org.negotiate.experiment;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Variance-based (Sobol) sensitivity indices by Saltelli's sampling scheme.
 *
 * <p><b>Design.</b> {@code N} points of Commons Math's Sobol sequence in {@code 2k} dimensions (the
 * first point, all zeros, skipped); the first {@code k} coordinates form row {@code j} of the
 * matrix {@code A}, the last {@code k} row {@code j} of {@code B}. For each input {@code i}, {@code
 * AB_i} is {@code A} with its column {@code i} taken from {@code B}. The model is evaluated at the
 * {@code N(k + 2)} rows of {@code A}, {@code B} and every {@code AB_i}; unit-cube coordinates are
 * mapped onto each input by its quantile function, so the design follows the inputs' distributions.
 *
 * <p><b>Estimators</b> (Saltelli et al. 2010, Comput. Phys. Commun. 181:259–270, table 2): first
 * order {@code S_i = mean(f(B)·(f(AB_i) − f(A))) / V} (Saltelli 2010, (b)) and total {@code ST_i =
 * mean((f(A) − f(AB_i))²) / (2V)} (Jansen 1999, (f)), with {@code V} the variance of the {@code 2N}
 * values {@code f(A)}, {@code f(B)}.
 *
 * <p><b>Intervals</b>: percentile bootstrap over the {@code N} base rows (row {@code j} of {@code
 * A}, {@code B} and every {@code AB_i} resampled together), with a seeded generator.
 */
public final class SobolIndices {
  private SobolIndices() {}

  /** The Saltelli design in the unit cube: {@code a[j]}, {@code b[j]}, and {@code ab(i, j)}. */
  public record Design(int k, double[][] a, double[][] b) {
    public int samples() {
      return a.length;
    }

    /** Row {@code j} of {@code AB_i}: row {@code j} of A with coordinate {@code i} from B. */
    public double[] ab(int i, int j) {
      double[] row = a[j].clone();
      row[i] = b[j][i];
      return row;
    }

    /**
     * All {@code N(k + 2)} rows in evaluation order: the N rows of A, the N rows of B, then {@code
     * AB_0} .. {@code AB_{k-1}}, N rows each.
     */
    public double[][] rows() {
      int n = samples();
      double[][] out = new double[n * (k + 2)][];
      for (int j = 0; j < n; j++) {
        out[j] = a[j];
        out[n + j] = b[j];
      }
      for (int i = 0; i < k; i++) for (int j = 0; j < n; j++) out[(2 + i) * n + j] = ab(i, j);
      return out;
    }
  }

  /** The design with {@code samples} base rows for {@code k} inputs. */
  public static Design design(int k, int samples) {
    if (k < 1) throw new IllegalArgumentException("need at least one input");
    if (2 * k > 1000)
      throw new IllegalArgumentException(
          "Commons Math's Sobol sequence has at most 1000 dimensions: "
              + k
              + " inputs is too many");
    SobolSequenceGenerator g = new SobolSequenceGenerator(2 * k);
    g.skipTo(1); // the first point is all zeros
    double[][] a = new double[samples][];
    double[][] b = new double[samples][];
    for (int j = 0; j < samples; j++) {
      double[] p = g.nextVector();
      a[j] = Arrays.copyOfRange(p, 0, k);
      b[j] = Arrays.copyOfRange(p, k, 2 * k);
    }
    return new Design(k, a, b);
  }

  /** One index with its bootstrap interval. */
  public record Estimate(double value, double lower, double upper) {}

  /** The indices of every input, and the variance of the output. */
  public record Result(
      Estimate[] first,
      Estimate[] total,
      double variance,
      int samples,
      int bootstrap,
      double level) {}

  /**
   * Indices from the model's values at {@link Design#rows()}, in that order.
   *
   * @param bootstrap resamples for the intervals (0: none; intervals are then NaN)
   * @param level confidence level of the intervals, e.g. 0.95
   */
  public static Result estimate(Design d, double[] y, int bootstrap, double level, long seed) {
    int n = d.samples();
    int k = d.k();
    if (y.length != n * (k + 2))
      throw new IllegalArgumentException("expected " + n * (k + 2) + " values, got " + y.length);
    double[] fa = Arrays.copyOfRange(y, 0, n);
    double[] fb = Arrays.copyOfRange(y, n, 2 * n);
    double[][] fab = new double[k][];
    for (int i = 0; i < k; i++) fab[i] = Arrays.copyOfRange(y, (2 + i) * n, (3 + i) * n);

    int[] all = new int[n];
    for (int j = 0; j < n; j++) all[j] = j;
    double[][] point = indices(fa, fb, fab, all);

    double[][] s1 = new double[k][bootstrap];
    double[][] st = new double[k][bootstrap];
    SplittableRandom rng = new SplittableRandom(seed);
    int[] idx = new int[n];
    for (int r = 0; r < bootstrap; r++) {
      for (int j = 0; j < n; j++) idx[j] = rng.nextInt(n);
      double[][] e = indices(fa, fb, fab, idx);
      for (int i = 0; i < k; i++) {
        s1[i][r] = e[0][i];
        st[i][r] = e[1][i];
      }
    }
    Estimate[] first = new Estimate[k];
    Estimate[] total = new Estimate[k];
    double lo = (1 - level) / 2;
    for (int i = 0; i < k; i++) {
      first[i] = new Estimate(point[0][i], percentile(s1[i], lo), percentile(s1[i], 1 - lo));
      total[i] = new Estimate(point[1][i], percentile(st[i], lo), percentile(st[i], 1 - lo));
    }
    return new Result(first, total, point[2][0], n, bootstrap, level);
  }

  /** {S1[], ST[], {V}} over the rows listed in {@code idx}. */
  private static double[][] indices(double[] fa, double[] fb, double[][] fab, int[] idx) {
    int n = idx.length;
    int k = fab.length;
    double sum = 0;
    for (int j : idx) sum += fa[j] + fb[j];
    double mean = sum / (2.0 * n);
    double ss = 0;
    for (int j : idx) ss += (fa[j] - mean) * (fa[j] - mean) + (fb[j] - mean) * (fb[j] - mean);
    double v = ss / (2.0 * n - 1);
    double[] s1 = new double[k];
    double[] st = new double[k];
    for (int i = 0; i < k; i++) {
      double a = 0;
      double b = 0;
      for (int j : idx) {
        a += fb[j] * (fab[i][j] - fa[j]);
        double d = fa[j] - fab[i][j];
        b += d * d;
      }
      s1[i] = v > 0 ? a / n / v : 0;
      st[i] = v > 0 ? b / n / (2 * v) : 0;
    }
    return new double[][] {s1, st, {v}};
  }

  private static double percentile(double[] values, double p) {
    if (values.length == 0) return Double.NaN;
    double[] s = values.clone();
    Arrays.sort(s);
    return Quantiles.interpolated(s, p);
  }
}
