package org.negotiate.scenario.tables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.ActorOrder;
import org.negotiate.scenario.AgreementRule;
import org.negotiate.scenario.Calendar;
import org.negotiate.scenario.CaseFile;
import org.negotiate.scenario.ExperimentDefaults;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Limits;
import org.negotiate.scenario.Problem;
import org.negotiate.scenario.ProtocolSpec;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.SalienceMode;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.scenario.ScenarioWriter;
import org.negotiate.scenario.Stance;

/**
 * Turns an anchor's actor table into a scenario: one issue per dimension, every actor a party
 * keeping the table's name, saliences independent (as the tables mean them), no red lines, no
 * events. Tables carry no calendar, so round t is shown as month t from January 2000.
 */
public final class TableScenarios {
  /** Tables have no dates: rounds are labelled as months from here. */
  public static final YearMonth START = YearMonth.of(2000, 1);

  /** Agreement tolerance as a share of the table's range of positions. */
  static final double TOLERANCE_SHARE = 0.05;

  private TableScenarios() {}

  /** The formats the anchors write. */
  public enum Format {
    /** Bueno de Mesquita's actor table: {@code Actor,Capability,Position,Salience}. */
    BDM,
    /**
     * KTAB's SMP CSV: a title row, a header row, then name, description, capability, position and
     * salience per dimension.
     */
    KTAB
  }

  /**
   * Reads a table in the given format, or guesses it (a first cell {@code Actor} means BDM) when
   * null.
   */
  public static ActorTable read(java.nio.file.Path file, Format format) throws ScenarioException {
    Format f = format != null ? format : guess(file);
    return f == Format.BDM ? BdmTableReader.read(file) : KtabCsvReader.read(file);
  }

  /**
   * The anchor's own model: the expected utility model for BDM tables, the spatial model for
   * KTAB's.
   */
  public static String nativeProtocol(java.nio.file.Path file, Format format) {
    Format f = format != null ? format : guess(file);
    return org.negotiate.scenario.ProtocolParameters.nativeTo(f.name());
  }

  /** Bytes looked at to guess a table's format: its first non-blank line is somewhere in here. */
  private static final int GUESS_BYTES = 64 * 1024;

