package org.negotiate.scenario;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A parsed YAML value with its 1-based position and the file it was written in: the loader's own
 * tree, bound by hand. A scenario that {@code extends:} another is bound from one tree merged from
 * several files, so every node keeps its own {@link Origin}; problems name the file of the node
 * they point at. Nodes built without an origin (the old constructors) report under the binder's own
 * file name.
 */
sealed interface YamlNode permits YamlNode.Map, YamlNode.Seq, YamlNode.Scalar {

  int line();

  int column();

  /** The file this node was read from, or null when unknown. */
  Origin origin();

  /** "a mapping", "a list", or the scalar quoted. */
  String describe();

  /**
   * Where a node was read: the file as the caller named it (problems carry this label), its text
   * (for re-joining split values) and the {@code seeds/} folder that its evidence references are
   * checked against (the one nearest to that file), or null.
   */
  final class Origin {
    private final String file;
    private final String source;
    private final EvidenceRef.Seeds seeds;

    Origin(String file, String source, EvidenceRef.Seeds seeds) {
      this.file = file == null ? "" : file;
      this.source = source == null ? "" : source;
      this.seeds = seeds;
    }

    String file() {
      return file;
    }

    String source() {
      return source;
    }

    EvidenceRef.Seeds seeds() {
      return seeds;
    }

    @Override
    public String toString() {
      return file;
    }
  }

  /**
   * A mapping; keys in file order (the first of duplicated keys wins; the later ones are kept in
   * {@code duplicates} to be reported). {@code flow} when written as {@code {...}}.
   */
  record Map(
      LinkedHashMap<String, Entry> entries,
      List<Entry> duplicates,
      boolean flow,
      int line,
      int column,
      Origin origin)
      implements YamlNode {
    Map(
        LinkedHashMap<String, Entry> entries,
        List<Entry> duplicates,
        boolean flow,
        int line,
        int column) {
      this(entries, duplicates, flow, line, column, null);
    }

    public String describe() {
      return "a mapping";
    }
  }

  /**
   * One key and its value; the key's own position (and file) is kept for unknown/duplicate-key
   * problems.
   */
  record Entry(String key, int keyLine, int keyColumn, YamlNode value, Origin origin) {
    Entry(String key, int keyLine, int keyColumn, YamlNode value) {
      this(key, keyLine, keyColumn, value, value == null ? null : value.origin());
    }
  }

  /** A sequence. {@code flow} when written as {@code [...]}. */
  record Seq(List<YamlNode> items, boolean flow, int line, int column, Origin origin)
      implements YamlNode {
    Seq(List<YamlNode> items, boolean flow, int line, int column) {
      this(items, flow, line, column, null);
    }

    public String describe() {
      return "a list";
    }
  }

  enum Kind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /**
   * A scalar as written. {@code plain} when unquoted and not a block scalar; {@code start} and
   * {@code end} are char offsets into the source ({@code end} is -1 when unknown).
   */
  record Scalar(
      String text,
      Kind kind,
      boolean plain,
      int line,
      int column,
      int start,
      int end,
      Origin origin)
      implements YamlNode {
    Scalar(String text, Kind kind, boolean plain, int line, int column, int start, int end) {
      this(text, kind, plain, line, column, start, end, null);
    }

    public String describe() {
      return switch (kind) {
        case NULL -> "nothing";
        case INT, FLOAT, BOOL -> text;
        default -> Quantities.quote(text);
      };
    }
  }
}
