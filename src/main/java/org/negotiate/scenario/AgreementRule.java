package org.negotiate.scenario;

/**
 * When a negotiation counts as agreed.
 *
 * @param rule {@code unanimity}: every party accepts the same text in the same round
 * @param tolerance for protocols with no accept step: every party's position within this distance
 *     (0–100 scale) of every other party's on every issue
 */
public record AgreementRule(String rule, double tolerance) implements java.io.Serializable {
  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof AgreementRule that
            && java.util.Objects.equals(rule, that.rule)
            && Double.compare(tolerance, that.tolerance) == 0;
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(rule);
    h = 31 * h + Double.hashCode(tolerance);
    return h;
  }
}
