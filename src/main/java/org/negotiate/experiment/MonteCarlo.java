package org.negotiate.experiment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.Replication;
import org.negotiate.sim.RunOutcome;

/**
 * Convergence odds: N replications, each with its own seed derived from (base seed, index) and
 * its own draw of the uncertain inputs, run in parallel in blocks. Nothing depends on which
 * thread ran a replication, so the numbers are the same with 1 thread or 16.
 */
public final class MonteCarlo {
  private static final int BLOCK = 16;
  /** Label of the pseudo-actor that stands for the mediators' text in position bands. */
  public static final String TEXT_ID = "text";

  private MonteCarlo() {}

  /**
   * @param exactRounds run exactly {@code rounds} rounds (an explicit {@code --rounds}): protocols'
   *     own stopping rules are off
   */
  public record Options(int replications, int rounds, long seed, int threads, boolean exactRounds) {
    public Options(int replications, int rounds, long seed, int threads) {
      this(replications, rounds, seed, threads, false);
    }
  }

  /** Told after each block how many replications are done. Called from worker threads. */
  public interface Progress {
    void done(long replications);
  }

  /** The result of an odds experiment: the aggregate and every replication's outcome, by index. */
  public record Result(ConvergenceOdds odds, List<RunOutcome> outcomes, List<String> canonicalActorIds) {}

