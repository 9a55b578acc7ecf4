package org.negotiate.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.Event;
import org.negotiate.scenario.Fields;
import org.negotiate.scenario.InputPath;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.SalienceMode;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;
import org.negotiate.scenario.Timing;

/**
 * Turns a scenario and a replication seed into one {@link NegotiationSetup}: one draw of every
 * uncertain input. A {@link Plan} does once, per scenario, everything that does not depend on the
 * seed (canonical order, every input's stream name hashed, event changes resolved to indices), so
 * that a draw is only arithmetic: a Monte Carlo makes one plan and draws from it N times.
 */
public final class SetupSampler {
  private SetupSampler() {}

  /** One draw of the uncertain inputs for the replication with this seed. */
  public static NegotiationSetup draw(Scenario s, int rounds, long replicationSeed) {
    return draw(s, rounds, false, replicationSeed);
  }

  /**
   * As {@link #draw(Scenario, int, long)}; {@code exactRounds} turns protocols' own stopping rules
   * off.
   */
  public static NegotiationSetup draw(
      Scenario s, int rounds, boolean exactRounds, long replicationSeed) {
    return plan(s).draw(rounds, exactRounds, replicationSeed);
  }

  /** The nominal inputs (fixed values, modes and means); random events never fire. */
  public static NegotiationSetup nominal(Scenario s, int rounds) {
    return plan(s).nominal(rounds, false);
  }

  /** The nominal inputs, run for exactly {@code rounds} rounds when {@code exactRounds}. */
  public static NegotiationSetup nominal(Scenario s, int rounds, boolean exactRounds) {
    return plan(s).nominal(rounds, exactRounds);
  }

  /** The seed-independent part of drawing from a scenario, for many draws. */
  public static Plan plan(Scenario s) {
    return new Plan(s, null);
  }

  /**
   * A plan in which some uncertain inputs take given values rather than being drawn: {@code given}
   * maps an input's stream name, hashed ({@code Streams.keyMix} of the key {@code UncertainInput}
   * names), to its value, or to NaN to draw it. The scenario is otherwise the same, its stated
   * uncertainty included: the mediators still know only the stated range of a red line whose value
   * is given (fixing the input in the scenario would tell them). For a sensitivity design's points
   * and for samplers that propose inputs; random events and everything within a run still come from
   * the seed, and the plan's nominal set-up holds the given values too.
   */
  public static Plan plan(Scenario s, java.util.function.LongToDoubleFunction given) {
    return new Plan(s, given);
  }

  /**
   * One input: its distribution, its stream's name, hashed once, and the value a plan gives it (NaN
   * when it is drawn). What does not depend on the seed is worked out once, here (a draw asks each
   * slot for its value, and for the bounds of some, every replication).
   */
  private static final class Slot {
    final Quantity q;
    final long key;
    final double given;

    /** Whether a draw takes a quantile of the stream: uncertain and not given. */
    final boolean drawn;

    /** The value when not drawn: the given one, else the nominal. */
    final double fixed;

    /** The distribution's bounds (its stated range). */
    final double min;

    final double max;

    Slot(Quantity q, long key, double given) {
      this.q = q;
      this.key = key;
      this.given = given;
      boolean isGiven = !Double.isNaN(given);
      this.drawn = !isGiven && q.uncertain();
      this.fixed = isGiven ? given : q.nominal();
      this.min = q.min();
      this.max = q.max();
    }

    static Slot of(Quantity q, String name) {
      return q == null ? null : new Slot(q, Streams.keyMix(name), Double.NaN);
    }

    boolean isGiven() {
      return !Double.isNaN(given);
    }

    double value(long seed, boolean draw) {
      return draw && drawn ? q.quantile(Streams.uniform(seed, key)) : fixed;
    }
  }

  /**
   * One event change: where it goes (indices) and the stream its value comes from. A target that
   * does not resolve is reported when (and only if) its event fires, as before plans existed.
   */
  private record ChangePlan(InputChange at, Slot value, IllegalArgumentException unresolved) {}

