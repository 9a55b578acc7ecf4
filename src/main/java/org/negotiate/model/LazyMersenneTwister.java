package org.negotiate.model;

/**
 * The numbers of MASON's {@code ec.util.MersenneTwisterFast(seed)} ({@link #nextInt}, {@link
 * #nextGaussian}), bit for bit, with its state made only as far as it is drawn. {@code
 * MersenneTwisterFast} initialises all 624 words of its state when seeded and regenerates all 624
 * at the first draw; an actor's perception noise draws a few dozen numbers a replication, so that
 * set-up was most of its cost (about 5% of a conditioned replication). Here the seed words and the
 * first generation are computed a few words ahead of the draws (MT19937's first generation needs
 * word i + 397 of the seed for output i), and from the second generation on it is MT19937 as MASON
 * runs it. Not thread-safe: one per stream, as MASON's.
 */
public final class LazyMersenneTwister {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;
  private static final int TEMPERING_MASK_B = 0x9d2c5680;
  private static final int TEMPERING_MASK_C = 0xefc60000;

  /** Words made ahead of the draws at once in the first generation (fewer calls, same words). */
  private static final int AHEAD = 16;

  /**
   * mt[0, twisted) hold the current generation; mt[twisted, seeded) still hold seed words (the
   * first generation is made in place, as MT19937 makes it, only lazily).
   */
  private final int[] mt = new int[N];

  private int seeded;
  private int twisted;
  private int mti;
  private double nextNextGaussian;
  private boolean haveNextNextGaussian;

  public LazyMersenneTwister(long seed) {
    reseed(seed);
  }

  /**
   * Starts over from {@code seed}: from here on the numbers of {@code new
   * LazyMersenneTwister(seed)}, in the same state array (a replication's streams reuse those of the
   * thread's previous replication rather than allocate 624 words each). Nothing of the previous
   * seed shows through: every word is written (seeded, then twisted) before it is read.
   */
  public void reseed(long seed) {
    mt[0] = (int) seed; // MersenneTwisterFast.setSeed(long) keeps the low 32 bits
    seeded = 1;
    twisted = 0;
    mti = 0;
    nextNextGaussian = 0;
    haveNextNextGaussian = false;
  }

  /** Seed words up to (not including) n. */
  private void seedTo(int n) {
    int[] mt = this.mt;
    int prev = mt[seeded - 1];
    for (int i = seeded; i < n; i++) {
      prev = 1812433253 * (prev ^ (prev >>> 30)) + i;
      mt[i] = prev;
    }
    if (n > seeded) seeded = n;
  }

  /** The first generation's words up to (not including) n, in place, in MT19937's order. */
  private void twistTo(int n) {
    // every seed word these outputs read, at once (word kk + M for output kk < N - M, kk + 1 after)
    seedTo(Math.min(N, n + M));
    for (int kk = twisted; kk < n; kk++) {
      int y;
      if (kk < N - M) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
      } else if (kk < N - 1) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
      } else {
        y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
      }
    }
    twisted = n;
  }

  /** A whole generation after the first, as MersenneTwisterFast makes it. */
  private void twistAll() {
    int kk;
    int y;
    for (kk = 0; kk < N - M; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }
    y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
  }

  /** The next 32 random bits, as {@code MersenneTwisterFast.nextInt()}. */
  public int nextInt() {
    if (mti >= twisted) {
      if (twisted < N) {
        twistTo(Math.min(N, mti + AHEAD));
      } else {
        twistAll();
        mti = 0;
      }
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPERING_MASK_B;
    y ^= (y << 15) & TEMPERING_MASK_C;
    y ^= y >>> 18;
    return y;
  }

  /**
   * A standard normal number, as {@code MersenneTwisterFast.nextGaussian()}: the polar method, the
   * second number of each pair kept for the next call.
   */
  public double nextGaussian() {
    if (haveNextNextGaussian) {
      haveNextNextGaussian = false;
      return nextNextGaussian;
    }
    double v1;
    double v2;
    double s;
    do {
      int y = nextInt();
      int z = nextInt();
      int a = nextInt();
      int b = nextInt();
      v1 = 2 * (((((long) (y >>> 6)) << 27) + (z >>> 5)) / (double) (1L << 53)) - 1;
      v2 = 2 * (((((long) (a >>> 6)) << 27) + (b >>> 5)) / (double) (1L << 53)) - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    nextNextGaussian = v2 * multiplier;
    haveNextNextGaussian = true;
    return v1 * multiplier;
  }
}
