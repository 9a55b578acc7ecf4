package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.protocol.RoundClose;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/** Aggregates without kept outcomes, outcomes kept off the heap, and runs to a precision. */
class MonteCarloStreamingTest {
  private static final Scenario S = MonteCarloTest.uncertainScenario(1);

  private static MonteCarlo.Result run(MonteCarlo.Options o) throws InterruptedException {
    return MonteCarlo.run(S, new MediatedSingleText(), o, null);
  }

  @Test
  void withoutKeptOutcomesTheAggregatesAreTheSame() throws Exception {
    MonteCarlo.Options o = new MonteCarlo.Options(300, 24, 7, 2);
    MonteCarlo.Result kept = run(o);
    MonteCarlo.Result streamed = run(o.withoutOutcomes().withThreads(3));
    assertEquals(300, kept.outcomes().size());
    assertTrue(streamed.outcomes().isEmpty());
    assertEquals(kept.odds().byMonth(), streamed.odds().byMonth());
    assertEquals(kept.odds().positions(), streamed.odds().positions());
    assertEquals(kept.odds().blockers(), streamed.odds().blockers());
    for (int k = 0; k < kept.odds().terms().size(); k++) {
      ConvergenceOdds.IssueTerms a = kept.odds().terms().get(k);
      ConvergenceOdds.IssueTerms b = streamed.odds().terms().get(k);
      assertEquals(a.agreedRuns(), b.agreedRuns());
      assertArrayEquals(a.histogram(), b.histogram());
      assertEquals(a.mean(), b.mean(), 1e-9);
      // streamed quantiles come from 0.01-wide bins
      assertEquals(a.p10(), b.p10(), 0.006);
      assertEquals(a.p50(), b.p50(), 0.006);
      assertEquals(a.p90(), b.p90(), 0.006);
    }
    // the streamed numbers do not depend on the threads either
    MonteCarlo.Result one = run(o.withoutOutcomes().withThreads(1));
    assertEquals(one.odds().terms().get(0).mean(), streamed.odds().terms().get(0).mean());
    assertEquals(one.odds().terms().get(0).p50(), streamed.odds().terms().get(0).p50());
  }

  @Test
  void aPrecisionStopsAtTheFirstStageWithinItAndEqualsTheFixedRun() throws Exception {
    double precision = 0.03;
    MonteCarlo.Result adaptive =
        run(new MonteCarlo.Options(20_000, 24, 11, 2).withPrecision(precision));
    int n = adaptive.odds().replications();
    assertEquals(0, n % MonteCarlo.PRECISION_STAGE);
    assertTrue(n < 20_000);
    ConvergenceOdds.MonthOdds last = adaptive.odds().byMonth().get(23);
    assertTrue(Math.max(last.odds() - last.lower(), last.upper() - last.odds()) <= precision);
    // one stage fewer was not enough
    if (n > MonteCarlo.PRECISION_STAGE) {
      MonteCarlo.Result fewer =
          run(new MonteCarlo.Options(n - MonteCarlo.PRECISION_STAGE, 24, 11, 1));
      ConvergenceOdds.MonthOdds l = fewer.odds().byMonth().get(23);
      assertTrue(Math.max(l.odds() - l.lower(), l.upper() - l.odds()) > precision);
    }
    // the same as asking for n replications, whatever the threads
    MonteCarlo.Result fixed = run(new MonteCarlo.Options(n, 24, 11, 1));
    assertEquals(fixed.odds().byMonth(), adaptive.odds().byMonth());
    assertEquals(fixed.odds().positions(), adaptive.odds().positions());
    for (int i = 0; i < n; i += 97) {
      RunOutcome a = fixed.outcomes().get(i);
      RunOutcome b = adaptive.outcomes().get(i);
      assertEquals(a.seed(), b.seed());
      assertEquals(a.ending(), b.ending());
      assertEquals(a.round(), b.round());
      assertArrayEquals(a.terms(), b.terms());
      assertArrayEquals(a.utilities(), b.utilities());
    }
  }

  @Test
  void theOutcomeStoreReadsBackWhatWasWrittenAcrossSegments() {
    OutcomeStore store = new OutcomeStore(3, 4, 1000); // a 1000-byte heap segment, then mapped ones
    int n = 500;
    store.ensureCapacity(n / 2);
    for (int i = 0; i < n / 2; i++) store.put(i, outcome(i));
    store.ensureCapacity(n);
    for (int i = n - 1; i >= n / 2; i--) store.put(i, outcome(i));
    store.seal();
    List<RunOutcome> view = store.view(n);
    for (int i = 0; i < n; i++) {
      RunOutcome expected = outcome(i);
      RunOutcome got = view.get(i);
      assertEquals(expected.seed(), got.seed());
      assertEquals(expected.ending(), got.ending());
      assertEquals(expected.round(), got.round());
      assertEquals(expected.blocker(), got.blocker());
      assertEquals(expected.reason(), got.reason());
      assertArrayEquals(expected.terms(), got.terms());
      assertArrayEquals(expected.utilities(), got.utilities());
      assertNull(got.trajectory());
    }
  }

  private static RunOutcome outcome(int i) {
    boolean agreed = i % 3 == 0;
    return new RunOutcome(
        Long.MIN_VALUE + 31L * i,
        agreed ? RoundClose.Ending.AGREED : RoundClose.Ending.ROUND_LIMIT,
        i % 24,
        agreed ? new double[] {i / 7.0, -0.0, 100} : null,
        new double[] {0.1 * i, Double.NaN, 1, 1e-300},
        agreed ? -1 : i % 4,
        agreed ? null : RoundClose.BlockReason.values()[i % 4],
        null);
  }
}
