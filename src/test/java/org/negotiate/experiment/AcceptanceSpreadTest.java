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

/**
 * The study of where a conditioned forecast's rejections come from (docs/forecasting.md): its mean
 * acceptance is the rejection sampler's acceptance rate, whatever the split between set-ups and
 * runs; and it prints the split for the baseline as of August 2024 (run it alone: {@code mvn -Plong
 * test -Dtest=AcceptanceSpreadTest -Dfuzz.skip=true}).
 */
class AcceptanceSpreadTest {

  @Test
  void aSetUpThatDecidesNothingSpreadsNothing() {
    AcceptanceSpread flat = new AcceptanceSpread(new double[] {0.5, 0.5, 0.5, 0.5}, 100);
    assertEquals(0.5, flat.mean(), 1e-12);
    // E[p̂²] = 0.25 here, below what binomial noise alone gives: no spread is left
    assertEquals(0, flat.setupVariance(), 1e-12);
    AcceptanceSpread decided = new AcceptanceSpread(new double[] {0, 1, 0, 1}, 100);
    assertEquals(1, decided.shareFromSetups(), 0.02);
    assertEquals(1, decided.bestWeightedAcceptance(), 0.02);
    assertEquals(0.5, decided.neverKept(), 1e-12);
  }

  @Test
  @Tag("long") // ~20,000 replications of the baseline
  void itsMeanIsTheRejectionSamplersAcceptanceAndItSplitsTheBaselines() throws Exception {
    int rounds = 24;
    Scenario full = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of());
    AsOf.Cut cut = AsOf.cut(full, YearMonth.of(2024, 8), rounds);
    Scenario s = cut.scenario();
    Conditions c = Conditions.of(s, cut.observations(), SetupSampler.nominal(s, rounds), 1_000_000);
    AcceptanceSpread spread =
        AcceptanceSpread.measure(
            SetupSampler.plan(s), new MediatedSingleText(), c, rounds, 20221201L, 400, 40);

    MonteCarlo.Result r =
        MonteCarlo.run(
            s,
            new MediatedSingleText(),
            new MonteCarlo.Options(600, rounds, 20221201L, 2).withoutOutcomes().conditionedOn(c),
            null);
    double rate = (double) r.odds().replications() / r.attempted();
    double seRate = Math.sqrt(rate * (1 - rate) / r.attempted());
    double sdP = 0;
    for (double p : spread.acceptance()) sdP += (p - spread.mean()) * (p - spread.mean());
    double seMean = Math.sqrt(sdP / (spread.acceptance().length - 1) / spread.acceptance().length);
    double se = Math.sqrt(seRate * seRate + seMean * seMean);
    System.out.printf(
        "as of 2024-08: rejection sampler %.4f (%d of %d); study %.4f over %d set-ups x %d runs;"
            + " set-ups explain %.2f of the variance of kept; never kept %.2f of set-ups;"
            + " best weighted acceptance %.4f (%.2fx)%n",
        rate,
        r.odds().replications(),
        r.attempted(),
        spread.mean(),
        spread.acceptance().length,
        spread.runs(),
        spread.shareFromSetups(),
        spread.neverKept(),
        spread.bestWeightedAcceptance(),
        spread.bestWeightedAcceptance() / spread.mean());
    assertEquals(rate, spread.mean(), 4 * se, "the study's mean against the sampler's rate");
    assertTrue(spread.shareFromSetups() >= 0 && spread.shareFromSetups() <= 1);
  }
}
