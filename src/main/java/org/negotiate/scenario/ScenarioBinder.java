package org.negotiate.scenario;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds the positioned YAML tree to the scenario records by hand, collecting every problem with the
 * position of the offending value (or key). Values that fail their check are left null; the caller
 * throws when any problem was found, so nulls never leave the package.
 *
 * <p>The tree may be merged from several files (a delta and the scenarios it {@code extends}); each
 * problem is reported in the file of the node it points at ({@link YamlNode#origin()}), and
 * evidence is checked against the {@code seeds/} folder of the file that cites it. Nodes without an
 * origin fall back to the file, source and seeds given to the constructor.
 */
final class ScenarioBinder {

  static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern EVIDENCE_START =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*#.*", Pattern.DOTALL);

  /** Actor ids that {@code --set} uses as section names. */
  static final List<String> RESERVED_IDS =
      List.of("protocol", "agreement", "experiment", "calendar");

  /**
   * Top-level keys; {@code extends} and {@code remove} are resolved by the loader before binding.
   */
  static final List<String> TOP =
      List.of(
          "name",
          "status",
          "description",
          "calendar",
          "saliences",
          "actor_order",
          "issues",
          "actors",
          "protocol",
          "agreement",
          "events",
          "experiment",
          "extends",
          "remove",
          "as_of",
          "observations",
          "outcome",
          "caveats",
          "sources");

  static final List<String> ISSUE_REQUIRED = List.of("id", "label", "low", "high");

  /** The keys an actor block must give: its identity, the table's required rows, its stances. */
  static final List<String> ACTOR_REQUIRED =
      concat(
          List.of("id", "name", "role"),
          Fields.own().stream().filter(Fields.Field::required).map(Fields.Field::name).toList(),
          List.of("stances"));

  static final List<String> EVENT_REQUIRED =
      List.of("id", "label", "changes", "evidence", "rationale");
  static final List<String> ISSUE = List.of("id", "label", "low", "high", "status_quo");

  /** The keys of an actor block: identity, the table's own rows, sources, relations, stances. */
  static final List<String> ACTOR =
      concat(
          List.of("id", "name", "role"),
          Fields.own().stream().map(Fields.Field::name).toList(),
          List.of("evidence", "rationale"),
          Fields.RELATION_FIELDS,
          List.of("stances", "prior"));

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> p : parts) out.addAll(p);
    return List.copyOf(out);
  }

  /** The keys of an actor block: {@link #ACTOR} and any fields added to {@link Fields}. */
  static List<String> actorKeys() {
    List<Fields.Field> added = Fields.added();
    if (added.isEmpty()) return ACTOR;
    List<String> keys = new ArrayList<>(ACTOR);
    added.forEach(f -> keys.add(f.name()));
    return keys;
  }

  static final List<String> STANCE =
      List.of(
          "position",
          "salience",
          "red_line",
          "flexibility",
          "cost_of_delay",
          "evidence",
          "rationale",
          "prior");
  static final List<String> RED_LINE = List.of("min", "max");
  static final List<String> EVENT =
      List.of("id", "label", "at", "random", "changes", "evidence", "rationale");
  static final List<String> AS_OF = List.of("forecast", "without_evidence", "rationale");
  static final List<String> OBSERVATION =
      List.of(
          "id",
          "kind",
          "month",
          "through",
          "held",
          "level",
          "actor",
          "issue",
          "min",
          "max",
          "tolerance",
          "evidence",
          "rationale");
  static final List<String> OBSERVATION_KINDS = List.of("no_deal", "talks", "demand", "refusal");
  static final List<String> OUTCOME =
      List.of("agreement", "month", "summary", "source", "base_rate", "base_rate_rationale");
  static final List<String> RANDOM = List.of("probability", "from", "to");
  static final List<String> CHANGE = List.of("target", "set", "shift", "scale", "remove");
  static final List<String> PROTOCOL = List.of("name", "params");
  static final List<String> AGREEMENT = List.of("rule", "tolerance");
  static final List<String> EXPERIMENT = List.of("replications", "rounds", "seed");

  static final ExperimentDefaults DEFAULT_EXPERIMENT = new ExperimentDefaults(2000, 24, 1);
  static final double DEFAULT_TOLERANCE = 5;

  private final String file;
  private final String source;
  private final EvidenceRef.Seeds seeds;
  final List<Problem> problems = new ArrayList<>();
  final Map<String, Pos> valuePos = new HashMap<>();
  final Map<String, Pos> keyPos = new HashMap<>();

  /** The root's file, for problems with no better position. */
  private String rootFile;

  /** A position in a file. */
  record Pos(String file, int line, int column) {}

  private YearMonth start;

  /**
   * status: draft: a stance or event may lack its evidence and rationale (counted as unsourced, not
   * refused).
   */
  private boolean draft;

  /** An actor or issue id was malformed: names that fail to resolve are then not reported again. */
  private boolean idsBroken;

  private final List<String> issueIds = new ArrayList<>();
  private final List<String> actorIds = new ArrayList<>();

  ScenarioBinder(String file, String source, EvidenceRef.Seeds seeds) {
    this.file = file;
    this.source = source;
    this.seeds = seeds;
  }

  // ================================================================ scenario

  Scenario bind(YamlNode.Map root) {
    rootFile = fileOf(root);
    keys(root, "", TOP, List.of("name", "calendar", "issues", "actors"));
    String status = str(root, "status", "", false);
    if (status != null && !status.equals("draft") && !status.equals("final")) {
      err(
          val(root, "status"),
          "status",
          "expected draft (missing evidence and rationales are warnings) or final, got "
              + Quantities.quote(status));
    }
    draft = "draft".equals(status);
    String name = str(root, "name", "", true);
    if (name != null && !NAME.matcher(name).matches()) {
      err(
          val(root, "name"),
          "name",
          "expected a name of letters, digits, _ and - (it becomes a folder name), got "
              + Quantities.quote(name));
      name = null;
    }
    String description = str(root, "description", "", false);
    Calendar calendar = calendar(root);
    List<Issue> issues = issues(root);
    List<Actor> actors = actors(root);
    ProtocolSpec protocol = protocol(root);
    AgreementRule agreement = agreement(root);
    List<Event> events = events(root);
    ExperimentDefaults experiment = experiment(root);
    CaseFile caseFile = caseFile(root, events);
    SalienceMode saliences = SalienceMode.SHARES;
    String mode = str(root, "saliences", "", false);
    if (mode != null) {
      switch (mode) {
        case "shares" -> saliences = SalienceMode.SHARES;
        case "independent" -> saliences = SalienceMode.INDEPENDENT;
        default ->
            err(
                val(root, "saliences"),
                "saliences",
                "expected shares or independent, got " + Quantities.quote(mode));
      }
    }
    ActorOrder actorOrder = ActorOrder.ID;
    String order = str(root, "actor_order", "", false);
    if (order != null) {
      switch (order) {
        case "id" -> actorOrder = ActorOrder.ID;
        case "listed" -> actorOrder = ActorOrder.LISTED;
        default ->
            err(
                val(root, "actor_order"),
                "actor_order",
                "expected id or listed, got " + Quantities.quote(order));
      }
    }
    Scenario s =
        new Scenario(
            name,
            description == null ? "" : description,
            calendar,
            issues,
            actors,
            protocol,
            agreement,
            events,
            experiment,
            saliences,
            draft,
            caseFile,
            actorOrder);
    if (!limits.isEmpty()) {
      problems.clear();
      problems.addAll(limits);
      return s;
    }
    for (ScenarioValidator.Finding f : ScenarioValidator.validate(s)) {
      if (idsBroken && f.atKey() && f.message().startsWith("unknown actor")) continue;
      Pos pos = position(f.path(), f.atKey());
      String message = f.message();
      if (message.contains("excludes the actor's own position") && f.path().contains(".red_line")) {
        // in a delta the two may come from different files: name where the position was set too
        Pos at = valuePos.get(f.path().substring(0, f.path().indexOf(".red_line")) + ".position");
        if (at != null && !at.file().equals(pos.file())) {
          message +=
              " (the position is set at " + at.file() + ":" + at.line() + ":" + at.column() + ")";
        }
      }
      problems.add(new Problem(pos.file(), pos.line(), pos.column(), f.path(), message));
    }
    return s;
  }

  private Pos position(String path, boolean atKey) {
    for (String p = path; ; p = parent(p)) {
      Pos pos = (atKey ? keyPos : valuePos).get(p);
      if (pos == null) pos = (atKey ? valuePos : keyPos).get(p);
      if (pos != null) return pos;
      if (p.isEmpty()) return new Pos(rootFile == null ? file : rootFile, 1, 1);
    }
  }

  private String fileOf(YamlNode n) {
    return n != null && n.origin() != null ? n.origin().file() : file;
  }

  private String fileOf(YamlNode.Entry e) {
    return e.origin() != null ? e.origin().file() : fileOf(e.value());
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int br = path.lastIndexOf('[');
    int cut = Math.max(dot, br);
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  private Calendar calendar(YamlNode.Map root) {
    YamlNode.Map m = map(root, "calendar", "calendar");
    if (m == null) return null;
    keys(m, "calendar", List.of("start", "undated"), List.of("start"));
    start = month(m, "start", "calendar.start");
    // undated: true (an actor table's calendar): the start is a placeholder, results count rounds
    Boolean undated =
        m.entries().containsKey("undated") ? bool(m, "undated", "calendar", false) : null;
    return start == null ? null : new Calendar(start, undated == null || !undated);
  }

  // ================================================================ issues

  private List<Issue> issues(YamlNode.Map root) {
    List<YamlNode> items = seq(root, "issues", "issues");
    List<Issue> out = new ArrayList<>();
    if (items == null) return out;
    if (tooMany(val(root, "issues"), "issues", items.size(), Limits.MAX_ISSUES, "issues")) {
      items = items.subList(0, Limits.MAX_ISSUES);
    }
    Map<String, YamlNode> seen = new HashMap<>();
    for (int k = 0; k < items.size(); k++) {
      String path = itemPath("issues", k, items.get(k));
      YamlNode.Map m = asMap(items.get(k), path);
      if (m == null) continue;
      keys(m, path, ISSUE, ISSUE_REQUIRED);
      String id = id(m, path, seen, "issue");
      if (id != null) issueIds.add(id);
      String label = str(m, "label", path, true);
      String low = str(m, "low", path, true);
      String high = str(m, "high", path, true);
      Quantity sq = qty(m, "status_quo", path, Range.POSITION, false);
      out.add(new Issue(id, label, low, high, sq));
    }
    if (items.isEmpty()) err(val(root, "issues"), "issues", "a scenario needs at least one issue");
    return Collections.unmodifiableList(out);
  }

  // ================================================================ actors

  private List<Actor> actors(YamlNode.Map root) {
    List<YamlNode> items = seq(root, "actors", "actors");
    List<Actor> out = new ArrayList<>();
    if (items == null) return out;
    if (tooMany(val(root, "actors"), "actors", items.size(), Limits.MAX_ACTORS, "actors")) {
      items = items.subList(0, Limits.MAX_ACTORS);
    }
    Map<String, YamlNode> seen = new HashMap<>();
    // first pass: every id, so ties and event targets can name actors defined later
    for (YamlNode item : items) {
      if (item instanceof YamlNode.Map m
          && m.entries().get("id") != null
          && m.entries().get("id").value() instanceof YamlNode.Scalar s
          && ID.matcher(s.text()).matches()
          && !actorIds.contains(s.text())) {
        actorIds.add(s.text());
        if (m.entries().get("role") != null
            && m.entries().get("role").value() instanceof YamlNode.Scalar r
            && r.text().strip().equals(Role.PARTY.yamlName())) {
          partyIds.add(s.text());
        }
      }
    }
    for (int k = 0; k < items.size(); k++) {
      String path = itemPath("actors", k, items.get(k));
      YamlNode.Map m = asMap(items.get(k), path);
      if (m == null) continue;
      keys(m, path, actorKeys(), ACTOR_REQUIRED);
      String id = id(m, path, seen, "actor");
      if (id != null && RESERVED_IDS.contains(id)) {
        err(
            val(m, "id"),
            path + ".id",
            "actor id "
                + Quantities.quote(id)
                + " is reserved (--set uses "
                + id
                + ".FIELD); valid ids are any other [a-z][a-z0-9_]*");
      }
      String name = str(m, "name", path, true);
      Role role = role(m, path);
      // The table's own rows, in its order: required ones or the row's value when absent.
      Actor own =
          new Actor(
              id, name, role, null, null, null, null, null, null, Map.of(), Map.of(), Map.of(),
              List.of(), "", Map.of());
      for (Fields.Field f : Fields.own()) own = f.setter().with(own, null, field(m, f, path));
      List<String> evidence = evidence(m, path, false);
      String rationale = str(m, "rationale", path, false);
      Map<String, Quantity> ties = relation(m, "ties", path, Fields.TIES.range());
      Map<String, Quantity> pressure = relation(m, "pressure", path, Fields.PRESSURE.range());
      Map<String, Stance> stances = stances(m, path, id);
      if (id != null) prior(m, path, id, false);
      // Fields added to the table: optional, their stated default when absent.
      Map<String, Quantity> more = new LinkedHashMap<>();
      for (Fields.Field f : Fields.added()) {
        Quantity q = field(m, f, path);
        if (q != null) more.put(f.name(), q);
      }
      out.add(
          new Actor(
              id,
              name,
              role,
              own.capability(),
              own.reservation(),
              own.flexibility(),
              own.costOfDelay(),
              own.risk(),
              own.lean(),
              stances,
              ties,
              pressure,
              evidence,
              rationale == null ? "" : rationale,
              Collections.unmodifiableMap(more)));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * An actor field's value in a block: a required row's as given (its absence is reported with the
   * block's keys), an optional row's as given, or its {@code absent} value when the key is missing.
   */
  private Quantity field(YamlNode.Map m, Fields.Field f, String path) {
    if (f.required()) return qty(m, f.name(), path, f.range(), true);
    return m.entries().containsKey(f.name())
        ? qty(m, f.name(), path, f.range(), false)
        : f.absent();
  }

  private Role role(YamlNode.Map m, String path) {
    String r = str(m, "role", path, true);
    if (r == null) return null;
    for (Role role : Role.values()) if (role.yamlName().equals(r)) return role;
    err(
        val(m, "role"),
        path + ".role",
        "expected party, mediator, stakeholder or veto, got " + Quantities.quote(r));
    return null;
  }

  private Map<String, Quantity> relation(YamlNode.Map m, String key, String path, Range range) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    if (!m.entries().containsKey(key) || isNull(val(m, key)))
      return Collections.unmodifiableMap(out);
    String rp = path + "." + key;
    YamlNode.Map r = map(m, key, rp);
    if (r == null) return Collections.unmodifiableMap(out);
    duplicates(r, rp);
    for (YamlNode.Entry e : r.entries().values()) {
      String p = rp + "." + e.key();
      record(p, e);
      Quantity q = qty(e.value(), p, range);
      if (q != null) out.put(e.key(), q);
    }
    return Collections.unmodifiableMap(out);
  }

  private Map<String, Stance> stances(YamlNode.Map m, String path, String actorId) {
    String sp = path + ".stances";
    YamlNode.Map sm = map(m, "stances", sp);
    Map<String, Stance> byIssue = new LinkedHashMap<>();
    if (sm == null) return Collections.unmodifiableMap(byIssue);
    duplicates(sm, sp);
    for (YamlNode.Entry e : sm.entries().values()) {
      String p = sp + "." + e.key();
      record(p, e);
      YamlNode.Map st = asMap(e.value(), p);
      if (st == null) continue;
      boolean hasPrior = st.entries().containsKey("prior");
      // a draft, or a block stating its prior (an as-of scenario written before any), may hold no
      // evidence yet
      keys(
          st,
          p,
          STANCE,
          draft
              ? List.of("position", "salience")
              : hasPrior
                  ? List.of("position", "salience", "rationale")
                  : List.of("position", "salience", "evidence", "rationale"));
      Quantity pos = qty(st, "position", p, Fields.POSITION.range(), true);
      Quantity sal = qty(st, "salience", p, Fields.SALIENCE.range(), true);
      Quantity flex = qty(st, "flexibility", p, Fields.STANCE_FLEXIBILITY.range(), false);
      Quantity kappa = qty(st, "cost_of_delay", p, Fields.STANCE_COST_OF_DELAY.range(), false);
      RedLine rl = RedLine.NONE;
      if (st.entries().containsKey("red_line") && !isNull(val(st, "red_line"))) {
        String rp = p + ".red_line";
        YamlNode.Map r = map(st, "red_line", rp);
        if (r != null) {
          keys(r, rp, RED_LINE, List.of());
          rl =
              new RedLine(
                  qty(r, "min", rp, Fields.RED_LINE_MIN.range(), false),
                  qty(r, "max", rp, Fields.RED_LINE_MAX.range(), false));
          if (rl.isNone()) rl = RedLine.NONE;
        }
      }
      List<String> ev = evidence(st, p, !draft && !hasPrior);
      String rat = str(st, "rationale", p, !draft);
      if (actorId != null && issueIds.contains(e.key()))
        prior(st, p, actorId + "." + e.key(), true);
      byIssue.put(e.key(), new Stance(pos, sal, rl, flex, kappa, ev, rat));
    }
    // the issues' order, then any stance on an unknown issue (reported by the validator)
    Map<String, Stance> ordered = new LinkedHashMap<>();
    for (String issue : issueIds)
      if (byIssue.containsKey(issue)) ordered.put(issue, byIssue.get(issue));
    byIssue.forEach(ordered::putIfAbsent);
    return Collections.unmodifiableMap(ordered);
  }

  // ================================================================ protocol, agreement,
  // experiment

  private ProtocolSpec protocol(YamlNode.Map root) {
    if (!root.entries().containsKey("protocol") || isNull(val(root, "protocol"))) {
      return new ProtocolSpec(ProtocolParameters.DEFAULT, Map.of());
    }
    YamlNode.Map m = map(root, "protocol", "protocol");
    if (m == null) return null;
    keys(m, "protocol", PROTOCOL, List.of());
    String name =
        m.entries().containsKey("name")
            ? str(m, "name", "protocol", true)
            : ProtocolParameters.DEFAULT;
    Map<String, ProtocolParameters.Param> specs =
        name == null ? null : ProtocolParameters.PARAMS.get(name);
    if (name != null && specs == null) {
      err(
          val(m, "name"),
          "protocol.name",
          "unknown protocol "
              + Quantities.quote(name)
              + "; valid protocols: "
              + String.join(", ", ProtocolParameters.PARAMS.keySet()));
    }
    Map<String, Quantity> params = new LinkedHashMap<>();
    if (m.entries().containsKey("params") && !isNull(val(m, "params"))) {
      YamlNode.Map pm = map(m, "params", "protocol.params");
      if (pm != null) {
        duplicates(pm, "protocol.params");
        for (YamlNode.Entry e : pm.entries().values()) {
          String p = "protocol.params." + e.key();
          record(p, e);
          if (specs == null) continue;
          ProtocolParameters.Param spec = specs.get(e.key());
          if (spec == null) {
            errKey(
                e,
                p,
                "unknown parameter "
                    + Quantities.quote(e.key())
                    + " for protocol "
                    + name
                    + "; valid parameters: "
                    + String.join(", ", specs.keySet()));
            continue;
          }
          Quantity q = qty(e.value(), p, spec.range());
          if (q != null) params.put(e.key(), q);
        }
      }
    }
    return new ProtocolSpec(specs == null ? null : name, Collections.unmodifiableMap(params));
  }

  private AgreementRule agreement(YamlNode.Map root) {
    if (!root.entries().containsKey("agreement") || isNull(val(root, "agreement"))) {
      return new AgreementRule(ProtocolParameters.AGREEMENT_RULES.get(0), DEFAULT_TOLERANCE);
    }
    YamlNode.Map m = map(root, "agreement", "agreement");
    if (m == null) return null;
    keys(m, "agreement", AGREEMENT, List.of());
    String rule = m.entries().containsKey("rule") ? str(m, "rule", "agreement", true) : "unanimity";
    if (rule != null && !ProtocolParameters.AGREEMENT_RULES.contains(rule)) {
      err(
          val(m, "rule"),
          "agreement.rule",
          "unknown agreement rule "
              + Quantities.quote(rule)
              + "; valid rules: "
              + String.join(", ", ProtocolParameters.AGREEMENT_RULES));
    }
    Double tol =
        m.entries().containsKey("tolerance")
            ? number(m, "tolerance", "agreement", Range.POSITION)
            : Double.valueOf(DEFAULT_TOLERANCE);
    if (rule == null || tol == null) return null;
    return new AgreementRule(rule, tol);
  }

  private ExperimentDefaults experiment(YamlNode.Map root) {
    if (!root.entries().containsKey("experiment") || isNull(val(root, "experiment")))
      return DEFAULT_EXPERIMENT;
    YamlNode.Map m = map(root, "experiment", "experiment");
    if (m == null) return null;
    keys(m, "experiment", EXPERIMENT, List.of());
    Long reps =
        m.entries().containsKey("replications")
            ? integer(m, "replications", "experiment", 1, Limits.MAX_REPLICATIONS)
            : Long.valueOf(DEFAULT_EXPERIMENT.replications());
    Long rounds =
        m.entries().containsKey("rounds")
            ? integer(m, "rounds", "experiment", 1, Limits.MAX_ROUNDS)
            : Long.valueOf(DEFAULT_EXPERIMENT.rounds());
    Long seed =
        m.entries().containsKey("seed")
            ? integer(m, "seed", "experiment", Long.MIN_VALUE, Long.MAX_VALUE)
            : Long.valueOf(DEFAULT_EXPERIMENT.seed());
    if (reps == null || rounds == null || seed == null) return null;
    return new ExperimentDefaults(reps.intValue(), rounds.intValue(), seed);
  }

  // ================================================================ events

  private List<Event> events(YamlNode.Map root) {
    List<Event> out = new ArrayList<>();
    if (!root.entries().containsKey("events") || isNull(val(root, "events")))
      return Collections.unmodifiableList(out);
    List<YamlNode> items = seq(root, "events", "events");
    if (items == null) return Collections.unmodifiableList(out);
    if (tooMany(val(root, "events"), "events", items.size(), Limits.MAX_EVENTS, "events")) {
      items = items.subList(0, Limits.MAX_EVENTS);
    }
    Map<String, YamlNode> seen = new HashMap<>();
    for (int k = 0; k < items.size(); k++) {
      String path = itemPath("events", k, items.get(k));
      YamlNode.Map m = asMap(items.get(k), path);
      if (m == null) continue;
      keys(m, path, EVENT, draft ? List.of("id", "label", "changes") : EVENT_REQUIRED);
      String id = id(m, path, seen, "event");
      String label = str(m, "label", path, true);
      Timing timing = timing(m, path);
      List<Change> changes = changes(m, path);
      List<String> ev = evidence(m, path, !draft);
      String rat = str(m, "rationale", path, !draft);
      out.add(new Event(id, label, timing, changes, ev, rat));
    }
    return Collections.unmodifiableList(out);
  }

  private Timing timing(YamlNode.Map m, String path) {
    boolean at = m.entries().containsKey("at");
    boolean random = m.entries().containsKey("random");
    if (at == random) {
      err(
          m,
          path,
          at
              ? "give either at: or random:, not both"
              : "missing when: give at: YYYY-MM or " + "random: {probability, from, to}");
      return null;
    }
    if (at) {
      YearMonth month = month(m, "at", path + ".at");
      if (month == null) return null;
      if (start != null && month.isBefore(start)) {
        err(val(m, "at"), path + ".at", month + " is before the calendar start " + start);
        return null;
      }
      return new Timing.At(month);
    }
    String rp = path + ".random";
    YamlNode.Map r = map(m, "random", rp);
    if (r == null) return null;
    keys(r, rp, RANDOM, RANDOM);
    Double prob =
        r.entries().containsKey("probability") ? number(r, "probability", rp, Range.UNIT) : null;
    YearMonth from = month(r, "from", rp + ".from");
    YearMonth to = month(r, "to", rp + ".to");
    if (from != null && start != null && from.isBefore(start)) {
      err(val(r, "from"), rp + ".from", from + " is before the calendar start " + start);
      return null;
    }
    if (from != null && to != null && to.isBefore(from)) {
      err(val(r, "to"), rp + ".to", "the window ends (" + to + ") before it starts (" + from + ")");
      return null;
    }
    if (prob == null || from == null || to == null) return null;
    return new Timing.Random(prob, from, to);
  }

  private List<Change> changes(YamlNode.Map m, String path) {
    List<Change> out = new ArrayList<>();
    List<YamlNode> items = seq(m, "changes", path + ".changes");
    if (items == null) return Collections.unmodifiableList(out);
    if (items.isEmpty())
      err(val(m, "changes"), path + ".changes", "an event needs at least one change");
    if (tooMany(
        val(m, "changes"),
        path + ".changes",
        items.size(),
        Limits.MAX_CHANGES_PER_EVENT,
        "changes in one event")) {
      items = items.subList(0, Limits.MAX_CHANGES_PER_EVENT);
    }
    for (int k = 0; k < items.size(); k++) {
      String p = path + ".changes[" + k + "]";
      valuePos.putIfAbsent(p, pos(items.get(k)));
      YamlNode.Map c = asMap(items.get(k), p);
      if (c == null) continue;
      keys(c, p, CHANGE, List.of("target"));
      InputPath target = null;
      String text = str(c, "target", p, true);
      if (text != null) {
        try {
          target = InputPaths.resolve(actorIds, issueIds, text);
        } catch (InputPathException e) {
          if (!idsBroken) err(val(c, "target"), p + ".target", e.getMessage());
        }
      }
      List<String> ops = new ArrayList<>();
      for (String op : List.of("set", "shift", "scale", "remove"))
        if (c.entries().containsKey(op)) ops.add(op);
      if (ops.size() != 1) {
        err(
            c,
            p,
            ops.isEmpty()
                ? "missing the change: give one of set, shift, scale or remove"
                : "give exactly one of set, shift, scale or remove, not "
                    + String.join(" and ", ops));
        continue;
      }
      String op = ops.get(0);
      String vp = p + "." + op;
      switch (op) {
        case "remove" -> {
          YamlNode v = val(c, "remove");
          if (!(v instanceof YamlNode.Scalar s
              && s.kind() == YamlNode.Kind.BOOL
              && s.text().equalsIgnoreCase("true"))) {
            err(v, vp, "expected remove: true, got " + v.describe());
          } else if (target != null && !target.field().startsWith("red_line.")) {
            err(
                v,
                vp,
                "remove applies only to red_line.min and red_line.max, not " + target.field());
          } else if (target != null) {
            out.add(new Change(target, Change.Op.REMOVE, null));
          }
        }
        case "set", "shift", "scale" -> {
          Range range =
              target == null
                  ? Range.ANY
                  : switch (op) {
                    case "set" -> Fields.rangeOf(target);
                    case "shift" -> Fields.shiftRange(target);
                    default -> Range.SCALE;
                  };
          Quantity q = qty(val(c, op), vp, range);
          if (q != null && target != null) {
            out.add(
                new Change(target, Change.Op.valueOf(op.toUpperCase(java.util.Locale.ROOT)), q));
          }
        }
        default -> throw new IllegalStateException(op);
      }
    }
    return Collections.unmodifiableList(out);
  }

  // ================================================================ evidence

  private List<String> evidence(YamlNode.Map m, String path, boolean required) {
    String p = path + ".evidence";
    if (!m.entries().containsKey("evidence") || isNull(val(m, "evidence"))) {
      if (required && m.entries().containsKey("evidence")) {
        err(val(m, "evidence"), p, "give at least one evidence reference FILE#quote fragment");
      }
      return List.of();
    }
    YamlNode v = val(m, "evidence");
    List<String> out = new ArrayList<>();
    if (v instanceof YamlNode.Scalar s) {
      if (s.kind() != YamlNode.Kind.STRING) {
        err(s, p, "expected an evidence reference FILE#quote fragment, got " + s.describe());
      } else if (checkRef(s.text(), s, p)) {
        out.add(s.text().strip());
      }
    } else if (v instanceof YamlNode.Seq seq) {
      if (seq.items().isEmpty() && required)
        err(seq, p, "give at least one evidence reference FILE#quote fragment");
      if (tooMany(
          seq, p, seq.items().size(), Limits.MAX_EVIDENCE, "evidence references on one item"))
        return List.of();
      // In [a, b] YAML ends an unquoted item at each comma: a piece that is no FILE#... is the rest
      // of a cut quote.
      List<YamlNode.Scalar> refs = new ArrayList<>();
      boolean cut = false;
      for (YamlNode item : seq.items()) {
        if (item instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING) {
          if (seq.flow()
              && s.plain()
              && !refs.isEmpty()
              && refs.get(refs.size() - 1).plain()
              && !EVIDENCE_START.matcher(s.text()).matches()) {
            YamlNode.Scalar prev = refs.get(refs.size() - 1);
            err(
                s,
                p + "[" + refs.size() + "]",
                Quantities.quote(s.text())
                    + " is not a reference FILE#quote: inside "
                    + "[ ... ] YAML ends an unquoted item at each comma, so "
                    + Quantities.quote(prev.text())
                    + " was cut there; put a reference that holds a comma in quotes: [\""
                    + prev.text().strip()
                    + ", "
                    + s.text().strip()
                    + "\"]");
            cut = true;
          }
          refs.add(s);
        } else {
          err(
              item,
              p + "[" + (refs.size()) + "]",
              "expected an evidence reference FILE#quote fragment, got " + item.describe());
        }
      }
      if (cut) return List.of();
      for (int k = 0; k < refs.size(); k++) {
        YamlNode.Scalar s = refs.get(k);
        if (checkRef(s.text(), s, p + "[" + k + "]")) out.add(s.text().strip());
      }
    } else {
      err(v, p, "expected an evidence reference or a list of them, got " + v.describe());
    }
    return List.copyOf(out);
  }

  private boolean checkRef(String text, YamlNode at, String path) {
    EvidenceRef ref;
    try {
      ref = EvidenceRef.parse(text);
    } catch (IllegalArgumentException e) {
      err(at, path, e.getMessage());
      return false;
    }
    EvidenceRef.Seeds named = at.origin() != null ? at.origin().seeds() : this.seeds;
    EvidenceRef.Seeds seeds =
        named == null ? null : readNow.computeIfAbsent(named.dir(), EvidenceRef.Seeds::new);
    if (seeds != null) {
      String why = seeds.check(ref);
      if (why != null) {
        err(at, path, why + " (reference " + Quantities.quote(text.strip()) + ")");
        return false;
      }
      Sources.Source dated = seeds.sources().find(ref.file());
      if (dated != null) sourceDates.putIfAbsent(ref.file(), dated.month());
    }
    return true;
  }

  /**
   * This load's own reading of each seeds folder a tree names: a tree may be kept from an earlier
   * load ({@code ScenarioLoader.parsed}), and the seed files are read again at every load, as a
   * file changed in between must be (and a binder, unlike a kept tree, is never shared between
   * threads).
   */
  private final Map<java.nio.file.Path, EvidenceRef.Seeds> readNow = new java.util.HashMap<>();

  // ================================================================ case file (as-of forecasts,
  // back-tests)

  private final Map<String, YearMonth> sourceDates = new LinkedHashMap<>();
  private final Map<String, CaseFile.Prior> priors = new LinkedHashMap<>();

  private CaseFile caseFile(YamlNode.Map root, List<Event> events) {
    YearMonth asOf = null;
    CaseFile.WithoutEvidence without = CaseFile.WithoutEvidence.UNINFORMED;
    String why = "";
    if (root.entries().containsKey("as_of") && !isNull(val(root, "as_of"))) {
      YamlNode.Map m = map(root, "as_of", "as_of");
      if (m != null) {
        keys(m, "as_of", AS_OF, List.of());
        asOf = month(m, "forecast", "as_of.forecast");
        if (asOf != null && start != null && asOf.isBefore(start)) {
          err(
              val(m, "forecast"),
              "as_of.forecast",
              asOf + " is before the calendar start " + start);
        }
        String w = str(m, "without_evidence", "as_of", false);
        if (w != null) {
          switch (w) {
            case "uninformed" -> without = CaseFile.WithoutEvidence.UNINFORMED;
            case "keep" -> without = CaseFile.WithoutEvidence.KEEP;
            default ->
                err(
                    val(m, "without_evidence"),
                    "as_of.without_evidence",
                    "expected uninformed or keep, got " + Quantities.quote(w));
          }
        }
        String r = str(m, "rationale", "as_of", false);
        if (r != null) why = r;
      }
    }
    // dates written into the file itself (a resolved scenario carries them away from its seeds
    // folder)
    if (root.entries().containsKey("sources") && !isNull(val(root, "sources"))) {
      YamlNode.Map m = map(root, "sources", "sources");
      if (m != null) {
        duplicates(m, "sources");
        for (YamlNode.Entry e : m.entries().values()) {
          record("sources." + e.key(), e);
          YearMonth d = month(m, e.key(), "sources." + e.key());
          if (d != null) sourceDates.putIfAbsent(e.key(), d);
        }
      }
    }
    List<Observation> observations = observations(root);
    CaseFile.Outcome outcome = outcome(root);
    List<String> caveats = new ArrayList<>();
    if (root.entries().containsKey("caveats") && !isNull(val(root, "caveats"))) {
      List<YamlNode> items = seq(root, "caveats", "caveats");
      if (items != null) {
        for (int k = 0; k < items.size(); k++) {
          if (items.get(k) instanceof YamlNode.Scalar c
              && c.kind() != YamlNode.Kind.NULL
              && !c.text().isBlank()) {
            caveats.add(c.text().strip());
          } else {
            err(
                items.get(k),
                "caveats[" + k + "]",
                "expected a caveat in words, got " + items.get(k).describe());
          }
        }
      }
    }
    return new CaseFile(
        asOf,
        without,
        why,
        Collections.unmodifiableMap(new LinkedHashMap<>(sourceDates)),
        Collections.unmodifiableMap(new LinkedHashMap<>(priors)),
        List.copyOf(observations),
        outcome,
        List.copyOf(caveats));
  }

  /**
   * A block's {@code prior:}: the values it takes in a forecast made before any of its evidence is
   * dated, each named as its {@code --set} path names it (so a field the scenario knows is a field
   * a prior may set), with the prior's own evidence and rationale.
   */
  private void prior(YamlNode.Map block, String path, String blockPath, boolean stance) {
    if (!block.entries().containsKey("prior")) return;
    String pp = path + ".prior";
    YamlNode.Map m = map(block, "prior", pp);
    if (m == null) return;
    duplicates(m, pp);
    Map<String, Quantity> values = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      String key = e.key();
      String p = pp + "." + key;
      record(p, e);
      if (key.equals("evidence") || key.equals("rationale")) continue;
      if (key.equals("red_line") && stance) {
        YamlNode v = e.value();
        if (v instanceof YamlNode.Scalar sc && sc.text().strip().equals("none")) {
          values.put(blockPath + ".red_line.min", null);
          values.put(blockPath + ".red_line.max", null);
        } else if (v instanceof YamlNode.Map rl) {
          keys(rl, p, RED_LINE, List.of());
          values.put(blockPath + ".red_line.min", qty(rl, "min", p, Range.POSITION, false));
          values.put(blockPath + ".red_line.max", qty(rl, "max", p, Range.POSITION, false));
        } else {
          err(v, p, "expected none or {min, max}, got " + v.describe());
        }
        continue;
      }
      if (!stance
          && (key.equals("ties") || key.equals("pressure"))
          && e.value() instanceof YamlNode.Map rel) {
        for (YamlNode.Entry r : rel.entries().values()) {
          String target = blockPath + "." + key + "." + r.key();
          priorValue(values, target, r.value(), p + "." + r.key());
        }
        continue;
      }
      priorValue(values, blockPath + "." + key, e.value(), p);
    }
    if (values.isEmpty() && !m.entries().containsKey("rationale")) {
      err(
          m,
          pp,
          "a prior gives the values the block takes before its evidence is dated, and why (rationale)");
    }
    List<String> ev = evidence(m, pp, false);
    String rat = str(m, "rationale", pp, true);
    if (!m.entries().containsKey("rationale"))
      err(m, pp + ".rationale", "missing required key rationale");
    priors.put(
        blockPath,
        new CaseFile.Prior(Collections.unmodifiableMap(values), ev, rat == null ? "" : rat));
  }

  private void priorValue(Map<String, Quantity> into, String target, YamlNode v, String p) {
    InputPath at;
    try {
      at = InputPaths.resolve(actorIds, issueIds, target);
    } catch (InputPathException ex) {
      err(v, p, "a prior sets the block's own fields: " + ex.getMessage());
      return;
    }
    Quantity q = qty(v, p, Fields.rangeOf(at));
    if (q != null) into.put(at.toString(), q);
  }

  private List<Observation> observations(YamlNode.Map root) {
    List<Observation> out = new ArrayList<>();
    if (!root.entries().containsKey("observations") || isNull(val(root, "observations")))
      return out;
    List<YamlNode> items = seq(root, "observations", "observations");
    if (items == null) return out;
    if (tooMany(
        val(root, "observations"),
        "observations",
        items.size(),
        Limits.MAX_EVENTS,
        "observations")) {
      items = items.subList(0, Limits.MAX_EVENTS);
    }
    Map<String, YamlNode> seen = new HashMap<>();
    for (int k = 0; k < items.size(); k++) {
      String path = itemPath("observations", k, items.get(k));
      YamlNode.Map m = asMap(items.get(k), path);
      if (m == null) continue;
      keys(m, path, OBSERVATION, List.of("id", "kind", "evidence", "rationale"));
      String id = id(m, path, seen, "observation");
      String kind = str(m, "kind", path, true);
      List<String> ev = evidence(m, path, true);
      String rat = str(m, "rationale", path, true);
      if (kind == null) continue;
      if (!OBSERVATION_KINDS.contains(kind)) {
        err(
            val(m, "kind"),
            path + ".kind",
            "expected one of "
                + String.join(", ", OBSERVATION_KINDS)
                + ", got "
                + Quantities.quote(kind));
        continue;
      }
      List<String> allowed =
          switch (kind) {
            case "no_deal" -> List.of("through");
            case "talks" -> List.of("month", "held", "level");
            case "demand" -> List.of("month", "actor", "issue", "min", "max", "tolerance");
            default -> List.of("month", "actor");
          };
      boolean bad = false;
      for (YamlNode.Entry e : m.entries().values()) {
        if (List.of("id", "kind", "evidence", "rationale").contains(e.key())
            || allowed.contains(e.key())) continue;
        if (OBSERVATION.contains(e.key())) {
          errKey(
              e,
              path + "." + e.key(),
              "a "
                  + kind
                  + " observation has no "
                  + e.key()
                  + "; its keys: "
                  + String.join(", ", allowed));
          bad = true;
        }
      }
      String monthKey = kind.equals("no_deal") ? "through" : "month";
      if (!m.entries().containsKey(monthKey)) {
        err(m, path + "." + monthKey, "missing required key " + monthKey);
        continue;
      }
      YearMonth month = month(m, monthKey, path + "." + monthKey);
      if (month == null) continue;
      if (start != null && month.isBefore(start)) {
        err(
            val(m, monthKey),
            path + "." + monthKey,
            month + " is before the calendar start " + start);
        continue;
      }
      if (bad || id == null) continue;
      switch (kind) {
        case "no_deal" -> out.add(new Observation.NoDeal(id, month, ev, rat == null ? "" : rat));
        case "talks" -> {
          Boolean held = bool(m, "held", path, true);
          String level = str(m, "level", path, false);
          if (held != null)
            out.add(new Observation.Talks(id, month, held, level, ev, rat == null ? "" : rat));
        }
        case "demand" -> {
          String actor = actorRef(m, path, false);
          String issue = str(m, "issue", path, true);
          if (!m.entries().containsKey("issue"))
            err(m, path + ".issue", "missing required key issue");
          if (issue != null && !issueIds.contains(issue)) {
            err(
                val(m, "issue"),
                path + ".issue",
                "unknown issue "
                    + Quantities.quote(issue)
                    + "; valid issues: "
                    + String.join(", ", issueIds));
            issue = null;
          }
          Double min =
              m.entries().containsKey("min") ? number(m, "min", path, Range.POSITION) : null;
          Double max =
              m.entries().containsKey("max") ? number(m, "max", path, Range.POSITION) : null;
          Double tol =
              m.entries().containsKey("tolerance")
                  ? number(m, "tolerance", path, Range.POSITION)
                  : Double.valueOf(0);
          if (min == null
              && max == null
              && !m.entries().containsKey("min")
              && !m.entries().containsKey("max")) {
            err(m, path, "a demand states a bound on the position: give min:, max: or both");
            continue;
          }
          if (min != null && max != null && max < min) {
            err(val(m, "max"), path + ".max", "max " + max + " is below min " + min);
            continue;
          }
          if (actor != null && issue != null && tol != null && (min != null || max != null)) {
            out.add(
                new Observation.Demand(
                    id, actor, issue, month, min, max, tol, ev, rat == null ? "" : rat));
          }
        }
        default -> {
          String actor = actorRef(m, path, true);
          if (actor != null)
            out.add(new Observation.Refusal(id, actor, month, ev, rat == null ? "" : rat));
        }
      }
    }
    return out;
  }

  /**
   * The actor an observation names; a refusal must name a party (only parties accept or refuse).
   */
  private String actorRef(YamlNode.Map m, String path, boolean party) {
    if (!m.entries().containsKey("actor")) {
      err(m, path + ".actor", "missing required key actor");
      return null;
    }
    String actor = str(m, "actor", path, true);
    if (actor == null) return null;
    if (!actorIds.contains(actor)) {
      err(
          val(m, "actor"),
          path + ".actor",
          "unknown actor "
              + Quantities.quote(actor)
              + "; valid actors: "
              + String.join(", ", actorIds));
      return null;
    }
    if (party && !partyIds.isEmpty() && !partyIds.contains(actor)) {
      err(
          val(m, "actor"),
          path + ".actor",
          actor
              + " is not a party: only parties accept or refuse a text; parties: "
              + String.join(", ", partyIds));
      return null;
    }
    return actor;
  }

  private final List<String> partyIds = new ArrayList<>();

  private CaseFile.Outcome outcome(YamlNode.Map root) {
    if (!root.entries().containsKey("outcome") || isNull(val(root, "outcome"))) return null;
    YamlNode.Map m = map(root, "outcome", "outcome");
    if (m == null) return null;
    keys(m, "outcome", OUTCOME, List.of("agreement", "month", "summary", "source"));
    Boolean agreement = bool(m, "agreement", "outcome", true);
    YearMonth month = month(m, "month", "outcome.month");
    if (month != null && start != null && month.isBefore(start)) {
      err(val(m, "month"), "outcome.month", month + " is before the calendar start " + start);
      month = null;
    }
    String summary = str(m, "summary", "outcome", true);
    String source = str(m, "source", "outcome", true);
    Double base =
        m.entries().containsKey("base_rate")
            ? number(m, "base_rate", "outcome", Range.UNIT)
            : Double.valueOf(0.5);
    String baseWhy = str(m, "base_rate_rationale", "outcome", false);
    if (m.entries().containsKey("base_rate")
        && baseWhy == null
        && !m.entries().containsKey("base_rate_rationale")) {
      err(
          val(m, "base_rate"),
          "outcome.base_rate_rationale",
          "a stated base rate needs its reason (base_rate_rationale)");
    }
    if (agreement == null || month == null || summary == null || source == null || base == null)
      return null;
    return new CaseFile.Outcome(
        agreement,
        month,
        summary,
        source,
        base,
        baseWhy == null ? "no base rate stated: an uninformed 0.5" : baseWhy);
  }

  private Boolean bool(YamlNode.Map m, String key, String path, boolean required) {
    YamlNode.Entry e = m.entries().get(key);
    if (e == null) {
      if (required) err(m, join(path, key), "missing required key " + key);
      return null;
    }
    if (e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.BOOL) {
      return s.text().strip().equalsIgnoreCase("true");
    }
    err(e.value(), join(path, key), "expected true or false, got " + e.value().describe());
    return null;
  }

  // ================================================================ helpers

  /** Reports a list longer than {@code max}; true when it is. */
  private boolean tooMany(YamlNode list, String path, int size, int max, String what) {
    if (size <= max) return false;
    limits.add(
        new Problem(
            fileOf(list),
            list.line(),
            list.column(),
            path,
            "at most "
                + max
                + " "
                + what
                + " are allowed, got "
                + size
                + " (see the README's Limits)"));
    return true;
  }

  /**
   * Lists over their {@link Limits}: reported alone, as what follows from them would only be noise.
   */
  private final List<Problem> limits = new ArrayList<>();

  private String itemPath(String list, int k, YamlNode item) {
    if (item instanceof YamlNode.Map m
        && m.entries().get("id") != null
        && m.entries().get("id").value() instanceof YamlNode.Scalar s
        && ID.matcher(s.text()).matches()) {
      String p = list + "[" + s.text() + "]";
      valuePos.putIfAbsent(p, pos(item));
      return p;
    }
    String p = list + "[" + k + "]";
    valuePos.putIfAbsent(p, pos(item));
    return p;
  }

  private String id(YamlNode.Map m, String path, Map<String, YamlNode> seen, String what) {
    String id = str(m, "id", path, true);
    if (id == null) return null;
    YamlNode v = val(m, "id");
    if (!ID.matcher(id).matches()) {
      idsBroken = true;
      err(
          v,
          path + ".id",
          "expected an id of lower-case letters, digits and _ starting with a letter, got "
              + Quantities.quote(id));
      return null;
    }
    if (what.equals("actor") && id.equals(Actor.TEXT_ID)) {
      err(
          v,
          path + ".id",
          "the actor id "
              + Quantities.quote(id)
              + " is reserved: rounds.csv and the charts name the "
              + "mediators' text so; choose another id");
    }
    YamlNode first = seen.putIfAbsent(id, v);
    if (first != null) {
      err(
          v,
          path + ".id",
          "duplicate "
              + what
              + " id "
              + Quantities.quote(id)
              + " (first at line "
              + first.line()
              + ")");
    }
    return id;
  }

  /** Reports duplicate, unknown and missing keys and records the positions of the entries. */
  private void keys(YamlNode.Map m, String path, List<String> allowed, List<String> required) {
    duplicates(m, path);
    for (YamlNode.Entry e : m.entries().values()) {
      String p = join(path, e.key());
      record(p, e);
      if (!allowed.contains(e.key())) {
        String hint = suggest(e.key(), allowed);
        errKey(
            e,
            p,
            "unknown key "
                + Quantities.quote(e.key())
                + (hint == null ? "" : " (did you mean " + hint + "?)")
                + "; valid keys here: "
                + String.join(", ", allowed));
      }
    }
    for (String r : required) {
      boolean misspelt =
          m.entries().keySet().stream()
              .anyMatch(k -> !allowed.contains(k) && r.equals(suggest(k, allowed)));
      if (!m.entries().containsKey(r) && !misspelt)
        err(m, join(path, r), "missing required key " + r);
    }
  }

  private void duplicates(YamlNode.Map m, String path) {
    for (YamlNode.Entry d : m.duplicates()) {
      // the first may be gone from the entries (extends: and remove: are taken out once applied)
      YamlNode.Entry first = m.entries().get(d.key());
      errKey(
          d,
          join(path, d.key()),
          "duplicate key "
              + Quantities.quote(d.key())
              + (first == null || !fileOf(first).equals(fileOf(d))
                  ? ""
                  : " (first at line " + first.keyLine() + ")"));
    }
  }

  private void record(String path, YamlNode.Entry e) {
    keyPos.putIfAbsent(path, new Pos(fileOf(e), e.keyLine(), e.keyColumn()));
    valuePos.putIfAbsent(path, pos(e.value()));
  }

  private Pos pos(YamlNode n) {
    return new Pos(fileOf(n), n.line(), n.column());
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static YamlNode val(YamlNode.Map m, String key) {
    YamlNode.Entry e = m.entries().get(key);
    return e == null ? m : e.value();
  }

  private static boolean isNull(YamlNode n) {
    return n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL;
  }

  private YamlNode.Map map(YamlNode.Map parent, String key, String path) {
    if (!parent.entries().containsKey(key)) return null;
    return asMap(val(parent, key), path);
  }

  private YamlNode.Map asMap(YamlNode n, String path) {
    if (n instanceof YamlNode.Map m) return m;
    err(n, path, "expected a mapping (key: value lines), got " + n.describe());
    return null;
  }

  private List<YamlNode> seq(YamlNode.Map parent, String key, String path) {
    if (!parent.entries().containsKey(key)) return null;
    YamlNode n = val(parent, key);
    if (n instanceof YamlNode.Seq s) return s.items();
    err(n, path, "expected a list (lines starting with -), got " + n.describe());
    return null;
  }

  /** A text field: any scalar's text; null (after a problem if required) when absent or empty. */
  private String str(YamlNode.Map m, String key, String path, boolean required) {
    String p = join(path, key);
    YamlNode.Entry e = m.entries().get(key);
    if (e == null) return null; // a missing required key is reported by keys()
    if (e.value() instanceof YamlNode.Scalar s) {
      if (s.kind() == YamlNode.Kind.NULL || s.text().isBlank()) {
        if (required) err(s, p, "expected a value, got nothing");
        return null;
      }
      return s.kind() == YamlNode.Kind.STRING ? s.text() : s.text().strip();
    }
    err(e.value(), p, "expected text, got " + e.value().describe());
    return null;
  }

  private Quantity qty(YamlNode.Map m, String key, String path, Range range, boolean required) {
    YamlNode.Entry e = m.entries().get(key);
    if (e == null) return null;
    if (!required && isNull(e.value())) return null;
    return qty(e.value(), join(path, key), range);
  }

  private Quantity qty(YamlNode n, String path, Range range) {
    if (n instanceof YamlNode.Scalar s) {
      try {
        switch (s.kind()) {
          case INT, FLOAT -> {
            String t = s.text().strip();
            if (!t.matches(Quantities.NUMBER) || !Double.isFinite(Double.parseDouble(t))) {
              throw new QuantityException(path, "expected " + range.expected() + ", got " + t);
            }
            return Quantities.fixed(Double.parseDouble(t), path, range);
          }
          case STRING -> {
            return Quantities.parse(s.text(), path, range);
          }
          default -> {
            // bool, null
          }
        }
      } catch (QuantityException ex) {
        err(n, path, ex.getMessage());
        return null;
      }
    }
    err(
        n,
        path,
        "expected "
            + range.expected()
            + (range.integer() ? "" : " or a distribution")
            + ", got "
            + n.describe());
    return null;
  }

  private Double number(YamlNode.Map m, String key, String path, Range range) {
    YamlNode v = val(m, key);
    String p = join(path, key);
    if (v instanceof YamlNode.Scalar s
        && (s.kind() == YamlNode.Kind.INT || s.kind() == YamlNode.Kind.FLOAT)
        && s.text().strip().matches(Quantities.NUMBER)) {
      double d = Double.parseDouble(s.text().strip());
      if (range.contains(d)) return d;
    }
    err(v, p, "expected " + range.expected() + ", got " + v.describe());
    return null;
  }

  private Long integer(YamlNode.Map m, String key, String path, long lo, long hi) {
    YamlNode v = val(m, key);
    String p = join(path, key);
    if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.INT) {
      try {
        long x = Long.parseLong(s.text().strip().replace("+", ""));
        if (x >= lo && x <= hi) return x;
      } catch (NumberFormatException e) {
        // falls through to the problem
      }
    }
    String range =
        lo == Long.MIN_VALUE ? "a whole number (64-bit)" : "an integer in [" + lo + "," + hi + "]";
    err(v, p, "expected " + range + ", got " + v.describe());
    return null;
  }

  private YearMonth month(YamlNode.Map m, String key, String path) {
    YamlNode.Entry e = m.entries().get(key);
    if (e == null) return null;
    YamlNode v = e.value();
    if (v instanceof YamlNode.Scalar s) {
      var mm = MONTH.matcher(s.text().strip());
      if (mm.matches()) {
        int month = Integer.parseInt(mm.group(2));
        if (month >= 1 && month <= 12) return YearMonth.of(Integer.parseInt(mm.group(1)), month);
      }
    }
    err(v, path, "expected a month YYYY-MM (e.g. 2023-02), got " + v.describe());
    return null;
  }

  private void err(YamlNode at, String field, String message) {
    problems.add(new Problem(fileOf(at), at.line(), at.column(), field, message));
  }

  private void errKey(YamlNode.Entry e, String field, String message) {
    problems.add(new Problem(fileOf(e), e.keyLine(), e.keyColumn(), field, message));
  }

  /** The allowed key closest to a misspelt one (edit distance at most 2), or null. */
  static String suggest(String key, List<String> allowed) {
    String best = null;
    int bestD = 3;
    for (String a : allowed) {
      int d = distance(key, a);
      if (d < bestD) {
        bestD = d;
        best = a;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] =
            Math.min(
                Math.min(cur[j - 1] + 1, prev[j] + 1),
                prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
