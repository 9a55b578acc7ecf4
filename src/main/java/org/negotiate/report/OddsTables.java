package org.negotiate.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/**
 * The CSV files of an odds experiment. Numbers are formatted with a fixed locale and precision, so
 * equal results give equal bytes.
 */
public final class OddsTables {
  private OddsTables() {}

  /** {@code odds.csv}: P(agreement by the end of each month) with its 95% Wilson interval. */
  public static void writeOdds(ConvergenceOdds odds, Path file) throws IOException {
    writeOdds(odds, true, file);
  }

  /**
   * As {@link #writeOdds(ConvergenceOdds, Path)}; undated (an actor table), without the month
   * column.
   */
  public static void writeOdds(ConvergenceOdds odds, boolean dated, Path file) throws IOException {
    List<String> header =
        new ArrayList<>(
            List.of("round", "month", "agreed", "replications", "odds", "lower95", "upper95"));
    if (!dated) header.remove("month");
    try (CsvTable t = CsvTable.open(file, header)) {
      for (ConvergenceOdds.MonthOdds m : odds.byMonth()) {
        t.cell(m.round());
        if (dated) t.cell(m.month().toString());
        t.cell(String.valueOf(m.agreed()))
            .cell(String.valueOf(odds.replications()))
            .cell(Numbers.fixed(m.odds(), 6))
            .cell(Numbers.fixed(m.lower(), 6))
            .cell(Numbers.fixed(m.upper(), 6))
            .end();
      }
    }
  }

  /**
   * {@code outcomes.csv}: one row per replication: how it ended, when, the agreed terms, each
   * actor's utility of the terms (or of the last text) and the blocker.
   */
  public static void writeOutcomes(
      Scenario s,
      MonteCarlo.Result result,
      org.negotiate.experiment.OutcomeAnalysis[] analysis,
      Path file)
      throws IOException {
    List<String> canonical = result.canonicalActorIds();
    boolean dated = s.calendar().dated();
    List<String> header =
        new ArrayList<>(List.of("replication", "seed", "ending", "round", "month"));
    if (!dated) header.remove("month");
    for (Issue i : s.issues()) header.add("terms_" + i.id());
    for (Actor a : s.actors()) header.add("utility_" + a.id());
    header.addAll(
        List.of(
            "blocker",
            "block_reason",
            "zone_at_end",
            "rational",
            "pareto_gap",
            "nash_distance_utility",
            "nash_distance_terms",
            "ks_distance_utility",
            "ks_distance_terms"));
    try (CsvTable t = CsvTable.open(file, header)) {
      int index = 0;
      for (RunOutcome r : result.outcomes()) {
        t.cell(result.indexOf(index++))
            .cell(Long.toUnsignedString(r.seed()))
            .cell(r.ending().name().toLowerCase(Locale.ROOT))
            .cell(r.round());
        if (dated) t.cell(s.calendar().month(r.round()).toString());
        for (int k = 0; k < s.issues().size(); k++)
          t.cell(r.terms() == null ? "" : num(r.terms()[k], 3));
        for (Actor a : s.actors()) t.cell(num(r.utilities()[canonical.indexOf(a.id())], 4));
        t.cell(r.blocker() < 0 ? "" : canonical.get(r.blocker()));
        t.cell(r.reason() == null ? "" : r.reason().name().toLowerCase(Locale.ROOT));
        org.negotiate.experiment.OutcomeAnalysis a = analysis == null ? null : analysis[index - 1];
        t.cell(a == null ? "" : String.valueOf(a.zone()));
        org.negotiate.protocol.analysis.Assessment d = a == null ? null : a.agreed();
        if (d == null) {
          for (int c = 0; c < 6; c++) t.cell("");
        } else {
          t.cell(String.valueOf(d.individuallyRational()))
              .cell(num(d.toFrontier(), 4))
              .cell(num(d.toNashUtility(), 4))
              .cell(num(d.toNashTerms(), 2))
              .cell(num(d.toKalaiSmorodinskyUtility(), 4))
              .cell(num(d.toKalaiSmorodinskyTerms(), 2));
        }
        t.end();
      }
    }
  }

  /**
   * {@code failures.csv}: the replications that threw or gave non-finite numbers, by index, with
   * the seed that reruns each one ({@code negotiate run --replication INDEX}) and what went wrong.
   */
  public static void writeFailures(List<MonteCarlo.Failure> failures, Path file)
      throws IOException {
    try (CsvTable t = CsvTable.open(file, "replication", "seed", "exception", "message")) {
      for (MonteCarlo.Failure f : failures) {
        t.row(
            String.valueOf(f.index()), Long.toUnsignedString(f.seed()), f.exception(), f.message());
      }
    }
  }

  /**
   * {@code rounds.csv}: each actor's position per issue and month over replications (10th, 50th,
   * 90th percentile). Numbered as {@code run}'s rounds.csv: state t is the positions after t
   * rounds, at the end of month {@code after_month} (round 0 is the first month); state 0, the
   * positions before the first round, is {@code run}'s alone.
   */
  public static void writeRounds(ConvergenceOdds odds, Path file) throws IOException {
    writeRounds(odds, true, file);
  }

  /**
   * As {@link #writeRounds(ConvergenceOdds, Path)}; undated (an actor table), {@code after_round}
   * instead of the month.
   */
  public static void writeRounds(ConvergenceOdds odds, boolean dated, Path file)
      throws IOException {
    try (CsvTable t =
        CsvTable.open(
            file,
            "state",
            dated ? "after_month" : "after_round",
            "actor",
            "issue",
            "p10",
            "median",
            "p90")) {
      for (ConvergenceOdds.PositionBand b : odds.positions()) {
        t.cell(b.round() + 1)
            .cell(dated ? b.month().toString() : String.valueOf(b.round()))
            .cell(b.actorId())
            .cell(b.issueId())
            .cell(num(b.p10(), 1))
            .cell(num(b.p50(), 1))
            .cell(num(b.p90(), 1))
            .end();
      }
    }
  }

  /**
   * {@code reference.csv}: the compromise and Nash points per issue at the start, at the nominal
   * inputs and over the draws (10th, 50th, 90th percentile), with how many draws left no Nash
   * point.
   */
  public static void writeReference(List<org.negotiate.experiment.ReferenceSummary> rows, Path file)
      throws IOException {
    try (CsvTable t =
        CsvTable.open(
            file,
            "issue",
            "point",
            "nominal",
            "p10",
            "median",
            "p90",
            "draws",
            "draws_without_zone")) {
      for (org.negotiate.experiment.ReferenceSummary r : rows) {
        t.row(
            r.issueId(),
            r.point(),
            num(r.nominal(), 2),
            num(r.p10(), 2),
            num(r.p50(), 2),
            num(r.p90(), 2),
            String.valueOf(r.draws()),
            String.valueOf(r.withoutZone()));
      }
    }
  }

  private static String num(double v, int decimals) {
    return Numbers.fixed(v, decimals);
  }
}
