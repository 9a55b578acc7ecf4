package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.scenario.AsOf;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.sim.RunOutcome;

/**
 * Whether likelihood-free chains over set-ups ({@link Chains}) would make the conditioned forecast
 * cheaper than rejection at the same effective sample size (docs/forecasting.md, "What limits the
 * conditioned forecast's speed"). Long: run it alone with {@code mvn -Plong test
 * -Dtest=ChainsStudyTest -Dfuzz.skip=true -DnoSpark -Dchains.runs=1500 -Dchains.step=1.0} (Maven's
 * own {@code -D} properties reach the tests).
 */
@Tag("long")
class ChainsStudyTest {
  private static final int ROUNDS = 24;
  private static final long SEED = 20221201L;

  private record Cut(Scenario scenario, Conditions conditions) {
    static Cut of(YearMonth month) throws Exception {
      Scenario full = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of());
      AsOf.Cut cut = AsOf.cut(full, month, ROUNDS);
      Scenario s = cut.scenario();
      return new Cut(
          s,
          Conditions.of(
              s,
              cut.observations(),
              SetupSampler.nominal(s, ROUNDS),
              Conditions.DEFAULT_ATTEMPTS_PER_KEPT * 2000));
    }

    MonteCarlo.Options options(int runs, int threads) {
      return new MonteCarlo.Options(runs, ROUNDS, SEED, threads, false).conditionedOn(conditions);
    }
  }

  @Test
  void theSameSeedGivesTheSameStepsOnAnyThreadCount() throws Exception {
    Cut c = Cut.of(YearMonth.of(2024, 8));
    Chains.Settings small = new Chains.Settings(6, 0.25, 4, 50);
    Chains.Sample one = Chains.run(c.scenario(), new MediatedSingleText(), c.options(30, 1), small);
    Chains.Sample two = Chains.run(c.scenario(), new MediatedSingleText(), c.options(30, 2), small);
    assertEquals(one.outcomes().size(), two.outcomes().size());
    assertEquals(one.effective(), two.effective());
    assertEquals(one.moves(), two.moves());
    for (int i = 0; i < one.outcomes().size(); i++) {
      SameOutcome.assertSameOutcome(one.outcomes().get(i), two.outcomes().get(i));
      assertTrue(java.util.Arrays.equals(one.uniforms().get(i), two.uniforms().get(i)));
    }
    assertTrue(one.moves() > 0, "some chain moved");
  }

  /**
   * Prints what the chains cost against rejection at the same effective size, and checks both
   * agree.
   */
  @Test
  void chainsAgreeWithRejectionForFewerRuns() throws Exception {
    int runs = Integer.getInteger("chains.runs", 1500);
    for (YearMonth m : new YearMonth[] {YearMonth.of(2024, 8), YearMonth.of(2023, 6)}) {
      Cut c = Cut.of(m);
      long t0 = System.nanoTime();
      MonteCarlo.Result rej =
          MonteCarlo.run(c.scenario(), new MediatedSingleText(), c.options(runs, 2), null);
      long t1 = System.nanoTime();
      Chains.Sample ch =
          Chains.run(
              c.scenario(),
              new MediatedSingleText(),
              c.options(runs, 2),
              new Chains.Settings(
                  Integer.getInteger("chains.chains", 64),
                  Double.parseDouble(System.getProperty("chains.step", "1.0")),
                  16,
                  50));
      long t2 = System.nanoTime();
      long deals = rej.outcomes().stream().filter(RunOutcome::agreed).count();
      double pRej = (double) deals / rej.outcomes().size();
      double pCh = ch.dealShare();
      double pool = (pRej + pCh) / 2;
      double se = Math.sqrt(pool * (1 - pool) * (1.0 / rej.outcomes().size() + 1 / ch.effective()));
      System.out.printf(
          "as of %s: rejection %d tried, %d kept, P(deal) %.4f, %.2f s; chains %d starts tried + %d"
              + " steps (%d chains x %d), moves %.3f, P(deal) %.4f, effective %.0f, %.2f s%n",
          m,
          rej.attempted(),
          rej.outcomes().size(),
          pRej,
          (t1 - t0) / 1e9,
          ch.starts().attempted(),
          ch.proposals(),
          ch.chains(),
          ch.stepsPerChain(),
          (double) ch.moves() / ch.proposals(),
          pCh,
          ch.effective(),
          (t2 - t1) / 1e9);
      assertTrue(Math.abs(pRej - pCh) < 4 * se, "chains " + pCh + " against rejection " + pRej);
    }
  }
}
