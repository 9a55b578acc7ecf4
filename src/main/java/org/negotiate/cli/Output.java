package org.negotiate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.negotiate.report.Briefs;
import org.negotiate.report.PolicyBrief;
import org.negotiate.report.ResultFolder;

/**
 * The skeleton every command that writes results shares: it opens the result folder {@code
 * <root>/<command>-<subject>/<run-id>/} (one rule for every command; journalled where the
 * experiment can be resumed), and at the end writes {@code manifest.json} and the brief, then
 * publishes the folder whole.
 */
final class Output implements AutoCloseable {
  /**
   * The brief of a run, made from the manifest as written (its keys) and the charts in the folder.
   */
  @FunctionalInterface
  interface Brief {
    PolicyBrief make(Map<String, Object> manifest, Path chartsDir, Path reportDir)
        throws IOException;
  }

  private final ResultFolder folder;
  private final JournalledFolder journalled;
  private final Instant started;

  private Output(ResultFolder folder, JournalledFolder journalled, Instant started) {
    this.folder = folder;
    this.journalled = journalled;
    this.started = started;
  }

  /**
   * The folder name of every command: {@code <command>-<subject>}, e.g. odds-baseline,
   * compare-a-vs-b.
   */
  static String folderName(String command, String subject) {
    return command + "-" + subject;
  }

  /** A folder written once, not resumable. */
  static Output open(String command, String subject, Path root, String identity, Instant started)
      throws IOException {
    return new Output(
        ResultFolder.open(root, folderName(command, subject), identity, started, ""),
        null,
        started);
  }

  /**
   * A folder whose experiment journals its progress and can be taken up again with {@code --resume}
   * ({@code journalIdentity} is what a resume must match).
   */
  static Output journalled(
      String command,
      String subject,
      Path root,
      String identity,
      String journalIdentity,
      Path resume,
      Instant started)
      throws IOException {
    JournalledFolder j =
        JournalledFolder.open(
            command,
            resume,
            root,
            folderName(command, subject),
            identity,
            journalIdentity,
            started);
    return new Output(j.folder(), j, started);
  }

  ResultFolder folder() {
    return folder;
  }

  Path dir() {
    return folder.dir();
  }

  Path file(String name) {
    return folder.file(name);
  }

  void write(String name, String content) throws IOException {
    folder.write(name, content);
  }

  Path journal() {
    return journalled.journal();
  }

  boolean resumed() {
    return journalled != null && journalled.resumed();
  }

  /**
   * Writes {@code manifest.json} (listing every file of the folder) and, with a brief, {@code
   * report.html}, then publishes the folder; returns where it now is.
   */
  Path finish(Manifest.Builder manifest, Map<String, Object> summary, Brief brief)
      throws IOException {
    List<String> files = files(brief != null);
    Manifest m = manifest.build(started, files, summary);
    m.write(folder.file("manifest.json"));
    if (brief != null)
      brief.make(m.asMap(), folder.dir(), folder.target()).write(folder.file(Briefs.FILE));
    return journalled != null ? journalled.commit() : folder.commit();
  }

  /**
   * The folder's files: the manifest first, the others by name (the journal, a folder, is not one).
   */
  private List<String> files(boolean brief) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder.dir())) {
      s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).forEach(names::add);
    }
    names.remove("manifest.json");
    if (brief && !names.contains(Briefs.FILE)) names.add(Briefs.FILE);
    names.sort(null);
    names.add(0, "manifest.json");
    return names;
  }

  @Override
  public void close() throws IOException {
    if (journalled != null) journalled.close();
    else folder.close();
  }
}
