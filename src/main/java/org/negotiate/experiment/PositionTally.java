package org.negotiate.experiment;

/**
 * Where actors stood, round by round, over many replications: a histogram of half-point bins per
 * (round, actor, issue). Counts are integers, so merging tallies gives the same result in any
 * order and with any number of threads.
 */
public final class PositionTally {
  static final int BINS = 201;
  private final int[][][][] bins;

  public PositionTally(int rounds, int actorsWithText, int issues) {
    bins = new int[rounds][actorsWithText][issues][BINS];
  }

  public void add(float[][][] trajectory) {
    for (int t = 0; t < bins.length; t++) {
      for (int a = 0; a < bins[t].length; a++) {
        for (int k = 0; k < bins[t][a].length; k++) {
          float v = trajectory[t][a][k];
          if (!Float.isNaN(v)) bins[t][a][k][Math.max(0, Math.min(BINS - 1, Math.round(v * 2)))]++;
        }
      }
    }
  }

  void addAll(PositionTally other) {
    for (int t = 0; t < bins.length; t++)
      for (int a = 0; a < bins[t].length; a++)
        for (int k = 0; k < bins[t][a].length; k++)
          for (int b = 0; b < BINS; b++) bins[t][a][k][b] += other.bins[t][a][k][b];
  }

  /** The q-quantile of positions at (round, actor, issue), or NaN when no run had one. */
  double quantile(int round, int actor, int issue, double q) {
    int[] h = bins[round][actor][issue];
    long n = 0;
    for (int c : h) n += c;
    if (n == 0) return Double.NaN;
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int b = 0; b < BINS; b++) {
      seen += h[b];
      if (seen >= rank) return b / 2.0;
    }
    return 100;
  }
}
