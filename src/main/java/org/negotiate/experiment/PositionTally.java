package org.negotiate.experiment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where actors stood, round by round, over many replications: a histogram of half-point bins per
 * (round, actor, issue). Counts are integers, so merging tallies gives the same result in any order
 * and with any number of threads. One flat array, [round][actor][issue][bin].
 *
 * <p>A histogram costs 201 ints a cell whatever the number of runs: 81 MB for one run of 100 actors
 * × 10 issues × 100 rounds. So the first {@link #KEEP_RUNS} runs are kept as they are, one byte
 * (the bin) a cell, and turned into counts only when more come; the quantiles of the kept bins are
 * those the counts would give, so which form a tally is in never shows in a result.
 */
public final class PositionTally implements java.io.Serializable {
  static final int BINS = 201;

  /** Runs kept as bins before the histogram is built (64 bytes a cell against its 804). */
  static final int KEEP_RUNS = org.negotiate.scenario.Limits.TALLY_KEPT_RUNS;

  /** A cell with no position (NaN) in a kept run; bins are 0–200. */
  private static final byte NONE = (byte) 0xFF;

  private final int rounds;
  private final int actors;
  private final int issues;

  /** The histogram, or null while the runs are kept. */
  private int[] bins;

  /** The kept runs' bins, [round][actor][issue] each, while {@link #bins} is null. */
  private List<byte[]> kept = new ArrayList<>();

  public PositionTally(int rounds, int actorsWithText, int issues) {
    this.rounds = rounds;
    this.actors = actorsWithText;
    this.issues = issues;
  }

  private int cells() {
    return rounds * actors * issues;
  }

  /**
   * {@code Math.max(0, Math.min(BINS - 1, Math.round(v * 2)))} (NaN and infinities included),
   * without Math.round, which C1 calls rather than inlines (56 bytes): Math.round(x) is floor(x +
   * 1/2), and x + 0.5 of a float x is exact in double; (int) of a large y saturates, of NaN is 0.
   * Kept within C1's 35 bytes so that it is inlined.
   */
  static int bin(float v) {
    double y = (double) (v * 2) + 0.5;
    int b = (int) y;
    if (y < 1) return 0;
    if (b > BINS - 1) return BINS - 1;
    return b;
  }

  public void add(float[][][] trajectory) {
    if (bins == null && kept.size() < KEEP_RUNS) {
      byte[] run = new byte[cells()];
      int cell = 0;
      for (int t = 0; t < rounds; t++) {
        float[][] row = trajectory[t];
        for (int a = 0; a < actors; a++) {
          float[] p = row[a];
          for (int k = 0; k < issues; k++, cell++) {
            float v = p[k];
            run[cell] = Float.isNaN(v) ? NONE : (byte) bin(v);
          }
        }
      }
      kept.add(run);
      return;
    }
    int[] counts = counts();
    int cell = 0;
    for (int t = 0; t < rounds; t++) {
      float[][] row = trajectory[t];
      for (int a = 0; a < actors; a++) {
        float[] p = row[a];
        for (int k = 0; k < issues; k++, cell += BINS) {
          float v = p[k];
          if (!Float.isNaN(v)) counts[cell + bin(v)]++;
        }
      }
    }
  }

  /**
   * The counts themselves, [round][actor][issue][bin]: the kept runs are counted into a histogram
   * first.
   */
  int[] counts() {
    if (bins == null) {
      bins = new int[cells() * BINS];
      for (byte[] run : kept) {
        for (int cell = 0, at = 0; cell < run.length; cell++, at += BINS) {
          if (run[cell] != NONE) bins[at + (run[cell] & 0xFF)]++;
        }
      }
      kept = null;
    }
    return bins;
  }

  void addAll(PositionTally other) {
    if (bins == null && other.bins == null && kept.size() + other.kept.size() <= KEEP_RUNS) {
      kept.addAll(other.kept);
      return;
    }
    int[] counts = counts();
    if (other.bins != null) {
      for (int i = 0; i < counts.length; i++) counts[i] += other.bins[i];
      return;
    }
    for (byte[] run : other.kept) {
      for (int cell = 0, at = 0; cell < run.length; cell++, at += BINS) {
        if (run[cell] != NONE) counts[at + (run[cell] & 0xFF)]++;
      }
    }
  }

  /**
   * Writes the tally for the run journal in the form it is in: a histogram as its length and its
   * counts; kept runs as −1 − their number (never a length), the cells per run and their bins, so
   * that a journal of a few runs of a large table is as small as they are.
   */
  void write(DataOutputStream out) throws IOException {
    if (bins == null) {
      out.writeInt(-1 - kept.size());
      out.writeInt(cells());
      for (byte[] run : kept) out.write(run);
      return;
    }
    out.writeInt(bins.length);
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
    for (int at = 0; at < bins.length; ) {
      int len = Math.min(bins.length - at, chunk.capacity() / 4);
      chunk.clear();
      chunk.asIntBuffer().put(bins, at, len);
      out.write(chunk.array(), 0, len * 4);
      at += len;
    }
  }

  /**
   * Reads into this empty tally what {@link #write} wrote; false when it is a tally of another
   * shape.
   */
  boolean read(DataInputStream in) throws IOException {
    int head = in.readInt();
    if (head < 0) {
      int runs = -1 - head;
      if (runs > KEEP_RUNS || in.readInt() != cells()) return false;
      kept = new ArrayList<>(runs);
      bins = null;
      for (int i = 0; i < runs; i++) {
        byte[] run = new byte[cells()];
        in.readFully(run);
        kept.add(run);
      }
      return true;
    }
    if (head != (long) cells() * BINS) return false;
    int[] counts = new int[head];
    byte[] chunk = new byte[1 << 16];
    for (int at = 0; at < counts.length; ) {
      int len = Math.min(counts.length - at, chunk.length / 4);
      in.readFully(chunk, 0, len * 4);
      ByteBuffer.wrap(chunk, 0, len * 4).asIntBuffer().get(counts, at, len);
      at += len;
    }
    bins = counts;
    kept = null;
    return true;
  }

  /** The q-quantile of positions at (round, actor, issue), or NaN when no run had one. */
  double quantile(int round, int actor, int issue, double q) {
    return quantiles(round, actor, issue, new double[] {q})[0];
  }

  /**
   * The quantiles {@code qs} (ascending) of positions at (round, actor, issue), NaN when no run had
   * one: the least bin with at least ⌈q·n⌉ of the n positions at or below it.
   */
  double[] quantiles(int round, int actor, int issue, double[] qs) {
    int cell = (round * actors + actor) * issues + issue;
    return bins != null ? fromCounts(cell * BINS, qs) : fromKept(cell, qs);
  }

  private double[] fromCounts(int at, double[] qs) {
    double[] out = new double[qs.length];
    long n = 0;
    for (int b = 0; b < BINS; b++) n += bins[at + b];
    if (n == 0) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    int next = 0;
    long seen = 0;
    for (int b = 0; b < BINS && next < qs.length; b++) {
      seen += bins[at + b];
      while (next < qs.length && seen >= rank(qs[next], n)) out[next++] = b / 2.0;
    }
    while (next < qs.length) out[next++] = 100;
    return out;
  }

  private double[] fromKept(int cell, double[] qs) {
    double[] out = new double[qs.length];
    int[] sorted = new int[kept.size()];
    int n = 0;
    for (byte[] run : kept) if (run[cell] != NONE) sorted[n++] = run[cell] & 0xFF;
    if (n == 0) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    Arrays.sort(sorted, 0, n);
    for (int i = 0; i < qs.length; i++) {
      long r = rank(qs[i], n);
      out[i] = r <= n ? sorted[(int) r - 1] / 2.0 : 100;
    }
    return out;
  }

  /** How many of n positions the q-quantile has at or below it (at least one). */
  private static long rank(double q, long n) {
    return Math.max(1, (long) Math.ceil(q * n));
  }
}
