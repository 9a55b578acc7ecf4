package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.experiment.RunJournal;

/**
 * Issue 18, items 2 and 3, on the packaged jar: a journal left by {@code kill -9} that was damaged
 * afterwards is refused (exit 2) instead of resumed into wrong numbers, and no failure, bad option
 * or damaged file during a resume deletes a journal that could still be resumed.
 */
@Tag("long") // the long suite (mvn -B verify -Plong): damages and resumes real journals, ~30 s
class JournalSafetyIT {
  @TempDir static Path tmp;
  static final List<String> ODDS =
      List.of(
          "odds",
          LauncherIT.root().resolve("scenarios/baseline.yaml").toString(),
          "--runs",
          "10000",
          "--seed",
          "7",
          "--quiet");

  /** The unfinished folder of a killed run, copied for each case. */
  static Path killed;

  static int journalled;

  @BeforeAll
  static void killARun() throws Exception {
    Path out = tmp.resolve("killed");
    ResumeIT.Child child =
        ResumeIT.start(
            tmp.resolve("log.txt"), ResumeIT.with(ODDS, "--threads", "1", "--out", out.toString()));
    killed = ResumeIT.awaitJournal(child, out.resolve("odds-baseline"), RunJournal::replicationsIn);
    ResumeIT.kill(child);
    journalled = RunJournal.replicationsIn(killed.resolve("journal"));
  }

  /** A copy of the killed run's folder, under an unfinished folder's name of its own. */
  static Path copy(String n) throws IOException {
    Path to =
        killed.resolveSibling(killed.getFileName().toString().replaceAll("-[0-9]+$", "-" + n));
    try (Stream<Path> files = Files.walk(killed)) {
      for (Path p : files.toList()) {
        if (p.getFileName().toString().equals("lock")) continue;
        Files.copy(
            p, to.resolve(killed.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return to;
  }

  static LauncherIT.Proc resume(Path dir, String... more) throws Exception {
    List<String> args = ResumeIT.with(ODDS, "--resume", dir.toString());
    args.addAll(List.of(more));
    return ResumeIT.java(args);
  }

  static void assertRefusedAndKept(
      LauncherIT.Proc p, int exit, Path dir, byte[] state, String words) throws IOException {
    assertEquals(exit, p.exit(), p.out() + p.err());
    assertTrue(p.err().contains(words), p.err());
    assertFalse(p.err().contains("\tat "), "no stack trace: " + p.err());
    assertFalse(p.err().contains("internal error"), p.err());
    assertTrue(Files.isDirectory(dir), "the folder is kept");
    assertArrayEquals(
        state, Files.readAllBytes(dir.resolve("journal/state.bin")), "the journal is untouched");
  }

  @Test
  void aFlippedByteInTheStateIsRefusedNotResumedIntoWrongOdds() throws Exception {
    Path dir = copy("3001");
    byte[] state = Files.readAllBytes(dir.resolve("journal/state.bin"));
    state[40] ^= (byte) 0xff;
    Files.write(dir.resolve("journal/state.bin"), state);
    LauncherIT.Proc p = resume(dir);
    assertRefusedAndKept(p, 2, dir, state, "state.bin is damaged");
    assertTrue(p.err().contains(dir.toString()), "names the folder: " + p.err());
  }

  @Test
  void aDamagedOrTruncatedOutcomesFileIsRefused() throws Exception {
    Path flipped = copy("3002");
    byte[] state = Files.readAllBytes(flipped.resolve("journal/state.bin"));
    byte[] outcomes = Files.readAllBytes(flipped.resolve("journal/outcomes.bin"));
    outcomes[20] ^= 1; // the agreed terms of replication 0
    Files.write(flipped.resolve("journal/outcomes.bin"), outcomes);
    assertRefusedAndKept(resume(flipped), 2, flipped, state, "outcomes.bin is damaged");

    Path truncated = copy("3003");
    try (var ch =
        java.nio.channels.FileChannel.open(
            truncated.resolve("journal/outcomes.bin"), java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(1000);
    }
    assertRefusedAndKept(resume(truncated), 2, truncated, state, "outcomes.bin is damaged");
  }

  @Test
  void aBadOptionOnResumeIsRefusedBeforeAnythingRunsAndTheJournalStays() throws Exception {
    Path dir = copy("2001");
    byte[] state = Files.readAllBytes(dir.resolve("journal/state.bin"));
    LauncherIT.Proc p = resume(dir, "--analyse", "-1");
    assertRefusedAndKept(p, 2, dir, state, "--analyse");
    // the journal still finishes the run
    LauncherIT.Proc finished = resume(dir, "--threads", "2");
    ResumeIT.assertFinished(finished, dir);
  }

  @Test
  void aFailureWhileWritingTheResultsOfAResumeKeepsTheJournalAndSaysHowToResume() throws Exception {
    Path dir = copy("2002");
    byte[] state = Files.readAllBytes(dir.resolve("journal/state.bin"));
    // a full disk: odds.csv leads to /dev/full (where there is none, a folder in its place)
    Path full = Path.of("/dev/full");
    if (Files.exists(full)) {
      Files.createSymbolicLink(dir.resolve("odds.csv"), full);
    } else {
      Files.createDirectories(dir.resolve("odds.csv"));
    }
    LauncherIT.Proc p = resume(dir);
    assertEquals(1, p.exit(), p.out() + p.err());
    assertTrue(p.err().contains("cannot write results"), p.err());
    if (Files.exists(full)) assertTrue(p.err().contains("No space left on device"), p.err());
    assertFalse(p.err().contains("internal error") || p.err().contains("Exception"), p.err());
    assertTrue(p.err().contains("--resume " + dir), "says how to resume: " + p.err());
    assertFalse(p.err().contains("\tat "), p.err());
    assertTrue(Files.isRegularFile(dir.resolve("journal/state.bin")), "the journal is kept");
    assertTrue(
        RunJournal.replicationsIn(dir.resolve("journal")) >= journalled,
        "with at least what it had");
    Files.delete(dir.resolve("odds.csv"));
    ResumeIT.assertFinished(resume(dir), dir);
  }
}
