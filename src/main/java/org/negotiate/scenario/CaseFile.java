package org.negotiate.scenario;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What a scenario records about the case beyond its inputs, for forecasts made as of a date and for
 * scoring them: when each cited source was written, what a value is before any evidence for it is
 * dated, the dated observations, what actually happened, and the case's own caveats for the brief.
 * No fact about a case lives in code; it lives here.
 *
 * @param asOf the month the scenario's forecast is made as of unless the command line says
 *     otherwise, or null for a run with every input as written (hindsight)
 * @param withoutEvidence what a value does in an as-of forecast when none of its evidence is dated
 *     by then and it states no prior
 * @param asOfRationale why that month and that rule (shown in the brief)
 * @param sourceDates the month each cited source (FILE as cited) was written
 * @param priors per block ({@code ACTOR} or {@code ACTOR.ISSUE}), the values it takes before any of
 *     its evidence is dated
 * @param observations dated facts, in the file's order
 * @param outcome what happened, or null when the scenario does not record it
 * @param caveats the case's own caveats for the brief
 */
public record CaseFile(
    YearMonth asOf,
    WithoutEvidence withoutEvidence,
    String asOfRationale,
    Map<String, YearMonth> sourceDates,
    Map<String, Prior> priors,
    List<Observation> observations,
    Outcome outcome,
    List<String> caveats)
    implements java.io.Serializable {

  public static final CaseFile NONE =
      new CaseFile(
          null, WithoutEvidence.UNINFORMED, "", Map.of(), Map.of(), List.of(), null, List.of());

  /** What a value without evidence dated by the as-of month becomes when it states no prior. */
  public enum WithoutEvidence {
    /**
     * Positions, and the bounds of the red lines an actor holds, spread over the whole scale; other
     * fields kept.
     */
    UNINFORMED,
    /** The value stands as written (and the brief lists it as unsupported at that date). */
    KEEP;

    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The values a block takes before any of its evidence is dated.
   *
   * @param values by {@code --set} path; a null value removes the bound (a red line)
   */
  public record Prior(Map<String, Quantity> values, List<String> evidence, String rationale)
      implements java.io.Serializable {
    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Prior that
              && java.util.Objects.equals(values, that.values)
              && java.util.Objects.equals(evidence, that.evidence)
              && java.util.Objects.equals(rationale, that.rationale);
    }

    @Override
    public int hashCode() {
      int h = java.util.Objects.hashCode(values);
      h = 31 * h + java.util.Objects.hashCode(evidence);
      h = 31 * h + java.util.Objects.hashCode(rationale);
      return h;
    }
  }

  /**
   * What happened in the case.
   *
   * @param agreement whether an agreement was signed
   * @param month the month it was signed, or the month the talks ended without one
   * @param summary what happened, in a sentence or two
   * @param source where that is recorded (a citation in words; the seeds may not cover it)
   * @param baseRate the reference forecaster's constant probability of an agreement over the
   *     calendar, argued in {@code baseRateRationale}
   */
  public record Outcome(
      boolean agreement,
      YearMonth month,
      String summary,
      String source,
      double baseRate,
      String baseRateRationale)
      implements java.io.Serializable {
    // the record's own equality and hash, written out: the generated ones are linked through
    // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof Outcome that
              && agreement == that.agreement
              && java.util.Objects.equals(month, that.month)
              && java.util.Objects.equals(summary, that.summary)
              && java.util.Objects.equals(source, that.source)
              && Double.compare(baseRate, that.baseRate) == 0
              && java.util.Objects.equals(baseRateRationale, that.baseRateRationale);
    }

    @Override
    public int hashCode() {
      int h = Boolean.hashCode(agreement);
      h = 31 * h + java.util.Objects.hashCode(month);
      h = 31 * h + java.util.Objects.hashCode(summary);
      h = 31 * h + java.util.Objects.hashCode(source);
      h = 31 * h + Double.hashCode(baseRate);
      h = 31 * h + java.util.Objects.hashCode(baseRateRationale);
      return h;
    }
  }

  /**
   * The month the source a citation ({@code FILE#quote}) names was written, or null when undated.
   */
  public YearMonth dateOf(String evidence) {
    int hash = evidence.indexOf('#');
    String file = hash < 0 ? evidence.strip() : evidence.substring(0, hash).strip();
    YearMonth m = sourceDates.get(file);
    if (m != null) return m;
    String stem = file.contains("_") ? file.substring(0, file.indexOf('_')) : file;
    return sourceDates.get(stem);
  }

  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof CaseFile that
            && java.util.Objects.equals(asOf, that.asOf)
            && withoutEvidence == that.withoutEvidence
            && java.util.Objects.equals(asOfRationale, that.asOfRationale)
            && java.util.Objects.equals(sourceDates, that.sourceDates)
            && java.util.Objects.equals(priors, that.priors)
            && java.util.Objects.equals(observations, that.observations)
            && java.util.Objects.equals(outcome, that.outcome)
            && java.util.Objects.equals(caveats, that.caveats);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(asOf);
    h = 31 * h + java.util.Objects.hashCode(withoutEvidence);
    h = 31 * h + java.util.Objects.hashCode(asOfRationale);
    h = 31 * h + java.util.Objects.hashCode(sourceDates);
    h = 31 * h + java.util.Objects.hashCode(priors);
    h = 31 * h + java.util.Objects.hashCode(observations);
    h = 31 * h + java.util.Objects.hashCode(outcome);
    h = 31 * h + java.util.Objects.hashCode(caveats);
    return h;
  }
}
