package org.negotiate.scenario.tables;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * Reads the actor table of KTAB's Spatial Model of Politics from its CSV format ({@code
 * examples/smp/doc/*.csv}; docs/models.md §2.1):
 *
 * <pre>
 * scenario name, description, number of actors, number of dimensions
 * Actor, Description, Power, Pstn1, Sal1, Pstn2, Sal2, ...        (headers)
 * name, description, capability, position_1, salience_1, ...      (one row per actor)
 * </pre>
 *
 * <p>Files are read as KTAB and spreadsheets write them: UTF-8 with or without a byte-order mark
 * (bytes that are not UTF-8 are read as Windows-1252), CRLF, LF or CR line ends, cells padded with
 * spaces or tabs, trailing commas, double-quoted cells (with {@code ""} for a quote inside), blank
 * lines (skipped). The dimensions are named by their position headers.
 *
 * <p>Checks, as KTAB's {@code SMPModel::csvRead} makes them: the number of actors (3 to 250) and of
 * dimensions (1 to {@link Limits#MAX_ISSUES}) in row 1 match the headers and the actor rows; every
 * actor has a name, unique in the file; capability is a number &gt; 0 (KTAB: at most 1e8);
 * positions and saliences are numbers in [0, 100]; an actor's saliences sum to at most 100.
 * Saliences are returned divided by 100, on [0, 1]; positions and capabilities as written.
 *
 * <p>Every problem found is reported, each with its 1-based line and column and a field such as
 * {@code row 5 (SActor-02).salience_2}; nothing but {@link ScenarioException} is ever thrown.
 */
public final class KtabCsvReader {
  private KtabCsvReader() {}

  /** Largest file read, in bytes. */
  public static final long MAX_BYTES = Limits.MAX_FILE_BYTES;

  static final int MIN_ACTORS = 3;
  static final int MAX_ACTORS = Limits.MAX_ACTORS;
  static final int MAX_DIMENSIONS = Limits.MAX_ISSUES;
  static final double MAX_CAPABILITY = 1e8;

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern COUNT = Pattern.compile("\\+?\\d{1,9}");

  /** Reads and validates {@code file}. */
  public static ActorTable read(Path file) throws ScenarioException {
    String label = String.valueOf(file);
    return parse(Limits.readFile(file, label), label);
  }

  /** Reads a table from the bytes of a file; {@code label} names it in problems. */
  public static ActorTable parse(byte[] bytes, String label) throws ScenarioException {
    try {
      return new Parse(label, decode(bytes)).table();
    } catch (ScenarioException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw fail(label, "internal error while reading: " + e);
    }
  }

  private static ScenarioException fail(String label, String message) {
    return new ScenarioException(new Problem(label, 0, 0, "", message));
  }

  private static String decode(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
    return text;
  }

  /** One non-blank line. */
  private record Line(int number, List<CsvCells.Cell> cells, int end) {
    CsvCells.Cell cell(int i) {
      return i < cells.size() ? cells.get(i) : null;
    }
  }

  private static final class Parse {
    final String label;
    final String text;
    final List<Problem> problems = new ArrayList<>();

    Parse(String label, String text) {
      this.label = label;
      this.text = text;
    }

    void problem(int line, int column, String field, String message) {
      problems.add(new Problem(label, line, column, field, message));
    }

    List<Line> lines() {
      List<Line> out = new ArrayList<>();
      for (CsvCells.Line raw : CsvCells.lines(text)) {
        if (out.size() >= MAX_ACTORS + 2) {
          problem(
              raw.number(),
              1,
              "row " + raw.number(),
              "more than " + MAX_ACTORS + " actor rows; a table may have at most " + MAX_ACTORS);
          break;
        }
        List<CsvCells.Cell> cells =
            CsvCells.split(
                raw.text(), bad -> problem(raw.number(), bad.column(), "", bad.message()));
        if (cells == null) continue;
        // trailing commas: their empty cells are dropped
        while (!cells.isEmpty() && cells.get(cells.size() - 1).text().isEmpty())
          cells.remove(cells.size() - 1);
        out.add(new Line(raw.number(), cells, raw.text().length() + 1));
      }
      return out;
    }

