package org.negotiate.scenario;

import java.util.LinkedHashMap;
import java.util.List;

/** A parsed YAML value with its 1-based position: the loader's own tree, bound by hand. */
sealed interface YamlNode permits YamlNode.Map, YamlNode.Seq, YamlNode.Scalar {

  int line();

  int column();

  /** "a mapping", "a list", or the scalar quoted. */
  String describe();

  /**
   * A mapping; keys in file order (the first of duplicated keys wins; the later ones are kept in
   * {@code duplicates} to be reported). {@code flow} when written as {@code {...}}.
   */
  record Map(LinkedHashMap<String, Entry> entries, List<Entry> duplicates, boolean flow, int line, int column)
      implements YamlNode {
    public String describe() {
      return "a mapping";
    }
  }

  /** One key and its value; the key's own position is kept for unknown/duplicate-key problems. */
  record Entry(String key, int keyLine, int keyColumn, YamlNode value) {}

  /** A sequence. {@code flow} when written as {@code [...]}. */
  record Seq(List<YamlNode> items, boolean flow, int line, int column) implements YamlNode {
    public String describe() {
      return "a list";
    }
  }

  enum Kind { STRING, INT, FLOAT, BOOL, NULL }

  /**
   * A scalar as written. {@code plain} when unquoted and not a block scalar; {@code start} and
   * {@code end} are char offsets into the source ({@code end} is -1 when unknown).
   */
  record Scalar(String text, Kind kind, boolean plain, int line, int column, int start, int end)
      implements YamlNode {
    public String describe() {
      return switch (kind) {
        case NULL -> "nothing";
        case INT, FLOAT, BOOL -> text;
        default -> Quantities.quote(text);
      };
    }
  }
}
