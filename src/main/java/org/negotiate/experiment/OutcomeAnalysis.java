package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.NashDraft;
import org.negotiate.protocol.analysis.Assessment;
import org.negotiate.protocol.analysis.OutcomeSpace;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/**
 * Each replication's outcome against the parties' outcome space, with the inputs as they stood at
 * the end of that run (its own draw, after the events that had fired): whether the red lines left a
 * zone, and for a deal how far its terms fall short of the Pareto frontier and how far they lie
 * from the Nash and Kalai–Smorodinsky points.
 *
 * @param agreed null for a run without a deal
 */
public record OutcomeAnalysis(boolean zone, Assessment agreed) {

  /**
   * Most parties and issues the default analysis takes on. With more than two parties (or utilities
   * that are not concave) the frontier distances and the bargaining points are found by multi-start
   * Nelder–Mead over the free issues, each evaluation costing parties × actors × issues: on a
   * 250-party, 50-issue table one analysed run took longer than 900 s. Beyond these sizes the
   * default analyses no run and says so; an explicit {@code --analyse N} still runs.
   */
  public static final int DEFAULT_MAX_PARTIES = 8;

  public static final int DEFAULT_MAX_ISSUES = 12;

  /** Why the default analysis is left out for this scenario, or null when it runs. */
  public static String tooLargeByDefault(Scenario s) {
    long parties = s.actors().stream().filter(a -> a.role() == Role.PARTY).count();
    int issues = s.issues().size();
    if (parties <= DEFAULT_MAX_PARTIES && issues <= DEFAULT_MAX_ISSUES) return null;
    return String.format(
        java.util.Locale.ROOT,
        "outcome analysis left out: %d parties on %d issues (the default analyses at most %d parties on %d issues,"
            + " its cost grows with both); --analyse N runs it on the first N replications anyway",
        parties,
        issues,
        DEFAULT_MAX_PARTIES,
        DEFAULT_MAX_ISSUES);
  }

  /**
   * One analysis for each of the first {@code limit} replications, in index order (null beyond):
   * the frontier and the bargaining points are solved afresh for every run's own inputs, some
   * milliseconds each, so the default analyses a sample. Computed in parallel; the same whatever
   * the thread count.
   */
  public static OutcomeAnalysis[] of(
      Scenario s, MonteCarlo.Options o, List<RunOutcome> outcomes, int limit)
      throws InterruptedException {
    OutcomeAnalysis[] out = new OutcomeAnalysis[outcomes.size()];
    int count = Math.min(limit, outcomes.size());
    if (count <= 0) return out;
    int threads = Math.max(1, Math.min(o.threads(), count));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "outcome-analysis");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        final int worker = w;
        work.add(
            pool.submit(
                () -> {
                  for (int i = worker; i < count; i += threads)
                    out[i] = analyse(s, o, i, outcomes.get(i));
                }));
      }
      for (Future<?> f : work) f.get();
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static OutcomeAnalysis analyse(Scenario s, MonteCarlo.Options o, int index, RunOutcome r) {
    NegotiationSetup setup =
        SetupSampler.draw(s, o.rounds(), o.exactRounds(), Streams.replicationSeed(o.seed(), index));
    Inputs in = setup.initial().copy();
    for (ScheduledEvent e : setup.events()) {
      if (e.round() <= r.round()) e.changes().forEach(in::apply);
    }
    int[] parties = setup.indicesOf(Role.PARTY);
    boolean zone = NashDraft.zone(in, parties) != null;
    Assessment a = r.agreed() ? OutcomeSpace.of(in, parties).assess(r.terms()).orElse(null) : null;
    return new OutcomeAnalysis(zone, a);
  }
}
