package org.negotiate.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.negotiate.protocol.RoundClose;
import org.negotiate.sim.RunOutcome;

/**
 * Every replication's outcome (without its trajectory) as a fixed-size record at its index, so
 * workers write in any order and readers see index order. Segments of 8 MB: the first on the heap,
 * the others mapped from a temporary file that is deleted when the run ends (the mapping stays
 * readable until the result is dropped).
 */
final class OutcomeStore {
  private static final int SEGMENT_BYTES = 8 << 20;
  private static final RoundClose.Ending[] ENDINGS = RoundClose.Ending.values();
  private static final RoundClose.BlockReason[] REASONS = RoundClose.BlockReason.values();
  private final int issues;
  private final int actors;
  private final int recordBytes;
  private final int perSegment;
  private final List<ByteBuffer> segments = new ArrayList<>();
  private FileChannel file;

  OutcomeStore(int issues, int actors) {
    this(issues, actors, SEGMENT_BYTES);
  }

  OutcomeStore(int issues, int actors, int segmentBytes) {
    this.issues = issues;
    this.actors = actors;
    this.recordBytes = 8 + 1 + 1 + 4 + 4 + 1 + 8 * (issues + actors);
    this.perSegment = Math.max(1, segmentBytes / recordBytes);
  }

  /** Makes room for records 0 .. n-1. Called between stages, never while workers write. */
  void ensureCapacity(int n) {
    try {
      // The heap segment grows (by copying) up to its full size; beyond it, mapped segments.
      int inHeap = Math.min(perSegment, n);
      if (segments.isEmpty()) {
        segments.add(ByteBuffer.allocate(inHeap * recordBytes));
      } else if (segments.get(0).capacity() < inHeap * recordBytes) {
        ByteBuffer bigger =
            ByteBuffer.allocate(
                Math.max(inHeap, Math.min(perSegment, 2 * segments.get(0).capacity() / recordBytes))
                    * recordBytes);
        bigger.put(0, segments.get(0), 0, segments.get(0).capacity());
        segments.set(0, bigger);
      }
      long bytes = (long) perSegment * recordBytes;
      while ((long) segments.size() * perSegment < n) {
        if (file == null) {
          Path tmp = Files.createTempFile("negotiate-outcomes-", ".bin");
          file =
              FileChannel.open(
                  tmp,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.DELETE_ON_CLOSE);
        }
        segments.add(
            file.map(FileChannel.MapMode.READ_WRITE, (segments.size() - 1) * bytes, bytes));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the outcomes of " + n + " replications", e);
    }
  }

  /** No more writes: the temporary file goes (its mapped pages stay readable). */
  void seal() {
    if (file == null) return;
    try {
      file.close();
    } catch (IOException e) {
      // the file is a temporary one: nothing is lost
    }
    file = null;
  }

  void put(int index, RunOutcome r) {
    ByteBuffer b = segments.get(index / perSegment);
    int at = (index % perSegment) * recordBytes;
    b.putLong(at, r.seed());
    b.put(at + 8, (byte) r.ending().ordinal());
    b.put(at + 9, (byte) (r.reason() == null ? -1 : r.reason().ordinal()));
    b.putInt(at + 10, r.round());
    b.putInt(at + 14, r.blocker());
    b.put(at + 18, (byte) (r.terms() == null ? 0 : 1));
    int p = at + 19;
    for (int k = 0; k < issues; k++, p += 8) b.putDouble(p, r.terms() == null ? 0 : r.terms()[k]);
    for (int a = 0; a < actors; a++, p += 8) b.putDouble(p, r.utilities()[a]);
  }

  int recordBytes() {
    return recordBytes;
  }

  /** The bytes of record {@code index} (a view: read it before the next write there). */
  ByteBuffer record(int index) {
    int at = (index % perSegment) * recordBytes;
    return segments.get(index / perSegment).slice(at, recordBytes);
  }

  /** Puts back record {@code index} from its bytes (restoring a journal). */
  void putRecord(int index, byte[] bytes) {
    putRecord(index, bytes, 0);
  }

  /** Puts record {@code index} from {@code src} at {@code offset} (a cluster block's records). */
  void putRecord(int index, byte[] src, int offset) {
    segments
        .get(index / perSegment)
        .put((index % perSegment) * recordBytes, src, offset, recordBytes);
  }

  /** Marks the record at {@code index} as a replication the observations rejected. */
  void reject(int index) {
    ByteBuffer b = segments.get(index / perSegment);
    b.put((index % perSegment) * recordBytes + 8, (byte) -2);
  }

  /** The first n outcomes without failed or rejected replications, in index order. */
  List<RunOutcome> viewKept(int n) {
    int[] kept = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (segments.get(i / perSegment).get((i % perSegment) * recordBytes + 8) >= 0) kept[k++] = i;
    }
    return new OutcomeList(this, k, java.util.Arrays.copyOf(kept, k));
  }

  /** Marks the record at {@code index} as a failed replication (no outcome). */
  void fail(int index) {
    ByteBuffer b = segments.get(index / perSegment);
    b.put((index % perSegment) * recordBytes + 8, (byte) -1);
  }

  RunOutcome get(int index) {
    ByteBuffer b = segments.get(index / perSegment);
    int at = (index % perSegment) * recordBytes;
    int reason = b.get(at + 9);
    double[] terms = null;
    int p = at + 19;
    if (b.get(at + 18) == 1) {
      terms = new double[issues];
      for (int k = 0; k < issues; k++) terms[k] = b.getDouble(p + 8 * k);
    }
    p += 8 * issues;
    double[] utilities = new double[actors];
    for (int a = 0; a < actors; a++) utilities[a] = b.getDouble(p + 8 * a);
    return new RunOutcome(
        b.getLong(at),
        ENDINGS[b.get(at + 8)],
        b.getInt(at + 10),
        terms,
        utilities,
        b.getInt(at + 14),
        reason < 0 ? null : REASONS[reason],
        null);
  }

  /** The first n outcomes as a list (each read from the store when asked for). */
  List<RunOutcome> view(int n) {
    return new OutcomeList(this, n, null);
  }

  /** The first n outcomes without the failed replications, in index order. */
  List<RunOutcome> view(int n, List<MonteCarlo.Failure> failures) {
    if (failures.isEmpty()) return view(n);
    int[] kept = new int[n - failures.size()];
    int f = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (f < failures.size() && failures.get(f).index() == i) f++;
      else kept[k++] = i;
    }
    return new OutcomeList(this, kept.length, kept);
  }

  /** The first n outcomes (some skipped) as a list, each read from the store when asked for. */
  static final class OutcomeList extends AbstractList<RunOutcome> implements RandomAccess {
    private final OutcomeStore store;
    private final int size;
    final int[] kept;

    OutcomeList(OutcomeStore store, int size, int[] kept) {
      this.store = store;
      this.size = size;
      this.kept = kept;
    }

    @Override
    public RunOutcome get(int index) {
      if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
      return store.get(kept == null ? index : kept[index]);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
