package org.negotiate.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and checking of scenario numbers, shared by the YAML loader, events and {@code --set}.
 *
 * <p>Accepted text: a plain number ({@code 40}, {@code 0.25}, {@code -1e-3}) or one of
 *
 * <ul>
 *   <li>{@code uniform(lo, hi)}
 *   <li>{@code triangular(lo, mode, hi)}
 *   <li>{@code normal(mean, sd)} or {@code normal(mean, sd, lo, hi)}: truncated to [lo, hi], which
 *       default to the field's valid range
 *   <li>{@code beta(a, b)} or {@code beta(a, b, lo, hi)}: scaled onto [lo, hi], which default to
 *       the field's valid range
 * </ul>
 *
 * Parameters must be consistent (lo &le; mode &le; hi, sd &ge; 0, a, b &gt; 0) and every value the
 * quantity can take must lie in the field's range. Where the field's range is open at an end
 * (capability &gt; 0, reservation &lt; 1, flexibility &gt; 0, ties &lt; 1), {@code normal} and
 * {@code beta} need explicit bounds, because the default bound would itself be invalid.
 */
public final class Quantities {

  private Quantities() {}

  static final String NUMBER = "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";
  private static final Pattern PLAIN = Pattern.compile(NUMBER);
  private static final Pattern CALL = Pattern.compile("([A-Za-z_]+)\\s*\\((.*)\\)", Pattern.DOTALL);
  static final String FORMS =
      "uniform(lo, hi), triangular(lo, mode, hi), normal(mean, sd[, lo, hi]) or beta(a, b[, lo, hi])";

  /**
   * Parses a number or distribution and checks it against the field's valid range.
   *
   * @param text e.g. {@code 40}, {@code triangular(5, 15, 30)}
   * @param field the field's name or path, carried by the exception
   * @param range the field's valid range (also the default bounds of normal and beta)
   * @throws QuantityException with a message such as {@code expected a number in [0,1], got "high"}
   */
  public static Quantity parse(String text, String field, Range range) throws QuantityException {
    if (text == null)
      throw new QuantityException(field, "expected " + range.expected() + ", got nothing");
    String t = text.strip();
    if (PLAIN.matcher(t).matches()) {
      return fixed(Double.parseDouble(t), field, range);
    }
    Matcher m = CALL.matcher(t);
    if (!m.matches() || range.integer()) {
      boolean callLike = t.indexOf('(') >= 0 && !range.integer();
      throw new QuantityException(
          field,
          "expected "
              + range.expected()
              + (callLike ? " or a distribution " + FORMS : "")
              + ", got "
              + quote(t));
    }
    String name = m.group(1);
    List<Double> a = args(m.group(2), t, field);
    Quantity q;
    switch (name) {
      case "uniform" -> {
        arity(a, t, field, "uniform(lo, hi)", 2);
        if (a.get(0) > a.get(1)) bad(field, t, "needs lo <= hi");
        q = new Quantity.Uniform(a.get(0), a.get(1));
      }
      case "triangular" -> {
        arity(a, t, field, "triangular(lo, mode, hi)", 3);
        if (!(a.get(0) <= a.get(1) && a.get(1) <= a.get(2)))
          bad(field, t, "needs lo <= mode <= hi");
        q = new Quantity.Triangular(a.get(0), a.get(1), a.get(2));
      }
      case "normal" -> {
        arity(a, t, field, "normal(mean, sd) or normal(mean, sd, lo, hi)", 2, 4);
        if (a.get(1) < 0) bad(field, t, "needs sd >= 0");
        double[] b = bounds(a, t, field, range, "normal(mean, sd, lo, hi)");
        q = new Quantity.Normal(a.get(0), a.get(1), b[0], b[1]);
      }
      case "beta" -> {
        arity(a, t, field, "beta(a, b) or beta(a, b, lo, hi)", 2, 4);
        if (!(a.get(0) > 0 && a.get(1) > 0)) bad(field, t, "needs a > 0 and b > 0");
        double[] b = bounds(a, t, field, range, "beta(a, b, lo, hi)");
        q = new Quantity.Beta(a.get(0), a.get(1), b[0], b[1]);
      }
      default ->
          throw new QuantityException(
              field,
              "unknown distribution "
                  + quote(name)
                  + " in "
                  + quote(t)
                  + "; valid forms: "
                  + FORMS);
    }
    checkSupport(q, field, range);
    return q;
  }

  /** A fixed number checked against the range. */
  public static Quantity fixed(double value, String field, Range range) throws QuantityException {
    if (!Double.isFinite(value) || !range.contains(value)) {
      throw new QuantityException(
          field, "expected " + range.expected() + ", got " + Quantity.fmt(value));
    }
    return Quantity.of(value);
  }

  /** Throws unless every value {@code q} can take lies in {@code range}. */
  public static void checkSupport(Quantity q, String field, Range range) throws QuantityException {
    if (q instanceof Quantity.Fixed f) {
      fixed(f.value(), field, range);
      return;
    }
    if (range.integer()) {
      throw new QuantityException(
          field, "expected " + range.expected() + ", got " + quote(q.describe()));
    }
    if (!range.contains(q.min()) || !range.contains(q.max())) {
      double off = range.contains(q.min()) ? q.max() : q.min();
      throw new QuantityException(
          field,
          q.describe()
              + " can take the value "
              + Quantity.fmt(off)
              + ", outside the valid range "
              + range);
    }
    drawable(q, field);
  }

  /** Where {@link #drawable} tries a distribution: both ends, the tails and a grid between them. */
  private static final double[] PROBES;

  static {
    double[] p = new double[4 + 63];
    p[0] = 0;
    p[1] = 1e-12;
    p[2] = 1 - 1e-12;
    p[3] = 1;
    for (int i = 1; i <= 63; i++) p[3 + i] = i / 64.0;
    PROBES = p;
  }

