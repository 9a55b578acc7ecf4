package org.negotiate.report;

import java.util.Locale;

/** Small helpers for the exploration CSVs: fixed locale and precision, RFC 4180 quoting. */
final class Csv {
  private Csv() {}

  /** A number with {@code decimals} places, or empty for NaN. */
  static String num(double v, int decimals) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A text field, quoted when it holds a comma, quote or line break. */
  static String text(String s) {
    if (s == null) return "";
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
