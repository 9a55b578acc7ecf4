package org.negotiate.protocol.analysis;

import java.util.Arrays;
import java.util.Locale;

/**
 * A package and what it is worth: {@code terms} per issue on the 0–100 scale, {@code utilities} the
 * parties' judged utilities of it, in the order the parties were given to {@link OutcomeSpace#of}.
 * Both arrays are copied in and out.
 */
public record Outcome(double[] terms, double[] utilities) {
  public Outcome {
    terms = terms.clone();
    utilities = utilities.clone();
  }

  @Override
  public double[] terms() {
    return terms.clone();
  }

  @Override
  public double[] utilities() {
    return utilities.clone();
  }

  /** Party q's utility (q an index into the party list, not an actor index). */
  public double utility(int q) {
    return utilities[q];
  }

  /** The term on issue k. */
  public double term(int k) {
    return terms[k];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Outcome other
        && Arrays.equals(terms, other.terms)
        && Arrays.equals(utilities, other.utilities);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(terms) + Arrays.hashCode(utilities);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Outcome[terms=");
    append(sb, terms, "%.3f");
    sb.append(", utilities=");
    append(sb, utilities, "%.5f");
    return sb.append(']').toString();
  }

  private static void append(StringBuilder sb, double[] v, String fmt) {
    sb.append('(');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(String.format(Locale.ROOT, fmt, v[i]));
    }
    sb.append(')');
  }
}
