package org.negotiate.protocol;

import org.negotiate.model.Inputs;

/**
 * Reference points computed directly, with no rounds, for comparison with any protocol's outcome:
 * Achen's compromise model (the capability × salience weighted mean of every actor's ideal) and
 * the asymmetric Nash bargaining point of the parties inside their red lines (the mediated
 * protocol's draft without any mediator's lean).
 */
public final class ReferencePoints {
  private ReferencePoints() {}

  /** Σ c_i s_ik x_ik / Σ c_i s_ik over all actors, per issue. */
  public static double[] compromise(Inputs in) {
    double[] z = new double[in.issues];
    for (int k = 0; k < in.issues; k++) {
      double w = 0;
      double sum = 0;
      for (int i = 0; i < in.actors; i++) {
        double weight = in.capability[i] * in.salience[i][k];
        w += weight;
        sum += weight * in.position[i][k];
      }
      z[k] = w > 0 ? sum / w : Double.NaN;
    }
    return z;
  }

  /** The parties' capability-weighted Nash bargaining point inside their red lines, or null when they leave none. */
  public static double[] nash(Inputs in, int[] parties) {
    return NashDraft.draft(in, parties, new int[0]);
  }
}
