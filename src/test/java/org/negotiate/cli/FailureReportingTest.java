package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.report.OddsTables;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/** How failed replications are reported: the summary line and failures.csv. */
class FailureReportingTest {
  @TempDir Path tmp;

  @Test
  void theSummaryLineSaysHowManyFailedAndStillParses() throws Exception {
    Scenario s = ScenarioLoader.load(CliTest.BASELINE);
    MonteCarlo.Result r =
        MonteCarlo.run(
            s,
            CommandInputs.protocol(s),
            new MonteCarlo.Options(40, s.experiment().rounds(), 1, 2),
            null);
    Path folder = tmp.resolve("results/odds-baseline/run");
    String three = OddsCommand.summaryLine(r.odds(), 3, folder);
    assertTrue(three.endsWith(" · 3 replications failed, see failures.csv"), three);
    assertTrue(
        OddsCommand.summaryLine(r.odds(), 1, folder)
            .endsWith(" · 1 replication failed, see failures.csv"));
    assertEquals(
        OddsCommand.summaryLine(r.odds(), folder), OddsCommand.summaryLine(r.odds(), 0, folder));
    Matcher m = CliTest.SUMMARY.matcher(three);
    assertTrue(m.find(), three);
    assertEquals(folder.toString(), m.group(7), "the folder is still where it was");
  }

  @Test
  void failuresCsvQuotesMessages() throws Exception {
    Path f = tmp.resolve("failures.csv");
    OddsTables.writeFailures(
        List.of(
            new MonteCarlo.Failure(4, -1L, "java.lang.IllegalStateException", "bad, \"very\"\nbad"),
            new MonteCarlo.Failure(9, 12L, "NonFiniteOutcome", "agreed terms[0] = NaN")),
        f);
    assertEquals(
        "replication,seed,exception,message\n"
            + "4,18446744073709551615,java.lang.IllegalStateException,\"bad, \"\"very\"\"\nbad\"\n"
            + "9,12,NonFiniteOutcome,agreed terms[0] = NaN\n",
        Files.readString(f));
  }
}
