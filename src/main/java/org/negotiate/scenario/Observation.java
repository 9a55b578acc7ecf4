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

    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof NoDeal that
              && java.util.Objects.equals(id, that.id)
              && java.util.Objects.equals(through, that.through)
              && java.util.Objects.equals(evidence, that.evidence)
              && java.util.Objects.equals(rationale, that.rationale);
    }

    @Override
    public int hashCode() {
      int h = java.util.Objects.hashCode(id);
      h = 31 * h + java.util.Objects.hashCode(through);
      h = 31 * h + java.util.Objects.hashCode(evidence);
      h = 31 * h + java.util.Objects.hashCode(rationale);
      return h;
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

    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Talks that
              && java.util.Objects.equals(id, that.id)
              && java.util.Objects.equals(month, that.month)
              && held == that.held
              && java.util.Objects.equals(level, that.level)
              && java.util.Objects.equals(evidence, that.evidence)
              && java.util.Objects.equals(rationale, that.rationale);
    }

    @Override
    public int hashCode() {
      int h = java.util.Objects.hashCode(id);
      h = 31 * h + java.util.Objects.hashCode(month);
      h = 31 * h + Boolean.hashCode(held);
      h = 31 * h + java.util.Objects.hashCode(level);
      h = 31 * h + java.util.Objects.hashCode(evidence);
      h = 31 * h + java.util.Objects.hashCode(rationale);
      return h;
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

    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Demand that
              && java.util.Objects.equals(id, that.id)
              && java.util.Objects.equals(actor, that.actor)
              && java.util.Objects.equals(issue, that.issue)
              && java.util.Objects.equals(month, that.month)
              && java.util.Objects.equals(min, that.min)
              && java.util.Objects.equals(max, that.max)
              && Double.compare(tolerance, that.tolerance) == 0
              && java.util.Objects.equals(evidence, that.evidence)
              && java.util.Objects.equals(rationale, that.rationale);
    }

    @Override
    public int hashCode() {
      int h = java.util.Objects.hashCode(id);
      h = 31 * h + java.util.Objects.hashCode(actor);
      h = 31 * h + java.util.Objects.hashCode(issue);
      h = 31 * h + java.util.Objects.hashCode(month);
      h = 31 * h + java.util.Objects.hashCode(min);
      h = 31 * h + java.util.Objects.hashCode(max);
      h = 31 * h + Double.hashCode(tolerance);
      h = 31 * h + java.util.Objects.hashCode(evidence);
      h = 31 * h + java.util.Objects.hashCode(rationale);
      return h;
    }
  }

  /** A party refused the text on the table in the month (talks were held and it did not accept). */
  record Refusal(String id, String actor, YearMonth month, List<String> evidence, String rationale)
      implements Observation {
    public String kind() {
      return "refusal";
    }

    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Refusal that
              && java.util.Objects.equals(id, that.id)
              && java.util.Objects.equals(actor, that.actor)
              && java.util.Objects.equals(month, that.month)
              && java.util.Objects.equals(evidence, that.evidence)
              && java.util.Objects.equals(rationale, that.rationale);
    }

    @Override
    public int hashCode() {
      int h = java.util.Objects.hashCode(id);
      h = 31 * h + java.util.Objects.hashCode(actor);
      h = 31 * h + java.util.Objects.hashCode(month);
      h = 31 * h + java.util.Objects.hashCode(evidence);
      h = 31 * h + java.util.Objects.hashCode(rationale);
      return h;
    }
  }
}
