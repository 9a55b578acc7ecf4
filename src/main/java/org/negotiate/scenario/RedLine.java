package org.negotiate.scenario;

/**
 * The outcomes on one issue an actor could ever sign: a text must lie in [min, max]. Either bound
 * may be null (no bound on that side).
 */
public record RedLine(Quantity min, Quantity max) implements java.io.Serializable {
  public static final RedLine NONE = new RedLine(null, null);

  public boolean isNone() {
    return min == null && max == null;
  }

  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof RedLine that
            && java.util.Objects.equals(min, that.min)
            && java.util.Objects.equals(max, that.max);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(min);
    h = 31 * h + java.util.Objects.hashCode(max);
    return h;
  }
}
