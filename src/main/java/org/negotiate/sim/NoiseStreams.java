package org.negotiate.sim;

import org.negotiate.model.LazyMersenneTwister;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;

/**
 * Each actor's perception noise in one replication: its own stream, so adding an actor leaves the
 * others' unchanged, seeded when first drawn (most actors never draw any) and only as far as it is
 * drawn ({@link LazyMersenneTwister}: MASON's numbers, bit for bit). A replication that runs to its
 * end in one call ({@link NegotiationModel#runToEnd}, {@link BareLoop}) borrows the generators from
 * its thread's spares and gives them back when it ends ({@link #close}), so a thread's replications
 * reuse a few state arrays of 624 words rather than allocate one per stream. Borrowed generators
 * are never shared: a replication run inside another (on the same thread) takes others.
 */
final class NoiseStreams implements Protocol.PerceptionNoise {
  /** The spare generators of each thread: a stack, at most {@link #KEPT} deep. */
  private static final ThreadLocal<Spares> SPARES = ThreadLocal.withInitial(Spares::new);

  /** Spares kept per thread: a replication with more noisy actors allocates the rest. */
  private static final int KEPT = 64;

  private static final class Spares {
    final LazyMersenneTwister[] stack = new LazyMersenneTwister[KEPT];
    int size;

    /**
     * The hashed stream names ({@code Streams.keyMix("noise." + id)}) of the actors last run on
     * this thread, by position, valid for the very id string they were hashed from (a plan hands
     * every draw the same strings).
     */
    String[] names = new String[0];

    long[] keys = new long[0];

    long key(String id, int actor) {
      if (actor >= names.length) {
        names = java.util.Arrays.copyOf(names, actor + 1);
        keys = java.util.Arrays.copyOf(keys, actor + 1);
      }
      if (names[actor] != id) {
        keys[actor] = Streams.keyMix("noise." + id);
        names[actor] = id;
      }
      return keys[actor];
    }
  }

  private final NegotiationSetup setup;
  private final LazyMersenneTwister[] streams;

  /** The thread's spares while this replication may borrow from them, else null. */
  private Spares spares;

  /** The thread whose spares these are. */
  private Thread owner;

  private boolean closed;

  NoiseStreams(NegotiationSetup setup) {
    this.setup = setup;
    this.streams = new LazyMersenneTwister[setup.actors()];
  }

  /**
   * From now on, streams are taken from this thread's spares; the caller {@link #close}s this once
   * the replication has ended.
   */
  void borrow() {
    owner = Thread.currentThread();
    spares = SPARES.get();
  }

  @Override
  public double gaussian(int actor) {
    LazyMersenneTwister g = streams[actor];
    if (g == null) g = open(actor);
    return g.nextGaussian();
  }

  private LazyMersenneTwister open(int actor) {
    if (closed)
      throw new IllegalStateException("the replication has ended: no more noise is drawn");
    if (spares == null)
      return streams[actor] =
          new LazyMersenneTwister(
              Streams.streamSeed(setup.seed(), "noise." + setup.actorIds().get(actor)));
    // the same seed, its name's hash kept by the thread
    long seed = Streams.streamSeed(setup.seed(), spares.key(setup.actorIds().get(actor), actor));
    LazyMersenneTwister g;
    if (spares.size > 0) {
      g = spares.stack[--spares.size];
      spares.stack[spares.size] = null;
      g.reseed(seed);
    } else {
      g = new LazyMersenneTwister(seed);
    }
    streams[actor] = g;
    return g;
  }

  /**
   * The replication has ended: its generators go back to the thread's spares (when borrowed), and
   * any later draw throws rather than restart a stream.
   */
  void close() {
    closed = true;
    // only into the spares of the thread that borrowed them (a stack is one thread's alone)
    Spares back = owner == Thread.currentThread() ? spares : null;
    for (int a = 0; a < streams.length; a++) {
      LazyMersenneTwister g = streams[a];
      streams[a] = null;
      if (g != null && back != null && back.size < KEPT) back.stack[back.size++] = g;
    }
    spares = null;
    owner = null;
  }
}
