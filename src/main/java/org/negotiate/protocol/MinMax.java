package org.negotiate.protocol;

/**
 * {@link Math#max(double, double)} and {@link Math#min(double, double)}, the same double for every
 * pair (NaN and signed zeros included), in methods small enough for C1 to inline: the library's are
 * 45 bytes of bytecode, over C1's limit of 35, so on the launcher's C1 each was a real call, and
 * the draft's solver makes them in its innermost loops. The common case (one strictly larger) is
 * decided inline; ties and NaN go to the rare path, which follows the library's rules.
 */
final class MinMax {
  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

  private MinMax() {}

  // Each is at most 35 bytes of bytecode (C1's limit): equal non-zero values are common (a term's
  // one-sided slopes off a kink) and answered inline too.
  static double max(double a, double b) {
    if (a > b || (a == b && a != 0)) return a;
    if (a < b) return b;
    return maxTie(a, b);
  }

  static double min(double a, double b) {
    if (a < b || (a == b && a != 0)) return a;
    if (a > b) return b;
    return minTie(a, b);
  }

  /**
   * {@link Math#max(double, double)} of two values neither of which is -0.0 (magnitudes, and maxima
   * of them from 0): then only a NaN needs a rule of its own, and the whole is inline.
   */
  static double maxOfMagnitudes(double a, double b) {
    return a >= b || a != a ? a : b;
  }

  /** Neither is larger: zeros (+0.0 is the larger) or a NaN (the first NaN wins). */
  private static double maxTie(double a, double b) {
    if (a != a) return a;
    if (b != b) return b;
    return Double.doubleToRawLongBits(a) == NEGATIVE_ZERO ? b : a;
  }

  /**
   * Neither is smaller: equal (signed zeros: -0.0 is the smaller) or a NaN (the first NaN wins).
   */
  private static double minTie(double a, double b) {
    if (a != a) return a;
    if (b != b) return b;
    return Double.doubleToRawLongBits(b) == NEGATIVE_ZERO ? b : a;
  }
}
