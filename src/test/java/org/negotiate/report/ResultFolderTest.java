package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scenario's name can never place its results anywhere but one plain folder directly under the
 * results root.
 */
class ResultFolderTest {

  static final List<String> HOSTILE =
      List.of(
          "..",
          ".",
          "../..",
          "../../etc",
          "/etc/passwd",
          "/",
          "C:\\Windows\\x",
          "\\\\server\\share",
          "a/../../b",
          "~",
          "~root",
          "$HOME",
          "a\u0000b",
          "\u202Etxt.exe",
          "ｆｕｌｌ/ｗｉｄｔｈ",
          "..\u2215..",
          "%2e%2e%2f",
          "CON",
          "nul",
          "com1",
          "lpt9",
          "",
          " ",
          "x".repeat(300),
          "ü".repeat(200),
          "-rf",
          "\n",
          "名前");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        ".",
        "../..",
        "../../etc",
        "/etc/passwd",
        "/",
        "C:\\Windows\\x",
        "a/../../b",
        "~",
        "a\u0000b",
        "\u202Etxt.exe",
        "ｆｕｌｌ/ｗｉｄｔｈ",
        "%2e%2e%2f",
        "CON",
        "nul",
        "com1",
        "",
        " ",
        "-rf",
        "\n",
        "名前"
      })
  void safeNameIsOnePlainFolderName(String name) {
    String s = ResultFolder.safeName(name);
    assertTrue(s.matches("[A-Za-z0-9_-]{1,80}"), s);
    assertTrue(!s.equals(".") && !s.equals("..") && !s.chars().allMatch(c -> c == '_'), s);
    assertTrue(!s.matches("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])"), s);
  }

  @Test
  void longNamesAreCutButStayDistinct() {
    String a = ResultFolder.safeName("x".repeat(300));
    String b = ResultFolder.safeName("x".repeat(299) + "y");
    assertTrue(a.length() <= ResultFolder.MAX_NAME && b.length() <= ResultFolder.MAX_NAME);
    assertNotEquals(a, b);
    assertEquals("baseline", ResultFolder.safeName("baseline"));
    assertEquals("no_earthquake-v2", ResultFolder.safeName("no_earthquake-v2"));
    assertEquals("scenario", ResultFolder.safeName(null));
  }

  @Test
  void hostileNamesStayInsideTheRoot(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("deep/results");
    Files.createDirectories(root);
    for (String name : HOSTILE) {
      try (ResultFolder f =
          ResultFolder.open(root, name, "identity", Instant.EPOCH, "-run/../../x")) {
        f.write("a.txt", "a");
        Path done = f.commit();
        Path real = done.toRealPath();
        assertEquals(root.toRealPath(), real.getParent().getParent(), name + " -> " + done);
      }
    }
    try (Stream<Path> s = Files.walk(tmp)) {
      for (Path p : s.toList()) {
        assertTrue(
            p.equals(tmp) || p.equals(tmp.resolve("deep")) || p.startsWith(root),
            "written outside the root: " + p);
      }
    }
  }

  /**
   * Issue 18, item 8: two runs of the same experiment opened in the same second both publish, under
   * two names.
   */
  @Test
  void twoRunsWithTheSameIdOpenedAtOnceBothPublish(@TempDir Path tmp) throws IOException {
    Instant same = Instant.parse("2026-01-01T00:00:00Z");
    try (ResultFolder a = ResultFolder.open(tmp, "s", "identity", same, "");
        ResultFolder b = ResultFolder.open(tmp, "s", "identity", same, "")) {
      assertEquals(
          a.target(), b.target(), "neither sees the other's result before it is published");
      a.write("x.txt", "a");
      b.write("x.txt", "b");
      Path first = a.commit();
      Path second = b.commit();
      assertNotEquals(first, second);
      assertEquals(first.getFileName() + "-2", second.getFileName().toString());
      assertEquals("a", Files.readString(first.resolve("x.txt")));
      assertEquals("b", Files.readString(second.resolve("x.txt")));
    }
  }
}
