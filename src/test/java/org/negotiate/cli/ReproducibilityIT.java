package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same command gives byte-identical CSVs with 1, 2 and 8 threads, on the JDK running the tests
 * (17) and on a JDK 25 when one is on the machine: {@code -Dnegotiate.jdk25=PATH/bin/java}, {@code
 * JAVA25_HOME}, or {@code /usr/lib/jvm/temurin-25-jdk-amd64}.
 */
@Tag("long") // the long suite (mvn -B verify -Plong): reruns the jar under other JDKs, ~30 s
class ReproducibilityIT {
  static final List<String> CSVS =
      List.of("odds.csv", "outcomes.csv", "rounds.csv", "reference.csv", "movers.csv");

  @TempDir Path tmp;

  /** The java launcher of a JDK 25, or null when there is none. */
  static Path jdk25() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("negotiate.jdk25");
    if (prop != null && !prop.isBlank()) candidates.add(Path.of(prop));
    String env = System.getenv("JAVA25_HOME");
    if (env != null && !env.isBlank()) candidates.add(Path.of(env, "bin", "java"));
    candidates.add(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
    for (Path p : candidates) {
      Path java = Files.isDirectory(p) ? p.resolve("bin").resolve("java") : p;
      if (Files.isExecutable(java)) return java;
    }
    return null;
  }

  static Path runOn(Path java, Path out, int threads) throws IOException, InterruptedException {
    String jar = System.getProperty("negotiate.jar", "target/negotiate.jar");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-Djava.awt.headless=true",
                "-jar",
                Path.of(jar).toAbsolutePath().toString(),
                "odds",
                "scenarios/baseline.yaml",
                "--runs",
                "300",
                "--quiet",
                "--threads",
                String.valueOf(threads),
                "--out",
                out.toString()));
    Path log = Files.createTempFile("repro", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(LauncherIT.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished in time");
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), java + ": " + text);
    Matcher m = CliTest.SUMMARY.matcher(text);
    assertTrue(m.find(), text);
    return Path.of(m.group(7));
  }

  static void assertSameCsvs(Path expected, Path actual, String what) throws IOException {
    for (String f : CSVS) {
      byte[] a = Files.readAllBytes(expected.resolve(f));
      byte[] b = Files.readAllBytes(actual.resolve(f));
      if (!Arrays.equals(a, b)) {
        List<String> la = Files.readAllLines(expected.resolve(f));
        List<String> lb = Files.readAllLines(actual.resolve(f));
        int i = 0;
        while (i < Math.min(la.size(), lb.size()) && la.get(i).equals(lb.get(i))) i++;
        throw new AssertionError(
            f
                + " differs ("
                + what
                + ") at line "
                + (i + 1)
                + ":\n  "
                + (i < la.size() ? la.get(i) : "<end>")
                + "\n  "
                + (i < lb.size() ? lb.get(i) : "<end>"));
      }
    }
  }

  @Test
  void csvsAreByteIdenticalAcrossThreadsAndJdks() throws Exception {
    Path java17 = Path.of(System.getProperty("java.home"), "bin", "java");
    Path one = runOn(java17, tmp.resolve("jdk17-t1"), 1);
    Path eight17 = runOn(java17, tmp.resolve("jdk17-t8"), 8);
    assertSameCsvs(one, eight17, "JDK " + System.getProperty("java.version") + ", 1 vs 8 threads");
    String manifest = Files.readString(one.resolve("manifest.json"));
    assertTrue(
        manifest.contains("\"java_version\"")
            && manifest.contains("\"os\"")
            && manifest.contains("\"rerun\""),
        manifest);

    Path java25 = jdk25();
    Assumptions.assumeTrue(
        java25 != null,
        "SKIPPED the JDK 25 half: no JDK 25 found (set -Dnegotiate.jdk25=PATH or JAVA25_HOME, or install "
            + "/usr/lib/jvm/temurin-25-jdk-amd64); only 1 vs 8 threads on this JDK was compared");
    Path two25 = runOn(java25, tmp.resolve("jdk25-t2"), 2);
    Path eight25 = runOn(java25, tmp.resolve("jdk25-t8"), 8);
    assertTrue(
        Files.readString(two25.resolve("manifest.json")).contains("\"java_version\" : \"25"),
        "the second run is on JDK 25");
    assertSameCsvs(one, two25, "JDK 17 1 thread vs JDK 25 2 threads");
    assertSameCsvs(one, eight25, "JDK 17 1 thread vs JDK 25 8 threads");
  }
}
