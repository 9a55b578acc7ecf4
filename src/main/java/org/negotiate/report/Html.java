package org.negotiate.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of HTML markup that is safe to put into a page. The only ways to make one are escaping
 * text ({@link #text}), building elements whose names and attribute names are fixed in this
 * package's code ({@link #el}, {@link #link}), and inline SVG made by {@link SvgInline} from a
 * chart this tool drew: text from a scenario or the command line (names, labels, evidence,
 * rationales, file names) can only get in escaped, so it can never open a tag.
 */
public final class Html {

  /** The empty fragment. */
  public static final Html EMPTY = new Html("");

  /**
   * A fragment at least this long is kept as it is inside the fragments made around it, not copied
   * into each: an inline chart is up to a megabyte, and a brief nests it in a figure, a section and
   * the page.
   */
  private static final int KEPT = 16 * 1024;

  private final String markup; // null when the fragment is in parts
  private final Object[] parts; // Strings and Htmls, one after another; null when markup is not
  private final int length;

  private Html(String markup) {
    this.markup = markup;
    this.parts = null;
    this.length = markup.length();
  }

  private Html(Object[] parts, int length) {
    this.markup = null;
    this.parts = parts;
    this.length = length;
  }

  /** Trusted markup written in this package (never text from a scenario). */
  static Html raw(String markup) {
    return new Html(markup);
  }

  /** Trusted markup in pieces, one after another: as {@link #raw} of their concatenation. */
  static Html raw(String... pieces) {
    int n = 0;
    for (String p : pieces) n += p.length();
    return new Html(pieces.clone(), n);
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
    if (!validName(name, false)) throw new IllegalArgumentException("bad tag name " + name);
    Markup b = new Markup();
    b.text.append('<').append(name);
    attributes(b.text, attrs.pairs());
    b.text.append('>');
    for (Object c : children) append(b, c);
    b.text.append("</").append(name).append('>');
    return b.html();
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
    Markup b = new Markup();
    for (Object p : parts) append(b, p);
    return b.html();
  }

  /**
   * Markup being made: short pieces copied into {@code text}, a long fragment ({@link #KEPT}) kept
   * as it is between them.
   */
  private static final class Markup {
    final StringBuilder text = new StringBuilder();
    private List<Object> parts; // null until a fragment is kept
    private int length;

    void add(Html h) {
      if (h.parts == null && h.length < KEPT) {
        text.append(h.markup);
        return;
      }
      if (parts == null) parts = new ArrayList<>();
      if (text.length() > 0) {
        parts.add(text.toString());
        length += text.length();
        text.setLength(0);
      }
      parts.add(h);
      length += h.length;
    }

    Html html() {
      if (parts == null) return new Html(text.toString());
      if (text.length() > 0) {
        parts.add(text.toString());
        length += text.length();
      }
      return new Html(parts.toArray(), length);
    }
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

  /**
   * Whether {@code s} is a tag name ({@code [a-z][a-z0-9]*}) or an attribute name ({@code
   * [a-z][a-z0-9-]*}): checked for every element of a brief, so without a regular expression.
   */
  private static boolean validName(String s, boolean attribute) {
    if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') return false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || attribute && c == '-')) return false;
    }
    return true;
  }

  private static void attributes(StringBuilder b, List<String> attrs) {
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      String n = attrs.get(i);
      String v = attrs.get(i + 1);
      if (!validName(n, true)) throw new IllegalArgumentException("bad attribute name " + n);
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

  private static void append(Markup b, Object c) {
    if (c == null) return;
    if (c instanceof Html h) b.add(h);
    else if (c instanceof Iterable<?> it) for (Object x : it) append(b, x);
    else if (c instanceof Object[] arr) for (Object x : arr) append(b, x);
    else if (c instanceof Cell cell) append(b, cell.content);
    else b.text.append(escape(String.valueOf(c)));
  }

  /** Appends the markup to {@code b}: a fragment in parts is copied once, here. */
  void appendTo(StringBuilder b) {
    if (parts == null) {
      b.append(markup);
      return;
    }
    for (Object p : parts) {
      if (p instanceof Html h) h.appendTo(b);
      else b.append((String) p);
    }
  }

  /** The markup. */
  @Override
  public String toString() {
    if (parts == null) return markup;
    StringBuilder b = new StringBuilder(length);
    appendTo(b);
    return b.toString();
  }

  public boolean isEmpty() {
    return length == 0;
  }
}
