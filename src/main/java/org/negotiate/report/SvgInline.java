package org.negotiate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chart's SVG file (as {@link ChartKit} writes it with JFreeSVG) made fit to sit inside an HTML
 * page: the XML prolog, DOCTYPE and comments removed; every {@code id} prefixed with the chart's
 * name (two charts drawn in the same millisecond could otherwise share clip-path ids, and the
 * second chart would be clipped by the first one's paths); JFreeSVG's own namespace and attributes
 * dropped; and the fixed {@code width}/{@code height} replaced by a {@code viewBox}, so the chart
 * scales to the page's width. Text in the SVG was escaped by JFreeSVG when the chart was drawn;
 * anything that could run or load (script, foreignObject, event handlers, external references) is
 * refused rather than embedded.
 *
 * <p>Each step is a hand-written scan with {@code indexOf} rather than a regular expression: the
 * brief inlines about 1.5 MB of SVG (a utility plane alone is 0.9 MB), and the regular expressions
 * were the largest cost of writing it. Each scan matches exactly what the regular expression in its
 * comment matched (the old version is the test oracle, {@code SvgInlineRegex}).
 */
public final class SvgInline {
  /** Only the one {@code <svg>} tag goes through these: a few hundred characters. */
  private static final Pattern SVG_OPEN = Pattern.compile("<svg\\b[^>]*>");

  private static final Pattern DIMENSION = Pattern.compile("\\s(width|height)=(['\"])([0-9.]+)\\2");

  private static final String[] UNSAFE_ELEMENTS = {
    "script",
    "foreignobject",
    "iframe",
    "object",
    "embed",
    "image",
    "use",
    "a",
    "style",
    "animate",
    "set"
  };

  private SvgInline() {}

  /**
   * Reads {@code file} and returns it ready to inline; {@code name} prefixes its ids and labels it.
   * A chart prepared ahead for this thread's brief ({@link Ahead#using}) with the same name and the
   * same text is not scanned again.
   */
  public static Html read(Path file, String name, String description) throws IOException {
    Ahead ahead = AHEAD.get();
    Prepared p = ahead == null ? null : ahead.byFile.get(key(file));
    // the same bytes decode to the text it was prepared from: no need to decode them again
    if (p != null && p.name.equals(name) && Arrays.equals(Files.readAllBytes(file), p.source))
      return p.html(description);
    return of(Files.readString(file, StandardCharsets.UTF_8), name, description);
  }

  /** As {@link #read}, from the SVG text. */
  public static Html of(String svg, String name, String description) {
    return prepare(svg, name).html(description);
  }

  /**
   * An SVG text with every scan done: what is left is to label it ({@link #html}), which is cheap.
   */
  static final class Prepared {
    private final byte[] source; // the file's bytes, for a prepared chart (else null)
    private final String name;
    private final String head; // before the <svg> tag
    private final String tag; // the <svg> tag without its closing '>' and label
    private final String tail; // after it

    private Prepared(byte[] source, String name, String head, String tag, String tail) {
      this.source = source;
      this.name = name;
      this.head = head;
      this.tag = tag;
      this.tail = tail;
    }

    Prepared from(byte[] file) {
      return new Prepared(file, name, head, tag, tail);
    }

    Html html(String description) {
      String label =
          " class='chart' role='img' preserveAspectRatio='xMidYMid meet' aria-label=\""
              + Html.escape(description)
              + "\">";
      // in pieces: the page copies the drawing once, when it is written
      return Html.raw(head, tag + label, tail);
    }
  }

  /**
   * Charts made ready to inline on the threads that drew them, while the command still runs, for
   * the brief it writes at the end: the brief's own thread would otherwise scan every SVG (1.5 MB
   * for the odds brief) after everything else is done. {@link #read} uses a prepared chart only
   * inside {@link #using} on the brief's thread, and only when the file still holds the text it was
   * prepared from, so the brief is the same with or without it.
   */
  public static final class Ahead {
    private final Map<Path, Prepared> byFile = new ConcurrentHashMap<>();

    /**
     * Prepares every SVG among {@code files} (a chart's PNG and SVG), named by its file name, and
     * returns {@code files}; an SVG the brief would refuse is left for the brief to refuse.
     */
    public List<Path> prepare(List<Path> files) throws IOException {
      return prepare(files, Map.of());
    }

    /**
     * Runs {@code charts} (which writes charts through {@link ChartKit#save}) and prepares the SVGs
     * among the files it returns, as {@link #prepare(List)}; the text of an SVG it wrote on this
     * thread is taken as written instead of read back from the file.
     */
    public List<Path> prepare(Output<List<Path>> charts) throws IOException {
      Map<Path, Written> written = new HashMap<>();
      Map<Path, Written> before = WRITTEN.get();
      WRITTEN.set(written);
      List<Path> files;
      try {
        files = charts.get();
      } finally {
        if (before == null) WRITTEN.remove();
        else WRITTEN.set(before);
      }
      return prepare(files, written);
    }

    private List<Path> prepare(List<Path> files, Map<Path, Written> written) throws IOException {
      for (Path f : files) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".svg")) continue;
        Written w = written.get(key(f));
        // a text with surrogates is read back: what the file decodes to may differ from it
        String scan = w == null ? null : latin1(w.text);
        boolean asWritten = scan != null && !surrogates(w.text, scan);
        byte[] bytes = asWritten ? w.bytes : Files.readAllBytes(f);
        String svg = asWritten ? w.text : Files.readString(f, StandardCharsets.UTF_8);
        try {
          String name = file.substring(0, file.length() - 4);
          Prepared p =
              asWritten ? SvgInline.prepare(svg, scan, name) : SvgInline.prepare(svg, name);
          byFile.put(key(f), p.from(bytes));
        } catch (IllegalArgumentException e) {
          // the brief reads it again and says why it cannot be embedded
        }
      }
      return files;
    }

    /** Runs {@code brief} with these charts at hand for {@link #read} on this thread. */
    public <T> T using(Output<T> brief) throws IOException {
      Ahead before = AHEAD.get();
      AHEAD.set(this);
      try {
        return brief.get();
      } finally {
        if (before == null) AHEAD.remove();
        else AHEAD.set(before);
      }
    }

    /** What {@link #using} runs. */
    @FunctionalInterface
    public interface Output<T> {
      T get() throws IOException;
    }
  }

  /** The charts prepared for the brief being written on this thread, if any. */
  private static final ThreadLocal<Ahead> AHEAD = new ThreadLocal<>();

  /** An SVG file's text and the bytes written for it. */
  private record Written(String text, byte[] bytes) {}

  /** The SVGs written on this thread inside {@link Ahead#prepare(Ahead.Output)}, by file. */
  private static final ThreadLocal<Map<Path, Written>> WRITTEN = new ThreadLocal<>();

  /**
   * Writes {@code text} to {@code file} as UTF-8 and, inside {@link Ahead#prepare(Ahead.Output)} on
   * this thread, keeps it for preparing.
   */
  static void write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Files.write(file, bytes);
    Map<Path, Written> written = WRITTEN.get();
    if (written != null) written.put(key(file), new Written(text, bytes));
  }

  /**
   * Whether {@code s} holds a surrogate, given {@code scan} = {@link #latin1}{@code (s)}: only
   * where the scan has '?' can it.
   */
  private static boolean surrogates(String s, String scan) {
    for (int at = scan.indexOf('?'); at >= 0; at = scan.indexOf('?', at + 1))
      if (Character.isSurrogate(s.charAt(at))) return true;
    return false;
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }

  /** Every scan of {@link #of}, the label left for {@link Prepared#html}. */
  static Prepared prepare(String svg, String name) {
    Prepared p = jfreeSvg(svg, latin1(svg), name);
    return p != null ? p : general(svg, name);
  }

  /** As {@link #prepare(String, String)}, with {@code scan} = {@link #latin1}{@code (svg)}. */
  private static Prepared prepare(String svg, String scan, String name) {
    Prepared p = jfreeSvg(svg, scan, name);
    return p != null ? p : general(svg, name);
  }

  /**
   * The DOCTYPE line JFreeSVG writes before the {@code <svg>} tag ({@code SVGUtils.writeToSVG}).
   */
  static final String JFREE_DOCTYPE =
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
          + " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n";

  /**
   * {@link #general}'s result by a shorter way, for text shaped as JFreeSVG writes it: an optional
   * {@link #JFREE_DOCTYPE}, then an {@code <svg} tag of plain attributes ({@code name='value'}, no
   * quote, angle bracket or white space in a value) ending in {@code >}, then the drawing, in which
   * none of {@code <?}, {@code <!}, {@code -->}, {@code jfreesvg} or {@code xlink} occurs. Then
   * every removal happens in the few hundred characters before the drawing and no removal's scan
   * crosses the tag's {@code >} (each such scan stops at a {@code >}, a closing quote of that tag,
   * or an occurrence the drawing does not hold), so the removals are done on the head alone; the
   * drawing is checked and its ids prefixed over a Latin-1 copy of the text (the same length, every
   * character outside Latin-1 made {@code ?}), so the scans run on the JDK's Latin-1 string paths;
   * what depends on a character's class (word boundaries) and every piece of output is taken from
   * the text itself. Null when the text is not so shaped (then {@link #general} does it).
   */
  private static Prepared jfreeSvg(String svg, String scan, String name) {
    int start = svg.startsWith(JFREE_DOCTYPE) ? JFREE_DOCTYPE.length() : 0;
    if (!svg.startsWith("<svg ", start)) return null;
    int k = plainTagEnd(svg, start + 4);
    if (k < 0) return null;
    String head = svg.substring(0, k);
    if (head.contains("id=") || head.contains("url(") || head.contains("href")) return null;
    if (scan == null) return null;
    for (String absent : DRAWING_ABSENT) if (scan.indexOf(absent, k) >= 0) return null;
    String h = withoutJFreeAttributes(withoutComments(withoutDoctype(withoutProlog(head))));
    if (!h.contains("xlink:href"))
      h =
          h.replace(" xmlns:xlink='http://www.w3.org/1999/xlink'", "")
              .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
    if (!h.endsWith(">") || h.contains("id=") || h.contains("url(") || h.contains("href"))
      return null;
    Matcher open = SVG_OPEN.matcher(h);
    if (!open.find() || open.end() != h.length()) return null;
    refuseUnsafe(h, h, 0, name);
    refuseUnsafe(svg, scan, k, name);
    Set<String> ids = ids(svg, scan, k);
    String prefix = name.replaceAll("[^A-Za-z0-9]", "") + "-";
    // stripped of trailing white space before it is copied (as String.stripTrailing decides it);
    // no id or reference ends in white space, so none is cut
    int end = svg.length();
    for (int cp; end > k && Character.isWhitespace(cp = svg.codePointBefore(end)); )
      end -= Character.charCount(cp);
    return new Prepared(
        null,
        name,
        h.substring(0, open.start()).stripLeading(),
        withoutDimensions(open.group()),
        ids.isEmpty() ? svg.substring(k, end) : prefixed(svg, scan, k, end, ids, prefix));
  }

  /** What the drawing after a JFreeSVG {@code <svg>} tag must not hold for {@link #jfreeSvg}. */
  private static final String[] DRAWING_ABSENT = {"<?", "<!", "-->", "jfreesvg", "xlink"};

  /**
   * Where the tag whose attributes start at {@code i} ends (after its {@code >}), when every
   * attribute is {@code ␣name='value'} or {@code ␣name="value"} with a name of letters, digits,
   * {@code :}, {@code _} or {@code -} and a value without quotes, angle brackets, {@code &} or
   * white space; else -1.
   */
  private static int plainTagEnd(String s, int i) {
    int n = Math.min(s.length(), i + 4096);
    while (i < n) {
      char c = s.charAt(i);
      if (c == '>') return i + 1;
      if (c != ' ') return -1;
      int j = i + 1;
      while (j < n && nameChar(s.charAt(j))) j++;
      if (j == i + 1 || j + 1 >= n || s.charAt(j) != '=' || !quote(s.charAt(j + 1))) return -1;
      char q = s.charAt(j + 1);
      j += 2;
      while (j < n && valueChar(s.charAt(j))) j++;
      if (j >= n || s.charAt(j) != q) return -1;
      i = j + 1;
    }
    return -1;
  }

  private static boolean nameChar(char c) {
    return asciiLetter(c) || (c >= '0' && c <= '9') || c == ':' || c == '_' || c == '-';
  }

  private static boolean valueChar(char c) {
    return c > ' ' && c < 0x7F && !quote(c) && c != '<' && c != '>' && c != '&';
  }

  /**
   * {@code s} with every character outside Latin-1 made {@code ?}, the same length; {@code s}
   * itself when it is all Latin-1 already; null when a surrogate pair would shorten it.
   */
  private static String latin1(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length != s.length()) return null;
    String scan = new String(b, StandardCharsets.ISO_8859_1);
    // equal only when s is Latin-1 itself (a UTF-16 string never equals a Latin-1 one)
    return scan.equals(s) ? s : scan;
  }

  /** The whole general way: each removal over the whole text, then the checks and the ids. */
  static Prepared general(String svg, String name) {
    String s = withoutProlog(svg);
    s = withoutDoctype(s);
    s = withoutComments(s);
    s = withoutJFreeAttributes(s);
    if (!s.contains("xlink:href"))
      s =
          s.replace(" xmlns:xlink='http://www.w3.org/1999/xlink'", "")
              .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
    refuseUnsafe(s, s, 0, name);
    String prefix = name.replaceAll("[^A-Za-z0-9]", "") + "-";
    Set<String> ids = ids(s);
    if (!ids.isEmpty()) s = prefixed(s, ids, prefix);
    Matcher open = SVG_OPEN.matcher(s);
    if (!open.find())
      throw new IllegalArgumentException("chart " + name + " is not an SVG document");
    // the whole was stripped of surrounding white space; the tag in the middle is never blank
    return new Prepared(
        null,
        name,
        s.substring(0, open.start()).stripLeading(),
        withoutDimensions(open.group()),
        s.substring(open.end()).stripTrailing());
  }

  /** The {@code <svg>} tag without its width, height and closing '>', with a viewBox. */
  private static String withoutDimensions(String tag) {
    double w = 0;
    double h = 0;
    Matcher d = DIMENSION.matcher(tag);
    while (d.find()) {
      double v = Double.parseDouble(d.group(3));
      if (d.group(1).equals("width")) w = v;
      else h = v;
    }
    String newTag = DIMENSION.matcher(tag).replaceAll("");
    String viewBox = "";
    if (!newTag.contains("viewBox") && w > 0 && h > 0) {
      viewBox = String.format(Locale.ROOT, " viewBox='0 0 %s %s'", num(w), num(h));
    }
    return newTag.substring(0, newTag.length() - 1) + viewBox;
  }

  // ---------------------------------------------------------------------------------------------
  // Removals, each as replaceAll("") of its regular expression did it: leftmost matches, the
  // search going on after each match's end (or one character on, where no match starts).

  /** {@code <\?xml[^>]*\?>}. */
  static String withoutProlog(String s) {
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    int at;
    while ((at = s.indexOf("<?xml", from)) >= 0) {
      int gt = s.indexOf('>', at + 5);
      if (gt < 0) break; // no '>' left: no later match either
      if (gt - 1 >= at + 5 && s.charAt(gt - 1) == '?') {
        if (out == null) out = new StringBuilder(s.length());
        out.append(s, copied, at);
        copied = gt + 1;
        from = gt + 1;
      } else {
        from = at + 1;
      }
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** {@code <!DOCTYPE[^>]*>}, case-insensitive (ASCII). */
  static String withoutDoctype(String s) {
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    int at;
    while ((at = s.indexOf("<!", from)) >= 0) {
      if (!asciiIgnoreCase(s, at + 2, "doctype")) {
        from = at + 1;
        continue;
      }
      int gt = s.indexOf('>', at + 9);
      if (gt < 0) break;
      if (out == null) out = new StringBuilder(s.length());
      out.append(s, copied, at);
      copied = gt + 1;
      from = gt + 1;
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** {@code <!--.*?-->}, across lines. */
  static String withoutComments(String s) {
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    int at;
    while ((at = s.indexOf("<!--", from)) >= 0) {
      int end = s.indexOf("-->", at + 4);
      if (end < 0) break;
      if (out == null) out = new StringBuilder(s.length());
      out.append(s, copied, at);
      copied = end + 3;
      from = end + 3;
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** {@code \s(xmlns:)?jfreesvg(:[A-Za-z-]+)?=(['"])[^'"]*\3}. */
  static String withoutJFreeAttributes(String s) {
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    int at;
    while ((at = s.indexOf("jfreesvg", from)) >= 0) {
      int start = -1;
      if (at >= 1 && space(s.charAt(at - 1))) start = at - 1;
      else if (at >= 7 && s.startsWith("xmlns:", at - 6) && space(s.charAt(at - 7))) start = at - 7;
      int end = start < 0 || start < copied ? -1 : jfreeAttributeEnd(s, at + 8);
      if (end < 0) {
        from = at + 1;
        continue;
      }
      if (out == null) out = new StringBuilder(s.length());
      out.append(s, copied, start);
      copied = end;
      from = end;
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** After "jfreesvg": {@code (:[A-Za-z-]+)?=(['"])[^'"]*\3}; where the match ends, or -1. */
  private static int jfreeAttributeEnd(String s, int i) {
    int n = s.length();
    if (i < n && s.charAt(i) == ':') {
      int j = i + 1;
      while (j < n && (asciiLetter(s.charAt(j)) || s.charAt(j) == '-')) j++;
      // the group needs one letter at least; without it the '=' must come at once
      if (j > i + 1) i = j;
    }
    if (i >= n || s.charAt(i) != '=') return -1;
    i++;
    if (i >= n) return -1;
    char q = s.charAt(i);
    if (q != '\'' && q != '"') return -1;
    int j = i + 1;
    while (j < n && s.charAt(j) != '\'' && s.charAt(j) != '"') j++;
    return j < n && s.charAt(j) == q ? j + 1 : -1;
  }

  // ---------------------------------------------------------------------------------------------
  // What must not be embedded

  /**
   * Every tag ({@code <[^>]*>?}: text between tags is escaped by JFreeSVG, so every {@code <}
   * starts one) checked for what must not be in it.
   */
  private static void refuseUnsafe(String s, String scan, int from, String name) {
    int at;
    while ((at = scan.indexOf('<', from)) >= 0) {
      int gt = scan.indexOf('>', at + 1);
      int end = gt < 0 ? s.length() : gt + 1;
      if (unsafe(s, scan, at, end)) {
        String t = s.substring(at, end);
        throw new IllegalArgumentException(
            "chart "
                + name
                + " holds something a report must not embed: "
                + t.substring(0, Math.min(t.length(), 60)));
      }
      from = end;
    }
  }

  /**
   * Whether the tag {@code s[from, to)} holds, case-insensitively (ASCII): an element that runs or
   * embeds ({@code
   * ^</?(?:script|foreignobject|iframe|object|embed|image|use|a|style|animate|set)\b}), an event
   * handler ({@code \son[a-z]+\s*=}), {@code javascript:}, a reference that is not in-page ({@code
   * (?:href|src)\s*=\s*['"](?!#)}, {@code url\((?!['"]?#)}).
   */
  static boolean unsafe(String s, int from, int to) {
    return unsafe(s, s, from, to);
  }

  /**
   * {@link #unsafe(String, int, int)} with the characters compared read from {@code scan} (a
   * Latin-1 copy of {@code s}, see {@link #latin1}: every comparison is with an ASCII character
   * other than '?') and word boundaries decided on {@code s}.
   */
  private static boolean unsafe(String s, String scan, int from, int to) {
    int i = from + 1;
    if (i < to && scan.charAt(i) == '/') i++;
    for (String e : UNSAFE_ELEMENTS) {
      int end = i + e.length();
      if (end <= to && asciiIgnoreCase(scan, i, e) && (end == to || !word(s, end, to))) return true;
    }
    for (int k = from; k < to; k++) {
      char c = scan.charAt(k);
      switch (c) {
        case 'o', 'O' -> {
          if (k > from
              && space(scan.charAt(k - 1))
              && k + 1 < to
              && lower(scan.charAt(k + 1)) == 'n') {
            int j = k + 2;
            while (j < to && asciiLetter(scan.charAt(j))) j++;
            if (j > k + 2) {
              while (j < to && space(scan.charAt(j))) j++;
              if (j < to && scan.charAt(j) == '=') return true;
            }
          }
        }
        case 'j', 'J' -> {
          if (k + 11 <= to && asciiIgnoreCase(scan, k, "javascript:")) return true;
        }
        case 'h', 'H' -> {
          if (k + 4 <= to && asciiIgnoreCase(scan, k, "href") && outsideReference(scan, k + 4, to))
            return true;
        }
        case 's', 'S' -> {
          if (k + 3 <= to && asciiIgnoreCase(scan, k, "src") && outsideReference(scan, k + 3, to))
            return true;
        }
        case 'u', 'U' -> {
          if (k + 4 <= to && asciiIgnoreCase(scan, k, "url(")) {
            int j = k + 4;
            boolean inPage =
                j < to
                    && (scan.charAt(j) == '#'
                        || (quote(scan.charAt(j)) && j + 1 < to && scan.charAt(j + 1) == '#'));
            if (!inPage) return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }

  /** After href or src: {@code \s*=\s*['"](?!#)}. */
  private static boolean outsideReference(String s, int j, int to) {
    while (j < to && space(s.charAt(j))) j++;
    if (j >= to || s.charAt(j) != '=') return false;
    j++;
    while (j < to && space(s.charAt(j))) j++;
    if (j >= to || !quote(s.charAt(j))) return false;
    return j + 1 >= to || s.charAt(j + 1) != '#';
  }

  /**
   * Whether the character at {@code i} (of a tag ending at {@code to}) continues a word for {@code
   * \b}, as {@link Pattern} decides it: a letter, digit or underscore (a whole code point), or a
   * non-spacing mark after one (here always the case: a letter comes before it).
   */
  private static boolean word(String s, int i, int to) {
    int cp = codePointAt(s, i, to);
    return cp == '_'
        || Character.isLetterOrDigit(cp)
        || Character.getType(cp) == Character.NON_SPACING_MARK;
  }

  /** The code point at {@code i}, a surrogate pair only when both halves are before {@code to}. */
  private static int codePointAt(String s, int i, int to) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1)))
      return Character.toCodePoint(c, s.charAt(i + 1));
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // Ids

  /** The ids declared: {@code \bid=(['"])([^'"]+)\1}. */
  static Set<String> ids(String s) {
    return ids(s, s, 0);
  }

  /** {@link #ids(String)} from {@code from} on, scanning {@code scan} (see {@link #unsafe}). */
  private static Set<String> ids(String s, String scan, int from) {
    Set<String> ids = new HashSet<>();
    int at;
    while ((at = scan.indexOf("id=", from)) >= 0) {
      from = at + 1;
      if (at > 0 && wordBefore(s, at)) continue;
      int q = at + 3;
      if (q >= s.length() || !quote(scan.charAt(q))) continue;
      int end = nextQuote(scan, q + 1);
      if (end < 0 || end == q + 1 || scan.charAt(end) != scan.charAt(q)) continue;
      ids.add(s.substring(q + 1, end));
      from = end + 1;
    }
    return ids;
  }

  /**
   * Every {@code id='X'}, {@code id="X"}, {@code url(#X)}, {@code href='#X'} and {@code href="#X"}
   * of a known id with {@code prefix} put before X, in one pass (a chart of 100 actors is 10 MB of
   * SVG): {@code id=(['"])([^'"]*)\1|url\(#([^)]*)\)|href=(['"])#([^'"]*)\4}.
   */
  static String prefixed(String s, Set<String> ids, String prefix) {
    return prefixed(s, s, 0, s.length(), ids, prefix);
  }

  /**
   * {@link #prefixed(String, Set, String)} of {@code s[from, to)} (what is outside it left out; no
   * match crosses {@code to}), scanning {@code scan} (see {@link #unsafe}).
   */
  private static String prefixed(
      String s, String scan, int from, int to, Set<String> ids, String prefix) {
    StringBuilder out = new StringBuilder(to - from + 64 * ids.size());
    if (scan != s) {
      // a builder that starts as Latin-1 copies a UTF-16 text into itself one character at a time;
      // made UTF-16 first, it copies whole runs
      out.append('\u0100').setLength(0);
    }
    int copied = from;
    int n = to;
    int k = from;
    // where each of the three shapes next starts at or after k (-1: nowhere): k jumps from one to
    // the next instead of stepping through every character between them
    int nextId = -2;
    int nextUrl = -2;
    int nextHref = -2;
    while (k < n) {
      if (nextId != -1 && nextId < k) nextId = scan.indexOf("id=", k);
      if (nextUrl != -1 && nextUrl < k) nextUrl = scan.indexOf("url(#", k);
      if (nextHref != -1 && nextHref < k) nextHref = scan.indexOf("href=", k);
      int next = nextId;
      if (nextUrl >= 0 && (next < 0 || nextUrl < next)) next = nextUrl;
      if (nextHref >= 0 && (next < 0 || nextHref < next)) next = nextHref;
      if (next < 0 || next >= n) break;
      k = next;
      char c = scan.charAt(k);
      int idStart = -1; // where the id begins
      int idEnd = -1;
      int end = -1; // where the match ends
      if (c == 'i' && scan.startsWith("id=", k) && k + 3 < n && quote(scan.charAt(k + 3))) {
        int q = nextQuote(scan, k + 4);
        if (q >= 0 && scan.charAt(q) == scan.charAt(k + 3)) {
          idStart = k + 4;
          idEnd = q;
          end = q + 1;
        }
      } else if (c == 'u' && scan.startsWith("url(#", k)) {
        int close = scan.indexOf(')', k + 5);
        if (close >= 0) {
          idStart = k + 5;
          idEnd = close;
          end = close + 1;
        }
      } else if (c == 'h'
          && scan.startsWith("href=", k)
          && k + 6 < n
          && quote(scan.charAt(k + 5))) {
        if (scan.charAt(k + 6) == '#') {
          int q = nextQuote(scan, k + 7);
          if (q >= 0 && scan.charAt(q) == scan.charAt(k + 5)) {
            idStart = k + 7;
            idEnd = q;
            end = q + 1;
          }
        }
      }
      if (end < 0) {
        k++;
        continue;
      }
      if (ids.contains(s.substring(idStart, idEnd))) {
        out.append(s, copied, idStart).append(prefix);
        copied = idStart;
      }
      k = end;
    }
    return out.append(s, copied, n).toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Characters

  /** Whether {@code s} holds {@code lowerCase} at {@code at}, ignoring ASCII case only. */
  private static boolean asciiIgnoreCase(String s, int at, String lowerCase) {
    if (at < 0 || at + lowerCase.length() > s.length()) return false;
    for (int i = 0; i < lowerCase.length(); i++)
      if (lower(s.charAt(at + i)) != lowerCase.charAt(i)) return false;
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static boolean asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static boolean quote(char c) {
    return c == '\'' || c == '"';
  }

  /** The first ' or " at or after {@code from}, or -1. */
  private static int nextQuote(String s, int from) {
    for (int i = from; i < s.length(); i++) if (quote(s.charAt(i))) return i;
    return -1;
  }

  /**
   * For {@code \b} before "id=" at {@code at}: whether the code point before it is a word
   * character, or a non-spacing mark that follows one (through any other marks), as {@link Pattern}
   * decides it.
   */
  private static boolean wordBefore(String s, int at) {
    int cp = Character.codePointBefore(s, at);
    if (cp == '_' || Character.isLetterOrDigit(cp)) return true;
    if (Character.getType(cp) != Character.NON_SPACING_MARK) return false;
    for (int x = at - 1; x >= 0; x--) {
      int c = Character.codePointAt(s, x);
      if (Character.isLetterOrDigit(c)) return true;
      if (Character.getType(c) != Character.NON_SPACING_MARK) return false;
    }
    return false;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
