package org.negotiate.protocol.eum;

/**
 * {@link Math#pow} without the call where the result is known: a call costs some 20 ns, and a round
 * of case A asks for about 150 powers, many of them of a distance 0 or 1 (actors at the ends of the
 * range) or with the exponent 1 (the round's first pass).
 */
final class Powers {
  private Powers() {}

  /**
   * Math.pow(b, e), bit for bit (but a NaN's payload): b when e is 1, and for a finite e &gt; 0, +0
   * when b is +0 (both fixed by Math.pow's specification) and 1 when b is 1 (what Math.pow returns
   * for every such e, as fdlibm's StrictMath.pow does: checked by {@code PowersTest}).
   */
  static double pow(double b, double e) {
    if (e == 1.0) return b;
    if (e > 0 && e < Double.POSITIVE_INFINITY) {
      if (Double.doubleToRawLongBits(b) == 0L) return 0.0;
      if (b == 1.0) return 1.0;
    }
    return Math.pow(b, e);
  }
}
