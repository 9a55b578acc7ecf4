package org.negotiate.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges a delta scenario's YAML tree onto its base's tree, before binding (see the "Deltas"
 * section of {@link ScenarioLoader}). Pure tree surgery: nodes keep their {@link YamlNode.Origin},
 * so the binder reports every problem in the file and at the line the value came from. Nodes are
 * never changed in place; what changes is copied.
 */
final class ScenarioDelta {

  private ScenarioDelta() {}

  /** Top-level keys a delta may use besides a scenario's own. */
  static final String EXTENDS = "extends";

  static final String REMOVE = "remove";

  /** The lists {@code remove:} can drop items from. */
  static final List<String> REMOVABLE = List.of("actors", "events", "issues");

  /**
   * The base tree with {@code delta}'s {@code remove:} applied, then {@code delta} merged onto it
   * (its {@code extends:} and {@code remove:} keys are not part of the result). Problems with
   * {@code remove:} or with list items that cannot be merged are added to {@code problems}.
   */
  static YamlNode.Map apply(YamlNode.Map base, YamlNode.Map delta, List<Problem> problems) {
    YamlNode.Map pruned = base;
    YamlNode.Entry remove = delta.entries().get(REMOVE);
    if (remove != null) pruned = remove(base, remove, problems);
    LinkedHashMap<String, YamlNode.Entry> own = new LinkedHashMap<>(delta.entries());
    own.remove(EXTENDS);
    own.remove(REMOVE);
    YamlNode.Map overlay =
        new YamlNode.Map(
            own, delta.duplicates(), delta.flow(), delta.line(), delta.column(), delta.origin());
    return (YamlNode.Map) merge(pruned, overlay, "", problems);
  }

  // ================================================================ merge

  /**
   * Maps merge key by key (a null value deletes the key), lists whose items have ids merge by id,
   * anything else is replaced by the overlay. The merged node takes the overlay's position.
   */
  static YamlNode merge(YamlNode base, YamlNode over, String path, List<Problem> problems) {
    if (base instanceof YamlNode.Map b && over instanceof YamlNode.Map o) {
      LinkedHashMap<String, YamlNode.Entry> out = new LinkedHashMap<>(b.entries());
      for (YamlNode.Entry e : o.entries().values()) {
        YamlNode.Entry old = out.get(e.key());
        if (isNull(e.value())) {
          out.remove(e.key());
        } else if (old == null) {
          out.put(e.key(), e);
        } else {
          YamlNode merged = merge(old.value(), e.value(), join(path, e.key()), problems);
          out.put(
              e.key(), new YamlNode.Entry(e.key(), e.keyLine(), e.keyColumn(), merged, e.origin()));
        }
      }
      List<YamlNode.Entry> dups = new ArrayList<>(b.duplicates());
      dups.addAll(o.duplicates());
      return new YamlNode.Map(
          out, Collections.unmodifiableList(dups), o.flow(), o.line(), o.column(), o.origin());
    }
    if (base instanceof YamlNode.Seq b && over instanceof YamlNode.Seq o && byId(b, o)) {
      List<YamlNode> out = new ArrayList<>(b.items());
      Set<String> merged = new LinkedHashSet<>();
      for (YamlNode item : o.items()) {
        String id = idOf(item);
        if (id == null) {
          problems.add(
              new Problem(
                  fileOf(item),
                  item.line(),
                  item.column(),
                  path,
                  "items of "
                      + (path.isEmpty() ? "this list" : path)
                      + " are merged onto the base's by id: give this item "
                      + "the id of the item it changes, or a new id to add it"));
          continue;
        }
        int at =
            merged.add(id)
                ? indexOf(out, id)
                : -1; // a repeated id is appended and reported by the binder
        if (at < 0 && unknownPartial(path, b, item, id, problems)) continue;
        if (at < 0) {
          out.add(item);
        } else {
          out.set(at, merge(out.get(at), item, path + "[" + id + "]", problems));
        }
      }
      return new YamlNode.Seq(
          Collections.unmodifiableList(out), o.flow(), o.line(), o.column(), o.origin());
    }
    return over;
  }

  /** The keys an item needs to be added by a delta, per top-level list. */
  private static final java.util.Map<String, List<String>> REQUIRED =
      java.util.Map.of(
          "actors",
          ScenarioBinder.ACTOR_REQUIRED,
          "issues",
          ScenarioBinder.ISSUE_REQUIRED,
          "events",
          ScenarioBinder.EVENT_REQUIRED);

