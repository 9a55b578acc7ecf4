package org.negotiate.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.Event;
import org.negotiate.scenario.InputPath;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.SalienceMode;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;
import org.negotiate.scenario.Timing;

/** Turns a scenario and a replication seed into one {@link NegotiationSetup}: one draw of every uncertain input. */
public final class SetupSampler {
  private SetupSampler() {}

  /** One draw of the uncertain inputs for the replication with this seed. */
  public static NegotiationSetup draw(Scenario s, int rounds, long replicationSeed) {
    return draw(s, rounds, false, replicationSeed);
  }

  /** As {@link #draw(Scenario, int, long)}; {@code exactRounds} turns protocols' own stopping rules off. */
  public static NegotiationSetup draw(Scenario s, int rounds, boolean exactRounds, long replicationSeed) {
    return build(s, rounds, exactRounds, replicationSeed, true);
  }

  /** The nominal inputs (fixed values, modes and means); random events never fire. */
  public static NegotiationSetup nominal(Scenario s, int rounds) {
    return build(s, rounds, false, 0, false);
  }

  /** The nominal inputs, run for exactly {@code rounds} rounds when {@code exactRounds}. */
  public static NegotiationSetup nominal(Scenario s, int rounds, boolean exactRounds) {
    return build(s, rounds, exactRounds, 0, false);
  }

  private static NegotiationSetup build(Scenario s, int rounds, boolean exactRounds, long seed, boolean draw) {
    List<Actor> actors = new ArrayList<>(s.actors());
    actors.sort(Comparator.comparing(Actor::id));
    List<String> ids = actors.stream().map(Actor::id).toList();
    List<String> issueIds = s.issues().stream().map(Issue::id).toList();
    Drawer d = new Drawer(seed, draw);
    boolean shares = s.saliences() == SalienceMode.SHARES;
    Inputs in = new Inputs(actors.size(), issueIds.size(), shares);

    for (int i = 0; i < actors.size(); i++) {
      Actor a = actors.get(i);
      in.capability[i] = d.value(a.capability(), a.id() + ".capability");
      in.reservation[i] = Math.min(0.999, d.value(a.reservation(), a.id() + ".reservation"));
      in.risk[i] = d.value(a.risk(), a.id() + ".risk");
      in.lean[i] = d.value(a.lean(), a.id() + ".lean");
      double actorFlex = d.value(a.flexibility(), a.id() + ".flexibility");
      double salienceSum = 0;
      for (int k = 0; k < issueIds.size(); k++) {
        String prefix = a.id() + "." + issueIds.get(k) + ".";
        Stance st = a.stances().get(issueIds.get(k));
        in.position[i][k] = d.value(st.position(), prefix + "position");
        in.salience[i][k] = d.value(st.salience(), prefix + "salience");
        salienceSum += in.salience[i][k];
        in.flexibility[i][k] = st.flexibility() == null ? actorFlex : d.value(st.flexibility(), prefix + "flexibility");
        RedLine rl = st.redLine() == null ? RedLine.NONE : st.redLine();
        double lo = rl.min() == null ? 0 : d.value(rl.min(), prefix + "red_line.min");
        double hi = rl.max() == null ? 100 : d.value(rl.max(), prefix + "red_line.max");
        // An actor can always sign its own ideal: a draw that puts it outside the red line widens the line.
        in.redLineMin[i][k] = Math.min(lo, in.position[i][k]);
        in.redLineMax[i][k] = Math.max(hi, in.position[i][k]);
      }
      // Draws of uncertain shares need not sum to exactly 1; the shares are what matter.
      for (int k = 0; shares && k < issueIds.size(); k++) {
        in.salience[i][k] = salienceSum > 0 ? in.salience[i][k] / salienceSum : 1.0 / issueIds.size();
      }
      for (Map.Entry<String, Quantity> t : a.ties().entrySet()) {
        in.ties[i][ids.indexOf(t.getKey())] = d.value(t.getValue(), a.id() + ".ties." + t.getKey());
      }
      for (Map.Entry<String, Quantity> p : a.pressure().entrySet()) {
        in.pressure[i][ids.indexOf(p.getKey())] = d.value(p.getValue(), a.id() + ".pressure." + p.getKey());
      }
    }

    List<ScheduledEvent> events = new ArrayList<>();
    for (Event e : s.events()) {
      int round = fireRound(s, e, rounds, d);
      if (round < 0) continue;
      List<InputChange> changes = new ArrayList<>();
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (Change c : e.changes()) {
        String key = "events." + e.id() + "." + c.target();
        int n = seen.merge(key, 1, Integer::sum) - 1;
        double v = c.value() == null ? 0 : d.value(c.value(), n == 0 ? key : key + "#" + n);
        changes.add(resolve(c.target(), c.op(), v, ids, issueIds));
      }
      events.add(new ScheduledEvent(e.id(), e.label(), round, List.copyOf(changes)));
    }
    events.sort(Comparator.comparingInt(ScheduledEvent::round));

    Map<String, Double> params = new LinkedHashMap<>();
    s.protocol().params().forEach((k, q) -> params.put(k, d.value(q, "protocol." + k)));

    return new NegotiationSetup(
        ids,
        actors.stream().map(Actor::name).toList(),
        actors.stream().map(Actor::role).toList(),
        issueIds,
        in,
        List.copyOf(events),
        rounds,
        exactRounds,
        s.protocol().name(),
        Map.copyOf(params),
        s.agreement().tolerance(),
        seed);
  }

