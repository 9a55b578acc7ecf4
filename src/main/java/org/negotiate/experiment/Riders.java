package org.negotiate.experiment;

import java.util.List;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/**
 * Conditioned runs that ride on another run's replications: runs that draw the same replications as
 * a lead run (the same plan, rounds, exact rounds and base seed; their scenarios differ at most in
 * what was observed, which the caller vouches for), judged on the lead's replications while it runs
 * them, so that none of them is run twice. The back-test's last as-of months are such runs: their
 * cuts draw what the odds run itself draws, and the odds run tries more replications than they
 * need.
 *
 * <p>Each rider's result is the one {@link MonteCarlo#run} gives it alone, byte for byte: the lead
 * records, for each replication, what each rider makes of it ({@link
 * ReplicationLoop#attemptShared}, which watches all at once and runs on until every watch has
 * settled), and {@link #results} replays those records in index order through each rider's own
 * stages, so a rider counts exactly the replications it would have tried alone; one that needs more
 * than the lead ran goes on from there as {@link MonteCarlo#runShared} would.
 */
public final class Riders {
  private final List<Scenario> scenarios;
  private final MonteCarlo.Options[] options;
  private final Conditions[] conditions;

  /** Past this replication no rider can still be trying (its most attempts). */
  private final int limit;

  /** attempts[m][i]: rider m's verdict on the lead's replication i. */
  private ReplicationLoop.Attempt[][] attempts;

  /** The lead's replications recorded: 0 .. tried-1. */
  private int tried;

  /** Why the records cannot serve (null while they can); set by the lead's workers too. */
  private volatile String spoiled;

  /** Bytes of kept runs' copies held (their trajectories dominate). */
  private final java.util.concurrent.atomic.AtomicLong held =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * Most bytes of copies the records may hold: a large table's trajectories (rounds × actors ×
   * issues each) would otherwise fill the heap; past it the riders run on their own.
   */
  static final long MAX_HELD = 64L << 20;

  private final long maxHeld;

  /**
   * @param scenarios each rider's scenario (the same draws as the lead's)
   * @param options each rider's options: conditioned, without kept outcomes or a precision, and
   *     equal in rounds, exact rounds, seed, threads and kept replications wanted
   */
  public Riders(List<Scenario> scenarios, List<MonteCarlo.Options> options) {
    this(scenarios, options, MAX_HELD);
  }

  /** As {@link #Riders(List, List)}, holding at most {@code maxHeld} bytes of copies. */
  Riders(List<Scenario> scenarios, List<MonteCarlo.Options> options, long maxHeld) {
    this.maxHeld = maxHeld;
    if (scenarios.isEmpty() || scenarios.size() != options.size())
      throw new IllegalArgumentException("riders: one scenario per options, at least one");
    this.scenarios = List.copyOf(scenarios);
    this.options = options.toArray(new MonteCarlo.Options[0]);
    MonteCarlo.requireShareable(options);
    conditions = new Conditions[this.options.length];
    int most = 0;
    for (int m = 0; m < this.options.length; m++) {
      MonteCarlo.Options o = this.options[m];
      conditions[m] = o.conditions();
      most = Math.max(most, Math.max(o.replications(), o.conditions().maxAttempts()));
    }
    limit = most;
    attempts = new ReplicationLoop.Attempt[this.options.length][0];
  }

  /** Whether a lead run with {@code lead}'s options draws the replications these riders try. */
  public boolean canRideOn(MonteCarlo.Options lead) {
    MonteCarlo.Options first = options[0];
    return lead.rounds() == first.rounds()
        && lead.seed() == first.seed()
        && lead.exactRounds() == first.exactRounds();
  }

  int limit() {
    return limit;
  }

  /** The lead's observations (null: none) first, then each rider's. */
  Conditions[] withLead(Conditions lead) {
    Conditions[] all = new Conditions[conditions.length + 1];
    all[0] = lead;
    System.arraycopy(conditions, 0, all, 1, conditions.length);
    return all;
  }

  /** Room for the lead's replications below {@code n} (between its stages, on one thread). */
  void ensureCapacity(int n) {
    int want = Math.min(n, limit);
    if (attempts[0].length >= want) return;
    int size = Math.max(want, Math.min(limit, attempts[0].length * 2));
    for (int m = 0; m < attempts.length; m++)
      attempts[m] = java.util.Arrays.copyOf(attempts[m], size);
  }

  /**
   * Records the riders' verdicts on replication i ({@code all[0]} is the lead's, the others the
   * riders' in order). A kept run's outcome is copied: its trajectory is the worker's buffer, which
   * the next replication overwrites.
   */
  void record(int i, ReplicationLoop.Attempt[] all) {
    if (spoiled != null) return;
    RunOutcome copy = null;
    for (int m = 0; m < attempts.length; m++) {
      ReplicationLoop.Attempt a = all[m + 1];
      if (a instanceof ReplicationLoop.Counted c) {
        if (copy == null) {
          if (held.addAndGet(bytes(c.outcome())) > maxHeld) {
            spoil("the kept runs' copies would take more than " + maxHeld + " bytes");
            return;
          }
          copy = copyOf(c.outcome());
        }
        a = new ReplicationLoop.Counted(copy);
      }
      attempts[m][i] = a;
    }
  }

  private static long bytes(RunOutcome r) {
    long b = 64;
    float[][][] t = r.trajectory();
    if (t != null && t.length > 0 && t[0].length > 0)
      b += 4L * t.length * t[0].length * t[0][0].length + 16L * t.length * (t[0].length + 1);
    if (r.terms() != null) b += 8L * r.terms().length;
    if (r.utilities() != null) b += 8L * r.utilities().length;
    return b;
  }

  /** The lead ran replications 0 .. n-1 itself, every one recorded here. */
  void ranTo(int n) {
    tried = Math.max(tried, n);
  }

  /**
   * The lead did not run all its replications here (restored from a journal, run on a cluster): the
   * riders then run on their own.
   */
  void spoil(String why) {
    if (spoiled == null) spoiled = why;
  }

  /** Null when the records serve, else why the riders ran on their own. */
  public String spoiled() {
    return spoiled;
  }

  /**
   * Each rider's result, in order, the one it gets alone ({@code finished}, which may be null, is
   * told how many riders are done). Call once the lead has run.
   */
  public List<MonteCarlo.Result> results(Protocol protocol, Progress finished)
      throws InterruptedException {
    if (spoiled != null) {
      attempts = null; // the copies are not needed: the riders run alone
      return MonteCarlo.runShared(scenarios, protocol, List.of(options), finished);
    }
    return MonteCarlo.runShared(scenarios, protocol, options, this, finished);
  }

  /** Rider m's verdict on replication i, which the lead recorded. */
  ReplicationLoop.Attempt attempt(int m, int i) {
    return attempts[m][i];
  }

  /** The replications the lead recorded: 0 .. recorded()-1. */
  int recorded() {
    return Math.min(tried, limit);
  }

  private static RunOutcome copyOf(RunOutcome r) {
    float[][][] t = r.trajectory();
    float[][][] tc = null;
    if (t != null) {
      tc = new float[t.length][][];
      for (int a = 0; a < t.length; a++) {
        tc[a] = new float[t[a].length][];
        for (int b = 0; b < t[a].length; b++) tc[a][b] = t[a][b].clone();
      }
    }
    return new RunOutcome(
        r.seed(),
        r.ending(),
        r.round(),
        r.terms() == null ? null : r.terms().clone(),
        r.utilities() == null ? null : r.utilities().clone(),
        r.blocker(),
        r.reason(),
        tc);
  }
}
