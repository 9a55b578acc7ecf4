package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Observation;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/**
 * Conditioning on observations by rejection: closed forms, and the properties a weighting must
 * have.
 */
class ConditioningTest {
  static final Path BASELINE = Path.of("scenarios/baseline.yaml");
  static final YearMonth START = YearMonth.of(2022, 12);

  static Scenario baseline(String... sets) throws Exception {
    return ScenarioLoader.load(BASELINE, List.of(sets));
  }

  /**
   * Russia's ideal on withdrawal (a mediator reports its ideal) stated at most {@code max} at the
   * start.
   */
  static Observation russiaAtMost(double max, double tolerance) {
    return new Observation.Demand(
        "russia_low", "russia", "withdrawal", START, null, max, tolerance, List.of(), "");
  }

  static MonteCarlo.Result run(Scenario s, List<Observation> obs, int kept, int threads)
      throws Exception {
    MonteCarlo.Options o = new MonteCarlo.Options(kept, 24, 20221201L, threads);
    if (!obs.isEmpty())
      o = o.conditionedOn(Conditions.of(s, obs, SetupSampler.nominal(s, 24), kept * 200));
    return MonteCarlo.run(s, new MediatedSingleText(), o, null);
  }

  static double last(MonteCarlo.Result r) {
    return r.odds().byMonth().get(r.odds().byMonth().size() - 1).odds();
  }

  /**
   * Prior uniform(35, 60), observation "below 45" (hard): the posterior is uniform(35, 45) exactly,
   * the acceptance rate 0.4, and the conditioned odds those of the scenario with uniform(35, 45) as
   * its input.
   */
  @Test
  void aThresholdObservationGivesTheTruncatedPriorAndItsOdds() throws Exception {
    Scenario s = baseline();
    MonteCarlo.Result r = run(s, List.of(russiaAtMost(45, 0)), 2000, 2);
    int kept = r.odds().replications();
    int tried = r.attempted();
    assertTrue(kept >= 2000, "kept " + kept);
    double rate = (double) kept / tried;
    double se = Math.sqrt(0.4 * 0.6 / tried);
    assertEquals(0.4, rate, 4 * se, "acceptance");
    Posterior p = Posterior.of(s, 20221201L, tried, r.outcomes());
    Posterior.Input russia =
        p.inputs().stream()
            .filter(i -> i.key().equals("russia.withdrawal.position"))
            .findFirst()
            .orElseThrow();
    assertEquals(47.5, russia.priorMean(), 4 * 25 / Math.sqrt(12 * tried));
    assertEquals(40, russia.posteriorMean(), 4 * 10 / Math.sqrt(12 * kept));
    assertTrue(russia.posteriorBand()[2] <= 45, "no kept run above the bound");
    // the closed form: the same scenario with the posterior as the input's range
    MonteCarlo.Result truncated =
        run(baseline("russia.withdrawal.position=uniform(35, 45)"), List.of(), 4000, 2);
    double a = last(r);
    double b = last(truncated);
    double err = Math.sqrt(a * (1 - a) / kept + b * (1 - b) / 4000);
    assertEquals(b, a, 4 * err, "conditioned odds " + a + " against the truncated prior's " + b);
  }

  /**
   * A soft observation keeps a run with probability exp(-d²/2σ²): the posterior mean sits between
   * the hard one and the prior's.
   */
  @Test
  void aSoftObservationPullsLessThanAHardOne() throws Exception {
    Scenario s = baseline();
    MonteCarlo.Result hard = run(s, List.of(russiaAtMost(40, 0)), 1000, 2);
    MonteCarlo.Result soft = run(s, List.of(russiaAtMost(40, 5)), 1000, 2);
    double h =
        Posterior.of(s, 20221201L, hard.attempted(), hard.outcomes()).inputs().stream()
            .filter(i -> i.key().equals("russia.withdrawal.position"))
            .findFirst()
            .orElseThrow()
            .posteriorMean();
    double m =
        Posterior.of(s, 20221201L, soft.attempted(), soft.outcomes()).inputs().stream()
            .filter(i -> i.key().equals("russia.withdrawal.position"))
            .findFirst()
            .orElseThrow()
            .posteriorMean();
    assertTrue(h < m && m < 47.5, "hard " + h + " < soft " + m + " < prior 47.5");
    assertTrue(soft.rejections().soft() > 0);
  }

