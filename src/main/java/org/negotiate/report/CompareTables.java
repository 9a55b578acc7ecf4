package org.negotiate.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
   * table of replications (both agreed by this month, only A, only B, neither), the difference
   * B − A with its paired 95% interval (Newcombe's hybrid score for paired data; [0, 0] when no
   * replication is discordant) and, for comparison, the unpaired one (Newcombe's hybrid score for
   * independent samples).
   */
  public static void writeCompare(Comparison c, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("round,month,replications,odds_a,lower95_a,upper95_a,odds_b,lower95_b,upper95_b,"
          + "both,only_a,only_b,neither,difference,paired_lower95,paired_upper95,unpaired_lower95,unpaired_upper95\n");
      for (Comparison.MonthDifference m : c.byMonth()) {
        w.write(String.format(Locale.ROOT, "%d,%s,%d,%s,%s,%s,%s,%s,%s,%d,%d,%d,%d,%s,%s,%s,%s,%s%n",
            m.round(), m.month(), c.replications(),
            f(m.oddsA()), f(m.lowerA()), f(m.upperA()), f(m.oddsB()), f(m.lowerB()), f(m.upperB()),
            m.both(), m.onlyA(), m.onlyB(), m.neither(),
            f(m.paired().estimate()), f(m.paired().lower()), f(m.paired().upper()),
            f(m.unpaired().lower()), f(m.unpaired().upper())));
      }
    }
  }

  /** {@code inputs.csv}: {@code path, a, b} for every input that differs between the resolved scenarios. */
  public static void writeInputs(List<ScenarioDiff.Row> rows, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("path,a,b\n");
      for (ScenarioDiff.Row r : rows) w.write(csv(r.path()) + "," + csv(r.a()) + "," + csv(r.b()) + "\n");
    }
  }

  /** {@code blockers.csv}: each party's failed runs as blocker and share of failed runs, in A and in B. */
  public static void writeBlockers(Comparison c, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("actor,name,failed_runs_a,share_a,failed_runs_b,share_b\n");
      for (Comparison.BlockerPair b : c.blockers()) {
        w.write(String.format(Locale.ROOT, "%s,%s,%d,%s,%d,%s%n", csv(b.actorId()), csv(b.actorName()),
            b.failedRunsA(), f(b.shareA()), b.failedRunsB(), f(b.shareB())));
      }
    }
  }

  /** Six decimals; never "-0.000000". */
  static String f(double v) {
    String s = String.format(Locale.ROOT, "%.6f", v);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  static String csv(String s) {
    if (s == null) return "";
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
