package org.negotiate.experiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A journal of an odds experiment's completed stages, kept in its unfinished result folder, so that
 * a run stopped hard ({@code kill -9}, a power cut) can be finished later with the same results.
 *
 * <p>Two files in {@code dir}: {@code outcomes.bin}, the fixed-size outcome records in index order,
 * appended stage by stage and forced to disk; then {@code state.bin}, the number of replications
 * done with every count so far (agreements by month, blockers, position histograms, failures),
 * written to a temporary file, forced and renamed over the old one. A stop between the two leaves
 * records past the state's count, which are ignored, so the journal always describes a whole prefix
 * of replications 0 .. n-1. All counts are integers, so a resumed run adds up to exactly what an
 * uninterrupted one would.
 *
 * <p>Both files are checksummed: {@code state.bin} ends with a CRC-32 of everything before it, and
 * holds a CRC-32 of the first n records of {@code outcomes.bin}; a journal whose checksums do not
 * match is refused ({@link JournalDamaged}) rather than resumed into wrong numbers.
 */
public final class RunJournal {
  private static final int MAGIC = 0x4e474a32; // "NGJ2": checksummed (NGJ1 had no checksums)
  private static final String STATE = "state.bin";
  private static final String OUTCOMES = "outcomes.bin";

  /** Least time between checkpoints; the last one is always written. */
  private final long intervalNanos;

  private final Path dir;
  private long lastCheckpoint = System.nanoTime();
  private int saved;

  /** CRC-32 of the records 0 .. saved-1 in outcomes.bin, continued by each checkpoint. */
  private java.util.zip.CRC32 outcomesCrc = new java.util.zip.CRC32();

  public RunJournal(Path dir) {
    this(dir, 1_000_000_000L);
  }

  public RunJournal(Path dir, long intervalNanos) {
    this.dir = dir;
    this.intervalNanos = intervalNanos;
  }

  public Path dir() {
    return dir;
  }

  /** Replications the journal holds (0 before the first checkpoint). */
  public static int replicationsIn(Path dir) throws IOException {
    Path state = dir.resolve(STATE);
    if (!Files.isRegularFile(state)) return 0;
    DataInputStream in = checkedState(state);
    in.readInt();
    return in.readInt();
  }

