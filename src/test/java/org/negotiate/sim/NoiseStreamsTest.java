package org.negotiate.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.Protocols;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/**
 * A thread's replications reuse its spare noise generators ({@link NoiseStreams}): a replication
 * run after others on the same thread, or inside another one, draws the same noise, bit for bit, as
 * one run alone on a fresh thread (which has no spares, so every generator is new).
 */
class NoiseStreamsTest {
  private static final int RUNS = 30;

  private final Scenario s;
  private final Protocol protocol;
  private final int rounds;
  private final SetupSampler.Plan plan;

  NoiseStreamsTest() throws Exception {
    s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
    protocol = Protocols.byName(s.protocol().name()).orElseThrow();
    rounds = s.experiment().rounds();
    plan = SetupSampler.plan(s);
  }

  private NegotiationSetup setup(int i) {
    return plan.draw(rounds, false, Streams.replicationSeed(20221201L, i));
  }

  /** Replication i alone, on a thread of its own. */
  private RunOutcome alone(int i) throws InterruptedException {
    RunOutcome[] out = new RunOutcome[1];
    Thread t = new Thread(() -> out[0] = Replication.run(setup(i), protocol, true));
    t.start();
    t.join();
    return out[0];
  }

  private static void assertSameRun(RunOutcome expected, RunOutcome actual, String at) {
    assertEquals(expected.ending(), actual.ending(), at);
    assertEquals(expected.round(), actual.round(), at);
    assertArrayEquals(expected.terms(), actual.terms(), at);
    assertArrayEquals(expected.utilities(), actual.utilities(), at);
    assertEquals(expected.blocker(), actual.blocker(), at);
    for (int t = 0; t < expected.trajectory().length; t++)
      for (int a = 0; a < expected.trajectory()[t].length; a++)
        assertArrayEquals(
            expected.trajectory()[t][a], actual.trajectory()[t][a], at + ", round " + t);
  }

  @Test
  void replicationsOneAfterAnotherOrOneInsideAnotherDrawTheirOwnNoise() throws Exception {
    assertTrue(
        s.protocol().params().get("noise").nominal() > 0, "the baseline's parties draw noise");
    List<RunOutcome> reference = new ArrayList<>();
    for (int i = 0; i <= RUNS; i++) reference.add(alone(i));

    // one after another on this thread: from the second on, every generator is a spare
    for (int i = 0; i <= RUNS; i++)
      assertSameRun(reference.get(i), Replication.run(setup(i), protocol, true), "in turn " + i);

    // replication i + 1 run (to its end) inside each round of replication i, on the same thread
    for (int i = 0; i < RUNS; i++) {
      int inner = i + 1;
      List<RunOutcome> inside = new ArrayList<>();
      RoundListener nest =
          (round, fired, session, close) ->
              inside.add(Replication.run(setup(inner), protocol, true));
      RunOutcome outer = Replication.run(setup(i), protocol, nest);
      assertSameRun(reference.get(i), outer, "outer " + i);
      for (RunOutcome r : inside) assertSameRun(reference.get(inner), r, "inner " + inner);
    }
  }
}
