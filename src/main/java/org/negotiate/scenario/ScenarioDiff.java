package org.negotiate.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inputs in which two resolved scenarios differ, one row per input, named as {@code --set} and
 * events name them ({@code turkey.withdrawal.red_line.max}, {@code russia.pressure.syria}, {@code
 * protocol.noise}); items present in one scenario only are rows of their own ({@code
 * actors.united_states}, {@code events.earthquake}). Text (labels, evidence, rationales) is not an
 * input and is not compared.
 */
public final class ScenarioDiff {
  /** The value shown for an item or optional value one scenario does not have. */
  public static final String ABSENT = "(none)";

  private ScenarioDiff() {}

  /** One differing input. */
  public record Row(String path, String a, String b) {}

  public static List<Row> of(Scenario a, Scenario b) {
    List<Row> out = new ArrayList<>();
    add(out, "calendar.start", a.calendar().start().toString(), b.calendar().start().toString());
    add(
        out,
        "saliences",
        a.saliences().toString().toLowerCase(java.util.Locale.ROOT),
        b.saliences().toString().toLowerCase(java.util.Locale.ROOT));
    // issues
    Map<String, Issue> ia = byId(a.issues(), Issue::id), ib = byId(b.issues(), Issue::id);
    for (String id : union(ia.keySet(), ib.keySet())) {
      Issue x = ia.get(id), y = ib.get(id);
      if (x == null || y == null) {
        add(
            out,
            "issues." + id,
            x == null ? ABSENT : "issue " + x.label(),
            y == null ? ABSENT : "issue " + y.label());
      } else {
        add(out, "issues." + id + ".status_quo", q(x.statusQuo()), q(y.statusQuo()));
      }
    }
    // actors
    Map<String, Actor> aa = byId(a.actors(), Actor::id), ab = byId(b.actors(), Actor::id);
    for (String id : union(aa.keySet(), ab.keySet())) {
      Actor x = aa.get(id), y = ab.get(id);
      if (x == null || y == null) {
        add(
            out,
            "actors." + id,
            x == null ? ABSENT : describe(x),
            y == null ? ABSENT : describe(y));
        continue;
      }
      add(out, id + ".role", x.role().yamlName(), y.role().yamlName());
      for (Fields.Field f : Fields.actor())
        add(out, f.path(id, null), q(f.get(x, null)), q(f.get(y, null)));
      for (Fields.Field f : Fields.RELATION) {
        Map<String, Quantity> mx = f == Fields.TIES ? x.ties() : x.pressure(),
            my = f == Fields.TIES ? y.ties() : y.pressure();
        for (String k : union(mx.keySet(), my.keySet()))
          add(out, f.path(id, k), q(f.get(x, k)), q(f.get(y, k)));
      }
      for (String issue : union(x.stances().keySet(), y.stances().keySet())) {
        Stance s = x.stances().get(issue), t = y.stances().get(issue);
        if (s == null || t == null) {
          add(
              out,
              id + "." + issue,
              s == null ? ABSENT : describe(s),
              t == null ? ABSENT : describe(t));
          continue;
        }
        for (Fields.Field f : Fields.STANCE)
          add(out, f.path(id, issue), q(f.get(x, issue)), q(f.get(y, issue)));
      }
    }
    // events
    Map<String, Event> ea = byId(a.events(), Event::id), eb = byId(b.events(), Event::id);
    for (String id : union(ea.keySet(), eb.keySet())) {
      Event x = ea.get(id), y = eb.get(id);
      if (x == null || y == null) {
        add(
            out,
            "events." + id,
            x == null ? ABSENT : describe(x),
            y == null ? ABSENT : describe(y));
      } else {
        add(out, "events." + id + ".when", when(x.timing()), when(y.timing()));
        add(out, "events." + id + ".changes", changes(x), changes(y));
      }
    }
    // protocol, agreement, experiment
    add(out, "protocol.name", a.protocol().name(), b.protocol().name());
    for (String k : union(a.protocol().params().keySet(), b.protocol().params().keySet())) {
      add(out, "protocol." + k, q(a.protocol().params().get(k)), q(b.protocol().params().get(k)));
    }
    add(out, "agreement.rule", a.agreement().rule(), b.agreement().rule());
    add(
        out,
        "agreement.tolerance",
        Quantity.of(a.agreement().tolerance()).describe(),
        Quantity.of(b.agreement().tolerance()).describe());
    add(
        out,
        "experiment.replications",
        "" + a.experiment().replications(),
        "" + b.experiment().replications());
    add(out, "experiment.rounds", "" + a.experiment().rounds(), "" + b.experiment().rounds());
    add(out, "experiment.seed", "" + a.experiment().seed(), "" + b.experiment().seed());
    return List.copyOf(out);
  }

  private static void add(List<Row> out, String path, String a, String b) {
    if (!Objects.equals(a, b)) out.add(new Row(path, a, b));
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    return items.stream()
        .collect(Collectors.toMap(id, x -> x, (x, y) -> x, java.util.LinkedHashMap::new));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return s;
  }

  private static String q(Quantity q) {
    return q == null ? ABSENT : q.describe();
  }

  private static String describe(Actor a) {
    return a.role().yamlName() + " " + a.name() + " (capability " + a.capability().describe() + ")";
  }

  private static String describe(Stance s) {
    return "position " + s.position().describe() + ", salience " + s.salience().describe();
  }

  private static String describe(Event e) {
    return when(e.timing()) + ": " + changes(e);
  }

  private static String when(Timing t) {
    if (t instanceof Timing.At at) return "at " + at.month();
    Timing.Random r = (Timing.Random) t;
    return "random p="
        + Quantity.of(r.probability()).describe()
        + " from "
        + r.from()
        + " to "
        + r.to();
  }

  private static String changes(Event e) {
    return e.changes().stream()
        .map(
            c ->
                c.target()
                    + " "
                    + c.op().name().toLowerCase(java.util.Locale.ROOT)
                    + (c.op() == Change.Op.REMOVE ? "" : " " + c.value().describe()))
        .collect(Collectors.joining("; "));
  }
}
