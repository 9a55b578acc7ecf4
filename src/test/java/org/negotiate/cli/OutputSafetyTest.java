package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a scenario or table says can make the tool write outside the results root: names are
 * reduced to one plain folder name; {@code --out} is the user's own choice and is honoured as
 * given.
 */
class OutputSafetyTest {
  static final Path TINY = Path.of("src/test/resources/scenarios/tiny.yaml");
  static final Path KTAB = Path.of("src/test/resources/models/smp/dummyData_3Dim.csv");
  static final Pattern FOLDER = Pattern.compile("^.* · (.+)/\\s*$", Pattern.MULTILINE);

  @TempDir Path tmp;

  @Test
  void aTableTitledWithAPathStaysInsideOut() throws IOException {
    String text =
        Files.readString(KTAB).replace("DummyData_3Dim ", "../../../../tmp/escape/..\\\\evil");
    Files.createDirectories(tmp.resolve("in"));
    Path table = Files.writeString(tmp.resolve("in/table.csv"), text, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    CliTest.Run r =
        CliTest.cli(
            "odds",
            "--table",
            table.toString(),
            "--runs",
            "3",
            "--rounds",
            "3",
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(0, r.exit(), r.err());
    Path folder = folder(r);
    assertTrue(folder.toRealPath().startsWith(out.toRealPath()), folder.toString());
    assertEquals(out.toRealPath(), folder.toRealPath().getParent().getParent());
    onlyUnder(tmp, List.of(tmp.resolve("in"), out));
  }

  @Test
  void outWithDotDotIsTakenAsWritten() throws IOException {
    Files.createDirectories(tmp.resolve("a"));
    Path out = tmp.resolve("a/../b");
    CliTest.Run r =
        CliTest.cli("odds", TINY.toString(), "--runs", "3", "--out", out.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertTrue(folder(r).toRealPath().startsWith(tmp.resolve("b").toRealPath()));
    onlyUnder(tmp, List.of(tmp.resolve("a"), tmp.resolve("b")));
  }

  @Test
  void outWithSpacesAndUnicode() throws IOException {
    Path out = tmp.resolve("résultats d'été ✓");
    CliTest.Run r =
        CliTest.cli("odds", TINY.toString(), "--runs", "3", "--out", out.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertTrue(folder(r).toRealPath().startsWith(out.toRealPath()));
    onlyUnder(tmp, List.of(out));
  }

  @Test
  void outThatIsAFileFailsCleanlyAndLeavesItAlone() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "keep me");
    CliTest.Run r =
        CliTest.cli("odds", TINY.toString(), "--runs", "3", "--out", file.toString(), "--quiet");
    assertNotEquals(0, r.exit());
    assertFalse(r.err().contains("\tat "), r.err());
    assertArrayEquals("keep me".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    onlyUnder(tmp, List.of(file));
  }

  private static Path folder(CliTest.Run r) {
    Matcher m = FOLDER.matcher(r.out());
    assertTrue(m.find(), r.out());
    return Path.of(m.group(1));
  }

  /** Everything under {@code root} is one of {@code allowed} or inside one of them. */
  private static void onlyUnder(Path root, List<Path> allowed) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        Path n = p.toAbsolutePath().normalize();
        boolean ok =
            n.equals(root.toAbsolutePath().normalize())
                || allowed.stream().anyMatch(a -> n.startsWith(a.toAbsolutePath().normalize()));
        assertTrue(ok, "written outside the chosen folders: " + p);
      }
    }
  }
}
