package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 11: the build prints no stray terminal escape codes when its output is not a
 * terminal. Debian's Maven 3.8.7 package writes a colour reset (ESC[0m) per stream at exit even
 * under {@code -B -q}; {@code .mvn/jvm.config} ({@code -Djansi.noreset=true}) and {@code
 * .mvn/maven.config} ({@code -Dstyle.color=never}) stop it for every way the project runs Maven.
 * The goal is {@code validate}: no plugin runs, so the check takes a Maven start-up (about 2 s) per
 * command.
 */
class BuildOutputIT {
  @TempDir Path tmp;

  @Test
  void mavenRunsTheWayTheProjectRunsItPrintNoEscapeCodes() throws Exception {
    Path mvn = onPath("mvn").orElse(null);
    Assumptions.assumeTrue(mvn != null, "no mvn on the PATH");
    // The launcher's quiet build (the reset comes at exit, whatever the goal or log level) and
    // the CI's version line (bold without -B unless colour is off).
    List<List<String>> commands =
        List.of(List.of("-B", "-q", "-Dstyle.color=never", "-DnoSpark", "validate"), List.of("-v"));
    for (List<String> args : commands) {
      List<String> cmd = new ArrayList<>(List.of(mvn.toString()));
      cmd.addAll(args);
      Path log = tmp.resolve("mvn.log");
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(LauncherIT.root().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // Only the repository's .mvn/ files may do the work, not the caller's environment.
      pb.environment().remove("MAVEN_OPTS");
      pb.environment().remove("MAVEN_ARGS");
      Process p = pb.start();
      if (!p.waitFor(2, TimeUnit.MINUTES)) p.destroyForcibly();
      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), "mvn " + args + ":\n" + out);
      assertFalse(
          out.indexOf('\u001b') >= 0,
          "mvn " + args + " printed an escape code:\n" + out.replace("\u001b", "^["));
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
