package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-pass {@link SvgInline} gives what the regular expressions it replaced gave ({@link
 * SvgInlineRegex}): the same text, or the same refusal, on real charts and on made-up SVG built
 * from the pieces each expression looks for.
 */
class SvgInlineProperties {

  /** Pieces each regular expression matches, almost matches or stops at, and some filler. */
  private static final List<String> PIECES =
      List.of(
          "<",
          ">",
          "/",
          "'",
          "\"",
          " ",
          "\n",
          "\t",
          "=",
          "#",
          ")",
          "(",
          ":",
          "-",
          "_",
          "?",
          "!",
          "x",
          "é",
          "\u0301",
          "\uD835\uDC00",
          "\uD835",
          "K",
          "<?xml",
          "?>",
          "<?xml version='1.0'?>",
          "<!DOCTYPE svg>",
          "<!doctype",
          "<!DocType",
          "<!--",
          "-->",
          "<!-- a -->",
          " jfreesvg",
          "jfreesvg",
          " xmlns:jfreesvg='u'",
          " jfreesvg:ref=\"a\"",
          ":ref",
          ":",
          "xmlns:",
          " xmlns:xlink='http://www.w3.org/1999/xlink'",
          " xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
          "xlink:href",
          "<svg",
          "<svg ",
          "<svgx",
          " width='1200'",
          " height=\"700\"",
          " width='12.5'",
          " viewBox='0 0 1 1'",
          "<g>",
          "</g>",
          "<path d='M0 0'/>",
          "<text>",
          "</text>",
          "<a",
          "</a>",
          "<animate",
          "<animateMotion",
          "<A",
          "<script",
          "<Script",
          "</script>",
          "<set",
          "<settle",
          "<image",
          "<use",
          "<foreignObject",
          "<style",
          " onclick=",
          " on=",
          " ONload =",
          " onx",
          "javascript:",
          "JavaScript:",
          "href",
          "HREF",
          " href='#a'",
          " href=\"x\"",
          "href='",
          "href=\"#",
          "src =",
          " src= 'y'",
          "url(",
          "URL(",
          "url(#a)",
          "url('#a')",
          "url(\"x\")",
          "url(#",
          "id=",
          "id='a'",
          "id=\"a\"",
          "id=''",
          "xid='a'",
          "_id='b'",
          " id='b'",
          "id='clip-1'",
          "url(#clip-1)",
          "url(#b)",
          "href='#b'",
          "href=\"#a\"");

