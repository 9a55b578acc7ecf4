package org.negotiate.experiment;

/**
 * Where actors stood, round by round, over many replications: a histogram of half-point bins per
 * (round, actor, issue). Counts are integers, so merging tallies gives the same result in any
 * order and with any number of threads. One flat array, [round][actor][issue][bin].
 */
public final class PositionTally implements java.io.Serializable {
  static final int BINS = 201;
  private final int actors;
  private final int issues;
  private final int[] bins;

  public PositionTally(int rounds, int actorsWithText, int issues) {
    this.actors = actorsWithText;
    this.issues = issues;
    bins = new int[rounds * actorsWithText * issues * BINS];
  }

  public void add(float[][][] trajectory) {
    int cell = 0;
    int rounds = bins.length / (actors * issues * BINS);
    for (int t = 0; t < rounds; t++) {
      float[][] row = trajectory[t];
      for (int a = 0; a < actors; a++) {
        float[] p = row[a];
        for (int k = 0; k < issues; k++, cell += BINS) {
          float v = p[k];
          if (!Float.isNaN(v)) bins[cell + Math.max(0, Math.min(BINS - 1, Math.round(v * 2)))]++;
        }
      }
    }
  }

  /** The counts themselves (for the run journal, which saves and restores them). */
  int[] counts() {
    return bins;
  }

  void addAll(PositionTally other) {
    for (int i = 0; i < bins.length; i++) bins[i] += other.bins[i];
  }

  /** The q-quantile of positions at (round, actor, issue), or NaN when no run had one. */
  double quantile(int round, int actor, int issue, double q) {
    return quantiles(round, actor, issue, new double[] {q})[0];
  }

  /**
   * The quantiles {@code qs} (ascending) of positions at (round, actor, issue), NaN when no run
   * had one: one count and one pass over the cell's bins for all of them.
   */
  double[] quantiles(int round, int actor, int issue, double[] qs) {
    int at = ((round * actors + actor) * issues + issue) * BINS;
    double[] out = new double[qs.length];
    long n = 0;
    for (int b = 0; b < BINS; b++) n += bins[at + b];
    if (n == 0) {
      java.util.Arrays.fill(out, Double.NaN);
      return out;
    }
    int next = 0;
    long seen = 0;
    for (int b = 0; b < BINS && next < qs.length; b++) {
      seen += bins[at + b];
      while (next < qs.length && seen >= Math.max(1, (long) Math.ceil(qs[next] * n))) out[next++] = b / 2.0;
    }
    while (next < qs.length) out[next++] = 100;
    return out;
  }
}
