package org.negotiate.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.Replication;
import org.negotiate.sim.RunOutcome;

/**
 * Convergence odds: N replications, each with its own seed derived from (base seed, index) and its
 * own draw of the uncertain inputs, run in parallel in blocks. Nothing depends on which thread ran
 * a replication, so the numbers are the same with 1 thread or 16.
 *
 * <p>Memory does not grow with N: every worker keeps its own counts (agreements by month, blockers)
 * and position histograms, which are integers and so merge to the same totals in any order.
 * Per-replication outcomes are kept only when asked for ({@link Options#keepOutcomes}, for {@code
 * outcomes.csv} and paired comparisons), as fixed-size binary records written at their index: the
 * first 8 MB on the heap, the rest in a memory-mapped temporary file (deleted when the run ends),
 * so a million replications run in a 256 MB heap.
 *
 * <p>With a precision ({@link Options#precision}), replications are added in stages of {@link
 * #PRECISION_STAGE} until the 95% interval of the last month's odds lies within ± the precision of
 * the estimate: the stopping point depends only on the outcomes of the replications before it, so
 * the same seed gives the same number of replications and the same results.
 *
 * <p>This class is the runner: stages, the journal, precision and conditioning, local threads
 * ({@link LocalEngine}) or a cluster's blocks. One replication is {@link ReplicationLoop}'s, the
 * counts a worker keeps are an {@link Accumulator}, kept outcomes live in the {@link OutcomeStore},
 * and {@link OddsAggregation} turns the counts into the odds.
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
  public record Options(
      int replications,
      int rounds,
      long seed,
      int threads,
      boolean exactRounds,
      boolean keepOutcomes,
      double precision,
      Conditions conditions)
      implements java.io.Serializable {
    public Options(
        int replications,
        int rounds,
        long seed,
        int threads,
        boolean exactRounds,
        boolean keepOutcomes,
        double precision) {
      this(replications, rounds, seed, threads, exactRounds, keepOutcomes, precision, null);
    }

    /**
     * Keep only the replications that reproduce {@code c}, until {@link #replications()} are kept.
     */
    public Options conditionedOn(Conditions c) {
      return new Options(
          replications, rounds, seed, threads, exactRounds, keepOutcomes, precision, c);
    }

    public Options(int replications, int rounds, long seed, int threads) {
      this(replications, rounds, seed, threads, false);
    }

    public Options(int replications, int rounds, long seed, int threads, boolean exactRounds) {
      this(replications, rounds, seed, threads, exactRounds, true, 0);
    }

    public Options withThreads(int t) {
      return new Options(
          replications, rounds, seed, t, exactRounds, keepOutcomes, precision, conditions);
    }

    public Options withoutOutcomes() {
      return new Options(
          replications, rounds, seed, threads, exactRounds, false, precision, conditions);
    }

    /** Run until the last month's 95% interval is within ± p, at most {@code replications}. */
    public Options withPrecision(double p) {
      return new Options(
          replications, rounds, seed, threads, exactRounds, keepOutcomes, p, conditions);
    }
  }

  /**
   * The result of an odds experiment: the aggregate and every replication's outcome, by index (an
   * empty list unless they were kept).
   *
   * @param workerCpuNanos CPU time this JVM's worker threads spent on the replications (0 on a
   *     cluster; for {@code negotiate bench})
   */
  public record Result(
      ConvergenceOdds odds,
      List<RunOutcome> outcomes,
      List<String> canonicalActorIds,
      List<Failure> failures,
      Rejections rejections,
      long workerCpuNanos) {
    public Result(ConvergenceOdds odds, List<RunOutcome> outcomes, List<String> canonicalActorIds) {
      this(odds, outcomes, canonicalActorIds, List.of(), Rejections.NONE);
    }

    public Result(
        ConvergenceOdds odds,
        List<RunOutcome> outcomes,
        List<String> canonicalActorIds,
        List<Failure> failures,
        Rejections rejections) {
      this(odds, outcomes, canonicalActorIds, failures, rejections, 0);
    }

    public Result(
        ConvergenceOdds odds,
        List<RunOutcome> outcomes,
        List<String> canonicalActorIds,
        List<Failure> failures) {
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
      throw new EngineFailure(
          "every one of the "
              + failures.size()
              + " replications failed (the first, replication "
              + f.index()
              + ": "
              + f.exception()
              + (f.message() == null || f.message().isEmpty() ? "" : ": " + f.message())
              + "); nothing was written",
          null);
    }

    /**
     * Replications attempted: those kept, those that failed and those the observations rejected.
     */
    public int attempted() {
      return (int) (odds.replications() + failures.size() + rejections.total());
    }

    /** The replication index of the {@code i}-th kept outcome (they skip failed replications). */
    public int indexOf(int i) {
      if (failures.isEmpty()) return i;
      if (outcomes instanceof OutcomeStore.OutcomeList l && l.kept != null) return l.kept[i];
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
  public record Failure(int index, long seed, String exception, String message)
      implements java.io.Serializable {}

  /**
   * The replications a conditioned run did not keep: by the first hard observation each
   * contradicted ({@code byObservation}, in the conditions' order), and those the soft kernel's
   * draw turned away.
   */
  public record Rejections(long[] byObservation, long soft) implements java.io.Serializable {
    public static final Rejections NONE = new Rejections(new long[0], 0);

    public long total() {
      long t = soft;
      for (long r : byObservation) t += r;
      return t;
    }
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

  public static Result run(Scenario scenario, Protocol protocol, Options o, Progress progress)
      throws InterruptedException {
    return run(scenario, protocol, o, progress, null);
  }

  /**
   * As {@link #run(Scenario, Protocol, Options, Progress)}, journalling completed stages of {@link
   * #PRECISION_STAGE} replications to {@code journal} (at most about once a second, and at the
   * end), and first restoring what the journal already holds: a run stopped hard and started again
   * with the same journal ends with exactly the results of an uninterrupted run.
   */
  public static Result run(
      Scenario scenario, Protocol protocol, Options o, Progress progress, RunJournal journal)
      throws InterruptedException {
    return run(scenario, protocol, o, progress, journal, null);
  }

  /**
   * As {@link #run(Scenario, Protocol, Options, Progress, RunJournal)}, on {@code engine} when it
   * is distributed: each task runs a block of consecutive replications and sends back its counts
   * (integers) and outcome records, which are added up and put at their indices here, so the
   * results are those of the local run, byte for byte. Null or a local engine: this JVM's threads.
   */
  public static Result run(
      Scenario scenario,
      Protocol protocol,
      Options o,
      Progress progress,
      RunJournal journal,
      Engine engine)
      throws InterruptedException {
    return run(scenario, protocol, o, progress, journal, engine, null);
  }

  /**
   * As {@link #run(Scenario, Protocol, Options, Progress, RunJournal, Engine)}, with runs that ride
   * on this one's replications ({@code riders}, null: none; see {@link Riders}): each replication
   * this JVM runs is also judged for them, and their results are then had from {@link
   * Riders#results}. They must draw what this run draws ({@link Riders#canRideOn}).
   */
  public static Result run(
      Scenario scenario,
      Protocol protocol,
      Options o,
      Progress progress,
      RunJournal journal,
      Engine engine,
      Riders riders)
      throws InterruptedException {
    boolean distributed = engine != null && engine.distributed();
    if (riders != null && !riders.canRideOn(o))
      throw new IllegalArgumentException("the riders draw other replications than " + o);
    if (riders != null && distributed) riders.spoil("the replications ran on a cluster");
    List<String> canonical = SetupSampler.nominal(scenario, o.rounds()).actorIds();
    int issues = scenario.issues().size();
    SetupSampler.Plan plan = SetupSampler.plan(scenario);
    int threads =
        distributed
            ? 1
            : Math.max(1, Math.min(o.threads(), (o.replications() + BLOCK - 1) / BLOCK));
    OutcomeStore store = o.keepOutcomes() ? new OutcomeStore(issues, canonical.size()) : null;
    Accumulator[] workers = new Accumulator[threads];
    for (int w = 0; w < threads; w++) {
      workers[w] =
          new Accumulator(o.rounds(), canonical.size(), issues, store == null, o.conditions());
    }
    AtomicLong done = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    int n = 0;
    try {
      boolean stop = false;
      if (journal != null) {
        n = journal.restore(workers[0], store);
        if (n > 0 && riders != null) riders.spoil("replications restored from the journal");
        done.set(n);
        if (n > 0 && progress != null) progress.done(n);
        stop =
            n > 0
                && o.precision() > 0
                && withinPrecision(workers, n - failures(workers), o.rounds(), o.precision());
      }
      boolean conditioned = o.conditions() != null;
      int limit =
          conditioned ? Math.max(o.replications(), o.conditions().maxAttempts()) : o.replications();
      while (!stop && n < limit && (!conditioned || kept(workers, n) < o.replications())) {
        int from = n;
        int to =
            conditioned
                ? (int)
                    Math.min(
                        limit, (long) n + conditionedStage(o.replications(), kept(workers, n), n))
                : o.precision() > 0 || journal != null
                    ? (int) Math.min(limit, (long) n + stage(o, journal, engine))
                    : o.replications();
        if (store != null) store.ensureCapacity(to);
        Riders riding = riders != null && riders.spoiled() == null ? riders : null;
        if (riding != null) riding.ensureCapacity(to);
        if (distributed) {
          runStage(
              engine,
              workers[0],
              scenario,
              protocol,
              o,
              canonical.size(),
              from,
              to,
              store,
              progress);
        } else {
          runStage(workers, plan, protocol, o, from, to, store, done, cpu, progress, riding);
          if (riding != null) riding.ranTo(to);
        }
        n = to;
        if (conditioned && progress != null) progress.kept(kept(workers, n), n);
        stop =
            o.precision() > 0
                && withinPrecision(workers, kept(workers, n), o.rounds(), o.precision());
        if (journal != null && journal.due(stop || n == o.replications())) {
          Accumulator counts =
              new Accumulator(o.rounds(), canonical.size(), issues, store == null, o.conditions());
          for (Accumulator w : workers) counts.addAll(w);
          journal.checkpoint(n, counts, store);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the run journal in " + journal.dir(), e);
    } finally {
      if (store != null) store.seal();
    }
    return result(scenario, o, canonical, workers, store, n, cpu.get());
  }

  /** The result of a run from its workers' counts over its first {@code n} replications. */
  private static Result result(
      Scenario scenario,
      Options o,
      List<String> canonical,
      Accumulator[] workers,
      OutcomeStore store,
      int n,
      long cpuNanos) {
    int issues = scenario.issues().size();
    // one worker (one thread, or a cluster's merged blocks): its counts are the total
    Accumulator total = workers[0];
    if (workers.length > 1) {
      total = new Accumulator(o.rounds(), canonical.size(), issues, store == null, o.conditions());
      for (Accumulator w : workers) total.addAll(w);
    }
    total.failures.sort(Comparator.comparingInt(Failure::index));
    List<Failure> failures = List.copyOf(total.failures);
    Rejections rejections =
        o.conditions() == null
            ? Rejections.NONE
            : new Rejections(total.rejectedBy.clone(), total.rejectedSoft);
    List<RunOutcome> outcomes =
        store == null
            ? List.of()
            : rejections.total() > 0 ? store.viewKept(n) : store.view(n, failures);
    OddsAggregation.TermsSource terms =
        store != null ? new OddsAggregation.ExactTerms(outcomes) : total;
    return new Result(
        OddsAggregation.of(
            scenario,
            o.rounds(),
            o.seed(),
            (int) (n - failures.size() - rejections.total()),
            total,
            terms,
            canonical),
        outcomes,
        canonical,
        failures,
        rejections,
        cpuNanos);
  }

  /**
   * Several conditioned runs that draw the same replications: the same plan (their scenarios differ
   * at most in what was observed, which the caller vouches for), protocol, rounds, seed, threads
   * and target, without kept outcomes, each with its own observations. Each result is the one
   * {@link #run(Scenario, Protocol, Options, Progress)} gives for that run alone, byte for byte:
   * every run's stages end where they would alone (a stage's size depends only on that run's counts
   * so far), and a replication that several runs need is run once and judged by each ({@link
   * ReplicationLoop#attemptShared}). This is the back-test's saving: its as-of months between two
   * dates that change a value or an event try the same replications, and a late month's tries
   * include every earlier month's. {@code finished} (may be null) is told how many runs are done.
   */
  static List<Result> runShared(
      List<Scenario> scenarios, Protocol protocol, List<Options> options, Progress finished)
      throws InterruptedException {
    requireShareable(options);
    return runShared(scenarios, protocol, options.toArray(new Options[0]), null, finished);
  }

  /**
   * Throws unless runs with these options can share replications: conditioned, without kept
   * outcomes or a precision, and equal in rounds, exact rounds, seed, threads and kept wanted.
   */
  static void requireShareable(List<Options> options) {
    Options first = options.get(0);
    for (Options o : options) {
      if (o.conditions() == null
          || o.keepOutcomes()
          || o.precision() > 0
          || o.rounds() != first.rounds()
          || o.seed() != first.seed()
          || o.exactRounds() != first.exactRounds()
          || o.threads() != first.threads()
          || o.replications() != first.replications()) {
        throw new IllegalArgumentException("runs that share replications differ in " + o);
      }
    }
  }

  /**
   * As {@link #runShared(List, Protocol, List, Progress)}, the replications {@code recorded} holds
   * (a lead run's, judged for each of these runs) taken from there instead of being run again: each
   * run's stages are replayed over them in index order, and a run that needs more goes on from the
   * first replication the lead did not run.
   */
  static List<Result> runShared(
      List<Scenario> scenarios, Protocol protocol, Options[] o, Riders recorded, Progress finished)
      throws InterruptedException {
    int runs = scenarios.size();
    Options first = o[0];
    Scenario scenario = scenarios.get(0);
    List<String> canonical = SetupSampler.nominal(scenario, first.rounds()).actorIds();
    int issues = scenario.issues().size();
    SetupSampler.Plan plan = SetupSampler.plan(scenario);
    int threads =
        Math.max(1, Math.min(first.threads(), (first.replications() + BLOCK - 1) / BLOCK));
    // workers[w][m]: worker w's counts of run m
    Accumulator[][] workers = new Accumulator[threads][runs];
    for (int w = 0; w < threads; w++) {
      for (int m = 0; m < runs; m++) {
        workers[w][m] =
            new Accumulator(first.rounds(), canonical.size(), issues, true, o[m].conditions());
      }
    }
    int[] n = new int[runs];
    int[] to = new int[runs];
    boolean[] active = new boolean[runs];
    int at = recorded == null ? 0 : recorded.recorded();
    for (int m = 0; m < runs; m++) {
      stageShared(o[m], workers, m, 0, n, to, active);
      // the lead's records, stage by stage as this run alone would try them
      int from = 0;
      while (active[m] && to[m] <= at) {
        for (int i = from; i < to[m]; i++)
          ReplicationLoop.tally(workers[0][m], recorded.attempt(m, i), null, 0);
        from = to[m];
        stageShared(o[m], workers, m, from, n, to, active);
      }
      if (active[m])
        for (int i = from; i < at; i++)
          ReplicationLoop.tally(workers[0][m], recorded.attempt(m, i), null, 0);
    }
    if (finished != null && at > 0) {
      int over = 0;
      for (int m = 0; m < runs; m++) if (!active[m]) over++;
      finished.done(over);
    }
    while (true) {
      int next = Integer.MAX_VALUE;
      for (int m = 0; m < runs; m++) if (active[m]) next = Math.min(next, to[m]);
      if (next == Integer.MAX_VALUE) break;
      int from = at;
      int end = next;
      int blocks = (end - from + BLOCK - 1) / BLOCK;
      boolean[] now = active.clone();
      AtomicInteger nextBlock = new AtomicInteger();
      LocalEngine.run(
          threads,
          threads,
          w -> {
            for (int b; (b = nextBlock.getAndIncrement()) < blocks; ) {
              if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
              int start = from + b * BLOCK;
              ReplicationLoop.blockShared(
                  workers[w], plan, protocol, o, now, start, Math.min(end, start + BLOCK));
            }
            return null;
          },
          null);
      at = end;
      int over = 0;
      for (int m = 0; m < runs; m++) {
        if (active[m] && to[m] == at) stageShared(o[m], workers, m, at, n, to, active);
        if (!active[m]) over++;
      }
      if (finished != null) finished.done(over);
    }
    List<Result> out = new java.util.ArrayList<>();
    for (int m = 0; m < runs; m++) {
      Accumulator[] mine = new Accumulator[threads];
      for (int w = 0; w < threads; w++) mine[w] = workers[w][m];
      out.add(result(scenarios.get(m), o[m], canonical, mine, null, n[m], 0));
    }
    return out;
  }

  /**
   * Run m has tried its first {@code tried} replications: the end of its next stage, as {@link
   * #run} would set it, or inactive when it is done.
   */
  private static void stageShared(
      Options o, Accumulator[][] workers, int m, int tried, int[] n, int[] to, boolean[] active) {
    Accumulator[] mine = new Accumulator[workers.length];
    for (int w = 0; w < workers.length; w++) mine[w] = workers[w][m];
    n[m] = tried;
    int limit = Math.max(o.replications(), o.conditions().maxAttempts());
    int kept = kept(mine, tried);
    active[m] = tried < limit && kept < o.replications();
    if (active[m])
      to[m] = (int) Math.min(limit, (long) tried + conditionedStage(o.replications(), kept, tried));
  }

  /**
   * Replications between checkpoints (and precision checks): {@link #PRECISION_STAGE} here, and on
   * a cluster, for a journal without a precision, enough blocks to keep every executor busy (a
   * whole number of stages, so checkpoints fall where a local run's would).
   */
  private static int stage(Options o, RunJournal journal, Engine engine) {
    if (o.precision() > 0 || engine == null || !engine.distributed()) return PRECISION_STAGE;
    long wanted = 2L * engine.parallelism() * Math.max(1, engine.blockReplications());
    return (int)
        Math.min(
            Integer.MAX_VALUE / 2,
            (wanted + PRECISION_STAGE - 1) / PRECISION_STAGE * PRECISION_STAGE);
  }

  /**
   * What one distributed task sends back: the counts of its block of replications and, when
   * outcomes are kept, their records in index order.
   */
  record Block(Accumulator counts, byte[] records) implements java.io.Serializable {
    /** Runs replications {@code from .. to-1} in the task's JVM. */
    static Block run(
        Scenario scenario,
        Protocol protocol,
        Options o,
        int actors,
        int from,
        int to,
        boolean keep) {
      int issues = scenario.issues().size();
      Accumulator acc = new Accumulator(o.rounds(), actors, issues, !keep, o.conditions());
      OutcomeStore store = keep ? new OutcomeStore(issues, actors) : null;
      if (store != null) store.ensureCapacity(to - from);
      ReplicationLoop.block(acc, SetupSampler.plan(scenario), protocol, o, from, to, store, from);
      byte[] records = null;
      if (store != null) {
        records = new byte[(to - from) * store.recordBytes()];
        for (int i = 0; i < to - from; i++)
          store.record(i).get(records, i * store.recordBytes(), store.recordBytes());
        store.seal();
      }
      return new Block(acc, records);
    }
  }

  private static void runStage(
      Engine engine,
      Accumulator into,
      Scenario scenario,
      Protocol protocol,
      Options o,
      int actors,
      int from,
      int to,
      OutcomeStore store,
      Progress progress)
      throws InterruptedException {
    // no fewer blocks than workers: a short run still uses the whole cluster
    int block =
        (int)
            Math.max(
                1,
                Math.min(
                    engine.blockReplications(),
                    ((long) to - from + engine.parallelism() - 1)
                        / Math.max(1, engine.parallelism())));
    int blocks = (int) (((long) to - from + block - 1) / block);
    boolean keep = store != null;
    List<Block> parts =
        engine.map(
            blocks,
            block,
            b ->
                Block.run(
                    scenario,
                    protocol,
                    o,
                    actors,
                    from + b * block,
                    (int) Math.min(to, (long) from + (long) (b + 1) * block),
                    keep),
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

  /**
   * Replications {@code from .. to-1} on this machine: one {@link LocalEngine} piece per worker
   * (its own accumulator), each taking the next block of {@link #BLOCK} until none is left.
   */
  private static void runStage(
      Accumulator[] workers,
      SetupSampler.Plan plan,
      Protocol protocol,
      Options o,
      int from,
      int to,
      OutcomeStore store,
      AtomicLong done,
      AtomicLong cpu,
      Progress progress,
      Riders riders)
      throws InterruptedException {
    int blocks = (to - from + BLOCK - 1) / BLOCK;
    AtomicInteger nextBlock = new AtomicInteger();
    LocalEngine.run(
        workers.length,
        workers.length,
        w -> {
          java.lang.management.ThreadMXBean mx =
              java.lang.management.ManagementFactory.getThreadMXBean();
          long cpu0 = mx.getCurrentThreadCpuTime();
          try {
            for (int b; (b = nextBlock.getAndIncrement()) < blocks; ) {
              if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
              int start = from + b * BLOCK;
              int end = Math.min(to, start + BLOCK);
              ReplicationLoop.block(workers[w], plan, protocol, o, start, end, store, 0, riders);
              long d = done.addAndGet(end - start);
              if (progress != null) progress.done(d);
            }
          } finally {
            cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
          }
          return null;
        },
        null);
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

  private static boolean withinPrecision(
      Accumulator[] workers, int n, int rounds, double precision) {
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
  public static Result single(
      Scenario scenario,
      Protocol protocol,
      int rounds,
      boolean exactRounds,
      long seed,
      int index,
      org.negotiate.sim.RoundListener listener) {
    return single(
        scenario,
        protocol,
        rounds,
        setupOf(scenario, rounds, exactRounds, seed, index),
        seed,
        listener);
  }

  /**
   * The one replication whose own seed is {@code replicationSeed} (the seed column of
   * outcomes.csv).
   */
  public static Result replay(
      Scenario scenario,
      Protocol protocol,
      int rounds,
      boolean exactRounds,
      long replicationSeed,
      org.negotiate.sim.RoundListener listener) {
    NegotiationSetup setup = SetupSampler.draw(scenario, rounds, exactRounds, replicationSeed);
    return single(scenario, protocol, rounds, setup, replicationSeed, listener);
  }

  /** The inputs of the replication whose own seed is {@code replicationSeed}, for the run log. */
  public static NegotiationSetup setupOfReplication(
      Scenario scenario, int rounds, boolean exactRounds, long replicationSeed) {
    return SetupSampler.draw(scenario, rounds, exactRounds, replicationSeed);
  }

  private static Result single(
      Scenario scenario,
      Protocol protocol,
      int rounds,
      NegotiationSetup setup,
      long seed,
      org.negotiate.sim.RoundListener listener) {
    List<String> canonical = setup.actorIds();
    RunOutcome r = Replication.run(setup, protocol, listener);
    Accumulator acc = new Accumulator(rounds, canonical.size(), scenario.issues().size(), false);
    acc.add(r);
    List<RunOutcome> list = List.of(r);
    return new Result(
        OddsAggregation.of(
            scenario, rounds, seed, 1, acc, new OddsAggregation.ExactTerms(list), canonical),
        list,
        canonical);
  }

  /** The inputs replication {@code index} draws, for the run log. */
  public static NegotiationSetup setupOf(
      Scenario scenario, int rounds, boolean exactRounds, long seed, int index) {
    return SetupSampler.draw(scenario, rounds, exactRounds, Streams.replicationSeed(seed, index));
  }
}
