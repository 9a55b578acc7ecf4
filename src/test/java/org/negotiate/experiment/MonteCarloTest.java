package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiate.TestScenarios;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;
import org.negotiate.sim.RunOutcome;

class MonteCarloTest {

  /**
   * Three issues, two parties, a mediator and a stakeholder; uncertain inputs and perception noise.
   */
  static Scenario uncertainScenario(double flexibilityScale) {
    Map<String, Stance> a = new LinkedHashMap<>();
    a.put(
        "w",
        new Stance(
            new Quantity.Triangular(5, 15, 30),
            Quantity.of(0.3),
            new RedLine(null, new Quantity.Uniform(45, 70)),
            null,
            null,
            List.of(),
            ""));
    a.put(
        "c",
        new Stance(
            new Quantity.Uniform(70, 95),
            Quantity.of(0.4),
            RedLine.NONE,
            null,
            null,
            List.of(),
            ""));
    a.put(
        "r",
        new Stance(
            new Quantity.Uniform(60, 90),
            Quantity.of(0.3),
            RedLine.NONE,
            null,
            null,
            List.of(),
            ""));
    Map<String, Stance> b = new LinkedHashMap<>();
    b.put(
        "w",
        new Stance(
            new Quantity.Uniform(85, 100),
            new Quantity.Uniform(0.4, 0.6),
            new RedLine(new Quantity.Uniform(40, 75), null),
            null,
            null,
            List.of(),
            ""));
    b.put(
        "c",
        new Stance(
            new Quantity.Uniform(40, 70),
            new Quantity.Uniform(0.2, 0.3),
            RedLine.NONE,
            null,
            null,
            List.of(),
            ""));
    b.put(
        "r",
        new Stance(
            new Quantity.Uniform(30, 60),
            new Quantity.Uniform(0.15, 0.3),
            RedLine.NONE,
            null,
            null,
            List.of(),
            ""));
    Map<String, Stance> m = new LinkedHashMap<>();
    m.put("w", TestScenarios.stance(50, 0.3));
    m.put("c", TestScenarios.stance(70, 0.4));
    m.put("r", TestScenarios.stance(60, 0.3));
    Actor ta = TestScenarios.actor("turkey", Role.PARTY, 80, 0.35, 0.7 * flexibilityScale, a);
    Actor tb = TestScenarios.actor("syria", Role.PARTY, 50, 0.28, 0.45 * flexibilityScale, b);
    Actor med =
        new Actor(
            "russia",
            "Russia",
            Role.MEDIATOR,
            Quantity.of(70),
            Quantity.of(0),
            Quantity.of(1),
            Quantity.of(0),
            Quantity.of(0),
            new Quantity.Uniform(0.05, 0.25),
            m,
            Map.of(),
            Map.of("syria", new Quantity.Uniform(0.0, 0.02)),
            List.of(),
            "");
    Actor st = TestScenarios.actor("opposition", Role.STAKEHOLDER, 20, 0, 1, m);
    return TestScenarios.scenario(
        List.of(TestScenarios.issue("w"), TestScenarios.issue("c"), TestScenarios.issue("r")),
        List.of(ta, tb, med, st),
        List.of(),
        24,
        0.03);
  }

  private static MonteCarlo.Result run(Scenario s, int threads) throws InterruptedException {
    return MonteCarlo.run(
        s, new MediatedSingleText(), new MonteCarlo.Options(200, 24, 42, threads), null);
  }

  @Test
  void sameSeedGivesTheSameResultsWhateverTheThreadCount() throws Exception {
    Scenario s = uncertainScenario(1);
    MonteCarlo.Result one = run(s, 1);
    MonteCarlo.Result four = run(s, 4);
    assertEquals(one.odds().byMonth(), four.odds().byMonth());
    assertEquals(one.odds().positions(), four.odds().positions());
    for (int i = 0; i < one.outcomes().size(); i++)
      SameOutcome.assertSameOutcome(one.outcomes().get(i), four.outcomes().get(i));
    long agreed = one.odds().byMonth().get(23).agreed();
    assertTrue(
        agreed > 0 && agreed < 200,
        "the test scenario should be undecided, got " + agreed + " deals of 200");
  }

  @Test
  void resultsDoNotDependOnTheOrderActorsAreListedIn() {
    Scenario s = uncertainScenario(1);
    MonteCarlo.Result reference;
    try {
      reference = run(s, 2);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    qt().withFixedSeed(20221202L)
        .withExamples(8)
        .forAll(integers().between(0, 10_000))
        .checkAssert(
            shuffleSeed -> {
              List<Actor> actors = new ArrayList<>(s.actors());
              Collections.shuffle(actors, new java.util.Random(shuffleSeed));
              Scenario shuffled = s.withActors(actors);
              try {
                MonteCarlo.Result r = run(shuffled, 2);
                assertEquals(reference.odds().byMonth(), r.odds().byMonth());
                for (int i = 0; i < r.outcomes().size(); i++)
                  SameOutcome.assertSameOutcome(reference.outcomes().get(i), r.outcomes().get(i));
              } catch (InterruptedException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void moreFlexiblePartiesNeverLowerTheOddsByAnyMonth() throws Exception {
    // Since issue 14 the text depends on the history of refusals (a party that concedes faster
    // stops
    // refusing sooner, so the text moves less toward it) and a different verdict path draws its
    // perception noise in a different order, so one replication need not be monotone: the odds by
    // any month may not fall beyond Monte Carlo error (paired over the same draws).
    List<RunOutcome> base = run(uncertainScenario(1), 2).outcomes();
    for (double scale : new double[] {1.2, 1.5, 3}) {
      List<RunOutcome> flexible = run(uncertainScenario(scale), 2).outcomes();
      for (int t = 0; t < 24; t++) {
        int onlyBase = 0;
        int onlyFlexible = 0;
        for (int i = 0; i < base.size(); i++) {
          boolean b = base.get(i).agreed() && base.get(i).round() <= t;
          boolean f = flexible.get(i).agreed() && flexible.get(i).round() <= t;
          if (b && !f) onlyBase++;
          if (f && !b) onlyFlexible++;
        }
        assertTrue(
            onlyBase - onlyFlexible <= 2 * Math.sqrt(onlyBase + onlyFlexible + 1.0),
            "month "
                + t
                + " with flexibility x"
                + scale
                + ": only without "
                + onlyBase
                + ", only with "
                + onlyFlexible);
      }
    }
  }

  @Test
  void wilsonIntervalMatchesThePublishedExample() {
    // n = 50, x = 7: Wilson score [0.069508, 0.261862] (docs/stack.md §4)
    double[] ci = Proportions.wilson(50, 7);
    assertEquals(0.069508, ci[0], 1e-6);
    assertEquals(0.261862, ci[1], 1e-6);
    double[] zero = Proportions.wilson(50, 0);
    assertEquals(0, zero[0], 1e-12);
    assertTrue(zero[1] > 0 && zero[1] < 0.1);
  }
}
