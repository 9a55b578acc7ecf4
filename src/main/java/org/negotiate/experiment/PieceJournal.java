package org.negotiate.experiment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A journal of the finished pieces of an experiment made of independent pieces (the points of a
 * sweep, the design points of a sensitivity analysis), kept in its unfinished result folder so a
 * run stopped hard can be finished with the same results.
 *
 * <p>One append-only file, {@code pieces.bin}: per finished piece its index, its result in Java
 * serialization (exact: a double comes back with the same bits) and a CRC-32, appended stage by
 * stage and forced to disk. A stop in the middle of an append leaves a torn last entry, which
 * {@link #restore} drops. Pieces compute the same result whenever and wherever they run, so a
 * resumed experiment's results are those of an uninterrupted one.
 */
public final class PieceJournal {
  private static final String FILE = "pieces.bin";
  private static final int MAGIC = 0x4e475031; // "NGP1"

  /** Replications per worker in a local stage: about a second of one core's work. */
  static final long LOCAL_STAGE_REPLICATIONS = 10_000;

  /**
   * A journal is a file like any other: only our results and the JDK values they hold may come back
   * from it.
   */
  private static final java.io.ObjectInputFilter ONLY_RESULTS =
      java.io.ObjectInputFilter.Config.createFilter(
          "maxdepth=20;maxrefs=10000000;org.negotiate.**;java.lang.*;java.util.*;java.time.*;!*");

  private final Path dir;

  public PieceJournal(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Pieces the journal in {@code dir} holds (0 when there is none). Only reads: it may look at the
   * journal of a run that is still appending to it, whose last entry may be half written.
   */
  public static int piecesIn(Path dir) throws IOException {
    return new PieceJournal(dir).restore(Integer.MAX_VALUE, false).size();
  }

  /**
   * Runs {@code task} for indices {@code 0 .. n-1} on {@code engine} as {@link Engine#map} does,
   * skipping the pieces the journal already holds and journalling the others in stages (on this
   * machine, about {@link #LOCAL_STAGE_REPLICATIONS} replications or at least 4 pieces per worker
   * at a time, so a hard stop loses at most a stage).
   */
  public <T extends Serializable> List<T> map(
      Engine engine, int n, long replicationsEach, Engine.Task<T> task, Progress progress)
      throws InterruptedException {
    List<Entry> restored = restore(n, true);
    Object[] results = new Object[n];
    for (Entry e : restored) results[e.index] = e.value;
    List<Integer> todo = new ArrayList<>();
    for (int i = 0; i < n; i++) if (results[i] == null) todo.add(i);
    long before = n - todo.size();
    if (before > 0 && progress != null) progress.done(before);
    int stage;
    if (engine.distributed()) {
      long perTask = Math.max(1, engine.blockReplications() / Math.max(1, replicationsEach));
      // a stage is a cluster job: several waves of tasks, so start-up and the slowest task weigh
      // little
      stage = (int) Math.min(Integer.MAX_VALUE, 8L * engine.parallelism() * perTask);
    } else {
      // a stage ends in a barrier (the other workers wait for its slowest piece), a new pool and a
      // forced write: about a second of work per worker, not 4 pieces each (a default sensitivity
      // analysis, 50 replications a point, was 350 stages of a few milliseconds each)
      stage =
          (int)
              Math.min(
                  Integer.MAX_VALUE,
                  LOCAL_STAGE_REPLICATIONS * engine.parallelism() / Math.max(1, replicationsEach));
    }
    stage = Math.max(stage, Math.max(1, 4 * engine.parallelism()));
    for (int from = 0; from < todo.size(); from += stage) {
      List<Integer> batch = List.copyOf(todo.subList(from, Math.min(todo.size(), from + stage)));
      long done = before + from;
      List<T> out =
          engine.map(
              batch.size(),
              replicationsEach,
              j -> task.run(batch.get(j)),
              progress == null ? null : d -> progress.done(done + d));
      append(batch, out);
      for (int j = 0; j < batch.size(); j++) results[batch.get(j)] = out.get(j);
    }
    return LocalEngine.inOrder(results);
  }

  private record Entry(int index, Object value) {}

  /**
   * The whole entries of the journal with an index below {@code n}; with {@code cutTornTail}, a
   * torn tail is cut off the file (only by the run that is about to append to it).
   */
  private List<Entry> restore(int n, boolean cutTornTail) {
    Path file = dir.resolve(FILE);
    List<Entry> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) return out;
    long good = 0;
    try {
      long size = Files.size(file);
      if (size > Integer.MAX_VALUE - 64 || size > Runtime.getRuntime().maxMemory() / 2) {
        throw new JournalDamaged(file + ": not a journal of this experiment (" + size + " bytes)");
      }
      byte[] all = Files.readAllBytes(file);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
      try {
        while (true) {
          if (in.readInt() != MAGIC) {
            tornOrDamaged(file, all, good);
            break;
          }
          int index = in.readInt();
          int length = in.readInt();
          if (length < 0 || length > all.length) {
            tornOrDamaged(file, all, good);
            break;
          }
          byte[] bytes = new byte[length];
          in.readFully(bytes);
          long crc = in.readLong();
          CRC32 c = new CRC32();
          c.update(bytes);
          if (c.getValue() != crc) {
            if (good + 4 + 4 + 4 + length + 8 < all.length) tornOrDamaged(file, all, good);
            break;
          }
          if (index >= 0 && index < n) out.add(new Entry(index, read(bytes, file)));
          good += 4 + 4 + 4 + length + 8;
        }
      } catch (EOFException torn) {
        // the last append did not finish: its piece runs again
      }
      if (cutTornTail && good < all.length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(good);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + file, e);
    }
    return out;
  }

  private <T> void append(List<Integer> indices, List<T> values) {
    try {
      // only the journal folder itself: a result folder deleted by Ctrl-C must not come back
      if (!Files.isDirectory(dir)) Files.createDirectory(dir);
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      for (int j = 0; j < indices.size(); j++) {
        byte[] bytes = write(values.get(j));
        CRC32 c = new CRC32();
        c.update(bytes);
        ByteBuffer head =
            ByteBuffer.allocate(12).putInt(MAGIC).putInt(indices.get(j)).putInt(bytes.length);
        buf.write(head.array());
        buf.write(bytes);
        buf.write(ByteBuffer.allocate(8).putLong(c.getValue()).array());
      }
      try (FileChannel ch =
          FileChannel.open(
              dir.resolve(FILE),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer b = ByteBuffer.wrap(buf.toByteArray());
        while (b.hasRemaining()) ch.write(b);
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the journal in " + dir, e);
    }
  }

  private static byte[] write(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(value);
    }
    return out.toByteArray();
  }

  private static Object read(byte[] bytes, Path file) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(ONLY_RESULTS);
      return in.readObject();
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new JournalDamaged(
          file + " is damaged: an entry with a matching checksum cannot be read (" + e + ")");
    }
  }

  /**
   * An entry that does not check out at {@code at}: the torn tail of an append that did not finish
   * (nothing but zeros after it, as a file system can leave), or else damage in the middle of the
   * journal, which is refused rather than silently cut.
   */
  private static void tornOrDamaged(Path file, byte[] all, long at) {
    for (long i = at; i < all.length; i++) {
      if (all[(int) i] != 0) {
        // only the last entry can be torn; data after a bad entry means the file was changed
        if (lastEntryFrom(all, at)) return;
        throw new JournalDamaged(
            file + " is damaged at byte " + at + ": an entry does not match its checksum");
      }
    }
  }

  /**
   * Whether the bytes from {@code at} are at most one entry (a torn append), judged by its header.
   */
  private static boolean lastEntryFrom(byte[] all, long at) {
    if (all.length - at < 12) return true;
    int length = ByteBuffer.wrap(all, (int) at + 8, 4).getInt();
    return length >= 0 && at + 12L + length + 8 >= all.length;
  }

  /** Removes the journal (once the results are written). */
  public static void delete(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
  }
}
