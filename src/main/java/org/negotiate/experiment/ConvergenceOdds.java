package org.negotiate.experiment;

import java.time.YearMonth;
import java.util.List;

/**
 * What a Monte Carlo over the uncertain inputs says about a scenario: the odds of agreement by each
 * month, the agreed terms, who blocks, and where each actor's position went.
 *
 * @param scenario scenario name (used in chart titles)
 * @param replications number of replications run
 * @param seed base seed
 * @param byMonth cumulative odds of agreement by the end of each round, in round order
 * @param terms distribution of agreed terms, one entry per issue, in scenario order
 * @param blockers each party's share of failed runs in which it was the blocker, largest first
 * @param positions position bands per actor, issue and round (actors in scenario order, plus the
 *     pseudo-actor {@code text} for the mediators' draft)
 */
public record ConvergenceOdds(
    String scenario,
    int replications,
    long seed,
    List<MonthOdds> byMonth,
    List<IssueTerms> terms,
    List<BlockerShare> blockers,
    List<PositionBand> positions)
    implements java.io.Serializable {

  /** P(agreement by the end of {@code month}) with its 95% Wilson interval. */
  public record MonthOdds(
      int round, YearMonth month, long agreed, double odds, double lower, double upper)
      implements java.io.Serializable {}

  /**
   * Agreed terms on one issue over the runs that agreed.
   *
   * @param histogram counts of agreed terms in 101 bins: bin b holds terms that round to b
   */
  public record IssueTerms(
      String issueId,
      String label,
      long agreedRuns,
      long[] histogram,
      double mean,
      double p10,
      double p50,
      double p90)
      implements java.io.Serializable {}

  public record BlockerShare(String actorId, String actorName, long failedRuns, double share)
      implements java.io.Serializable {}

  /**
   * Where one actor stood on one issue in one round across replications (10th, 50th and 90th
   * percentiles). A run that ended earlier holds its final positions.
   */
  public record PositionBand(
      String actorId,
      String actorName,
      String issueId,
      int round,
      YearMonth month,
      double p10,
      double p50,
      double p90)
      implements java.io.Serializable {}
}