  /**
   * An observation every run reproduces changes nothing: the same odds, positions and outcomes,
   * byte for byte.
   */
  @Test
  void anObservationEveryRunSatisfiesChangesNothing() throws Exception {
    Scenario s = baseline();
    MonteCarlo.Result plain = run(s, List.of(), 600, 2);
    MonteCarlo.Result conditioned =
        run(
            s,
            List.of(
                new Observation.Demand(
                    "any", "russia", "withdrawal", START, 0.0, 100.0, 0, List.of(), "")),
            600,
            2);
    assertEquals(plain.odds().byMonth(), conditioned.odds().byMonth());
    assertEquals(plain.odds().positions(), conditioned.odds().positions());
    assertEquals(0, conditioned.rejections().total());
    assertEquals(plain.outcomes().size(), conditioned.outcomes().size());
    for (int i = 0; i < plain.outcomes().size(); i++)
      SameOutcome.assertSameOutcome(plain.outcomes().get(i), conditioned.outcomes().get(i));
  }

  /** No deal through a month: no kept run agrees by then, and the odds up to it are zero. */
  @Test
  void noDealSoFarLeavesNoDealBeforeTheMonth() throws Exception {
    Scenario s = baseline();
    YearMonth through = YearMonth.of(2024, 8);
    MonteCarlo.Result r =
        run(s, List.of(new Observation.NoDeal("x", through, List.of(), "")), 500, 2);
    int round = s.calendar().round(through);
    for (ConvergenceOdds.MonthOdds m : r.odds().byMonth())
      if (m.round() <= round) assertEquals(0, m.agreed());
    for (var o : r.outcomes()) assertTrue(!o.agreed() || o.round() > round);
    assertNotEquals(0, r.rejections().total());
  }

