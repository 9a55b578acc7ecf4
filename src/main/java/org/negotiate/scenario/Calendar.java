package org.negotiate.scenario;

import java.time.YearMonth;

/** Round 0 is the start month; one round is one calendar month. */
public record Calendar(YearMonth start) implements java.io.Serializable {

  public YearMonth month(int round) {
    return start.plusMonths(round);
  }

  /** The round a month falls in (negative if before the start). */
  public int round(YearMonth month) {
    return (int) java.time.temporal.ChronoUnit.MONTHS.between(start, month);
  }
}