  /** Distributions already found drawable (a large scenario repeats the same few many times). */
  private static final java.util.Map<Drawn, Boolean> DRAWABLE =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Drawn, Boolean> eldest) {
              return size() > 10_000;
            }
          });

  /**
   * A distribution as the cache's key: its kind and its parameters' bits, equal exactly when the
   * quantities are (a record's equals compares doubles as {@link Double#compare} does). Not the
   * quantity itself: a record's equals and hashCode are linked at their first call, which costs
   * every command tens of milliseconds while it loads its scenario.
   */
  static final class Drawn {
    private final Class<?> kind;
    private final long[] bits;
    private final int hash;

    private Drawn(Quantity q, double... p) {
      kind = q.getClass();
      bits = new long[p.length];
      for (int i = 0; i < p.length; i++) bits[i] = Double.doubleToLongBits(p[i]);
      hash = 31 * kind.getName().hashCode() + java.util.Arrays.hashCode(bits);
    }

    /** The key of q, or null for a kind this does not know (then it is not cached). */
    static Drawn of(Quantity q) {
      if (q instanceof Quantity.Uniform u) return new Drawn(q, u.lo(), u.hi());
      if (q instanceof Quantity.Triangular t) return new Drawn(q, t.lo(), t.mode(), t.hi());
      if (q instanceof Quantity.Normal n) return new Drawn(q, n.mean(), n.sd(), n.lo(), n.hi());
      if (q instanceof Quantity.Beta b) return new Drawn(q, b.alpha(), b.beta(), b.lo(), b.hi());
      return null;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Drawn d && d.kind == kind && java.util.Arrays.equals(d.bits, bits);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * Throws unless the sampler can draw from {@code q}: its nominal value and its quantiles from one
   * end to the other are numbers within its bounds. Parameters that pass every other check can
   * still defeat the inverse-CDF solvers (beta(1e300, 1e300)), and every replication would then
   * fail.
   */
  static void drawable(Quantity q, String field) throws QuantityException {
    if (!q.uncertain()) return;
    Drawn key = Drawn.of(q);
    if (key != null && DRAWABLE.containsKey(key)) return;
    double at = Double.NaN;
    String why = null;
    try {
      double v = q.nominal();
      if (!(v >= q.min() && v <= q.max())) why = "its central value is " + Quantity.fmt(v);
      for (int i = 0; why == null && i < PROBES.length; i++) {
        at = PROBES[i];
        v = q.quantile(at);
        if (!(v >= q.min() && v <= q.max()))
          why = "its quantile at " + at + " is " + Quantity.fmt(v);
      }
    } catch (RuntimeException e) {
      why =
          "its quantile at "
              + at
              + " cannot be computed ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")";
    }
    if (why != null) {
      throw new QuantityException(
          field,
          quote(q.describe())
              + " cannot be drawn from: "
              + why
              + "; choose less extreme parameters");
    }
    if (key != null) DRAWABLE.put(key, Boolean.TRUE);
  }

  /**
   * The quantity multiplied by {@code factor} &ge; 0 (every parameter that carries the unit is
   * scaled, so the nominal value, min and max scale exactly).
   */
  public static Quantity scale(Quantity q, double factor) {
    if (q instanceof Quantity.Fixed f) return Quantity.of(f.value() * factor);
    if (q instanceof Quantity.Uniform u)
      return new Quantity.Uniform(u.lo() * factor, u.hi() * factor);
    if (q instanceof Quantity.Triangular t) {
      return new Quantity.Triangular(t.lo() * factor, t.mode() * factor, t.hi() * factor);
    }
    if (q instanceof Quantity.Normal n) {
      return new Quantity.Normal(
          n.mean() * factor, n.sd() * factor, n.lo() * factor, n.hi() * factor);
    }
    Quantity.Beta b = (Quantity.Beta) q;
    return new Quantity.Beta(b.alpha(), b.beta(), b.lo() * factor, b.hi() * factor);
  }

  private static double[] bounds(List<Double> a, String t, String field, Range range, String full)
      throws QuantityException {
    if (a.size() == 4) {
      if (a.get(2) > a.get(3)) bad(field, t, "needs lo <= hi");
      return new double[] {a.get(2), a.get(3)};
    }
    if (range.loOpen() || range.hiOpen()) {
      throw new QuantityException(
          field,
          quote(t)
              + " needs explicit bounds here because the valid range "
              + range
              + " excludes its end; write "
              + full);
    }
    return new double[] {range.lo(), range.hi()};
  }

  private static List<Double> args(String inner, String t, String field) throws QuantityException {
    List<Double> out = new ArrayList<>();
    if (inner.isBlank()) return out;
    for (String part : inner.split(",", -1)) {
      String p = part.strip();
      if (!PLAIN.matcher(p).matches()) {
        throw new QuantityException(
            field, "expected numbers separated by commas in " + quote(t) + ", got " + quote(p));
      }
      double v = Double.parseDouble(p);
      if (!Double.isFinite(v))
        throw new QuantityException(field, "number too large in " + quote(t));
      out.add(v);
    }
    return out;
  }

  private static void arity(List<Double> a, String t, String field, String form, int... counts)
      throws QuantityException {
    for (int c : counts) if (a.size() == c) return;
    throw new QuantityException(field, "expected " + form + ", got " + quote(t));
  }

  private static void bad(String field, String t, String why) throws QuantityException {
    throw new QuantityException(field, quote(t) + " " + why);
  }

  static String quote(String s) {
    String t = s.length() > 80 ? s.substring(0, 77) + "..." : s;
    return '"' + t.replace("\n", "\\n") + '"';
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
