package org.negotiate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/**
 * A draw with some inputs' values given: giving each input the value its own stream draws is the
 * plain draw, and giving another changes that input alone, not what the mediators are told of it.
 */
class SetupSamplerGivenTest {

  @Test
  void givenUniformsReplaceTheStreamsOfThoseInputsOnly() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of());
    SetupSampler.Plan plan = SetupSampler.plan(s);
    long key = Streams.keyMix("syria.withdrawal.red_line.min");
    org.negotiate.scenario.Quantity redLine =
        s.actors().stream()
            .filter(a -> a.id().equals("syria"))
            .findFirst()
            .orElseThrow()
            .stances()
            .get("withdrawal")
            .redLine()
            .min();
    for (int i = 0; i < 20; i++) {
      long seed = Streams.replicationSeed(7, i);
      NegotiationSetup drawn = plan.draw(24, false, seed);
      NegotiationSetup same =
          SetupSampler.plan(
                  s, k -> k == key ? redLine.quantile(Streams.uniform(seed, key)) : Double.NaN)
              .draw(24, false, seed);
      assertEquals(describe(drawn), describe(same));
      NegotiationSetup moved =
          SetupSampler.plan(s, k -> k == key ? 74.97 : Double.NaN).draw(24, false, seed);
      int syria = drawn.actorIds().indexOf("syria");
      int withdrawal = drawn.issueIds().indexOf("withdrawal");
      assertNotEquals(
          drawn.initial().redLineMin(syria, withdrawal),
          moved.initial().redLineMin(syria, withdrawal));
      // unless the drawn position lies below it
      assertEquals(
          Math.min(74.97, drawn.initial().position(syria, withdrawal)),
          moved.initial().redLineMin(syria, withdrawal),
          1e-9);
      assertEquals(
          describe(drawn).replace(line(drawn, syria, withdrawal), ""),
          describe(moved).replace(line(moved, syria, withdrawal), ""),
          "only that red line moved");
      // what the mediators are told of it is the scenario's range, whatever the value
      assertEquals(45, moved.initial().statedMinLo(syria, withdrawal), 1e-12);
      assertEquals(
          Math.max(75, moved.initial().redLineMin(syria, withdrawal)),
          moved.initial().statedMinHi(syria, withdrawal),
          1e-12);
    }
  }

  /**
   * Parameters a plan gives are fixed for it: every draw hands the protocol the same map, which it
   * reads once (as for a scenario whose parameters are all fixed).
   */
  @Test
  void givenParametersAreOneMapForEveryDraw() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of());
    long revision = Streams.keyMix("protocol.revision");
    SetupSampler.Plan drawn = SetupSampler.plan(s);
    assertNotSame(drawn.draw(24, false, 1).params(), drawn.draw(24, false, 2).params());
    SetupSampler.Plan given = SetupSampler.plan(s, k -> k == revision ? 1.5 : Double.NaN);
    assertSame(given.draw(24, false, 1).params(), given.draw(24, false, 2).params());
    assertEquals(1.5, given.draw(24, false, 3).params().get("revision"));
  }

  private static String line(NegotiationSetup s, int a, int k) {
    return "min " + s.initial().redLineMin(a, k) + ";";
  }

  /** Every drawn number a set-up holds, as text. */
  private static String describe(NegotiationSetup s) {
    StringBuilder b = new StringBuilder();
    Inputs in = s.initial();
    for (int a = 0; a < s.actors(); a++) {
      b.append(in.capability(a)).append(' ').append(in.reservation(a)).append(' ');
      for (int k = 0; k < s.issueIds().size(); k++) {
        b.append(in.position(a, k)).append(' ').append(in.salience(a, k)).append(' ');
        b.append("min ").append(in.redLineMin(a, k)).append(";");
        b.append(in.redLineMax(a, k)).append(' ').append(in.costOfDelay(a, k)).append(' ');
      }
    }
    b.append(s.events()).append(s.params());
    return b.toString();
  }
}
