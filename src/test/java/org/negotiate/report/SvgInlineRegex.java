package org.negotiate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular-expression version of {@link SvgInline} as it was before the single-pass scanner: the
 * oracle the scanner must agree with, byte for byte and failure for failure ({@code
 * SvgInlineProperties}). Kept verbatim, so do not "improve" it.
 *
 * <p>A chart's SVG file (as {@link ChartKit} writes it with JFreeSVG) made fit to sit inside an
 * HTML page: the XML prolog, DOCTYPE and comments removed; every {@code id} prefixed with the
 * chart's name (two charts drawn in the same millisecond could otherwise share clip-path ids, and
 * the second chart would be clipped by the first one's paths); JFreeSVG's own namespace and
 * attributes dropped; and the fixed {@code width}/{@code height} replaced by a {@code viewBox}, so
 * the chart scales to the page's width. Text in the SVG was escaped by JFreeSVG when the chart was
 * drawn; anything that could run or load (script, foreignObject, event handlers, external
 * references) is refused rather than embedded.
 */
final class SvgInlineRegex {
  private static final Pattern PROLOG = Pattern.compile("<\\?xml[^>]*\\?>");
  private static final Pattern DOCTYPE =
      Pattern.compile("<!DOCTYPE[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern ID = Pattern.compile("\\bid=(['\"])([^'\"]+)\\1");

  /** An id's declaration or an in-page reference to one: groups 2, 3 or 5 are the id. */
  private static final Pattern REFERENCE =
      Pattern.compile("id=(['\"])([^'\"]*)\\1|url\\(#([^)]*)\\)|href=(['\"])#([^'\"]*)\\4");

  private static final Pattern SVG_OPEN = Pattern.compile("<svg\\b[^>]*>");
  private static final Pattern DIMENSION = Pattern.compile("\\s(width|height)=(['\"])([0-9.]+)\\2");
  private static final Pattern JFREE_ATTR =
      Pattern.compile("\\s(xmlns:)?jfreesvg(:[A-Za-z-]+)?=(['\"])[^'\"]*\\3");

  /** A tag (text between tags is escaped by JFreeSVG, so every {@code <} starts one). */
  private static final Pattern TAG = Pattern.compile("<[^>]*>?");

  /**
   * What must not be in a tag: elements that run or embed, event handlers, and references that are
   * not in-page.
   */
  private static final Pattern UNSAFE =
      Pattern.compile(
          "^</?(?:script|foreignobject|iframe|object|embed|image|use|a|style|animate|set)\\b|\\son[a-z]+\\s*=|javascript:"
              + "|(?:href|src)\\s*=\\s*['\"](?!#)|url\\((?!['\"]?#)",
          Pattern.CASE_INSENSITIVE);

  private SvgInlineRegex() {}

  /**
   * Reads {@code file} and returns it ready to inline; {@code name} prefixes its ids and labels it.
   */
  public static Html read(Path file, String name, String description) throws IOException {
    return of(Files.readString(file, StandardCharsets.UTF_8), name, description);
  }

  /** As {@link #read}, from the SVG text. */
  public static Html of(String svg, String name, String description) {
    String s = PROLOG.matcher(svg).replaceAll("");
    s = DOCTYPE.matcher(s).replaceAll("");
    s = COMMENT.matcher(s).replaceAll("");
    s = JFREE_ATTR.matcher(s).replaceAll("");
    if (!s.contains("xlink:href"))
      s =
          s.replace(" xmlns:xlink='http://www.w3.org/1999/xlink'", "")
              .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
    Matcher tags = TAG.matcher(s);
    while (tags.find()) {
      String t = tags.group();
      if (UNSAFE.matcher(t).find()) {
        throw new IllegalArgumentException(
            "chart "
                + name
                + " holds something a report must not embed: "
                + t.substring(0, Math.min(t.length(), 60)));
      }
    }
    String prefix = name.replaceAll("[^A-Za-z0-9]", "") + "-";
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = ID.matcher(s);
    while (m.find()) ids.add(m.group(2));
    if (!ids.isEmpty()) {
      // Every id='X', id="X", url(#X), href='#X' and href="#X" of a known id, in one pass (a chart
      // of
      // 100 actors is 10 MB of SVG).
      Matcher ref = REFERENCE.matcher(s);
      StringBuilder out = new StringBuilder(s.length() + 64 * ids.size());
      while (ref.find()) {
        String id =
            ref.group(2) != null
                ? ref.group(2)
                : ref.group(3) != null ? ref.group(3) : ref.group(5);
        if (!ids.contains(id)) continue;
        int at = ref.start(ref.group(2) != null ? 2 : ref.group(3) != null ? 3 : 5);
        ref.appendReplacement(out, "");
        out.append(s, ref.start(), at)
            .append(prefix)
            .append(id)
            .append(s, at + id.length(), ref.end());
      }
      ref.appendTail(out);
      s = out.toString();
    }
    Matcher open = SVG_OPEN.matcher(s);
    if (!open.find())
      throw new IllegalArgumentException("chart " + name + " is not an SVG document");
    String tag = open.group();
    double w = 0;
    double h = 0;
    Matcher d = DIMENSION.matcher(tag);
    while (d.find()) {
      double v = Double.parseDouble(d.group(3));
      if (d.group(1).equals("width")) w = v;
      else h = v;
    }
    String newTag = DIMENSION.matcher(tag).replaceAll("");
    String extra = "";
    if (!newTag.contains("viewBox") && w > 0 && h > 0) {
      extra += String.format(Locale.ROOT, " viewBox='0 0 %s %s'", num(w), num(h));
    }
    extra +=
        " class='chart' role='img' preserveAspectRatio='xMidYMid meet' aria-label=\""
            + Html.escape(description)
            + "\"";
    newTag = newTag.substring(0, newTag.length() - 1) + extra + ">";
    s = s.substring(0, open.start()) + newTag + s.substring(open.end());
    return Html.raw(s.strip());
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
