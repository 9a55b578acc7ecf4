package org.negotiate.protocol.smp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.protocol.smp.SmpOptions.BargainModel;
import org.negotiate.protocol.smp.SmpOptions.InterVecBargain;
import org.negotiate.protocol.smp.SmpOptions.PceModel;
import org.negotiate.protocol.smp.SmpOptions.StateTransition;
import org.negotiate.protocol.smp.SmpOptions.ThirdPartyCommit;
import org.negotiate.protocol.smp.SmpOptions.VotingRule;

/**
 * Options other than the defaults, against the first turn of KTAB's {@code smpExample} reference
 * run ({@code 20170530_ref-smpExample.txt}, lsyaseen/KTAB 3b5b063): PropCbc votes, the
 * Markov-incentive PCE, stochastic transitions. Everything in the first turn up to the random
 * choice of bargains is deterministic, and the run's accommodation matrix acts only after it. The
 * receiver's and compromise bargains that the log prints (though the run uses only the initiator's)
 * check the InitRcvrInterp and PWCompInterp bargain models. Inputs as the log reads them; numbers
 * typed in from the log.
 */
class SpatialModelOptionsTest {
  static final List<String> NAMES = List.of("Alice", "Bob", "Carol", "David", "Ellie");
  static final double[] CAP = {117.7, 93.2, 61.4, 135.4, 63.8};
  static final double[][] POS = {
    {52.8, 39.8, 39.6},
    {15.9, 61.4, 72.0},
    {61.1, 86.5, 44.5},
    {26.3, 16.5, 15.9},
    {73.3, 61.1, 26.3}
  };
  static final double[][] SAL = {
    {32.3, 22.4, 13.4},
    {25.2, 34.5, 26.5},
    {28.8, 28.6, 18.2},
    {15.6, 42.0, 14.3},
    {39.7, 19.9, 15.8}
  };

  static final SmpOptions EXAMPLE =
      SmpOptions.KTAB_DEFAULTS
          .withVotingRule(VotingRule.PROP_CUBIC)
          .withPce(PceModel.MARKOV_INCENTIVE)
          .withTransition(StateTransition.STOCHASTIC, 3507583219545544127L);

  static final double[] R1 = {+1.000, -0.387, -0.500, -0.001, -0.298};

  /** Per initiator: target, P[win], gain, the initiator's bargain for itself and for the target. */
  static final double[][] CHALLENGES = {
    {4, 0.5257, 0.0115, 64.110, 48.130, 32.540, 64.110, 48.130, 32.540},
    {2, 0.7180, 0.2315, 23.480, 63.810, 70.130, 23.480, 63.810, 70.130},
    {0, 0.4396, 0.0975, 55.530, 63.190, 42.210, 55.530, 63.190, 42.210},
    {2, 0.7837, 0.4318, 33.480, 18.890, 19.040, 33.480, 18.890, 19.040},
    {2, 0.5467, 0.0632, 70.060, 76.000, 34.980, 70.060, 76.010, 34.980},
  };

  /**
   * Per initiator: the bargain "from the receiver's perspective", initiator's then receiver's
   * position.
   */
  static final double[][] RECEIVER_BARGAINS = {
    {73.140, 60.790, 26.410, 73.140, 60.790, 26.410},
    {57.900, 83.320, 49.290, 57.900, 83.320, 49.290},
    {52.900, 40.930, 39.730, 52.900, 40.930, 39.730},
    {54.230, 41.440, 34.750, 54.240, 41.440, 34.750},
    {61.210, 86.440, 44.430, 61.210, 86.440, 44.430},
  };

  /** Per initiator: the "power-weighted compromise". */
  static final double[][] COMPROMISES = {
    {68.855, 54.782, 29.319, 68.855, 54.782, 29.319},
    {39.563, 72.926, 60.393, 39.563, 72.926, 60.393},
    {54.284, 52.641, 41.035, 54.284, 52.641, 41.035},
    {44.115, 30.448, 27.092, 44.120, 30.448, 27.092},
    {65.629, 81.227, 39.711, 65.629, 81.232, 39.711},
  };

  /**
   * Per actor: its queue as {initiator, receiver, probability}, status quo first, in KTAB's order.
   */
  static final double[][][] QUEUES = {
    {{0, 0, 0.0054}, {2, 0, 0.7502}, {0, 4, 0.2444}},
    {{1, 1, 0.4205}, {1, 2, 0.5795}},
    {{2, 2, 0.0859}, {4, 2, 0.0695}, {3, 2, 0.4215}, {2, 0, 0.2255}, {1, 2, 0.1976}},
    {{3, 3, 0.3948}, {3, 2, 0.6052}},
    {{4, 4, 0.0264}, {4, 2, 0.0250}, {0, 4, 0.9486}},
  };

