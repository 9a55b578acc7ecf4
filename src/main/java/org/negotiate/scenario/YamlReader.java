package org.negotiate.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;

/**
 * Reads a YAML file into a positioned {@link YamlNode} tree with Jackson's streaming parser. Every
 * failure here is fatal and reported as exactly one {@link Problem}.
 */
final class YamlReader {

  static final int MAX_BYTES = (int) Limits.MAX_FILE_BYTES;
  static final int MAX_DEPTH = Limits.MAX_DEPTH;

  /** SnakeYAML's own backstop; the reader rejects every alias itself. */
  static final int MAX_ALIASES = 50;

  static final int MAX_TOKENS = Limits.MAX_VALUES;

  /** The parser factory with the reader's limits, for the other YAML files of a scenario folder. */
  static final YAMLFactory FACTORY = factory();

  private static YAMLFactory factory() {
    LoaderOptions lo = new LoaderOptions();
    lo.setMaxAliasesForCollections(MAX_ALIASES);
    lo.setNestingDepthLimit(MAX_DEPTH);
    lo.setCodePointLimit(MAX_BYTES);
    lo.setAllowDuplicateKeys(true); // detected and reported by the loader itself
    lo.setAllowRecursiveKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(lo)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH + 10)
                .maxStringLength(MAX_BYTES)
                .maxNumberLength(100)
                .build())
        .build();
  }

  /** The parsed tree and the source text it came from. */
  record Result(YamlNode root, String source) {}

  private record Tok(JsonToken type, String text, int line, int col, int cp, boolean alias) {}

  private final String file;
  private final EvidenceRef.Seeds seeds;
  private YamlNode.Origin origin;
  private String source;
  private int[] cpToChar; // null when the source has no surrogate pairs
  private List<Tok> toks;
  private int i;

  private YamlReader(String file, EvidenceRef.Seeds seeds) {
    this.file = file;
    this.seeds = seeds;
  }

  static Result read(String file, byte[] bytes) throws ScenarioException {
    return read(file, bytes, null);
  }

  /**
   * Reads {@code bytes}; every node of the tree carries an {@link YamlNode.Origin} naming {@code
   * file}, its text and {@code seeds} (the folder its evidence is checked against, or null).
   */
  static Result read(String file, byte[] bytes, EvidenceRef.Seeds seeds) throws ScenarioException {
    return new YamlReader(file, seeds).run(bytes);
  }

  private Result run(byte[] bytes) throws ScenarioException {
    String large = Limits.fileTooLarge(bytes.length);
    if (large != null) throw fatal(0, 0, large);
    source = decode(bytes);
    origin = new YamlNode.Origin(file, source, seeds);
    checkCharacters();
    noTagsOnKeys();
    tokenize();
    if (toks.isEmpty()) throw fatal(1, 1, "empty scenario file");
    Tok first = toks.get(0);
    if (first.type != JsonToken.START_OBJECT) {
      throw fatal(
          first.line,
          first.col,
          "expected the scenario's keys (name:, issues:, actors:, ...) at the top level, got "
              + (first.type == JsonToken.START_ARRAY ? "a list" : "a single value"));
    }
    i = 0;
    YamlNode root = node();
    if (i < toks.size()) {
      Tok t = toks.get(i);
      throw fatal(
          t.line,
          t.col,
          "a scenario file must hold exactly one YAML document (found another one here)");
    }
    return new Result(root, source);
  }

  // ---------------------------------------------------------------- decoding

  private String decode(byte[] bytes) throws ScenarioException {
    int off =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, off, bytes.length - off);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = dec.decode(in, out, true);
    if (!r.isError()) r = dec.flush(out);
    if (r.isError()) {
      int bad = in.position();
      int line = 1, lineStart = off;
      for (int k = off; k < bad; k++) {
        if (bytes[k] == '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      String col = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
      throw fatal(
          line,
          col.codePointCount(0, col.length()) + 1,
          String.format(
              "not UTF-8 text (byte 0x%02X); a scenario file must be UTF-8 encoded",
              bytes[bad] & 0xff));
    }
    out.flip();
    String s = out.toString();
    boolean surrogates = false;
    for (int k = 0; k < s.length() && !surrogates; k++)
      surrogates = Character.isSurrogate(s.charAt(k));
    if (surrogates) {
      cpToChar = new int[s.codePointCount(0, s.length()) + 1];
      int c = 0, k = 0;
      while (k < s.length()) {
        cpToChar[c++] = k;
        k += Character.charCount(s.codePointAt(k));
      }
      cpToChar[c] = k;
    }
    return s;
  }

  private void checkCharacters() throws ScenarioException {
    int line = 1, col = 1;
    for (int k = 0; k < source.length(); k++) {
      char c = source.charAt(k);
      if (c == '\n') {
        line++;
        col = 1;
        continue;
      }
      if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f || c == 0xFFFE || c == 0xFFFF) {
        throw fatal(
            line,
            col,
            String.format(
                "control character U+%04X: this looks like a binary file, not YAML text", (int) c));
      }
      if (!Character.isLowSurrogate(c)) col++;
    }
  }

  /**
   * The raw text is checked by {@link #checkCharacters}; this checks what YAML's escapes made of it
   * ({@code "\e[2J"}, {@code "\0"}, {@code "\x85"}): a control character would reach the charts'
   * XML (where it is ill-formed), the brief and a terminal. A line break or tab in a value is text.
   */
  private void controlCharacter(String text, boolean key, int line, int col)
      throws ScenarioException {
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      boolean allowed = !key && (c == '\n' || c == '\t');
      if (!allowed
          && (c < 0x20
              || (c >= 0x7f && c <= 0x9f)
              || c == 0xFFFE
              || c == 0xFFFF
              || (Character.isSurrogate(c) && !validSurrogate(text, k)))) {
        throw fatal(
            line,
            col,
            String.format(
                "%s holds the control character U+%04X (written as an escape); "
                    + "scenario text must be printable",
                key ? "a key" : "a value", (int) c));
      }
    }
  }

  private static boolean validSurrogate(String s, int k) {
    char c = s.charAt(k);
    if (Character.isHighSurrogate(c))
      return k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1));
    return k > 0 && Character.isHighSurrogate(s.charAt(k - 1));
  }

  /**
   * A tag on a key ({@code ? !!java.lang.Runtime name}) is not visible in the parser's tokens that
   * {@link #tokenize} reads, so the file's YAML tokens are scanned for tags first (only when the
   * text has a '!' at all). Syntax errors are left to {@link #tokenize}, which words them.
   */
  private void noTagsOnKeys() throws ScenarioException {
    if (source.indexOf('!') < 0) return;
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    try {
      org.yaml.snakeyaml.scanner.ScannerImpl scanner =
          new org.yaml.snakeyaml.scanner.ScannerImpl(
              new org.yaml.snakeyaml.reader.StreamReader(source), options);
      boolean key = false;
      while (!scanner.checkToken(org.yaml.snakeyaml.tokens.Token.ID.StreamEnd)) {
        org.yaml.snakeyaml.tokens.Token tok = scanner.getToken();
        if (tok instanceof org.yaml.snakeyaml.tokens.KeyToken) {
          key = true;
        } else if (tok instanceof org.yaml.snakeyaml.tokens.TagToken tag && key) {
          org.yaml.snakeyaml.error.Mark m = tag.getStartMark();
          org.yaml.snakeyaml.tokens.TagTuple v = tag.getValue();
          String shown = (v.getHandle() == null ? "!" : v.getHandle()) + v.getSuffix();
          throw fatal(
              m.getLine() + 1,
              m.getColumn() + 1,
              "YAML tags ("
                  + shown
                  + ") are not allowed in scenario files, "
                  + "on keys or values; write the plain key");
        } else {
          key = false;
        }
      }
    } catch (ScenarioException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // a syntax error: tokenize reports it with its own wording
    }
  }

  private int charIndex(int cp) {
    if (cpToChar == null) return Math.min(cp, source.length());
    return cp < cpToChar.length ? cpToChar[cp] : source.length();
  }

  // ---------------------------------------------------------------- tokens

  private void tokenize() throws ScenarioException {
    toks = new ArrayList<>();
    int depth = 0;
    try (YAMLParser p = FACTORY.createParser(source)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        JsonLocation loc = p.currentTokenLocation();
        int line = Math.max(1, loc.getLineNr());
        int col = Math.max(1, loc.getColumnNr());
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          if (++depth > MAX_DEPTH)
            throw fatal(line, col, "nested more than " + MAX_DEPTH + " levels deep");
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        }
        // keys too: "? !!java.lang.Runtime name" tags a key
        Object tag = t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY ? null : p.getTypeId();
        if (tag != null) {
          // Nothing in a scenario is typed by the file: no class is ever named, looked up or made
          // from it.
          String t0 = String.valueOf(tag);
          String shown =
              t0.startsWith("tag:yaml.org,2002:")
                  ? "!!" + t0.substring(18)
                  : t0.startsWith("!") ? t0 : "!" + t0;
          throw fatal(
              line,
              col,
              "YAML tags (" + shown + ") are not allowed in scenario files; write the plain value");
        }
        boolean alias = p.isCurrentAlias();
        if (alias) {
          throw fatal(
              line,
              col,
              "YAML aliases (*"
                  + p.getText()
                  + ") are not allowed in scenario files; "
                  + "write the value out in full");
        }
        if (toks.size() >= MAX_TOKENS) {
          throw fatal(
              line,
              col,
              "too many values in one file (at most "
                  + MAX_TOKENS
                  + " keys, values, lists and mappings)");
        }
        String text =
            t == JsonToken.START_OBJECT
                    || t == JsonToken.END_OBJECT
                    || t == JsonToken.START_ARRAY
                    || t == JsonToken.END_ARRAY
                ? null
                : p.getText();
        if (text != null && text.length() > Limits.MAX_TEXT) {
          throw fatal(
              line,
              col,
              (t == JsonToken.FIELD_NAME ? "a key of " : "a value of ")
                  + text.length()
                  + " characters; at most "
                  + Limits.MAX_TEXT
                  + " are allowed");
        }
        if (text != null) controlCharacter(text, t == JsonToken.FIELD_NAME, line, col);
        toks.add(new Tok(t, text, line, col, (int) Math.max(0, loc.getCharOffset()), alias));
      }
    } catch (ScenarioException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw syntax(e);
    }
  }

  /**
   * The parser's words for the mistakes people make, said as what to fix; null for the rest (then
   * the parser's own text is shown).
   */
  static String plainWords(String problem, String context, Mark contextMark) {
    String where =
        contextMark == null
            ? ""
            : " at line "
                + (contextMark.getLine() + 1)
                + ", column "
                + (contextMark.getColumn() + 1);
    if (problem.startsWith("mapping values are not allowed here")) {
      return "a \": \" here would start a key inside a value: indent this key like the keys above it, or put the "
          + "value in quotes if it holds \": \"";
    }
    if (problem.startsWith("found unexpected end of stream") && context.contains("quoted scalar")) {
      return "the quoted text that starts" + where + " is never closed: add the closing quote";
    }
    if (problem.startsWith("expected ',' or ']'")) {
      return "the list [ ... ] that starts"
          + where
          + " is not closed with ] (or an item holds a comma or "
          + "\": \": put it in quotes)";
    }
    if (problem.startsWith("expected ',' or '}'")) {
      return "the mapping { ... } that starts"
          + where
          + " is not closed with } (or a value holds a comma: put it in quotes)";
    }
    if (problem.startsWith("expected <block end>, but found '-'")) {
      return "this list item (-) does not line up: give the items of one list the same indentation, under their key";
    }
    if (problem.startsWith("expected <block end>")) {
      return "this line's indentation does not match the lines above"
          + (where.isEmpty() ? "" : " (the block that starts" + where + ")")
          + ": line up keys of one mapping in the same column";
    }
    if (problem.startsWith("could not find expected ':'")) {
      return (contextMark == null ? "a line" : "line " + (contextMark.getLine() + 1))
          + " is neither \"key: value\" nor a list item: add \": \" after the key, or put a "
          + "value that runs over several lines in quotes";
    }
    return null;
  }

  private ScenarioException syntax(Throwable e) {
    // Prefer SnakeYAML's own mark and wording: Jackson's location can lag behind (tabs).
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
        Mark pm = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        String msg = clean(m.getProblem());
        String plain =
            plainWords(
                msg, m.getContext() == null ? "" : clean(m.getContext()), m.getContextMark());
        if (plain != null) {
          msg = plain;
        } else if (m.getContext() != null
            && m.getContextMark() != null
            && m.getProblemMark() != null
            && !msg.startsWith("tab character")) {
          msg +=
              " ("
                  + clean(m.getContext())
                  + " that starts at line "
                  + (m.getContextMark().getLine() + 1)
                  + ", column "
                  + (m.getContextMark().getColumn() + 1)
                  + ")";
        }
        return fatal(
            pm == null ? 0 : pm.getLine() + 1,
            pm == null ? 0 : pm.getColumn() + 1,
            "YAML syntax error: " + msg);
      }
      if (c instanceof StackOverflowError) break;
    }
    int line = 0, col = 0;
    String msg = e.getMessage();
    if (e instanceof JsonProcessingException j) {
      msg = j.getOriginalMessage();
      if (j.getLocation() != null) {
        line = Math.max(0, j.getLocation().getLineNr());
        col = Math.max(0, j.getLocation().getColumnNr());
      }
    }
    if (e instanceof StackOverflowError) msg = "nested too deeply";
    return fatal(line, col, "YAML error: " + clean(msg));
  }

  /** SnakeYAML/Jackson wording without class names, source descriptions or markers. */
  static String clean(String raw) {
    if (raw == null || raw.isBlank()) return "unreadable YAML";
    if (raw.contains("\\t(TAB)") || raw.contains("\t(TAB)")) {
      return "tab character: indent YAML with spaces, not tabs";
    }
    String s = raw;
    int src = s.indexOf(" at [Source:");
    if (src >= 0) s = s.substring(0, src);
    int reader = s.indexOf("\n in '");
    if (reader >= 0) s = s.substring(0, reader);
    s = s.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)?:?\\s*", "");
    s = s.replaceAll("\\s+", " ").strip();
    if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
    return s.isEmpty() ? "unreadable YAML" : s;
  }

  private ScenarioException fatal(int line, int col, String message) {
    return new ScenarioException(new Problem(file, line, col, "", message));
  }

  // ---------------------------------------------------------------- tree

  private YamlNode node() throws ScenarioException {
    Tok t = toks.get(i++);
    switch (t.type) {
      case START_OBJECT -> {
        boolean flow = at(t) == '{';
        LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        List<YamlNode.Entry> dups = new ArrayList<>();
        while (toks.get(i).type != JsonToken.END_OBJECT) {
          Tok k = toks.get(i++);
          YamlNode v = node();
          if (flow && v instanceof YamlNode.Scalar s) cutAtComma(s, '}');
          YamlNode.Entry e = new YamlNode.Entry(k.text, k.line, k.col, v, origin);
          if (entries.containsKey(k.text)) dups.add(e);
          else entries.put(k.text, e);
        }
        i++;
        return new YamlNode.Map(
            entries, java.util.Collections.unmodifiableList(dups), flow, t.line, t.col, origin);
      }
      case START_ARRAY -> {
        boolean flow = at(t) == '[';
        List<YamlNode> items = new ArrayList<>();
        while (toks.get(i).type != JsonToken.END_ARRAY) {
          YamlNode v = node();
          if (flow && v instanceof YamlNode.Scalar s) cutAtComma(s, ']');
          items.add(v);
        }
        i++;
        return new YamlNode.Seq(
            java.util.Collections.unmodifiableList(items), flow, t.line, t.col, origin);
      }
      default -> {
        return scalar(t);
      }
    }
  }

  private char at(Tok t) {
    int k = charIndex(t.cp);
    return k < source.length() ? source.charAt(k) : '\0';
  }

  private YamlNode.Scalar scalar(Tok t) {
    YamlNode.Kind kind =
        switch (t.type) {
          case VALUE_NUMBER_INT -> YamlNode.Kind.INT;
          case VALUE_NUMBER_FLOAT -> YamlNode.Kind.FLOAT;
          case VALUE_TRUE, VALUE_FALSE -> YamlNode.Kind.BOOL;
          case VALUE_NULL -> YamlNode.Kind.NULL;
          default -> YamlNode.Kind.STRING;
        };
    int start = charIndex(t.cp);
    char c = at(t);
    boolean plain = c != '"' && c != '\'' && c != '|' && c != '>' && c != '!';
    String text = t.text == null ? "" : t.text;
    int end = plain && source.startsWith(text, start) ? start + text.length() : -1;
    return new YamlNode.Scalar(text, kind, plain, t.line, t.col, start, end, origin);
  }

  /**
   * Inside {@code {...}} or {@code [...]} YAML ends a plain scalar at every comma, so {@code {max:
   * \"uniform(45, 70)\"}} is, to every YAML tool, {@code max: "uniform(45"} plus a key {@code
   * "70)"}. The file is read as the YAML specification says; a plain piece that opens a parenthesis
   * it does not close cannot be a value, so it is an error with the quoted text to write.
   */
  private void cutAtComma(YamlNode.Scalar s, char close) throws ScenarioException {
    if (!s.plain()
        || s.kind() != YamlNode.Kind.STRING
        || s.text().indexOf('(') < 0
        || balanced(s.text())) return;
    int depth = 0, end = -1;
    for (int k = s.start(); k < source.length(); k++) {
      char c = source.charAt(k);
      if (c == '(') depth++;
      else if (c == ')' && --depth == 0) {
        end = k + 1;
        break;
      } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == '\n' || c == '#') {
        break;
      }
    }
    String meant =
        end < 0 ? s.text() + ", ...)" : source.substring(s.start(), end).replaceAll("\\s+", " ");
    throw fatal(
        s.line(),
        s.column(),
        "the value "
            + Quantities.quote(s.text())
            + " is cut at a comma: inside "
            + (close == '}' ? "{ ... }" : "[ ... ]")
            + " YAML ends an unquoted value at each comma; put the whole value in "
            + "quotes: "
            + Quantities.quote(meant)
            + " (or write it in block style, one key per line)");
  }

  private static boolean balanced(String t) {
    int d = 0;
    for (int k = 0; k < t.length(); k++) {
      if (t.charAt(k) == '(') d++;
      else if (t.charAt(k) == ')') d--;
    }
    return d <= 0;
  }
}
