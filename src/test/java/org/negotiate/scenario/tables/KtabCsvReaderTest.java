package org.negotiate.scenario.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.scenario.Problem;
import org.negotiate.scenario.ScenarioException;

class KtabCsvReaderTest {
  @TempDir Path dir;

  static Path fixture() throws URISyntaxException {
    return Path.of(KtabCsvReaderTest.class.getResource("/models/smp/dummyData_3Dim.csv").toURI());
  }

  static String fixtureText() throws Exception {
    return Files.readString(fixture(), StandardCharsets.UTF_8);
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void fixtureParsesToSevenActorsOnThreeDimensions() throws Exception {
    ActorTable t = KtabCsvReader.read(fixture());
    assertEquals("DummyData_3Dim", t.name());
    assertEquals("Dummy scenario to test reading format", t.description());
    assertEquals(List.of("Pstn1", "Pstn2", "Pstn3"), t.dimensions());
    assertEquals(7, t.rows().size());
    ActorTable.Row r0 = t.rows().get(0);
    assertEquals("SActor-00", r0.name());
    assertEquals("Random Spatial Actor", r0.description());
    assertEquals(3, r0.line());
    assertEquals(102.543, r0.capability());
    assertArrayEquals(new double[] {75.79, 6.37, 70.45}, r0.positions());
    assertArrayEquals(
        new double[] {49.53 / 100, 5.91 / 100, 28.15 / 100}, r0.saliences(), "saliences on [0, 1]");
    ActorTable.Row r6 = t.rows().get(6);
    assertEquals("SActor-06", r6.name());
    assertEquals(9, r6.line());
    assertArrayEquals(new double[] {70.96, 33.46, 90.36}, r6.positions());
    for (ActorTable.Row r : t.rows()) {
      assertEquals(3, r.positions().length);
      assertEquals(3, r.saliences().length);
    }
  }

  static void assertSameTable(ActorTable a, ActorTable b) {
    assertEquals(a.name(), b.name());
    assertEquals(a.description(), b.description());
    assertEquals(a.dimensions(), b.dimensions());
    assertEquals(a.rows().size(), b.rows().size());
    for (int i = 0; i < a.rows().size(); i++) {
      ActorTable.Row x = a.rows().get(i);
      ActorTable.Row y = b.rows().get(i);
      assertEquals(x.name(), y.name());
      assertEquals(x.description(), y.description());
      assertEquals(x.capability(), y.capability());
      assertArrayEquals(x.positions(), y.positions());
      assertArrayEquals(x.saliences(), y.saliences());
    }
  }

  @Test
  void variantsAsKtabAndSpreadsheetsWriteThemParseIdentically() throws Exception {
    ActorTable ref = KtabCsvReader.read(fixture());
    String lf = fixtureText();
    String noTrailingCommas = lf.replace(",\n", "\n");
    String padded = lf.replace(",", " ,\t ").replace("\n", "  \n");
    String quoted =
        lf.replace("Random Spatial Actor", "\"Random Spatial Actor\"")
            .replace("SActor-03", "\"SActor-03\"");
    String[] variants = {
      lf.replace("\n", "\r\n"),
      "\uFEFF" + lf,
      "\uFEFF" + lf.replace("\n", "\r\n"),
      noTrailingCommas,
      noTrailingCommas.replace("\n", "\r\n"),
      padded,
      quoted,
      lf.replace("\n", "\r"),
      lf.substring(0, lf.length() - 1), // no final line end
      lf.replace("\n", "\n\n") + "\n\n", // blank lines
      lf.replace(",\n", ",,,\n"), // extra trailing commas
    };
    for (int v = 0; v < variants.length; v++) {
      assertSameTable(ref, KtabCsvReader.read(write("variant" + v + ".csv", variants[v])));
    }
    // Windows-1252 bytes (not UTF-8) in a description are read, not refused.
    byte[] latin =
        lf.replace("Random Spatial Actor", "Acteur spatial \u00e9")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        "Acteur spatial \u00e9",
        KtabCsvReader.read(write("latin.csv", latin)).rows().get(0).description());
  }

  /**
   * Replaces the {@code n}-th comma-separated cell of line {@code line} (1-based) by {@code cell}.
   */
  static String withCell(String text, int line, int n, String cell) {
    String[] lines = text.split("\n", -1);
    String[] cells = lines[line - 1].split(",", -1);
    cells[n] = cell;
    lines[line - 1] = String.join(",", cells);
    return String.join("\n", lines);
  }

  static int columnOf(String text, int line, int n) {
    String l = text.split("\n", -1)[line - 1];
    int at = 0;
    for (int i = 0; i < n; i++) at = l.indexOf(',', at) + 1;
    while (l.charAt(at) == ' ') at++;
    return at + 1;
  }

