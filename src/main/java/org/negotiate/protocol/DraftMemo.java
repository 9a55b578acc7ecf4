package org.negotiate.protocol;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drafts already solved in this JVM, by everything the solver reads, for the experiments whose runs
 * repeat draft problems: the design points of a sensitivity study (or of what-it-takes) run over
 * common random numbers, so a point that differs from another only in what the mediators do not see
 * (a red line, a reservation, a cost of delay) poses the very same draft problems until the
 * parties' behaviour parts, and about half of the baseline study's drafts are found here. The draft
 * is a function of those inputs ({@link NashDraft#exact}), so a draft found here is the one the
 * solver would give: no number depends on what the memo holds, which thread filled it or when it
 * was emptied. Odds runs draw new inputs for every replication and find almost nothing here, so the
 * memo is used only while a caller holds it open ({@link #open}).
 */
public final class DraftMemo {
  private DraftMemo() {}

  /**
   * Most drafts held; past it the memo is emptied (it only saves time). Repeats come from design
   * points run close together: 10,000 finds 99% of what an unbounded memo finds on the baseline.
   */
  static final int MAX_ENTRIES = 10_000;

  private static final ConcurrentHashMap<Key, double[]> DRAFTS = new ConcurrentHashMap<>();

  private static final AtomicInteger OPEN = new AtomicInteger();

  private static final java.util.concurrent.atomic.LongAdder HITS =
      new java.util.concurrent.atomic.LongAdder();

  /** Holds the memo open until closed. */
  public interface Use extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Uses the memo until the returned handle is closed (by any number of callers at once; what it
   * holds stays for the next).
   */
  public static Use open() {
    OPEN.incrementAndGet();
    return OPEN::decrementAndGet;
  }

  static boolean inUse() {
    return OPEN.get() > 0;
  }

  /** A draft problem: the solver's inputs (MediatedSingleText#draftInputs) and the roles. */
  static final class Key {
    private final double[] inputs;
    private final int[] parties;
    private final int[] mediators;
    private final int hash;

    Key(double[] inputs, int[] parties, int[] mediators) {
      this(inputs, parties, mediators, roles(parties, mediators));
    }

    /** As {@link #Key(double[], int[], int[])}, the roles' hash ({@link #roles}) given. */
    Key(double[] inputs, int[] parties, int[] mediators, int roles) {
      this.inputs = inputs;
      this.parties = parties;
      this.mediators = mediators;
      // the raw bits in one loop: this runs for every draft of a study, and Arrays.hashCode's
      // NaN folding costs more on C1 (a NaN's other patterns only miss, they never mismatch)
      int h = 1;
      for (double v : inputs) {
        long b = Double.doubleToRawLongBits(v);
        h = 31 * h + (int) (b ^ (b >>> 32));
      }
      hash = 31 * h + roles;
    }

    /** The roles' part of a key's hash: a run's parties and mediators do not change. */
    static int roles(int[] parties, int[] mediators) {
      return 31 * Arrays.hashCode(parties) + Arrays.hashCode(mediators);
    }

    /** This key on copies of its arrays, to be kept. */
    Key copy() {
      return new Key(inputs.clone(), parties.clone(), mediators.clone(), hash, true);
    }

    private Key(double[] inputs, int[] parties, int[] mediators, int hash, boolean copied) {
      this.inputs = inputs;
      this.parties = parties;
      this.mediators = mediators;
      this.hash = hash;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    // bit patterns, as Arrays.equals(double[], double[]) compares
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.hash == hash
          && Arrays.equals(k.inputs, inputs)
          && Arrays.equals(k.parties, parties)
          && Arrays.equals(k.mediators, mediators);
    }
  }

  /** A copy of the draft solved for {@code key}, or null. */
  static double[] get(Key key) {
    double[] d = DRAFTS.get(key);
    if (d == null) return null;
    HITS.increment();
    return d.clone();
  }

  /** Keeps a copy of {@code draft} for a copy of {@code key}. */
  static void put(Key key, double[] draft) {
    if (DRAFTS.size() >= MAX_ENTRIES) DRAFTS.clear();
    DRAFTS.put(key.copy(), draft.clone());
  }

  /** Drafts found here so far (for tests). */
  static long hits() {
    return HITS.sum();
  }
}
