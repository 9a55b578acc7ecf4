package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.Streams;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.RoundClose;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/** A replication that throws or gives NaN is recorded and left out; the experiment completes. */
class CrashIsolationTest {

  /**
   * Throws on seeds ≡ 0 (mod 7); agrees on NaN terms on seeds ≡ 1 (mod 5); otherwise the mediated
   * single text.
   */
  static final class Faulty implements Protocol {
    final Protocol inner = new MediatedSingleText();

    static boolean throwsOn(long seed) {
      return Math.floorMod(seed, 7) == 0;
    }

    static boolean nanOn(long seed) {
      return Math.floorMod(seed, 5) == 1;
    }

    @Override
    public String name() {
      return "faulty";
    }

    @Override
    public org.negotiate.protocol.ProtocolDescriptor descriptor() {
      return inner.descriptor();
    }

    @Override
    public Session open(
        NegotiationSetup setup, org.negotiate.model.Inputs inputs, PerceptionNoise noise) {
      if (throwsOn(setup.seed()))
        throw new IllegalStateException("injected fault, seed " + setup.seed());
      Session s = inner.open(setup, inputs, noise);
      if (!nanOn(setup.seed())) return s;
      return new Session() {
        public void inputsChanged() {
          s.inputsChanged();
        }

        public void propose(int round) {
          s.propose(round);
        }

        public void respond(int party, int round) {
          s.respond(party, round);
        }

        public void concede(int actor, int round) {
          s.concede(actor, round);
        }

        public RoundClose close(int round) {
          RoundClose c = s.close(round);
          if (c.terms() == null) return c;
          double[] nan = new double[c.terms().length];
          Arrays.fill(nan, Double.NaN);
          return new RoundClose(c.ending(), nan, c.blocker(), c.reason());
        }

        public double[][] positions() {
          return s.positions();
        }

        public double[] text() {
          return s.text();
        }

        public org.negotiate.protocol.Verdict verdict(int party) {
          return s.verdict(party);
        }
      };
    }
  }

  @Test
  void failedReplicationsAreRecordedAndLeftOutOfTheOdds() throws Exception {
    Scenario s = MonteCarloTest.uncertainScenario(1);
    int n = 200;
    long seed = 42;
    MonteCarlo.Result one =
        MonteCarlo.run(s, new Faulty(), new MonteCarlo.Options(n, 24, seed, 1), null);
    MonteCarlo.Result four =
        MonteCarlo.run(s, new Faulty(), new MonteCarlo.Options(n, 24, seed, 4), null);

    long expectedThrows = 0;
    for (int i = 0; i < n; i++)
      if (Faulty.throwsOn(Streams.replicationSeed(seed, i))) expectedThrows++;
    assertTrue(expectedThrows > 0, "the fault fires on some seeds");
    List<MonteCarlo.Failure> f = one.failures();
    assertEquals(
        expectedThrows,
        f.stream()
            .filter(x -> x.exception().equals(IllegalStateException.class.getName()))
            .count());
    assertTrue(
        f.stream().anyMatch(x -> x.exception().equals("NonFiniteOutcome")),
        "a NaN outcome is a failure: " + f);
    for (int k = 1; k < f.size(); k++)
      assertTrue(f.get(k - 1).index() < f.get(k).index(), "by index");
    for (MonteCarlo.Failure x : f) assertEquals(Streams.replicationSeed(seed, x.index()), x.seed());
    assertTrue(
        f.stream()
            .filter(x -> x.exception().startsWith("java"))
            .allMatch(x -> x.message().startsWith("injected fault")));

    assertEquals(n - f.size(), one.odds().replications(), "failures are out of the denominator");
    assertEquals(n, one.attempted());
    assertEquals(n - f.size(), one.outcomes().size());
    for (int i = 0; i < one.outcomes().size(); i++) {
      RunOutcome r = one.outcomes().get(i);
      assertEquals(
          Streams.replicationSeed(seed, one.indexOf(i)),
          r.seed(),
          "kept outcomes keep their index");
      assertNull(ReplicationLoop.nonFinite(r));
    }
    // the same with 4 threads
    assertEquals(f, four.failures());
    assertEquals(one.odds().byMonth(), four.odds().byMonth());
    assertEquals(one.odds().positions(), four.odds().positions());
  }

