package org.negotiate.experiment;

import java.util.SplittableRandom;

/**
 * How stable a PRIM box's conditions are: PRIM is rerun on bootstrap resamples of the runs, and
 * each input's share of resamples whose box restricts it on the same side as the box found is its
 * stability. A condition that comes and goes with the sample (the box of 1,000 runs held 8, that of
 * 2,000 held 4) is an artefact of that sample; only conditions restricted in at least {@link #KEEP}
 * of the resamples are kept, and the box is measured again without the others.
 */
public final class BoxStability {
  private BoxStability() {}

  /**
   * Bootstrap resamples: enough to tell a condition found in most resamples from one found in a
   * few.
   */
  public static final int RESAMPLES = 50;

  /** The share of resamples that must restrict an input for its condition to be kept. */
  public static final double KEEP = 0.7;

  /**
   * @param stability per input, the share of resamples restricting it on the box's side (NaN for
   *     inputs the box leaves open)
   * @param found the box PRIM found on all runs
   * @param stable that box without its unstable conditions, measured on all runs
   */
  public record Result(double[] stability, Prim.Step found, Prim.Step stable, int resamples) {
    public boolean kept(int j) {
      return found.box().restricted(j) && stability[j] >= KEEP;
    }

    public boolean dropped(int j) {
      return found.box().restricted(j) && !(stability[j] >= KEEP);
    }
  }

  /**
   * Resamples drawn from {@code seed} in one sequence, so the result does not depend on threads.
   */
  public static Result of(
      double[][] x,
      boolean[] y,
      Prim.Step found,
      double alpha,
      double minMass,
      double minCoverage,
      int resamples,
      long seed) {
    int n = x.length;
    int dims = found.box().lo().length;
    int[] support = new int[dims];
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] bx = new double[n][];
    boolean[] by = new boolean[n];
    int done = 0;
    for (int b = 0; b < resamples && n > 0; b++) {
      for (int i = 0; i < n; i++) {
        int k = rng.nextInt(n);
        bx[i] = x[k];
        by[i] = y[k];
      }
      Prim.Box box = Prim.run(bx, by, alpha, minMass, minCoverage).box().box();
      done++;
      for (int j = 0; j < dims; j++) {
        boolean lo =
            found.box().lo()[j] != Double.NEGATIVE_INFINITY
                && box.lo()[j] != Double.NEGATIVE_INFINITY;
        boolean hi =
            found.box().hi()[j] != Double.POSITIVE_INFINITY
                && box.hi()[j] != Double.POSITIVE_INFINITY;
        if (lo || hi) support[j]++;
      }
    }
    double[] share = new double[dims];
    double[] l = found.box().lo().clone();
    double[] h = found.box().hi().clone();
    for (int j = 0; j < dims; j++) {
      share[j] = !found.box().restricted(j) || done == 0 ? Double.NaN : (double) support[j] / done;
      if (found.box().restricted(j) && !(share[j] >= KEEP)) {
        l[j] = Double.NEGATIVE_INFINITY;
        h[j] = Double.POSITIVE_INFINITY;
      }
    }
    int hits = 0;
    for (boolean v : y) if (v) hits++;
    Prim.Step stable = Prim.measure(x, y, new Prim.Box(l, h), hits);
    return new Result(share, found, stable, done);
  }
}
