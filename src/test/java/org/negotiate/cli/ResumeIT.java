package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.experiment.RunJournal;

/**
 * A real run killed with SIGKILL (no shutdown hook runs) leaves its unfinished folder with a journal;
 * {@code --resume} finishes it, and its CSVs are byte-identical to an uninterrupted run's.
 */
class ResumeIT {
  @TempDir Path tmp;

  static final String RUNS = "200000";

  @Test
  void aRunKilledMidwayIsFinishedByResumeWithTheSameCsvs() throws Exception {
    String jar = System.getProperty("negotiate.jar", "target/negotiate.jar");
    Path scenario = LauncherIT.root().resolve("scenarios/baseline.yaml");
    Path killed = tmp.resolve("killed");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-jar", Path.of(jar).toAbsolutePath().toString(),
        "odds", scenario.toString(), "--runs", RUNS, "--threads", "1", "--analyse", "20", "--quiet", "--out", killed.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
    Path scenarioDir = killed.resolve("baseline");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Path incomplete = null;
    int journalled = 0;
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.isDirectory(scenarioDir)) {
        try (var list = Files.list(scenarioDir)) {
          incomplete = list.filter(d -> d.getFileName().toString().startsWith(".incomplete-")).findFirst().orElse(null);
        }
        if (incomplete != null) {
          try {
            journalled = RunJournal.replicationsIn(incomplete.resolve("journal"));
          } catch (java.io.IOException racing) {
            journalled = 0; // the state file is being replaced: look again
          }
          if (journalled > 0) break;
        }
      }
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "still running when killed: " + Files.readString(tmp.resolve("log.txt")));
    p.destroyForcibly(); // SIGKILL: no shutdown hook, the unfinished folder stays
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(journalled > 0 && journalled < Integer.parseInt(RUNS), "killed midway, after " + journalled);
    assertTrue(Files.isDirectory(incomplete), "the unfinished folder is left");
    System.out.println("killed after " + journalled + " of " + RUNS + " replications were journalled");

    // the resumed run is told a different thread count: the results do not depend on it
    LauncherIT.Proc resumed = LauncherIT.java(LauncherIT.root(), "odds", scenario.toString(), "--runs", RUNS, "--threads", "3",
        "--analyse", "20", "--quiet", "--resume", incomplete.toString());
    assertEquals(0, resumed.exit(), resumed.err());
    Matcher m = CliTest.SUMMARY.matcher(resumed.out());
    assertTrue(m.find(), resumed.out());
    Path finished = Path.of(m.group(7));
    assertTrue(finished.getFileName().toString().startsWith(incomplete.getFileName().toString().substring(".incomplete-".length(), 
        ".incomplete-".length() + 16)), finished + " keeps the run id");
    assertTrue(!Files.exists(incomplete) && !Files.exists(finished.resolve("journal")), "the journal is gone");
    String manifest = Files.readString(finished.resolve("manifest.json"));
    assertTrue(manifest.contains("\"resumed_after_replications\" : " + journalled), manifest);

    LauncherIT.Proc whole = LauncherIT.java(LauncherIT.root(), "odds", scenario.toString(), "--runs", RUNS, "--threads", "2",
        "--analyse", "20", "--quiet", "--out", tmp.resolve("whole").toString());
    assertEquals(0, whole.exit(), whole.err());
    Matcher w = CliTest.SUMMARY.matcher(whole.out());
    assertTrue(w.find(), whole.out());
    ReproducibilityIT.assertSameCsvs(Path.of(w.group(7)), finished, "uninterrupted vs killed after " + journalled + " and resumed");
  }

  @Test
  void resumeRefusesAFolderOfAnotherExperiment() throws Exception {
    Path scenario = LauncherIT.root().resolve("scenarios/baseline.yaml");
    Path dir = tmp.resolve("results/baseline/.incomplete-20260101T000000Z-abcdef-123");
    Files.createDirectories(dir.resolve("journal"));
    Files.writeString(dir.resolve("journal/identity.txt"), "something else");
    LauncherIT.Proc p = LauncherIT.java(LauncherIT.root(), "odds", scenario.toString(), "--runs", "300", "--quiet",
        "--resume", dir.toString());
    assertEquals(2, p.exit(), p.err());
    assertTrue(p.err().contains("different experiment"), p.err());
    assertFalse(p.err().contains("\tat "), p.err());
    assertTrue(Files.isDirectory(dir), "the folder is left as it was");
    LauncherIT.Proc none = LauncherIT.java(LauncherIT.root(), "odds", scenario.toString(), "--runs", "300", "--quiet",
        "--resume", tmp.resolve("nowhere").toString());
    assertEquals(2, none.exit(), none.err());
    assertTrue(none.err().contains("not the unfinished folder"), none.err());
  }
}
