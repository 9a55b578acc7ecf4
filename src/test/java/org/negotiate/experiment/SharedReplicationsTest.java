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
    List<List<Observation>> sets =
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
}
