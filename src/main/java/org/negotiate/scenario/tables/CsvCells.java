package org.negotiate.scenario.tables;

import java.util.ArrayList;
import java.util.List;
import org.negotiate.scenario.Limits;

/**
 * The one tokenizer of the actor tables read by hand (Bueno de Mesquita's and KTAB's): lines ended
 * by {@code \n}, {@code \r\n} or {@code \r}; cells split at commas, RFC 4180 double quotes (a quote
 * inside doubled, a quoted cell on one line), spaces and tabs around a cell ignored. Each cell
 * keeps the 1-based column where it starts, so a reader's errors can point at it.
 */
final class CsvCells {
  private CsvCells() {}

  /**
   * One cell: its text (unquoted and trimmed) and the column where its content starts (its start
   * when blank).
   */
  record Cell(String text, int column) {}

  /** One non-blank line and its 1-based number. */
  record Line(int number, String text) {}

  /** What is wrong with a line: the column and the message. */
  record Malformed(int column, String message) {}

  /** The non-blank lines of {@code text}. */
  static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    int len = text.length();
    int start = 0;
    for (int number = 1; start <= len; number++) {
      int end = start;
      while (end < len && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
      String line = text.substring(start, end);
      if (!line.isBlank()) out.add(new Line(number, line));
      if (end >= len) break;
      start =
          end + (text.charAt(end) == '\r' && end + 1 < len && text.charAt(end + 1) == '\n' ? 2 : 1);
    }
    return out;
  }

  /**
   * The cells of one line, a trailing comma giving a last empty cell; null when the line is
   * malformed, after telling {@code bad} where and why.
   */
  static List<Cell> split(String line, java.util.function.Consumer<Malformed> bad) {
    List<Cell> cells = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      if (cells.size() >= Limits.MAX_CELLS_PER_ROW) {
        bad.accept(
            new Malformed(i + 1, "more than " + Limits.MAX_CELLS_PER_ROW + " cells on one line"));
        return null;
      }
      int cellStart = i;
      while (i < n && isPad(line.charAt(i))) i++;
      int column = i + 1;
      String value;
      if (i < n && line.charAt(i) == '"') {
        StringBuilder b = new StringBuilder();
        int j = i + 1;
        boolean closed = false;
        while (j < n) {
          char c = line.charAt(j);
          if (c == '"') {
            if (j + 1 < n && line.charAt(j + 1) == '"') {
              b.append('"');
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          b.append(c);
          j++;
        }
        if (!closed) {
          bad.accept(new Malformed(column, "a quoted cell is not closed on its line"));
          return null;
        }
        while (j < n && isPad(line.charAt(j))) j++;
        if (j < n && line.charAt(j) != ',') {
          bad.accept(new Malformed(j + 1, "unexpected text after a quoted cell: expected a comma"));
          return null;
        }
        value = b.toString().strip();
        i = j;
      } else {
        int j = line.indexOf(',', i);
        if (j < 0) j = n;
        String raw = line.substring(i, j);
        if (raw.indexOf('"') >= 0) {
          bad.accept(
              new Malformed(
                  i + raw.indexOf('"') + 1,
                  "a quote inside an unquoted cell; quote the whole cell and double the quote"));
          return null;
        }
        value = raw.strip();
        if (value.isEmpty()) column = cellStart + 1; // a blank cell: point at its start
        i = j;
      }
      if (value.length() > Limits.MAX_TEXT) {
        bad.accept(
            new Malformed(
                column,
                "a cell of "
                    + value.length()
                    + " characters; at most "
                    + Limits.MAX_TEXT
                    + " are allowed"));
        return null;
      }
      cells.add(new Cell(value, column));
      if (i >= n) break;
      i++; // the comma
      if (i == n) { // a trailing comma ends the line with one empty cell
        cells.add(new Cell("", n + 1));
        break;
      }
    }
    return cells;
  }

  private static boolean isPad(char c) {
    return c == ' ' || c == '\t';
  }
}
