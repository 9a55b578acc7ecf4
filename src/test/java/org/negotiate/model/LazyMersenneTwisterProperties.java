package org.negotiate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

/** The lazy generator draws MASON's numbers, bit for bit, however many are drawn. */
class LazyMersenneTwisterProperties {

  /**
   * Gaussians (the perception noise's draws): from a few (most of the first generation never made)
   * to several generations of 624 words.
   */
  @Test
  void gaussiansAreMasonsBitForBit() {
    qt().withFixedSeed(170201L)
        .withExamples(300)
        .forAll(longs().all(), integers().between(1, 1200))
        .checkAssert(
            (seed, count) -> {
              MersenneTwisterFast mason = new MersenneTwisterFast(seed);
              LazyMersenneTwister lazy = new LazyMersenneTwister(seed);
              for (int i = 0; i < count; i++) {
                assertEquals(
                    Double.doubleToRawLongBits(mason.nextGaussian()),
                    Double.doubleToRawLongBits(lazy.nextGaussian()),
                    "seed " + seed + ", gaussian " + i);
              }
            });
  }

  /** The raw words, across the end of the first generation (624) and a few more. */
  @Test
  void wordsAreMasonsBitForBit() {
    qt().withFixedSeed(170202L)
        .withExamples(100)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              MersenneTwisterFast mason = new MersenneTwisterFast(seed);
              LazyMersenneTwister lazy = new LazyMersenneTwister(seed);
              for (int i = 0; i < 3 * 624 + 5; i++) {
                assertEquals(mason.nextInt(), lazy.nextInt(), "seed " + seed + ", word " + i);
              }
            });
  }

  /**
   * Reseeded after any number of draws from another seed (a thread's streams are reused from one
   * replication to the next), it draws what a new generator of that seed draws.
   */
  @Test
  void aReseededGeneratorDrawsAsANewOne() {
    qt().withFixedSeed(170203L)
        .withExamples(200)
        .forAll(
            longs().all(), integers().between(0, 1400), longs().all(), integers().between(1, 800))
        .checkAssert(
            (before, used, seed, count) -> {
              LazyMersenneTwister reused = new LazyMersenneTwister(before);
              for (int i = 0; i < used; i++) reused.nextGaussian();
              reused.reseed(seed);
              MersenneTwisterFast mason = new MersenneTwisterFast(seed);
              for (int i = 0; i < count; i++) {
                assertEquals(
                    Double.doubleToRawLongBits(mason.nextGaussian()),
                    Double.doubleToRawLongBits(reused.nextGaussian()),
                    "seed "
                        + seed
                        + " after "
                        + used
                        + " gaussians of "
                        + before
                        + ", gaussian "
                        + i);
              }
            });
  }
}
