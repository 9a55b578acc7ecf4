package org.negotiate.scenario;

import java.util.List;

/**
 * An actor's stance on one issue.
 *
 * @param position ideal outcome on the 0–100 scale
 * @param salience share of the actor's attention (an actor's saliences sum to 1)
 * @param redLine bounds a text must respect for the actor to sign ({@link RedLine#NONE} if none)
 * @param flexibility concession speed on this issue, or null to use the actor's
 * @param costOfDelay cost of delay on this issue, or null to use the actor's
 * @param evidence references {@code FILE#quote fragment} into the seed articles
 * @param rationale one line on how the evidence became these numbers
 */
public record Stance(
    Quantity position,
    Quantity salience,
    RedLine redLine,
    Quantity flexibility,
    Quantity costOfDelay,
    List<String> evidence,
    String rationale)
    implements java.io.Serializable {

  /** The same values with other evidence and rationale (as-of cuts narrow them). */
  public Stance with(List<String> newEvidence, String newRationale) {
    return new Stance(
        position, salience, redLine, flexibility, costOfDelay, newEvidence, newRationale);
  }

  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Stance that
            && java.util.Objects.equals(position, that.position)
            && java.util.Objects.equals(salience, that.salience)
            && java.util.Objects.equals(redLine, that.redLine)
            && java.util.Objects.equals(flexibility, that.flexibility)
            && java.util.Objects.equals(costOfDelay, that.costOfDelay)
            && java.util.Objects.equals(evidence, that.evidence)
            && java.util.Objects.equals(rationale, that.rationale);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(position);
    h = 31 * h + java.util.Objects.hashCode(salience);
    h = 31 * h + java.util.Objects.hashCode(redLine);
    h = 31 * h + java.util.Objects.hashCode(flexibility);
    h = 31 * h + java.util.Objects.hashCode(costOfDelay);
    h = 31 * h + java.util.Objects.hashCode(evidence);
    h = 31 * h + java.util.Objects.hashCode(rationale);
    return h;
  }
}
