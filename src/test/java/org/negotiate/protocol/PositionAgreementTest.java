package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.negotiate.model.Inputs;

class PositionAgreementTest {
  private static Inputs twoParties() {
    return Inputs.builder(2, 1)
        .capability(0, 1)
        .capability(1, 3)
        .salience(0, 0, 1)
        .salience(1, 0, 1)
        .build();
  }

  @Test
  void partiesWithinToleranceAgreeOnTheirWeightedMean() {
    Inputs in = twoParties();
    double[][] positions = {{50}, {54}};
    RoundClose c = PositionAgreement.close(in, positions, new int[] {0, 1}, 5, 3, 10, false);
    assertEquals(RoundClose.Ending.AGREED, c.ending());
    assertEquals(53, c.terms()[0], 1e-12);
    assertFalse(PositionAgreement.reached(new double[][] {{50}, {56}}, new int[] {0, 1}, 5));
  }

  @Test
  void convergedTermsBreakingARedLineAreNoDealAndThatPartyBlocks() {
    // party 0 signs nothing above 52; the weighted mean is 53
    Inputs in = twoParties().toBuilder().redLineMax(0, 0, 52).build();
    double[][] positions = {{50}, {54}};
    assertEquals(
        RoundClose.Ending.CONTINUE,
        PositionAgreement.close(in, positions, new int[] {0, 1}, 5, 3, 10, false).ending());
    RoundClose end = PositionAgreement.close(in, positions, new int[] {0, 1}, 5, 9, 10, false);
    assertEquals(RoundClose.Ending.ROUND_LIMIT, end.ending());
    assertEquals(0, end.blocker());
    assertEquals(RoundClose.BlockReason.RED_LINE, end.reason());
  }

  @Test
  void theFurthestPartyBlocksWhenNoneConverge() {
    Inputs.Builder in = Inputs.builder(3, 1);
    for (int i = 0; i < 3; i++) {
      in.capability(i, 1);
      in.salience(i, 0, 1);
    }
    RoundClose c =
        PositionAgreement.close(
            in.build(), new double[][] {{40}, {45}, {90}}, new int[] {0, 1, 2}, 5, 0, 10, true);
    assertEquals(RoundClose.Ending.STOPPED, c.ending());
    assertEquals(2, c.blocker());
    assertTrue(c.reason() == RoundClose.BlockReason.DISTANCE);
  }

  @Test
  void convergedTermsWorthLessThanNoDealToAPartyAreNoDeal() {
    // One definition of a deal for every protocol (issue 14): inside the red lines and above the
    // reservation.
    Inputs.Builder in = Inputs.builder(2, 1);
    for (int i = 0; i < 2; i++) {
      in.capability(i, 1);
      in.salience(i, 0, 1);
    }
    in.position(0, 0, 0);
    in.position(1, 0, 100);
    double[][] converged = {{50}, {52}};
    assertEquals(
        RoundClose.Ending.AGREED,
        PositionAgreement.close(in.build(), converged, new int[] {0, 1}, 5, 3, 10, false).ending());
    in.reservation(1, 0.6); // the terms (51) are worth 0.51 to party 1
    RoundClose c =
        PositionAgreement.close(in.build(), converged, new int[] {0, 1}, 5, 9, 10, false);
    assertEquals(RoundClose.Ending.ROUND_LIMIT, c.ending());
    assertEquals(1, c.blocker());
    assertEquals(RoundClose.BlockReason.ASPIRATION, c.reason());
  }
}
