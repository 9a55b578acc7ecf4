package org.negotiate.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.negotiate.experiment.Comparison;
import org.negotiate.scenario.ScenarioDiff;

/**
 * The CSV files of a comparison of two scenarios (A and B as given on the command line). Numbers
 * have a fixed locale and precision, so equal results give equal bytes.
 */
public final class CompareTables {
  private CompareTables() {}

  /**
   * {@code compare.csv}: per month, each scenario's odds with its 95% Wilson interval, the paired
   * table of replications (both agreed by this month, only A, only B, neither), the difference B −
   * A with its paired 95% interval (Newcombe's hybrid score for paired data; [0, 0] when no
   * replication is discordant) and, for comparison, the unpaired one (Newcombe's hybrid score for
   * independent samples).
   */
  public static void writeCompare(Comparison c, Path file) throws IOException {
    writeCompare(c, true, file);
  }

  /**
   * As {@link #writeCompare(Comparison, Path)}; without dates (an actor table) there is no month
   * column.
   */
  public static void writeCompare(Comparison c, boolean dated, Path file) throws IOException {
    List<String> header =
        new java.util.ArrayList<>(
            List.of(
                "round",
                "month",
                "replications",
                "odds_a",
                "lower95_a",
                "upper95_a",
                "odds_b",
                "lower95_b",
                "upper95_b",
                "both",
                "only_a",
                "only_b",
                "neither",
                "difference",
                "paired_lower95",
                "paired_upper95",
                "unpaired_lower95",
                "unpaired_upper95"));
    if (!dated) header.remove("month");
    try (CsvTable t = CsvTable.open(file, header)) {
      for (Comparison.MonthDifference m : c.byMonth()) {
        List<String> row =
            new java.util.ArrayList<>(
                List.of(
                    String.valueOf(m.round()),
                    m.month().toString(),
                    String.valueOf(c.replications()),
                    f(m.oddsA()),
                    f(m.lowerA()),
                    f(m.upperA()),
                    f(m.oddsB()),
                    f(m.lowerB()),
                    f(m.upperB()),
                    String.valueOf(m.both()),
                    String.valueOf(m.onlyA()),
                    String.valueOf(m.onlyB()),
                    String.valueOf(m.neither()),
                    f(m.paired().estimate()),
                    f(m.paired().lower()),
                    f(m.paired().upper()),
                    f(m.unpaired().lower()),
                    f(m.unpaired().upper())));
        if (!dated) row.remove(1);
        t.row(row);
      }
    }
  }

  /**
   * {@code inputs.csv}: {@code path, a, b} for every input that differs between the resolved
   * scenarios.
   */
  public static void writeInputs(List<ScenarioDiff.Row> rows, Path file) throws IOException {
    try (CsvTable t = CsvTable.open(file, "path", "a", "b")) {
      for (ScenarioDiff.Row r : rows) t.row(r.path(), r.a(), r.b());
    }
  }

  /**
   * {@code blockers.csv}: each party's failed runs as blocker and share of failed runs, in A and in
   * B.
   */
  public static void writeBlockers(Comparison c, Path file) throws IOException {
    try (CsvTable t =
        CsvTable.open(
            file, "actor", "name", "failed_runs_a", "share_a", "failed_runs_b", "share_b")) {
      for (Comparison.BlockerPair b : c.blockers()) {
        t.row(
            b.actorId(),
            b.actorName(),
            String.valueOf(b.failedRunsA()),
            f(b.shareA()),
            String.valueOf(b.failedRunsB()),
            f(b.shareB()));
      }
    }
  }

  /** Six decimals; never "-0.000000". */
  static String f(double v) {
    return Numbers.fixedUnsignedZero(v, 6);
  }
}
