package org.negotiate.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.RoundClose;
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
 *
 * <p>Memory does not grow with N: every worker keeps its own counts (agreements by month,
 * blockers) and position histograms, which are integers and so merge to the same totals in any
 * order. Per-replication outcomes are kept only when asked for ({@link Options#keepOutcomes}, for
 * {@code outcomes.csv} and paired comparisons), as fixed-size binary records written at their
 * index: the first 8 MB on the heap, the rest in a memory-mapped temporary file (deleted when the
 * run ends), so a million replications run in a 256 MB heap.
 *
 * <p>With a precision ({@link Options#precision}), replications are added in stages of
 * {@link #PRECISION_STAGE} until the 95% interval of the last month's odds lies within ± the
 * precision of the estimate: the stopping point depends only on the outcomes of the replications
 * before it, so the same seed gives the same number of replications and the same results.
 */
public final class MonteCarlo {
  private static final int BLOCK = 16;
  /** Replications added at a time when running to a precision. */
  public static final int PRECISION_STAGE = 1000;
  /** Label of the pseudo-actor that stands for the mediators' text in position bands. */
  public static final String TEXT_ID = org.negotiate.scenario.Actor.TEXT_ID;

  private MonteCarlo() {}

  /**
   * @param replications the replications to run; with a precision, the most to run
   * @param exactRounds run exactly {@code rounds} rounds (an explicit {@code --rounds}): protocols'
   *     own stopping rules are off
   * @param keepOutcomes keep every replication's outcome (for {@code outcomes.csv} and paired
   *     comparisons); without, only the aggregates are kept
   * @param precision 0, or run until the last month's 95% interval is within ± this
   * @param conditions null, or the observations to condition on: then {@code replications} is the
   *     number of kept replications wanted, and replications are tried in stages until that many
   *     reproduce the observations (or {@link Conditions#maxAttempts()} have been tried)
   */
  public record Options(int replications, int rounds, long seed, int threads, boolean exactRounds, boolean keepOutcomes,
      double precision, Conditions conditions) implements java.io.Serializable {
    public Options(int replications, int rounds, long seed, int threads, boolean exactRounds, boolean keepOutcomes,
        double precision) {
      this(replications, rounds, seed, threads, exactRounds, keepOutcomes, precision, null);
    }

    /** Keep only the replications that reproduce {@code c}, until {@link #replications()} are kept. */
    public Options conditionedOn(Conditions c) {
      return new Options(replications, rounds, seed, threads, exactRounds, keepOutcomes, precision, c);
    }

    public Options(int replications, int rounds, long seed, int threads) {
      this(replications, rounds, seed, threads, false);
    }

    public Options(int replications, int rounds, long seed, int threads, boolean exactRounds) {
      this(replications, rounds, seed, threads, exactRounds, true, 0);
    }

    public Options withThreads(int t) {
      return new Options(replications, rounds, seed, t, exactRounds, keepOutcomes, precision, conditions);
    }

    public Options withoutOutcomes() {
      return new Options(replications, rounds, seed, threads, exactRounds, false, precision, conditions);
    }

    /** Run until the last month's 95% interval is within ± p, at most {@code replications}. */
    public Options withPrecision(double p) {
      return new Options(replications, rounds, seed, threads, exactRounds, keepOutcomes, p, conditions);
    }
  }

  /** CPU time spent by worker threads, added as each finishes its part of a stage (for {@code negotiate bench}). */
  public static final java.util.concurrent.atomic.LongAdder WORKER_CPU_NANOS = new java.util.concurrent.atomic.LongAdder();

  /** Told after each block how many replications are done. Called from worker threads. */
  public interface Progress {
    void done(long replications);
  }

  /**
   * The result of an odds experiment: the aggregate and every replication's outcome, by index
   * (an empty list unless they were kept).
   */
  public record Result(ConvergenceOdds odds, List<RunOutcome> outcomes, List<String> canonicalActorIds,
      List<Failure> failures, Rejections rejections) {
    public Result(ConvergenceOdds odds, List<RunOutcome> outcomes, List<String> canonicalActorIds) {
      this(odds, outcomes, canonicalActorIds, List.of(), Rejections.NONE);
    }

    public Result(ConvergenceOdds odds, List<RunOutcome> outcomes, List<String> canonicalActorIds, List<Failure> failures) {
      this(odds, outcomes, canonicalActorIds, failures, Rejections.NONE);
    }

    /**
     * Throws when no replication gave an outcome: odds over none are not a result (the summary
     * would read "P = NaN over 0 replications"). A conditioned run that kept none is told apart by
     * its caller (no replication reproduced the observations).
     */
    public Result requireOutcomes() {
      if (odds.replications() > 0 || failures.isEmpty()) return this;
      Failure f = failures.get(0);
      throw new EngineFailure("every one of the " + failures.size() + " replications failed (the first, replication "
          + f.index() + ": " + f.exception() + (f.message() == null || f.message().isEmpty() ? "" : ": " + f.message())
          + "); nothing was written", null);
    }

    /** Replications attempted: those kept, those that failed and those the observations rejected. */
    public int attempted() {
      return (int) (odds.replications() + failures.size() + rejections.total());
    }

    /** The replication index of the {@code i}-th kept outcome (they skip failed replications). */
    public int indexOf(int i) {
      if (failures.isEmpty()) return i;
      if (outcomes instanceof OutcomeList l && l.kept != null) return l.kept[i];
      int index = i;
      for (Failure f : failures) {
        if (f.index() <= index) index++;
        else break;
      }
      return index;
    }
  }

  /**
   * A replication that threw or whose outcome held a NaN or infinite number where a number must be
   * (agreed terms, an agreed deal's utilities, any infinite utility). It counts as neither agreed
   * nor failed: it is left out of the odds' denominator and reported on its own.
   */
  public record Failure(int index, long seed, String exception, String message) implements java.io.Serializable {}

  /**
   * The replications a conditioned run did not keep: by the first hard observation each
   * contradicted ({@code byObservation}, in the conditions' order), and those the soft kernel's draw
   * turned away.
   */
  public record Rejections(long[] byObservation, long soft) implements java.io.Serializable {
    public static final Rejections NONE = new Rejections(new long[0], 0);

    public long total() {
      long t = soft;
      for (long r : byObservation) t += r;
      return t;
    }
  }

  /** Why an outcome cannot be counted, or null when it can. */
  static String nonFinite(RunOutcome r) {
    if (r.agreed()) {
      if (r.terms() == null) return "agreed without terms";
      for (int k = 0; k < r.terms().length; k++) {
        if (!Double.isFinite(r.terms()[k])) return "agreed terms[" + k + "] = " + r.terms()[k];
      }
    }
    double[] u = r.utilities();
    for (int a = 0; u != null && a < u.length; a++) {
      if (Double.isInfinite(u[a]) || (r.agreed() && Double.isNaN(u[a]))) return "utilities[" + a + "] = " + u[a];
    }
    return null;
  }

  /**
   * The replications a precision asks for when the odds are 1/2 (the most any odds need), as a
   * whole number of stages: a guide for progress bars.
   */
  public static int replicationsFor(double precision) {
    double n = 1.959963984540054 * 1.959963984540054 * 0.25 / (precision * precision);
    long stages = (long) Math.ceil(n / PRECISION_STAGE);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, stages) * PRECISION_STAGE);
  }

  public static Result run(Scenario scenario, Protocol protocol, Options o, Progress progress) throws InterruptedException {
    return run(scenario, protocol, o, progress, null);
  }

  /**
   * As {@link #run(Scenario, Protocol, Options, Progress)}, journalling completed stages of
   * {@link #PRECISION_STAGE} replications to {@code journal} (at most about once a second, and at
   * the end), and first restoring what the journal already holds: a run stopped hard and started
   * again with the same journal ends with exactly the results of an uninterrupted run.
   */
  public static Result run(Scenario scenario, Protocol protocol, Options o, Progress progress, RunJournal journal)
      throws InterruptedException {
    return run(scenario, protocol, o, progress, journal, null);
  }

  /**
   * As {@link #run(Scenario, Protocol, Options, Progress, RunJournal)}, on {@code engine} when it
   * is distributed: each task runs a block of consecutive replications and sends back its counts
   * (integers) and outcome records, which are added up and put at their indices here, so the
   * results are those of the local run, byte for byte. Null or a local engine: this JVM's threads.
   */
  public static Result run(Scenario scenario, Protocol protocol, Options o, Progress progress, RunJournal journal,
      Engine engine) throws InterruptedException {
    boolean distributed = engine != null && engine.distributed();
    List<String> canonical = SetupSampler.nominal(scenario, o.rounds()).actorIds();
    int issues = scenario.issues().size();
    SetupSampler.Plan plan = SetupSampler.plan(scenario);
    int threads = distributed ? 1 : Math.max(1, Math.min(o.threads(), (o.replications() + BLOCK - 1) / BLOCK));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "replications");
      t.setDaemon(true);
      return t;
    });
    OutcomeStore store = o.keepOutcomes() ? new OutcomeStore(issues, canonical.size()) : null;
    Accumulator[] workers = new Accumulator[threads];
    for (int w = 0; w < threads; w++) {
      workers[w] = new Accumulator(o.rounds(), canonical.size(), issues, store == null, o.conditions());
    }
    AtomicLong done = new AtomicLong();
    int n = 0;
    try {
      boolean stop = false;
      if (journal != null) {
        n = journal.restore(workers[0], store);
        done.set(n);
        if (n > 0 && progress != null) progress.done(n);
        stop = n > 0 && o.precision() > 0 && withinPrecision(workers, n - failures(workers), o.rounds(), o.precision());
      }
      boolean conditioned = o.conditions() != null;
      int limit = conditioned ? Math.max(o.replications(), o.conditions().maxAttempts()) : o.replications();
      while (!stop && n < limit && (!conditioned || kept(workers, n) < o.replications())) {
        int from = n;
        int to = conditioned ? (int) Math.min(limit, (long) n + conditionedStage(o.replications(), kept(workers, n), n))
            : o.precision() > 0 || journal != null
            ? (int) Math.min(limit, (long) n + stage(o, journal, engine)) : o.replications();
        if (store != null) store.ensureCapacity(to);
        if (distributed) {
          runStage(engine, workers[0], scenario, protocol, o, canonical.size(), from, to, store, progress);
        } else {
          runStage(pool, workers, scenario, plan, protocol, o, from, to, store, done, progress);
        }
        n = to;
        stop = o.precision() > 0 && withinPrecision(workers, kept(workers, n), o.rounds(), o.precision());
        if (journal != null && journal.due(stop || n == o.replications())) {
          Accumulator counts = new Accumulator(o.rounds(), canonical.size(), issues, store == null, o.conditions());
          for (Accumulator w : workers) counts.addAll(w);
          journal.checkpoint(n, counts, store);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the run journal in " + journal.dir(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException ie) throw ie;
      if (cause instanceof RuntimeException re) throw re;
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
      if (store != null) store.seal();
    }
    // one worker (one thread, or a cluster's merged blocks): its counts are the total
    Accumulator total = workers[0];
    if (workers.length > 1) {
      total = new Accumulator(o.rounds(), canonical.size(), issues, store == null, o.conditions());
      for (Accumulator w : workers) total.addAll(w);
    }
    total.failures.sort(Comparator.comparingInt(Failure::index));
    List<Failure> failures = List.copyOf(total.failures);
    Rejections rejections = o.conditions() == null ? Rejections.NONE : new Rejections(total.rejectedBy.clone(), total.rejectedSoft);
    List<RunOutcome> outcomes = store == null ? List.of()
        : rejections.total() > 0 ? store.viewKept(n) : store.view(n, failures);
    TermsSource terms = store != null ? new ExactTerms(outcomes) : total;
    return new Result(aggregate(scenario, o.rounds(), o.seed(), (int) (n - failures.size() - rejections.total()), total, terms,
        canonical), outcomes, canonical, failures, rejections);
  }

  /**
   * Replications between checkpoints (and precision checks): {@link #PRECISION_STAGE} here, and
   * on a cluster, for a journal without a precision, enough blocks to keep every executor busy (a
   * whole number of stages, so checkpoints fall where a local run's would).
   */
  private static int stage(Options o, RunJournal journal, Engine engine) {
    if (o.precision() > 0 || engine == null || !engine.distributed()) return PRECISION_STAGE;
    long wanted = 2L * engine.parallelism() * Math.max(1, engine.blockReplications());
    return (int) Math.min(Integer.MAX_VALUE / 2, (wanted + PRECISION_STAGE - 1) / PRECISION_STAGE * PRECISION_STAGE);
  }

  /**
   * What one distributed task sends back: the counts of its block of replications and, when
   * outcomes are kept, their records in index order.
   */
  record Block(Accumulator counts, byte[] records) implements java.io.Serializable {
    /** Runs replications {@code from .. to-1} in the task's JVM. */
    static Block run(Scenario scenario, Protocol protocol, Options o, int actors, int from, int to, boolean keep) {
      int issues = scenario.issues().size();
      Accumulator acc = new Accumulator(o.rounds(), actors, issues, !keep, o.conditions());
      OutcomeStore store = keep ? new OutcomeStore(issues, actors) : null;
      if (store != null) store.ensureCapacity(to - from);
      runBlock(acc, SetupSampler.plan(scenario), protocol, o, from, to, store, from);
      byte[] records = null;
      if (store != null) {
        records = new byte[(to - from) * store.recordBytes()];
        for (int i = 0; i < to - from; i++) store.record(i).get(records, i * store.recordBytes(), store.recordBytes());
        store.seal();
      }
      return new Block(acc, records);
    }
  }

  private static void runStage(Engine engine, Accumulator into, Scenario scenario, Protocol protocol, Options o, int actors,
      int from, int to, OutcomeStore store, Progress progress) throws InterruptedException {
    // no fewer blocks than workers: a short run still uses the whole cluster
    int block = (int) Math.max(1, Math.min(engine.blockReplications(),
        ((long) to - from + engine.parallelism() - 1) / Math.max(1, engine.parallelism())));
    int blocks = (int) (((long) to - from + block - 1) / block);
    boolean keep = store != null;
    List<Block> parts = engine.map(blocks, block,
        b -> Block.run(scenario, protocol, o, actors, from + b * block, (int) Math.min(to, (long) from + (long) (b + 1) * block), keep),
        progress == null ? null : d -> progress.done(Math.min(to, from + d * block)));
    for (int b = 0; b < blocks; b++) {
      Block part = parts.get(b);
      into.addAll(part.counts());
      if (keep) {
        int start = from + b * block;
        int bytes = store.recordBytes();
        int count = part.records().length / bytes;
        for (int i = 0; i < count; i++) {
          store.putRecord(start + i, part.records(), i * bytes);
        }
      }
    }
  }

  private static void runStage(ExecutorService pool, Accumulator[] workers, Scenario scenario, SetupSampler.Plan plan,
      Protocol protocol, Options o, int from, int to, OutcomeStore store, AtomicLong done, Progress progress)
      throws InterruptedException, ExecutionException {
    int blocks = (to - from + BLOCK - 1) / BLOCK;
    AtomicInteger nextBlock = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (Accumulator acc : workers) {
      running.add(pool.submit(() -> {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = mx.getCurrentThreadCpuTime();
        try {
          work(acc, nextBlock, blocks, plan, protocol, o, from, to, store, done, progress);
        } finally {
          WORKER_CPU_NANOS.add(mx.getCurrentThreadCpuTime() - cpu);
        }
        return null;
      }));
    }
    for (Future<?> f : running) f.get();
  }

  private static void work(Accumulator acc, AtomicInteger nextBlock, int blocks, SetupSampler.Plan plan, Protocol protocol,
      Options o, int from, int to, OutcomeStore store, AtomicLong done, Progress progress) throws InterruptedException {
    for (int b; (b = nextBlock.getAndIncrement()) < blocks; ) {
      if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
      int start = from + b * BLOCK;
      int end = Math.min(to, start + BLOCK);
      runBlock(acc, plan, protocol, o, start, end, store, 0);
      long d = done.addAndGet(end - start);
      if (progress != null) progress.done(d);
    }
  }

  /** Replications {@code start .. end-1}; the store holds replication i at {@code i - storeOffset}. */
  private static void runBlock(Accumulator acc, SetupSampler.Plan plan, Protocol protocol, Options o, int start, int end,
      OutcomeStore store, int storeOffset) {
    for (int i = start; i < end; i++) {
      long seed = Streams.replicationSeed(o.seed(), i);
      RunOutcome r;
      String bad;
      Conditions.Watch watch = o.conditions() == null ? null : o.conditions().watch();
      try {
        NegotiationSetup setup = plan.draw(o.rounds(), o.exactRounds(), seed);
        r = watch == null ? Replication.run(setup, protocol, acc.trajectory) : Replication.run(setup, protocol, acc.trajectory, watch);
        bad = nonFinite(r);
      } catch (RuntimeException | StackOverflowError e) {
        acc.failures.add(new Failure(i, seed, e.getClass().getName(), String.valueOf(e.getMessage())));
        if (store != null) store.fail(i - storeOffset);
        continue;
      }
      if (bad != null) {
        acc.failures.add(new Failure(i, seed, "NonFiniteOutcome", bad));
        if (store != null) store.fail(i - storeOffset);
        continue;
      }
      if (watch != null) {
        int why = watch.verdict(r, Streams.uniform(seed, Conditions.ACCEPT_STREAM));
        if (why != Conditions.Watch.KEPT) {
          if (why == Conditions.Watch.SOFT) acc.rejectedSoft++;
          else acc.rejectedBy[why]++;
          if (store != null) store.reject(i - storeOffset);
          continue;
        }
      }
      acc.add(r);
      if (store != null) store.put(i - storeOffset, r);
    }
  }

  /**
   * The next stage of a conditioned run: the kept replications still wanted, at the acceptance rate
   * seen so far (with a tenth more, at least 100 and at most 100,000 tries). It depends only on
   * counts, so the same seed always stops at the same replication.
   */
  static int conditionedStage(int target, int kept, int tried) {
    int need = target - kept;
    if (tried == 0 || kept == 0) return Math.max(100, tried == 0 ? need : 10 * tried);
    double rate = (double) kept / tried;
    return (int) Math.max(100, Math.min(100_000, Math.ceil(1.1 * need / rate)));
  }

  /** Replications of the first n that count: neither failed nor rejected by the observations. */
  private static int kept(Accumulator[] workers, int n) {
    long k = n;
    for (Accumulator w : workers) {
      k -= w.failures.size() + w.rejectedSoft;
      for (long r : w.rejectedBy) k -= r;
    }
    return (int) k;
  }

  private static int failures(Accumulator[] workers) {
    int f = 0;
    for (Accumulator w : workers) f += w.failures.size();
    return f;
  }

  private static boolean withinPrecision(Accumulator[] workers, int n, int rounds, double precision) {
    long agreed = 0;
    for (Accumulator w : workers) {
      for (int t = 0; t < rounds; t++) agreed += w.agreedAt[t];
    }
    if (n <= 0) return false;
    double p = (double) agreed / n;
    double[] ci = Proportions.wilson(n, agreed);
    return Math.max(p - ci[0], ci[1] - p) <= precision;
  }

  /**
   * Replication {@code index} of an odds experiment with base seed {@code seed}, alone, watched
   * round by round: exactly the run that the experiment would have made at that index.
   */
  public static Result single(Scenario scenario, Protocol protocol, int rounds, boolean exactRounds, long seed,
      int index, org.negotiate.sim.RoundListener listener) {
    return single(scenario, protocol, rounds, setupOf(scenario, rounds, exactRounds, seed, index), seed, listener);
  }

  /** The one replication whose own seed is {@code replicationSeed} (the seed column of outcomes.csv). */
  public static Result replay(Scenario scenario, Protocol protocol, int rounds, boolean exactRounds, long replicationSeed,
      org.negotiate.sim.RoundListener listener) {
    NegotiationSetup setup = SetupSampler.draw(scenario, rounds, exactRounds, replicationSeed);
    return single(scenario, protocol, rounds, setup, replicationSeed, listener);
  }

  /** The inputs of the replication whose own seed is {@code replicationSeed}, for the run log. */
  public static NegotiationSetup setupOfReplication(Scenario scenario, int rounds, boolean exactRounds, long replicationSeed) {
    return SetupSampler.draw(scenario, rounds, exactRounds, replicationSeed);
  }

  private static Result single(Scenario scenario, Protocol protocol, int rounds, NegotiationSetup setup, long seed,
      org.negotiate.sim.RoundListener listener) {
    List<String> canonical = setup.actorIds();
    RunOutcome r = Replication.run(setup, protocol, listener);
    Accumulator acc = new Accumulator(rounds, canonical.size(), scenario.issues().size(), false);
    acc.add(r);
    List<RunOutcome> list = List.of(r);
    return new Result(aggregate(scenario, rounds, seed, 1, acc, new ExactTerms(list), canonical), list, canonical);
  }

  /** The inputs replication {@code index} draws, for the run log. */
  public static NegotiationSetup setupOf(Scenario scenario, int rounds, boolean exactRounds, long seed, int index) {
    return SetupSampler.draw(scenario, rounds, exactRounds, Streams.replicationSeed(seed, index));
  }

  // ------------------------------------------------------------------ aggregation

  /** What one worker has seen: counts and position histograms, all integers (they merge in any order). */
  static final class Accumulator implements TermsSource, java.io.Serializable {
    /** Agreed terms binned to 0.01 and to whole points (only when outcomes are not kept: for the terms chart). */
    static final int TERM_BINS = 10_001;
    /** Agreed terms summed in fixed point (2^-32) so that the sum does not depend on the order. */
    static final double FIXED = 0x1p32;

    final PositionTally tally;
    final long[] agreedAt;
    final long[] blocked;
    long failed;
    /** Replications that threw or gave non-finite numbers (see {@link Failure}). */
    final List<Failure> failures = new ArrayList<>();
    /** Replications the observations rejected, by the first hard observation they contradicted. */
    final long[] rejectedBy;
    long rejectedSoft;
    final long[][] termBins;
    final long[][] termWhole;
    final long[] termSum;
    /** The trajectory buffer this worker's replications record into, one at a time. */
    final transient float[][][] trajectory;

    Accumulator(int rounds, int actors, int issues, boolean streamTerms) {
      this(rounds, actors, issues, streamTerms, null);
    }

    Accumulator(int rounds, int actors, int issues, boolean streamTerms, Conditions conditions) {
      rejectedBy = new long[conditions == null ? 0 : conditions.observations().size()];
      tally = new PositionTally(rounds, actors + 1, issues);
      agreedAt = new long[rounds];
      blocked = new long[actors];
      termBins = streamTerms ? new long[issues][TERM_BINS] : null;
      termWhole = new long[issues][101];
      termSum = new long[issues];
      trajectory = new float[rounds][actors + 1][issues];
    }

    void add(RunOutcome r) {
      tally.add(r.trajectory());
      if (r.agreed()) {
        agreedAt[r.round()]++;
        if (termBins != null) {
          double[] z = r.terms();
          for (int k = 0; k < z.length; k++) {
            double v = Math.max(0, Math.min(100, z[k]));
            termBins[k][(int) Math.round(v * 100)]++;
            termWhole[k][(int) Math.round(v)]++;
            termSum[k] += Math.round(v * FIXED);
          }
        }
      } else {
        failed++;
        if (r.blocker() >= 0) blocked[r.blocker()]++;
      }
    }

    void addAll(Accumulator o) {
      tally.addAll(o.tally);
      for (int t = 0; t < agreedAt.length; t++) agreedAt[t] += o.agreedAt[t];
      for (int a = 0; a < blocked.length; a++) blocked[a] += o.blocked[a];
      failed += o.failed;
      failures.addAll(o.failures);
      for (int j = 0; j < rejectedBy.length; j++) rejectedBy[j] += o.rejectedBy[j];
      rejectedSoft += o.rejectedSoft;
      if (termBins != null) {
        for (int k = 0; k < termBins.length; k++) {
          for (int b = 0; b < TERM_BINS; b++) termBins[k][b] += o.termBins[k][b];
          for (int b = 0; b <= 100; b++) termWhole[k][b] += o.termWhole[k][b];
          termSum[k] += o.termSum[k];
        }
      }
    }

    /** Counts per whole point exactly; the mean to 2^-32; quantiles from 0.01 bins (to 0.005). */
    @Override
    public ConvergenceOdds.IssueTerms terms(int k, Issue issue) {
      long[] hist = termWhole[k].clone();
      long m = 0;
      for (int b = 0; b < TERM_BINS; b++) m += termBins[k][b];
      // bin b holds values rounding to b/100; a value rounds to the whole point Math.round(v)
      double[] q = {Double.NaN, Double.NaN, Double.NaN};
      double[] levels = {0.1, 0.5, 0.9};
      long seen = 0;
      int next = 0;
      for (int b = 0; b < TERM_BINS; b++) {
        long c = termBins[k][b];
        if (c == 0) continue;
        seen += c;
        while (next < 3 && seen >= Math.max(1, (long) Math.ceil(levels[next] * m))) q[next++] = b / 100.0;
      }
      return new ConvergenceOdds.IssueTerms(issue.id(), issue.label(), m, hist,
          m == 0 ? Double.NaN : termSum[k] / FIXED / m, q[0], q[1], q[2]);
    }
  }

  /** The distribution of agreed terms on one issue. */
  private interface TermsSource {
    ConvergenceOdds.IssueTerms terms(int k, Issue issue);
  }

  /** Agreed terms from every kept outcome, in index order: exact. */
  private record ExactTerms(List<RunOutcome> outcomes) implements TermsSource {
    @Override
    public ConvergenceOdds.IssueTerms terms(int k, Issue issue) {
      long[] hist = new long[101];
      double sum = 0;
      double[] values = new double[16];
      int m = 0;
      for (RunOutcome r : outcomes) {
        if (!r.agreed()) continue;
        double v = r.terms()[k];
        hist[(int) Math.round(Math.max(0, Math.min(100, v)))]++;
        sum += v;
        if (m == values.length) values = Arrays.copyOf(values, 2 * m);
        values[m++] = v;
      }
      double[] sorted = Arrays.copyOf(values, m);
      Arrays.sort(sorted);
      return new ConvergenceOdds.IssueTerms(issue.id(), issue.label(), m, hist,
          m == 0 ? Double.NaN : sum / m, Quantiles.nearestRank(sorted, 0.1), Quantiles.nearestRank(sorted, 0.5), Quantiles.nearestRank(sorted, 0.9));
    }
  }

  private static ConvergenceOdds aggregate(Scenario s, int rounds, long seed, int n, Accumulator counts,
      TermsSource termsSource, List<String> canonical) {
    List<ConvergenceOdds.MonthOdds> byMonth = new ArrayList<>();
    long cumulative = 0;
    for (int t = 0; t < rounds; t++) {
      cumulative += counts.agreedAt[t];
      double[] ci = Proportions.wilson(n, cumulative);
      byMonth.add(new ConvergenceOdds.MonthOdds(t, s.calendar().month(t), cumulative, n == 0 ? Double.NaN : (double) cumulative / n, ci[0], ci[1]));
    }

    List<ConvergenceOdds.IssueTerms> terms = new ArrayList<>();
    for (int k = 0; k < s.issues().size(); k++) terms.add(termsSource.terms(k, s.issues().get(k)));

    List<ConvergenceOdds.BlockerShare> blockers = new ArrayList<>();
    long failed = counts.failed;
    for (Actor a : s.actors()) {
      if (a.role() != Role.PARTY) continue;
      long c = counts.blocked[canonical.indexOf(a.id())];
      blockers.add(new ConvergenceOdds.BlockerShare(a.id(), a.name(), c, failed == 0 ? 0 : (double) c / failed));
    }
    blockers.sort(Comparator.comparingLong(ConvergenceOdds.BlockerShare::failedRuns).reversed());

    PositionTally tally = counts.tally;
    List<ConvergenceOdds.PositionBand> positions = new ArrayList<>();
    List<String[]> shown = new ArrayList<>();
    for (Actor a : s.actors()) shown.add(new String[] {a.id(), a.name()});
    shown.add(new String[] {TEXT_ID, "Mediators' text"});
    for (String[] actor : shown) {
      int a = actor[0].equals(TEXT_ID) ? canonical.size() : canonical.indexOf(actor[0]);
      for (int k = 0; k < s.issues().size(); k++) {
        for (int t = 0; t < rounds; t++) {
          YearMonth month = s.calendar().month(t);
          double[] band = tally.quantiles(t, a, k, BAND);
          positions.add(new ConvergenceOdds.PositionBand(actor[0], actor[1], s.issues().get(k).id(), t, month,
              band[0], band[1], band[2]));
        }
      }
    }
    return new ConvergenceOdds(s.name(), n, seed, List.copyOf(byMonth), List.copyOf(terms),
        List.copyOf(blockers), List.copyOf(positions));
  }

  /** The position bands: 10th, 50th and 90th percentiles. */
  private static final double[] BAND = {0.1, 0.5, 0.9};



  // ------------------------------------------------------------------ kept outcomes

  /**
   * Every replication's outcome (without its trajectory) as a fixed-size record at its index, so
   * workers write in any order and readers see index order. Segments of 8 MB: the first on the
   * heap, the others mapped from a temporary file that is deleted when the run ends (the mapping
   * stays readable until the result is dropped).
   */
  static final class OutcomeStore {
    private static final int SEGMENT_BYTES = 8 << 20;
    private static final RoundClose.Ending[] ENDINGS = RoundClose.Ending.values();
    private static final RoundClose.BlockReason[] REASONS = RoundClose.BlockReason.values();
    private final int issues;
    private final int actors;
    private final int recordBytes;
    private final int perSegment;
    private final List<ByteBuffer> segments = new ArrayList<>();
    private FileChannel file;

    OutcomeStore(int issues, int actors) {
      this(issues, actors, SEGMENT_BYTES);
    }

    OutcomeStore(int issues, int actors, int segmentBytes) {
      this.issues = issues;
      this.actors = actors;
      this.recordBytes = 8 + 1 + 1 + 4 + 4 + 1 + 8 * (issues + actors);
      this.perSegment = Math.max(1, segmentBytes / recordBytes);
    }

    /** Makes room for records 0 .. n-1. Called between stages, never while workers write. */
    void ensureCapacity(int n) {
      try {
        // The heap segment grows (by copying) up to its full size; beyond it, mapped segments.
        int inHeap = Math.min(perSegment, n);
        if (segments.isEmpty()) {
          segments.add(ByteBuffer.allocate(inHeap * recordBytes));
        } else if (segments.get(0).capacity() < inHeap * recordBytes) {
          ByteBuffer bigger = ByteBuffer.allocate(Math.max(inHeap, Math.min(perSegment, 2 * segments.get(0).capacity() / recordBytes)) * recordBytes);
          bigger.put(0, segments.get(0), 0, segments.get(0).capacity());
          segments.set(0, bigger);
        }
        long bytes = (long) perSegment * recordBytes;
        while ((long) segments.size() * perSegment < n) {
          if (file == null) {
            Path tmp = Files.createTempFile("negotiate-outcomes-", ".bin");
            file = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
          }
          segments.add(file.map(FileChannel.MapMode.READ_WRITE, (segments.size() - 1) * bytes, bytes));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot keep the outcomes of " + n + " replications", e);
      }
    }

    /** No more writes: the temporary file goes (its mapped pages stay readable). */
    void seal() {
      if (file == null) return;
      try {
        file.close();
      } catch (IOException e) {
        // the file is a temporary one: nothing is lost
      }
      file = null;
    }

    void put(int index, RunOutcome r) {
      ByteBuffer b = segments.get(index / perSegment);
      int at = (index % perSegment) * recordBytes;
      b.putLong(at, r.seed());
      b.put(at + 8, (byte) r.ending().ordinal());
      b.put(at + 9, (byte) (r.reason() == null ? -1 : r.reason().ordinal()));
      b.putInt(at + 10, r.round());
      b.putInt(at + 14, r.blocker());
      b.put(at + 18, (byte) (r.terms() == null ? 0 : 1));
      int p = at + 19;
      for (int k = 0; k < issues; k++, p += 8) b.putDouble(p, r.terms() == null ? 0 : r.terms()[k]);
      for (int a = 0; a < actors; a++, p += 8) b.putDouble(p, r.utilities()[a]);
    }

    int recordBytes() {
      return recordBytes;
    }

    /** The bytes of record {@code index} (a view: read it before the next write there). */
    ByteBuffer record(int index) {
      int at = (index % perSegment) * recordBytes;
      return segments.get(index / perSegment).slice(at, recordBytes);
    }

    /** Puts back record {@code index} from its bytes (restoring a journal). */
    void putRecord(int index, byte[] bytes) {
      putRecord(index, bytes, 0);
    }

    /** Puts record {@code index} from {@code src} at {@code offset} (a cluster block's records). */
    void putRecord(int index, byte[] src, int offset) {
      segments.get(index / perSegment).put((index % perSegment) * recordBytes, src, offset, recordBytes);
    }

    /** Marks the record at {@code index} as a replication the observations rejected. */
    void reject(int index) {
      ByteBuffer b = segments.get(index / perSegment);
      b.put((index % perSegment) * recordBytes + 8, (byte) -2);
    }

    /** The first n outcomes without failed or rejected replications, in index order. */
    List<RunOutcome> viewKept(int n) {
      int[] kept = new int[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (segments.get(i / perSegment).get((i % perSegment) * recordBytes + 8) >= 0) kept[k++] = i;
      }
      return new OutcomeList(this, k, java.util.Arrays.copyOf(kept, k));
    }

    /** Marks the record at {@code index} as a failed replication (no outcome). */
    void fail(int index) {
      ByteBuffer b = segments.get(index / perSegment);
      b.put((index % perSegment) * recordBytes + 8, (byte) -1);
    }

    RunOutcome get(int index) {
      ByteBuffer b = segments.get(index / perSegment);
      int at = (index % perSegment) * recordBytes;
      int reason = b.get(at + 9);
      double[] terms = null;
      int p = at + 19;
      if (b.get(at + 18) == 1) {
        terms = new double[issues];
        for (int k = 0; k < issues; k++) terms[k] = b.getDouble(p + 8 * k);
      }
      p += 8 * issues;
      double[] utilities = new double[actors];
      for (int a = 0; a < actors; a++) utilities[a] = b.getDouble(p + 8 * a);
      return new RunOutcome(b.getLong(at), ENDINGS[b.get(at + 8)], b.getInt(at + 10), terms, utilities, b.getInt(at + 14),
          reason < 0 ? null : REASONS[reason], null);
    }

    /** The first n outcomes as a list (each read from the store when asked for). */
    List<RunOutcome> view(int n) {
      return new OutcomeList(this, n, null);
    }

    /** The first n outcomes without the failed replications, in index order. */
    List<RunOutcome> view(int n, List<Failure> failures) {
      if (failures.isEmpty()) return view(n);
      int[] kept = new int[n - failures.size()];
      int f = 0;
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (f < failures.size() && failures.get(f).index() == i) f++;
        else kept[k++] = i;
      }
      return new OutcomeList(this, kept.length, kept);
    }
  }

  private static final class OutcomeList extends AbstractList<RunOutcome> implements RandomAccess {
    private final OutcomeStore store;
    private final int size;
    private final int[] kept;

    OutcomeList(OutcomeStore store, int size, int[] kept) {
      this.store = store;
      this.size = size;
      this.kept = kept;
    }

    @Override
    public RunOutcome get(int index) {
      if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
      return store.get(kept == null ? index : kept[index]);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