  /** The round an event fires in, or -1 if it does not fire within the run. */
  private static int fireRound(Scenario s, Event e, int rounds, Drawer d) {
    if (e.timing() instanceof Timing.At at) {
      int r = s.calendar().round(at.month());
      return r >= 0 && r < rounds ? r : -1;
    }
    Timing.Random rnd = (Timing.Random) e.timing();
    if (!d.draw) return -1;
    int from = Math.max(0, s.calendar().round(rnd.from()));
    int to = Math.min(rounds - 1, s.calendar().round(rnd.to()));
    for (int t = from; t <= to; t++) {
      // One stream per (event, round): the chance in one month does not depend on any other month's draw.
      if (Streams.uniform(d.seed, "events." + e.id() + ".round" + t) < rnd.probability()) return t;
    }
    return -1;
  }

  static InputChange resolve(InputPath p, Change.Op op, double value, List<String> actorIds, List<String> issueIds) {
    int i = actorIds.indexOf(p.actor());
    if (i < 0) throw new IllegalArgumentException("unknown actor in " + p);
    if (p.issue() != null) {
      int k = issueIds.indexOf(p.issue());
      if (k < 0) throw new IllegalArgumentException("unknown issue in " + p);
      InputChange.Field f = switch (p.field()) {
        case "position" -> InputChange.Field.POSITION;
        case "salience" -> InputChange.Field.SALIENCE;
        case "red_line.min" -> InputChange.Field.RED_LINE_MIN;
        case "red_line.max" -> InputChange.Field.RED_LINE_MAX;
        case "flexibility" -> InputChange.Field.STANCE_FLEXIBILITY;
        default -> throw new IllegalArgumentException("unknown stance field in " + p);
      };
      return new InputChange(f, i, k, -1, op, value);
    }
    String field = p.field();
    if (field.startsWith("ties.") || field.startsWith("pressure.")) {
      int j = actorIds.indexOf(field.substring(field.indexOf('.') + 1));
      if (j < 0) throw new IllegalArgumentException("unknown actor in " + p);
      InputChange.Field f = field.startsWith("ties.") ? InputChange.Field.TIES : InputChange.Field.PRESSURE;
      return new InputChange(f, i, -1, j, op, value);
    }
    InputChange.Field f = switch (field) {
      case "capability" -> InputChange.Field.CAPABILITY;
      case "reservation" -> InputChange.Field.RESERVATION;
      case "flexibility" -> InputChange.Field.FLEXIBILITY;
      case "risk" -> InputChange.Field.RISK;
      case "lean" -> InputChange.Field.LEAN;
      default -> throw new IllegalArgumentException("unknown actor field in " + p);
    };
    return new InputChange(f, i, -1, -1, op, value);
  }

  private record Drawer(long seed, boolean draw) {
    double value(Quantity q, String key) {
      return draw && q.uncertain() ? q.quantile(Streams.uniform(seed, key)) : q.nominal();
    }
  }
}