  /**
   * A new id on an item that lacks required keys is most likely a misspelt id meant to change a
   * base item ("turkye"): one problem naming it, with the closest base id, instead of one per
   * missing key.
   */
  private static boolean unknownPartial(
      String path, YamlNode.Seq base, YamlNode item, String id, List<Problem> problems) {
    List<String> required = REQUIRED.get(path);
    if (required == null || !(item instanceof YamlNode.Map m)) return false;
    List<String> missing = required.stream().filter(k -> !m.entries().containsKey(k)).toList();
    if (missing.isEmpty()) return false;
    List<String> ids =
        base.items().stream().map(ScenarioDelta::idOf).filter(java.util.Objects::nonNull).toList();
    String kind = path.substring(0, path.length() - 1);
    String near = ScenarioBinder.suggest(id, ids);
    YamlNode idNode = m.entries().get("id").value();
    problems.add(
        new Problem(
            fileOf(idNode),
            idNode.line(),
            idNode.column(),
            path + "[" + id + "].id",
            "unknown "
                + kind
                + " "
                + id
                + ": "
                + (near != null
                    ? "did you mean " + near + "?"
                    : "the base's " + path + " are " + String.join(", ", ids) + ";")
                + " (a delta adds "
                + "an "
                + kind
                + " only with every required key; missing here: "
                + String.join(", ", missing)
                + ")"));
    return true;
  }

  /** A list merges by id when the base's items all have ids, or (base empty) the overlay's do. */
  private static boolean byId(YamlNode.Seq base, YamlNode.Seq over) {
    if (!base.items().isEmpty()) return base.items().stream().allMatch(i -> idOf(i) != null);
    return !over.items().isEmpty() && over.items().stream().allMatch(i -> idOf(i) != null);
  }

  static String idOf(YamlNode item) {
    if (item instanceof YamlNode.Map m
        && m.entries().get("id") != null
        && m.entries().get("id").value() instanceof YamlNode.Scalar s
        && s.kind() != YamlNode.Kind.NULL
        && !s.text().isBlank()) {
      return s.text().strip();
    }
    return null;
  }

  private static int indexOf(List<YamlNode> items, String id) {
    for (int k = 0; k < items.size(); k++) if (id.equals(idOf(items.get(k)))) return k;
    return -1;
  }

  // ================================================================ remove

  private static YamlNode.Map remove(
      YamlNode.Map base, YamlNode.Entry remove, List<Problem> problems) {
    if (!(remove.value() instanceof YamlNode.Map spec)) {
      problems.add(
          new Problem(
              fileOf(remove.value()),
              remove.value().line(),
              remove.value().column(),
              REMOVE,
              "expected a mapping of lists of ids, e.g. remove: {events: [earthquake], actors: [opposition]}, got "
                  + remove.value().describe()));
      return base;
    }
    YamlNode.Map out = base;
    Set<String> actors = new LinkedHashSet<>();
    Set<String> issues = new LinkedHashSet<>();
    for (YamlNode.Entry e : spec.entries().values()) {
      String p = REMOVE + "." + e.key();
      if (!REMOVABLE.contains(e.key())) {
        problems.add(
            new Problem(
                fileOf(e),
                e.keyLine(),
                e.keyColumn(),
                p,
                "unknown key "
                    + Quantities.quote(e.key())
                    + " in remove; valid keys here: "
                    + String.join(", ", REMOVABLE)));
        continue;
      }
      List<YamlNode> ids;
      if (e.value() instanceof YamlNode.Seq s) {
        ids = s.items();
      } else if (e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING) {
        ids = List.of(s);
      } else {
        problems.add(
            new Problem(
                fileOf(e.value()),
                e.value().line(),
                e.value().column(),
                p,
                "expected a list of " + e.key() + " ids, got " + e.value().describe()));
        continue;
      }
      YamlNode.Entry list = out.entries().get(e.key());
      List<YamlNode> items =
          list != null && list.value() instanceof YamlNode.Seq s
              ? new ArrayList<>(s.items())
              : new ArrayList<>();
      List<String> known =
          items.stream().map(ScenarioDelta::idOf).filter(java.util.Objects::nonNull).toList();
      for (int k = 0; k < ids.size(); k++) {
        YamlNode n = ids.get(k);
        String ip = p + "[" + k + "]";
        if (!(n instanceof YamlNode.Scalar s)
            || s.kind() == YamlNode.Kind.NULL
            || s.text().isBlank()) {
          problems.add(
              new Problem(
                  fileOf(n), n.line(), n.column(), ip, "expected an id, got " + n.describe()));
          continue;
        }
        String id = s.text().strip();
        int at = indexOf(items, id);
        if (at < 0) {
          String what = e.key().substring(0, e.key().length() - 1);
          problems.add(
              new Problem(
                  fileOf(n),
                  n.line(),
                  n.column(),
                  ip,
                  "no "
                      + what
                      + " "
                      + Quantities.quote(id)
                      + " in the base scenario to remove; its "
                      + e.key()
                      + ": "
                      + (known.isEmpty() ? "none" : String.join(", ", known))));
          continue;
        }
        items.remove(at);
        if (e.key().equals("actors")) actors.add(id);
        if (e.key().equals("issues")) issues.add(id);
      }
      if (list != null && list.value() instanceof YamlNode.Seq s) {
        out =
            with(
                out,
                e.key(),
                new YamlNode.Seq(
                    Collections.unmodifiableList(items),
                    s.flow(),
                    s.line(),
                    s.column(),
                    s.origin()));
      }
    }
    if (!actors.isEmpty() || !issues.isEmpty()) out = cascade(out, actors, issues);
    return out;
  }

