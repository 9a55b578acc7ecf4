package org.negotiate.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dates of a seeds folder's sources, from its {@code sources.yaml}: one entry per file (named
 * as citations name it, e.g. {@code "002"}) with the month it was written, read from the article's
 * own content, and where known its outlet and title. A citation may set a value in an as-of
 * forecast only from its source's month on.
 *
 * @param dated each source's entry, keyed by its file name as written in {@code sources.yaml}
 * @param problem what is wrong with the file (with its line and column), or null
 */
public record Sources(Map<String, Source> dated, String problem) {

  public static final String FILE = "sources.yaml";
  private static final Sources NONE = new Sources(Map.of(), null);

  /** One dated source. */
  public record Source(String file, YearMonth month, String outlet, String title, String datedBy)
      implements java.io.Serializable {}

  /** Whether the folder dates its sources at all (a {@code sources.yaml} is there). */
  public boolean present() {
    return problem != null || !dated.isEmpty();
  }

  /** The sources.yaml of {@code seedsDir}; none when the folder has no such file. */
  static Sources read(Path seedsDir) {
    Path f = seedsDir.resolve(FILE);
    if (!Files.isRegularFile(f)) return NONE;
    try {
      if (Files.size(f) > Limits.MAX_FILE_BYTES)
        return new Sources(Map.of(), f + ": larger than the file limit");
      return parse(Files.readString(f), f.toString());
    } catch (IOException e) {
      return new Sources(Map.of(), "cannot read " + f + ": " + e.getMessage());
    }
  }

  static Sources parse(String text, String label) {
    Object root;
    // Jackson's streaming parser, not its ObjectMapper: every command reads this file while it
    // loads
    // a scenario, and the mapper's first use costs tens of milliseconds of static set-up (date
    // formats, locale data) on the way to the first replication
    try (JsonParser p = YamlReader.FACTORY.createParser(text)) {
      root = p.nextToken() == null ? null : value(p);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      return new Sources(
          Map.of(),
          label
              + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
              + ": not valid YAML ("
              + e.getOriginalMessage()
              + ")");
    } catch (IOException e) {
      return new Sources(Map.of(), "cannot read " + label + ": " + e.getMessage());
    }
    Object list = root instanceof Map<?, ?> m ? m.get("sources") : null;
    if (!(list instanceof List<?> entries))
      return new Sources(Map.of(), label + ": expected a list under sources:");
    Map<String, Source> out = new LinkedHashMap<>();
    int k = 0;
    for (Object n : entries) {
      String where = label + ": sources[" + k++ + "]";
      String file = text(n, "file");
      String date = text(n, "date");
      if (file == null || file.isBlank())
        return new Sources(
            Map.of(), where + ".file: expected the source's file name (e.g. \"002\")");
      if (date == null)
        return new Sources(Map.of(), where + ".date: expected the month it was written, YYYY-MM");
      YearMonth month;
      try {
        month = YearMonth.parse(date.strip());
      } catch (DateTimeParseException e) {
        return new Sources(Map.of(), where + ".date: expected YYYY-MM, got \"" + date + "\"");
      }
      if (out.put(
              file,
              new Source(file, month, text(n, "outlet"), text(n, "title"), text(n, "dated_by")))
          != null) {
        return new Sources(Map.of(), where + ".file: \"" + file + "\" is dated twice");
      }
    }
    return new Sources(Collections.unmodifiableMap(out), null);
  }

  /**
   * The value the parser is at: a map, a list, or a scalar as its text the way Jackson's tree gives
   * it ({@code JsonNode.asText}: numbers and booleans as Java writes them, null as null). A key
   * given twice keeps its last value, as the tree does.
   */
  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          m.put(key, value(p));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
        return l;
      }
      case VALUE_NULL -> {
        return null;
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberValue().toString();
      }
      case VALUE_NUMBER_FLOAT -> {
        return Double.toString(p.getDoubleValue());
      }
      default -> {
        return p.getText();
      }
    }
  }

  /** A scalar's text under {@code key} (a map or list there reads as "", as in Jackson's tree). */
  private static String text(Object n, String key) {
    Object v = n instanceof Map<?, ?> m ? m.get(key) : null;
    if (v == null) return null;
    return v instanceof String str ? str.strip() : "";
  }

  /**
   * The entry for a citation's FILE: an exact name, else the entry whose name is FILE's part before
   * its first {@code _} or that part of whose name FILE is (so {@code 002} and {@code 002_bfe….txt}
   * meet).
   */
  public Source find(String file) {
    Source s = dated.get(file);
    if (s != null) return s;
    String stem = file.contains("_") ? file.substring(0, file.indexOf('_')) : file;
    for (Source d : dated.values()) {
      String ds = d.file().contains("_") ? d.file().substring(0, d.file().indexOf('_')) : d.file();
      if (ds.equals(stem)) return d;
    }
    return null;
  }
}
