package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.cli.Main;

/**
 * {@code report.html} of odds, compare and forecast, written by the real command line: complete,
 * self-contained (nothing it would load, no remote address), every link resolving, and every text
 * from the scenario or the command line escaped.
 */
class PolicyBriefTest {
  @TempDir Path tmp;

  static final Pattern HREF =
      Pattern.compile("\\b(href|src)\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
  static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp|wss?)://[^\\s\"'<>)]*");
  static final Pattern ID = Pattern.compile("\\sid=[\"']([^\"']+)[\"']");

  /**
   * The only absolute addresses a report may hold: XML namespace names in an svg element, which are
   * never fetched.
   */
  static final Set<String> NAMESPACES =
      Set.of("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink");

  static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit, err.toString());
    return out.toString();
  }

  /**
   * The result folder a command just wrote under {@code root}: the only one under {@code
   * root/name}.
   */
  static Path onlyFolder(Path root, String name) throws IOException {
    try (Stream<Path> s = Files.list(root.resolve(name))) {
      List<Path> l = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
      assertEquals(1, l.size(), l.toString());
      return l.get(0);
    }
  }

  /** The checks every report must pass; returns the page. */
  static String checkSelfContained(Path folder) throws IOException {
    Path report = folder.resolve("report.html");
    assertTrue(Files.isRegularFile(report), "report.html in " + folder);
    String html = Files.readString(report, StandardCharsets.UTF_8);
    String lower = html.toLowerCase(Locale.ROOT);
    assertTrue(lower.startsWith("<!doctype html>"), "an HTML5 page");
    assertFalse(lower.contains("<script"), "no script element, escaped or not");
    assertFalse(lower.contains("<img"), "no image element (charts are inline SVG)");
    assertFalse(lower.contains("<link"), "no linked style sheet");
    assertFalse(
        lower.contains("<iframe")
            || lower.contains("<object")
            || lower.contains("<embed")
            || lower.contains("<foreignobject"),
        "nothing embedded from elsewhere");
    assertFalse(
        lower.contains("@import") || lower.contains("@font-face"),
        "no style sheet or font from elsewhere");
    assertFalse(
        Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
        "no event handler attribute");
    assertFalse(
        lower.contains("<?xml") || lower.contains("<!doctype svg"),
        "SVG prolog and DOCTYPE stripped");
    Matcher u = URL.matcher(html);
    while (u.find())
      assertTrue(NAMESPACES.contains(u.group()), "no remote address in the page: " + u.group());
    // every link is in-page or a file that exists
    Matcher h = HREF.matcher(html);
    int links = 0;
    while (h.find()) {
      String href = h.group(2);
      assertFalse(h.group(1).equalsIgnoreCase("src"), "no src attribute: " + h.group());
      if (href.startsWith("#")) {
        assertTrue(
            html.contains("id=\"" + href.substring(1) + "\"")
                || html.contains("id='" + href.substring(1) + "'"),
            "in-page anchor exists: " + href);
        continue;
      }
      assertFalse(href.contains(":") && !href.startsWith("file:"), "a local link: " + href);
      Path target =
          href.startsWith("file:")
              ? Path.of(URI.create(href))
              : folder
                  .resolve(
                      URLDecoder.decode(unescape(href).replace("+", "%2B"), StandardCharsets.UTF_8))
                  .normalize();
      assertTrue(
          Files.isRegularFile(target),
          "link resolves from the result folder: " + href + " -> " + target);
      links++;
    }
    assertTrue(links > 0, "links to the folder's files");
    // ids unique across the inlined charts
    Set<String> ids = new HashSet<>();
    Matcher id = ID.matcher(html);
    while (id.find()) assertTrue(ids.add(id.group(1)), "duplicate id " + id.group(1));
    // listed in the manifest
    List<?> files =
        new ObjectMapper()
                    .readValue(folder.resolve("manifest.json").toFile(), java.util.Map.class)
                    .get("files")
                instanceof List<?> l
            ? l
            : List.of();
    assertTrue(files.contains("report.html"), "manifest lists report.html: " + files);
    return html;
  }

  @Test
  void escapingLeavesNoMarkup() {
    assertEquals(
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &amp; &#39;a&#39;",
        Html.escape("<script>alert(1)</script> \"q\" & 'a'"));
    assertEquals("", Html.escape(null));
    assertEquals("a\uFFFDb", Html.escape("a\u0000b"));
    assertEquals(
        "<p class=\"x&quot;y\">&lt;b&gt;</p>",
        Html.el("p", Html.attrs("class", "x\"y"), "<b>").toString());
    assertThrows(IllegalArgumentException.class, () -> Html.el("p", Html.attrs("onclick", "x")));
    assertThrows(IllegalArgumentException.class, () -> Html.link("https://example.org/x", "x"));
    assertThrows(IllegalArgumentException.class, () -> Html.link("javascript:alert(1)", "x"));
    assertEquals("../seeds/a%20b.txt", Html.safeHref("../seeds/a b.txt"));
  }

  @Test
  void inlineSvgLosesItsPrologAndKeepsItsIdsApart() {
    String svg =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
            + "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg' "
            + "width='1200.0' height='700.0'><defs><clipPath id='c0'><path d='M0,0Z'/></clipPath></defs>"
            + "<g clip-path='url(#c0)' jfreesvg:ref='x'><text>&lt;script&gt;</text></g></svg>";
    String out = SvgInline.of(svg, "odds", "a \"chart\"").toString();
    assertFalse(
        out.contains("DOCTYPE")
            || out.contains("<?xml")
            || out.contains("jfree")
            || out.contains("xlink"),
        out);
    assertTrue(out.contains("viewBox='0 0 1200 700'") && !out.contains("width='1200.0'"), out);
    assertTrue(out.contains("id='odds-c0'") && out.contains("url(#odds-c0)"), out);
    assertTrue(out.contains("aria-label=\"a &quot;chart&quot;\""), out);
    assertThrows(
        IllegalArgumentException.class,
        () -> SvgInline.of("<svg><script>alert(1)</script></svg>", "x", "x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SvgInline.of("<svg><image href='http://x/y.png'/></svg>", "x", "x"));
    // Both quotes, in-page hrefs, several ids; a reference to no id of the chart is left as it is.
    String refs =
        SvgInline.of(
                "<svg width='10' height='10'><clipPath id=\"a1\"/><clipPath id='b_2'/><g clip-path=\"url(#a1)\"/>"
                    + "<g clip-path='url(#b_2)'/><g clip-path='url(#elsewhere)'/><path href='#a1'/><path href=\"#b_2\"/></svg>",
                "Pos itions",
                "p")
            .toString();
    assertTrue(
        refs.contains(
            "<clipPath id=\"Positions-a1\"/><clipPath id='Positions-b_2'/><g clip-path=\"url(#Positions-a1)\"/>"
                + "<g clip-path='url(#Positions-b_2)'/><g clip-path='url(#elsewhere)'/><path href='#Positions-a1'/><path href=\"#Positions-b_2\"/>"),
        refs);
  }

  @Test
  void theBaselineBriefHasEverySectionTheBackTestAndWorkingEvidenceLinks() throws IOException {
    cli("odds", "scenarios/baseline.yaml", "--runs", "300", "--out", tmp.toString(), "--quiet");
    Path folder = onlyFolder(tmp, "odds-baseline");
    String html = checkSelfContained(folder);
    for (String section :
        List.of(
            "id=\"headline\"",
            "id=\"odds\"",
            "id=\"blockers\"",
            "id=\"movers\"",
            "id=\"terms\"",
            "id=\"positions\"",
            "id=\"reference\"",
            "id=\"assumptions\"",
            "id=\"events\"",
            "id=\"caveats\"",
            "id=\"reproduce\"")) {
      assertTrue(html.contains(section), section);
    }
    assertEquals(
        7,
        count(html, "<svg"),
        "odds, back-test, blockers, movers, terms, positions and utility-plane charts inline");
    assertTrue(html.contains("id=\"backtest\""), "the as-of forecasts against the outcome");
    assertTrue(html.contains("mean Brier score"), "the back-test's scores in the box");
    assertTrue(html.contains("Hindsight run"), "a run as written says it is not a forecast");
    assertTrue(html.contains("chance of a signed deal by the end of November 2024"));
    assertTrue(html.contains("the Assad government fell on 8 December 2024"), "back-test");
    assertTrue(html.contains("What actually happened"), "back-test next to the forecast");
    assertTrue(
        html.indexOf("What actually happened") < html.indexOf("id=\"odds\""),
        "back-test before the chart");
    assertTrue(
        html.contains("negotiate odds scenarios/baseline.yaml --runs 300"), "the command line");
    assertTrue(html.contains("20221201"), "the seed");
    // every stance's evidence, linked to its seed article
    assertTrue(
        Pattern.compile("href=\"(\\.\\./)+[^\"]*scenarios/seeds/002_bfe0fc1904fb5585\\.txt\"")
            .matcher(html)
            .find(),
        "relative link to the seed article");
    assertTrue(html.contains("“cooperation in combating terrorism”"), "the quote");
    assertTrue(html.contains("First item Ankara names"), "the rationale");
    assertTrue(
        html.contains("Half of the deals are signed by") || html.contains("no deal"),
        html.substring(0, 200));
    assertTrue(
        html.contains(
            "negotiate compare scenarios/baseline.yaml scenarios/whatif/no_earthquake.yaml"),
        "what-ifs offered");
  }

  @Test
  void everyTextFromTheScenarioAndTheCommandLineIsEscaped() throws IOException {
    // the scenario's path (in the command line, the what-if commands and the links) carries markup
    // too
    Path scenario = HostileScenario.write(tmp.resolve("dir <i>x</i> & 'q'"));
    Path out = tmp.resolve("results");
    cli(
        "odds",
        scenario.toString(),
        "--out",
        out.toString(),
        "--quiet",
        "--set",
        "north.flexibility=0.9");
    String odds = checkSelfContained(onlyFolder(out, "odds-hostile"));
    assertEscapedEverywhere(odds);
    assertFalse(
        odds.contains("What actually happened"),
        "no back-test for a scenario that is not the Türkiye–Syria case");
    assertTrue(
        odds.contains("007_hostile%20article.txt"), "link to a seed with a space in its name");

    cli(
        "compare",
        scenario.toString(),
        scenario.resolveSibling("whatif/softer.yaml").toString(),
        "--out",
        out.toString(),
        "--quiet");
    String compare = checkSelfContained(onlyFolder(out, "compare-hostile-vs-softer"));
    assertEscapedEverywhere(compare);
    assertEquals(2, count(compare, "<svg"), "odds and difference charts inline");
    assertTrue(compare.contains("north.flexibility"), "the input that differs");

    cli("forecast", scenario.toString(), "--runs", "20", "--out", out.toString());
    Path forecastFolder;
    forecastFolder = onlyFolder(out, "forecast-hostile");
    String forecast = checkSelfContained(forecastFolder);
    assertEscapedEverywhere(forecast);
    assertEquals(1, count(forecast, "<svg"), "forecast chart inline");
  }

  private static void assertEscapedEverywhere(String html) {
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no unescaped <script");
    assertFalse(html.contains("<b>bold</b>"), "markup in an actor name escaped");
    assertFalse(html.contains("<i>x</i>"), "markup in a file name escaped");
    assertTrue(html.contains("Broker &lt;/svg&gt;"), "an actor name cannot close a chart");
    assertEquals(count(html, "<svg"), count(html, "</svg>"), "every chart closed once");
    assertTrue(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, escaped");
    assertTrue(
        html.contains("&quot;quotes&quot; &amp; &#39;apostrophes&#39;")
            || html.contains("&quot;quotes&quot; &amp;amp;"),
        "quotes and ampersands escaped");
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
    return n;
  }

  static List<String> lines(String s) {
    return new ArrayList<>(List.of(s.split("\n")));
  }
}
