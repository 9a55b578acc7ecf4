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
import org.junit.jupiter.api.Tag;
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

  /**
   * The launcher script itself, on a copy of the repository's jar, script and scenarios: its first
   * start makes the class-data-sharing archive, which then really maps (-Xshare:on fails the start
   * when it cannot); an archive replaced by garbage is neither an error nor noise on stderr, and is
   * made afresh (one older than the jar is remade by the same path: not repeated here, each
   * training costs seconds).
   */
  // builds the archive twice (about 20 s of CPU): a long suite
  @Tag("long")
  @Test
  void theLauncherMakesAnArchiveThatMapsAndRemakesABrokenOne() throws Exception {
    Path copy = tmp.resolve("clone");
    Files.createDirectories(copy.resolve("target"));
    Files.createDirectories(copy.resolve("src/main"));
    Files.copy(root().resolve("negotiate"), copy.resolve("negotiate"));
    copyTree(root().resolve("scenarios"), copy.resolve("scenarios"));
    Files.writeString(copy.resolve("pom.xml"), "");
    java.nio.file.attribute.FileTime old =
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L);
    Files.setLastModifiedTime(copy.resolve("pom.xml"), old);
    Files.setLastModifiedTime(copy.resolve("src/main"), old);
    Path jar = copy.resolve("target/negotiate.jar");
    Files.copy(Path.of(System.getProperty("negotiate.jar", "target/negotiate.jar")), jar);
    Path jsa = copy.resolve("target/negotiate.jsa");

    Proc first = launcher(copy, null, "validate", "scenarios/baseline.yaml");
    assertEquals(0, first.exit(), first.err());
    assertTrue(Files.isRegularFile(jsa), "the first start made the archive");
    assertMaps(copy);

    // garbage in its place (newer than the note of what was made): ignored, then made afresh
    Files.delete(jsa);
    Files.writeString(jsa, "not an archive");
    Proc broken = launcher(copy, null, "validate", "scenarios/baseline.yaml");
    assertEquals(0, broken.exit(), broken.err());
    assertEquals("", broken.err(), "no word about the archive");
    assertTrue(Files.size(jsa) > 1_000_000, "made afresh");
    assertMaps(copy);

    // huge pages asked for exactly where the kernel offers them, and then without a word
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    String offered = Files.isReadable(thp) ? Files.readString(thp) : "";
    boolean wanted = offered.contains("[always]") || offered.contains("[madvise]");
    Proc flags = launcher(copy, "-XX:+PrintFlagsFinal", "--version");
    assertEquals(0, flags.exit(), flags.err());
    assertEquals("", flags.err(), "no warning from the JVM");
    assertTrue(
        flags.out().matches("(?s).*\\bUseTransparentHugePages\\s+= " + wanted + "\\b.*"),
        "UseTransparentHugePages = " + wanted + " where the kernel says " + offered.strip());
  }

  /** A start that fails unless the archive is mapped. */
  private void assertMaps(Path copy) throws Exception {
    Proc p = launcher(copy, "-Xshare:on", "validate", "scenarios/baseline.yaml");
    assertEquals(0, p.exit(), "the archive maps: " + p.err());
  }

  private static Proc launcher(Path dir, String javaOpts, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", dir.resolve("negotiate").toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("out", ".txt");
    Path err = Files.createTempFile("err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // the launcher runs the java on the PATH: this JVM's, as the archive must be made by it
    pb.environment()
        .put(
            "PATH",
            Path.of(System.getProperty("java.home"), "bin")
                + java.io.File.pathSeparator
                + pb.environment().getOrDefault("PATH", ""));
    if (javaOpts != null) pb.environment().put("NEGOTIATE_JAVA_OPTS", javaOpts);
    else pb.environment().remove("NEGOTIATE_JAVA_OPTS");
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished in time");
    return new Proc(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(t);
        else Files.copy(f, t);
      }
    }
  }
}
