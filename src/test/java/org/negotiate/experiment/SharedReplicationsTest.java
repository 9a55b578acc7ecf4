package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.scenario.AsOf;
import org.negotiate.scenario.Observation;
import org.negotiate.scenario.Scenario;

/**
 * Conditioned runs that share their replications (the back-test's as-of months) give each run
 * exactly what it gets alone.
 */
class SharedReplicationsTest {
  private static final YearMonth START = ConditioningTest.START;

  /** Four sets of observations with different acceptance rates, hard and soft. */
  private static final List<List<Observation>> SETS =
      List.of(
          List.of(new Observation.NoDeal("n3", START.plusMonths(3), List.of(), "")),
          List.of(
              new Observation.NoDeal("n12", START.plusMonths(12), List.of(), ""),
              new Observation.Talks("t5", START.plusMonths(5), true, null, List.of(), "")),
          List.of(
              new Observation.Talks("t5", START.plusMonths(5), true, null, List.of(), ""),
              new Observation.NoDeal("n16", START.plusMonths(16), List.of(), ""),
              ConditioningTest.russiaAtMost(45, 0)),
          List.of(
              ConditioningTest.russiaAtMost(50, 3),
              new Observation.NoDeal("n20", START.plusMonths(20), List.of(), "")));

  private static MonteCarlo.Options options(Scenario s, List<Observation> obs, int kept) {
    return new MonteCarlo.Options(kept, 24, 20221201L, 2)
        .withoutOutcomes()
        .conditionedOn(Conditions.of(s, obs, SetupSampler.nominal(s, 24), kept * 200));
  }

  /**
   * Four sets of observations on one scenario, with different acceptance rates (so different
   * stages), hard and soft, listed against time: run together, each gets its lone run's odds,
   * tries, rejections and failures.
   */
  @Test
  void eachSharedRunIsItsLoneRun() throws Exception {
    Scenario s = ConditioningTest.baseline();
    List<List<Observation>> sets = SETS;
    List<Scenario> scenarios = new ArrayList<>();
    List<MonteCarlo.Options> options = new ArrayList<>();
    for (List<Observation> obs : sets) {
      scenarios.add(s);
      options.add(options(s, obs, 40));
    }
    MediatedSingleText protocol = new MediatedSingleText();
    List<MonteCarlo.Result> shared = MonteCarlo.runShared(scenarios, protocol, options, null);
    for (int m = 0; m < sets.size(); m++) {
      MonteCarlo.Result alone = MonteCarlo.run(s, protocol, options.get(m), null);
      MonteCarlo.Result together = shared.get(m);
      assertSameOdds(alone.odds(), together.odds(), "run " + m);
      assertEquals(alone.attempted(), together.attempted(), "run " + m + " tries");
      assertArrayEquals(
          alone.rejections().byObservation(),
          together.rejections().byObservation(),
          "run " + m + " rejections");
      assertEquals(alone.rejections().soft(), together.rejections().soft(), "run " + m);
      assertEquals(alone.failures(), together.failures(), "run " + m);
    }
    // the sets differ enough to stop at different tries, so the stages were interleaved
    assertNotEquals(shared.get(0).attempted(), shared.get(2).attempted());
  }

  /** Equal odds, term histograms compared by content (a record compares arrays by identity). */
  private static void assertSameOdds(ConvergenceOdds a, ConvergenceOdds b, String what) {
    assertEquals(a.replications(), b.replications(), what);
    assertTrue(a.byMonth().equals(b.byMonth()), what + ": odds by month");
    assertTrue(a.blockers().equals(b.blockers()), what + ": blockers");
    assertTrue(a.positions().equals(b.positions()), what + ": position bands");
    assertEquals(a.terms().size(), b.terms().size(), what);
    for (int k = 0; k < a.terms().size(); k++) {
      ConvergenceOdds.IssueTerms x = a.terms().get(k);
      ConvergenceOdds.IssueTerms y = b.terms().get(k);
      assertArrayEquals(x.histogram(), y.histogram(), what + ": terms histogram " + k);
      assertTrue(
          x.equals(
              new ConvergenceOdds.IssueTerms(
                  y.issueId(),
                  y.label(),
                  y.agreedRuns(),
                  x.histogram(),
                  y.mean(),
                  y.p10(),
                  y.p50(),
                  y.p90())),
          what + ": terms " + k);
    }
  }

