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
}
