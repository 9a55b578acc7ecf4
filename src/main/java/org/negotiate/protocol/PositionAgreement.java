package org.negotiate.protocol;

import org.negotiate.model.Inputs;
import org.negotiate.protocol.RoundClose.BlockReason;
import org.negotiate.protocol.RoundClose.Ending;

/**
 * Agreement for protocols that have no accept step (expected utility, the spatial model): a deal
 * is reached when every party's position lies within the agreement rule's tolerance of every other
 * party's on every issue. Its terms are the parties' capability-and-salience weighted mean; when
 * the run ends without one, the blocker is the party standing furthest from the others.
 */
public final class PositionAgreement {
  private PositionAgreement() {}

  /** Every pair of parties within {@code tolerance} on every issue. */
  public static boolean reached(double[][] positions, int[] parties, double tolerance) {
    for (int a = 0; a < parties.length; a++) {
      for (int b = a + 1; b < parties.length; b++) {
        double[] x = positions[parties[a]];
        double[] y = positions[parties[b]];
        for (int k = 0; k < x.length; k++) if (Math.abs(x[k] - y[k]) > tolerance) return false;
      }
    }
    return true;
  }

  /** The parties' capability × salience weighted mean position on each issue. */
  public static double[] terms(Inputs in, double[][] positions, int[] parties) {
    double[] z = new double[in.issues];
    for (int k = 0; k < in.issues; k++) {
      double w = 0;
      double sum = 0;
      for (int p : parties) {
        double weight = in.capability[p] * in.salience[p][k];
        w += weight;
        sum += weight * positions[p][k];
      }
      z[k] = w > 0 ? sum / w : positions[parties[0]][k];
    }
    return z;
  }

  /**
   * The party furthest from the rest: the largest salience-weighted distance between its position
   * and the weighted mean of the other parties' positions.
   */
  public static int blocker(Inputs in, double[][] positions, int[] parties) {
    int worst = parties[0];
    double worstDistance = -1;
    for (int p : parties) {
      double d = 0;
      for (int k = 0; k < in.issues; k++) {
        double w = 0;
        double sum = 0;
        for (int q : parties) {
          if (q == p) continue;
          double weight = in.capability[q] * in.salience[q][k];
          w += weight;
          sum += weight * positions[q][k];
        }
        if (w > 0) d += in.salience[p][k] * Math.abs(positions[p][k] - sum / w);
      }
      if (d > worstDistance) {
        worstDistance = d;
        worst = p;
      }
    }
    return worst;
  }

  /**
   * How a round of a forecasting protocol ends: agreement if the parties are within tolerance;
   * otherwise the protocol's own stop ({@code stopped}) or the round limit ends it with a blocker.
   */
  public static RoundClose close(Inputs in, double[][] positions, int[] parties, double tolerance,
      int round, int rounds, boolean stopped) {
    if (parties.length > 0 && reached(positions, parties, tolerance)) {
      return new RoundClose(Ending.AGREED, terms(in, positions, parties), -1, null);
    }
    if (stopped) return new RoundClose(Ending.STOPPED, null, blocker(in, positions, parties), BlockReason.DISTANCE);
    if (round >= rounds - 1) {
      return new RoundClose(Ending.ROUND_LIMIT, null, blocker(in, positions, parties), BlockReason.DISTANCE);
    }
    return RoundClose.CONTINUE;
  }
}
