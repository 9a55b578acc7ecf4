package org.negotiate.cli;

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
 * Issue 15, item 3: every command writes its folder by one rule, results/COMMAND-SUBJECT/RUN-ID/,
 * with one manifest whose common keys are the same everywhere, and `runs` lists them all.
 */
class OutputSkeletonTest {
  static final String BASELINE = "scenarios/baseline.yaml";

  @TempDir Path tmp;

  @Test
  void everyCommandWritesOneFolderByOneRuleWithOneManifest() throws IOException {
    String out = tmp.toString();
    ok(
        CliTest.cli(
            "odds",
            BASELINE,
            "--runs",
            "20",
            "--band",
            "0",
            "--backtest",
            "0",
            "--quiet",
            "--out",
            out));
    ok(CliTest.cli("run", BASELINE, "--out", out));
    ok(CliTest.cli("forecast", BASELINE, "--runs", "5", "--quiet", "--out", out));
    ok(
        CliTest.cli(
            "sweep",
            BASELINE,
            "--vary",
            "syria.flexibility=0.5:0.9:2",
            "--runs",
            "10",
            "--quiet",
            "--out",
            out));
    ok(CliTest.cli("compare", BASELINE, BASELINE, "--runs", "10", "--quiet", "--out", out));

    List<String> names;
    try (Stream<Path> s = Files.list(tmp)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(
        List.of(
            "compare-baseline-vs-baseline",
            "forecast-baseline",
            "odds-baseline",
            "run-baseline",
            "sweep-baseline"),
        names);

    ObjectMapper json = new ObjectMapper();
    List<String> commands = new ArrayList<>();
    for (String name : names) {
      Path folder = only(tmp.resolve(name));
      assertTrue(
          RunsCommand.RUN_ID.matcher(folder.getFileName().toString()).matches(), folder.toString());
      assertFalse(
          folder.getFileName().toString().endsWith("-run")
              || folder.getFileName().toString().endsWith("-forecast"),
          "no suffix on the run id: " + folder);
      JsonNode m = json.readTree(folder.resolve("manifest.json").toFile());
      for (String key :
          List.of(
              "tool",
              "version",
              "command",
              "seed",
              "started_utc",
              "duration_ms",
              "java_version",
              "os",
              "files")) {
        assertTrue(m.has(key), name + " manifest lacks " + key + ": " + m);
      }
      assertEquals("negotiate", m.get("tool").asText());
      commands.add(m.get("command").asText().split(" ")[1]);
      // the file list is the folder's files, the manifest first
      List<String> listed = new ArrayList<>();
      m.get("files").forEach(f -> listed.add(f.asText()));
      assertEquals("manifest.json", listed.get(0), name);
      try (Stream<Path> s = Files.list(folder)) {
        List<String> present =
            s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(present, listed.stream().sorted().toList(), name);
      }
      if (!name.startsWith("compare") && !name.startsWith("backtest")) {
        assertEquals("baseline", m.get("scenario").asText(), name);
        assertTrue(m.get("scenario_sha256").asText().matches("[0-9a-f]{64}"), name);
      }
    }
    assertEquals(List.of("compare", "forecast", "odds", "run", "sweep"), commands);

    CliTest.Run runs = CliTest.cli("runs", "--out", out);
    ok(runs);
    assertEquals(5, runs.out().lines().count(), runs.out());
    for (String c :
        List.of(
            "negotiate odds ",
            "negotiate run ",
            "negotiate forecast ",
            "negotiate sweep ",
            "negotiate compare ")) {
      assertTrue(runs.out().contains(c), c + " in " + runs.out());
    }
  }

  private static void ok(CliTest.Run r) {
    assertEquals(0, r.exit(), r.err());
  }

  private static Path only(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> l = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
      assertEquals(1, l.size(), l.toString());
      return l.get(0);
    }
  }
}