  private static Format guess(java.nio.file.Path file) {
    // Only the start of the file is read: it may be huge, a pipe or a device (the reader then
    // refuses it).
    byte[] head;
    // a pipe can be read once, by the reader; guessing must not take its start (or wait on it)
    if (!java.nio.file.Files.isRegularFile(file)) return Format.KTAB;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      head = in.readNBytes(GUESS_BYTES);
    } catch (java.io.IOException | RuntimeException e) {
      return Format.KTAB; // the reader reports an unreadable file with its own message
    }
    String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r\n|\r|\n")) {
      String first =
          line.replace("\u00ef\u00bb\u00bf", "").split(",", -1)[0].replace("\"", "").trim();
      if (first.isEmpty() && line.isBlank()) continue;
      return first.equalsIgnoreCase("actor") ? Format.BDM : Format.KTAB;
    }
    return Format.KTAB;
  }

  /**
   * The scenario for a table, run with {@code protocol}. Positions stay in the table's units when
   * they lie within 0–100, and are otherwise mapped linearly from the table's range onto 0–100 (the
   * expected utility and spatial models depend only on relative distances). The result is validated
   * like any scenario file.
   */
  public static Scenario toScenario(ActorTable t, String protocol) throws ScenarioException {
    if (t.rows().size() > Limits.MAX_ACTORS || t.dimensions().size() > Limits.MAX_ISSUES) {
      throw new ScenarioException(
          new Problem(
              t.source(),
              t.rows().isEmpty() ? 1 : t.rows().get(0).line(),
              1,
              "",
              "a table may have at most "
                  + Limits.MAX_ACTORS
                  + " actors and "
                  + Limits.MAX_ISSUES
                  + " dimensions, got "
                  + t.rows().size()
                  + " and "
                  + t.dimensions().size()));
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (ActorTable.Row r : t.rows()) {
      for (double x : r.positions()) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    boolean rescale = lo < 0 || hi > 100;
    // Only capabilities' ratios matter to the models: a table above the scenario's maximum is
    // scaled down to it.
    double maxCapability =
        t.rows().stream().mapToDouble(ActorTable.Row::capability).max().orElse(1);
    double capabilityScale = maxCapability > MAX_CAPABILITY ? MAX_CAPABILITY / maxCapability : 1;
    double from = lo;
    double width = hi > lo ? hi - lo : 1;

    List<Issue> issues = new ArrayList<>();
    Set<String> issueIds = new HashSet<>();
    for (int d = 0; d < t.dimensions().size(); d++) {
      String label = t.dimensions().get(d);
      String low =
          rescale ? "0 = " + fmt(lo) + " in the table" : "lowest position in the table: " + fmt(lo);
      String high =
          rescale
              ? "100 = " + fmt(hi) + " in the table"
              : "highest position in the table: " + fmt(hi);
      issues.add(
          new Issue(unique(id(label, "dimension_" + (d + 1)), issueIds), label, low, high, null));
    }

    List<Actor> actors = new ArrayList<>();
    Set<String> actorIds = new HashSet<>();
    actorIds.add(
        Actor.TEXT_ID); // a row named "Text" becomes text_2: the id names the mediators' text
    String file = fileName(t.source());
    String evidenceFile = evidenceFile(file);
    Map<String, ActorTable.Row> rowOf = new LinkedHashMap<>();
    for (ActorTable.Row r : t.rows()) {
      Map<String, Stance> stances = new LinkedHashMap<>();
      for (int d = 0; d < issues.size(); d++) {
        double x = rescale ? 100 * (r.positions()[d] - from) / width : r.positions()[d];
        stances.put(
            issues.get(d).id(),
            new Stance(
                Quantity.of(x),
                Quantity.of(r.saliences()[d]),
                RedLine.NONE,
                null,
                null,
                List.of(evidenceFile + "#" + r.name()),
                "row at line " + r.line() + " of " + file));
      }
      String actorId = unique(id(r.name(), "actor"), actorIds);
      rowOf.put(actorId, r);
      // r x (1e6 / max) can round one ulp above 1e6 for the largest row
      actors.add(
          new Actor(
              actorId,
              r.name(),
              Role.PARTY,
              Quantity.of(Math.min(MAX_CAPABILITY, r.capability() * capabilityScale)),
              // A table gives no cost of delay: 0, so under the mediated protocol no row concedes.
              Quantity.of(0),
              Quantity.of(1),
              Quantity.of(0),
              Quantity.of(0),
              Quantity.of(0),
              stances,
              Map.of(),
              Map.of(),
              List.of(evidenceFile + "#" + r.name()),
              r.description() == null ? "" : r.description()));
    }
    double tolerance = TOLERANCE_SHARE * (rescale ? 100 : width);
    String description =
        (t.description() == null || t.description().isBlank() ? "" : t.description() + " ")
            + "(converted from the actor table "
            + file
            + ")";
    Scenario s =
        new Scenario(
            id(t.name(), "table").replace('_', '-'),
            description,
            new Calendar(START, false),
            issues,
            actors,
            new ProtocolSpec(protocol, Map.of()),
            new AgreementRule("unanimity", tolerance),
            List.of(),
            new ExperimentDefaults(1, rounds(actors.size(), issues.size()), 1),
            SalienceMode.INDEPENDENT,
            false,
            CaseFile.NONE,
            // the rows keep the file's order: KTAB's spatial model is not order-free
            // (ActorOrder.LISTED)
            ActorOrder.LISTED);
    // Validated exactly as a file would be: the table may break rules a scenario must keep. The
    // problems are then pointed back at the table's rows (the YAML text is never seen).
    try {
      return ScenarioLoader.parse(ScenarioWriter.toYaml(s), t.source());
    } catch (ScenarioException e) {
      List<Problem> mapped = new ArrayList<>();
      for (Problem p : e.problems()) mapped.add(inTable(p, t, rowOf));
      throw new ScenarioException(mapped);
    }
  }

  /**
   * Default rounds of a table's scenario: 100, or fewer when the position history would be too
   * large.
   */
  static int rounds(int actors, int issues) {
    long perRound = Limits.positionCells(actors, Math.max(1, issues), 1);
    return (int) Math.max(1, Math.min(DEFAULT_ROUNDS, Limits.MAX_POSITION_CELLS / perRound));
  }

  private static final int DEFAULT_ROUNDS = 100;

  /** The largest capability a scenario takes (its range is (0, 1e6]). */
  private static final double MAX_CAPABILITY = 1e6;

  /**
   * A problem found in the scenario made from a table, placed at the row of the actor it is about.
   */
  private static Problem inTable(Problem p, ActorTable t, Map<String, ActorTable.Row> rowOf) {
    String field = p.field();
    ActorTable.Row row = null;
    if (field.startsWith("actors[")) {
      int close = field.indexOf(']');
      if (close > 0) row = rowOf.get(field.substring("actors[".length(), close));
    }
    int line =
        row != null ? row.line() : t.rows().isEmpty() ? 1 : Math.max(1, t.rows().get(0).line() - 1);
    String where =
        row != null
            ? "row "
                + row.line()
                + " ("
                + row.name()
                + ")"
                + field.substring(field.indexOf(']') + 1)
            : field;
    return new Problem(
        t.source(),
        line,
        1,
        where,
        p.message() + " (a rule of scenarios, which this table is run as)");
  }

  /**
   * The file part of the evidence references made for a table's rows: its file name reduced to what
   * an evidence reference allows ({@code [A-Za-z0-9][A-Za-z0-9._-]*}).
   */
  static String evidenceFile(String fileName) {
    String s = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) ? "table" + s : s;
  }

  /**
   * A scenario id from a table's name: lower case letters, digits and _, starting with a letter.
   */
  static String id(String name, String fallback) {
    String s =
        name == null
            ? ""
            : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (s.isEmpty()) return fallback;
    return Character.isLetter(s.charAt(0)) ? s : fallback + "_" + s;
  }

  private static String unique(String id, Set<String> taken) {
    String candidate = id;
    for (int n = 2; !taken.add(candidate); n++) candidate = id + "_" + n;
    return candidate;
  }

  private static String fileName(String source) {
    String s = source == null ? "table" : source.replace('\\', '/');
    return s.substring(s.lastIndexOf('/') + 1);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }

  /**
   * A random actor table (for benchmarks): positions uniform on 0-100, saliences on 0.1-1,
   * capabilities on 1-100, each to 0.01.
   */
  public static Scenario synthetic(int actors, int issues, String protocol, long seed)
      throws ScenarioException {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> dims = new ArrayList<>();
    for (int k = 0; k < issues; k++) dims.add("issue " + (k + 1));
    List<ActorTable.Row> rows = new ArrayList<>();
    for (int i = 0; i < actors; i++) {
      double[] x = new double[issues];
      double[] sal = new double[issues];
      for (int k = 0; k < issues; k++) {
        x[k] = Math.round(r.nextDouble(0, 100) * 100) / 100.0;
        sal[k] = Math.round(r.nextDouble(0.1, 1) * 100) / 100.0;
      }
      rows.add(
          new ActorTable.Row(
              i + 2,
              "actor " + (i + 1),
              "",
              Math.round(r.nextDouble(1, 100) * 100) / 100.0,
              x,
              sal));
    }
    return TableScenarios.toScenario(
        new ActorTable("synthetic " + actors + "x" + issues, "", dims, rows, "synthetic.csv"),
        protocol);
  }
}
