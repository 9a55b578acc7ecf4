package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.RoundClose;
import org.negotiate.scenario.Observation;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RoundListener;
import org.negotiate.sim.RunOutcome;

/**
 * The observations a forecast is conditioned on, compiled to rounds and indices, and the rule that
 * keeps a replication (approximate Bayesian computation by rejection): a replication is kept when
 * it reproduces every hard observation, and a soft one (a stated demand with a tolerance) with
 * probability exp(-d²/2·tolerance²), d being how far the replication's position lies outside the
 * stated bound. Kept replications are an exact sample of the inputs given the observations (up to
 * the soft kernel), so every aggregate over them (odds, positions, terms, blockers) is conditioned,
 * and their count is the effective sample size.
 *
 * @param observations the observations, in the scenario's order
 * @param maxAttempts the most replications tried before giving up on reaching the target
 */
public record Conditions(List<Compiled> observations, int maxAttempts)
    implements java.io.Serializable {

  public Conditions {
    // immutable, so that the watches' Plan (made once per list) stays the list's
    observations = List.copyOf(observations);
  }

  /** Attempts per kept replication allowed by default before the run gives up. */
  public static final int DEFAULT_ATTEMPTS_PER_KEPT = 200;

  /** The stream a soft observation's acceptance draw comes from (per replication seed). */
  static final String ACCEPT_STREAM = "conditioning.accept";

  /** One observation in the simulation's terms: round, actor and issue indices. */
  public record Compiled(Observation source, int round, int actor, int issue)
      implements java.io.Serializable {}

  /**
   * Compiles {@code observations} for runs of {@code setup}'s shape (canonical actor order).
   *
   * @throws IllegalArgumentException naming the observation when it lies beyond the simulated
   *     months
   */
  public static Conditions of(
      Scenario s, List<Observation> observations, NegotiationSetup shape, int maxAttempts) {
    List<Compiled> out = new ArrayList<>();
    for (Observation o : observations) {
      int round = s.calendar().round(o.month());
      if (round >= shape.rounds()) {
        throw new IllegalArgumentException(
            "observation "
                + o.id()
                + " ("
                + o.month()
                + ") lies after the last simulated month "
                + s.calendar().month(shape.rounds() - 1));
      }
      int actor = -1;
      int issue = -1;
      if (o instanceof Observation.Demand d) {
        actor = shape.actorIds().indexOf(d.actor());
        issue = shape.issueIds().indexOf(d.issue());
      } else if (o instanceof Observation.Refusal r) {
        actor = shape.actorIds().indexOf(r.actor());
      }
      out.add(new Compiled(o, round, actor, issue));
    }
    return new Conditions(List.copyOf(out), maxAttempts);
  }

  /** Watches one replication and says whether it is kept. */
  Watch watch() {
    return new Watch(this, Double.NaN);
  }

  /**
   * Watches one replication whose soft observations' acceptance draw is {@code u} (the one {@link
   * Watch#verdict} will be given): once every observation's month is past, a run the soft kernel
   * turns away is rejected whatever its later rounds do, and need not be run further.
   */
  Watch watch(double u) {
    return new Watch(this, u);
  }

  /**
   * The per-replication check: a {@link RoundListener} fed each round, then asked for its verdict.
   */
  static final class Watch implements RoundListener {
    /** {@link #verdict} when the replication is kept. */
    static final int KEPT = -1;

    /** {@link #verdict} when only the soft kernel's draw rejected it. */
    static final int SOFT = -2;

    /** {@link #settledBy} while some observation may still keep or reject the replication. */
    static final int OPEN = -1;

    private final List<Compiled> obs;

    /** The observations in arrays, read every round (shared by the watches of these conditions). */
    private final Plan plan;

    private final boolean[] failed;
    private final double[] position;
    private final double u;
    private int lastRound = -1;

    Watch(Conditions c, double u) {
      obs = c.observations();
      plan = Plan.of(obs);
      failed = new boolean[obs.size()];
      position = new double[obs.size()];
      this.u = u;
    }

    @Override
    public void roundClosed(
        int round, List<ScheduledEvent> fired, Protocol.Session session, RoundClose close) {
      lastRound = round;
      final Plan plan = this.plan;
      final int[] kind = plan.kind;
      final int[] month = plan.round;
      for (int j = 0; j < kind.length; j++) {
        int at = month[j];
        if (kind[j] <= Plan.SOFT_DEMAND) {
          // a demand, hard or soft: until its month, and after the run ended, the last position
          // reported stands
          if (round <= at)
            position[j] =
                close.terms() != null && at > round
                    ? close.terms()[plan.issue[j]]
                    : session.positions()[plan.actor[j]][plan.issue[j]];
          continue;
        }
        if (at != round) continue;
        if (kind[j] == Plan.TALKS) {
          if ((session.text() != null) != plan.held[j]) failed[j] = true;
        } else if (kind[j] == Plan.REFUSAL) {
          if (session.text() == null || session.accepted(plan.actor[j])) failed[j] = true;
        }
      }
    }

    /**
     * Whether {@link #verdict} is already a hard rejection whatever the later rounds do: some hard
     * observation is contradicted, and every observation before it in the conditions' order is
     * settled (its month is past) without being contradicted, so it is the first one {@link
     * #verdict} names. Soft demands never reject by themselves and are skipped. Then the
     * replication need not be run further: rejection sampling of a late month tries many times as
     * many replications as it keeps, and most are turned away by an early observation.
     */
    @Override
    public boolean enough() {
      return settledBy() != OPEN;
    }

    /**
     * The hard observation that already rejects the replication whatever the later rounds do (the
     * one {@link #verdict} would name if the run stopped here); {@link #SOFT} when every
     * observation's month is past, none rejects it and the soft kernel's draw does (known only to a
     * watch given the draw); else {@link #OPEN}: see {@link #enough}. Asked only where {@link
     * #enough} is, after a round the run goes on from.
     */
    int settledBy() {
      boolean allPast = true;
      final Plan plan = this.plan;
      final int[] kind = plan.kind;
      final int[] month = plan.round;
      final int lastRound = this.lastRound;
      for (int j = 0; j < kind.length; j++) {
        if (month[j] > lastRound) allPast = false;
        if (kind[j] == Plan.SOFT_DEMAND) continue;
        if (month[j] > lastRound) return OPEN;
        if (kind[j] == Plan.NO_DEAL) continue; // the run goes on: no deal by its month
        if (kind[j] == Plan.DEMAND) {
          // a missing bound is NaN, which no position is below or above
          double x = position[j];
          if (x < plan.min[j] || x > plan.max[j]) return j;
        } else if (failed[j]) {
          return j;
        }
      }
      // the soft demands' positions are final once their months are past: so is their weight
      return allPast && !Double.isNaN(u) && !softKeeps(u) ? SOFT : OPEN;
    }

    /**
     * Whether the soft kernel keeps a replication that no hard observation rejected, with draw
     * {@code u}: with probability exp(-Σ d²/2·tolerance²) over the soft demands, in order.
     */
    private boolean softKeeps(double u) {
      double logWeight = 0;
      for (int j = 0; j < obs.size(); j++) {
        if (!(obs.get(j).source() instanceof Observation.Demand d) || d.tolerance() <= 0) continue;
        double x = position[j];
        double dist =
            d.min() != null && x < d.min()
                ? d.min() - x
                : d.max() != null && x > d.max() ? x - d.max() : 0;
        if (dist > 0) logWeight -= dist * dist / (2 * d.tolerance() * d.tolerance());
      }
      return logWeight == 0 || u < Math.exp(logWeight);
    }

    /**
     * The first hard observation the finished replication contradicts ({@link #KEPT} when none, and
     * the soft draw keeps it; {@link #SOFT} when the soft draw rejects it).
     *
     * @param u a uniform draw in [0, 1) from the replication's own stream
     */
    int verdict(RunOutcome r, double u) {
      for (int j = 0; j < obs.size(); j++) {
        Compiled c = obs.get(j);
        Observation o = c.source();
        if (o instanceof Observation.NoDeal) {
          if (r.agreed() && r.round() <= c.round()) return j;
        } else if (o instanceof Observation.Demand d) {
          double x = position[j];
          if (d.tolerance() <= 0
              && ((d.min() != null && x < d.min()) || (d.max() != null && x > d.max()))) return j;
        } else if (c.round() > lastRound) {
          // the run ended before the month: no talks were held, nobody refused
          if (o instanceof Observation.Refusal || (o instanceof Observation.Talks t && t.held()))
            return j;
        } else if (failed[j]) {
          return j;
        }
      }
      return softKeeps(u) ? KEPT : SOFT;
    }
  }

  /**
   * The observations of one set of conditions in arrays, for the checks a watch makes every round
   * (a list's get and a chain of instanceof per observation were a few percent of a conditioned run
   * on C1). Made once per list and shared by its watches (immutable once made).
   */
  static final class Plan {
    /** A demand without a tolerance (a hard bound); the two kinds of demand come first. */
    static final int DEMAND = 0;

    /** A demand with a tolerance: weighed by the soft kernel, it never rejects by itself. */
    static final int SOFT_DEMAND = 1;

    static final int TALKS = 2;
    static final int REFUSAL = 3;
    static final int NO_DEAL = 4;

    final List<Compiled> source;
    final int[] kind;
    final int[] round;
    final int[] actor;
    final int[] issue;

    /** A demand's bounds, NaN where it has none. */
    final double[] min;

    final double[] max;

    /** Whether talks are observed held (a Talks observation). */
    final boolean[] held;

    private Plan(List<Compiled> obs) {
      source = obs;
      int n = obs.size();
      kind = new int[n];
      round = new int[n];
      actor = new int[n];
      issue = new int[n];
      min = new double[n];
      max = new double[n];
      held = new boolean[n];
      for (int j = 0; j < n; j++) {
        Compiled c = obs.get(j);
        round[j] = c.round();
        actor[j] = c.actor();
        issue[j] = c.issue();
        min[j] = Double.NaN;
        max[j] = Double.NaN;
        Observation o = c.source();
        if (o instanceof Observation.Demand d) {
          kind[j] = d.tolerance() > 0 ? SOFT_DEMAND : DEMAND;
          if (d.min() != null) min[j] = d.min();
          if (d.max() != null) max[j] = d.max();
        } else if (o instanceof Observation.Talks t) {
          kind[j] = TALKS;
          held[j] = t.held();
        } else if (o instanceof Observation.Refusal) {
          kind[j] = REFUSAL;
        } else {
          kind[j] = NO_DEAL;
        }
      }
    }

    /** The last plans made, by the identity of their lists (a back-test watches several). */
    private static final AtomicReferenceArray<Plan> RECENT = new AtomicReferenceArray<>(8);

    private static final AtomicInteger NEXT = new AtomicInteger();

    static Plan of(List<Compiled> obs) {
      for (int i = 0; i < RECENT.length(); i++) {
        Plan p = RECENT.get(i);
        if (p != null && p.source == obs) return p;
      }
      Plan p = new Plan(obs);
      RECENT.set(Math.floorMod(NEXT.getAndIncrement(), RECENT.length()), p);
      return p;
    }
  }

  /**
   * Several watches of one replication (the same draws judged against several sets of observations,
   * as the back-test's as-of months are): each is fed the rounds until it has rejected the
   * replication, and the run may stop once every one has. A watch's verdict is then the one it
   * would give had the run been watched by it alone: {@link Watch#enough} is asked at the same
   * rounds, and a rejection is recorded at the round the lone run would have stopped.
   */
  static final class Watches implements RoundListener {
    private final Watch[] watches;

    /** Per watch, the observation that settled its rejection, or -1 while unsettled. */
    private final int[] settled;

    private int open;

    Watches(Watch[] watches) {
      this.watches = watches;
      settled = new int[watches.length];
      java.util.Arrays.fill(settled, Watch.OPEN);
      open = watches.length;
    }

    @Override
    public void roundClosed(
        int round, List<ScheduledEvent> fired, Protocol.Session session, RoundClose close) {
      for (int m = 0; m < watches.length; m++) {
        if (settled[m] == Watch.OPEN && watches[m] != null)
          watches[m].roundClosed(round, fired, session, close);
      }
    }

    // a null watch (a run that keeps every replication) never settles, so the run goes to its end
    @Override
    public boolean enough() {
      for (int m = 0; m < watches.length; m++) {
        if (settled[m] == Watch.OPEN
            && watches[m] != null
            && (settled[m] = watches[m].settledBy()) != Watch.OPEN) open--;
      }
      return open == 0;
    }

    /**
     * What settled watch m's rejection during the run (an observation, or {@link Watch#SOFT}), or
     * {@link Watch#OPEN}.
     */
    int settled(int m) {
      return settled[m];
    }
  }
}
