package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.protocol.Protocol;
import org.negotiate.report.OddsTables;
import org.negotiate.report.SensitivityReport;
import org.negotiate.report.SweepReport;
import org.negotiate.scenario.Scenario;

/**
 * A distributed engine gives the local engine's results byte for byte: every task and result goes
 * through Java serialization, blocks run in a shuffled order and some die once and are retried.
 */
class DistributedEngineTest {
  private static final Scenario BASELINE = ExplorationEngineTest.BASELINE;
  private static final Protocol MEDIATED = new MediatedSingleText();
  @TempDir Path tmp;

  /** The CSVs odds writes, as one string per file. */
  private List<String> csvs(Scenario s, MonteCarlo.Result r, String tag) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(tag));
    OddsTables.writeOdds(r.odds(), dir.resolve("odds.csv"));
    OddsTables.writeRounds(r.odds(), dir.resolve("rounds.csv"));
    OddsTables.writeOutcomes(
        s, r, new OutcomeAnalysis[r.outcomes().size()], dir.resolve("outcomes.csv"));
    OddsTables.writeFailures(r.failures(), dir.resolve("failures.csv"));
    List<String> out = new ArrayList<>();
    for (String f : List.of("odds.csv", "rounds.csv", "outcomes.csv", "failures.csv"))
      out.add(Files.readString(dir.resolve(f)));
    return out;
  }

  @Test
  void oddsAreByteIdenticalWhateverTheBlocksTheirOrderAndRetries() throws Exception {
    MonteCarlo.Options o = new MonteCarlo.Options(300, 24, 7, 2);
    List<String> local = csvs(BASELINE, MonteCarlo.run(BASELINE, MEDIATED, o, null), "local");
    for (int block : new int[] {1, 7, 64, 1000}) {
      SerializingEngine engine = new SerializingEngine(3, block, block, 3);
      MonteCarlo.Result r = MonteCarlo.run(BASELINE, MEDIATED, o, null, null, engine);
      assertEquals(local, csvs(BASELINE, r, "block" + block), "block " + block);
      int effective = Math.min(block, 100); // never fewer blocks than the engine's 3 workers
      assertEquals((300 + effective - 1) / effective, engine.tasks(), "every block was a task");
      if (block < 100)
        assertTrue(engine.retried.get() > 0, "some tasks died once and were retried");
    }
  }

  /**
   * A run conditioned on observations keeps the same replications on a cluster: its records carry
   * the rejections.
   */
  @Test
  void conditionedOddsAreByteIdenticalOnACluster() throws Exception {
    java.time.YearMonth start = BASELINE.calendar().start();
    List<org.negotiate.scenario.Observation> obs =
        List.of(
            new org.negotiate.scenario.Observation.Demand(
                "low", "russia", "withdrawal", start, null, 50.0, 3, List.of(), ""),
            new org.negotiate.scenario.Observation.NoDeal(
                "none", start.plusMonths(12), List.of(), ""));
    MonteCarlo.Options o =
        new MonteCarlo.Options(300, 24, 7, 2)
            .conditionedOn(
                Conditions.of(
                    BASELINE,
                    obs,
                    org.negotiate.model.SetupSampler.nominal(BASELINE, 24),
                    300 * 200));
    MonteCarlo.Result local = MonteCarlo.run(BASELINE, MEDIATED, o, null);
    assertTrue(local.rejections().total() > 0, "the observations turn some runs away");
    MonteCarlo.Result spread =
        MonteCarlo.run(BASELINE, MEDIATED, o, null, null, new SerializingEngine(3, 37, 5, 2));
    assertEquals(
        csvs(BASELINE, local, "conditioned-local"), csvs(BASELINE, spread, "conditioned-spread"));
    assertEquals(local.attempted(), spread.attempted());
    assertArrayEquals(local.rejections().byObservation(), spread.rejections().byObservation());
  }

  @Test
  void streamedAggregatesToo() throws Exception {
    MonteCarlo.Options o = new MonteCarlo.Options(250, 24, 11, 2).withoutOutcomes();
    MonteCarlo.Result local = MonteCarlo.run(BASELINE, MEDIATED, o, null);
    MonteCarlo.Result spread =
        MonteCarlo.run(BASELINE, MEDIATED, o, null, null, new SerializingEngine(2, 40, 1, 0));
    assertEquals(local.odds().byMonth(), spread.odds().byMonth());
    assertEquals(local.odds().positions(), spread.odds().positions());
    assertEquals(local.odds().blockers(), spread.odds().blockers());
    for (int k = 0; k < BASELINE.issues().size(); k++) {
      ConvergenceOdds.IssueTerms a = local.odds().terms().get(k);
      ConvergenceOdds.IssueTerms b = spread.odds().terms().get(k);
      assertArrayEquals(a.histogram(), b.histogram());
      assertEquals(a.mean(), b.mean(), 0.0);
      assertEquals(a.p50(), b.p50(), 0.0);
    }
  }

  @Test
  void failedReplicationsAreTheSameOnACluster() throws Exception {
    Protocol faulty = new CrashIsolationTest.Faulty();
    MonteCarlo.Options o = new MonteCarlo.Options(120, 24, 3, 2);
    MonteCarlo.Result local = MonteCarlo.run(BASELINE, faulty, o, null);
    MonteCarlo.Result spread =
        MonteCarlo.run(BASELINE, faulty, o, null, null, new SerializingEngine(2, 16, 5, 2));
    assertTrue(local.failures().size() > 10, "the faulty protocol should fail some replications");
    assertEquals(local.failures(), spread.failures());
    assertEquals(csvs(BASELINE, local, "fl"), csvs(BASELINE, spread, "fs"));
  }

  @Test
  void aPrecisionStopsAtTheSameCount() throws Exception {
    MonteCarlo.Options o =
        new MonteCarlo.Options(20_000, 24, 5, 2).withoutOutcomes().withPrecision(0.03);
    MonteCarlo.Result local = MonteCarlo.run(BASELINE, MEDIATED, o, null);
    MonteCarlo.Result spread =
        MonteCarlo.run(BASELINE, MEDIATED, o, null, null, new SerializingEngine(2, 300, 9, 0));
    assertEquals(local.odds().replications(), spread.odds().replications());
    assertEquals(local.odds().byMonth(), spread.odds().byMonth());
  }

  @Test
  void sweepsAndSensitivityAreByteIdentical() throws Exception {
    List<Sweep.Axis> axes = List.of(Sweep.Axis.parse("turkey.withdrawal.red_line.max=40:90:4"));
    MonteCarlo.Options o = new MonteCarlo.Options(60, 24, 13, 2);
    Sweep.Result local = Sweep.run(BASELINE, MEDIATED, axes, o, null);
    Sweep.Result spread =
        Sweep.run(BASELINE, MEDIATED, axes, o, new SerializingEngine(2, 100, 2, 2), null, null);
    SweepReport.writeCsv(local, 23, 12, tmp.resolve("a.csv"));
    SweepReport.writeCsv(spread, 23, 12, tmp.resolve("b.csv"));
    assertEquals(Files.readString(tmp.resolve("a.csv")), Files.readString(tmp.resolve("b.csv")));

    List<UncertainInput> inputs =
        UncertainInput.select(UncertainInput.of(BASELINE, true), List.of("turkey.*", "protocol.*"));
    Sensitivity.Settings settings = new Sensitivity.Settings(20, 24, false, 3, 2, 23, 8, 50);
    Sensitivity.Result sl = Sensitivity.run(BASELINE, MEDIATED, inputs, settings, null);
    Sensitivity.Result ss =
        Sensitivity.run(
            BASELINE, MEDIATED, inputs, settings, new SerializingEngine(2, 50, 4, 3), null, null);
    SensitivityReport.writeOat(sl, tmp.resolve("oa.csv"));
    SensitivityReport.writeOat(ss, tmp.resolve("ob.csv"));
    SensitivityReport.writeSobol(sl, tmp.resolve("sa.csv"));
    SensitivityReport.writeSobol(ss, tmp.resolve("sb.csv"));
    assertEquals(Files.readString(tmp.resolve("oa.csv")), Files.readString(tmp.resolve("ob.csv")));
    assertEquals(Files.readString(tmp.resolve("sa.csv")), Files.readString(tmp.resolve("sb.csv")));
  }

  @Test
  void aJournalledMapStoppedMidwayFinishesWithTheSameResults() throws Exception {
    Path dir = tmp.resolve("journal");
    Engine.Task<Double> square = i -> (double) i * i / 7.0;
    List<Double> whole = new LocalEngine(2).map(50, 1, square, null);
    AtomicInteger ran = new AtomicInteger();
    Engine.Task<Double> dies =
        i -> {
          if (i >= 20) throw new IllegalStateException("power cut");
          ran.incrementAndGet();
          return (double) i * i / 7.0;
        };
    // pieces of 5,000 replications, so stages of 4 × 2 workers: pieces 0..15 are journalled
    // before piece 20 fails the third stage
    assertThrows(
        IllegalStateException.class,
        () -> new PieceJournal(dir).map(new LocalEngine(2), 50, 5_000, dies, null));
    assertEquals(16, PieceJournal.piecesIn(dir));
    // a torn append (the process died mid-write) is dropped
    Files.write(
        dir.resolve("pieces.bin"),
        new byte[] {0x4e, 0x47, 0x50, 0x31, 0, 0, 0, 3, 0, 0},
        java.nio.file.StandardOpenOption.APPEND);
    AtomicInteger second = new AtomicInteger();
    List<Double> resumed =
        new PieceJournal(dir)
            .map(
                new LocalEngine(2),
                50,
                1,
                i -> {
                  second.incrementAndGet();
                  return (double) i * i / 7.0;
                },
                null);
    assertEquals(whole, resumed);
    assertEquals(34, second.get(), "only the pieces not journalled run again");
  }

  @Test
  void aJournalNeverBringsBackClassesOtherThanResults() throws Exception {
    Path dir = tmp.resolve("hostile");
    new PieceJournal(dir)
        .map(new LocalEngine(1), 1, 1, i -> new java.net.InetSocketAddress("localhost", 1), null);
    Exception e = assertThrows(JournalDamaged.class, () -> PieceJournal.piecesIn(dir));
    assertTrue(
        e.getMessage().contains("InvalidClass") || e.getMessage().contains("filter"),
        e.getMessage());
  }
}
