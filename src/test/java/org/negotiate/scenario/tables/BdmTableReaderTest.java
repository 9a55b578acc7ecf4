package org.negotiate.scenario.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.negotiate.scenario.Problem;
import org.negotiate.scenario.ScenarioException;

class BdmTableReaderTest {
  private static final Path CASE_A =
      Path.of("src/test/resources/models/eum/case_a_eu_emissions.csv");

  private static final String[] NAMES = {
    "Netherlands",
    "Belgium",
    "Luxembourg",
    "Germany",
    "France",
    "Italy",
    "UK",
    "Ireland",
    "Denmark",
    "Greece"
  };
  private static final double[] CAPABILITY = {
    0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08
  };
  private static final double[] POSITION = {4, 7, 4, 4, 10, 10, 10, 7, 4, 7};
  private static final double[] SALIENCE = {
    0.80, 0.40, 0.20, 0.80, 0.60, 0.60, 0.90, 0.10, 1.00, 0.70
  };

  @TempDir Path dir;

  @Test
  void caseAReadsAsModelsMdTable() throws Exception {
    ActorTable t = BdmTableReader.read(CASE_A);
    assertEquals("case_a_eu_emissions", t.name());
    assertEquals(List.of("case_a_eu_emissions"), t.dimensions());
    assertEquals(CASE_A.toString(), t.source());
    assertEquals(10, t.rows().size());
    for (int i = 0; i < 10; i++) {
      ActorTable.Row r = t.rows().get(i);
      assertEquals(NAMES[i], r.name());
      assertEquals(i + 2, r.line());
      assertEquals(CAPABILITY[i], r.capability(), 0);
      assertEquals(1, r.positions().length);
      assertEquals(POSITION[i], r.positions()[0], 0);
      assertEquals(SALIENCE[i], r.saliences()[0], 1e-15);
    }
  }

