package org.negotiate.model;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic random numbers keyed by name. A replication's seed comes from (base seed, index),
 * never from the thread that runs it; an uncertain input draws from a stream keyed by (replication
 * seed, the input's path), so adding or removing one input in a what-if leaves every other draw
 * unchanged (common random numbers).
 */
public final class Streams {
  private Streams() {}

  /** SplitMix64's finaliser: a bijective mix with good avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The seed of replication {@code index} of an experiment with base seed {@code base}. */
  public static long replicationSeed(long base, long index) {
    return mix(mix(base) + 0x9e3779b97f4a7c15L * (index + 1));
  }

  /** A 64-bit hash of a key; FNV-1a over UTF-8, stable across JVMs. */
  public static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The seed of the stream named {@code key} within a replication. */
  public static long streamSeed(long replicationSeed, String key) {
    return mix(replicationSeed ^ mix(hash(key)));
  }

  /** {@link #streamSeed(long, String)} for a name already hashed with {@link #keyMix}. */
  public static long streamSeed(long replicationSeed, long keyMix) {
    return mix(replicationSeed ^ keyMix);
  }

  /** A stream name, hashed and mixed: {@code streamSeed(seed, key) == mix(seed ^ keyMix(key))}. */
  public static long keyMix(String key) {
    return mix(hash(key));
  }

  /** {@link #uniform(long, String)} for a name already hashed with {@link #keyMix}. */
  public static double uniform(long replicationSeed, long keyMix) {
    return (mix(replicationSeed ^ keyMix) >>> 11) * 0x1.0p-53;
  }

  /** One uniform number in [0, 1) from the stream named {@code key}. */
  public static double uniform(long replicationSeed, String key) {
    return (streamSeed(replicationSeed, key) >>> 11) * 0x1.0p-53;
  }
}
