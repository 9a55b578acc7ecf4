package org.negotiate.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.negotiate.report.ResultFolder;

/**
 * The result folder of a long experiment ({@code odds}, {@code sweep}, {@code sensitivity}) that
 * journals its progress in {@code journal/}, opened new or taken up again with {@code --resume}.
 *
 * <p>While it runs, the experiment holds an exclusive lock on {@code journal/lock} (the operating
 * system drops it when the process dies, even by {@code kill -9}), so a second process cannot
 * resume a folder that is still being written.
 */
final class JournalledFolder implements AutoCloseable {
  static final String JOURNAL = "journal";

  /** What the journal was started for, checked on --resume. */
  static final String IDENTITY = "identity.txt";

  private static final String LOCK = "lock";

  private final ResultFolder folder;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final boolean resumed;
  private final String command;
  private boolean committed;

  /** A folder kept after a failure, for the error message to say how to finish it. */
  record Kept(String command, Path dir, String work) {}

  /** The folder the last failed run of this process kept (read and cleared by {@link Main}). */
  static final java.util.concurrent.atomic.AtomicReference<Kept> KEPT =
      new java.util.concurrent.atomic.AtomicReference<>();

  private JournalledFolder(
      String command,
      ResultFolder folder,
      FileChannel lockChannel,
      FileLock lock,
      boolean resumed) {
    this.command = command;
    this.folder = folder;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.resumed = resumed;
  }

  /**
   * A new folder under {@code root/name}, or, with {@code resume}, the unfinished folder of a run
   * of the same experiment ({@code journalIdentity} must match what it was started for).
   */
  static JournalledFolder open(
      String command,
      Path resume,
      Path root,
      String name,
      String identity,
      String journalIdentity,
      Instant started)
      throws IOException {
    if (resume == null) {
      ResultFolder folder = ResultFolder.open(root, name, identity, started, "");
      Path journal = folder.dir().resolve(JOURNAL);
      Files.createDirectory(
          journal); // not its parent: a folder deleted by Ctrl-C must not come back
      Files.writeString(journal.resolve(IDENTITY), journalIdentity, StandardCharsets.UTF_8);
      FileChannel ch =
          FileChannel.open(
              journal.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new JournalledFolder(command, folder, ch, ch.lock(), false);
    }
    Path idFile = resume.resolve(JOURNAL).resolve(IDENTITY);
    if (!Files.isRegularFile(idFile)) {
      throw new BadInput(
          "--resume: "
              + resume
              + " is not the unfinished folder of a "
              + command
              + " run (no "
              + JOURNAL
              + "/"
              + IDENTITY
              + ")");
    }
    if (!Files.readString(idFile, StandardCharsets.UTF_8).equals(journalIdentity)) {
      throw new BadInput(
          "--resume: "
              + resume
              + " was started for a different experiment (the command, resolved scenario "
              + "or settings differ); give the same command, scenario and settings");
    }
    // Lock before taking the folder up: a folder that is being written must not be touched.
    FileChannel ch =
        FileChannel.open(
            resume.resolve(JOURNAL).resolve(LOCK),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new BadInput(
          "--resume: "
              + resume
              + " is still being written by a running experiment; wait for it to end, "
              + "or stop it before resuming");
    }
    try {
      return new JournalledFolder(command, ResultFolder.resume(resume), ch, lock, true);
    } catch (IllegalArgumentException e) {
      lock.release();
      ch.close();
      throw new BadInput("--resume: " + e.getMessage());
    }
  }

  ResultFolder folder() {
    return folder;
  }

  Path journal() {
    return folder.dir().resolve(JOURNAL);
  }

  boolean resumed() {
    return resumed;
  }

  /** The results are written: the journal goes, then the folder takes its final name. */
  Path commit() throws IOException {
    release();
    try (Stream<Path> files = Files.walk(journal())) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
    Path done = folder.commit();
    committed = true;
    return done;
  }

  /**
   * What the journal holds, e.g. "1200 replications", or null when it holds nothing worth keeping.
   * A journal that cannot be read is kept too: it is the person's to judge.
   */
  private String work() {
    Path journal = journal();
    try {
      int replications = org.negotiate.experiment.RunJournal.replicationsIn(journal);
      if (replications > 0) return replications + " replications";
      int pieces = org.negotiate.experiment.PieceJournal.piecesIn(journal);
      if (pieces > 0) return pieces + (pieces == 1 ? " point" : " points");
    } catch (IOException | RuntimeException unreadable) {
      return "a journal that could not be read";
    }
    return resumed ? "its journal" : null;
  }

  private void release() throws IOException {
    if (lock.isValid()) lock.release();
    if (lockChannel.isOpen()) lockChannel.close();
  }

  /**
   * Without a commit (a failure): a folder whose journal holds work, or that was given to --resume,
   * stays for a later --resume; only an empty one goes.
   */
  @Override
  public void close() throws IOException {
    try {
      release();
    } finally {
      String work = committed ? null : work();
      if (work != null && folder.keep()) {
        KEPT.set(new Kept(command, folder.dir(), work));
      } else {
        folder.close();
      }
    }
  }
}
