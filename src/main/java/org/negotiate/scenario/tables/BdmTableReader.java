package org.negotiate.scenario.tables;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.negotiate.scenario.Limits;
import org.negotiate.scenario.Problem;
import org.negotiate.scenario.ScenarioException;

/**
 * Reads Bueno de Mesquita's classic actor table: a CSV file with the header {@code
 * Actor,Capability,Position,Salience} (names case-insensitive, in any order) and one row per actor,
 * on one dimension.
 *
 * <p>Tolerated: a UTF-8 byte-order mark, CRLF or CR line ends, blank lines, cells padded with
 * spaces or tabs, fields in double quotes (with {@code ""} for a quote; a quoted field may not span
 * lines), and trailing empty cells (trailing commas) on any line. Invalid UTF-8 is read with
 * replacement characters.
 *
 * <p>Saliences may be given on 0–1 or 0–100: if any salience in the table exceeds 1, all are taken
 * as 0–100 and divided by 100 (so a table mixing both scales is read as 0–100; a salience of
 * exactly 1 in such a table means 1%). Capabilities must be finite and non-negative (only ratios
 * matter); positions any finite number, on the table's own scale.
 *
 * <p>At most {@link Limits#MAX_ACTORS} actors, {@link Limits#MAX_CELLS_PER_ROW} cells on a line and
 * {@link Limits#MAX_TEXT} characters in a cell; the file at most {@link Limits#MAX_FILE_BYTES}
 * bytes.
 *
 * <p>Every problem is reported with its 1-based line and the 1-based column where the offending
 * cell's content starts, and a field such as {@code row 3 (Belgium).salience}, where 3 is the line
 * of the row in the file. The reader never throws anything but {@link ScenarioException}.
 *
 * <p>The table's name and its one dimension are both the file name without its extension.
 */
public final class BdmTableReader {
  private BdmTableReader() {}

  static final List<String> COLUMNS = List.of("actor", "capability", "position", "salience");
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** Reads the table in {@code file}. */
  public static ActorTable read(Path file) throws ScenarioException {
    String label = String.valueOf(file);
    byte[] bytes = Limits.readFile(file, label);
    String base = String.valueOf(file.getFileName());
    int dot = base.lastIndexOf('.');
    if (dot > 0) base = base.substring(0, dot);
    return parse(new String(bytes, StandardCharsets.UTF_8), label, base);
  }

  /**
   * Parses table text; {@code label} names the source in problems, {@code name} the table and its
   * dimension.
   */
  public static ActorTable parse(String text, String label, String name) throws ScenarioException {
    try {
      return new Parser(text, label, name).table();
    } catch (ScenarioException e) {
      throw e;
    } catch (
        RuntimeException
            e) { // a bug here must still reach the user as a problem, not a stack trace
      throw new ScenarioException(new Problem(label, 0, 0, "", "could not read the table: " + e));
    }
  }

  private static final class Parser {
    private final String text;
    private final String label;
    private final String name;
    private final List<Problem> problems = new ArrayList<>();

    Parser(String text, String label, String name) {
      this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
      this.label = label;
      this.name = name;
    }

    ActorTable table() throws ScenarioException {
      int[] index = null; // column of each of COLUMNS in the file
      int width = 0;
      int headerLine = 0;
      List<ActorTable.Row> rows = new ArrayList<>();
      List<CsvCells.Cell> salienceCells = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      int rowCount = 0;
      for (CsvCells.Line raw : CsvCells.lines(text)) {
        int ln = raw.number();
        String line = raw.text();
        if (index != null && ++rowCount > Limits.MAX_ACTORS) {
          problems.add(
              new Problem(
                  label,
                  ln,
                  1,
                  "row " + ln,
                  "more than "
                      + Limits.MAX_ACTORS
                      + " actors; a table may have at most "
                      + Limits.MAX_ACTORS));
          break;
        }
        List<CsvCells.Cell> cells =
            CsvCells.split(
                line,
                bad ->
                    problems.add(
                        new Problem(label, ln, bad.column(), "line " + ln, bad.message())));
        if (cells == null) continue; // problem already recorded
        // Trailing commas: empty cells past the header's width (all of them on the header itself).
        int keep = index == null ? 1 : Math.max(1, width);
        while (cells.size() > keep && cells.get(cells.size() - 1).text().isEmpty())
          cells.remove(cells.size() - 1);
        if (index == null) {
          headerLine = ln;
          index = header(cells, ln);
          if (index == null) break; // without a header nothing else can be read
          width = cells.size();
          continue;
        }
        if (cells.size() != width) {
          int col = cells.size() > width ? cells.get(width).column() : line.length() + 1;
          problems.add(
              new Problem(
                  label,
                  ln,
                  col,
                  rowField(ln, cells, index, null),
                  "expected "
                      + width
                      + " cells ("
                      + String.join(", ", headerNames())
                      + "), got "
                      + cells.size()));
          continue;
        }
        CsvCells.Cell nameCell = cells.get(index[0]);
        String actor = nameCell.text();
        boolean ok = true;
        if (actor.isEmpty()) {
          problems.add(
              new Problem(
                  label,
                  ln,
                  nameCell.column(),
                  rowField(ln, cells, index, "actor"),
                  "the actor has no name"));
          ok = false;
        } else {
          Integer first = seen.putIfAbsent(actor.toLowerCase(Locale.ROOT), ln);
          if (first != null) {
            problems.add(
                new Problem(
                    label,
                    ln,
                    nameCell.column(),
                    rowField(ln, cells, index, "actor"),
                    "duplicate actor \"" + actor + "\" (first on line " + first + ")"));
            ok = false;
          }
        }
        Double capability = number(cells.get(index[1]), ln, cells, index, "capability");
        Double position = number(cells.get(index[2]), ln, cells, index, "position");
        Double salience = number(cells.get(index[3]), ln, cells, index, "salience");
        if (capability != null && capability < 0) {
          problems.add(
              new Problem(
                  label,
                  ln,
                  cells.get(index[1]).column(),
                  rowField(ln, cells, index, "capability"),
                  "must not be negative, got " + cells.get(index[1]).text()));
          capability = null;
        }
        if (salience != null && (salience < 0 || salience > 100)) {
          problems.add(
              new Problem(
                  label,
                  ln,
                  cells.get(index[3]).column(),
                  rowField(ln, cells, index, "salience"),
                  "must lie in 0–1 or 0–100, got " + cells.get(index[3]).text()));
          salience = null;
        }
        if (!ok || capability == null || position == null || salience == null) continue;
        rows.add(
            new ActorTable.Row(
                ln, actor, "", capability, new double[] {position}, new double[] {salience}));
        salienceCells.add(cells.get(index[3]));
      }
      if (index == null && problems.isEmpty()) {
        problems.add(
            new Problem(
                label,
                0,
                0,
                "",
                "the file is empty: expected the header "
                    + "Actor,Capability,Position,Salience and one row per actor"));
      } else if (index != null && rows.isEmpty() && problems.isEmpty()) {
        problems.add(new Problem(label, headerLine, 1, "", "the table has a header but no actors"));
      }
      if (!problems.isEmpty()) throw new ScenarioException(problems);
      boolean percent = rows.stream().anyMatch(r -> r.saliences()[0] > 1);
      if (percent) {
        List<ActorTable.Row> scaled = new ArrayList<>();
        for (ActorTable.Row r : rows) {
          scaled.add(
              new ActorTable.Row(
                  r.line(),
                  r.name(),
                  r.description(),
                  r.capability(),
                  r.positions(),
                  new double[] {r.saliences()[0] / 100}));
        }
        rows = scaled;
      }
      return new ActorTable(name, "", List.of(name), List.copyOf(rows), label);
    }

