package org.negotiate.experiment;

import java.util.Arrays;
import java.util.List;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/**
 * The replications of one design point, run on the calling thread and without trajectories, and a
 * deterministic parallel map over many design points. Replication {@code i} of a point uses the
 * seed {@code Streams.replicationSeed(seed, i)}, exactly as replication {@code i} of {@link
 * MonteCarlo#run} does, so every point of a design sees the same remaining randomness (common
 * random numbers) and an outcome never depends on the thread that computed it.
 */
public final class Batch {
  private Batch() {}

  /**
   * How the replications of one point ended.
   *
   * @param agreedRound per replication, the round of agreement, -1 when there was no deal, or
   *     {@link #FAILED} when the replication threw or gave non-finite numbers (it is left out of
   *     the odds, as {@link MonteCarlo} leaves it out)
   * @param blocker per replication, the canonical index of the blocker of a failed run, or -1
   * @param actorIds the canonical (sorted) actor ids that {@code blocker} indexes
   */
  public record Outcomes(int[] agreedRound, int[] blocker, List<String> actorIds) {
    public static final int FAILED = -2;

    /** Replications that gave an outcome (failed ones left out). */
    public int replications() {
      return agreedRound.length - failed();
    }

    /** Replications that threw or gave non-finite numbers. */
    public int failed() {
      int f = 0;
      for (int r : agreedRound) if (r == FAILED) f++;
      return f;
    }

    /** Replications that agreed in round {@code round} or earlier. */
    public long agreedBy(int round) {
      long n = 0;
      for (int r : agreedRound) if (r >= 0 && r <= round) n++;
      return n;
    }

    /** Share of replications that agreed by round {@code round}. */
    public double oddsBy(int round) {
      int n = replications();
      return n == 0 ? Double.NaN : (double) agreedBy(round) / n;
    }

    /** Failed runs (no deal at all) blocked by each canonical actor. */
    public long[] blockedRuns() {
      long[] b = new long[actorIds.size()];
      for (int i = 0; i < blocker.length; i++)
        if (agreedRound[i] == -1 && blocker[i] >= 0) b[blocker[i]]++;
      return b;
    }

    public long failedRuns() {
      return Arrays.stream(agreedRound).filter(r -> r == -1).count();
    }
  }

  /**
   * Runs replications {@code 0 .. replications-1} of the scenario with base seed {@code seed},
   * through {@link ReplicationLoop#attempt} as every odds run does (one sampling plan for them
   * all).
   */
  public static Outcomes run(
      Scenario s, Protocol protocol, int rounds, boolean exactRounds, long seed, int replications) {
    return run(SetupSampler.plan(s), protocol, rounds, exactRounds, seed, replications);
  }

  /**
   * As {@link #run(Scenario, Protocol, int, boolean, long, int)} from a plan (one that gives some
   * inputs their values: a sensitivity design's point).
   */
  public static Outcomes run(
      SetupSampler.Plan plan,
      Protocol protocol,
      int rounds,
      boolean exactRounds,
      long seed,
      int replications) {
    int[] agreed = new int[replications];
    int[] blocker = new int[replications];
    for (int i = 0; i < replications; i++) {
      if (ReplicationLoop.attempt(plan, protocol, rounds, exactRounds, seed, i, null, null)
          instanceof ReplicationLoop.Counted c) {
        RunOutcome r = c.outcome();
        agreed[i] = r.agreed() ? r.round() : -1;
        blocker[i] = r.agreed() ? -1 : r.blocker();
      } else {
        agreed[i] = Outcomes.FAILED;
        blocker[i] = -1;
      }
    }
    return new Outcomes(agreed, blocker, plan.nominal(rounds, false).actorIds());
  }

  /** A task for one design point. */
  public interface Task<T> {
    T run(int index) throws Exception;
  }

  /**
   * Runs {@code task} for indices {@code 0 .. n-1} on this machine's cores, results in index order.
   */
  public static <T> List<T> map(int n, int threads, Task<T> task, Progress progress)
      throws InterruptedException {
    return LocalEngine.run(n, threads, task::run, progress == null ? null : progress::done);
  }
}
