package org.negotiate.scenario;

import java.time.YearMonth;

/** When an event happens: at a fixed month, or at random within a window. */
public sealed interface Timing extends java.io.Serializable permits Timing.At, Timing.Random {

  record At(YearMonth month) implements Timing {
    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof At that && java.util.Objects.equals(month, that.month);
    }

    @Override
    public int hashCode() {
      int h = java.util.Objects.hashCode(month);
      return h;
    }
  }

  /** Fires at most once: in each round of [from, to] with the given probability until it has. */
  record Random(double probability, YearMonth from, YearMonth to) implements Timing {
    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Random that
              && Double.compare(probability, that.probability) == 0
              && java.util.Objects.equals(from, that.from)
              && java.util.Objects.equals(to, that.to);
    }

    @Override
    public int hashCode() {
      int h = Double.hashCode(probability);
      h = 31 * h + java.util.Objects.hashCode(from);
      h = 31 * h + java.util.Objects.hashCode(to);
      return h;
    }
  }
}
