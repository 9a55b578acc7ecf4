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
    String digits = decimals >= 0 && decimals <= 9 ? roundedDigits(v, decimals) : null;
    return digits != null ? digits : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /**
   * What {@code %.Nf} writes, without a format string, for 0.001 &le; |v| &lt; 10^7; null outside.
   * The formatter rounds the shortest decimal digits of {@code v} (those of {@link
   * Double#toString}) half up, looking at the first digit dropped; in that range {@code
   * Double.toString} writes those digits in plain notation, so rounding them here as text gives the
   * same characters.
   */
  private static String roundedDigits(double v, int decimals) {
    double a = Math.abs(v);
    if (!(a >= 1e-3 && a < 1e7)) return null;
    String d = Double.toString(a); // "123.4567": plain in this range
    int point = d.indexOf('.');
    if (point < 0 || d.indexOf('E') >= 0) return null;
    int fraction = d.length() - point - 1;
    StringBuilder b = new StringBuilder(point + 2 + decimals);
    if (v < 0) b.append('-');
    if (fraction <= decimals) { // (never with no decimals: there is always one fraction digit)
      b.append(d);
      for (int i = fraction; i < decimals; i++) b.append('0');
      return b.toString();
    }
    // keep the integer digits and the first `decimals` fraction digits; round up on the next
    char[] kept = new char[point + decimals];
    d.getChars(0, point, kept, 0);
    d.getChars(point + 1, point + 1 + decimals, kept, point);
    boolean carry = d.charAt(point + 1 + decimals) >= '5';
    for (int i = kept.length - 1; carry && i >= 0; i--) {
      if (kept[i] == '9') kept[i] = '0';
      else {
        kept[i]++;
        carry = false;
      }
    }
    if (carry) b.append('1');
    b.append(kept, 0, point);
    if (decimals > 0) b.append('.').append(kept, point, decimals);
    return b.toString();
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