  /**
   * The contents of {@code state.bin} after its magic number and checksum are checked.
   *
   * @throws JournalDamaged when they do not match
   */
  private static DataInputStream checkedState(Path state) throws IOException {
    long size = Files.size(state);
    // a state file holds counts, never more than a few hundred MB; a larger one is not ours
    if (size < 16 || size > Integer.MAX_VALUE - 64 || size > Runtime.getRuntime().maxMemory() / 2) {
      throw new JournalDamaged(state + ": not a run journal of this version (" + size + " bytes)");
    }
    byte[] all = Files.readAllBytes(state);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(all, 0, all.length - 8);
    long stored = ByteBuffer.wrap(all, all.length - 8, 8).getLong();
    DataInputStream in =
        new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8));
    if (ByteBuffer.wrap(all, 0, 4).getInt() != MAGIC) {
      throw new JournalDamaged(state + ": not a run journal of this version");
    }
    if (crc.getValue() != stored) {
      throw new JournalDamaged(state + " is damaged: its checksum does not match its contents");
    }
    return in;
  }

  boolean due(boolean last) {
    return last || System.nanoTime() - lastCheckpoint >= intervalNanos;
  }

  /**
   * Saves replications 0 .. n-1: their records (those after the last checkpoint) and the counts.
   */
  void checkpoint(int n, Accumulator counts, OutcomeStore store) throws IOException {
    // only the journal folder itself: a result folder deleted by Ctrl-C must not come back
    if (!Files.isDirectory(dir)) Files.createDirectory(dir);
    if (store != null) {
      try (FileChannel ch =
          FileChannel.open(
              dir.resolve(OUTCOMES), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        long at = (long) saved * store.recordBytes();
        ch.truncate(at);
        ch.position(at);
        for (int i = saved; i < n; i++) {
          ByteBuffer b = store.record(i);
          outcomesCrc.update(b.duplicate());
          while (b.hasRemaining()) ch.write(b);
        }
        ch.force(true);
      }
    }
    Path tmp = dir.resolve(STATE + ".tmp");
    try (FileChannel ch =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        java.util.zip.CheckedOutputStream checked =
            new java.util.zip.CheckedOutputStream(
                new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16),
                new java.util.zip.CRC32());
        DataOutputStream out = new DataOutputStream(checked)) {
      out.writeInt(MAGIC);
      out.writeInt(n);
      out.writeInt(store == null ? -1 : store.recordBytes());
      out.writeLong(store == null ? 0 : outcomesCrc.getValue());
      writeLongs(out, counts.agreedAt);
      writeLongs(out, counts.blocked);
      out.writeLong(counts.failed);
      out.writeBoolean(counts.termBins != null);
      if (counts.termBins != null) for (long[] b : counts.termBins) writeLongs(out, b);
      for (long[] b : counts.termWhole) writeLongs(out, b);
      writeLongs(out, counts.termSum);
      counts.tally.write(out);
      out.writeInt(counts.failures.size());
      for (MonteCarlo.Failure f : counts.failures) {
        out.writeInt(f.index());
        out.writeLong(f.seed());
        writeString(out, f.exception());
        writeString(out, f.message());
      }
      out.flush();
      out.writeLong(checked.getChecksum().getValue());
      out.flush();
      ch.force(true);
    }
    try {
      Files.move(
          tmp,
          dir.resolve(STATE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
    }
    saved = n;
    lastCheckpoint = System.nanoTime();
  }

  /**
   * Restores the journal into {@code counts} (empty) and {@code store}; returns the replications it
   * held, 0 when there is none yet.
   */
  int restore(Accumulator counts, OutcomeStore store) throws IOException {
    Path state = dir.resolve(STATE);
    if (!Files.isRegularFile(state)) return 0;
    int n;
    long recordsCrc;
    try {
      DataInputStream in = checkedState(state);
      in.readInt();
      n = in.readInt();
      int recordBytes = in.readInt();
      recordsCrc = in.readLong();
      if (n < 0 || recordBytes != (store == null ? -1 : store.recordBytes())) {
        throw new JournalDamaged(
            state + ": the journal's outcome records do not fit this experiment");
      }
      readLongs(in, counts.agreedAt, state);
      readLongs(in, counts.blocked, state);
      counts.failed = in.readLong();
      boolean streamed = in.readBoolean();
      if (streamed != (counts.termBins != null))
        throw new JournalDamaged(state + ": the journal does not fit this experiment");
      if (streamed) for (long[] b : counts.termBins) readLongs(in, b, state);
      for (long[] b : counts.termWhole) readLongs(in, b, state);
      readLongs(in, counts.termSum, state);
      if (!counts.tally.read(in))
        throw new JournalDamaged(state + ": the journal does not fit this experiment");
      int failures = in.readInt();
      if (failures < 0 || failures > n)
        throw new JournalDamaged(state + ": the journal does not fit this experiment");
      List<MonteCarlo.Failure> list = new ArrayList<>();
      for (int i = 0; i < failures; i++) {
        list.add(
            new MonteCarlo.Failure(in.readInt(), in.readLong(), readString(in), readString(in)));
      }
      counts.failures.addAll(list);
    } catch (java.io.EOFException e) {
      throw new JournalDamaged(
          state + ": the journal does not fit this experiment (it ends early)");
    }
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    if (store != null && n > 0) {
      Path outcomes = dir.resolve(OUTCOMES);
      if (!Files.isRegularFile(outcomes) || Files.size(outcomes) < (long) n * store.recordBytes()) {
        throw new JournalDamaged(
            outcomes + " is damaged: it holds fewer records than the journal's " + n);
      }
      store.ensureCapacity(n);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(outcomes), 1 << 16)) {
        byte[] record = new byte[store.recordBytes()];
        for (int i = 0; i < n; i++) {
          if (in.readNBytes(record, 0, record.length) != record.length) {
            throw new JournalDamaged(
                outcomes + " is damaged: it holds fewer records than the journal's " + n);
          }
          crc.update(record);
          store.putRecord(i, record);
        }
      }
      if (crc.getValue() != recordsCrc) {
        throw new JournalDamaged(
            outcomes + " is damaged: its checksum does not match the journal's");
      }
    }
    outcomesCrc = crc;
    saved = n;
    return n;
  }

  /** Removes the journal (once the results are written). */
  public static void delete(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(STATE + ".tmp"));
    Files.deleteIfExists(dir.resolve(STATE));
    Files.deleteIfExists(dir.resolve(OUTCOMES));
    Files.deleteIfExists(dir);
  }

  private static void writeLongs(DataOutputStream out, long[] v) throws IOException {
    out.writeInt(v.length);
    for (long x : v) out.writeLong(x);
  }

  private static void readLongs(DataInputStream in, long[] v, Path state) throws IOException {
    if (in.readInt() != v.length)
      throw new JournalDamaged(state + ": the journal does not fit this experiment");
    for (int i = 0; i < v.length; i++) v[i] = in.readLong();
  }

  /** A string of any length (writeUTF stops at 64 KB). */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = (s == null ? "" : s).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) throw new java.io.EOFException();
    byte[] b = new byte[length];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
}