  @Test
  void madeUpSvgIsInlinedAsTheRegularExpressionsDidIt() {
    qt().withFixedSeed(20261207L)
        .withExamples(10_000)
        .forAll(lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 40))
        .checkAssert(
            picks -> {
              StringBuilder b = new StringBuilder();
              for (int i : picks) b.append(PIECES.get(i));
              sameAsRegex(b.toString(), "utility-plane");
            });
  }

  /** The heads of JFreeSVG's text (its shortcut in {@link SvgInline}) and some that are not. */
  private static final List<String> HEADS =
      List.of(
          SvgInline.JFREE_DOCTYPE
              + "<svg xmlns='http://www.w3.org/2000/svg'"
              + " xmlns:xlink='http://www.w3.org/1999/xlink'"
              + " xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg' width='1200.0' height='700.0'>",
          "<svg xmlns='http://www.w3.org/2000/svg' width='12.5' height=\"7\">",
          "<svg jfreesvg:x='a' xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox='0'>",
          "<svg width='1' jfreesvg='b'>",
          SvgInline.JFREE_DOCTYPE + "<svg>",
          SvgInline.JFREE_DOCTYPE + "<svg a='1'  b='2'>",
          "<svg a='x>",
          "<svg a='id='>",
          SvgInline.JFREE_DOCTYPE + "\n<svg a='b'>");

  @Test
  void jfreeSvgShapedTextIsInlinedAsTheRegularExpressionsDidIt() {
    qt().withFixedSeed(20261208L)
        .withExamples(10_000)
        .forAll(
            integers().between(0, HEADS.size() - 1),
            lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 30))
        .checkAssert(
            (head, picks) -> {
              StringBuilder b = new StringBuilder(HEADS.get(head));
              for (int i : picks) b.append(PIECES.get(i));
              sameAsRegex(b.toString(), "utility-plane");
            });
  }

  @Test
  void realChartsAreInlinedAsTheRegularExpressionsDidIt(@TempDir Path dir) throws Exception {
    OddsCharts.writeAll(SyntheticOdds.typical(24), dir);
    int svgs = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".svg")).sorted().toList()) {
        String svg = Files.readString(f, StandardCharsets.UTF_8);
        String name = f.getFileName().toString().replace(".svg", "");
        String inlined = sameAsRegex(svg, name);
        assertTrue(inlined.contains("id='" + name.replace("-", "") + "-"), f.toString());
        svgs++;
      }
    }
    assertEquals(4, svgs);
  }

  @Test
  void chartsPreparedAheadGiveTheSameBriefAndNeverAStaleOne(@TempDir Path dir) throws Exception {
    List<Path> files = OddsCharts.writeAll(SyntheticOdds.typical(24), dir);
    SvgInline.Ahead ahead = new SvgInline.Ahead();
    ahead.prepare(files);
    Path odds = dir.resolve("odds.svg");
    Path terms = dir.resolve("terms.svg");
    String oddsText = Files.readString(odds, StandardCharsets.UTF_8);
    String expected = SvgInlineRegex.of(oddsText, "odds", "the odds").toString();
    assertEquals(expected, ahead.using(() -> SvgInline.read(odds, "odds", "the odds")).toString());
    // another name prefixes other ids: prepared under "odds", it is scanned again
    assertEquals(
        SvgInlineRegex.of(oddsText, "chart", "x").toString(),
        ahead.using(() -> SvgInline.read(odds, "chart", "x")).toString());
    // the file changed since: its new text, not the prepared one
    Files.copy(terms, odds, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String changed = Files.readString(odds, StandardCharsets.UTF_8);
    assertEquals(
        SvgInlineRegex.of(changed, "odds", "the odds").toString(),
        ahead.using(() -> SvgInline.read(odds, "odds", "the odds")).toString());
    // outside using: plain reading
    assertEquals(
        SvgInlineRegex.of(changed, "odds", "y").toString(),
        SvgInline.read(odds, "odds", "y").toString());
  }

  @Test
  void svgWrittenAsJFreeSvgWritesIt(@TempDir Path dir) throws Exception {
    // em dash, Latin-1, a surrogate pair, lone surrogates at the end of a writer's buffer and after
    String element =
        "<svg width='1'><text>a — ü \uD835\uDC00 x".repeat(400)
            + "\uD800 y \uDC00".repeat(3)
            + "x".repeat(8190)
            + "\uD835\uDC00"
            + "</text></svg>";
    Path jfree = dir.resolve("jfree.svg");
    Path ours = dir.resolve("ours.svg");
    org.jfree.svg.SVGUtils.writeToSVG(jfree.toFile(), element);
    SvgInline.write(ours, SvgInline.JFREE_DOCTYPE + element + "\n");
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        Files.readAllBytes(jfree), Files.readAllBytes(ours));
  }

  @Test
  void chartsHandedOverAsWrittenGiveTheSameBriefAndNeverAStaleOne(@TempDir Path dir)
      throws Exception {
    SvgInline.Ahead ahead = new SvgInline.Ahead();
    ahead.prepare(() -> OddsCharts.writeAll(SyntheticOdds.typical(24), dir));
    Path odds = dir.resolve("odds.svg");
    String oddsText = Files.readString(odds, StandardCharsets.UTF_8);
    assertEquals(
        SvgInlineRegex.of(oddsText, "odds", "the odds").toString(),
        ahead.using(() -> SvgInline.read(odds, "odds", "the odds")).toString());
    // the file changed since (one byte): its new text, not the one handed over
    String changed = oddsText.replaceFirst("<text", "<text ");
    Files.writeString(odds, changed, StandardCharsets.UTF_8);
    assertEquals(
        SvgInlineRegex.of(changed, "odds", "the odds").toString(),
        ahead.using(() -> SvgInline.read(odds, "odds", "the odds")).toString());
    // a text with a lone surrogate is read back, as the file decodes it ('?')
    Path lone = dir.resolve("lone.svg");
    ahead.prepare(
        () -> {
          SvgInline.write(lone, "<svg width='2' height='3'><text>a\uD800b</text></svg>");
          return List.of(lone);
        });
    assertEquals(
        SvgInlineRegex.of("<svg width='2' height='3'><text>a?b</text></svg>", "lone", "d")
            .toString(),
        ahead.using(() -> SvgInline.read(lone, "lone", "d")).toString());
  }

  /** Both versions on {@code svg}: the same text or the same refusal; returns the text. */
  private static String sameAsRegex(String svg, String name) {
    String expected;
    try {
      expected = SvgInlineRegex.of(svg, name, "a \"chart\" <x>").toString();
    } catch (IllegalArgumentException e) {
      IllegalArgumentException got =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () -> SvgInline.of(svg, name, "a \"chart\" <x>"),
              () -> "the regex refused, the scanner did not: " + svg);
      assertEquals(e.getMessage(), got.getMessage(), svg);
      return null;
    }
    String actual = SvgInline.of(svg, name, "a \"chart\" <x>").toString();
    assertEquals(expected, actual, svg);
    return actual;
  }
}
