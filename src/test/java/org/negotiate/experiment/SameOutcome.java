package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.negotiate.sim.RunOutcome;

/** Two runs' outcomes are the same run: seed, ending, round, blocker, terms and utilities. */
public final class SameOutcome {
  private SameOutcome() {}

  public static void assertSameOutcome(RunOutcome a, RunOutcome b) {
    assertEquals(a.seed(), b.seed());
    assertEquals(a.ending(), b.ending());
    assertEquals(a.round(), b.round());
    assertEquals(a.blocker(), b.blocker());
    assertArrayEquals(a.terms(), b.terms());
    assertArrayEquals(a.utilities(), b.utilities());
  }
}