  /**
   * An event: its fixed round, or for a random one its window and probability, the hashed stream
   * names of the months in its window, and its changes.
   */
  private record EventPlan(
      Event event,
      boolean random,
      int fixedRound,
      int from,
      int to,
      double probability,
      long[] monthKeys,
      List<ChangePlan> changes) {}

  /**
   * Everything about drawing from one scenario that does not depend on the seed. Immutable;
   * thread-safe.
   */
  public static final class Plan {
    private final Scenario s;
    private final List<String> ids;
    private final List<String> names;
    private final List<Role> roles;
    private final List<String> issueIds;
    private final boolean shares;
    private final int actors;
    private final int issues;
    private final Slot[] capability;
    private final Slot[] reservation;
    private final Slot[] risk;
    private final Slot[] lean;
    private final Slot[] flexibility;
    private final Slot[] costOfDelay;
    private final Slot[][] position;
    private final Slot[][] salience;
    private final Slot[][] stanceFlexibility;
    private final Slot[][] stanceCostOfDelay;
    private final Slot[][] redLineMin;
    private final Slot[][] redLineMax;
    private final int[][] tieTo;
    private final Slot[][] tie;
    private final int[][] pressureOn;
    private final Slot[][] pressure;

    /** Actor fields added to the table: each field and, per actor, its slot. */
    private final List<Fields.Field> added;

    private final Slot[][] more;
    private final List<EventPlan> events = new ArrayList<>();
    private final List<String> paramNames = new ArrayList<>();
    private final List<Slot> params = new ArrayList<>();

    /** The lists above as arrays, for the draws (no iterator, no list access a replication). */
    private final EventPlan[] eventPlans;

    private final ChangePlan[][] eventChanges;
    private final String[] paramKeys;
    private final Slot[] paramSlots;

    /**
     * The protocol's parameters when none is uncertain: the same map for every draw, so that a
     * protocol can read them once per plan rather than once per replication (by identity); null
     * when some parameter is drawn.
     */
    private final Map<String, Double> fixedParams;

    /** Only while the constructor runs: the values the plan gives (null: none). */
    private java.util.function.LongToDoubleFunction given;

