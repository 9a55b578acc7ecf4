package org.negotiate.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every size limit on what the tool reads, in one place: no input file, table or option can exhaust
 * memory or make a run unbounded. The scenario loader, the table readers and the command line all
 * check against these numbers, and each breach is a bad input (exit 2) with a message naming the
 * file, line and field where there is one. The README's "Limits" section lists them.
 */
public final class Limits {

  private Limits() {}

  /**
   * Largest scenario file or actor table, in bytes; checked on the file's size before it is read.
   */
  public static final long MAX_FILE_BYTES = 5_000_000;

  /** Most actors in a scenario or rows in a table (KTAB's own limit is 250). */
  public static final int MAX_ACTORS = 250;

  /** Most issues in a scenario or dimensions in a table. */
  public static final int MAX_ISSUES = 50;

  /** Most events in a scenario. */
  public static final int MAX_EVENTS = 500;

  /** Most changes in one event. */
  public static final int MAX_CHANGES_PER_EVENT = 250;

  /** Most evidence references on one item. */
  public static final int MAX_EVIDENCE = 100;

  /** Most rounds (months) in a run: a century. */
  public static final int MAX_ROUNDS = 1200;

  /** Most replications in a run. */
  public static final int MAX_REPLICATIONS = 10_000_000;

  /**
   * Most (round, actor, issue) cells of a run's position history: rounds x (actors + 1) x issues
   * (the "+ 1" is the mediators' text). Each worker thread keeps a 201-bin histogram per cell
   * (about 800 bytes), so a run at this limit needs about 800 MB per thread; {@link #checkRun}
   * compares that with the heap before a run starts.
   */
  public static final long MAX_POSITION_CELLS = 1_000_000;

  /** Most cells on one line of a table (trailing empty cells included). */
  public static final int MAX_CELLS_PER_ROW = 1000;

  /** Deepest nesting of YAML mappings and lists. */
  public static final int MAX_DEPTH = 50;

  /** YAML aliases ({@code *name}) are rejected outright; this is SnakeYAML's own backstop. */
  public static final int MAX_ALIASES = 0;

  /**
   * Most YAML values (keys, scalars, list and mapping starts and ends) in one file: room for the
   * largest scenario (250 actors with a stance on each of 50 issues is about 240,000).
   */
  public static final int MAX_VALUES = 300_000;

  /** Longest single text (a key or a value) in a scenario file or a table cell, in characters. */
  public static final int MAX_TEXT = 10_000;

  /** Deepest chain of {@code extends:} followed. */
  public static final int MAX_EXTENDS = 16;

  /**
   * Most replications one command runs in all (a sweep's points x runs, a sensitivity design's
   * points x runs, whatittakes' largest search x runs): 100 of the largest single Monte Carlo. At
   * about a millisecond a replication on one core (the baseline's), that is weeks of a small
   * machine; more is a typing error far more often than a plan.
   */
  public static final long MAX_TOTAL_REPLICATIONS = 100L * MAX_REPLICATIONS;

  /**
   * Share of the heap an experiment's own estimate of what it keeps may take (the rest: the JVM,
   * charts, buffers).
   */
  public static final double HEAP_SHARE = 0.75;

  /** Most {@code --set} overrides on one command line. */
  public static final int MAX_OVERRIDES = 1000;

  /** "5 MB" for {@link #MAX_FILE_BYTES}. */
  public static String fileSize() {
    return MAX_FILE_BYTES % 1_000_000 == 0
        ? MAX_FILE_BYTES / 1_000_000 + " MB"
        : MAX_FILE_BYTES + " bytes";
  }

  /** The problem with a file of {@code bytes} bytes, or null when it is small enough. */
  public static String fileTooLarge(long bytes) {
    if (bytes <= MAX_FILE_BYTES) return null;
    return String.format(
        Locale.ROOT,
        "file too large (%,d bytes; at most %s = %,d bytes are read)",
        bytes,
        fileSize(),
        MAX_FILE_BYTES);
  }

