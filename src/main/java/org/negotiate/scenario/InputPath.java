package org.negotiate.scenario;

/**
 * The address of one scenario input, as {@code --set}, events and the uncertainty streams name it:
 * {@code turkey.capability}, {@code turkey.withdrawal.position}, {@code
 * syria.withdrawal.red_line.min}, {@code turkey.ties.opposition}.
 *
 * @param actor actor id
 * @param issue issue id for a stance field, null for an actor field
 * @param field field name: an actor field, a stance field, or {@code ties.X} / {@code pressure.X}
 */
public record InputPath(String actor, String issue, String field) implements java.io.Serializable {

  @Override
  public String toString() {
    return issue == null ? actor + "." + field : actor + "." + issue + "." + field;
  }

  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof InputPath that
            && java.util.Objects.equals(actor, that.actor)
            && java.util.Objects.equals(issue, that.issue)
            && java.util.Objects.equals(field, that.field);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(actor);
    h = 31 * h + java.util.Objects.hashCode(issue);
    h = 31 * h + java.util.Objects.hashCode(field);
    return h;
  }
}