  static Stream<Arguments> variants() {
    String unit =
        "Actor,Capability,Position,Salience\n"
            + "Netherlands,0.08,4,0.8\nBelgium,0.08,7,0.4\nLuxembourg,0.03,4,0.2\nGermany,0.16,4,0.8\n"
            + "France,0.16,10,0.6\nItaly,0.16,10,0.6\nUK,0.16,10,0.9\nIreland,0.05,7,0.1\nDenmark,0.05,4,1\nGreece,0.08,7,0.7\n";
    String base = text();
    return Stream.of(
        Arguments.of("0-1 saliences", unit),
        Arguments.of("CRLF", base.replace("\n", "\r\n")),
        Arguments.of("CR only", base.replace("\n", "\r")),
        Arguments.of("BOM", "\uFEFF" + base),
        Arguments.of("trailing commas", base.replace("\n", ",\n")),
        Arguments.of("two trailing commas", base.replace("\n", ",,\n")),
        Arguments.of(
            "padded spaces",
            base.replace(",", " ,  ").replace("\n", "  \n").replace("Actor", "  Actor")),
        Arguments.of("tabs", base.replace(",", "\t,\t")),
        Arguments.of("quoted fields", quoteAll(base)),
        Arguments.of(
            "lower-case header",
            base.replace(
                "Actor,Capability,Position,Salience", "actor,capability,position,salience")),
        Arguments.of(
            "upper-case header",
            base.replace(
                "Actor,Capability,Position,Salience", "ACTOR,CAPABILITY,POSITION,SALIENCE")),
        Arguments.of("blank lines", "\n\n" + base.replace("Belgium", "\n  \nBelgium") + "\n\n"),
        Arguments.of("no final newline", base.strip()),
        Arguments.of(
            "everything at once",
            "\uFEFF" + quoteAll(base).replace(",", " , ").replace("\n", ",\r\n\r\n")),
        Arguments.of(
            "decimals written out",
            base.replace(",80\n", ",80.0\n").replace(",4,", ",4.00,").replace(",0.08,", ",.08,")),
        Arguments.of("exponent", base.replace(",0.16,", ",1.6e-1,")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void variantsParseIdentically(String label, String content) throws Exception {
    ActorTable expected = BdmTableReader.read(CASE_A);
    ActorTable t = BdmTableReader.read(write("v.csv", content));
    assertEquals(expected.rows().size(), t.rows().size(), label);
    for (int i = 0; i < expected.rows().size(); i++) {
      ActorTable.Row e = expected.rows().get(i);
      ActorTable.Row r = t.rows().get(i);
      assertEquals(e.name(), r.name(), label);
      assertEquals(e.capability(), r.capability(), 1e-15, label);
      assertArrayEquals(e.positions(), r.positions(), 1e-15, label);
      assertArrayEquals(e.saliences(), r.saliences(), 1e-15, label);
    }
  }

  @Test
  void columnsMayComeInAnyOrder() throws Exception {
    ActorTable t =
        BdmTableReader.read(
            write(
                "o.csv",
                "Salience,Position,Actor,Capability\n40,7,Belgium,0.08\n100,4,Denmark,0.05\n"));
    assertEquals("Belgium", t.rows().get(0).name());
    assertEquals(0.4, t.rows().get(0).saliences()[0], 1e-15);
    assertEquals(7, t.rows().get(0).positions()[0], 0);
    assertEquals(0.08, t.rows().get(0).capability(), 0);
  }

  @Test
  void aQuotedNameMayHoldCommasAndQuotes() throws Exception {
    ActorTable t =
        BdmTableReader.read(
            write(
                "q.csv",
                "Actor,Capability,Position,Salience\n\"Labour, pro-euro\",1,8,40\n\"The \"\"Bank\"\"\",0.1,5,60\n"));
    assertEquals("Labour, pro-euro", t.rows().get(0).name());
    assertEquals("The \"Bank\"", t.rows().get(1).name());
  }

  @Test
  void salienceScaleIsDecidedByTheWholeTable() throws Exception {
    // No salience above 1: all read as 0-1. One above 1: all read as 0-100 (1 means 1%).
    ActorTable unit =
        BdmTableReader.read(
            write("u.csv", "Actor,Capability,Position,Salience\na,1,0,1\nb,1,1,0.5\n"));
    assertEquals(1, unit.rows().get(0).saliences()[0], 0);
    ActorTable mixed =
        BdmTableReader.read(
            write("m.csv", "Actor,Capability,Position,Salience\na,1,0,1\nb,1,1,50\n"));
    assertEquals(0.01, mixed.rows().get(0).saliences()[0], 1e-15);
    assertEquals(0.5, mixed.rows().get(1).saliences()[0], 1e-15);
  }

  // ---------------------------------------------------------------- problems

  private static final String HEADER = "Actor,Capability,Position,Salience\n";

  static Stream<Arguments> malformed() {
    return Stream.of(
        // content, line, column, field, words in the message
        Arguments.of(
            HEADER + "Netherlands,0.08,4,80\nBelgium,0.08,7,high\n",
            3,
            16,
            "row 3 (Belgium).salience",
            "expected a number, got \"high\""),
        Arguments.of(
            HEADER + "Netherlands,-0.08,4,80\n",
            2,
            13,
            "row 2 (Netherlands).capability",
            "negative"),
        Arguments.of(
            HEADER + "Netherlands,0.08,,80\n", 2, 18, "row 2 (Netherlands).position", "empty cell"),
        Arguments.of(
            HEADER + "Netherlands,0.08,4,80\nNetherlands,0.08,4,80\n",
            3,
            1,
            "row 3 (Netherlands).actor",
            "duplicate actor \"Netherlands\" (first on line 2)"),
        Arguments.of(
            HEADER + "Netherlands,0.08,4,80\nnetherlands ,0.08,4,80\n",
            3,
            1,
            "row 3 (netherlands).actor",
            "duplicate"),
        Arguments.of(
            HEADER + "Netherlands,0.08,4\n", 2, 19, "row 2 (Netherlands)", "expected 4 cells"),
        Arguments.of(
            HEADER + "Netherlands,0.08,4,80,9\n", 2, 23, "row 2 (Netherlands)", "expected 4 cells"),
        Arguments.of(
            "Netherlands,0.08,4,80\nBelgium,0.08,7,40\n", 1, 1, "header", "is the header missing?"),
        Arguments.of(
            "Actor,Capability,Position,Weight\nNetherlands,0.08,4,80\n",
            1,
            27,
            "header",
            "\"Weight\""),
        Arguments.of(
            "Actor,Capability,Position\nNetherlands,0.08,4\n",
            1,
            1,
            "header",
            "missing column Salience"),
        Arguments.of(
            "Actor,Capability,Position,Salience,Actor\n", 1, 36, "header", "appears twice"),
        Arguments.of(
            HEADER + "Netherlands,0.08,4,180\n", 2, 20, "row 2 (Netherlands).salience", "0–100"),
        Arguments.of(
            HEADER + "Netherlands,0.08,4,-5\n", 2, 20, "row 2 (Netherlands).salience", "0–100"),
        Arguments.of(
            HEADER + "Netherlands,NaN,4,80\n",
            2,
            13,
            "row 2 (Netherlands).capability",
            "got \"NaN\""),
        Arguments.of(
            HEADER + "Netherlands,0.08,1e999,80\n",
            2,
            18,
            "row 2 (Netherlands).position",
            "finite"),
        Arguments.of(
            HEADER + "Netherlands,0.08,0x10,80\n",
            2,
            18,
            "row 2 (Netherlands).position",
            "\"0x10\""),
        Arguments.of(
            HEADER + "Netherlands,0.08,4d,80\n", 2, 18, "row 2 (Netherlands).position", "\"4d\""),
        Arguments.of(HEADER + " ,0.08,4,80\n", 2, 1, "row 2.actor", "no name"),
        Arguments.of(HEADER + "\"Netherlands,0.08,4,80\n", 2, 1, "line 2", "not closed"),
        Arguments.of(HEADER + "Nether\"lands,0.08,4,80\n", 2, 7, "line 2", "quote inside"),
        Arguments.of(
            HEADER + "\"Netherlands\"x,0.08,4,80\n", 2, 14, "line 2", "after a quoted cell"),
        Arguments.of(
            HEADER + "Netherlands,  0.08 ,  four ,80\n",
            2,
            23,
            "row 2 (Netherlands).position",
            "got \"four\""),
        Arguments.of(HEADER, 1, 1, "", "no actors"),
        Arguments.of(HEADER + "\n\n", 1, 1, "", "no actors"));
  }

  @ParameterizedTest(name = "{3}: {4}")
  @MethodSource("malformed")
  void malformedTablesGiveAProblemAtTheRightPlace(
      String content, int line, int column, String field, String words) throws Exception {
    Path file = write("bad.csv", content);
    ScenarioException e = assertThrows(ScenarioException.class, () -> BdmTableReader.read(file));
    Problem p = e.problems().get(0);
    assertEquals(file.toString(), p.file());
    assertEquals(line, p.line(), p.toString());
    assertEquals(column, p.column(), p.toString());
    assertEquals(field, p.field(), p.toString());
    assertTrue(p.message().contains(words), p.toString());
  }

  @Test
  void everyBadCellIsReported() throws Exception {
    Path file =
        write("many.csv", HEADER + "Netherlands,x,4,80\nBelgium,0.08,y,40\nLuxembourg,0.03,4,z\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> BdmTableReader.read(file));
    assertEquals(3, e.problems().size());
    assertEquals(
        List.of(
            "row 2 (Netherlands).capability",
            "row 3 (Belgium).position",
            "row 4 (Luxembourg).salience"),
        e.problems().stream().map(Problem::field).toList());
    assertTrue(
        e.getMessage()
            .contains(file + ":3:14: row 3 (Belgium).position: expected a number, got \"y\""),
        e.getMessage());
  }

  @Test
  void emptyAndMissingFiles() throws Exception {
    for (String content : new String[] {"", "\uFEFF", "\n\r\n  \n"}) {
      Path file = write("empty.csv", content);
      ScenarioException e = assertThrows(ScenarioException.class, () -> BdmTableReader.read(file));
      assertTrue(e.problems().get(0).message().contains("empty"), e.getMessage());
    }
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> BdmTableReader.read(dir.resolve("nope.csv")));
    assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
    ScenarioException d = assertThrows(ScenarioException.class, () -> BdmTableReader.read(dir));
    assertFalse(d.problems().isEmpty());
  }

  @Test
  void randomByteMutationsThrowOnlyScenarioExceptions() throws Exception {
    byte[] valid = Files.readAllBytes(CASE_A);
    Random rnd = new Random(20110101);
    byte[] alphabet =
        ",\"\r\n \t.-+e0123456789aZ\u00ef\u00bb\u00bf".getBytes(StandardCharsets.ISO_8859_1);
    int parsed = 0;
    for (int trial = 0; trial < 3000; trial++) {
      byte[] b = valid.clone();
      int edits = 1 + rnd.nextInt(6);
      for (int k = 0; k < edits; k++) {
        int at = rnd.nextInt(b.length);
        switch (rnd.nextInt(4)) {
          case 0 -> b[at] = (byte) rnd.nextInt(256);
          case 1 -> b[at] = alphabet[rnd.nextInt(alphabet.length)];
          case 2 -> b = delete(b, at);
          default -> b = insert(b, at, alphabet[rnd.nextInt(alphabet.length)]);
        }
      }
      if (rnd.nextInt(20) == 0) b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
      try {
        // every 20th through the file, the rest straight from the bytes (the same decoding)
        ActorTable t =
            trial % 20 == 0
                ? BdmTableReader.read(write("fuzz.csv", b))
                : BdmTableReader.parse(new String(b, StandardCharsets.UTF_8), "fuzz.csv", "fuzz");
        parsed++;
        for (ActorTable.Row r : t.rows()) {
          assertTrue(r.capability() >= 0 && Double.isFinite(r.capability()));
          assertTrue(Double.isFinite(r.positions()[0]));
          assertTrue(
              r.saliences()[0] >= 0 && r.saliences()[0] <= 1, "salience " + r.saliences()[0]);
          assertFalse(r.name().isEmpty());
        }
      } catch (ScenarioException e) {
        assertFalse(e.problems().isEmpty());
        for (Problem p : e.problems()) {
          assertTrue(p.line() >= 0 && p.column() >= 0);
          // the reader's safety net turns a bug into a problem; the fuzz must never reach it
          assertFalse(
              p.message().startsWith("could not read the table"), "trial " + trial + ": " + p);
        }
      } catch (RuntimeException | IOException e) {
        fail(
            "trial " + trial + " threw " + e + " on:\n" + new String(b, StandardCharsets.UTF_8), e);
      }
    }
    assertTrue(parsed > 0 && parsed < 3000, "some mutations still parse, most do not: " + parsed);
  }

  private static byte[] delete(byte[] b, int at) {
    byte[] out = new byte[b.length - 1];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + 1, out, at, b.length - at - 1);
    return out;
  }

  private static byte[] insert(byte[] b, int at, byte v) {
    byte[] out = new byte[b.length + 1];
    System.arraycopy(b, 0, out, 0, at);
    out[at] = v;
    System.arraycopy(b, at, out, at + 1, b.length - at);
    return out;
  }

  private static String text() {
    try {
      return Files.readString(CASE_A);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quoteAll(String csv) {
    StringBuilder out = new StringBuilder();
    for (String line : csv.split("\n")) {
      String[] cells = line.split(",", -1);
      for (int i = 0; i < cells.length; i++)
        out.append(i > 0 ? "," : "").append('"').append(cells[i]).append('"');
      out.append('\n');
    }
    return out.toString();
  }

  private Path write(String name, String content) throws IOException {
    return write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }
}
