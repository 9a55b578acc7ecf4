package org.negotiate.experiment;

import org.apache.commons.math3.util.FastMath;

/**
 * 95% intervals for the difference of two proportions, {@code pB − pA}, from the counts of a paired
 * 2×2 table (both runs of replication i agreed, only A's, only B's, neither) or from two
 * independent samples.
 *
 * <p><b>Paired</b>: Newcombe's hybrid score interval for paired data (Newcombe 1998, Statistics in
 * Medicine 17:2635–2650, method 10; as worked in Altman et al., <i>Statistics with Confidence</i>,
 * 2nd ed., 2000, p. 52): the Wilson limits of each proportion, combined with the correlation {@code
 * φ} of the pair, whose numerator {@code n11·n00 − n10·n01} is reduced by {@code n/2} when positive
 * (to 0 if that makes it negative) and 0 when the table has an empty margin. With common random
 * numbers the correlation is what makes the paired interval narrower than the independent one. One
 * exception: when no replication is discordant ({@code n10 = n01 = 0}) the difference is exactly 0
 * in every replication and the interval is [0, 0], which is what the Wald interval on the
 * per-replication differences {@code d_i} gives (their variance is 0). The score interval would
 * instead allow for discordant pairs that never occurred (about ±z²/n), which for a scenario
 * compared with itself is no uncertainty at all.
 *
 * <p><b>Unpaired</b>: Newcombe's hybrid score interval for independent proportions (Newcombe 1998,
 * Statistics in Medicine 17:873–890, method 10), for comparison: what the interval would be if the
 * two scenarios had been run with unrelated draws.
 */
public final class Proportions {
  /** The 97.5% standard normal quantile. */
  public static final double Z = 1.959963984540054;

  private Proportions() {}

  /** A difference with its interval. */
  public record Interval(double estimate, double lower, double upper) {
    public double width() {
      return upper - lower;
    }
  }

  /**
   * 95% Wilson score interval for x successes in n trials, as {lower, upper} (Commons Math's {@code
   * WilsonScoreInterval}, clipped to [0, 1]); [0, 1] when there are no trials (every replication
   * failed: nothing is known). The one Wilson interval of the project.
   */
  public static double[] wilson(long n, long x) {
    if (n <= 0) return new double[] {0, 1};
    int trials = (int) n;
    int successes = (int) x;
    if (trials <= 0 || successes < 0 || successes > trials) {
      // Commons Math's own checks and messages
      org.apache.commons.math3.stat.interval.ConfidenceInterval ci =
          new org.apache.commons.math3.stat.interval.WilsonScoreInterval()
              .createInterval(trials, successes, 0.95);
      return new double[] {Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound())};
    }
    // WilsonScoreInterval.createInterval's arithmetic, operation for operation (the same doubles),
    // without the normal distribution and its random generator it builds at every call
    double mean = (double) successes / (double) trials;
    double factor = 1.0 / (1 + (1.0 / trials) * Z95_SQUARED);
    double modifiedSuccessRatio = mean + (1.0 / (2 * trials)) * Z95_SQUARED;
    double difference =
        Z95
            * FastMath.sqrt(
                1.0 / trials * mean * (1 - mean)
                    + (1.0 / (4 * FastMath.pow((double) trials, 2)) * Z95_SQUARED));
    double lower = factor * (modifiedSuccessRatio - difference);
    double upper = factor * (modifiedSuccessRatio + difference);
    return new double[] {Math.max(0, lower), Math.min(1, upper)};
  }

  /** The standard normal's 97.5% quantile, as WilsonScoreInterval computes it for 95%. */
  private static final double Z95 =
      new org.apache.commons.math3.distribution.NormalDistribution()
          .inverseCumulativeProbability(1 - (1.0 - 0.95) / 2);

  private static final double Z95_SQUARED = FastMath.pow(Z95, 2);

  /**
   * Paired difference {@code pB − pA} from the paired table: {@code both} runs agreed, {@code
   * onlyA}, {@code onlyB}, {@code neither}.
   */
  public static Interval paired(long both, long onlyA, long onlyB, long neither) {
    long n = both + onlyA + onlyB + neither;
    if (n == 0) return new Interval(0, -1, 1);
    double pA = (double) (both + onlyA) / n;
    double pB = (double) (both + onlyB) / n;
    double d = pB - pA;
    if (onlyA == 0 && onlyB == 0) return new Interval(0, 0, 0);
    double[] a = wilson(n, both + onlyA);
    double[] b = wilson(n, both + onlyB);
    // phi of the table with B as the first variable: (n11 n00 - nB-only nA-only) / sqrt(margins)
    double margins =
        (double) (both + onlyB) * (onlyA + neither) * (both + onlyA) * (onlyB + neither);
    double phi = 0;
    if (margins > 0) {
      double num = (double) both * neither - (double) onlyA * onlyB;
      if (num > n / 2.0) num -= n / 2.0;
      else if (num > 0) num = 0;
      phi = num / Math.sqrt(margins);
    }
    // Newcombe: theta = p1 - p2 with p1 = pB, p2 = pA
    double dl = sq(pB - b[0]) - 2 * phi * (pB - b[0]) * (a[1] - pA) + sq(a[1] - pA);
    double du = sq(b[1] - pB) - 2 * phi * (b[1] - pB) * (pA - a[0]) + sq(pA - a[0]);
    double lower = Math.max(-1, d - Math.sqrt(Math.max(0, dl)));
    double upper = Math.min(1, d + Math.sqrt(Math.max(0, du)));
    return new Interval(d, lower, upper);
  }

  /** Difference {@code pB − pA} of two independent proportions {@code xA/nA}, {@code xB/nB}. */
  public static Interval unpaired(long xA, long nA, long xB, long nB) {
    double pA = nA == 0 ? 0 : (double) xA / nA;
    double pB = nB == 0 ? 0 : (double) xB / nB;
    double[] a = wilson(nA, xA);
    double[] b = wilson(nB, xB);
    double d = pB - pA;
    double lower = d - Math.sqrt(sq(pB - b[0]) + sq(a[1] - pA));
    double upper = d + Math.sqrt(sq(b[1] - pB) + sq(pA - a[0]));
    return new Interval(d, Math.max(-1, lower), Math.min(1, upper));
  }

  private static double sq(double x) {
    return x * x;
  }
}
