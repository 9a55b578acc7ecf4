package org.negotiate.protocol;

/**
 * A party's judgement ({@link Utility#judged}) along the segment from its ideal x to a text, as a
 * function of the share m in [0, 1] travelled: {@code J(m) = judged(x + m (text - x))}. Every piece
 * {@code v(|z_k - x_jk| / 100)} of it is a quadratic in m once the side of each kink is known, so J
 * is a quadratic between kinks, summed here from one coefficient set per side of each piece.
 *
 * <p>What it is for: the offer's bisection (docs/mediated.md step 7) asks 40 times whether J(m)
 * &ge; a. Where this quadratic is further from a than {@link #margin()} the answer is certain and
 * the same as the exact evaluation's, whose rounding is many orders of magnitude below the margin;
 * only nearer a (the last few halvings) is J evaluated exactly. So the offer is the same double,
 * for less work. Reusable: {@link #load} overwrites every value it later reads.
 */
final class SegmentJudgement {
  private int pieces;
  // grown to the pieces a load needs (a replication makes one of these)
  private double[] offset = new double[0];
  private double[] slope = new double[0];
  private double[] aUp = new double[0];
  private double[] aDown = new double[0];
  private double[] bUp = new double[0];
  private double[] bDown = new double[0];
  private double[] c = new double[0];
  private double[] share = new double[0];
  private double constant;
  private double margin;

  /** Whether the sums below hold (cleared by a load). */
  private boolean summed;

  /** The open interval of m around the last one summed where no piece changes side. */
  private double from;

  private double to;

  /** J's coefficients on that interval: J(m) = sumA + m (sumB + m sumC). */
  private double sumA;

  private double sumB;
  private double sumC;

  /**
   * Loads J for party i from its ideal {@code x} along {@code toText} (text - x per issue), given
   * the rows {@link Utility#own} reads (per actor: saliences, ideals, risk, the saliences' sum) and
   * i's ties (actors and weights, as {@link Utility#judged} counts them).
   */
  void load(
      int i,
      double[] x,
      double[] toText,
      double[][] salience,
      double[][] ideal,
      double[] risk,
      double[] salienceSum,
      int[] tiedTo,
      double[] tieWeight) {
    int most = (1 + tiedTo.length) * x.length;
    if (offset.length < most) {
      offset = new double[most];
      slope = new double[most];
      aUp = new double[most];
      aDown = new double[most];
      bUp = new double[most];
      bDown = new double[most];
      c = new double[most];
      share = new double[most];
    }
    double weight = 0;
    for (double w : tieWeight) weight += w;
    pieces = 0;
    constant = 0;
    summed = false;
    row(i, weight == 0 ? 1 : 1 - weight, x, toText, salience, ideal, risk, salienceSum);
    for (int q = 0; q < tiedTo.length; q++)
      row(tiedTo[q], tieWeight[q], x, toText, salience, ideal, risk, salienceSum);
    double size = Math.abs(constant);
    for (int t = 0; t < pieces; t++) {
      size += Math.abs(aUp[t]) + Math.abs(bUp[t]) + Math.abs(aDown[t]) + Math.abs(bDown[t]);
      size += Math.abs(c[t]) + Math.abs(share[t]);
    }
    // How far the two evaluations can be apart, relative to the size of what they sum: the exact
    // one by about 4e-15 (the ideal-to-text point rounded to 1e-14 of the scale, then a dozen
    // operations of relative error 1.1e-16 a piece), this one by a few units in the last place of
    // each coefficient (about 3e-14), and each by at most 1.1e-16 a piece in its sums. The margin
    // is some 50 to 100 times that. (NaN or infinite: no comparison is certain.)
    margin = (2e-12 + 2e-14 * pieces) * size + 1e-15;
  }

  private void row(
      int j,
      double share,
      double[] x,
      double[] toText,
      double[][] salience,
      double[][] ideal,
      double[] risk,
      double[] salienceSum) {
    double w = salienceSum[j];
    if (!(w > 0)) {
      constant += share; // Utility.own is 1 without saliences
      return;
    }
    double rho = risk[j];
    double[] s = salience[j];
    double[] xj = ideal[j];
    for (int k = 0; k < s.length; k++) {
      if (s[k] == 0) continue;
      double f = share * s[k] / w;
      // dist = side (e + m d) / 100, side the sign of e + m d; with alpha = e / 100 and beta =
      // d / 100, v = (1 - side (alpha + beta m))(1 + rho side (alpha + beta m))
      double e = x[k] - xj[k];
      double d = toText[k];
      double alpha = e / 100.0;
      double beta = d / 100.0;
      offset[pieces] = e;
      slope[pieces] = d;
      aUp[pieces] = f * (1 - alpha) * (1 + rho * alpha);
      bUp[pieces] = f * (-beta * (1 + rho * alpha) + rho * beta * (1 - alpha));
      aDown[pieces] = f * (1 + alpha) * (1 - rho * alpha);
      bDown[pieces] = f * (beta * (1 - rho * alpha) - rho * beta * (1 + alpha));
      c[pieces] = -f * rho * beta * beta;
      this.share[pieces] = f;
      pieces++;
    }
  }

  /** Certain answers lie further than this from the aspiration. */
  double margin() {
    return margin;
  }

  /** J(m), to within far less than {@link #margin()}. */
  double at(double m) {
    // Between the kinks nearest the last m summed the sides are the same: only the quadratic. (A
    // kink computed a rounding away from the true one is harmless: v is continuous there, so the
    // wrong side's quadratic differs by far less than the margin.)
    if (!summed || !(m > from && m < to)) sum(m);
    return sumA + m * (sumB + m * sumC);
  }

  /**
   * The open interval around the m last summed on which {@link #a()}, {@link #b()} and {@link #c()}
   * give J(m) = a + m (b + m c), for a caller that keeps them in locals (as {@link #at}).
   */
  double from() {
    return from;
  }

  double to() {
    return to;
  }

  double a() {
    return sumA;
  }

  double b() {
    return sumB;
  }

  double c() {
    return sumC;
  }

  /** The coefficients of the sides at m, and the kinks around m where a side changes. */
  void sum(double m) {
    double a = constant;
    double b = 0;
    double cc = 0;
    double below = Double.NEGATIVE_INFINITY;
    double above = Double.POSITIVE_INFINITY;
    // the arrays in locals, and MinMax for Math's min and max: C1 reloads a field on every use and
    // calls the library's min and max
    final int pieces = this.pieces;
    final double[] offset = this.offset;
    final double[] slope = this.slope;
    final double[] aUp = this.aUp;
    final double[] aDown = this.aDown;
    final double[] bUp = this.bUp;
    final double[] bDown = this.bDown;
    final double[] c = this.c;
    for (int t = 0; t < pieces; t++) {
      double st = slope[t];
      boolean down = offset[t] + m * st < 0;
      a += down ? aDown[t] : aUp[t];
      b += down ? bDown[t] : bUp[t];
      cc += c[t];
      if (st != 0) {
        double kink = -offset[t] / st;
        // a kink at m itself closes the interval on both sides (the side at m says nothing)
        if (kink >= m) above = MinMax.min(above, kink);
        if (kink <= m) below = MinMax.max(below, kink);
      }
    }
    sumA = a;
    sumB = b;
    sumC = cc;
    from = below;
    to = above;
    summed = true;
  }
}
