package org.negotiate.scenario;

import java.util.List;

/** A scheduled or random shock that changes inputs mid-run (the earthquake, elections, riots). */
public record Event(
    String id,
    String label,
    Timing timing,
    List<Change> changes,
    List<String> evidence,
    String rationale)
    implements java.io.Serializable {
  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Event that
            && java.util.Objects.equals(id, that.id)
            && java.util.Objects.equals(label, that.label)
            && java.util.Objects.equals(timing, that.timing)
            && java.util.Objects.equals(changes, that.changes)
            && java.util.Objects.equals(evidence, that.evidence)
            && java.util.Objects.equals(rationale, that.rationale);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(id);
    h = 31 * h + java.util.Objects.hashCode(label);
    h = 31 * h + java.util.Objects.hashCode(timing);
    h = 31 * h + java.util.Objects.hashCode(changes);
    h = 31 * h + java.util.Objects.hashCode(evidence);
    h = 31 * h + java.util.Objects.hashCode(rationale);
    return h;
  }
}
