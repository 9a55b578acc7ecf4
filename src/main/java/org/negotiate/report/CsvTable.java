package org.negotiate.report;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way every CSV of a result folder is written: UTF-8, {@code \n} after every line on every
 * operating system, and quoting by Jackson's CSV generator where a field needs it (a comma, a quote
 * or a line break) and nowhere else. Cells are text; numbers come formatted by {@link Numbers}, so
 * equal results give equal bytes.
 *
 * <pre>{@code
 * try (CsvTable t = CsvTable.open(file, "round", "odds")) {
 *   t.row("0", Numbers.fixed(0.25, 6));
 * }
 * }</pre>
 */
public final class CsvTable implements Closeable {
  private static final CsvMapper MAPPER = new CsvMapper();

  private final CsvGenerator g;
  private boolean inRow;

  private CsvTable(CsvGenerator g) {
    this.g = g;
  }

  /** A new file with its header line. */
  public static CsvTable open(Path file, String... header) throws IOException {
    return open(file, List.of(header));
  }

  /** A new file with its header line. */
  public static CsvTable open(Path file, List<String> header) throws IOException {
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    CsvTable t;
    try {
      CsvGenerator g = MAPPER.getFactory().createGenerator(w);
      // quote a field only where it must be: the tables read as they did when written by hand
      g.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
      g.setSchema(CsvSchema.emptySchema().withLineSeparator("\n"));
      t = new CsvTable(g);
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
    t.row(header);
    return t;
  }

  /** One line; null cells are empty. */
  public CsvTable row(String... cells) throws IOException {
    for (String c : cells) cell(c);
    return end();
  }

  /** One line; null cells are empty. */
  public CsvTable row(List<String> cells) throws IOException {
    for (String c : cells) cell(c);
    return end();
  }

  /** The next cell of the line being written (null: empty). */
  public CsvTable cell(String text) throws IOException {
    if (!inRow) {
      g.writeStartArray();
      inRow = true;
    }
    g.writeString(text == null ? "" : text);
    return this;
  }

  public CsvTable cell(long n) throws IOException {
    return cell(Long.toString(n));
  }

  /** Ends the line begun by {@link #cell}. */
  public CsvTable end() throws IOException {
    if (!inRow) g.writeStartArray(); // an empty line stays a line
    g.writeEndArray();
    inRow = false;
    return this;
  }

  @Override
  public void close() throws IOException {
    g.close();
  }
}
