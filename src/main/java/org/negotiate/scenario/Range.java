package org.negotiate.scenario;

/**
 * The valid values of a scenario number, each end open or closed.
 *
 * @param integer whether only whole numbers are valid (then distributions are not)
 */
public record Range(double lo, boolean loOpen, double hi, boolean hiOpen, boolean integer)
    implements java.io.Serializable {

  public static Range closed(double lo, double hi) {
    return new Range(lo, false, hi, false, false);
  }

  public static Range integers(long lo, long hi) {
    return new Range(lo, false, hi, false, true);
  }

  public static final Range ANY = closed(-1e300, 1e300);
  public static final Range POSITION = closed(0, 100);
  public static final Range UNIT = closed(0, 1);
  public static final Range CAPABILITY = new Range(0, true, 1e6, false, false);
  public static final Range RESERVATION = new Range(0, false, 1, true, false);
  public static final Range FLEXIBILITY = new Range(0, true, 10, false, false);
  public static final Range RISK = closed(-1, 1);
  public static final Range TIE = new Range(0, false, 1, true, false);
  public static final Range COST_OF_DELAY = new Range(0, false, 1, true, false);

  /**
   * Added to the cost of delay of the actor it is on: negative for a spoiler (docs/mediated.md).
   */
  public static final Range PRESSURE = closed(-1, 1);

  /** A multiplier applied by an event: strictly positive. */
  public static final Range SCALE = new Range(0, true, 1000, false, false);

  public boolean contains(double v) {
    if (Double.isNaN(v)) return false;
    boolean okLo = loOpen ? v > lo : v >= lo;
    boolean okHi = hiOpen ? v < hi : v <= hi;
    return okLo && okHi && (!integer || v == Math.rint(v));
  }

  /** Whether every value a quantity can take lies in this range. */
  public boolean containsSupport(Quantity q) {
    return contains(q.min()) && contains(q.max());
  }

  /** The width of the range, used as the valid span of a shift. */
  public double width() {
    return hi - lo;
  }

  /** {@code [0,1]}, {@code (0,10]}, {@code [0,1)}. */
  @Override
  public String toString() {
    if (isAny()) return "(any finite number)";
    return (loOpen ? "(" : "[") + Quantity.fmt(lo) + "," + Quantity.fmt(hi) + (hiOpen ? ")" : "]");
  }

  /**
   * Whether this is {@link #ANY}, as {@code equals} would say: written out, since a record's own
   * equals is linked at its first call, a cost of milliseconds on a command's way to its first run.
   */
  private boolean isAny() {
    return Double.compare(lo, ANY.lo) == 0
        && loOpen == ANY.loOpen
        && Double.compare(hi, ANY.hi) == 0
        && hiOpen == ANY.hiOpen
        && integer == ANY.integer;
  }

  /** "a number in [0,1]" or "an integer in [1,1200]". */
  public String expected() {
    if (isAny()) return "a finite number";
    return (integer ? "an integer in " : "a number in ") + this;
  }
}
