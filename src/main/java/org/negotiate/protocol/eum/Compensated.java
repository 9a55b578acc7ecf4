package org.negotiate.protocol.eum;

/**
 * Error-free transformations for compensated sums: a sum is carried as an unevaluated pair hi + lo,
 * hi the rounded sum and lo the accumulated rounding errors (|lo| ≪ |hi|). Used by the all-pairs
 * probability ({@link AllPairsProbabilities}), whose differences of running sums would otherwise
 * lose up to some hundred units in the last place. Static and allocation-free, so the JIT inlines
 * them into the hot loops with the same floating-point operations in the same order.
 */
final class Compensated {
  private Compensated() {}

  /**
   * The exact rounding error of {@code sum = a + b} (Knuth's TwoSum): a + b = sum + error exactly.
   * {@code sum} must be the rounded {@code a + b} (or {@code a - (-b)}, the same value).
   */
  static double sumError(double a, double b, double sum) {
    double bb = sum - a;
    return (a - (sum - bb)) + (b - bb);
  }

  /** The exact rounding error of {@code product = a · b}: a·b = product + error exactly. */
  static double productError(double a, double b, double product) {
    return Math.fma(a, b, -product);
  }
}