  private Problem only(String text) throws IOException {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> KtabCsvReader.read(write("bad.csv", text)));
    assertEquals(1, e.problems().size(), e.getMessage());
    Problem p = e.problems().get(0);
    assertTrue(p.file().endsWith("bad.csv"), p.file());
    return p;
  }

  private void assertProblem(String text, int line, int column, String field, String message)
      throws IOException {
    Problem p = only(text);
    assertEquals(line, p.line(), p.toString());
    assertEquals(column, p.column(), p.toString());
    assertEquals(field, p.field(), p.toString());
    assertTrue(p.message().contains(message), p.toString());
  }

  @Test
  void malformedCellsAreReportedWithLineColumnAndField() throws Exception {
    String ok = fixtureText();

    String s = withCell(ok, 5, 6, " x");
    assertProblem(
        s,
        5,
        columnOf(s, 5, 6),
        "row 5 (SActor-02).salience_2",
        "expected a number in [0, 100], got \"x\"");

    s = withCell(ok, 3, 3, " 120");
    assertProblem(
        s,
        3,
        columnOf(s, 3, 3),
        "row 3 (SActor-00).position_1",
        "expected a number in [0, 100], got \"120\"");

    s = withCell(ok, 4, 2, " 0");
    assertProblem(
        s,
        4,
        columnOf(s, 4, 2),
        "row 4 (SActor-01).capability",
        "expected a number in (0, 1e8], got \"0\"");

    s = withCell(ok, 6, 2, " -75.9");
    assertProblem(s, 6, columnOf(s, 6, 2), "row 6 (SActor-03).capability", "got \"-75.9\"");

    s = withCell(ok, 9, 8, " 1e400");
    assertProblem(s, 9, columnOf(s, 9, 8), "row 9 (SActor-06).salience_3", "got \"1e400\"");

    for (String odd :
        new String[] {"NaN", "Infinity", "0x1p3", "12.5d", "1,5".replace(",", ";"), "--3"}) {
      s = withCell(ok, 7, 7, " " + odd);
      assertProblem(s, 7, columnOf(s, 7, 7), "row 7 (SActor-04).position_3", "got \"" + odd + "\"");
    }

    s = withCell(ok, 8, 5, "  ");
    assertProblem(s, 8, columnOf(s, 8, 5) - 2, "row 8 (SActor-05).position_2", "got nothing");

    s = withCell(ok, 8, 4, " 101");
    assertProblem(s, 8, columnOf(s, 8, 4), "row 8 (SActor-05).salience_1", "got \"101\"");

    s = withCell(ok, 3, 4, " 70");
    assertProblem(
        s, 3, columnOf(s, 3, 4), "row 3 (SActor-00).salience_1", "must sum to at most 100");

    s = withCell(ok, 4, 0, "SActor-00");
    assertProblem(s, 4, 1, "row 4 (SActor-00).name", "already used on line 3");

    s = withCell(ok, 4, 0, "  ");
    assertProblem(s, 4, 1, "row 4.name", "missing the actor's name");
  }

  @Test
  void countsInRowOneMustMatchTheData() throws Exception {
    String ok = fixtureText();
    String s = withCell(ok, 1, 2, "8");
    assertProblem(
        s, 1, columnOf(s, 1, 2), "row 1.actors", "declares 8 actors, the file has 7 actor rows");

    s = withCell(ok, 1, 2, "seven");
    assertProblem(s, 1, columnOf(s, 1, 2), "row 1.actors", "as a whole number, got \"seven\"");

    s = withCell(ok, 1, 2, "2");
    assertProblem(s, 1, columnOf(s, 1, 2), "row 1.actors", "in [3, 250], got 2");

    String four = withCell(ok, 1, 3, "4");
    // Four declared dimensions: the headers and every actor row are short.
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> KtabCsvReader.read(write("bad4.csv", four)));
    assertEquals(8, e.problems().size(), e.getMessage());
    assertEquals(2, e.problems().get(0).line(), e.getMessage());
    assertEquals("row 2.headers", e.problems().get(0).field());
    assertTrue(
        e.problems().get(0).message().contains("declares 4 dimensions, so expected 11 headers"));
    assertEquals(3, e.problems().get(1).line());
    assertEquals("row 3 (SActor-00).position_4", e.problems().get(1).field());
    assertTrue(
        e.problems().get(1).message().contains("missing: expected 11 values"), e.getMessage());
    assertEquals(
        "SActor-00, Random Spatial Actor, 102.543, 75.79, 49.53,  6.37,  5.91, 70.45, 28.15,"
                .length()
            + 1,
        e.problems().get(1).column());

    String two = withCell(ok, 1, 3, "2");
    e = assertThrows(ScenarioException.class, () -> KtabCsvReader.read(write("bad2.csv", two)));
    assertEquals("row 2.headers", e.problems().get(0).field());
    assertEquals("row 3 (SActor-00)", e.problems().get(1).field());
    assertTrue(e.problems().get(1).message().contains("expected 7 values"), e.getMessage());

    String dropped =
        ok.replace(
            "SActor-06, Random Spatial Actor,  54.178, 70.96, 31.75, 33.46, 27.93, 90.36, 26.03,\n",
            "");
    assertProblem(
        dropped,
        1,
        columnOf(dropped, 1, 2),
        "row 1.actors",
        "declares 7 actors, the file has 6 actor row");
  }

  private static ScenarioException failing(String text) throws IOException {
    return assertThrows(
        ScenarioException.class,
        () -> KtabCsvReader.parse(text.getBytes(StandardCharsets.UTF_8), "t.csv"));
  }

  @Test
  void shortAndLongRowsAndBrokenQuotes() throws Exception {
    String ok = fixtureText();
    String shortRow =
        ok.replace(
            "SActor-02, Random Spatial Actor, 129.643, 82.45, 48.47, 90.89, 13.55,  0.07, 34.62,",
            "SActor-02, Random Spatial Actor, 129.643, 82.45, 48.47, 90.89, 13.55,  0.07");
    Problem p = only(shortRow);
    assertEquals(5, p.line());
    assertEquals("row 5 (SActor-02).salience_3", p.field());
    assertTrue(p.message().contains("expected 9 values"), p.message());
    assertEquals(
        "SActor-02, Random Spatial Actor, 129.643, 82.45, 48.47, 90.89, 13.55,  0.07".length() + 1,
        p.column());

    String longRow = ok.replace("90.36, 26.03,", "90.36, 26.03, 5,");
    p = only(longRow);
    assertEquals(9, p.line());
    assertEquals("row 9 (SActor-06)", p.field());
    assertTrue(p.message().contains("expected 9 values"), p.message());

    String quote = ok.replace("SActor-04, Random", "SActor-04, \"Random");
    p = only(quote);
    assertEquals(7, p.line());
    assertEquals(12, p.column());
    assertTrue(p.message().contains("quoted cell is not closed"));

    String afterQuote =
        ok.replace("SActor-04, Random Spatial Actor,", "SActor-04, \"Random\" Spatial Actor,");
    p = only(afterQuote);
    assertEquals(7, p.line());

    ScenarioException e = failing("");
    assertEquals(0, e.problems().get(0).line());
    assertTrue(e.getMessage().contains("empty"));

    e = failing("DummyData_3Dim ,\"Dummy\",7,3,\n");
    assertEquals("row 2", e.problems().get(0).field());
  }

  @Test
  void everyProblemInAFileIsReported() throws Exception {
    String s = withCell(withCell(fixtureText(), 5, 6, " x"), 8, 3, " y");
    ScenarioException e = failing(s);
    assertEquals(2, e.problems().size(), e.getMessage());
    assertEquals(5, e.problems().get(0).line());
    assertEquals(8, e.problems().get(1).line());
    assertTrue(e.getMessage().contains("t.csv:5:"), e.getMessage());
  }

  @Test
  void unreadableFilesAreProblemsToo() throws Exception {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> KtabCsvReader.read(dir.resolve("absent.csv")));
    assertTrue(e.getMessage().contains("cannot read file"), e.getMessage());
    e = assertThrows(ScenarioException.class, () -> KtabCsvReader.read(dir));
    assertTrue(e.getMessage().contains("directory"), e.getMessage());
  }

  /**
   * Random byte flips, insertions, deletions and truncations: a table or a ScenarioException,
   * nothing else.
   */
  @Test
  void mutatedFilesThrowOnlyScenarioException() throws Exception {
    byte[] good = Files.readAllBytes(fixture());
    byte[] interesting = ",\"\r\n \t.-+eE0123456789xX\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    SplittableRandom r = new SplittableRandom(20170530);
    int parsed = 0;
    for (int trial = 0; trial < 20000; trial++) {
      byte[] b = good.clone();
      int edits = 1 + r.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int kind = r.nextInt(5);
        if (b.length == 0) break;
        int at = r.nextInt(b.length);
        switch (kind) {
          case 0 -> b[at] = (byte) r.nextInt(256);
          case 1 -> b[at] = interesting[r.nextInt(interesting.length)];
          case 2 -> b = java.util.Arrays.copyOf(b, at);
          case 3 -> {
            byte[] c = new byte[b.length - 1];
            System.arraycopy(b, 0, c, 0, at);
            System.arraycopy(b, at + 1, c, at, b.length - at - 1);
            b = c;
          }
          default -> {
            byte[] c = new byte[b.length + 1];
            System.arraycopy(b, 0, c, 0, at);
            c[at] = interesting[r.nextInt(interesting.length)];
            System.arraycopy(b, at, c, at + 1, b.length - at);
            b = c;
          }
        }
      }
      try {
        ActorTable t = KtabCsvReader.parse(b, "mutant.csv");
        parsed++;
        for (ActorTable.Row row : t.rows()) {
          assertTrue(row.capability() > 0);
          for (double x : row.positions()) assertTrue(x >= 0 && x <= 100);
          for (double x : row.saliences()) assertTrue(x >= 0 && x <= 1);
        }
      } catch (ScenarioException e) {
        assertTrue(!e.problems().isEmpty());
        for (Problem p : e.problems()) {
          if (p.message().startsWith("internal error")) fail("trial " + trial + ": " + p);
        }
      } catch (RuntimeException e) {
        fail("trial " + trial + " threw " + e);
      }
    }
    assertTrue(parsed > 100, "some mutants are still valid tables: " + parsed);
    assertTrue(parsed < 19000, "most mutants are refused: " + parsed);
  }
}
