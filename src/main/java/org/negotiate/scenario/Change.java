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
}