    Plan(Scenario s, java.util.function.LongToDoubleFunction given) {
      this.s = s;
      this.given = given;
      List<Actor> sorted = new ArrayList<>(s.actors());
      // by id, so the order a scenario lists its actors in cannot change a result; an actor table's
      // rows keep the file's order, which KTAB's spatial model depends on
      if (s.actorOrder() != org.negotiate.scenario.ActorOrder.LISTED)
        sorted.sort(Comparator.comparing(Actor::id));
      ids = sorted.stream().map(Actor::id).toList();
      names = sorted.stream().map(Actor::name).toList();
      roles = sorted.stream().map(Actor::role).toList();
      issueIds = s.issues().stream().map(Issue::id).toList();
      shares = s.saliences() == SalienceMode.SHARES;
      actors = sorted.size();
      issues = issueIds.size();
      capability = new Slot[actors];
      reservation = new Slot[actors];
      risk = new Slot[actors];
      lean = new Slot[actors];
      flexibility = new Slot[actors];
      costOfDelay = new Slot[actors];
      position = new Slot[actors][issues];
      salience = new Slot[actors][issues];
      stanceFlexibility = new Slot[actors][issues];
      stanceCostOfDelay = new Slot[actors][issues];
      redLineMin = new Slot[actors][issues];
      redLineMax = new Slot[actors][issues];
      tieTo = new int[actors][];
      tie = new Slot[actors][];
      pressureOn = new int[actors][];
      pressure = new Slot[actors][];
      added = Fields.added();
      more = new Slot[added.size()][actors];
      for (int i = 0; i < actors; i++) {
        Actor a = sorted.get(i);
        for (int f = 0; f < added.size(); f++)
          more[f][i] = slot(added.get(f).get(a, null), a.id() + "." + added.get(f).name());
        capability[i] = slot(a.capability(), a.id() + ".capability");
        reservation[i] = slot(a.reservation(), a.id() + ".reservation");
        risk[i] = slot(a.risk(), a.id() + ".risk");
        lean[i] = slot(a.lean(), a.id() + ".lean");
        flexibility[i] = slot(a.flexibility(), a.id() + ".flexibility");
        costOfDelay[i] = slot(a.costOfDelay(), a.id() + ".cost_of_delay");
        for (int k = 0; k < issues; k++) {
          String prefix = a.id() + "." + issueIds.get(k) + ".";
          Stance st = a.stances().get(issueIds.get(k));
          position[i][k] = slot(st.position(), prefix + "position");
          salience[i][k] = slot(st.salience(), prefix + "salience");
          stanceFlexibility[i][k] = slot(st.flexibility(), prefix + "flexibility");
          stanceCostOfDelay[i][k] = slot(st.costOfDelay(), prefix + "cost_of_delay");
          RedLine rl = st.redLine() == null ? RedLine.NONE : st.redLine();
          redLineMin[i][k] = slot(rl.min(), prefix + "red_line.min");
          redLineMax[i][k] = slot(rl.max(), prefix + "red_line.max");
        }
        tieTo[i] = new int[a.ties().size()];
        tie[i] = new Slot[a.ties().size()];
        int q = 0;
        for (Map.Entry<String, Quantity> t : a.ties().entrySet()) {
          tieTo[i][q] = ids.indexOf(t.getKey());
          tie[i][q++] = slot(t.getValue(), a.id() + ".ties." + t.getKey());
        }
        pressureOn[i] = new int[a.pressure().size()];
        pressure[i] = new Slot[a.pressure().size()];
        q = 0;
        for (Map.Entry<String, Quantity> p : a.pressure().entrySet()) {
          pressureOn[i][q] = ids.indexOf(p.getKey());
          pressure[i][q++] = slot(p.getValue(), a.id() + ".pressure." + p.getKey());
        }
      }
      for (Event e : s.events()) {
        List<ChangePlan> changes = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Change c : e.changes()) {
          String key = "events." + e.id() + "." + c.target();
          int n = seen.merge(key, 1, Integer::sum) - 1;
          InputChange at = null;
          IllegalArgumentException unresolved = null;
          try {
            at = resolve(c.target(), c.op(), 0, ids, issueIds);
          } catch (IllegalArgumentException ex) {
            unresolved = ex;
          }
          changes.add(
              new ChangePlan(
                  at,
                  c.value() == null ? null : slot(c.value(), n == 0 ? key : key + "#" + n),
                  unresolved));
        }
        if (e.timing() instanceof Timing.At at) {
          events.add(
              new EventPlan(
                  e,
                  false,
                  s.calendar().round(at.month()),
                  0,
                  -1,
                  0,
                  new long[0],
                  List.copyOf(changes)));
        } else {
          Timing.Random rnd = (Timing.Random) e.timing();
          int from = Math.max(0, s.calendar().round(rnd.from()));
          int to = s.calendar().round(rnd.to());
          long[] keys = new long[Math.max(0, to - from + 1)];
          for (int t = from; t <= to; t++)
            keys[t - from] = Streams.keyMix("events." + e.id() + ".round" + t);
          events.add(
              new EventPlan(e, true, -1, from, to, rnd.probability(), keys, List.copyOf(changes)));
        }
      }
      s.protocol()
          .params()
          .forEach(
              (k, q) -> {
                paramNames.add(k);
                params.add(slot(q, "protocol." + k));
              });
      boolean fixed = true;
      for (Slot p : params) fixed &= p != null && (!p.q.uncertain() || p.isGiven());
      Map<String, Double> nominal = new LinkedHashMap<>();
      for (int q = 0; fixed && q < params.size(); q++)
        nominal.put(paramNames.get(q), params.get(q).value(0, false));
      fixedParams = fixed ? Map.copyOf(nominal) : null;
      eventPlans = events.toArray(new EventPlan[0]);
      eventChanges = new ChangePlan[eventPlans.length][];
      for (int q = 0; q < eventPlans.length; q++)
        eventChanges[q] = eventPlans[q].changes().toArray(new ChangePlan[0]);
      paramKeys = paramNames.toArray(new String[0]);
      paramSlots = params.toArray(new Slot[0]);
      this.given = null;
    }

