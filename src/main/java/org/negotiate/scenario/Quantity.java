package org.negotiate.scenario;

import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;

/**
 * A scenario number: either a fixed value or a distribution a Monte Carlo replication draws from.
 * Drawing is by inverse CDF from one uniform number, so the same uniform gives a monotone,
 * comparable value across what-ifs (common random numbers) and across sensitivity designs.
 */
public sealed interface Quantity extends java.io.Serializable
    permits Quantity.Fixed, Quantity.Uniform, Quantity.Triangular, Quantity.Normal, Quantity.Beta {

  /** The value used when nothing is drawn: the fixed value, the mode or the mean. */
  double nominal();

  /** Smallest value a draw can take. */
  double min();

  /** Largest value a draw can take. */
  double max();

  /** The value at cumulative probability {@code u} in [0, 1]. */
  double quantile(double u);

  default boolean uncertain() {
    return !(this instanceof Fixed);
  }

  /**
   * The same text {@code --set} and the YAML string form accept, e.g. {@code triangular(5, 15,
   * 30)}.
   */
  String describe();

  static Quantity of(double value) {
    return new Fixed(value);
  }

  record Fixed(double value) implements Quantity {
    public double nominal() {
      return value;
    }

    public double min() {
      return value;
    }

    public double max() {
      return value;
    }

    public double quantile(double u) {
      return value;
    }

    public String describe() {
      return fmt(value);
    }

    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Fixed that && Double.compare(value, that.value) == 0;
    }

    @Override
    public int hashCode() {
      int h = Double.hashCode(value);
      return h;
    }
  }

  record Uniform(double lo, double hi) implements Quantity {
    public double nominal() {
      return (lo + hi) / 2;
    }

    public double min() {
      return lo;
    }

    public double max() {
      return hi;
    }

    public double quantile(double u) {
      return lo + clamp01(u) * (hi - lo);
    }

    public String describe() {
      return "uniform(" + fmt(lo) + ", " + fmt(hi) + ")";
    }

    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Uniform that
              && Double.compare(lo, that.lo) == 0
              && Double.compare(hi, that.hi) == 0;
    }

    @Override
    public int hashCode() {
      int h = Double.hashCode(lo);
      h = 31 * h + Double.hashCode(hi);
      return h;
    }
  }

  record Triangular(double lo, double mode, double hi) implements Quantity {
    public double nominal() {
      return mode;
    }

    public double min() {
      return lo;
    }

    public double max() {
      return hi;
    }

    public double quantile(double u) {
      if (hi == lo) return lo;
      // a mode outside the range: Commons Math's own exception, as before
      if (!(lo <= mode && mode <= hi && lo < hi))
        return new TriangularDistribution(null, lo, mode, hi)
            .inverseCumulativeProbability(clamp01(u));
      // Commons Math's inverse, the same operations in the same order, without building the
      // distribution (and its random generator) at every draw
      double p = clamp01(u);
      if (p == 0) return lo;
      if (p == 1) return hi;
      if (p < (mode - lo) / (hi - lo)) return lo + Math.sqrt(p * (hi - lo) * (mode - lo));
      return hi - Math.sqrt((1 - p) * (hi - lo) * (hi - mode));
    }

    public String describe() {
      return "triangular(" + fmt(lo) + ", " + fmt(mode) + ", " + fmt(hi) + ")";
    }

    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Triangular that
              && Double.compare(lo, that.lo) == 0
              && Double.compare(mode, that.mode) == 0
              && Double.compare(hi, that.hi) == 0;
    }

    @Override
    public int hashCode() {
      int h = Double.hashCode(lo);
      h = 31 * h + Double.hashCode(mode);
      h = 31 * h + Double.hashCode(hi);
      return h;
    }
  }

  /** Normal truncated to [lo, hi] (the field's valid range unless the file narrows it). */
  record Normal(double mean, double sd, double lo, double hi) implements Quantity {
    public double nominal() {
      return Math.max(lo, Math.min(hi, mean));
    }

    public double min() {
      return lo;
    }

    public double max() {
      return hi;
    }

    public double quantile(double u) {
      if (sd == 0) return nominal();
      NormalDistribution n = new NormalDistribution(null, mean, sd);
      double a = n.cumulativeProbability(lo);
      double b = n.cumulativeProbability(hi);
      if (b - a < 1e-12) return nominal();
      double x = n.inverseCumulativeProbability(a + clamp01(u) * (b - a));
      return Math.max(lo, Math.min(hi, x));
    }

    public String describe() {
      return "normal(" + fmt(mean) + ", " + fmt(sd) + ", " + fmt(lo) + ", " + fmt(hi) + ")";
    }

    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Normal that
              && Double.compare(mean, that.mean) == 0
              && Double.compare(sd, that.sd) == 0
              && Double.compare(lo, that.lo) == 0
              && Double.compare(hi, that.hi) == 0;
    }

    @Override
    public int hashCode() {
      int h = Double.hashCode(mean);
      h = 31 * h + Double.hashCode(sd);
      h = 31 * h + Double.hashCode(lo);
      h = 31 * h + Double.hashCode(hi);
      return h;
    }
  }

  /** Beta(alpha, beta) scaled onto [lo, hi]. */
  record Beta(double alpha, double beta, double lo, double hi) implements Quantity {
    public double nominal() {
      return lo + (hi - lo) * alpha / (alpha + beta);
    }

    public double min() {
      return lo;
    }

    public double max() {
      return hi;
    }

    public double quantile(double u) {
      double q = new BetaDistribution(null, alpha, beta).inverseCumulativeProbability(clamp01(u));
      return lo + (hi - lo) * q;
    }

    public String describe() {
      return "beta(" + fmt(alpha) + ", " + fmt(beta) + ", " + fmt(lo) + ", " + fmt(hi) + ")";
    }

    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Beta that
              && Double.compare(alpha, that.alpha) == 0
              && Double.compare(beta, that.beta) == 0
              && Double.compare(lo, that.lo) == 0
              && Double.compare(hi, that.hi) == 0;
    }

    @Override
    public int hashCode() {
      int h = Double.hashCode(alpha);
      h = 31 * h + Double.hashCode(beta);
      h = 31 * h + Double.hashCode(lo);
      h = 31 * h + Double.hashCode(hi);
      return h;
    }
  }

  private static double clamp01(double u) {
    return u < 0 ? 0 : (u > 1 ? 1 : u);
  }

  /** Shortest plain form of a number: 40 rather than 40.0, 0.25 rather than 2.5E-1. */
  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return String.format(Locale.ROOT, "%s", v);
  }
}
