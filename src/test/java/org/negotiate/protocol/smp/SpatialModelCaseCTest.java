package org.negotiate.protocol.smp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure model against KTAB's reference run of Case C (docs/models.md §5.3). */
class SpatialModelCaseCTest {

  private static SpatialModel model() {
    return SpatialModel.of(CaseC.table(), SmpOptions.KTAB_DEFAULTS);
  }

  @Test
  void iterationOneRiskAttitudesAndPce() {
    SpatialModel m = model();
    assertArrayEquals(CaseC.R1, CaseC.printf(m.riskAttitudes(), 3), 1e-12);
    assertArrayEquals(CaseC.PCE1, CaseC.printf(m.pceProbabilities(), 4), 1e-12);
    double sum = 0;
    for (double p : m.pceProbabilities()) sum += p;
    assertEquals(1.0, sum, 1e-12);
  }

  @Test
  void turnOneChallengesAndBargains() {
    SpatialModel m = model();
    SpatialModel.Turn t = m.step();
    List<SpatialModel.Bargain> b = t.bargains();
    assertEquals(7, b.size());
    for (int i = 0; i < 7; i++) {
      double[] ref = CaseC.CHALLENGES_1[i];
      SpatialModel.Bargain x = b.get(i);
      assertEquals((int) ref[0], x.initiator());
      assertEquals((int) ref[1], x.receiver(), "target of actor " + i);
      assertEquals(ref[2], CaseC.printf(x.victoryProbability(), 4), 1e-12, "P[win] of actor " + i);
      assertEquals(ref[3], CaseC.printf(x.gain(), 4), 1e-12, "gain of actor " + i);
      for (int k = 0; k < 3; k++) {
        assertEquals(
            ref[4 + k],
            CaseC.printf(x.initiatorPosition()[k], 3),
            1e-9,
            "bargain " + i + " dim " + k);
        assertEquals(
            ref[7 + k],
            CaseC.printf(x.receiverPosition()[k], 3),
            1e-9,
            "bargain " + i + " dim " + k);
      }
    }
    // Actor 0 chose 4:0 with probability 0.4968; actor 2 stays put.
    assertEquals(0.4968, CaseC.printf(t.chosenProbability()[0], 4), 1e-12);
    assertEquals(4, b.get(t.chosen()[0]).initiator());
    assertEquals(-1, t.chosen()[2]);
  }

  @Test
  void fractionalChangeTraceStopsAfterElevenStates() {
    SpatialModel m = model();
    m.run();
    assertEquals(10, m.turns(), "11 states: the initial one and 10 turns");
    double[] trace = m.fractionalChanges().stream().mapToDouble(Double::doubleValue).toArray();
    assertArrayEquals(CaseC.TRACE, CaseC.printf(trace, 4), 1e-12);
    assertTrue(m.stopRuleMet());
  }

  @Test
  void stopRuleDoesNotFireEarlier() {
    SpatialModel m = model();
    for (int t = 1; t < 10; t++) {
      m.step();
      assertFalse(m.stopRuleMet(), "turn " + t);
    }
    m.step();
    assertTrue(m.stopRuleMet());
  }

  @Test
  void positionHistoryToOneDecimal() {
    SpatialModel m = model();
    m.run();
    for (int s = 0; s <= 10; s++) {
      double[][] x = m.positionsAt(s);
      for (int a = 0; a < 7; a++) {
        assertArrayEquals(
            CaseC.POSITIONS[s][a], CaseC.printf(x[a], 1), 1e-9, "state " + s + ", actor " + a);
      }
    }
    // docs/models.md §5.3 in words: SActor-02 never moves; state 1 and final positions as listed
    // there.
    assertArrayEquals(new double[] {79.5, 44.7, 72.0}, CaseC.printf(m.positionsAt(1)[0], 1), 1e-9);
    assertArrayEquals(new double[] {78.6, 31.6, 74.1}, CaseC.printf(m.positions()[6], 1), 1e-9);
    assertArrayEquals(m.positionsAt(0)[2], m.positions()[2], 0.0);
  }

  @Test
  void winningProbabilityHistory() {
    SpatialModel m = model();
    for (int s = 0; s <= 10; s++) {
      double[] w = CaseC.printf(m.positionProbabilities(), 4);
      for (int a = 0; a < 7; a++)
        assertEquals(CaseC.WINNING[a][s], w[a], 1e-12, "state " + s + ", actor " + a);
      if (s < 10) m.step();
    }
  }

  @Test
  void turnLogNamesTheBargains() {
    SpatialModel m = model();
    SpatialModel.Turn t = m.step();
    assertTrue(
        t.log()
            .contains(
                "SActor-04 challenges SActor-00 (P[win] 0.5836, gain +0.0116): bargain SActor-04 to (79.54, 44.72, 72.05), "
                    + "SActor-00 to (79.54, 44.71, 72.05)"),
        String.join("\n", t.log()));
  }
}
