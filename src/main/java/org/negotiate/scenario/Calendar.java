package org.negotiate.scenario;

import java.time.YearMonth;

/**
 * Round 0 is the start month; one round is one calendar month. An undated calendar (an actor table
 * has no dates) still has a start, as the simulation needs one, but what is shown counts rounds,
 * not months.
 */
public record Calendar(YearMonth start, boolean dated) implements java.io.Serializable {

  public Calendar(YearMonth start) {
    this(start, true);
  }

  public YearMonth month(int round) {
    return start.plusMonths(round);
  }

  /** The round a month falls in (negative if before the start). */
  public int round(YearMonth month) {
    return (int) java.time.temporal.ChronoUnit.MONTHS.between(start, month);
  }

  /**
   * How round {@code round} is named to a reader: its month, or "round N" when the calendar is
   * undated.
   */
  public String label(int round) {
    return dated ? month(round).toString() : "round " + round;
  }

  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Calendar that
            && java.util.Objects.equals(start, that.start)
            && dated == that.dated;
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(start);
    h = 31 * h + Boolean.hashCode(dated);
    return h;
  }
}
