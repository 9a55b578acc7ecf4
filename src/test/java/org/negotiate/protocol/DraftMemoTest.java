package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.experiment.Batch;
import org.negotiate.model.SetupSampler;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/**
 * Drafts found in the memo are the drafts the solver gives: runs with the memo open, filled by runs
 * before them or not, end exactly as runs without it.
 */
class DraftMemoTest {
  private static final long SEED = 20221201L;

  private static Batch.Outcomes run(Scenario s, boolean memo) {
    if (!memo)
      return Batch.run(SetupSampler.plan(s), new MediatedSingleText(), 24, false, SEED, 40);
    try (DraftMemo.Use use = DraftMemo.open()) {
      return Batch.run(SetupSampler.plan(s), new MediatedSingleText(), 24, false, SEED, 40);
    }
  }

  @Test
  void runsWithTheMemoEndAsRunsWithout() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
    // a cost of delay the mediators never see: the same drafts until Türkiye concedes otherwise
    Scenario slower = ScenarioLoader.override(s, List.of("turkey.cost_of_delay=0.03"));
    Scenario faster = ScenarioLoader.override(s, List.of("turkey.cost_of_delay=0.08"));
    Batch.Outcomes plain = run(s, false);
    Batch.Outcomes plainSlower = run(slower, false);
    Batch.Outcomes plainFaster = run(faster, false);
    long before = DraftMemo.hits();
    Batch.Outcomes first = run(slower, true);
    Batch.Outcomes again = run(s, true);
    Batch.Outcomes other = run(faster, true);
    Batch.Outcomes same = run(slower, true);
    assertTrue(DraftMemo.hits() > before, "design points over the same draws share drafts");
    assertArrayEquals(plainSlower.agreedRound(), first.agreedRound());
    assertArrayEquals(plainSlower.blocker(), first.blocker());
    assertArrayEquals(plain.agreedRound(), again.agreedRound());
    assertArrayEquals(plain.blocker(), again.blocker());
    assertArrayEquals(plainFaster.agreedRound(), other.agreedRound());
    assertArrayEquals(plainFaster.blocker(), other.blocker());
    assertArrayEquals(plainSlower.agreedRound(), same.agreedRound());
    // the two costs of delay do make a difference somewhere, so the memo was put to the test
    assertTrue(
        !java.util.Arrays.equals(plainSlower.agreedRound(), plainFaster.agreedRound()),
        "the variants differ");
  }
}
