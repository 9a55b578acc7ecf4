package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A tally keeps its first runs as bins and counts the rest: whichever form it is in, and however
 * tallies are split and merged, the bands are those of one histogram of every run.
 */
class PositionTallyProperties {
  private static final int ROUNDS = 3;
  private static final int ACTORS = 2;
  private static final int ISSUES = 2;
  private static final double[] QS = {0.1, 0.5, 0.9, 1.0};

  /** The bin Math.round gave before bin() did without it (issue 17: C1 calls Math.round). */
  private static int roundedBin(float v) {
    return Math.max(0, Math.min(PositionTally.BINS - 1, Math.round(v * 2)));
  }

  @Test
  void binIsMathRoundClampedForEveryFloat() {
    float[] special = {
      0f,
      -0f,
      0.25f,
      0.24999999f,
      0.75f,
      99.75f,
      99.74999f,
      100f,
      100.25f,
      -0.25f,
      -0.26f,
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      Float.MIN_VALUE,
      1e9f,
      -1e9f,
      4.2e15f
    };
    for (float v : special)
      assertEquals(roundedBin(v), PositionTally.bin(v), () -> "bin(" + v + ")");
    // every half-point boundary of the scale and its float neighbours
    for (int b = -4; b <= 2 * PositionTally.BINS + 4; b++) {
      float edge = (b + 0.5f) / 2;
      for (float v : new float[] {edge, Math.nextUp(edge), Math.nextDown(edge)})
        assertEquals(roundedBin(v), PositionTally.bin(v), () -> "bin(" + v + ")");
    }
    qt().forAll(integers().all())
        .checkAssert(
            bits -> {
              float v = Float.intBitsToFloat(bits);
              assertEquals(roundedBin(v), PositionTally.bin(v), () -> "bin(" + v + ")");
            });
    qt().forAll(integers().between(-10_000_000, 110_000_000))
        .checkAssert(
            i -> {
              float v = i / 1e6f;
              assertEquals(roundedBin(v), PositionTally.bin(v), () -> "bin(" + v + ")");
            });
  }

  @Test
  void keptRunsAndCountsGiveTheSameBandsWhateverTheMerges() {
    qt().withFixedSeed(20261122L)
        .withExamples(300)
        .forAll(
            integers().between(1, 3 * PositionTally.KEEP_RUNS),
            integers().between(1, 6),
            integers().allPositive())
        .checkAssert(
            (runs, parts, seed) -> {
              List<float[][][]> trajectories = trajectories(runs, seed);
              PositionTally counted = new PositionTally(ROUNDS, ACTORS, ISSUES);
              counted.counts(); // counts from the first run on
              for (float[][][] t : trajectories) counted.add(t);

              // The same runs in `parts` tallies of random sizes, merged in a random order.
              SplittableRandom r = new SplittableRandom(seed);
              List<PositionTally> pieces = new ArrayList<>();
              for (int p = 0; p < parts; p++) pieces.add(new PositionTally(ROUNDS, ACTORS, ISSUES));
              for (float[][][] t : trajectories) pieces.get(r.nextInt(parts)).add(t);
              PositionTally merged = pieces.remove(r.nextInt(pieces.size()));
              while (!pieces.isEmpty()) merged.addAll(pieces.remove(r.nextInt(pieces.size())));

              for (int t = 0; t < ROUNDS; t++) {
                for (int a = 0; a < ACTORS; a++) {
                  for (int k = 0; k < ISSUES; k++) {
                    assertArrayEquals(
                        counted.quantiles(t, a, k, QS),
                        merged.quantiles(t, a, k, QS),
                        "round "
                            + t
                            + " actor "
                            + a
                            + " issue "
                            + k
                            + " of "
                            + runs
                            + " runs in "
                            + parts
                            + " parts");
                  }
                }
              }
              assertArrayEquals(counted.counts(), merged.counts());
            });
  }

  @Test
  void bandsAreTheLeastBinWithTheQuantileShareAtOrBelowIt() {
    PositionTally tally = new PositionTally(1, 1, 1);
    for (float v : new float[] {10f, 0.2f, 99.8f, Float.NaN, 50.26f})
      tally.add(new float[][][] {{{v}}});
    // Bins: 0.0, 10.0, 50.5, 100.0 (the NaN is no position): ⌈0.1·4⌉ = 1st, ⌈0.5·4⌉ = 2nd, ⌈0.9·4⌉
    // = 4th.
    assertArrayEquals(new double[] {0.0, 10.0, 100.0, 100.0}, tally.quantiles(0, 0, 0, QS));
    PositionTally empty = new PositionTally(1, 1, 1);
    empty.add(new float[][][] {{{Float.NaN}}});
    assertEquals(Double.NaN, empty.quantile(0, 0, 0, 0.5));
  }

  private static List<float[][][]> trajectories(int runs, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<float[][][]> out = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      float[][][] t = new float[ROUNDS][ACTORS][ISSUES];
      for (float[][] round : t) {
        for (float[] actor : round) {
          // Few distinct values, so that quantiles fall on ties; some cells have no position.
          for (int k = 0; k < ISSUES; k++)
            actor[k] = r.nextInt(10) == 0 ? Float.NaN : r.nextInt(8) * 12.5f + r.nextInt(3) * 0.25f;
        }
      }
      out.add(t);
    }
    return out;
  }
}
