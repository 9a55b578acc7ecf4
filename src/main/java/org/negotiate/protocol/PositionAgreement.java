package org.negotiate.protocol;

import org.negotiate.model.Inputs;
import org.negotiate.protocol.RoundClose.BlockReason;
import org.negotiate.protocol.RoundClose.Ending;

/**
 * Agreement for protocols that have no accept step (expected utility, the spatial model): a deal is
 * reached when every party's position lies within the agreement rule's tolerance of every other
 * party's on every issue and the terms respect every party's red lines and are worth at least its
 * reservation utility to it: the same definition of a deal as the mediated protocol's (a text
 * inside every party's red lines and above its reservation), so odds compare like with like. Its
 * terms are the parties' capability-and-salience weighted mean; when the run ends without one, the
 * blocker is the party whose red line the converged terms break, or else the party standing
 * furthest from the others.
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

  /** The first party (in the given order) whose red line the terms break on some issue, or -1. */
  static int redLineBreached(Inputs in, double[] terms, int[] parties) {
    for (int p : parties) {
      for (int k = 0; k < in.issues; k++) {
        if (terms[k] < in.redLineMin(p, k) - 1e-9 || terms[k] > in.redLineMax(p, k) + 1e-9)
          return p;
      }
    }
    return -1;
  }

  /** The first party (in the given order) that judges the terms worth less than no deal, or -1. */
  static int belowReservation(Inputs in, double[] terms, int[] parties) {
    for (int p : parties) if (Utility.judged(in, p, terms) < in.reservation(p) - 1e-9) return p;
    return -1;
  }

  /** The parties' capability × salience weighted mean position on each issue. */
  public static double[] terms(Inputs in, double[][] positions, int[] parties) {
    double[] z = new double[in.issues];
    for (int k = 0; k < in.issues; k++) {
      double w = 0;
      double sum = 0;
      for (int p : parties) {
        double weight = in.capability(p) * in.salience(p, k);
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
          double weight = in.capability(q) * in.salience(q, k);
          w += weight;
          sum += weight * positions[q][k];
        }
        if (w > 0) d += in.salience(p, k) * Math.abs(positions[p][k] - sum / w);
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
  public static RoundClose close(
      Inputs in,
      double[][] positions,
      int[] parties,
      double tolerance,
      int round,
      int rounds,
      boolean stopped) {
    int vetoes = -1;
    int refuses = -1;
    if (parties.length > 0 && reached(positions, parties, tolerance)) {
      double[] terms = terms(in, positions, parties);
      vetoes = redLineBreached(in, terms, parties);
      if (vetoes < 0) refuses = belowReservation(in, terms, parties);
      if (vetoes < 0 && refuses < 0) return new RoundClose(Ending.AGREED, terms, -1, null);
    }
    boolean last = round >= rounds - 1;
    // The blocker is named only when the run ends (it costs parties² × issues).
    if (!stopped && !last) return RoundClose.CONTINUE;
    // Converged terms that break a party's red line are no deal: that party blocks them.
    // Converged terms worth less than no deal to a party are no deal either: that party blocks
    // them.
    int blocker = vetoes >= 0 ? vetoes : refuses >= 0 ? refuses : blocker(in, positions, parties);
    BlockReason reason =
        vetoes >= 0
            ? BlockReason.RED_LINE
            : refuses >= 0 ? BlockReason.ASPIRATION : BlockReason.DISTANCE;
    return new RoundClose(stopped ? Ending.STOPPED : Ending.ROUND_LIMIT, null, blocker, reason);
  }
}