    /** The slot of an input, with the value this plan gives it if it is uncertain and given. */
    private Slot slot(Quantity q, String name) {
      Slot plain = Slot.of(q, name);
      if (plain == null || given == null || !q.uncertain()) return plain;
      double v = given.applyAsDouble(plain.key);
      return Double.isNaN(v) ? plain : new Slot(q, plain.key, v);
    }

    /** One draw of the uncertain inputs for the replication with this seed. */
    public NegotiationSetup draw(int rounds, boolean exactRounds, long replicationSeed) {
      return build(rounds, exactRounds, replicationSeed, true);
    }

    /** The nominal inputs (fixed values, modes and means); random events never fire. */
    public NegotiationSetup nominal(int rounds, boolean exactRounds) {
      return build(rounds, exactRounds, 0, false);
    }

    private NegotiationSetup build(int rounds, boolean exactRounds, long seed, boolean draw) {
      Inputs.Builder in = Inputs.builder(actors, issues, shares);
      double[] drawnSalience = new double[issues];
      for (int i = 0; i < actors; i++) {
        in.capability(i, capability[i].value(seed, draw));
        double r = Math.min(0.999, reservation[i].value(seed, draw));
        in.reservation(i, r);
        in.statedReservationLo(i, Math.min(r, reservation[i].min));
        in.risk(i, risk[i].value(seed, draw));
        in.lean(i, lean[i].value(seed, draw));
        double actorFlex = flexibility[i].value(seed, draw);
        double actorKappa = costOfDelay[i].value(seed, draw);
        double salienceSum = 0;
        for (int k = 0; k < issues; k++) {
          double x = position[i][k].value(seed, draw);
          in.position(i, k, x);
          drawnSalience[k] = salience[i][k].value(seed, draw);
          salienceSum += drawnSalience[k];
          in.flexibility(
              i,
              k,
              stanceFlexibility[i][k] == null
                  ? actorFlex
                  : stanceFlexibility[i][k].value(seed, draw));
          in.costOfDelay(
              i,
              k,
              stanceCostOfDelay[i][k] == null
                  ? actorKappa
                  : stanceCostOfDelay[i][k].value(seed, draw));
          double lo = redLineMin[i][k] == null ? 0 : redLineMin[i][k].value(seed, draw);
          double hi = redLineMax[i][k] == null ? 100 : redLineMax[i][k].value(seed, draw);
          // An actor can always sign its own ideal: a draw that puts it outside the red line widens
          // the line.
          double min = Math.min(lo, x);
          double max = Math.max(hi, x);
          in.redLineMin(i, k, min);
          in.redLineMax(i, k, max);
          // The stated uncertainty of each bound, which is all the mediators know of it.
          in.statedMin(
              i,
              k,
              redLineMin[i][k] == null ? 0 : Math.min(redLineMin[i][k].min, min),
              redLineMin[i][k] == null ? 0 : Math.max(redLineMin[i][k].max, min));
          in.statedMax(
              i,
              k,
              redLineMax[i][k] == null ? 100 : Math.min(redLineMax[i][k].min, max),
              redLineMax[i][k] == null ? 100 : Math.max(redLineMax[i][k].max, max));
        }
        // Draws of uncertain shares need not sum to exactly 1; the shares are what matter.
        for (int k = 0; k < issues; k++) {
          in.salience(
              i,
              k,
              !shares
                  ? drawnSalience[k]
                  : salienceSum > 0 ? drawnSalience[k] / salienceSum : 1.0 / issues);
        }
        for (int q = 0; q < tieTo[i].length; q++)
          in.tie(i, tieTo[i][q], tie[i][q].value(seed, draw));
        for (int q = 0; q < pressureOn[i].length; q++)
          in.pressure(i, pressureOn[i][q], pressure[i][q].value(seed, draw));
        for (int f = 0; f < added.size(); f++) {
          if (more[f][i] != null) in.more(added.get(f).name(), i, more[f][i].value(seed, draw));
        }
      }

      // the events that fire, kept in order of their round as they fire (an insertion sort: stable,
      // as the list's sort was, so events of one round keep the scenario's order)
      ScheduledEvent[] fired = new ScheduledEvent[eventPlans.length];
      int firing = 0;
      for (int q = 0; q < eventPlans.length; q++) {
        EventPlan e = eventPlans[q];
        int round = fireRound(e, rounds, seed, draw);
        if (round < 0) continue;
        ChangePlan[] plans = eventChanges[q];
        InputChange[] changes = new InputChange[plans.length];
        for (int j = 0; j < plans.length; j++) {
          ChangePlan c = plans[j];
          double v = c.value() == null ? 0 : c.value().value(seed, draw);
          if (c.unresolved() != null)
            throw new IllegalArgumentException(c.unresolved().getMessage(), c.unresolved());
          InputChange at = c.at();
          changes[j] = new InputChange(at.row(), at.actor(), at.issue(), at.other(), at.op(), v);
        }
        ScheduledEvent fires =
            new ScheduledEvent(e.event().id(), e.event().label(), round, List.of(changes));
        int at = firing++;
        while (at > 0 && fired[at - 1].round() > round) {
          fired[at] = fired[at - 1];
          at--;
        }
        fired[at] = fires;
      }

      Map<String, Double> drawn = fixedParams;
      if (drawn == null) {
        Double[] values = new Double[paramSlots.length];
        for (int q = 0; q < paramSlots.length; q++) values[q] = paramSlots[q].value(seed, draw);
        drawn = immutableMap(paramKeys, values);
      }

      return new NegotiationSetup(
          ids,
          names,
          roles,
          issueIds,
          in.build(),
          List.of(firing == fired.length ? fired : Arrays.copyOf(fired, firing)),
          rounds,
          exactRounds,
          s.protocol().name(),
          drawn,
          s.agreement().tolerance(),
          seed);
    }

