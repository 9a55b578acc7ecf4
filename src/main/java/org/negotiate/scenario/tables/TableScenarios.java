package org.negotiate.scenario.tables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.AgreementRule;
import org.negotiate.scenario.Calendar;
import org.negotiate.scenario.ExperimentDefaults;
import org.negotiate.scenario.Issue;
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
    /** KTAB's SMP CSV: a title row, a header row, then name, description, capability, position and salience per dimension. */
    KTAB
  }

  /** Reads a table in the given format, or guesses it (a first cell {@code Actor} means BDM) when null. */
  public static ActorTable read(java.nio.file.Path file, Format format) throws ScenarioException {
    Format f = format != null ? format : guess(file);
    return f == Format.BDM ? BdmTableReader.read(file) : KtabCsvReader.read(file);
  }

  /** The anchor's own model: the expected utility model for BDM tables, the spatial model for KTAB's. */
  public static String nativeProtocol(java.nio.file.Path file, Format format) {
    Format f = format != null ? format : guess(file);
    return f == Format.BDM ? "eum" : "smp";
  }

  private static Format guess(java.nio.file.Path file) {
    try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      for (String line; (line = r.readLine()) != null; ) {
        String first = line.replace("\u00ef\u00bb\u00bf", "").split(",", -1)[0].replace("\"", "").trim();
        if (first.isEmpty() && line.isBlank()) continue;
        return first.equalsIgnoreCase("actor") ? Format.BDM : Format.KTAB;
      }
    } catch (java.io.IOException e) {
      // the reader reports an unreadable file with its own message
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
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (ActorTable.Row r : t.rows()) {
      for (double x : r.positions()) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    boolean rescale = lo < 0 || hi > 100;
    double from = lo;
    double width = hi > lo ? hi - lo : 1;

    List<Issue> issues = new ArrayList<>();
    Set<String> issueIds = new HashSet<>();
    for (int d = 0; d < t.dimensions().size(); d++) {
      String label = t.dimensions().get(d);
      String low = rescale ? "0 = " + fmt(lo) + " in the table" : "lowest position in the table: " + fmt(lo);
      String high = rescale ? "100 = " + fmt(hi) + " in the table" : "highest position in the table: " + fmt(hi);
      issues.add(new Issue(unique(id(label, "dimension_" + (d + 1)), issueIds), label, low, high, null));
    }

    List<Actor> actors = new ArrayList<>();
    Set<String> actorIds = new HashSet<>();
    String file = fileName(t.source());
    for (ActorTable.Row r : t.rows()) {
      Map<String, Stance> stances = new LinkedHashMap<>();
      for (int d = 0; d < issues.size(); d++) {
        double x = rescale ? 100 * (r.positions()[d] - from) / width : r.positions()[d];
        stances.put(issues.get(d).id(), new Stance(Quantity.of(x), Quantity.of(r.saliences()[d]), RedLine.NONE, null,
            List.of(file + "#" + r.name()), "row at line " + r.line() + " of " + file));
      }
      actors.add(new Actor(unique(id(r.name(), "actor"), actorIds), r.name(), Role.PARTY, Quantity.of(r.capability()),
          Quantity.of(0), Quantity.of(1), Quantity.of(0), Quantity.of(0), stances, Map.of(), Map.of(),
          List.of(file + "#" + r.name()), r.description() == null ? "" : r.description()));
    }
    double tolerance = TOLERANCE_SHARE * (rescale ? 100 : width);
    String description = (t.description() == null || t.description().isBlank() ? "" : t.description() + " ")
        + "(converted from the actor table " + file + ")";
    Scenario s = new Scenario(id(t.name(), "table").replace('_', '-'), description, new Calendar(START), issues, actors,
        new ProtocolSpec(protocol, Map.of()), new AgreementRule("unanimity", tolerance), List.of(),
        new ExperimentDefaults(1, 100, 1), SalienceMode.INDEPENDENT);
    // Validated exactly as a file would be: the table may break rules a scenario must keep.
    return ScenarioLoader.parse(ScenarioWriter.toYaml(s), t.source());
  }

  /** A scenario id from a table's name: lower case letters, digits and _, starting with a letter. */
  static String id(String name, String fallback) {
    String s = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
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
}
