package org.negotiate.report;

import java.util.Locale;

/**
 * How the tables and briefs write numbers: plain ASCII digits, a point for the decimals and an
 * ASCII minus, whatever the machine's locale, so pandas, R and a spreadsheet read them as numbers.
 */
public final class Numbers {
  private Numbers() {}

  /** {@code v} with {@code decimals} places, e.g. 0.333333; empty for NaN (a missing value). */
  public static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) return "";
    // Half points (the position bands' bins) to one decimal without a format string: the large
    // tables write hundreds of thousands of them; the digits are those of the format below.
    if (decimals == 1
        && Double.doubleToRawLongBits(v) >= 0
        && v < 1e9
        && v * 2 == Math.rint(v * 2)) { // not -0.0: "-0.0"
      long halves = (long) (v * 2);
      return (halves / 2) + ((halves & 1) == 0 ? ".0" : ".5");
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /**
   * As {@link #fixed}, but a value that rounds to zero is written without a sign ("0.000000", never
   * "-0.000000").
   */
  public static String fixedUnsignedZero(double v, int decimals) {
    String s = fixed(v, decimals);
    return s.startsWith("-") && s.chars().skip(1).allMatch(c -> c == '0' || c == '.')
        ? s.substring(1)
        : s;
  }

  /**
   * A number as a person would write it: 40, 0.35, 57.5 (three significant digits unless whole).
   */
  public static String plain(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(3))
        .stripTrailingZeros()
        .toPlainString();
  }
}