  @Test
  void nonFiniteNumbersAreCaught() {
    double[] ok = {1, 2};
    assertNull(
        ReplicationLoop.nonFinite(
            new RunOutcome(1, RoundClose.Ending.AGREED, 3, ok, ok, -1, null, null)));
    assertNotNull(
        ReplicationLoop.nonFinite(
            new RunOutcome(
                1, RoundClose.Ending.AGREED, 3, new double[] {1, Double.NaN}, ok, -1, null, null)));
    assertNotNull(
        ReplicationLoop.nonFinite(
            new RunOutcome(
                1, RoundClose.Ending.AGREED, 3, ok, new double[] {Double.NaN, 1}, -1, null, null)));
    assertNotNull(
        ReplicationLoop.nonFinite(
            new RunOutcome(
                1,
                RoundClose.Ending.AGREED,
                3,
                ok,
                new double[] {Double.POSITIVE_INFINITY, 1},
                -1,
                null,
                null)));
    // no deal and never a text: NaN utilities are how that is said, not a fault
    RoundClose.Ending noDeal =
        Arrays.stream(RoundClose.Ending.values())
            .filter(e -> e != RoundClose.Ending.AGREED)
            .findFirst()
            .orElseThrow();
    assertNull(
        ReplicationLoop.nonFinite(
            new RunOutcome(
                1, noDeal, 3, null, new double[] {Double.NaN, Double.NaN}, 0, null, null)));
  }

  @Test
  void sweepsAndSensitivityCountFailedReplicationsAndLeaveThemOutOfTheOdds() throws Exception {
    Scenario s = ExplorationEngineTest.BASELINE;
    Faulty faulty = new Faulty();
    List<Sweep.Axis> axes = List.of(Sweep.Axis.parse("turkey.withdrawal.red_line.max=50:90:3"));
    Sweep.Result sweep = Sweep.run(s, faulty, axes, new MonteCarlo.Options(100, 24, 42, 2), null);
    long expected = 0;
    for (int i = 0; i < 100; i++) if (Faulty.throwsOn(Streams.replicationSeed(42, i))) expected++;
    for (Sweep.Point p : sweep.points()) {
      assertTrue(p.valid(), p.problem());
      assertTrue(
          p.failed() >= expected, "at least the injected throws (" + expected + "): " + p.failed());
      assertEquals(
          100 - p.failed(), p.odds().replications(), "failures are out of the denominator");
    }

    // sweep.csv says so in its last column
    java.nio.file.Path csv = java.nio.file.Files.createTempFile("sweep", ".csv");
    try {
      org.negotiate.report.SweepReport.writeCsv(sweep, 23, 23, csv);
      List<String> rows = java.nio.file.Files.readAllLines(csv);
      assertTrue(rows.get(0).endsWith(",failed_replications"), rows.get(0));
      for (int j = 0; j < sweep.points().size(); j++) {
        assertTrue(rows.get(j + 1).endsWith("," + sweep.points().get(j).failed()), rows.get(j + 1));
      }
    } finally {
      java.nio.file.Files.deleteIfExists(csv);
    }

    Batch.Outcomes b =
        Batch.run(Sweep.at(s, axes, sweep.points().get(0).values()), faulty, 24, false, 42, 100);
    assertEquals(
        sweep.points().get(0).failed(),
        b.failed(),
        "a design point fails the same replications as the Monte Carlo");
    assertEquals(100 - b.failed(), b.replications());
    assertEquals((double) b.agreedBy(23) / (100 - b.failed()), b.oddsBy(23), 0.0);

    // a sensitivity analysis adds up the failed replications of its design points
    List<UncertainInput> inputs =
        UncertainInput.select(
            UncertainInput.of(s, true), List.of("turkey.withdrawal.red_line.max"));
    Sensitivity.Result sens =
        Sensitivity.run(
            s, faulty, inputs, new Sensitivity.Settings(50, 24, false, 42, 2, 23, 0, 0), null);
    long injected = 0;
    for (int i = 0; i < 50; i++) if (Faulty.throwsOn(Streams.replicationSeed(42, i))) injected++;
    assertTrue(
        sens.failedReplications() >= 3 * injected,
        "3 points, each failing at least the injected throws: " + sens.failedReplications());
  }
}
