package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.Event;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;
import org.negotiate.scenario.Timing;

/**
 * The inputs in which two resolved scenarios differ, one row per input, named as {@code --set}
 * and events name them ({@code turkey.withdrawal.red_line.max}, {@code russia.pressure.syria},
 * {@code protocol.noise}); items present in one scenario only are rows of their own
 * ({@code actors.united_states}, {@code events.earthquake}). Text (labels, evidence, rationales)
 * is not an input and is not compared.
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
    add(out, "saliences", a.saliences().toString().toLowerCase(java.util.Locale.ROOT),
        b.saliences().toString().toLowerCase(java.util.Locale.ROOT));
    // issues
    Map<String, Issue> ia = byId(a.issues(), Issue::id), ib = byId(b.issues(), Issue::id);
    for (String id : union(ia.keySet(), ib.keySet())) {
      Issue x = ia.get(id), y = ib.get(id);
      if (x == null || y == null) {
        add(out, "issues." + id, x == null ? ABSENT : "issue " + x.label(), y == null ? ABSENT : "issue " + y.label());
      } else {
        add(out, "issues." + id + ".status_quo", q(x.statusQuo()), q(y.statusQuo()));
      }
    }
    // actors
    Map<String, Actor> aa = byId(a.actors(), Actor::id), ab = byId(b.actors(), Actor::id);
    for (String id : union(aa.keySet(), ab.keySet())) {
      Actor x = aa.get(id), y = ab.get(id);
      if (x == null || y == null) {
        add(out, "actors." + id, x == null ? ABSENT : describe(x), y == null ? ABSENT : describe(y));
        continue;
      }
      add(out, id + ".role", x.role().yamlName(), y.role().yamlName());
      add(out, id + ".capability", q(x.capability()), q(y.capability()));
      add(out, id + ".reservation", q(x.reservation()), q(y.reservation()));
      add(out, id + ".flexibility", q(x.flexibility()), q(y.flexibility()));
      add(out, id + ".cost_of_delay", q(x.costOfDelay()), q(y.costOfDelay()));
      add(out, id + ".risk", q(x.risk()), q(y.risk()));
      add(out, id + ".lean", q(x.lean()), q(y.lean()));
      for (String k : union(x.ties().keySet(), y.ties().keySet())) {
        add(out, id + ".ties." + k, q(x.ties().get(k)), q(y.ties().get(k)));
      }
      for (String k : union(x.pressure().keySet(), y.pressure().keySet())) {
        add(out, id + ".pressure." + k, q(x.pressure().get(k)), q(y.pressure().get(k)));
      }
      for (String issue : union(x.stances().keySet(), y.stances().keySet())) {
        Stance s = x.stances().get(issue), t = y.stances().get(issue);
        String p = id + "." + issue + ".";
        if (s == null || t == null) {
          add(out, id + "." + issue, s == null ? ABSENT : describe(s), t == null ? ABSENT : describe(t));
          continue;
        }
        add(out, p + "position", q(s.position()), q(t.position()));
        add(out, p + "salience", q(s.salience()), q(t.salience()));
        add(out, p + "red_line.min", q(min(s.redLine())), q(min(t.redLine())));
        add(out, p + "red_line.max", q(max(s.redLine())), q(max(t.redLine())));
        add(out, p + "flexibility", q(s.flexibility()), q(t.flexibility()));
        add(out, p + "cost_of_delay", q(s.costOfDelay()), q(t.costOfDelay()));
      }
    }
    // events
    Map<String, Event> ea = byId(a.events(), Event::id), eb = byId(b.events(), Event::id);
    for (String id : union(ea.keySet(), eb.keySet())) {
      Event x = ea.get(id), y = eb.get(id);
      if (x == null || y == null) {
        add(out, "events." + id, x == null ? ABSENT : describe(x), y == null ? ABSENT : describe(y));
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
    add(out, "agreement.tolerance", Quantity.of(a.agreement().tolerance()).describe(),
        Quantity.of(b.agreement().tolerance()).describe());
    add(out, "experiment.replications", "" + a.experiment().replications(), "" + b.experiment().replications());
    add(out, "experiment.rounds", "" + a.experiment().rounds(), "" + b.experiment().rounds());
    add(out, "experiment.seed", "" + a.experiment().seed(), "" + b.experiment().seed());
    return List.copyOf(out);
  }

  private static void add(List<Row> out, String path, String a, String b) {
    if (!Objects.equals(a, b)) out.add(new Row(path, a, b));
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    return items.stream().collect(Collectors.toMap(id, x -> x, (x, y) -> x, java.util.LinkedHashMap::new));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return s;
  }

  private static String q(Quantity q) {
    return q == null ? ABSENT : q.describe();
  }

  private static Quantity min(RedLine r) {
    return r == null ? null : r.min();
  }

  private static Quantity max(RedLine r) {
    return r == null ? null : r.max();
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
    return "random p=" + Quantity.of(r.probability()).describe() + " from " + r.from() + " to " + r.to();
  }

  private static String changes(Event e) {
    return e.changes().stream().map(c -> c.target() + " " + c.op().name().toLowerCase(java.util.Locale.ROOT)
        + (c.op() == Change.Op.REMOVE ? "" : " " + c.value().describe())).collect(Collectors.joining("; "));
  }
}
