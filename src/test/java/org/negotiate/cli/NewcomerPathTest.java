package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 1: a scenario of one's own from the first minute, through the real command line.
 */
class NewcomerPathTest {
  @TempDir Path tmp;

  @Test
  void initEditValidateOddsAndCompare() throws IOException {
    CliTest.Run init =
        CliTest.cli(
            "init",
            "my_case",
            "--actors",
            "ankara,damascus,moscow",
            "--issues",
            "troops,refugees",
            "--start",
            "2023-01",
            "--dir",
            tmp.toString());
    assertEquals(0, init.exit(), init.err());
    Path file = tmp.resolve("my_case.yaml");
    String yaml = Files.readString(file);
    assertTrue(
        yaml.contains("status: draft") && yaml.contains("# ") && yaml.contains("id: moscow"), yaml);

    CliTest.Run validate = CliTest.cli("validate", file.toString());
    assertEquals(0, validate.exit(), validate.err());
    assertTrue(
        validate.out().contains("OK: scenario \"my_case\": 2 issues, 3 actors (3 parties)"),
        validate.out());
    assertTrue(
        validate.err().contains("unsourced: 6 values"),
        "3 actors x 2 issues without evidence: " + validate.err());

    // the same file without the draft status is refused: a final scenario cites its evidence
    Path strict = tmp.resolve("strict.yaml");
    Files.writeString(strict, yaml.replace("status: draft\n", ""));
    CliTest.Run refused = CliTest.cli("validate", strict.toString());
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("evidence: missing required key evidence"), refused.err());

    CliTest.Run again = CliTest.cli("init", "my_case", "--dir", tmp.toString());
    assertEquals(2, again.exit());
    assertTrue(again.err().contains("exists already"), again.err());
    assertEquals(yaml, Files.readString(file), "never overwritten");

    // an edit, as a newcomer makes it: damascus concedes faster
    Path edited = tmp.resolve("my_case_fast.yaml");
    Files.writeString(
        edited,
        yaml.replace("name: my_case\n", "name: my_case_fast\n")
            .replaceFirst("(id: damascus(?s:.*?))flexibility: 1 ", "$1flexibility: 2 "));
    assertTrue(Files.readString(edited).contains("flexibility: 2 "));

    Path out = tmp.resolve("results");
    CliTest.Run odds =
        CliTest.cli("odds", file.toString(), "--runs", "60", "--quiet", "--out", out.toString());
    Matcher m = CliTest.SUMMARY.matcher(odds.out());
    assertTrue(m.find(), odds.out() + odds.err());
    assertEquals("2024-12", m.group(1));
    Path folder = Path.of(m.group(7));
    assertTrue(
        Files.readString(folder.resolve("report.html")).contains("Unsourced: 6 values"),
        "the brief says so");
    assertEquals(
        0,
        CliTest.cli("validate", folder.resolve("scenario.resolved.yaml").toString()).exit(),
        "the draft reruns");

    CliTest.Run compare =
        CliTest.cli(
            "compare",
            file.toString(),
            edited.toString(),
            "--runs",
            "60",
            "--quiet",
            "--out",
            out.toString());
    assertEquals(0, compare.exit(), compare.err());
    assertTrue(compare.out().startsWith("P(deal by 2024-12): my_case "), compare.out());
  }

  @Test
  void theReadmesScenarioExampleValidatesAndRuns() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("## Writing or changing a scenario");
    assertTrue(section >= 0, "the README's section on writing a scenario");
    Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(section), "a YAML example in that section");
    // next to a copy of the seed articles, so that its evidence quotes are checked too
    copy(Path.of("scenarios/seeds"), tmp.resolve("seeds"));
    Path example = tmp.resolve("readme_example.yaml");
    Files.writeString(example, block.group(1));
    CliTest.Run validate = CliTest.cli("validate", example.toString());
    assertEquals(0, validate.exit(), validate.err());
    CliTest.Run odds =
        CliTest.cli(
            "odds",
            example.toString(),
            "--runs",
            "40",
            "--quiet",
            "--out",
            tmp.resolve("r").toString());
    assertEquals(0, odds.exit(), odds.err());
    // the quotes are really checked: a misquoted copy is refused
    Files.writeString(
        example,
        block.group(1).replace("reaffirmed Turkey's commitment", "reaffirmed Turkey's devotion"));
    assertEquals(2, CliTest.cli("validate", example.toString()).exit());
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList())
        if (Files.isRegularFile(f)) Files.copy(f, to.resolve(f.getFileName()));
    }
  }
}