  /**
   * Property: kept ≤ tried, weights 0 or 1 (nothing negative), the same numbers on any thread count
   * and actor order.
   */
  @Test
  void conditionedRunsAreOrderAndThreadFree() throws Exception {
    Scenario s = baseline();
    List<Observation> obs =
        List.of(
            russiaAtMost(50, 3),
            new Observation.Talks("t", START.plusMonths(5), true, null, List.of(), ""),
            new Observation.NoDeal("n", START.plusMonths(12), List.of(), ""));
    MonteCarlo.Result reference = run(s, obs, 300, 1);
    qt().withFixedSeed(20261206L)
        .withExamples(4)
        .forAll(integers().between(0, 10_000), integers().between(1, 4))
        .checkAssert(
            (shuffle, threads) -> {
              List<Actor> actors = new ArrayList<>(s.actors());
              Collections.shuffle(actors, new java.util.Random(shuffle));
              try {
                MonteCarlo.Result r = run(s.withActors(actors), obs, 300, threads);
                assertEquals(reference.odds().byMonth(), r.odds().byMonth());
                assertEquals(reference.odds().blockers(), r.odds().blockers());
                assertEquals(reference.attempted(), r.attempted());
                assertTrue(r.odds().replications() <= r.attempted());
                assertTrue(r.rejections().total() >= 0 && r.rejections().soft() >= 0);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }

  /**
   * A replication the observations already reject stops at that round, and that changes no verdict:
   * each replication's verdict with the early stop equals its verdict run to the end, with the
   * observations listed against time (a later no-deal first), so an early rejection must wait until
   * the observations before it in order are settled.
   */
  @Test
  void stoppingARejectedReplicationEarlyChangesNoVerdict() throws Exception {
    Scenario s = baseline();
    List<Observation> obs =
        List.of(
            new Observation.NoDeal("n", START.plusMonths(12), List.of(), ""),
            new Observation.Talks("t", START.plusMonths(5), true, null, List.of(), ""),
            russiaAtMost(45, 0),
            russiaAtMost(40, 3));
    Conditions c = Conditions.of(s, obs, SetupSampler.nominal(s, 24), 1000);
    org.negotiate.model.SetupSampler.Plan plan = SetupSampler.plan(s);
    MediatedSingleText protocol = new MediatedSingleText();
    int stopped = 0;
    int[] byVerdict = new int[obs.size() + 2];
    int[] stoppedBy = new int[obs.size() + 2];
    for (int i = 0; i < 300; i++) {
      long seed = org.negotiate.model.Streams.replicationSeed(20221201L, i);
      org.negotiate.model.NegotiationSetup setup = plan.draw(24, false, seed);
      double u = org.negotiate.model.Streams.uniform(seed, Conditions.ACCEPT_STREAM);
      Conditions.Watch early = c.watch(u);
      org.negotiate.sim.RunOutcome a =
          org.negotiate.sim.Replication.run(setup, protocol, (float[][][]) null, early);
      Conditions.Watch full = c.watch();
      org.negotiate.sim.RoundListener toTheEnd = full::roundClosed; // never says enough
      org.negotiate.sim.RunOutcome b =
          org.negotiate.sim.Replication.run(setup, protocol, (float[][][]) null, toTheEnd);
      int verdict = full.verdict(b, u);
      assertEquals(verdict, early.verdict(a, u), "replication " + i);
      byVerdict[verdict + 2]++;
      if (a.round() < b.round()) {
        stopped++;
        stoppedBy[verdict + 2]++;
        assertTrue(
            verdict >= 1 || verdict == Conditions.Watch.SOFT,
            "only a rejection stops a run, and never before the no-deal month is past: " + verdict);
        assertTrue(
            a.round() >= s.calendar().round(START.plusMonths(12)), "stopped at round " + a.round());
      } else {
        SameOutcome.assertSameOutcome(b, a);
      }
    }
    assertTrue(
        stopped > 0, "some replication stopped early: " + java.util.Arrays.toString(byVerdict));
    // a soft demand's draw settles once every month is past (round 12 here, of 24)
    assertTrue(
        stoppedBy[Conditions.Watch.SOFT + 2] > 0,
        "the soft kernel's rejections stop early too: " + java.util.Arrays.toString(stoppedBy));
  }

  /**
   * The stage rule asks for more tries when acceptance is low, never fewer than 100, and only from
   * counts.
   */
  @Test
  void stagesFollowTheAcceptanceRate() {
    assertEquals(1000, MonteCarlo.conditionedStage(1000, 0, 0));
    assertEquals(1000, MonteCarlo.conditionedStage(1000, 0, 100));
    assertEquals(
        1100, MonteCarlo.conditionedStage(1000, 500, 1000)); // 500 more at 50%, with a tenth more
    assertEquals(100, MonteCarlo.conditionedStage(1000, 999, 1000));
  }

  /**
   * A conditioned run tells its progress how many of its tries it kept after each stage, so a bar
   * can size itself from the acceptance rather than sit at 100% while most tries are still to come.
   */
  @Test
  void aConditionedRunReportsWhatItKeptAfterEachStage() throws Exception {
    Scenario s = baseline();
    MonteCarlo.Options o =
        new MonteCarlo.Options(500, 24, 20221201L, 2)
            .conditionedOn(
                Conditions.of(
                    s, List.of(russiaAtMost(40, 0)), SetupSampler.nominal(s, 24), 100_000));
    List<long[]> stages = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicLong lastDone = new java.util.concurrent.atomic.AtomicLong();
    MonteCarlo.Result r =
        MonteCarlo.run(
            s,
            new MediatedSingleText(),
            o,
            new Progress() {
              @Override
              public void done(long count) {
                lastDone.accumulateAndGet(count, Math::max);
              }

              @Override
              public synchronized void kept(long kept, long tried) {
                stages.add(new long[] {kept, tried});
              }
            });
    assertTrue(stages.size() >= 2, "a first stage from the prior, then one sized from its rate");
    long[] end = stages.get(stages.size() - 1);
    assertEquals(r.odds().replications(), end[0], "kept at the end");
    assertEquals(r.attempted(), end[1], "tried at the end");
    assertEquals(r.attempted(), lastDone.get(), "done counts tries");
    for (int i = 1; i < stages.size(); i++) {
      assertTrue(stages.get(i)[1] > stages.get(i - 1)[1], "tries grow stage by stage");
      assertTrue(stages.get(i)[0] >= stages.get(i - 1)[0], "kept never falls");
    }
    // unconditioned runs have no acceptance to report
    List<long[]> none = new java.util.ArrayList<>();
    MonteCarlo.run(
        s,
        new MediatedSingleText(),
        new MonteCarlo.Options(200, 24, 1, 2),
        new Progress() {
          @Override
          public void done(long count) {}

          @Override
          public void kept(long kept, long tried) {
            none.add(new long[] {kept, tried});
          }
        });
    assertTrue(none.isEmpty());
  }

  /** No run reproduces an impossible observation: an error naming it, not a division by zero. */
  @Test
  void anImpossibleObservationIsNamed() throws Exception {
    Scenario s = baseline();
    MonteCarlo.Options o =
        new MonteCarlo.Options(100, 24, 1, 2)
            .conditionedOn(
                Conditions.of(s, List.of(russiaAtMost(10, 0)), SetupSampler.nominal(s, 24), 500));
    MonteCarlo.Result r = MonteCarlo.run(s, new MediatedSingleText(), o, null);
    assertEquals(0, r.odds().replications());
    NoReplicationReproduces e = NoReplicationReproduces.of(r, o.conditions(), START);
    assertEquals("russia_low", e.observationId());
    assertEquals(r.attempted(), e.rejected());
  }
}
