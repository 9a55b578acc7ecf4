package org.negotiate.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads, overrides and validates a scenario file. Every problem found is reported at once, each
 * with the file, the 1-based line and column of the offending value (of the key, for unknown and
 * duplicate keys) and the field's path, e.g. {@code scenarios/x.yaml:14:9:
 * actors[turkey].stances.withdrawal.salience: expected a number in [0,1], got "high"}. A YAML
 * syntax error is reported alone. No exception other than {@link ScenarioException} leaves {@code
 * load}.
 *
 * <h2>Format</h2>
 *
 * One YAML document (UTF-8, at most 5 MB, nesting at most 50 levels, no aliases, no tags; every
 * size is bounded by {@link Limits}: 250 actors, 50 issues, 500 events, ...). Top-level keys:
 *
 * <pre>
 * name: baseline                  # required; [A-Za-z0-9_-]+ (it becomes a results folder name)
 * description: free text          # optional
 * calendar: {start: 2022-12}      # required; round 0 is this month, one round per month
 * issues:                         # required, at least one
 *   - id: withdrawal              # [a-z][a-z0-9_]*, unique
 *     label: ..., low: ..., high: ...   # text: what the issue is, what 0 and 100 mean
 *     status_quo: 0               # optional, [0,100]
 * actors:                         # required; at least one with role party
 *   - id: turkey                  # [a-z][a-z0-9_]*, unique; not protocol/agreement/experiment/calendar
 *     name: Türkiye
 *     role: party                 # party | mediator | stakeholder | veto
 *     capability: triangular(70, 80, 90)   # (0, 1e6]
 *     reservation: uniform(0.30, 0.42)     # [0, 1)
 *     flexibility: 1              # (0, 10]; shapes the concession: 1 - (1 - kappa)^flexibility
 *     cost_of_delay: 0.05         # optional, [0, 1), default 0: share of the gap to the reservation given up per month of talks
 *     risk: 0                     # optional, [-1, 1], default 0
 *     lean: 0.1                   # optional, [0, 1], default 0
 *     evidence: [003#quote]       # optional for actors; a reference or a list of them
 *     rationale: text             # optional for actors
 *     ties: {opposition: 0.1}     # optional; other actor -> [0, 1); an actor's ties sum to &lt; 1 (using max values)
 *     pressure: {syria: 0.01}     # optional; other actor -> [-1, 1], added to its cost of delay
 *     stances:                    # one per issue, no other
 *       withdrawal:
 *         position: 15            # [0, 100]
 *         salience: 0.3           # [0, 1]; an actor's nominal saliences sum to 1 (within 0.01)
 *         red_line: {max: 60}     # optional {min?, max?} in [0, 100]; min &lt;= max; must admit the position
 *         flexibility: 0.5        # optional, (0, 10]; default: the actor's
 *         cost_of_delay: 0.08     # optional, [0, 1); default: the actor's
 *         evidence: [001#quote]   # required, at least one
 *         rationale: text         # required
 * protocol:                       # optional; default mediated with no params
 *   name: mediated                # one of {@link ProtocolParameters#PARAMS}
 *   params: {noise: 0.03, breakdown_after: 0}   # mediated: noise [0,1], breakdown_after integer &gt;= 0,
 *                                 # walkout_hazard [0,1], revision [0,100]
 * agreement: {rule: unanimity, tolerance: 5}    # optional; these are the defaults; tolerance [0,100]
 * events:                         # optional
 *   - id: earthquake              # unique
 *     label: text
 *     at: 2023-02                 # YYYY-MM, not before calendar.start; or instead:
 *     # random: {probability: 0.03, from: 2023-01, to: 2024-11}   # per round, within [from, to]
 *     changes:                    # at least one
 *       - {target: turkey.cost_of_delay, scale: "uniform(1.0, 1.4)"}
 *       # exactly one of set: Q (in the target's range), shift: Q (within +-its width),
 *       # scale: Q (&gt; 0), remove: true (red_line.min / red_line.max only)
 *     evidence: [002#quote]       # required
 *     rationale: text             # required
 * experiment: {replications: 2000, rounds: 24, seed: 1}   # optional, defaults shown;
 *                                 # replications 1..10,000,000, rounds 1..1200, seed any long
 * </pre>
 *
 * <p><b>Numbers.</b> Any quantity (not the agreement tolerance, event probability or integer
 * settings) may be a number or a distribution: {@code uniform(lo, hi)}, {@code triangular(lo, mode,
 * hi)}, {@code normal(mean, sd[, lo, hi])} (truncated), {@code beta(a, b[, lo, hi])} (scaled); see
 * {@link Quantities}. Every value a distribution can take must be valid for its field. Inside a
 * flow collection YAML ends an unquoted value at each comma, so there a distribution is quoted
 * ({@code {max: "uniform(45, 70)"}}); in block style ({@code max: uniform(45, 70)} on its own line)
 * it need not be. An unquoted one cut at its comma is an error that shows the quoted text.
 *
 * <p><b>Targets</b> of events and {@code --set} are input paths, see {@link InputPaths}: {@code
 * ACTOR.FIELD}, {@code ACTOR.ties.OTHER}, {@code ACTOR.pressure.OTHER}, {@code ACTOR.ISSUE.FIELD}.
 *
 * <p><b>Evidence</b> references are {@code FILE#quote fragment} (see {@link EvidenceRef}). When a
 * {@code seeds/} folder is found in the scenario's directory or a parent, FILE must name one of its
 * files and the quote must occur in it (case, white space and typographic quotes ignored);
 * otherwise only the shape is checked. Inside {@code [a, b]} a quote containing commas is quoted
 * ({@code ["000#backers, Russia and Iran"]}): unquoted, YAML splits it, and a piece that does not
 * start with {@code FILE#} is an error that shows the quoted text.
 *
 * <p><b>Overrides</b> {@code PATH=VALUE}, applied in order after loading, then the whole scenario
 * is validated again. PATH is an input path, {@code protocol.name}, {@code protocol.PARAM}, {@code
 * agreement.rule}, {@code agreement.tolerance}, or {@code experiment.replications|rounds|seed}.
 * VALUE is a number or distribution text; {@code none} removes an optional value (a red-line bound,
 * a tie, a pressure, a stance's own flexibility). Setting a salience renormalises the actor's
 * <em>other</em> saliences proportionally (each scaled by {@code (1 - s) / their nominal sum}) so
 * the nominal saliences still sum to 1. Problems are reported with file {@code --set}.
 *
 * <p>Paths in messages name list items by id ({@code actors[turkey]}) or, without a usable id, by
 * 0-based index ({@code events[2]}); changes always by index ({@code changes[0]}).
 *
 * <h2>Deltas: {@code extends}</h2>
 *
 * A what-if can be written as the changes to another scenario:
 *
 * <pre>
 * extends: ../baseline.yaml       # the base, relative to this file's folder
 * name: no_earthquake             # required in a delta (it names the results folder)
 * description: ...                # optional; else the base's
 * remove: {events: [earthquake]}  # optional: ids to drop from actors, events, issues
 * actors:                         # only what changes, matched by id
 *   - id: russia
 *     lean: uniform(0.0, 0.1)
 *     evidence: [004#quote]
 * </pre>
 *
 * <ol>
 *   <li>The base is loaded first, recursively (a base may itself extend another, up to {@value
 *       #MAX_EXTENDS} levels). A missing or unreadable base is a problem at the {@code extends}
 *       line; a cycle is a problem there naming it, e.g. {@code extends cycle: a.yaml -> b.yaml ->
 *       a.yaml}. A problem inside the base is reported in the base's file.
 *   <li>{@code remove:} drops the listed items from the base's {@code actors}, {@code events} and
 *       {@code issues} (an id the base does not have is a problem at that id). What cannot exist
 *       without a removed item is dropped with it, not reported: other actors' {@code ties} and
 *       {@code pressure} entries naming a removed actor, every actor's stance on a removed issue,
 *       and event changes whose target names a removed actor or issue (an event left with no change
 *       is dropped). Saliences are <em>not</em> renormalised: after removing an issue the delta
 *       must give the remaining saliences, or validation reports their sum.
 *   <li>The delta's tree is merged onto the base's, before binding: mappings merge key by key,
 *       recursively; a key set to {@code null} ({@code ~}) deletes the base's key (e.g. {@code
 *       red_line: {min: ~}} removes a bound, {@code ties: {opposition: ~}} a tie); lists whose
 *       items have an {@code id} ({@code issues}, {@code actors}, {@code events}) merge by id: an
 *       item with an id the base has is merged into the base's item, one with a new id is appended;
 *       every other list (evidence, changes) and every scalar replaces the base's. So a changed
 *       stance that gives {@code evidence} and {@code rationale} replaces the base's, and one that
 *       does not keeps them; changing one of an event's changes means giving its whole {@code
 *       changes} list. Setting a salience does not rescale the others (unlike {@code --set}): give
 *       them all.
 *   <li>The merged tree is bound and validated as one whole scenario. Every problem points at the
 *       file and line the offending value came from: the delta's when the delta wrote it, the
 *       base's when the base did (a merged mapping or list is placed where the delta wrote it).
 *       Evidence references are checked against the {@code seeds/} folder nearest to the file that
 *       contains them.
 * </ol>
 *
 * {@code remove:} without {@code extends:} is a problem; {@link #parse} does not resolve {@code
 * extends:} (there is no file to resolve it from).
 */
public final class ScenarioLoader {

  private ScenarioLoader() {}

  /** Deepest chain of {@code extends} followed. */
  static final int MAX_EXTENDS = Limits.MAX_EXTENDS;

  /** Loads and validates {@code file}. */
  public static Scenario load(Path file) throws ScenarioException {
    return load(file, List.of());
  }

  /** Loads and validates {@code file}, then applies and validates the {@code --set} overrides. */
  public static Scenario load(Path file, List<String> overrides) throws ScenarioException {
    String label = String.valueOf(file);
    try {
      List<Problem> merging = new ArrayList<>();
      YamlNode.Map root =
          resolve(file, read(file, label), new ArrayList<>(), new ArrayList<>(), merging);
      YamlNode.Origin o = root.origin();
      ScenarioBinder b =
          new ScenarioBinder(label, o == null ? "" : o.source(), o == null ? null : o.seeds());
      b.problems.addAll(merging); // reported with the binder's, all at once
      return bind(b, root, overrides == null ? List.of() : overrides);
    } catch (ScenarioException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ScenarioException(new Problem(label, 0, 0, "", INTERNAL + e));
    }
  }

  /**
   * Loads a scenario from text (evidence is only shape-checked): for tests, the GUI and round trips
   * of {@link ScenarioWriter#toYaml}.
   *
   * @param label the name problems are reported under
   */
  public static Scenario parse(String yaml, String label) throws ScenarioException {
    try {
      return build(label, yaml.getBytes(StandardCharsets.UTF_8), null, List.of());
    } catch (ScenarioException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ScenarioException(new Problem(label, 0, 0, "", INTERNAL + e));
    }
  }

  /**
   * Loads a scenario from the bytes of a file (evidence is only shape-checked), as {@link #load}
   * decodes them.
   */
  static Scenario parse(byte[] bytes, String label) throws ScenarioException {
    try {
      return build(label, bytes, null, List.of());
    } catch (ScenarioException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ScenarioException(new Problem(label, 0, 0, "", INTERNAL + e));
    }
  }

  /** A small scenario that goes through every step of loading and cutting: see {@link #warmUp}. */
  static final String WARM_UP =
      String.join(
          "\n",
          "name: warm-up",
          "status: draft",
          "calendar:",
          "  start: 2020-01",
          "issues:",
          "  - id: i",
          "    label: I",
          "    low: none",
          "    high: all",
          "actors:",
          "  - id: a",
          "    name: A",
          "    role: party",
          "    capability: triangular(1, 2, 3)",
          "    reservation: 0.1",
          "    flexibility: 1",
          "    risk: 0",
          "    lean: 0",
          "    stances:",
          "      i:",
          "        position: uniform(10, 20)",
          "        salience: 1",
          "        red_line:",
          "          min: 5",
          "  - id: b",
          "    name: B",
          "    role: party",
          "    capability: 1",
          "    reservation: 0.1",
          "    flexibility: 1",
          "    risk: 0",
          "    lean: 0",
          "    stances:",
          "      i:",
          "        position: 80",
          "        salience: 1",
          "events:",
          "  - id: e",
          "    label: E",
          "    at: 2020-03",
          "    changes:",
          "      - target: a.i.position",
          "        shift: 5",
          "experiment:",
          "  replications: 10",
          "  rounds: 12",
          "  seed: 1",
          "");

  /**
   * Loads a small scenario held in memory and cuts it as of a month, for the CLI's warm-up thread
   * while the command line is still being parsed: the classes of reading, binding, validating and
   * cutting (and Jackson's YAML parser) are loaded and initialised on the second core rather than
   * while the main thread reads the real scenario (about half of a first load's cost). Nothing is
   * read from disk, written or kept; a failure here is only a lost head start.
   *
   * @return the small scenario as cut, for warming what comes next; null if it failed
   */
  public static Scenario warmUp() {
    try {
      Scenario s = parse(WARM_UP, "warm-up");
      return AsOf.cut(s, s.calendar().month(1), s.experiment().rounds()).scenario();
    } catch (ScenarioException | RuntimeException e) {
      return null; // the real scenario reports any real problem
    }
  }

  /** How an exception that should never happen is reported (the fuzz tests look for it). */
  static final String INTERNAL = "internal error while loading: ";

  /** Applies {@code --set} overrides to a valid scenario and validates the result. */
  public static Scenario override(Scenario scenario, List<String> overrides)
      throws ScenarioException {
    if (overrides.size() > Limits.MAX_OVERRIDES) {
      throw new ScenarioException(
          new Problem(
              "--set",
              0,
              0,
              "",
              "at most "
                  + Limits.MAX_OVERRIDES
                  + " overrides are allowed, got "
                  + overrides.size()));
    }
    List<Problem> problems = new ArrayList<>();
    Scenario s = Overrides.apply(scenario, overrides, problems);
    if (problems.isEmpty()) problems.addAll(Overrides.revalidate(s));
    if (!problems.isEmpty()) throw new ScenarioException(problems);
    return s;
  }

  private static Scenario build(
      String label, byte[] bytes, EvidenceRef.Seeds seeds, List<String> overrides)
      throws ScenarioException {
    YamlReader.Result r = YamlReader.read(label, bytes, seeds);
    YamlNode.Map root = (YamlNode.Map) r.root();
    YamlNode.Entry ext = root.entries().get(ScenarioDelta.EXTENDS);
    if (ext != null) {
      throw new ScenarioException(
          new Problem(
              label,
              ext.keyLine(),
              ext.keyColumn(),
              ScenarioDelta.EXTENDS,
              "extends: is resolved relative to the scenario's file; load the file rather than its text"));
    }
    noRemoveWithoutExtends(root);
    return bind(new ScenarioBinder(label, r.source(), seeds), root, overrides);
  }

  private static Scenario bind(ScenarioBinder b, YamlNode.Map root, List<String> overrides)
      throws ScenarioException {
    Scenario s = b.bind(root);
    if (!b.problems.isEmpty()) throw new ScenarioException(b.problems);
    return overrides.isEmpty() ? s : override(s, overrides);
  }

  /**
   * Reads {@code file} and, when it {@code extends:} another, that one first (recursively), and
   * returns the merged tree. {@code chain} holds the real paths already being resolved and {@code
   * labels} their names, for the cycle message. Problems that leave a usable tree (a missing name,
   * an unknown id to remove, a list item without an id) are added to {@code problems}; the others
   * are thrown.
   */
  private static YamlNode.Map resolve(
      Path file, byte[] bytes, List<Path> chain, List<String> labels, List<Problem> problems)
      throws ScenarioException {
    String label = String.valueOf(file);
    YamlNode.Map root = parsed(file, label, bytes);
    notAScenario(root, label);
    YamlNode.Entry ext = root.entries().get(ScenarioDelta.EXTENDS);
    if (ext == null) {
      noRemoveWithoutExtends(root);
      return root;
    }
    YamlNode v = ext.value();
    if (!(v instanceof YamlNode.Scalar s)
        || s.kind() != YamlNode.Kind.STRING
        || s.text().isBlank()) {
      throw new ScenarioException(
          new Problem(
              label,
              v.line(),
              v.column(),
              ScenarioDelta.EXTENDS,
              "expected the path of the base scenario, relative to this file (e.g. ../baseline.yaml), got "
                  + v.describe()));
    }
    if (!root.entries().containsKey("name")) {
      problems.add(
          new Problem(
              label,
              root.line(),
              root.column(),
              "name",
              "missing required key name: a scenario that extends another needs its own name (it names the results folder)"));
    }
    Path base;
    try {
      Path text = Path.of(s.text().strip());
      base =
          (text.isAbsolute() || file.getParent() == null ? text : file.getParent().resolve(text))
              .normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new ScenarioException(
          new Problem(
              label,
              v.line(),
              v.column(),
              ScenarioDelta.EXTENDS,
              "not a file path: " + Quantities.quote(s.text())));
    }
    String baseLabel = String.valueOf(base);
    Path me = identity(file);
    List<Path> nextChain = new ArrayList<>(chain);
    nextChain.add(me);
    List<String> nextLabels = new ArrayList<>(labels);
    nextLabels.add(label);
    int cycle = nextChain.indexOf(identity(base));
    if (cycle >= 0) {
      List<String> names = new ArrayList<>(nextLabels.subList(cycle, nextLabels.size()));
      names.add(nextLabels.get(cycle));
      throw new ScenarioException(
          new Problem(
              label,
              v.line(),
              v.column(),
              ScenarioDelta.EXTENDS,
              "extends cycle: " + String.join(" -> ", names)));
    }
    if (!Files.exists(base)) {
      throw new ScenarioException(
          new Problem(
              label,
              v.line(),
              v.column(),
              ScenarioDelta.EXTENDS,
              "base scenario "
                  + baseLabel
                  + " not found (extends: is relative to the folder of "
                  + label
                  + ")"));
    }
    if (Files.isDirectory(base)) {
      throw new ScenarioException(
          new Problem(
              label,
              v.line(),
              v.column(),
              ScenarioDelta.EXTENDS,
              "base scenario " + baseLabel + " is a directory, not a scenario file"));
    }
    if (nextChain.size() > MAX_EXTENDS) {
      throw new ScenarioException(
          new Problem(
              label,
              v.line(),
              v.column(),
              ScenarioDelta.EXTENDS,
              "more than " + MAX_EXTENDS + " levels of extends"));
    }
    byte[] baseBytes;
    try {
      baseBytes = read(base, baseLabel);
    } catch (ScenarioException e) {
      throw new ScenarioException(
          new Problem(
              label,
              v.line(),
              v.column(),
              ScenarioDelta.EXTENDS,
              "base scenario " + baseLabel + ": " + e.problems().get(0).message()));
    }
    YamlNode.Map baseTree = resolve(base, baseBytes, nextChain, nextLabels, problems);
    return ScenarioDelta.apply(baseTree, root, problems);
  }

  /**
   * Refuses a file none of whose top-level keys is, or nearly is, a scenario's ({@code extends:
   * /etc/shadow}): it is some other file, and its lines are not repeated in messages.
   */
  private static void notAScenario(YamlNode.Map root, String label) throws ScenarioException {
    if (root.entries().isEmpty()) return;
    for (String key : root.entries().keySet()) {
      if (ScenarioBinder.TOP.contains(key)
          || ScenarioBinder.suggest(key, ScenarioBinder.TOP) != null) return;
    }
    throw new ScenarioException(
        new Problem(
            label,
            0,
            0,
            "",
            "not a scenario file: none of its "
                + root.entries().size()
                + " top-level keys is a scenario's (name:, issues:, actors:, ...); its contents are not shown"));
  }

  private static void noRemoveWithoutExtends(YamlNode.Map root) throws ScenarioException {
    YamlNode.Entry rm = root.entries().get(ScenarioDelta.REMOVE);
    if (rm != null) {
      throw new ScenarioException(
          new Problem(
              ScenarioDelta.fileOf(rm),
              rm.keyLine(),
              rm.keyColumn(),
              ScenarioDelta.REMOVE,
              "remove: applies only to a scenario that extends another (add extends: BASE.yaml)"));
    }
  }

  /**
   * A file's tree as read last under the same name from the same bytes. One command reads the same
   * base many times: the brief lists every what-if beside the scenario (each extends it) and the
   * structural band loads the readings, so the main job parsed baseline.yaml ten times. Exact: a
   * tree is reused only for the very bytes it was read from, trees are never changed once read (a
   * delta is merged into copies), and the seed files a tree's evidence cites are read again by each
   * load's binder.
   */
  private static final class Parsed {
    final String label;
    final byte[] bytes;

    /** The seeds folder nearest the file when it was read (null: none). */
    final Path seeds;

    final YamlNode.Map root;

    Parsed(String label, byte[] bytes, Path seeds, YamlNode.Map root) {
      this.label = label;
      this.bytes = bytes;
      this.seeds = seeds;
      this.root = root;
    }
  }

  /** The last trees read (a scenario, its base, the what-ifs and readings beside it). */
  private static final Parsed[] PARSED = new Parsed[16];

  private static int nextParsed;

  /** Forgets the trees read so far (for tests that compare a load with and without them). */
  static void forgetParsed() {
    synchronized (PARSED) {
      Arrays.fill(PARSED, null);
    }
  }

  private static YamlNode.Map parsed(Path file, String label, byte[] bytes)
      throws ScenarioException {
    // the folder is looked for again: one made or removed since names other evidence
    Path folder = EvidenceRef.seedsFolder(file).orElse(null);
    synchronized (PARSED) {
      for (Parsed p : PARSED) {
        if (p != null
            && p.label.equals(label)
            && java.util.Objects.equals(p.seeds, folder)
            && Arrays.equals(p.bytes, bytes)) return p.root;
      }
    }
    EvidenceRef.Seeds seeds = folder == null ? null : new EvidenceRef.Seeds(folder);
    YamlNode.Map root = (YamlNode.Map) YamlReader.read(label, bytes, seeds).root();
    synchronized (PARSED) {
      PARSED[nextParsed] = new Parsed(label, bytes, folder, root);
      nextParsed = (nextParsed + 1) % PARSED.length;
    }
    return root;
  }

  /** The file as one identity for cycle detection: its real path when it exists. */
  private static Path identity(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException | SecurityException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  private static byte[] read(Path file, String label) throws ScenarioException {
    return Limits.readFile(file, label);
  }
}