  /**
   * What cannot outlive a removed actor or issue goes with it: other actors' {@code ties} and
   * {@code pressure} entries naming a removed actor, every actor's stance on a removed issue, and
   * event changes whose target names either (an event left with no change is dropped too).
   */
  private static YamlNode.Map cascade(YamlNode.Map root, Set<String> actors, Set<String> issues) {
    YamlNode.Map out = root;
    if (out.entries().get("actors") != null
        && out.entries().get("actors").value() instanceof YamlNode.Seq seq) {
      List<YamlNode> items = new ArrayList<>();
      for (YamlNode item : seq.items()) {
        if (item instanceof YamlNode.Map a) {
          for (String key : List.of("ties", "pressure")) a = withoutKeys(a, key, actors);
          a = withoutKeys(a, "stances", issues);
          item = a;
        }
        items.add(item);
      }
      out =
          with(
              out,
              "actors",
              new YamlNode.Seq(
                  Collections.unmodifiableList(items),
                  seq.flow(),
                  seq.line(),
                  seq.column(),
                  seq.origin()));
    }
    if (out.entries().get("events") != null
        && out.entries().get("events").value() instanceof YamlNode.Seq seq) {
      List<YamlNode> events = new ArrayList<>();
      for (YamlNode item : seq.items()) {
        if (item instanceof YamlNode.Map ev
            && ev.entries().get("changes") != null
            && ev.entries().get("changes").value() instanceof YamlNode.Seq changes
            && !changes.items().isEmpty()) {
          List<YamlNode> kept = new ArrayList<>();
          for (YamlNode c : changes.items()) if (!targets(c, actors, issues)) kept.add(c);
          if (kept.isEmpty()) continue; // every change was about what was removed
          if (kept.size() < changes.items().size()) {
            item =
                with(
                    ev,
                    "changes",
                    new YamlNode.Seq(
                        Collections.unmodifiableList(kept),
                        changes.flow(),
                        changes.line(),
                        changes.column(),
                        changes.origin()));
          }
        }
        events.add(item);
      }
      out =
          with(
              out,
              "events",
              new YamlNode.Seq(
                  Collections.unmodifiableList(events),
                  seq.flow(),
                  seq.line(),
                  seq.column(),
                  seq.origin()));
    }
    return out;
  }

  /** Whether an event change's target names a removed actor or issue. */
  private static boolean targets(YamlNode change, Set<String> actors, Set<String> issues) {
    if (!(change instanceof YamlNode.Map c)
        || c.entries().get("target") == null
        || !(c.entries().get("target").value() instanceof YamlNode.Scalar t)) {
      return false;
    }
    String[] seg = t.text().strip().split("\\.");
    if (seg.length > 0 && actors.contains(seg[0])) return true;
    if (seg.length >= 3 && (seg[1].equals("ties") || seg[1].equals("pressure")))
      return actors.contains(seg[2]);
    return seg.length >= 3 && issues.contains(seg[1]);
  }

  private static YamlNode.Map withoutKeys(YamlNode.Map m, String key, Set<String> drop) {
    YamlNode.Entry e = m.entries().get(key);
    if (e == null || !(e.value() instanceof YamlNode.Map inner)) return m;
    if (inner.entries().keySet().stream().noneMatch(drop::contains)) return m;
    LinkedHashMap<String, YamlNode.Entry> kept = new LinkedHashMap<>(inner.entries());
    kept.keySet().removeAll(drop);
    return with(
        m,
        key,
        new YamlNode.Map(
            kept, inner.duplicates(), inner.flow(), inner.line(), inner.column(), inner.origin()));
  }

  /** {@code m} with the value of {@code key} replaced (the key keeps its position). */
  private static YamlNode.Map with(YamlNode.Map m, String key, YamlNode value) {
    LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>(m.entries());
    YamlNode.Entry old = entries.get(key);
    entries.put(key, new YamlNode.Entry(key, old.keyLine(), old.keyColumn(), value, old.origin()));
    return new YamlNode.Map(entries, m.duplicates(), m.flow(), m.line(), m.column(), m.origin());
  }

  // ================================================================ helpers

  static boolean isNull(YamlNode n) {
    return n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL;
  }

  static String fileOf(YamlNode n) {
    return n.origin() == null ? "" : n.origin().file();
  }

  static String fileOf(YamlNode.Entry e) {
    return e.origin() != null ? e.origin().file() : fileOf(e.value());
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
