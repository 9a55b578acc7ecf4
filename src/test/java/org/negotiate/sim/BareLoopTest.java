package org.negotiate.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.Protocols;
import org.negotiate.protocol.RoundClose;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/**
 * {@link BareLoop} repeats {@link NegotiationModel}'s round loop without MASON, so that benchmarks
 * can say what the engine costs: it is only a fair measure while both run the same negotiation.
 * Every protocol, the baseline's first replications (which agree, break down and run out of time):
 * the same ending, terms, blocker and reason, bit for bit.
 */
class BareLoopTest {
  @Test
  void theBareLoopEndsEveryReplicationAsTheModelDoes() throws Exception {
    Scenario baseline = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
    int rounds = baseline.experiment().rounds();
    for (String name : Protocols.names()) {
      Scenario s = ScenarioLoader.override(baseline, List.of("protocol.name=" + name));
      Protocol protocol = Protocols.byName(name).orElseThrow();
      SetupSampler.Plan plan = SetupSampler.plan(s);
      int[] endings = new int[RoundClose.Ending.values().length];
      for (int i = 0; i < 150; i++) {
        NegotiationSetup setup = plan.draw(rounds, false, Streams.replicationSeed(20221201L, i));
        RunOutcome model = Replication.run(setup, protocol, false);
        RoundClose bare = BareLoop.run(setup, protocol);
        String at = name + " replication " + i;
        assertEquals(model.ending(), bare.ending(), at);
        assertArrayEquals(model.terms(), bare.terms(), at);
        assertEquals(model.blocker(), bare.blocker(), at);
        assertEquals(model.reason(), bare.reason(), at);
        endings[model.ending().ordinal()]++;
      }
      int kinds = 0;
      for (int e : endings) if (e > 0) kinds++;
      assertTrue(
          kinds >= 2 || name.equals("eum"),
          name + " ends in more than one way: " + java.util.Arrays.toString(endings));
    }
  }
}
