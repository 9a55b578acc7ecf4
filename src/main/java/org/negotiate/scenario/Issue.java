package org.negotiate.scenario;

/**
 * One dimension of the negotiation on a 0–100 scale.
 *
 * @param low what 0 means on this issue
 * @param high what 100 means
 * @param statusQuo where things stand without a deal, or null when the scenario gives none
 */
public record Issue(String id, String label, String low, String high, Quantity statusQuo)
    implements java.io.Serializable {
  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Issue that
            && java.util.Objects.equals(id, that.id)
            && java.util.Objects.equals(label, that.label)
            && java.util.Objects.equals(low, that.low)
            && java.util.Objects.equals(high, that.high)
            && java.util.Objects.equals(statusQuo, that.statusQuo);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(id);
    h = 31 * h + java.util.Objects.hashCode(label);
    h = 31 * h + java.util.Objects.hashCode(low);
    h = 31 * h + java.util.Objects.hashCode(high);
    h = 31 * h + java.util.Objects.hashCode(statusQuo);
    return h;
  }
}