    ActorTable table() throws ScenarioException {
      List<Line> lines = lines();
      if (!problems.isEmpty()) throw new ScenarioException(problems);
      if (lines.isEmpty()) throw fail(label, "the file is empty: expected KTAB's SMP table");

      Line head = lines.get(0);
      String name = head.cell(0) == null ? "" : head.cell(0).text();
      String description = head.cell(1) == null ? "" : head.cell(1).text();
      int actors =
          count(
              head,
              2,
              "row " + head.number() + ".actors",
              "number of actors",
              MIN_ACTORS,
              MAX_ACTORS);
      int dims =
          count(
              head,
              3,
              "row " + head.number() + ".dimensions",
              "number of dimensions",
              1,
              MAX_DIMENSIONS);
      // Values after the fourth are ignored, as KTAB's reader ignores them (its own
      // dummyData_6Dim.csv
      // has a fifth, 0).
      if (lines.size() < 2) {
        problem(
            head.number(),
            head.end(),
            "row 2",
            "missing the header row (Actor, Description, Power, Pstn1, Sal1, ...)");
        throw new ScenarioException(problems);
      }
      if (dims < 1) throw new ScenarioException(problems);

      Line headers = lines.get(1);
      String hf = "row " + headers.number() + ".headers";
      int expected = 3 + 2 * dims;
      if (headers.cells().size() != expected) {
        CsvCells.Cell at = headers.cells().size() > expected ? headers.cells().get(expected) : null;
        problem(
            headers.number(),
            at == null ? headers.end() : at.column(),
            hf,
            String.format(
                Locale.ROOT,
                "row 1 declares %d dimension%s, so expected %d headers (Actor, Description, Power, then a position "
                    + "and a salience per dimension), got %d",
                dims,
                dims == 1 ? "" : "s",
                expected,
                headers.cells().size()));
      }
      List<String> dimensions = new ArrayList<>();
      for (int d = 0; d < dims; d++) {
        CsvCells.Cell c = headers.cell(3 + 2 * d);
        dimensions.add(c == null || c.text().isEmpty() ? "dimension_" + (d + 1) : c.text());
      }

      List<ActorTable.Row> rows = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (int r = 2; r < lines.size(); r++) {
        ActorTable.Row row = row(lines.get(r), dims, seen);
        if (row != null) rows.add(row);
      }
      int found = lines.size() - 2;
      if (actors >= MIN_ACTORS && found != actors) {
        CsvCells.Cell c = head.cell(2);
        problem(
            head.number(),
            c.column(),
            "row " + head.number() + ".actors",
            String.format(
                Locale.ROOT,
                "row 1 declares %d actors, the file has %d actor row%s",
                actors,
                found,
                found == 1 ? "" : "s"));
      }
      if (!problems.isEmpty()) throw new ScenarioException(problems);
      return new ActorTable(name, description, List.copyOf(dimensions), List.copyOf(rows), label);
    }

    private int count(Line line, int index, String field, String what, int min, int max) {
      CsvCells.Cell c = line.cell(index);
      if (c == null || c.text().isEmpty()) {
        problem(line.number(), c == null ? line.end() : c.column(), field, "missing the " + what);
        return -1;
      }
      if (!COUNT.matcher(c.text()).matches()) {
        problem(
            line.number(),
            c.column(),
            field,
            String.format(
                Locale.ROOT, "expected the %s as a whole number, got \"%s\"", what, c.text()));
        return -1;
      }
      int v = Integer.parseInt(c.text().startsWith("+") ? c.text().substring(1) : c.text());
      if (v < min || v > max) {
        problem(
            line.number(),
            c.column(),
            field,
            String.format(Locale.ROOT, "expected the %s in [%d, %d], got %d", what, min, max, v));
        return -1;
      }
      return v;
    }

