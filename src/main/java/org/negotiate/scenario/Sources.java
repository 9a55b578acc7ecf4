package org.negotiate.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
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
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      return new Sources(
          Map.of(),
          label
              + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
              + ": not valid YAML ("
              + e.getOriginalMessage()
              + ")");
    }
    JsonNode list = root == null ? null : root.get("sources");
    if (list == null || !list.isArray())
      return new Sources(Map.of(), label + ": expected a list under sources:");
    Map<String, Source> out = new LinkedHashMap<>();
    int k = 0;
    for (JsonNode n : list) {
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

  private static String text(JsonNode n, String key) {
    JsonNode v = n == null ? null : n.get(key);
    return v == null || v.isNull() ? null : v.asText().strip();
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