  /**
   * Reads at most {@link #MAX_FILE_BYTES} of {@code file}: a larger file is refused from its size
   * before anything is read, and a file whose size is not known in advance (a pipe, a device such
   * as {@code /dev/zero}) is read only up to the limit. Problems are reported under {@code label}.
   */
  public static byte[] readFile(Path file, String label) throws ScenarioException {
    try {
      if (Files.isDirectory(file)) throw whole(label, "cannot read file: it is a directory");
      if (!Files.exists(file)) throw whole(label, "cannot read file: no such file");
      boolean regular = Files.isRegularFile(file);
      String large = regular ? fileTooLarge(Files.size(file)) : null;
      if (large != null) throw whole(label, large);
      byte[] bytes = regular ? readAtMost(file) : readInTime(file, label);
      if (bytes.length > MAX_FILE_BYTES) {
        throw whole(
            label,
            String.format(
                Locale.ROOT,
                "file too large (more than %s = %,d bytes)",
                fileSize(),
                MAX_FILE_BYTES));
      }
      return bytes;
    } catch (IOException | SecurityException e) {
      throw whole(label, "cannot read file: " + describe(e));
    }
  }

  /**
   * Longest wait for a file that is not a regular file (a pipe, a FIFO, a device) to give all it
   * has.
   */
  public static final int MAX_READ_SECONDS = 3;