    /**
     * The map {@code Map.copyOf} makes of a LinkedHashMap of these keys and values, put in this
     * order (the same kind of map, its entries placed in the same order), without the
     * LinkedHashMap.
     */
    private static Map<String, Double> immutableMap(String[] k, Double[] v) {
      return switch (k.length) {
        case 0 -> Map.of();
        case 1 -> Map.of(k[0], v[0]);
        case 2 -> Map.of(k[0], v[0], k[1], v[1]);
        case 3 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2]);
        case 4 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3]);
        case 5 -> Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4]);
        default -> {
          @SuppressWarnings("unchecked")
          Map.Entry<String, Double>[] entries = new Map.Entry[k.length];
          for (int q = 0; q < k.length; q++) entries[q] = Map.entry(k[q], v[q]);
          yield Map.ofEntries(entries);
        }
      };
    }

    /** The round an event fires in, or -1 if it does not fire within the run. */
    private static int fireRound(EventPlan e, int rounds, long seed, boolean draw) {
      if (!e.random()) {
        int r = e.fixedRound();
        return r >= 0 && r < rounds ? r : -1;
      }
      if (!draw) return -1;
      int to = Math.min(rounds - 1, e.to());
      for (int t = e.from(); t <= to; t++) {
        // One stream per (event, round): the chance in one month does not depend on any other
        // month's draw.
        if (Streams.uniform(seed, e.monthKeys()[t - e.from()]) < e.probability()) return t;
      }
      return -1;
    }
  }

  static InputChange resolve(
      InputPath p, Change.Op op, double value, List<String> actorIds, List<String> issueIds) {
    int i = actorIds.indexOf(p.actor());
    if (i < 0) throw new IllegalArgumentException("unknown actor in " + p);
    Fields.Field f = Fields.of(p);
    String key = Fields.key(p);
    return switch (f.level()) {
      case STANCE -> {
        int k = issueIds.indexOf(key);
        if (k < 0) throw new IllegalArgumentException("unknown issue in " + p);
        yield new InputChange(f, i, k, -1, op, value);
      }
      case RELATION -> {
        int j = actorIds.indexOf(key);
        if (j < 0) throw new IllegalArgumentException("unknown actor in " + p);
        yield new InputChange(f, i, -1, j, op, value);
      }
      case ACTOR -> new InputChange(f, i, -1, -1, op, value);
    };
  }
}
