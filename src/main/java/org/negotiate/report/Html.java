package org.negotiate.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A piece of HTML markup that is safe to put into a page. The only ways to make one are escaping
 * text ({@link #text}), building elements whose names and attribute names are fixed in this
 * package's code ({@link #el}, {@link #link}), and inline SVG made by {@link SvgInline} from a
 * chart this tool drew: text from a scenario or the command line (names, labels, evidence,
 * rationales, file names) can only get in escaped, so it can never open a tag.
 */
public final class Html {
  private static final Pattern TAG_NAME = Pattern.compile("[a-z][a-z0-9]*");
  private static final Pattern ATTR_NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /** The empty fragment. */
  public static final Html EMPTY = new Html("");

  private final String markup;

  private Html(String markup) {
    this.markup = markup;
  }

  /** Trusted markup written in this package (never text from a scenario). */
  static Html raw(String markup) {
    return new Html(markup);
  }

  /** Text, escaped: {@code <script>} becomes {@code &lt;script&gt;}. Null becomes empty. */
  public static Html text(String text) {
    return new Html(escape(text));
  }

  /**
   * Escapes text for an HTML text node or a quoted attribute value: {@code & < > " '}, and drops
   * control characters other than tab, line feed and carriage return (they are not allowed in
   * HTML).
   */
  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) b.append('\uFFFD');
          else b.append(c);
        }
      }
    }
    return b.toString();
  }

  /**
   * An element {@code <name attrs>children</name>}. Children are {@link Html} (as is), strings
   * (escaped), numbers (their text) or lists of those; nulls are skipped. {@code attrs} are
   * name/value pairs; a value is escaped, a null value drops the attribute.
   */
  public static Html el(String name, Attrs attrs, Object... children) {
    if (!TAG_NAME.matcher(name).matches())
      throw new IllegalArgumentException("bad tag name " + name);
    StringBuilder b = new StringBuilder().append('<').append(name);
    attributes(b, attrs.pairs());
    b.append('>');
    for (Object c : children) append(b, c);
    return new Html(b.append("</").append(name).append('>').toString());
  }

  /** An element without attributes. */
  public static Html el(String name, Object... children) {
    return el(name, new Attrs(List.of()), children);
  }

  /** Attribute pairs, e.g. {@code attrs("class", "num", "title", t)}. */
  public static Attrs attrs(String... pairs) {
    if (pairs.length % 2 != 0)
      throw new IllegalArgumentException("attribute names and values come in pairs");
    List<String> l = new ArrayList<>(pairs.length);
    for (String p : pairs) l.add(p);
    return new Attrs(l);
  }

  /** Attribute name/value pairs of an element. */
  public record Attrs(List<String> pairs) {}

  /** Fragments one after another. */
  public static Html join(Object... parts) {
    StringBuilder b = new StringBuilder();
    for (Object p : parts) append(b, p);
    return new Html(b.toString());
  }

  /** A paragraph. */
  public static Html p(Object... children) {
    return el("p", children);
  }

  /**
   * A link to a file on this machine: {@code href} is a relative path (its segments are
   * percent-encoded) or a {@code file:} URI; anything else (http, javascript) is refused so a
   * report never points at the network.
   */
  public static Html link(String href, Object... children) {
    return el("a", attrs("href", safeHref(href)), children);
  }

  /**
   * A table: a header row and body rows; cells as for {@link #el}, a cell of class "num" when
   * numeric.
   */
  public static Html table(List<String> header, List<List<?>> rows, String cssClass) {
    List<Object> head = new ArrayList<>();
    for (String h : header) head.add(el("th", attrs("scope", "col"), h));
    List<Object> body = new ArrayList<>();
    for (List<?> row : rows) {
      List<Object> cells = new ArrayList<>();
      for (Object c : row) {
        cells.add(
            c instanceof Number || c instanceof Cell n && n.numeric
                ? el("td", attrs("class", "num"), c instanceof Cell n2 ? n2.content : c)
                : el("td", c));
      }
      body.add(el("tr", cells));
    }
    return el("table", attrs("class", cssClass), el("thead", el("tr", head)), el("tbody", body));
  }

  /** A table cell shown right-aligned with tabular figures. */
  public static Cell num(Object content) {
    return new Cell(content, true);
  }

  /** Content of a table cell and whether it is a number (right-aligned). */
  public record Cell(Object content, boolean numeric) {}

  static String safeHref(String href) {
    Objects.requireNonNull(href, "href");
    String h = href.strip();
    if (h.startsWith("file:")) {
      return h;
    }
    if (h.startsWith("#")) return "#" + h.substring(1).replaceAll("[^A-Za-z0-9_-]", "-");
    try {
      URI u = new URI(null, null, h, null);
      String s = u.toASCIIString();
      if (u.getScheme() != null || s.startsWith("//") || s.contains(":")) {
        throw new IllegalArgumentException("not a relative file path: " + href);
      }
      return s;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a relative file path: " + href, e);
    }
  }

  private static void attributes(StringBuilder b, List<String> attrs) {
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      String n = attrs.get(i);
      String v = attrs.get(i + 1);
      if (!ATTR_NAME.matcher(n).matches())
        throw new IllegalArgumentException("bad attribute name " + n);
      if (n.startsWith("on")
          || n.equals("style")
              && v != null
              && v.toLowerCase(java.util.Locale.ROOT).contains("url(")) {
        throw new IllegalArgumentException("attribute " + n + " is not allowed in a report");
      }
      if (v == null) continue;
      b.append(' ').append(n).append("=\"").append(escape(v)).append('"');
    }
  }

  private static void append(StringBuilder b, Object c) {
    if (c == null) return;
    if (c instanceof Html h) b.append(h.markup);
    else if (c instanceof Iterable<?> it) for (Object x : it) append(b, x);
    else if (c instanceof Object[] arr) for (Object x : arr) append(b, x);
    else if (c instanceof Cell cell) append(b, cell.content);
    else b.append(escape(String.valueOf(c)));
  }

  /** The markup. */
  @Override
  public String toString() {
    return markup;
  }

  public boolean isEmpty() {
    return markup.isEmpty();
  }
}