  private static byte[] readAtMost(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) MAX_FILE_BYTES + 1);
    }
  }

  /**
   * A pipe or FIFO is read on a thread of its own, for at most {@link #MAX_READ_SECONDS}: opening a
   * FIFO nobody writes to, or reading a pipe that never ends, would otherwise wait forever.
   */
  private static byte[] readInTime(Path file, String label) throws IOException, ScenarioException {
    java.util.concurrent.FutureTask<byte[]> read =
        new java.util.concurrent.FutureTask<>(() -> readAtMost(file));
    Thread t = new Thread(read, "read " + file.getFileName());
    t.setDaemon(
        true); // a FIFO's open cannot be interrupted: the thread must not keep the JVM alive
    t.start();
    try {
      return read.get(MAX_READ_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      t.interrupt();
      throw whole(
          label,
          "cannot read file: it is not a regular file and did not give all it holds within "
              + MAX_READ_SECONDS
              + " s (a pipe or FIFO nobody writes to?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading " + file);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof SecurityException se) throw se;
      throw new IOException(e.getCause());
    }
  }

  private static ScenarioException whole(String label, String message) {
    return new ScenarioException(new Problem(label, 0, 0, "", message));
  }

  /** "access denied (x.yaml)" rather than a class name. */
  static String describe(Exception e) {
    String m = e.getMessage();
    String kind =
        e.getClass()
            .getSimpleName()
            .replace("Exception", "")
            .replaceAll("([a-z])([A-Z])", "$1 $2")
            .toLowerCase(Locale.ROOT);
    if (kind.equals("no such file")) return "no such file";
    return m == null ? kind : kind + " (" + m + ")";
  }

  /** rounds x (actors + 1) x issues, see {@link #MAX_POSITION_CELLS}. */
  public static long positionCells(int actors, int issues, int rounds) {
    return (long) rounds * (actors + 1L) * issues;
  }

  /** The problem with a run of this shape's position history, or null when it fits. */
  public static String tooManyCells(int actors, int issues, int rounds) {
    long cells = positionCells(actors, issues, rounds);
    if (cells <= MAX_POSITION_CELLS) return null;
    return String.format(
        Locale.ROOT,
        "%d rounds x (%d actors + the text) x %d issues = %,d position cells; at most "
            + "%,d: run fewer rounds, or use fewer actors or issues",
        rounds,
        actors,
        issues,
        cells,
        MAX_POSITION_CELLS);
  }

  /**
   * Runs a position tally keeps as they are, one byte per cell, before it counts them into a
   * histogram of 201 ints per cell (the experiment's {@code PositionTally}).
   */
  public static final int TALLY_KEPT_RUNS = 64;

  /**
   * Rough heap, in bytes, that an odds run of this shape keeps: each worker's trajectory buffer (a
   * float per cell); the positions, kept one byte per cell and run up to {@link #TALLY_KEPT_RUNS}
   * runs, beyond that one histogram per worker thread plus the merged one ({@code 201} int bins per
   * cell); and the outcome records the experiment keeps on the heap (the first 8 MB of fixed-size
   * records; the rest go to a memory-mapped temporary file, off the heap, as MonteCarlo stores
   * them).
   */
  public static long estimatedRunBytes(
      int actors, int issues, int rounds, long replications, int threads) {
    long cells = positionCells(actors, issues, rounds);
    long workers = Math.max(1, Math.min(threads, replications));
    long tally =
        replications <= TALLY_KEPT_RUNS ? cells * replications : cells * 201L * 4L * (workers + 1L);
    long outcomes = Math.min(8L << 20, replications * 8L * (8 + actors + issues));
    return cells * 4L * workers + tally + outcomes;
  }

  /**
   * Every problem with running {@code replications} replications of {@code rounds} rounds with this
   * many actors and issues on {@code threads} threads (empty when it is fine): each number within
   * its limit, the position history within {@link #MAX_POSITION_CELLS}, and the estimated memory
   * within 80% of {@code maxHeapBytes} (pass {@code Runtime.getRuntime().maxMemory()}).
   */
  public static List<String> checkRun(
      int actors, int issues, int rounds, long replications, int threads, long maxHeapBytes) {
    return checkRun(actors, issues, rounds, replications, threads, maxHeapBytes, null);
  }

  /**
   * Heap one worker's replication of {@code protocol} holds at once, in bytes: the expected utility
   * model keeps, per issue, about six n x n tables of doubles (probabilities, powered distances,
   * prefix and suffix sums) and its position history; the spatial model's assessment holds each
   * actor's n x n utility matrix (n^3 doubles), and a step makes the next one before the last is
   * dropped. Counted with a third more for what a step allocates and drops (measured: one EUM
   * replication of a 250 x 50 table, estimated 201 MB here, fails with a 160 MB heap and peaks at
   * 247 MB used with 400 MB). The mediated protocol's tables are per actor and issue: negligible.
   */
  public static long modelBytes(String protocol, int actors, int issues, int rounds) {
    long n = actors;
    if ("eum".equals(protocol)) return 4 * (issues * (48 * n * n + 8 * n * (rounds + 1L))) / 3;
    if ("smp".equals(protocol)) return 4 * (2 * 8 * n * n * n + 64 * n * n) / 3;
    return 0;
  }

  /**
   * As {@link #checkRun(int, int, int, long, int, long)}, counting each worker's model of {@code
   * protocol} too.
   */
  public static List<String> checkRun(
      int actors,
      int issues,
      int rounds,
      long replications,
      int threads,
      long maxHeapBytes,
      String protocol) {
    List<String> out = new ArrayList<>();
    if (actors > MAX_ACTORS) out.add("at most " + MAX_ACTORS + " actors, got " + actors);
    if (issues > MAX_ISSUES) out.add("at most " + MAX_ISSUES + " issues, got " + issues);
    if (rounds < 1 || rounds > MAX_ROUNDS)
      out.add("rounds: expected an integer in [1, " + MAX_ROUNDS + "], got " + rounds);
    if (replications < 1 || replications > MAX_REPLICATIONS) {
      out.add(
          "replications: expected an integer in [1, "
              + MAX_REPLICATIONS
              + "], got "
              + replications);
    }
    if (!out.isEmpty()) return out;
    String cells = tooManyCells(actors, issues, rounds);
    if (cells != null) {
      out.add(cells);
      return out;
    }
    long need =
        estimatedRunBytes(actors, issues, rounds, replications, threads)
            + Math.max(1, Math.min(threads, replications))
                * modelBytes(protocol, actors, issues, rounds);
    if (maxHeapBytes > 0 && maxHeapBytes != Long.MAX_VALUE && need > maxHeapBytes / 10 * 8) {
      out.add(
          String.format(
              Locale.ROOT,
              "%,d replications of %d rounds on %d threads need about %s of memory; the "
                  + "Java heap has %s: run fewer replications, rounds or threads, or raise the heap (NEGOTIATE_JAVA_OPTS=-Xmx... for ./negotiate)",
              replications,
              rounds,
              threads,
              mb(need),
              mb(maxHeapBytes)));
    }
    return out;
  }

  private static String mb(long bytes) {
    return bytes >= 1L << 30
        ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : (bytes >> 20) + " MB";
  }
}