  /**
   * Months between two dates that change a value or an event draw the same replications; a month
   * that brings new evidence does not.
   */
  @Test
  void onlyCutsThatDrawAlikeShare() throws Exception {
    Scenario s = ConditioningTest.baseline();
    Scenario a = AsOf.cut(s, YearMonth.of(2023, 6), 24).scenario();
    Scenario b = AsOf.cut(s, YearMonth.of(2023, 7), 24).scenario();
    assertNotEquals(a, b, "the cuts differ (observations, dates)");
    assertEquals(Backtest.draws(a), Backtest.draws(b));
    Scenario before = AsOf.cut(s, YearMonth.of(2024, 7), 24).scenario();
    Scenario after = AsOf.cut(s, YearMonth.of(2024, 8), 24).scenario();
    assertNotEquals(Backtest.draws(before), Backtest.draws(after));
  }

  /**
   * The whole back-test, months sharing replications on this machine, equals the month-by-month
   * back-test a cluster runs.
   */
  @Test
  void aBacktestWithSharedMonthsEqualsOneMonthByMonth() throws Exception {
    Scenario s = ConditioningTest.baseline();
    MediatedSingleText protocol = new MediatedSingleText();
    List<Long> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    Backtest shared = Backtest.run(s, protocol, 10, 24, 20221201L, 2, null, progress::add);
    Backtest byMonth =
        Backtest.run(s, protocol, 10, 24, 20221201L, 1, new SerializingEngine(2, 64, 7, 0), null);
    assertEquals(byMonth, shared);
    // the months done, never backwards, at least once per group of months, up to all 23
    for (int i = 1; i < progress.size(); i++)
      assertTrue(progress.get(i) >= progress.get(i - 1), progress.toString());
    assertEquals(23L, progress.get(progress.size() - 1));
    assertTrue(progress.stream().distinct().count() >= 5, progress.toString());
    assertTrue(shared.months().get(22).attempted() > 50, "the late months reject most tries");
  }

  /**
   * Conditioned runs riding on a lead run's replications get exactly their lone results, and the
   * lead its own: with a lead without observations (the odds run under its back-test) and with one
   * (a forecast as of a date), on one thread and two, with a lead shorter than what a rider needs
   * (it goes on alone from there) and longer.
   */
  @Test
  void ridersOnALeadRunGetTheirLoneRuns() throws Exception {
    Scenario s = ConditioningTest.baseline();
    MediatedSingleText protocol = new MediatedSingleText();
    List<List<Observation>> sets = List.of(SETS.get(0), SETS.get(2), SETS.get(3));
    List<Scenario> scenarios = new ArrayList<>();
    List<MonteCarlo.Options> options = new ArrayList<>();
    for (List<Observation> obs : sets) {
      scenarios.add(s);
      options.add(options(s, obs, 40));
    }
    List<MonteCarlo.Result> alone = new ArrayList<>();
    for (int m = 0; m < sets.size(); m++)
      alone.add(MonteCarlo.run(s, protocol, options.get(m), null));
    int longest = alone.stream().mapToInt(MonteCarlo.Result::attempted).max().getAsInt();
    MonteCarlo.Options conditionedLead =
        new MonteCarlo.Options(60, 24, 20221201L, 2)
            .conditionedOn(
                Conditions.of(
                    s,
                    List.of(new Observation.NoDeal("n10", START.plusMonths(10), List.of(), "")),
                    SetupSampler.nominal(s, 24),
                    60 * 200));
    for (MonteCarlo.Options lead :
        List.of(
            new MonteCarlo.Options(30, 24, 20221201L, 2),
            new MonteCarlo.Options(longest + 7, 24, 20221201L, 1),
            conditionedLead)) {
      Riders riders = new Riders(scenarios, options);
      assertTrue(riders.canRideOn(lead));
      MonteCarlo.Result led = MonteCarlo.run(s, protocol, lead, null, null, null, riders);
      MonteCarlo.Result plain = MonteCarlo.run(s, protocol, lead, null);
      assertSameOdds(plain.odds(), led.odds(), "lead " + lead);
      assertEquals(plain.attempted(), led.attempted(), "lead tries");
      assertEquals(plain.outcomes().size(), led.outcomes().size(), "lead outcomes");
      for (int i = 0; i < plain.outcomes().size(); i++)
        SameOutcome.assertSameOutcome(plain.outcomes().get(i), led.outcomes().get(i));
      assertEquals(null, riders.spoiled());
      List<MonteCarlo.Result> rode = riders.results(protocol, null);
      for (int m = 0; m < sets.size(); m++) {
        String what = "rider " + m + " on " + lead;
        assertSameOdds(alone.get(m).odds(), rode.get(m).odds(), what);
        assertEquals(alone.get(m).attempted(), rode.get(m).attempted(), what + " tries");
        assertArrayEquals(
            alone.get(m).rejections().byObservation(),
            rode.get(m).rejections().byObservation(),
            what + " rejections");
        assertEquals(alone.get(m).rejections().soft(), rode.get(m).rejections().soft(), what);
      }
    }
    // the short lead really left riders to go on alone (the long one covers them all)
    assertTrue(alone.stream().anyMatch(r -> r.attempted() > 30), "a rider needs more than 30");
  }

