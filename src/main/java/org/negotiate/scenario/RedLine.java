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
}
