package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.Protocols;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/** The pieces the exploration commands stand on, on the real baseline. */
class ExplorationEngineTest {
  static final Scenario BASELINE = load();
  static final Protocol MEDIATED = Protocols.byName("mediated").orElseThrow();

  static Scenario load() {
    try {
      return ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void batchRunsExactlyTheReplicationsOfMonteCarlo() throws Exception {
    MonteCarlo.Result mc =
        MonteCarlo.run(BASELINE, MEDIATED, new MonteCarlo.Options(60, 24, 5, 2), null);
    Batch.Outcomes b = Batch.run(BASELINE, MEDIATED, 24, false, 5, 60);
    for (int i = 0; i < 60; i++) {
      assertEquals(
          mc.outcomes().get(i).agreed() ? mc.outcomes().get(i).round() : -1,
          b.agreedRound()[i],
          "replication " + i);
      if (!mc.outcomes().get(i).agreed())
        assertEquals(mc.outcomes().get(i).blocker(), b.blocker()[i]);
    }
    assertEquals(mc.odds().byMonth().get(23).agreed(), b.agreedBy(23));
    assertEquals(mc.canonicalActorIds(), b.actorIds());
  }

  @Test
  void uncertainInputsAreDrawnFromTheSamplersStreams() {
    List<UncertainInput> inputs = UncertainInput.of(BASELINE, true);
    List<String> keys = inputs.stream().map(UncertainInput::key).toList();
    assertTrue(
        keys.containsAll(
            List.of(
                "turkey.withdrawal.position",
                "turkey.withdrawal.red_line.max",
                "turkey.ties.opposition",
                "syria.cost_of_delay",
                "russia.pressure.syria",
                "protocol.revision",
                "events.earthquake.turkey.cost_of_delay")),
        keys.toString());
    assertFalse(keys.contains("turkey.withdrawal.salience"), "fixed inputs are not uncertain");
    assertFalse(keys.contains("protocol.noise"));
    long seed = Streams.replicationSeed(20221201, 7);
    NegotiationSetup setup = SetupSampler.draw(BASELINE, 24, seed);
    int turkey = setup.indexOf("turkey");
    int syria = setup.indexOf("syria");
    int opposition = setup.indexOf("opposition");
    assertEquals(
        setup.initial().position(turkey, 0),
        find(inputs, "turkey.withdrawal.position").drawn(seed),
        1e-12);
    assertEquals(
        setup.initial().capability(syria), find(inputs, "syria.capability").drawn(seed), 1e-12);
    assertEquals(
        setup.initial().tie(turkey, opposition),
        find(inputs, "turkey.ties.opposition").drawn(seed),
        1e-12);
    assertEquals(
        setup.params().get("revision"), find(inputs, "protocol.revision").drawn(seed), 1e-12);
    assertEquals(
        Math.max(
            setup.initial().position(turkey, 0),
            find(inputs, "turkey.withdrawal.red_line.max").drawn(seed)),
        setup.initial().redLineMax(turkey, 0),
        1e-12);
  }

  @Test
  void givenValuesAreWhatEveryReplicationUses() {
    UncertainInput horizon = find(UncertainInput.of(BASELINE, true), "protocol.revision");
    UncertainInput quake =
        find(UncertainInput.of(BASELINE, true), "events.earthquake.syria.cost_of_delay");
    UncertainInput pos = find(UncertainInput.of(BASELINE, true), "syria.withdrawal.position");
    java.util.Map<Long, Double> given =
        java.util.Map.of(
            Streams.keyMix(horizon.key()), 1.5,
            Streams.keyMix(quake.key()), 1.25,
            Streams.keyMix(pos.key()), 90.0);
    SetupSampler.Plan plan = SetupSampler.plan(BASELINE, k -> given.getOrDefault(k, Double.NaN));
    for (int i = 0; i < 3; i++) {
      NegotiationSetup s = plan.draw(24, false, Streams.replicationSeed(1, i));
      assertEquals(1.5, s.params().get("revision"));
      assertEquals(90, s.initial().position(s.indexOf("syria"), 0));
      assertTrue(
          s.events().stream()
              .filter(e -> e.id().equals("earthquake"))
              .flatMap(e -> e.changes().stream())
              .anyMatch(c -> c.value() == 1.25),
          "the earthquake's change to Syria's cost of delay is given");
    }
  }

  @Test
  void inputsAreSelectedByKeyPrefixOrPattern() {
    List<UncertainInput> all = UncertainInput.of(BASELINE, true);
    assertEquals(
        List.of("syria.cost_of_delay"),
        UncertainInput.select(all, List.of("syria.cost_of_delay")).stream()
            .map(UncertainInput::key)
            .toList());
    assertTrue(
        UncertainInput.select(all, List.of("turkey")).stream()
            .allMatch(u -> u.key().startsWith("turkey.")));
    assertTrue(
        UncertainInput.select(all, List.of("*.red_line.*")).stream()
            .allMatch(u -> u.key().contains(".red_line.")));
    assertTrue(UncertainInput.select(all, List.of("tur")).isEmpty(), "a prefix ends at a dot");
    assertEquals(
        all.size() - UncertainInput.of(BASELINE, false).size(),
        all.stream().filter(u -> !u.settable()).count(),
        "only events' change values have no --set path");
  }

  @Test
  void sweepAxesParseAndRoundTheirValues() {
    Sweep.Axis a = Sweep.Axis.parse("protocol.noise=0:0.3:4");
    assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3}, a.values());
    assertEquals("0.1", Sweep.format(a.values()[1]));
    assertEquals(
        List.of("x=0.1", "y=5"),
        Sweep.overrides(
            List.of(Sweep.Axis.parse("x=0:1:11"), Sweep.Axis.parse("y=5:10:2")),
            new double[] {0.1, 5}));
    assertEquals(
        6, Sweep.grid(List.of(Sweep.Axis.parse("x=0:1:3"), Sweep.Axis.parse("y=0:1:2"))).size());
    assertThrows(
        IllegalArgumentException.class, () -> Sweep.Axis.parse("turkey.withdrawal.position=0:100"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Sweep.Axis.parse("turkey.withdrawal.position=0:100:1"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Sweep.Axis.parse("turkey.withdrawal.position=a:100:3"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Sweep.checkPath(BASELINE, "turkey.withdrawl.position"));
    assertThrows(IllegalArgumentException.class, () -> Sweep.checkPath(BASELINE, "protocol.nois"));
    Sweep.checkPath(BASELINE, "protocol.noise");
    Sweep.checkPath(BASELINE, "agreement.tolerance");
  }

  @Test
  void leversMoveWholeDistributionsTowardTheOtherSide() {
    List<WhatItTakes.Lever> levers = WhatItTakes.levers(BASELINE, "syria");
    List<String> paths = levers.stream().map(WhatItTakes.Lever::path).toList();
    assertEquals(
        List.of(
            "syria.withdrawal.position",
            "syria.withdrawal.red_line.min",
            "syria.counter_terrorism.position",
            "syria.refugee_return.position",
            "syria.reservation",
            "syria.cost_of_delay"),
        paths);
    WhatItTakes.Lever w = levers.get(0);
    assertEquals(-80, w.limit(), 1e-9, "from 95 toward Türkiye's 15");
    assertEquals(new Quantity.Triangular(75, 85, 90), w.changed(-10));
    WhatItTakes.Lever rl = levers.get(1);
    assertEquals(new Quantity.Uniform(0, 25), rl.changed(-50), "bounds clipped at 0");
    assertEquals(Quantity.of(0), rl.changed(rl.limit()));
    WhatItTakes.Lever flex = levers.get(5);
    assertEquals(new Quantity.Uniform(0.022, 0.076), flex.changed(2));
    assertEquals("syria.cost_of_delay=uniform(0.022, 0.076)", flex.set(2));
    assertEquals("−10", w.describe(-10));
    assertEquals("×2", flex.describe(2));
    assertNotNull(
        WhatItTakes.levers(BASELINE, "turkey").stream()
            .filter(l -> l.path().equals("turkey.withdrawal.red_line.max"))
            .findFirst()
            .orElse(null));
  }

  private static UncertainInput find(List<UncertainInput> inputs, String key) {
    return inputs.stream()
        .filter(u -> u.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key));
  }
}
