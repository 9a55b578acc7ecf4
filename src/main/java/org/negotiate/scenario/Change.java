package org.negotiate.scenario;

/** One change an event makes to one input. */
public record Change(InputPath target, Op op, Quantity value) implements java.io.Serializable {

  public enum Op {
    /** Replace the value (a salience set this way renormalises the actor's other saliences). */
    SET,
    /** Add the value. */
    SHIFT,
    /** Multiply by the value. */
    SCALE,
    /** Remove a red-line bound; value is null. */
    REMOVE
  }

  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Change that
            && java.util.Objects.equals(target, that.target)
            && op == that.op
            && java.util.Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(target);
    h = 31 * h + java.util.Objects.hashCode(op);
    h = 31 * h + java.util.Objects.hashCode(value);
    return h;
  }
}