  static SpatialModel model(SmpOptions o) {
    double[][] sal = new double[5][3];
    for (int i = 0; i < 5; i++) for (int k = 0; k < 3; k++) sal[i][k] = SAL[i][k] / 100.0;
    return new SpatialModel(NAMES, CAP, POS, sal, o);
  }

  @Test
  void propCubicVotesAndMarkovIncentivePce() {
    SpatialModel m = model(EXAMPLE);
    assertArrayEquals(R1, CaseC.printf(m.riskAttitudes(), 3), 1e-12);
    SpatialModel.Turn t = m.step();
    assertEquals(5, t.bargains().size());
    for (int i = 0; i < 5; i++) {
      SpatialModel.Bargain b = t.bargains().get(i);
      double[] ref = CHALLENGES[i];
      assertEquals(i, b.initiator());
      assertEquals((int) ref[0], b.receiver());
      assertEquals(ref[1], CaseC.printf(b.victoryProbability(), 4), 1e-12);
      assertEquals(ref[2], CaseC.printf(b.gain(), 4), 1e-12);
      assertArrayEquals(
          new double[] {ref[3], ref[4], ref[5]}, CaseC.printf(b.initiatorPosition(), 3), 1e-9);
      assertArrayEquals(
          new double[] {ref[6], ref[7], ref[8]}, CaseC.printf(b.receiverPosition(), 3), 1e-9);
    }
    for (int k = 0; k < 5; k++) {
      assertEquals(QUEUES[k].length, t.queues()[k].length, "queue of actor " + k);
      for (double[] entry : QUEUES[k]) {
        int init = (int) entry[0];
        int rcvr = (int) entry[1];
        double p = Double.NaN;
        for (int q = 0; q < t.queues()[k].length; q++) {
          int b = t.queues()[k][q];
          boolean match =
              b < 0
                  ? init == rcvr
                  : t.bargains().get(b).initiator() == init
                      && t.bargains().get(b).receiver() == rcvr;
          if (match) p = t.queueProbabilities()[k][q];
        }
        assertEquals(
            entry[2], CaseC.printf(p, 4), 1e-12, "actor " + k + ", bargain " + init + ":" + rcvr);
      }
    }
  }

  @Test
  void receiverInterpolationReproducesKtabsUseOfTheGainAsAProbability() {
    SpatialModel m =
        model(
            EXAMPLE.withBargaining(
                ThirdPartyCommit.SEMI_COMMIT, InterVecBargain.S2P2, BargainModel.INIT_RCVR_INTERP));
    SpatialModel.Turn t = m.step();
    assertEquals(10, t.bargains().size());
    for (int i = 0; i < 5; i++) {
      SpatialModel.Bargain own = t.bargains().get(2 * i);
      SpatialModel.Bargain theirs = t.bargains().get(2 * i + 1);
      assertEquals(i, own.perspective());
      assertEquals(own.receiver(), theirs.perspective());
      double[] ref = RECEIVER_BARGAINS[i];
      assertArrayEquals(
          new double[] {ref[0], ref[1], ref[2]}, CaseC.printf(theirs.initiatorPosition(), 3), 1e-9);
      assertArrayEquals(
          new double[] {ref[3], ref[4], ref[5]}, CaseC.printf(theirs.receiverPosition(), 3), 1e-9);
    }
  }

  @Test
  void powerWeightedCompromise() {
    SpatialModel m =
        model(
            EXAMPLE.withBargaining(
                ThirdPartyCommit.SEMI_COMMIT, InterVecBargain.S2P2, BargainModel.PW_COMP_INTERP));
    SpatialModel.Turn t = m.step();
    assertEquals(5, t.bargains().size());
    for (int i = 0; i < 5; i++) {
      SpatialModel.Bargain b = t.bargains().get(i);
      double[] ref = COMPROMISES[i];
      assertArrayEquals(
          new double[] {ref[0], ref[1], ref[2]}, CaseC.printf(b.initiatorPosition(), 3), 1e-9);
      assertArrayEquals(
          new double[] {ref[3], ref[4], ref[5]}, CaseC.printf(b.receiverPosition(), 3), 1e-9);
    }
  }

  @Test
  void stochasticTransitionsAreReproducibleFromTheSeed() {
    SpatialModel a = model(EXAMPLE);
    SpatialModel b = model(EXAMPLE);
    for (int t = 0; t < 20; t++) {
      a.step();
      b.step();
    }
    for (int i = 0; i < 5; i++) assertArrayEquals(a.positions()[i], b.positions()[i], 0.0);
  }
}
