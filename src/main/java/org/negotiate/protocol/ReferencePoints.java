package org.negotiate.protocol;

import org.negotiate.model.Inputs;

/**
 * Reference points computed directly, with no rounds, for comparison with any protocol's outcome:
 * Achen's compromise model (the capability × salience weighted mean of every actor's ideal) and the
 * asymmetric Nash bargaining point of the parties inside their red lines (the mediated protocol's
 * draft without any mediator's lean).
 */
public final class ReferencePoints {
  private ReferencePoints() {}

  /** Σ c_i s_ik x_ik / Σ c_i s_ik over all actors' ideals, per issue. */
  public static double[] compromise(Inputs in) {
    double[][] ideals = new double[in.actors][];
    for (int i = 0; i < in.actors; i++) ideals[i] = in.positions(i);
    return weightedMean(in, ideals);
  }

  /** The capability × salience weighted mean of the given positions [actor][issue], per issue. */
  public static double[] weightedMean(Inputs in, double[][] positions) {
    double[] z = new double[in.issues];
    for (int k = 0; k < in.issues; k++) {
      double w = 0;
      double sum = 0;
      for (int i = 0; i < in.actors; i++) {
        double weight = in.capability(i) * in.salience(i, k);
        w += weight;
        sum += weight * positions[i][k];
      }
      z[k] = w > 0 ? sum / w : Double.NaN;
    }
    return z;
  }

  /**
   * The capability × salience weighted median of the given positions, per issue: the lowest
   * position at which the weight at or below it reaches half the total (in one dimension, the
   * position a majority weighted by clout and salience prefers to any other).
   */
  public static double[] weightedMedian(Inputs in, double[][] positions) {
    double[] z = new double[in.issues];
    Integer[] order = new Integer[in.actors];
    for (int k = 0; k < in.issues; k++) {
      final int issue = k;
      double total = 0;
      for (int i = 0; i < in.actors; i++) {
        order[i] = i;
        total += in.capability(i) * in.salience(i, k);
      }
      java.util.Arrays.sort(
          order, (a, b) -> Double.compare(positions[a][issue], positions[b][issue]));
      double seen = 0;
      z[k] = Double.NaN;
      for (int i : order) {
        seen += in.capability(i) * in.salience(i, k);
        if (seen >= total / 2) {
          z[k] = positions[i][k];
          break;
        }
      }
    }
    return z;
  }

  /**
   * Rubinstein's alternating-offers split of a unit pie: the first proposer's share {@code (1 - d2)
   * / (1 - d1 d2)} with discount factors d1 (proposer) and d2 (responder).
   */
  public static double rubinstein(double d1, double d2) {
    return (1 - d2) / (1 - d1 * d2);
  }

  /**
   * The parties' capability-weighted Nash bargaining point inside their red lines, or null when
   * they leave none. Solved as the protocol solves its draft ({@link NashDraft#exact}): Nelder-Mead
   * stops short of the maximum in about a fifth of the baseline's draws.
   */
  public static double[] nash(Inputs in, int[] parties) {
    return NashDraft.exact(in, parties, new int[0]);
  }
}
