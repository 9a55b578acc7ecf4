package org.negotiate.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/** The CSV files of an odds experiment. Numbers are formatted with a fixed locale and precision, so equal results give equal bytes. */
public final class OddsTables {
  private OddsTables() {}

  /** {@code odds.csv}: P(agreement by the end of each month) with its 95% Wilson interval. */
  public static void writeOdds(ConvergenceOdds odds, Path file) throws IOException {
    writeOdds(odds, true, file);
  }

  /** As {@link #writeOdds(ConvergenceOdds, Path)}; undated (an actor table), without the month column. */
  public static void writeOdds(ConvergenceOdds odds, boolean dated, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(dated ? "round,month,agreed,replications,odds,lower95,upper95\n" : "round,agreed,replications,odds,lower95,upper95\n");
      for (ConvergenceOdds.MonthOdds m : odds.byMonth()) {
        w.write(dated ? String.format(Locale.ROOT, "%d,%s,%d,%d,%.6f,%.6f,%.6f%n",
            m.round(), m.month(), m.agreed(), odds.replications(), m.odds(), m.lower(), m.upper())
            : String.format(Locale.ROOT, "%d,%d,%d,%.6f,%.6f,%.6f%n",
            m.round(), m.agreed(), odds.replications(), m.odds(), m.lower(), m.upper()));
      }
    }
  }

  /**
   * {@code outcomes.csv}: one row per replication: how it ended, when, the agreed terms, each
   * actor's utility of the terms (or of the last text) and the blocker.
   */
  public static void writeOutcomes(Scenario s, MonteCarlo.Result result, org.negotiate.experiment.OutcomeAnalysis[] analysis,
      Path file) throws IOException {
    List<String> canonical = result.canonicalActorIds();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      boolean dated = s.calendar().dated();
      StringBuilder h = new StringBuilder(dated ? "replication,seed,ending,round,month" : "replication,seed,ending,round");
      for (Issue i : s.issues()) h.append(",terms_").append(i.id());
      for (Actor a : s.actors()) h.append(",utility_").append(a.id());
      h.append(",blocker,block_reason,zone_at_end,rational,pareto_gap,nash_distance_utility,nash_distance_terms,"
          + "ks_distance_utility,ks_distance_terms\n");
      w.write(h.toString());
      int index = 0;
      for (RunOutcome r : result.outcomes()) {
        StringBuilder row = new StringBuilder();
        row.append(result.indexOf(index++)).append(',').append(Long.toUnsignedString(r.seed())).append(',')
            .append(r.ending().name().toLowerCase(Locale.ROOT)).append(',').append(r.round());
        if (dated) row.append(',').append(s.calendar().month(r.round()));
        for (int k = 0; k < s.issues().size(); k++) row.append(',').append(r.terms() == null ? "" : num(r.terms()[k], 3));
        for (Actor a : s.actors()) row.append(',').append(num(r.utilities()[canonical.indexOf(a.id())], 4));
        row.append(',').append(r.blocker() < 0 ? "" : canonical.get(r.blocker()));
        row.append(',').append(r.reason() == null ? "" : r.reason().name().toLowerCase(Locale.ROOT));
        org.negotiate.experiment.OutcomeAnalysis a = analysis == null ? null : analysis[index - 1];
        row.append(',').append(a == null ? "" : String.valueOf(a.zone()));
        org.negotiate.protocol.analysis.Assessment d = a == null ? null : a.agreed();
        if (d == null) row.append(",,,,,,");
        else {
          row.append(',').append(d.individuallyRational()).append(',').append(num(d.toFrontier(), 4))
              .append(',').append(num(d.toNashUtility(), 4)).append(',').append(num(d.toNashTerms(), 2))
              .append(',').append(num(d.toKalaiSmorodinskyUtility(), 4)).append(',').append(num(d.toKalaiSmorodinskyTerms(), 2));
        }
        w.write(row.append('\n').toString());
      }
    }
  }

  /**
   * {@code failures.csv}: the replications that threw or gave non-finite numbers, by index, with the
   * seed that reruns each one ({@code negotiate run --replication INDEX}) and what went wrong.
   */
  public static void writeFailures(List<MonteCarlo.Failure> failures, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("replication,seed,exception,message\n");
      for (MonteCarlo.Failure f : failures) {
        w.write(f.index() + "," + Long.toUnsignedString(f.seed()) + "," + csv(f.exception()) + "," + csv(f.message()) + "\n");
      }
    }
  }

  /** A CSV field: quoted when it holds a comma, a quote or a line break. */
  static String csv(String v) {
    if (v == null) return "";
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  /**
   * {@code rounds.csv}: each actor's position per issue and month over replications (10th, 50th, 90th percentile).
   * Numbered as {@code run}'s rounds.csv: state t is the positions after t rounds, at the end of month
   * {@code after_month} (round 0 is the first month); state 0, the positions before the first round, is
   * {@code run}'s alone.
   */
  public static void writeRounds(ConvergenceOdds odds, Path file) throws IOException {
    writeRounds(odds, true, file);
  }

  /** As {@link #writeRounds(ConvergenceOdds, Path)}; undated (an actor table), {@code after_round} instead of the month. */
  public static void writeRounds(ConvergenceOdds odds, boolean dated, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(dated ? "state,after_month,actor,issue,p10,median,p90\n" : "state,after_round,actor,issue,p10,median,p90\n");
      // A large table has 100,000 rows or more: built without a format string per row.
      StringBuilder row = new StringBuilder(96);
      String eol = System.lineSeparator();
      for (ConvergenceOdds.PositionBand b : odds.positions()) {
        row.setLength(0);
        row.append(b.round() + 1).append(',');
        if (dated) row.append(b.month());
        else row.append(b.round());
        row.append(',').append(b.actorId()).append(',').append(b.issueId())
            .append(',').append(num(b.p10(), 1)).append(',').append(num(b.p50(), 1)).append(',').append(num(b.p90(), 1))
            .append(eol);
        w.append(row);
      }
    }
  }

  /**
   * {@code reference.csv}: the compromise and Nash points per issue at the start, at the nominal
   * inputs and over the draws (10th, 50th, 90th percentile), with how many draws left no Nash point.
   */
  public static void writeReference(List<org.negotiate.experiment.ReferenceSummary> rows, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("issue,point,nominal,p10,median,p90,draws,draws_without_zone\n");
      for (org.negotiate.experiment.ReferenceSummary r : rows) {
        w.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%d,%d%n", r.issueId(), r.point(), num(r.nominal(), 2),
            num(r.p10(), 2), num(r.p50(), 2), num(r.p90(), 2), r.draws(), r.withoutZone()));
      }
    }
  }

  static String num(double v, int decimals) {
    if (Double.isNaN(v)) return "";
    // Half points (the position bands' bins) to one decimal, as the format below writes them.
    if (decimals == 1 && Double.doubleToRawLongBits(v) >= 0 && v < 1e9 && v * 2 == Math.rint(v * 2)) { // not -0.0: "-0.0"
      long halves = (long) (v * 2);
      return (halves / 2) + ((halves & 1) == 0 ? ".0" : ".5");
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
