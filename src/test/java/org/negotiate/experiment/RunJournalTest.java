package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.scenario.Scenario;

/**
 * A journal restored into a longer run gives exactly the results of a run that was never stopped.
 */
class RunJournalTest {
  @TempDir Path tmp;

  @Test
  void aRunContinuedFromItsJournalEqualsAnUninterruptedOne() throws Exception {
    Scenario s = MonteCarloTest.uncertainScenario(1);
    Path dir = tmp.resolve("journal");
    // "stopped" after 2,000 replications: the journal holds them
    MonteCarlo.run(
        s,
        new CrashIsolationTest.Faulty(),
        new MonteCarlo.Options(2000, 24, 7, 3),
        null,
        new RunJournal(dir, 0));
    assertEquals(2000, RunJournal.replicationsIn(dir));
    // continued to 3,500 on another thread count
    MonteCarlo.Result resumed =
        MonteCarlo.run(
            s,
            new CrashIsolationTest.Faulty(),
            new MonteCarlo.Options(3500, 24, 7, 2),
            null,
            new RunJournal(dir, 0));
    assertEquals(3500, RunJournal.replicationsIn(dir));
    MonteCarlo.Result whole =
        MonteCarlo.run(
            s, new CrashIsolationTest.Faulty(), new MonteCarlo.Options(3500, 24, 7, 4), null);

    assertEquals(whole.failures(), resumed.failures());
    assertEquals(whole.odds().replications(), resumed.odds().replications());
    assertEquals(whole.odds().byMonth(), resumed.odds().byMonth());
    assertEquals(whole.odds().blockers(), resumed.odds().blockers());
    assertEquals(whole.odds().positions(), resumed.odds().positions());
    assertEquals(whole.outcomes().size(), resumed.outcomes().size());
    for (int i = 0; i < whole.outcomes().size(); i++) {
      assertEquals(whole.outcomes().get(i).seed(), resumed.outcomes().get(i).seed());
      assertEquals(whole.outcomes().get(i).ending(), resumed.outcomes().get(i).ending());
      assertEquals(whole.outcomes().get(i).round(), resumed.outcomes().get(i).round());
      assertEquals(
          java.util.Arrays.toString(whole.outcomes().get(i).utilities()),
          java.util.Arrays.toString(resumed.outcomes().get(i).utilities()));
    }
    for (int k = 0; k < s.issues().size(); k++) {
      assertEquals(whole.odds().terms().get(k).mean(), resumed.odds().terms().get(k).mean());
      assertEquals(whole.odds().terms().get(k).p50(), resumed.odds().terms().get(k).p50());
    }
  }

  @Test
  void aJournalOfAFewRunsKeepsThemAsTheyAreAndResumesToTheSamePositions() throws Exception {
    Scenario s = MonteCarloTest.uncertainScenario(1);
    int keep = PositionTally.KEEP_RUNS;
    // Stopped with fewer runs than a tally keeps (journalled as runs), then continued both within
    // that number and past it (when the restored runs are counted into a histogram).
    for (int[] plan : new int[][] {{keep / 2, keep - 1}, {keep - 3, 3 * keep}}) {
      Path dir = tmp.resolve("journal-" + plan[0] + "-" + plan[1]);
      MonteCarlo.run(
          s,
          new MediatedSingleText(),
          new MonteCarlo.Options(plan[0], 24, 7, 2),
          null,
          new RunJournal(dir, 0));
      assertEquals(plan[0], RunJournal.replicationsIn(dir));
      // Each kept run is 24 rounds x (actors + the text) x issues bytes; a histogram would be 804
      // bytes a cell.
      long cells = 24L * (s.actors().size() + 1) * s.issues().size();
      long stateBytes = java.nio.file.Files.size(dir.resolve("state.bin"));
      org.junit.jupiter.api.Assertions.assertTrue(
          stateBytes < cells * 201 * 4, stateBytes + " bytes");
      MonteCarlo.Result resumed =
          MonteCarlo.run(
              s,
              new MediatedSingleText(),
              new MonteCarlo.Options(plan[1], 24, 7, 3),
              null,
              new RunJournal(dir, 0));
      MonteCarlo.Result whole =
          MonteCarlo.run(
              s, new MediatedSingleText(), new MonteCarlo.Options(plan[1], 24, 7, 1), null);
      assertEquals(whole.odds().byMonth(), resumed.odds().byMonth());
      assertEquals(whole.odds().positions(), resumed.odds().positions());
    }
  }

  @Test
  void aPrecisionRunThatHadStoppedDoesNotRunFurther() throws Exception {
    Scenario s = MonteCarloTest.uncertainScenario(1);
    Path dir = tmp.resolve("journal");
    MonteCarlo.Options o = new MonteCarlo.Options(20_000, 24, 7, 2).withPrecision(0.05);
    MonteCarlo.Result first =
        MonteCarlo.run(s, new MediatedSingleText(), o, null, new RunJournal(dir, 0));
    MonteCarlo.Result again =
        MonteCarlo.run(s, new MediatedSingleText(), o, null, new RunJournal(dir, 0));
    assertEquals(first.odds().replications(), again.odds().replications());
    assertEquals(first.odds().byMonth(), again.odds().byMonth());
  }
}
