package org.negotiate.protocol.smp;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the SMP, whatever the inputs and options. */
class SpatialModelProperties {

  /**
   * Random inputs: 2–8 actors, 1–4 dimensions; coarse positions (multiples of 10) make ties likely.
   */
  record World(double[] cap, double[][] pos, double[][] sal) {
    static World random(long seed, boolean coarse) {
      return random(seed, coarse, false);
    }

    /**
     * With {@code valid}, saliences as KTAB accepts them: each > 0, summing to at most 1 per actor.
     */
    static World random(long seed, boolean coarse, boolean valid) {
      SplittableRandom r = new SplittableRandom(seed);
      int n = r.nextInt(2, 9);
      int d = r.nextInt(1, 5);
      double[] cap = new double[n];
      double[][] pos = new double[n][d];
      double[][] sal = new double[n][d];
      for (int i = 0; i < n; i++) {
        cap[i] = r.nextDouble(0.5, 200);
        for (int k = 0; k < d; k++) {
          pos[i][k] = coarse ? 10 * r.nextInt(0, 11) : r.nextDouble(0, 100);
          // Mostly KTAB-valid totals (<= 1); some above 1 and some zeros, which KTAB refuses.
          sal[i][k] =
              valid
                  ? r.nextDouble(0.01, 1.0 / d)
                  : r.nextInt(10) == 0 ? 0 : r.nextDouble(0, r.nextBoolean() ? 1.0 / d : 1);
        }
      }
      return new World(cap, pos, sal);
    }

    SpatialModel model(SmpOptions o) {
      return new SpatialModel(null, cap, pos, sal, o);
    }
  }

  static SmpOptions randomOptions(long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    SmpOptions d = SmpOptions.KTAB_DEFAULTS;
    if (r.nextBoolean()) return d;
    return d.withVictoryProb(pick(r, SmpOptions.VictoryProb.values()))
        .withVotingRule(pick(r, SmpOptions.VotingRule.values()))
        .withPce(pick(r, SmpOptions.PceModel.values()))
        .withTransition(pick(r, SmpOptions.StateTransition.values()), seed)
        .withBigR(pick(r, SmpOptions.BigRRange.values()), pick(r, SmpOptions.BigRAdjust.values()))
        .withBargaining(
            pick(r, SmpOptions.ThirdPartyCommit.values()),
            pick(r, SmpOptions.InterVecBargain.values()),
            pick(r, SmpOptions.BargainModel.values()));
  }

  private static <E> E pick(SplittableRandom r, E[] values) {
    return values[r.nextInt(values.length)];
  }

  @Test
  void positionsStayInRangeAndProbabilitiesSumToOne() {
    qt().withFixedSeed(20221202L)
        .withExamples(150)
        .forAll(integers().between(0, Integer.MAX_VALUE), integers().between(0, 1))
        .checkAssert(
            (seed, coarse) -> {
              SmpOptions o = randomOptions(seed);
              SpatialModel m = World.random(seed, coarse == 1).model(o);
              for (int t = 0; t < 12; t++) {
                double[] p = m.pceProbabilities();
                double sum = 0;
                for (double x : p) {
                  if (!(x >= 0 && x <= 1))
                    throw new AssertionError("PCE probability " + x + " with " + o);
                  sum += x;
                }
                if (Math.abs(sum - 1) > 1e-9)
                  throw new AssertionError("PCE probabilities sum to " + sum + " with " + o);
                for (double x : m.positionProbabilities()) {
                  if (!(x >= 0 && x <= 1 + 1e-12))
                    throw new AssertionError("position probability " + x);
                }
                for (double x : m.riskAttitudes()) {
                  if (!(x >= -1 - 1e-12 && x <= 1 + 1e-12))
                    throw new AssertionError("risk attitude " + x + " with " + o);
                }
                SpatialModel.Turn turn = m.step();
                for (double[] a : m.positions()) {
                  for (double x : a)
                    if (!(x >= 0 && x <= 100))
                      throw new AssertionError("position " + x + " with " + o);
                }
                if (!(turn.fractionalChange() >= 0))
                  throw new AssertionError("fractional change " + turn.fractionalChange());
              }
            });
  }

  @Test
  void resultDoesNotDependOnTheOrderActorsAreListed() {
    qt().withFixedSeed(20221203L)
        .withExamples(100)
        .forAll(integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            seed -> {
              World w = World.random(seed, false, true);
              int n = w.cap().length;
              int[] perm = permutation(n, seed);
              double[] cap = new double[n];
              double[][] pos = new double[n][];
              double[][] sal = new double[n][];
              for (int i = 0; i < n; i++) {
                cap[perm[i]] = w.cap()[i];
                pos[perm[i]] = w.pos()[i];
                sal[perm[i]] = w.sal()[i];
              }
              SpatialModel a = w.model(SmpOptions.KTAB_DEFAULTS);
              SpatialModel b = new World(cap, pos, sal).model(SmpOptions.KTAB_DEFAULTS);
              for (int t = 0; t < 8; t++) {
                a.step();
                b.step();
                double[][] xa = a.positions();
                double[][] xb = b.positions();
                for (int i = 0; i < n; i++) {
                  for (int k = 0; k < xa[i].length; k++) {
                    if (Math.abs(xa[i][k] - xb[perm[i]][k]) > 1e-6) {
                      throw new AssertionError(
                          "turn "
                              + (t + 1)
                              + ", actor "
                              + i
                              + ": "
                              + xa[i][k]
                              + " vs "
                              + xb[perm[i]][k]);
                    }
                  }
                }
                if (Math.abs(a.lastTurn().fractionalChange() - b.lastTurn().fractionalChange())
                    > 1e-9) {
                  throw new AssertionError("fractional change differs");
                }
                double[] ra = a.riskAttitudes();
                double[] rb = b.riskAttitudes();
                for (int i = 0; i < n; i++) {
                  if (Math.abs(ra[i] - rb[perm[i]]) > 1e-9)
                    throw new AssertionError("risk attitude of actor " + i);
                }
              }
            });
  }

  static int[] permutation(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed * 31 + 7);
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