  /** A lead that does not run all its replications here leaves the riders to run alone. */
  @Test
  void aSpoiledRideRunsTheRidersAlone() throws Exception {
    Scenario s = ConditioningTest.baseline();
    MediatedSingleText protocol = new MediatedSingleText();
    MonteCarlo.Options rider =
        options(s, List.of(new Observation.NoDeal("n8", START.plusMonths(8), List.of(), "")), 20);
    Riders riders = new Riders(List.of(s), List.of(rider));
    MonteCarlo.Options lead = new MonteCarlo.Options(50, 24, 20221201L, 2);
    MonteCarlo.run(s, protocol, lead, null, null, new SerializingEngine(2, 16, 7, 0), riders);
    assertTrue(riders.spoiled() != null, "a cluster's replications are not recorded here");
    MonteCarlo.Result alone = MonteCarlo.run(s, protocol, rider, null);
    MonteCarlo.Result rode = riders.results(protocol, null).get(0);
    assertSameOdds(alone.odds(), rode.odds(), "spoiled rider");
    assertEquals(alone.attempted(), rode.attempted());
    // copies of kept runs beyond the budget: the ride stops, the riders run alone
    Riders small = new Riders(List.of(s), List.of(rider), 20_000);
    MonteCarlo.run(s, protocol, lead, null, null, null, small);
    assertTrue(small.spoiled() != null, "a budget of a few runs' copies is exceeded");
    MonteCarlo.Result afterAll = small.results(protocol, null).get(0);
    assertSameOdds(alone.odds(), afterAll.odds(), "rider over budget");
    assertEquals(alone.attempted(), afterAll.attempted());
    // and riders that draw otherwise are refused
    assertTrue(!riders.canRideOn(new MonteCarlo.Options(50, 24, 7L, 2)));
  }

  /**
   * The back-test's months that draw what the odds run draws ride on it: the back-test is the one
   * run without riders, and the months that rode are the late ones, after the last scheduled event.
   */
  @Test
  void aBacktestRidingOnTheOddsRunEqualsOneRunAlone() throws Exception {
    Scenario s = ConditioningTest.baseline();
    MediatedSingleText protocol = new MediatedSingleText();
    Backtest alone = Backtest.run(s, protocol, 10, 24, 20221201L, 2, null, null);
    Backtest.Months months = Backtest.months(s, protocol, 10, 24, 20221201L, 2);
    MonteCarlo.Options lead = new MonteCarlo.Options(300, 24, 20221201L, 2);
    Riders riders = months.riders(s, protocol, lead);
    assertTrue(riders != null, "the last months draw what the scenario draws");
    MonteCarlo.run(s, protocol, lead, null, null, null, riders);
    List<Long> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    Backtest rode = Backtest.run(months, null, progress::add);
    assertEquals(alone, rode);
    assertEquals(23L, progress.get(progress.size() - 1));
    for (int i = 1; i < progress.size(); i++)
      assertTrue(progress.get(i) >= progress.get(i - 1), progress.toString());
    // another protocol's run draws other replications: no riders
    assertEquals(null, months.riders(s, new MediatedSingleText(), lead));
  }
}
