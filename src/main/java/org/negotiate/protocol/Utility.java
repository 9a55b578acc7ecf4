package org.negotiate.protocol;

import org.negotiate.model.Inputs;

/**
 * How much an actor values a package (docs/mediated.md step 2): the salience-weighted sum over
 * issues of {@code v(d) = (1 - d)(1 + rho d)}, d the distance from its ideal over the scale's
 * width. So a utility lies in [0, 1] and an actor's own ideal is worth 1. Risk-averse actors (rho
 * &gt; 0) lose little for small departures and much for large ones.
 */
public final class Utility {
  private Utility() {}

  public static double value(double distance, double risk) {
    return (1 - distance) * (1 + risk * distance);
  }

  /** Actor i's own utility of package z (saliences used as shares, so that u lies in [0, 1]). */
  public static double own(Inputs in, int i, double[] z) {
    double u = 0;
    double w = 0;
    for (int k = 0; k < in.issues; k++) {
      double s = in.salience(i, k);
      u += s * value(Math.abs(z[k] - in.position(i, k)) / 100.0, in.risk(i));
      w += s;
    }
    return w > 0 ? u / w : 1;
  }

  /**
   * Actor i's judgement of z, counting the utilities of the actors it is tied to: Türkiye weighs
   * what the opposition it backs would get.
   */
  public static double judged(Inputs in, int i, double[] z) {
    double tied = 0;
    double weight = 0;
    for (int j = 0; j < in.actors; j++) {
      double eta = in.tie(i, j);
      if (eta > 0) {
        weight += eta;
        tied += eta * own(in, j, z);
      }
    }
    return weight == 0 ? own(in, i, z) : (1 - weight) * own(in, i, z) + tied;
  }
}