  public static Result run(Scenario scenario, Protocol protocol, Options o, Progress progress) throws InterruptedException {
    List<String> canonical = SetupSampler.nominal(scenario, o.rounds()).actorIds();
    RunOutcome[] outcomes = new RunOutcome[o.replications()];
    int blocks = (o.replications() + BLOCK - 1) / BLOCK;
    AtomicInteger nextBlock = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    int threads = Math.max(1, Math.min(o.threads(), blocks));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "replications");
      t.setDaemon(true);
      return t;
    });
    List<Future<PositionTally>> workers = new ArrayList<>();
    try {
      for (int w = 0; w < threads; w++) {
        workers.add(pool.submit(() -> {
          PositionTally tally = new PositionTally(o.rounds(), canonical.size() + 1, scenario.issues().size());
          for (int b; (b = nextBlock.getAndIncrement()) < blocks; ) {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
            int end = Math.min(o.replications(), (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) {
              NegotiationSetup setup = SetupSampler.draw(scenario, o.rounds(), o.exactRounds(), Streams.replicationSeed(o.seed(), i));
              RunOutcome r = Replication.run(setup, protocol, true);
              tally.add(r.trajectory());
              outcomes[i] = new RunOutcome(r.seed(), r.ending(), r.round(), r.terms(), r.utilities(), r.blocker(), r.reason(), null);
            }
            long d = done.addAndGet(end - b * BLOCK);
            if (progress != null) progress.done(d);
          }
          return tally;
        }));
      }
      PositionTally total = new PositionTally(o.rounds(), canonical.size() + 1, scenario.issues().size());
      for (Future<PositionTally> f : workers) total.addAll(f.get());
      List<RunOutcome> list = List.of(outcomes);
      return new Result(aggregate(scenario, o, list, total, canonical), list, canonical);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException ie) throw ie;
      if (cause instanceof RuntimeException re) throw re;
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Replication {@code index} of an odds experiment with base seed {@code seed}, alone, watched
   * round by round: exactly the run that the experiment would have made at that index.
   */
  public static Result single(Scenario scenario, Protocol protocol, int rounds, boolean exactRounds, long seed,
      int index, org.negotiate.sim.RoundListener listener) {
    NegotiationSetup setup = setupOf(scenario, rounds, exactRounds, seed, index);
    List<String> canonical = setup.actorIds();
    RunOutcome r = Replication.run(setup, protocol, listener);
    PositionTally tally = new PositionTally(rounds, canonical.size() + 1, scenario.issues().size());
    tally.add(r.trajectory());
    List<RunOutcome> list = List.of(r);
    return new Result(aggregate(scenario, new Options(1, rounds, seed, 1), list, tally, canonical), list, canonical);
  }

  /** The inputs replication {@code index} draws, for the run log. */
  public static NegotiationSetup setupOf(Scenario scenario, int rounds, boolean exactRounds, long seed, int index) {
    return SetupSampler.draw(scenario, rounds, exactRounds, Streams.replicationSeed(seed, index));
  }

  static ConvergenceOdds aggregate(
      Scenario s, Options o, List<RunOutcome> outcomes, PositionTally tally, List<String> canonical) {
    int n = outcomes.size();
    long[] agreedAt = new long[o.rounds()];
    long failed = 0;
    long[] blocked = new long[canonical.size()];
    for (RunOutcome r : outcomes) {
      if (r.agreed()) agreedAt[r.round()]++;
      else {
        failed++;
        if (r.blocker() >= 0) blocked[r.blocker()]++;
      }
    }

    List<ConvergenceOdds.MonthOdds> byMonth = new ArrayList<>();
    long cumulative = 0;
    for (int t = 0; t < o.rounds(); t++) {
      cumulative += agreedAt[t];
      double[] ci = wilson(n, cumulative);
      byMonth.add(new ConvergenceOdds.MonthOdds(t, s.calendar().month(t), cumulative, (double) cumulative / n, ci[0], ci[1]));
    }

    List<ConvergenceOdds.IssueTerms> terms = new ArrayList<>();
    for (int k = 0; k < s.issues().size(); k++) {
      Issue issue = s.issues().get(k);
      long[] hist = new long[101];
      double sum = 0;
      List<Double> values = new ArrayList<>();
      for (RunOutcome r : outcomes) {
        if (!r.agreed()) continue;
        double v = r.terms()[k];
        hist[(int) Math.round(Math.max(0, Math.min(100, v)))]++;
        sum += v;
        values.add(v);
      }
      values.sort(Comparator.naturalOrder());
      long m = values.size();
      terms.add(new ConvergenceOdds.IssueTerms(issue.id(), issue.label(), m, hist,
          m == 0 ? Double.NaN : sum / m, quantile(values, 0.1), quantile(values, 0.5), quantile(values, 0.9)));
    }

    List<ConvergenceOdds.BlockerShare> blockers = new ArrayList<>();
    for (Actor a : s.actors()) {
      if (a.role() != Role.PARTY) continue;
      long c = blocked[canonical.indexOf(a.id())];
      blockers.add(new ConvergenceOdds.BlockerShare(a.id(), a.name(), c, failed == 0 ? 0 : (double) c / failed));
    }
    blockers.sort(Comparator.comparingLong(ConvergenceOdds.BlockerShare::failedRuns).reversed());

    List<ConvergenceOdds.PositionBand> positions = new ArrayList<>();
    List<String[]> shown = new ArrayList<>();
    for (Actor a : s.actors()) shown.add(new String[] {a.id(), a.name()});
    shown.add(new String[] {TEXT_ID, "Mediators' text"});
    for (String[] actor : shown) {
      int a = actor[0].equals(TEXT_ID) ? canonical.size() : canonical.indexOf(actor[0]);
      for (int k = 0; k < s.issues().size(); k++) {
        for (int t = 0; t < o.rounds(); t++) {
          YearMonth month = s.calendar().month(t);
          positions.add(new ConvergenceOdds.PositionBand(actor[0], actor[1], s.issues().get(k).id(), t, month,
              tally.quantile(t, a, k, 0.1), tally.quantile(t, a, k, 0.5), tally.quantile(t, a, k, 0.9)));
        }
      }
    }
    return new ConvergenceOdds(s.name(), n, o.seed(), List.copyOf(byMonth), List.copyOf(terms),
        List.copyOf(blockers), List.copyOf(positions));
  }

  /** 95% Wilson score interval for x successes in n trials. */
  public static double[] wilson(long n, long x) {
    ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) n, (int) x, 0.95);
    return new double[] {Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound())};
  }

  private static double quantile(List<Double> sorted, double q) {
    if (sorted.isEmpty()) return Double.NaN;
    int idx = (int) Math.max(0, Math.ceil(q * sorted.size()) - 1);
    return sorted.get(idx);
  }
}
