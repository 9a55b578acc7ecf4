package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 11: Ctrl-C (SIGINT) at any moment of a run, from the JVM's start to the writing of
 * the results, leaves no hidden unfinished folder behind (the folder is deleted whole, and nothing
 * the run still writes can make it again).
 */
@Tag("long") // the long suite (mvn -B verify -Plong): interrupts real runs at many points, ~30 s
class InterruptIT {
  @TempDir Path tmp;

  @Test
  void sigintAtAnyMomentLeavesNoHiddenFolder() throws Exception {
    String scenario = LauncherIT.root().resolve("scenarios/baseline.yaml").toString();
    // delays from the JVM's start-up to the middle of the run; 2,000 replications end in a few
    // seconds,
    // so the later ones land while results are written
    long[] delaysMs = {
      300, 600, 900, 1100, 1300, 1500, 1700, 1900, 2200, 2500, 2800, 3200, 3600, 4200
    };
    int interrupted = 0;
    for (int i = 0; i < delaysMs.length; i++) {
      Path out = tmp.resolve("out" + i);
      ResumeIT.Child c =
          ResumeIT.start(
              tmp.resolve("log" + i + ".txt"),
              List.of(
                  "odds",
                  scenario,
                  "--runs",
                  "2000",
                  "--threads",
                  "2",
                  "--quiet",
                  "--out",
                  out.toString()));
      Thread.sleep(delaysMs[i]);
      if (c.process().isAlive()) {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(c.process().pid())).start();
        assertEquals(0, kill.waitFor());
        interrupted++;
      }
      assertTrue(c.process().waitFor(60, TimeUnit.SECONDS), "stopped: " + c.output());
      String log = c.output();
      assertFalse(
          log.contains("\tat ") || log.contains("Exception in thread"), "no stack trace: " + log);
      Path dir = out.resolve("odds-baseline");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          List<String> hidden =
              s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
          assertEquals(List.of(), hidden, "after SIGINT at " + delaysMs[i] + " ms: " + log);
        }
      }
    }
    assertTrue(
        interrupted >= delaysMs.length / 2,
        "most runs were interrupted while running: " + interrupted);
  }
}
