package org.negotiate.scenario;

import java.util.Map;

/** Which protocol moves the positions, with its parameters (possibly uncertain). */
public record ProtocolSpec(String name, Map<String, Quantity> params)
    implements java.io.Serializable {
  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof ProtocolSpec that
            && java.util.Objects.equals(name, that.name)
            && java.util.Objects.equals(params, that.params);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(name);
    h = 31 * h + java.util.Objects.hashCode(params);
    return h;
  }
}