    private List<String> headerNames() {
      return List.of("Actor", "Capability", "Position", "Salience");
    }

    /**
     * The header's column index for each of COLUMNS, or null (with a problem) if it is not a
     * header.
     */
    private int[] header(List<CsvCells.Cell> cells, int ln) {
      int[] index = {-1, -1, -1, -1};
      boolean any =
          cells.stream().anyMatch(c -> COLUMNS.contains(c.text().toLowerCase(Locale.ROOT)));
      if (!any) {
        StringBuilder got = new StringBuilder();
        for (CsvCells.Cell c : cells) got.append(got.length() > 0 ? "," : "").append(c.text());
        String shown = got.length() > 60 ? got.substring(0, 60) + "…" : got.toString();
        problems.add(
            new Problem(
                label,
                ln,
                cells.isEmpty() ? 1 : cells.get(0).column(),
                "header",
                "expected the header Actor,Capability,Position,Salience, got \""
                    + shown
                    + "\" (is the header missing?)"));
        return null;
      }
      boolean bad = false;
      for (int i = 0; i < cells.size(); i++) {
        CsvCells.Cell cell = cells.get(i);
        int k = COLUMNS.indexOf(cell.text().toLowerCase(Locale.ROOT));
        if (k < 0) {
          String what = cell.text().isEmpty() ? "an empty column name" : "\"" + cell.text() + "\"";
          problems.add(
              new Problem(
                  label,
                  ln,
                  cell.column(),
                  "header",
                  "expected the header Actor,Capability,Position,Salience, got " + what));
          bad = true;
        } else if (index[k] >= 0) {
          problems.add(
              new Problem(
                  label,
                  ln,
                  cell.column(),
                  "header",
                  "column \"" + cell.text() + "\" appears twice"));
          bad = true;
        } else {
          index[k] = i;
        }
      }
      if (bad) return null;
      List<String> missing = new ArrayList<>();
      for (int k = 0; k < 4; k++) if (index[k] < 0) missing.add(headerNames().get(k));
      if (!missing.isEmpty()) {
        problems.add(
            new Problem(
                label,
                ln,
                1,
                "header",
                "missing column"
                    + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing)
                    + "; expected Actor,Capability,Position,Salience"));
        return null;
      }
      return index;
    }

    private String rowField(int ln, List<CsvCells.Cell> cells, int[] index, String field) {
      String actor = index != null && index[0] < cells.size() ? cells.get(index[0]).text() : "";
      String row = "row " + ln + (actor.isEmpty() ? "" : " (" + actor + ")");
      return field == null ? row : row + "." + field;
    }

    private Double number(
        CsvCells.Cell cell, int ln, List<CsvCells.Cell> cells, int[] index, String field) {
      String t = cell.text();
      if (NUMBER.matcher(t).matches()) {
        try {
          double v = Double.parseDouble(t);
          if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
          // reported below
        }
        problems.add(
            new Problem(
                label,
                ln,
                cell.column(),
                rowField(ln, cells, index, field),
                "expected a finite number, got \"" + t + "\""));
        return null;
      }
      problems.add(
          new Problem(
              label,
              ln,
              cell.column(),
              rowField(ln, cells, index, field),
              t.isEmpty()
                  ? "expected a number, got an empty cell"
                  : "expected a number, got \"" + t + "\""));
      return null;
    }
  }
}
