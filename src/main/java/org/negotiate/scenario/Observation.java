package org.negotiate.scenario;

import java.time.YearMonth;
import java.util.List;

/**
 * A dated fact about the talks, coded from the evidence, that a replication either reproduces or
 * not. An as-of forecast weights its replications by the observations known by its month.
 */
public sealed interface Observation extends java.io.Serializable
    permits Observation.NoDeal, Observation.Talks, Observation.Demand, Observation.Refusal {

  String id();

  /** The last month the fact is about (an as-of forecast knows it from this month on). */
  YearMonth month();

  List<String> evidence();

  String rationale();

  /** The {@code kind:} word in the scenario file. */
  String kind();

  /** No agreement was signed in any month up to {@code through}. */
  record NoDeal(String id, YearMonth through, List<String> evidence, String rationale)
      implements Observation {
    public YearMonth month() {
      return through;
    }

    public String kind() {
      return "no_deal";
    }
  }

  /**
   * Talks were held in the month (a text on the table) or stalled (none). The level of the meeting
   * is kept for the reader; the protocols have no levels.
   */
  record Talks(
      String id,
      YearMonth month,
      boolean held,
      String level,
      List<String> evidence,
      String rationale)
      implements Observation {
    public String kind() {
      return "talks";
    }
  }

  /**
   * An actor's stated demand on an issue in the month: its reported position lies in [min, max]
   * (either may be null). With {@code tolerance} 0 the bound is a hard fact; above 0 a replication
   * whose position lies d points outside counts with weight exp(-d²/2·tolerance²).
   */
  record Demand(
      String id,
      String actor,
      String issue,
      YearMonth month,
      Double min,
      Double max,
      double tolerance,
      List<String> evidence,
      String rationale)
      implements Observation {
    public String kind() {
      return "demand";
    }
  }

  /** A party refused the text on the table in the month (talks were held and it did not accept). */
  record Refusal(String id, String actor, YearMonth month, List<String> evidence, String rationale)
      implements Observation {
    public String kind() {
      return "refusal";
    }
  }
}
