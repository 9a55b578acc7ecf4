package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.experiment.PieceJournal;
import org.negotiate.experiment.RunJournal;

/**
 * Real runs of {@code odds}, {@code sweep} and {@code sensitivity} killed with SIGKILL (no shutdown
 * hook runs) leave their unfinished folder with a journal; {@code --resume} finishes them, and
 * their CSVs are byte-identical to an uninterrupted run's. A folder still being written cannot be
 * resumed by a second process.
 */
@Tag("long") // the long suite (mvn -B verify -Plong): kills and resumes real runs, ~100 s
class ResumeIT {
  @TempDir Path tmp;

  static final String RUNS = "200000";
  static final Pattern INCOMPLETE = Pattern.compile("\\.incomplete-([A-Za-z0-9_-]+)-[0-9]+");

  /** How much of its work a journal in {@code journal/} holds. */
  interface Journalled {
    int in(Path journal) throws IOException;
  }

  /** A {@code negotiate} child JVM, its output in {@code log}. */
  record Child(Process process, Path log) {
    String output() throws IOException {
      return Files.readString(log);
    }
  }

  /** Starts the packaged jar with {@code args} in the project folder. */
  static Child start(Path log, List<String> args) throws IOException {
    String jar = System.getProperty("negotiate.jar", "target/negotiate.jar");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-jar",
                Path.of(jar).toAbsolutePath().toString()));
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd)
            .directory(LauncherIT.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new Child(p, log);
  }

  /**
   * Waits until the child's unfinished folder under {@code scenarioDir} has journalled some work (a
   * count above 0) and returns that folder; the child must still be running.
   */
  static Path awaitJournal(Child c, Path scenarioDir, Journalled journalled) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && c.process().isAlive()) {
      if (Files.isDirectory(scenarioDir)) {
        Path incomplete;
        try (var list = Files.list(scenarioDir)) {
          incomplete =
              list.filter(d -> d.getFileName().toString().startsWith(".incomplete-"))
                  .findFirst()
                  .orElse(null);
        }
        if (incomplete != null) {
          try {
            if (journalled.in(incomplete.resolve("journal")) > 0) return incomplete;
          } catch (IOException | UncheckedIOException racing) {
            // a file is being replaced or appended: look again
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "nothing journalled while the child ran (alive: "
            + c.process().isAlive()
            + "): "
            + c.output());
  }

  /** SIGKILL: no shutdown hook runs, so the unfinished folder and its journal stay. */
  static void kill(Child c) throws Exception {
    assertTrue(c.process().isAlive(), "still running when killed: " + c.output());
    c.process().destroyForcibly();
    assertTrue(c.process().waitFor(30, TimeUnit.SECONDS), "killed");
  }

  /** The folder a run's summary line names (after the last " · ", without the final slash). */
  static Path folderOf(LauncherIT.Proc p) {
    assertEquals(0, p.exit(), p.err());
    String line = p.out().strip();
    line = line.substring(line.lastIndexOf('\n') + 1);
    assertTrue(line.endsWith("/"), line);
    return Path.of(line.substring(line.lastIndexOf(" · ") + 3, line.length() - 1));
  }

  static String runId(Path incomplete) {
    Matcher m = INCOMPLETE.matcher(incomplete.getFileName().toString());
    assertTrue(m.matches(), incomplete.toString());
    return m.group(1);
  }

  static List<String> with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  static LauncherIT.Proc java(List<String> args) throws Exception {
    return LauncherIT.java(LauncherIT.root(), args.toArray(String[]::new));
  }

  /** The resumed folder: published under the run id, journal and unfinished folder gone. */
  static Path assertFinished(LauncherIT.Proc resumed, Path incomplete) {
    Path finished = folderOf(resumed);
    assertTrue(
        finished.getFileName().toString().startsWith(runId(incomplete)),
        finished + " keeps the run id of " + incomplete);
    assertFalse(Files.exists(incomplete), "the unfinished folder is gone");
    assertFalse(Files.exists(finished.resolve("journal")), "the journal is gone");
    return finished;
  }

  static void assertSameFiles(Path expected, Path actual, List<String> files, String what)
      throws IOException {
    for (String f : files) {
      assertArrayEquals(
          Files.readAllBytes(expected.resolve(f)),
          Files.readAllBytes(actual.resolve(f)),
          f + " differs (" + what + ")");
    }
  }

  @Test
  void aRunKilledMidwayIsFinishedByResumeWithTheSameCsvs() throws Exception {
    String scenario = LauncherIT.root().resolve("scenarios/baseline.yaml").toString();
    List<String> odds = List.of("odds", scenario, "--runs", RUNS, "--analyse", "20", "--quiet");
    Path killed = tmp.resolve("killed");
    Child child =
        start(tmp.resolve("log.txt"), with(odds, "--threads", "1", "--out", killed.toString()));
    Path incomplete =
        awaitJournal(child, killed.resolve("odds-baseline"), RunJournal::replicationsIn);
    kill(child);
    int journalled = RunJournal.replicationsIn(incomplete.resolve("journal"));
    assertTrue(
        journalled > 0 && journalled < Integer.parseInt(RUNS),
        "killed midway, after " + journalled);
    System.out.println(
        "odds killed after " + journalled + " of " + RUNS + " replications were journalled");

    // the resumed run is told a different thread count: the results do not depend on it
    LauncherIT.Proc resumed = java(with(odds, "--threads", "3", "--resume", incomplete.toString()));
    assertTrue(CliTest.SUMMARY.matcher(resumed.out()).find(), resumed.out());
    Path finished = assertFinished(resumed, incomplete);
    String manifest = Files.readString(finished.resolve("manifest.json"));
    assertTrue(manifest.contains("\"resumed_after_replications\" : " + journalled), manifest);

    Path whole =
        folderOf(java(with(odds, "--threads", "2", "--out", tmp.resolve("whole").toString())));
    ReproducibilityIT.assertSameCsvs(
        whole, finished, "uninterrupted vs killed after " + journalled + " and resumed");
  }

  /**
   * A sweep killed after some points were journalled: while it runs, a second process cannot resume
   * its folder (the lock); after the kill, --resume with another thread count finishes it.
   */
  @Test
  void aSweepKilledMidwayIsLockedWhileRunningAndFinishedByResume() throws Exception {
    String scenario = LauncherIT.root().resolve("scenarios/baseline.yaml").toString();
    // 24 points: the first stage (4 points on 1 thread) leaves most of the run to go during the
    // lock check
    int points = 24;
    List<String> sweep =
        List.of(
            "sweep",
            scenario,
            "--vary",
            "turkey.withdrawal.red_line.max=40:90:" + points,
            "--runs",
            "1500",
            "--quiet");
    Path killed = tmp.resolve("killed");
    Child child =
        start(tmp.resolve("log.txt"), with(sweep, "--threads", "1", "--out", killed.toString()));
    Path incomplete = awaitJournal(child, killed.resolve("sweep-baseline"), PieceJournal::piecesIn);
    Path journal = incomplete.resolve("journal");

    // the lock: the folder is being written, so a second process refuses it and leaves it alone
    String identity = Files.readString(journal.resolve("identity.txt"));
    LauncherIT.Proc locked = java(with(sweep, "--threads", "1", "--resume", incomplete.toString()));
    assertTrue(
        child.process().isAlive(),
        "the first run was still going during the refused resume: " + child.output());
    assertEquals(2, locked.exit(), locked.out() + locked.err());
    assertTrue(locked.err().contains("still being written"), locked.err());
    assertFalse(locked.err().contains("\tat "), locked.err());
    assertTrue(Files.isDirectory(incomplete), "the folder is still there");
    assertEquals(
        identity, Files.readString(journal.resolve("identity.txt")), "the journal is untouched");

    kill(child);
    int journalled = PieceJournal.piecesIn(journal);
    assertTrue(
        journalled > 0 && journalled < points,
        "killed midway, after " + journalled + " of " + points + " points");
    System.out.println(
        "sweep killed after " + journalled + " of " + points + " points were journalled");

    LauncherIT.Proc resumed =
        java(with(sweep, "--threads", "2", "--resume", incomplete.toString()));
    Path finished = assertFinished(resumed, incomplete);
    String manifest = Files.readString(finished.resolve("manifest.json"));
    assertTrue(manifest.contains("\"resumed_after_points\" : " + journalled), manifest);

    Path whole =
        folderOf(java(with(sweep, "--threads", "2", "--out", tmp.resolve("whole").toString())));
    assertSameFiles(
        whole,
        finished,
        List.of("sweep.csv"),
        "uninterrupted vs killed after " + journalled + " points and resumed");
  }

  @Test
  void aSensitivityAnalysisKilledMidwayIsFinishedByResumeWithTheSameCsvs() throws Exception {
    String scenario = LauncherIT.root().resolve("scenarios/baseline.yaml").toString();
    List<String> sensitivity =
        List.of(
            "sensitivity",
            scenario,
            "--inputs",
            "turkey.*",
            "--samples",
            "16",
            "--runs",
            "200",
            "--quiet");
    Path killed = tmp.resolve("killed");
    Child child =
        start(
            tmp.resolve("log.txt"),
            with(sensitivity, "--threads", "1", "--out", killed.toString()));
    Path incomplete =
        awaitJournal(child, killed.resolve("sensitivity-baseline"), PieceJournal::piecesIn);
    kill(child);
    int journalled = PieceJournal.piecesIn(incomplete.resolve("journal"));
    assertTrue(journalled > 0, "killed after " + journalled + " points");
    System.out.println("sensitivity killed after " + journalled + " design points were journalled");

    LauncherIT.Proc resumed =
        java(with(sensitivity, "--threads", "2", "--resume", incomplete.toString()));
    Path finished = assertFinished(resumed, incomplete);
    String manifest = Files.readString(finished.resolve("manifest.json"));
    assertTrue(manifest.contains("\"resumed_after_points\" : " + journalled), manifest);
    Matcher points = Pattern.compile("\"design_points\" : (\\d+)").matcher(manifest);
    assertTrue(
        points.find() && journalled < Integer.parseInt(points.group(1)),
        "killed midway: " + manifest);

    Path whole =
        folderOf(
            java(with(sensitivity, "--threads", "2", "--out", tmp.resolve("whole").toString())));
    assertSameFiles(
        whole,
        finished,
        List.of("oat.csv", "sobol.csv"),
        "uninterrupted vs killed after " + journalled + " points and resumed");
  }

  @Test
  void resumeRefusesAFolderOfAnotherExperiment() throws Exception {
    Path scenario = LauncherIT.root().resolve("scenarios/baseline.yaml");
    Path dir = tmp.resolve("results/odds-baseline/.incomplete-20260101T000000Z-abcdef-123");
    Files.createDirectories(dir.resolve("journal"));
    Files.writeString(dir.resolve("journal/identity.txt"), "something else");
    LauncherIT.Proc p =
        LauncherIT.java(
            LauncherIT.root(),
            "odds",
            scenario.toString(),
            "--runs",
            "300",
            "--quiet",
            "--resume",
            dir.toString());
    assertEquals(2, p.exit(), p.err());
    assertTrue(p.err().contains("different experiment"), p.err());
    assertFalse(p.err().contains("\tat "), p.err());
    assertTrue(Files.isDirectory(dir), "the folder is left as it was");
    LauncherIT.Proc none =
        LauncherIT.java(
            LauncherIT.root(),
            "odds",
            scenario.toString(),
            "--runs",
            "300",
            "--quiet",
            "--resume",
            tmp.resolve("nowhere").toString());
    assertEquals(2, none.exit(), none.err());
    assertTrue(none.err().contains("not the unfinished folder"), none.err());
  }
}
