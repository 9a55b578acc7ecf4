package org.negotiate.scenario;

import java.util.List;
import java.util.Map;

/**
 * An actor and its preference profile.
 *
 * @param capability clout, any positive scale (only ratios matter)
 * @param reservation utility in [0, 1) below which no deal beats a deal
 * @param flexibility concession speed beta &gt; 0 (below 1 holds out, above 1 concedes early)
 * @param costOfDelay kappa in [0, 1): the share of the gap between its aspiration and its
 *     reservation that a month of talks without a deal makes the actor give up (docs/mediated.md);
 *     per stance where a stance gives one
 * @param risk risk attitude rho in [-1, 1] (0 neutral)
 * @param lean for a mediator, how strongly its own ideal pulls the draft (mu in [0, 1]); 0
 *     otherwise
 * @param stances one stance per issue, keyed by issue id, in the scenario's issue order
 * @param ties weight eta in [0, 1) with which this actor's judgement of a text includes another
 *     actor's utility, keyed by that actor's id
 * @param pressure how much this actor (a mediator or patron) speeds up another's concession, keyed
 *     by the other's id
 * @param more the values of fields added to {@link Fields} beyond those named above, keyed by the
 *     field's name (empty unless such a field is registered)
 */
public record Actor(
    String id,
    String name,
    Role role,
    Quantity capability,
    Quantity reservation,
    Quantity flexibility,
    Quantity costOfDelay,
    Quantity risk,
    Quantity lean,
    Map<String, Stance> stances,
    Map<String, Quantity> ties,
    Map<String, Quantity> pressure,
    List<String> evidence,
    String rationale,
    Map<String, Quantity> more)
    implements java.io.Serializable {

  /** An actor with no fields beyond the built-in ones. */
  public Actor(
      String id,
      String name,
      Role role,
      Quantity capability,
      Quantity reservation,
      Quantity flexibility,
      Quantity costOfDelay,
      Quantity risk,
      Quantity lean,
      Map<String, Stance> stances,
      Map<String, Quantity> ties,
      Map<String, Quantity> pressure,
      List<String> evidence,
      String rationale) {
    this(
        id,
        name,
        role,
        capability,
        reservation,
        flexibility,
        costOfDelay,
        risk,
        lean,
        stances,
        ties,
        pressure,
        evidence,
        rationale,
        Map.of());
  }

  /** The same actor with other stances, evidence and rationale (as-of cuts narrow them). */
  public Actor with(Map<String, Stance> newStances, List<String> newEvidence, String newRationale) {
    return new Actor(
        id,
        name,
        role,
        capability,
        reservation,
        flexibility,
        costOfDelay,
        risk,
        lean,
        newStances,
        ties,
        pressure,
        newEvidence,
        newRationale,
        more);
  }

  /** The name rounds.csv and the charts give the mediators' text: no actor may have it. */
  public static final String TEXT_ID = "text";

  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Actor that
            && java.util.Objects.equals(id, that.id)
            && java.util.Objects.equals(name, that.name)
            && role == that.role
            && java.util.Objects.equals(capability, that.capability)
            && java.util.Objects.equals(reservation, that.reservation)
            && java.util.Objects.equals(flexibility, that.flexibility)
            && java.util.Objects.equals(costOfDelay, that.costOfDelay)
            && java.util.Objects.equals(risk, that.risk)
            && java.util.Objects.equals(lean, that.lean)
            && java.util.Objects.equals(stances, that.stances)
            && java.util.Objects.equals(ties, that.ties)
            && java.util.Objects.equals(pressure, that.pressure)
            && java.util.Objects.equals(evidence, that.evidence)
            && java.util.Objects.equals(rationale, that.rationale)
            && java.util.Objects.equals(more, that.more);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(id);
    h = 31 * h + java.util.Objects.hashCode(name);
    h = 31 * h + java.util.Objects.hashCode(role);
    h = 31 * h + java.util.Objects.hashCode(capability);
    h = 31 * h + java.util.Objects.hashCode(reservation);
    h = 31 * h + java.util.Objects.hashCode(flexibility);
    h = 31 * h + java.util.Objects.hashCode(costOfDelay);
    h = 31 * h + java.util.Objects.hashCode(risk);
    h = 31 * h + java.util.Objects.hashCode(lean);
    h = 31 * h + java.util.Objects.hashCode(stances);
    h = 31 * h + java.util.Objects.hashCode(ties);
    h = 31 * h + java.util.Objects.hashCode(pressure);
    h = 31 * h + java.util.Objects.hashCode(evidence);
    h = 31 * h + java.util.Objects.hashCode(rationale);
    h = 31 * h + java.util.Objects.hashCode(more);
    return h;
  }
}
