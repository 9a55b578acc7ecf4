package org.negotiate.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A result folder {@code <root>/<scenario>/<run-id>/} that appears whole or not at all: files are
 * written into a hidden temporary sibling that is renamed when {@link #commit} is called, and
 * deleted if the run fails or the JVM is stopped (Ctrl-C) before that.
 */
public final class ResultFolder implements AutoCloseable {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path temp;
  private Path target;
  private final Thread cleanup;
  private boolean committed;
  private boolean kept;

  /** Set by the shutdown hook (Ctrl-C): the folder is gone and must not be made again. */
  private boolean stopped;

  /**
   * The run id: the target's name without the -2, -3 ... that keeps it apart from a folder already
   * there.
   */
  private final String id;

  private ResultFolder(Path temp, Path target, String id) {
    this.temp = temp;
    this.target = target;
    this.id = id;
    this.cleanup =
        new Thread(
            () -> {
              synchronized (this) {
                stopped = true;
                discard(temp);
              }
            },
            "result-folder-cleanup");
    try {
      Runtime.getRuntime().addShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C came while the folder was being made: no hook will run, so it goes now
      discard(temp);
      throw new java.util.concurrent.CancellationException("stopped before the run began");
    }
  }

  /**
   * Opens a new result folder for a scenario. The run id is the UTC start time plus a short hash of
   * {@code identity} (the resolved scenario and the experiment's settings).
   */
  public static ResultFolder open(
      Path root, String scenarioName, String identity, Instant started, String suffix)
      throws IOException {
    String id = STAMP.format(started) + "-" + shortHash(identity) + safeSuffix(suffix);
    String folder = safeName(scenarioName);
    if (!SAFE.matcher(folder).matches()
        || !SAFE.matcher(id).matches()) { // a guard: safeName never allows this
      throw new IllegalArgumentException("unsafe result folder name " + folder + "/" + id);
    }
    Path parent = root.resolve(folder);
    Files.createDirectories(parent);
    Path target = parent.resolve(id);
    for (int n = 2; Files.exists(target); n++) target = parent.resolve(id + "-" + n);
    // The hook that deletes the folder on Ctrl-C is in place before the folder exists, and the two
    // exclude each other: a stop at any moment leaves no folder behind.
    while (true) {
      Path temp =
          parent.resolve(".incomplete-" + id + "-" + Long.toUnsignedString(RANDOM.nextLong()));
      ResultFolder f = new ResultFolder(temp, target, id);
      synchronized (f) {
        if (f.stopped)
          throw new java.util.concurrent.CancellationException("stopped before the run began");
        try {
          try {
            // private while it is written, as Files.createTempDirectory made it
            Files.createDirectory(
                temp,
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
          } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(temp);
          }
          return f;
        } catch (java.nio.file.FileAlreadyExistsException taken) {
          f.forget();
        } catch (IOException | RuntimeException e) {
          f.forget();
          throw e;
        }
      }
    }
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** Drops the hook of a folder that was never made. */
  private void forget() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs; there is nothing of ours to delete
    }
  }

  /**
   * Takes up the unfinished folder of a run that was stopped hard ({@code kill -9} skips the
   * shutdown hook that would have deleted it), to finish it: it is committed under the name the run
   * would have had.
   *
   * @throws IllegalArgumentException when {@code incomplete} is not such a folder
   */
  public static ResultFolder resume(Path incomplete) {
    Path dir = incomplete.toAbsolutePath().normalize();
    java.util.regex.Matcher m =
        INCOMPLETE.matcher(dir.getFileName() == null ? "" : dir.getFileName().toString());
    if (!m.matches() || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          incomplete + " is not the unfinished folder of a run (.incomplete-<run-id>-<n>)");
    }
    Path parent = dir.getParent();
    Path target = parent.resolve(m.group(1));
    for (int n = 2; Files.exists(target); n++) target = parent.resolve(m.group(1) + "-" + n);
    return new ResultFolder(dir, target, m.group(1));
  }

  private static final java.util.regex.Pattern INCOMPLETE =
      java.util.regex.Pattern.compile("\\.incomplete-([A-Za-z0-9_-]+)-[0-9]+");

  /** Where files go while the run is in progress. */
  public Path dir() {
    return temp;
  }

  /** Where the folder will be once committed. */
  public Path target() {
    return target;
  }

  public Path file(String name) {
    return temp.resolve(name);
  }

  public void write(String name, String content) throws IOException {
    Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
  }

  /** Publishes the folder under its final name. */
  public Path commit() throws IOException {
    // Another process may have published the same run id since this one was opened (two identical
    // runs started in the same second): the next free name, as open() would have chosen.
    for (int n = 2; ; n++) {
      try {
        if (Files.exists(target))
          throw new java.nio.file.FileAlreadyExistsException(target.toString());
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target);
        }
        break;
      } catch (java.nio.file.FileAlreadyExistsException
          | java.nio.file.DirectoryNotEmptyException taken) {
        if (n > 10_000) throw taken;
        target = target.resolveSibling(id + "-" + n);
      }
    }
    committed = true;
    Runtime.getRuntime().removeShutdownHook(cleanup);
    return target;
  }

  /**
   * Leaves the unfinished folder where it is after a failure (it holds a journal that can be
   * resumed): no longer deleted by {@link #close} or at exit. False when the JVM is already
   * shutting down (Ctrl-C), whose hook deletes it as it would have.
   */
  public boolean keep() {
    if (committed) return false;
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
    kept = true;
    return true;
  }

  @Override
  public void close() {
    if (committed || kept) return;
    discard(temp);
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run; it deletes the same folder
    }
  }

  private static final java.util.regex.Pattern SAFE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

  /** Longest folder name made from a scenario name (file systems allow 255 bytes). */
  static final int MAX_NAME = 80;

  /**
   * A scenario name reduced to one folder name that is safe everywhere: only {@code [A-Za-z0-9_-]}
   * (so no {@code /}, {@code \}, {@code ..}, drive letters, dots or control characters), not empty,
   * not only underscores, not a reserved Windows device name ({@code CON}, {@code NUL}, {@code
   * COM1}, ...), and at most {@value #MAX_NAME} characters (a longer name is cut and suffixed with
   * a hash of the whole, so two long names still differ).
   */
  public static String safeName(String name) {
    String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "_");
    if (s.isEmpty() || s.chars().allMatch(c -> c == '_')) return "scenario";
    if (s.matches("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])")) s = "_" + s;
    if (s.length() > MAX_NAME) s = s.substring(0, MAX_NAME - 7) + "-" + shortHash(name);
    return s;
  }

  /** The run id's suffix, e.g. {@code -run}: reduced like a name, and empty stays empty. */
  private static String safeSuffix(String suffix) {
    if (suffix == null || suffix.isEmpty()) return "";
    String s = suffix.replaceAll("[^A-Za-z0-9_-]", "_");
    return s.length() > 20 ? s.substring(0, 20) : s;
  }

  public static String shortHash(String text) {
    return sha256(text).substring(0, 6);
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Deletes an unfinished folder that other threads may still be writing into (a Ctrl-C stops the
   * JVM while workers run): it is first renamed, so that no write by its old path can recreate it,
   * then deleted.
   */
  private static void discard(Path dir) {
    Path gone = dir;
    try {
      if (Files.exists(dir)) {
        gone = dir.resolveSibling(".deleting-" + dir.getFileName());
        Files.move(dir, gone, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException | UnsupportedOperationException e) {
      gone = dir;
    }
    // a writer that had a file open when the folder moved can still add to it: delete again
    for (int attempt = 0; attempt < 5 && Files.exists(gone); attempt++) {
      deleteQuietly(gone);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException ignored) {
      // best effort: a leftover hidden .incomplete folder is never mistaken for a result
    }
  }
}
