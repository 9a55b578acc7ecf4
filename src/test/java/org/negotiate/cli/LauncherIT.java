package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the packaged jar in its own JVM, as a user runs it. */
class LauncherIT {
  @TempDir Path tmp;

  record Proc(int exit, String out, String err) {}

  static Proc java(Path workDir, String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("negotiate.jar", "target/negotiate.jar");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-jar",
                Path.of(jar).toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("out", ".txt");
    Path err = Files.createTempFile("err", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished in time");
    return new Proc(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static Path root() {
    return Path.of(System.getProperty("negotiate.root", ".")).toAbsolutePath();
  }

  @Test
  void theJarRunsTheBaselineAndPrintsTheSummaryLine() throws Exception {
    Proc p =
        java(root(), "odds", "scenarios/baseline.yaml", "--runs", "300", "--out", tmp.toString());
    assertEquals(0, p.exit(), p.err());
    Matcher m = CliTest.SUMMARY.matcher(p.out());
    assertTrue(m.find(), p.out());
    assertTrue(Files.isRegularFile(Path.of(m.group(7)).resolve("odds.png")));
    assertFalse(p.err().contains("Exception"), p.err());
  }

  @Test
  void theJarRejectsAMalformedScenarioWithExitTwoAndNoStackTrace() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: bad\nissues:\n  - id: withdrawal\n    label: [unclosed\n");
    Path out = tmp.resolve("results");
    Proc p = java(tmp, "odds", bad.toString(), "--out", out.toString());
    assertEquals(2, p.exit(), p.err());
    assertTrue(p.err().startsWith(bad + ":"), p.err());
    assertFalse(p.err().contains("\tat "), p.err());
    assertFalse(Files.exists(out.resolve("bad")));
  }

  @Test
  void anInterruptedRunLeavesNoResultFolder() throws Exception {
    String jar = System.getProperty("negotiate.jar", "target/negotiate.jar");
    Path out = tmp.resolve("results");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-jar",
                Path.of(jar).toAbsolutePath().toString(),
                "odds",
                root().resolve("scenarios/baseline.yaml").toString(),
                "--runs",
                "5000000",
                "--threads",
                "1",
                "--quiet",
                "--out",
                out.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("log.txt").toFile())
            .start();
    Path scenarioDir = out.resolve("odds-baseline");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.isDirectory(scenarioDir) && System.nanoTime() < deadline) Thread.sleep(50);
    Thread.sleep(500);
    assertTrue(p.isAlive(), "still running when interrupted");
    p.destroy(); // SIGTERM, as Ctrl-C or a scheduler would stop it
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    try (var left = Files.list(scenarioDir)) {
      assertEquals(List.of(), left.toList(), "neither a result nor a half-written folder is left");
    }
  }

  @Test
  void helpWorksOnEveryCommand() throws Exception {
    for (String c : List.of("odds", "run", "validate")) {
      Proc p = java(root(), c, "--help");
      assertEquals(0, p.exit(), c);
      assertTrue(p.out().contains("Usage: negotiate " + c), p.out());
    }
  }
}
