package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine}, {@code --master} and {@code --block} through the real command line. A cluster
 * engine is stood in for by the test engine {@code serializing} (found by ServiceLoader, as the
 * Spark engine is): every task and result goes through Java serialization, blocks run shuffled and
 * some die once and are retried; the CSVs must be those of {@code --engine local}, byte for byte.
 */
class EngineCliTest {
  static final String BASELINE = ExploreCommandsTest.BASELINE;
  @TempDir Path tmp;

  private Path run(String tag, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--quiet", "--out", tmp.resolve(tag).toString()));
    return ExploreCommandsTest.folder(CliTest.cli(all.toArray(String[]::new)));
  }

  private static String[] with(String[] args, String... more) {
    return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
  }

  private static void sameFiles(Path a, Path b, String... names) throws IOException {
    for (String f : names)
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
  }

  private static JsonNode engineOf(Path folder) throws IOException {
    return new ObjectMapper().readTree(folder.resolve("manifest.json").toFile()).get("engine");
  }

  @Test
  void oddsOnAClusterEngineWritesTheLocalCsvsAndSaysHowTheWorkWasSplit() throws IOException {
    String[] odds = {"odds", BASELINE, "--runs", "300", "--analyse", "10"};
    Path local = run("local", with(odds, "--engine", "local", "--threads", "2"));
    Path spread = run("spread", with(odds, "--engine", "serializing", "--block", "37"));
    sameFiles(local, spread, "odds.csv", "outcomes.csv", "rounds.csv", "reference.csv");

    JsonNode l = engineOf(local);
    assertEquals("local", l.get("name").asText());
    assertEquals(2, l.get("threads").asInt());
    JsonNode e = engineOf(spread);
    assertEquals("serializing", e.get("name").asText());
    assertEquals("test", e.get("master").asText());
    assertEquals(3, e.get("parallelism").asInt());
    assertEquals(37, e.get("block_replications").asInt());
    assertEquals(9, e.get("tasks").asInt(), "300 replications in blocks of 37");
  }

  @Test
  void sweepAndSensitivityOnAClusterEngineWriteTheLocalCsvs() throws IOException {
    String[] sweep = {
      "sweep", BASELINE, "--vary", "turkey.withdrawal.red_line.max=40:90:4", "--runs", "40"
    };
    sameFiles(
        run("sl", sweep),
        run("ss", with(sweep, "--engine", "serializing", "--block", "100")),
        "sweep.csv");
    String[] sensitivity = {
      "sensitivity", BASELINE, "--inputs", "turkey.withdrawal", "--samples", "4", "--runs", "10"
    };
    sameFiles(
        run("el", sensitivity),
        run("es", with(sensitivity, "--engine", "serializing", "--block", "30")),
        "oat.csv",
        "sobol.csv");
  }

  @Test
  void badEngineSettingsAreBadInputAndWriteNothing() throws IOException {
    Path out = tmp.resolve("bad");
    // each bad setting and the option its message must name
    List<String[]> cases =
        List.of(
            new String[] {"--engine", "--engine", "nosuch"},
            new String[] {"--master", "--master", "local[2]"},
            new String[] {"--block", "--engine", "local", "--block", "0"});
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
      CliTest.Run r =
          CliTest.cli(
              with(
                  new String[] {
                    "odds", BASELINE, "--runs", "20", "--quiet", "--out", out.toString()
                  },
                  args));
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
      assertTrue(r.err().contains(c[0]), "names " + c[0] + ": " + r.err());
      try (Stream<Path> left = Files.exists(out) ? Files.walk(out) : Stream.empty()) {
        assertTrue(
            left.noneMatch(Files::isRegularFile), "nothing written for " + String.join(" ", args));
      }
    }
    CliTest.Run unknown =
        CliTest.cli("odds", BASELINE, "--engine", "nosuch", "--quiet", "--out", out.toString());
    assertTrue(
        unknown.err().contains("local") && unknown.err().contains("serializing"),
        "lists the engines: " + unknown.err());
  }

  @Test
  void aFailingClusterIsReportedAsSuchWithNoResultFolder() throws IOException {
    Path out = tmp.resolve("broken");
    CliTest.Run r =
        CliTest.cli(
            "odds",
            BASELINE,
            "--runs",
            "50",
            "--engine",
            "broken",
            "--quiet",
            "--out",
            out.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().startsWith("negotiate: the test cluster went away"), r.err());
    assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r.err());
    try (Stream<Path> left = Files.exists(out) ? Files.walk(out) : Stream.empty()) {
      assertTrue(
          left.noneMatch(
              p ->
                  p.getFileName().toString().startsWith(".incomplete-")
                      || p.toString().endsWith("odds.csv")),
          "no result folder, whole or half-written");
    }
  }

  @Test
  void underSparkSubmitTheEngineDefaultsToSpark() {
    EngineOptions o = new EngineOptions();
    String before = System.getProperty("spark.master");
    try {
      System.clearProperty("spark.master");
      assertEquals("local", o.engineName());
      System.setProperty("spark.master", "spark://somewhere:7077"); // what spark-submit sets
      assertEquals("spark", o.engineName());
      o.engine = "local";
      assertEquals("local", o.engineName(), "an explicit --engine wins");
    } finally {
      if (before == null) System.clearProperty("spark.master");
      else System.setProperty("spark.master", before);
    }
  }
}