    private ActorTable.Row row(Line line, int dims, Map<String, Integer> seen) {
      int before = problems.size();
      int no = line.number();
      CsvCells.Cell nameCell = line.cell(0);
      String name = nameCell == null ? "" : nameCell.text();
      String prefix = "row " + no + (name.isEmpty() ? "" : " (" + name + ")");
      if (name.isEmpty()) {
        problem(
            no,
            nameCell == null ? 1 : nameCell.column(),
            prefix + ".name",
            "missing the actor's name");
      } else if (seen.containsKey(name)) {
        problem(
            no,
            nameCell.column(),
            prefix + ".name",
            "actor name \"" + name + "\" is already used on line " + seen.get(name));
      } else {
        seen.put(name, no);
      }
      int expected = 3 + 2 * dims;
      if (line.cells().size() > expected) {
        CsvCells.Cell extra = line.cells().get(expected);
        problem(
            no,
            extra.column(),
            prefix,
            String.format(
                Locale.ROOT,
                "expected %d values (name, description, capability, then a position and a salience per dimension), got %d",
                expected,
                line.cells().size()));
      }
      if (line.cells().size() < expected) {
        int first = line.cells().size();
        problem(
            no,
            line.end(),
            prefix + "." + fieldName(first),
            String.format(
                Locale.ROOT,
                "missing: expected %d values (name, description, capability, then a position and a salience per "
                    + "dimension), got %d",
                expected,
                first));
      }
      String description = line.cell(1) == null ? "" : line.cell(1).text();
      double cap =
          number(line, 2, prefix + ".capability", Double.MIN_VALUE, MAX_CAPABILITY, "(0, 1e8]");
      double[] x = new double[dims];
      double[] s = new double[dims];
      double total = 0;
      boolean salOk = true;
      for (int d = 0; d < dims; d++) {
        x[d] = number(line, 3 + 2 * d, prefix + ".position_" + (d + 1), 0, 100, "[0, 100]");
        s[d] = number(line, 4 + 2 * d, prefix + ".salience_" + (d + 1), 0, 100, "[0, 100]");
        salOk &= !Double.isNaN(s[d]);
        total += s[d];
      }
      if (salOk && total > 100 + 1e-9) {
        CsvCells.Cell c = line.cell(4);
        problem(
            no,
            c.column(),
            prefix + ".salience_1",
            String.format(
                Locale.ROOT,
                "an actor's saliences must sum to at most 100 (KTAB's rule), got %s",
                fmt(total)));
      }
      if (problems.size() > before) return null;
      for (int d = 0; d < dims; d++) s[d] = s[d] / 100.0;
      return new ActorTable.Row(no, name, description, cap, x, s);
    }

    private static String fieldName(int index) {
      if (index < 3) return new String[] {"name", "description", "capability"}[index];
      return ((index - 3) % 2 == 0 ? "position_" : "salience_") + ((index - 3) / 2 + 1);
    }

    private double number(Line line, int index, String field, double lo, double hi, String range) {
      CsvCells.Cell c = line.cell(index);
      if (c == null) return Double.NaN; // the short row is reported once
      if (c.text().isEmpty()) {
        problem(
            line.number(), c.column(), field, "expected a number in " + range + ", got nothing");
        return Double.NaN;
      }
      String t = c.text();
      double v = NUMBER.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
      if (!(v >= lo && v <= hi)) {
        String shown = t.length() > 40 ? t.substring(0, 40) + "..." : t;
        problem(
            line.number(),
            c.column(),
            field,
            "expected a number in " + range + ", got \"" + shown + "\"");
        return Double.NaN;
      }
      return v;
    }

    private static String fmt(double v) {
      String t = Double.toString(v);
      return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
    }
  }
}
