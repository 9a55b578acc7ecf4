package org.negotiate.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Limits;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.tables.TableScenarios;
import org.negotiate.sim.BareLoop;
import org.negotiate.sim.Replication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code negotiate bench}: how fast this machine runs a scenario's Monte Carlo. Nothing is written.
 * Times are wall-clock after a warm-up (the JIT compiles the hot code first), with the CPU time of
 * the working threads beside them, which a busy machine disturbs less.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the speed of the Monte Carlo on this machine.",
      "Measures the Monte Carlo on this machine: replications per second and microseconds per "
          + "replication with 1 thread and with all of them (the fastest of 3 alternated timings of each), the parallel "
          + "speed-up (and whether both gave identical results), the engine's overhead over the bare protocol loop, and "
          + "the peak heap. With no SCENARIO: scenarios/baseline.yaml. Writes nothing."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;

  /** --runs: replications per measurement (default 10,000). */
  @Mixin CommonOptions.Runs runs;

  @Mixin CommonOptions.Rounds rounds;

  @Mixin CommonOptions.Seed seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Threads for the parallel measurement (default: all cores).")
  Integer threads;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description =
          "Replications run first and not timed (default: as many as --runs, at most 5000).")
  Integer warmup;

  @Option(
      names = "--parallel-only",
      description =
          "Only the measurement with all threads (for very long runs, e.g. a million replications).")
  boolean parallelOnly;

  @Option(
      names = "--synthetic",
      paramLabel = "AxK",
      description =
          "Instead of a scenario: a random actor table of A actors and K issues (all parties), e.g. 100x10; run with --protocol (default eum).")
  String synthetic;

  @Option(
      names = "--scaling",
      description =
          "Print how the time of one run grows with actors, issues and rounds for the protocol (--protocol, default eum).")
  boolean scaling;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println(machine());
    if (scaling) {
      scalingTable(out, syntheticProtocol());
      return 0;
    }
    Scenario s;
    if (synthetic != null) {
      int[] ak = parseSize(synthetic);
      s = TableScenarios.synthetic(ak[0], ak[1], syntheticProtocol(), seed.seed(1));
    } else {
      if (scenario.scenario == null && scenario.table == null)
        scenario.scenario = Path.of("scenarios/baseline.yaml");
      s = CommandInputs.scenario(scenario);
    }
    Protocol protocol = CommandInputs.protocol(s);
    int n = runs.replications(10_000);
    int r = rounds.rounds(s.experiment().rounds());
    int t =
        CommandInputs.inRange(
            "--threads", threads, Runtime.getRuntime().availableProcessors(), 1, 1024);
    int w =
        CommandInputs.inRange(
            "--warmup", warmup, Math.min(n, 5000), 0, CommandInputs.MAX_REPLICATIONS);
    long base = seed.seed(s.experiment().seed());
    // the estimate every Monte Carlo command makes: refused with the numbers before anything runs
    CommandInputs.checkRun(s, r, Math.max(n, w), t);
    MonteCarlo.Options options =
        new MonteCarlo.Options(n, r, base, t, rounds.exact()).withoutOutcomes();
    out.printf(
        Locale.ROOT,
        "scenario %s, protocol %s, %d rounds%s, %,d replications, seed %d, warm-up %,d%n",
        s.name(),
        protocol.name(),
        r,
        rounds.exact() ? " exactly" : "",
        n,
        base,
        w);
    out.flush();

    HeapWatch heap = new HeapWatch();
    if (w > 0) {
      MonteCarlo.run(
          s,
          protocol,
          new MonteCarlo.Options(w, r, base + 1, t, rounds.exact()).withoutOutcomes(),
          null);
      // The collection that starts the peak clean comes before the settling, not after: a full
      // collection gives back the heap it leaves free, and the timing that followed it paid for
      // growing it again (case A, 1 thread: 0.5-0.7 s of the worker's CPU touching new pages,
      // 83-86 instead of 64 µs per replication at 20,000 replications).
      heap.collect();
      settle(out, s, protocol, r, rounds.exact(), base + 2, t, w);
    } else {
      heap.collect();
    }
    heap.resetPeaks();

    Timing parallel;
    if (parallelOnly) {
      parallel = time(() -> MonteCarlo.run(s, protocol, options, null), t);
      out.println(line(t, n, parallel));
    } else {
      // Each configuration three times, alternated, and the fastest of each, as the engine line
      // below does: the first timing after the warm-up ran while C2 was still recompiling (on 2
      // cores, 140 µs of CPU per replication on 1 thread, then 70 µs on 1 thread and 74 µs on 2
      // in the same JVM), which made the 1-thread line disagree with the engine line.
      Timing single = null;
      parallel = null;
      for (int rep = 0; rep < TIMINGS; rep++) {
        single =
            faster(
                single, time(() -> MonteCarlo.run(s, protocol, options.withThreads(1), null), 1));
        parallel = faster(parallel, time(() -> MonteCarlo.run(s, protocol, options, null), t));
      }
      out.println(line(1, n, single));
      out.println(line(t, n, parallel));
      boolean same = sameResults(single.odds, parallel.odds);
      out.printf(
          Locale.ROOT,
          "speed-up over 1 thread: %.2fx on %d threads; results identical: %s%n",
          single.seconds / parallel.seconds,
          t,
          same ? "yes" : "NO");
      // With every thread on a core all the time, the wall time would be the CPU time over the
      // threads: the speed-up the work itself allows, whatever else the machine is running.
      out.printf(
          Locale.ROOT,
          "speed-up from the CPU time per replication (%.1f µs on 1 thread, %.1f µs on %d): %.2fx with %d free cores%n",
          single.cpuNanos / 1e3 / n,
          parallel.cpuNanos / 1e3 / n,
          t,
          (double) single.cpuNanos / parallel.cpuNanos * t,
          t);
      out.flush();
      engineOverhead(out, s, protocol, r, rounds.exact(), base, Math.min(n, 20_000));
    }
    heap.stop();
    out.printf(
        Locale.ROOT,
        "peak heap: %.0f MB used (sampled every 5 ms; sum of the pools' peaks %.0f MB), max heap %.0f MB%n",
        heap.peakUsed / 1e6,
        heap.poolPeaks() / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6);
    return 0;
  }

  /**
   * Goes on warming up, in chunks, until the JVM's own threads are (nearly) idle and the heap has
   * stopped growing: C2 can still be compiling, and recompiling after deoptimisations, many seconds
   * after the first warm-up (on 2 cores it has one compiler thread, with a queue of hundreds of
   * methods), and when there are as many cores as measured threads it takes CPU from them; a heap
   * still growing makes the measured threads touch new memory (page faults, on their CPU time).
   * Idle: the CPU time of the whole JVM beyond that of the threads running replications is under 5%
   * of a core during a chunk. Stopped growing: the committed heap has not changed since a
   * collection that found it at its present size (so the young generation has been filled once at
   * that size: every page of it touched), or the JVM's threads have been idle for {@link
   * #HEAP_CHUNKS} chunks (a run that allocates little may not fill it for long). At most 60 s.
   */
  private static void settle(
      PrintWriter out,
      Scenario s,
      Protocol protocol,
      int rounds,
      boolean exact,
      long seed,
      int threads,
      int warmup)
      throws InterruptedException {
    if (processCpu() < 0) return;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int chunk = Math.max(100, Math.min(warmup, 2000));
    long extra = 0;
    long until = System.nanoTime() + 60_000_000_000L;
    double busy = Double.NaN;
    java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long size = memory.getHeapMemoryUsage().getCommitted();
    long collectionsAtSize = collections();
    boolean grew = true;
    int idleChunks = 0;
    while (System.nanoTime() < until) {
      long p0 = processCpu();
      long w0 = workerCpu(mx);
      long t0 = System.nanoTime();
      MonteCarlo.Result r =
          MonteCarlo.run(
              s,
              protocol,
              new MonteCarlo.Options(chunk, rounds, seed + extra, threads, exact).withoutOutcomes(),
              null);
      double seconds = (System.nanoTime() - t0) / 1e9;
      busy = ((processCpu() - p0) - (workerCpu(mx) - w0 + r.workerCpuNanos())) / 1e9 / seconds;
      extra += chunk;
      long now = memory.getHeapMemoryUsage().getCommitted();
      long gcs = collections();
      if (now != size) {
        size = now;
        collectionsAtSize = gcs; // the collection that resized it counts as before
      }
      grew = gcs <= collectionsAtSize;
      idleChunks = busy < 0.05 ? idleChunks + 1 : 0;
      if (idleChunks > 0 && (!grew || idleChunks >= HEAP_CHUNKS)) break;
    }
    out.printf(
        Locale.ROOT,
        "warm-up: %,d more replications until the JVM's own threads (JIT compiler, GC) were idle (%.0f%% of a core in the last chunk)%s%n",
        extra,
        100 * busy,
        grew ? "" : " and the heap had stopped growing");
    out.flush();
  }

  /** Chunks with the JVM's threads idle after which the heap is no longer waited for. */
  private static final int HEAP_CHUNKS = 5;

  /** Collections so far, of every collector (-1 each where a collector does not count them). */
  private static long collections() {
    long n = 0;
    for (java.lang.management.GarbageCollectorMXBean gc :
        ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
    return n;
  }

  /** Timings of each configuration, alternated; the fastest is reported. */
  private static final int TIMINGS = 3;

  private static Timing faster(Timing best, Timing t) {
    return best == null || t.seconds < best.seconds ? t : best;
  }

  private static String line(int threads, int n, Timing m) {
    String jvm =
        m.processCpuNanos < 0
            ? ""
            : String.format(
                Locale.ROOT,
                "; the JVM's other threads (JIT compiler, garbage collector) %.1f µs",
                Math.max(0, m.processCpuNanos - m.cpuNanos) / 1e3 / n);
    return String.format(
        Locale.ROOT,
        "%d thread%s: %,d replications in %.3f s: %.0f replications/s, %.1f µs per replication (CPU %.1f µs per replication"
            + " on the threads, which were on a core %.0f%% of the time%s)",
        threads,
        threads == 1 ? " " : "s",
        n,
        m.seconds,
        n / m.seconds,
        1e6 * m.seconds / n,
        m.cpuNanos / 1e3 / n,
        100 * m.cpuNanos / 1e9 / (m.seconds * threads),
        jvm);
  }

  /**
   * The bare protocol loop against the engine's path, on one thread, alternated three times; the
   * fastest of each.
   */
  private static void engineOverhead(
      PrintWriter out, Scenario s, Protocol protocol, int rounds, boolean exact, long seed, int n)
      throws InterruptedException {
    SetupSampler.Plan plan = SetupSampler.plan(s);
    double bare = Double.POSITIVE_INFINITY;
    double engine = Double.POSITIVE_INFINITY;
    double drawOnly = Double.POSITIVE_INFINITY;
    MonteCarlo.Options one = new MonteCarlo.Options(n, rounds, seed, 1, exact).withoutOutcomes();
    long sink = 0;
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        NegotiationSetup setup = plan.draw(rounds, exact, Streams.replicationSeed(seed, i));
        sink += BareLoop.run(setup, protocol).ending().ordinal();
      }
      long t1 = System.nanoTime();
      MonteCarlo.run(s, protocol, one, null);
      long t2 = System.nanoTime();
      for (int i = 0; i < n; i++)
        sink += plan.draw(rounds, exact, Streams.replicationSeed(seed, i)).seed();
      long t3 = System.nanoTime();
      bare = Math.min(bare, (t1 - t0) / 1e3 / n);
      engine = Math.min(engine, (t2 - t1) / 1e3 / n);
      drawOnly = Math.min(drawOnly, (t3 - t2) / 1e3 / n);
    }
    out.printf(
        Locale.ROOT,
        "engine overhead: bare protocol loop %.1f µs per replication, engine (MASON agents, recording, aggregation) %.1f µs: %.2fx"
            + " (drawing the inputs, in both: %.1f µs; without it %.2fx)%n",
        bare,
        engine,
        engine / bare,
        drawOnly,
        (engine - drawOnly) / Math.max(1e-9, bare - drawOnly));
    // Allocation per replication on this thread: the draw and the engine's replication (as a worker
    // runs it, recording into one reused trajectory buffer), and the draw alone.
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean amx
        && amx.isThreadAllocatedMemorySupported()) {
      int m = Math.min(n, 2_000);
      float[][][] trajectory = new float[rounds][s.actors().size() + 1][s.issues().size()];
      long a0 = amx.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < m; i++) {
        sink +=
            Replication.run(
                    plan.draw(rounds, exact, Streams.replicationSeed(seed, i)),
                    protocol,
                    trajectory)
                .round();
      }
      long a1 = amx.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < m; i++)
        sink += plan.draw(rounds, exact, Streams.replicationSeed(seed, i)).seed();
      long a2 = amx.getCurrentThreadAllocatedBytes();
      out.printf(
          Locale.ROOT,
          "allocation: %.1f kB per replication (drawing the inputs %.1f kB of it)%n",
          (a1 - a0) / 1e3 / m,
          (a2 - a1) / 1e3 / m);
    }
    blackhole = sink;
  }

  /** Keeps the measured loops' results alive. */
  static volatile long blackhole;

  private static boolean sameResults(ConvergenceOdds a, ConvergenceOdds b) {
    return a.byMonth().equals(b.byMonth())
        && a.positions().equals(b.positions())
        && a.blockers().equals(b.blockers())
        && termsEqual(a, b);
  }

  private static boolean termsEqual(ConvergenceOdds a, ConvergenceOdds b) {
    if (a.terms().size() != b.terms().size()) return false;
    for (int k = 0; k < a.terms().size(); k++) {
      ConvergenceOdds.IssueTerms x = a.terms().get(k);
      ConvergenceOdds.IssueTerms y = b.terms().get(k);
      if (x.agreedRuns() != y.agreedRuns()
          || !java.util.Arrays.equals(x.histogram(), y.histogram())
          || Double.compare(x.mean(), y.mean()) != 0
          || Double.compare(x.p50(), y.p50()) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * --protocol, else the native model of a BDM actor table (what a synthetic table is: capability,
   * position, salience).
   */
  private String syntheticProtocol() {
    return scenario.protocol != null
        ? scenario.protocol
        : org.negotiate.scenario.ProtocolParameters.nativeTo(TableScenarios.Format.BDM.name());
  }

  // ------------------------------------------------------------------ scaling

  /** Wall and CPU seconds of one run. */
  private record RunTime(double wall, double cpu) {}

  /**
   * One run (exactly R rounds) of a synthetic table, timed: the least wall time and the least CPU
   * time (this thread's and the common fork-join pool's, which steps large EUM issues in parallel)
   * of a few repetitions.
   */
  private static RunTime secondsPerRun(String protocolName, int actors, int issues, int rounds)
      throws Exception {
    Scenario s = TableScenarios.synthetic(actors, issues, protocolName, 1);
    Protocol protocol = CommandInputs.protocol(s);
    NegotiationSetup setup = SetupSampler.draw(s, rounds, true, Streams.replicationSeed(1, 0));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double best = Double.POSITIVE_INFINITY;
    double bestCpu = Double.POSITIVE_INFINITY;
    long spent = 0;
    for (int rep = 0; rep < 20 && (rep < 2 || spent < 2_000_000_000L); rep++) {
      Map<Long, Long> pool0 = commonPoolCpu(mx);
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Replication.run(setup, protocol, false);
      long dt = System.nanoTime() - t0;
      long cpu = mx.getCurrentThreadCpuTime() - c0;
      for (Map.Entry<Long, Long> e : commonPoolCpu(mx).entrySet())
        cpu += e.getValue() - pool0.getOrDefault(e.getKey(), 0L);
      spent += dt;
      best = Math.min(best, dt / 1e9);
      bestCpu = Math.min(bestCpu, cpu / 1e9);
    }
    return new RunTime(best, bestCpu);
  }

  private static void scalingTable(PrintWriter out, String protocolName) throws Exception {
    out.printf(
        Locale.ROOT,
        "one %s run of a random actor table (all parties), exactly R rounds; the fastest of up to 20 runs;%n",
        protocolName);
    out.println(
        "growth from the CPU time, which other jobs on the machine disturb less than the wall time");
    out.println("actors  issues  rounds  wall (s)   CPU (s)  CPU µs per round  growth");
    secondsPerRun(protocolName, 10, 2, 10); // warm-up
    int[][][] series = {
      {{10, 2, 10}, {20, 2, 10}, {40, 2, 10}, {80, 2, 10}, {160, 2, 10}},
      {{20, 1, 10}, {20, 2, 10}, {20, 4, 10}, {20, 8, 10}},
      {{20, 2, 10}, {20, 2, 20}, {20, 2, 40}, {20, 2, 80}},
    };
    String[] what = {"actors", "issues", "rounds"};
    for (int d = 0; d < series.length; d++) {
      double first = 0;
      double last = 0;
      for (int[] g : series[d]) {
        RunTime t = secondsPerRun(protocolName, g[0], g[1], g[2]);
        if (first == 0) first = t.cpu();
        last = t.cpu();
        out.printf(
            Locale.ROOT,
            "%6d  %6d  %6d  %8.5f  %8.5f  %16.1f%n",
            g[0],
            g[1],
            g[2],
            t.wall(),
            t.cpu(),
            1e6 * t.cpu() / g[2]);
        out.flush();
      }
      double ratio = (double) series[d][series[d].length - 1][d] / series[d][0][d];
      out.printf(
          Locale.ROOT,
          "        CPU time grows as %s^%.2f (x%.0f %s: x%.1f)%n",
          what[d],
          Math.log(last / first) / Math.log(ratio),
          ratio,
          what[d],
          last / first);
    }
  }

  private static int[] parseSize(String ak) {
    String[] p = ak.toLowerCase(Locale.ROOT).split("x");
    try {
      if (p.length == 2) {
        int a = Integer.parseInt(p[0].trim());
        int k = Integer.parseInt(p[1].trim());
        if (a >= 2 && a <= Limits.MAX_ACTORS && k >= 1 && k <= Limits.MAX_ISSUES)
          return new int[] {a, k};
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInput(
        "--synthetic: expected ACTORSxISSUES with 2-"
            + Limits.MAX_ACTORS
            + " actors and 1-"
            + Limits.MAX_ISSUES
            + " issues (a table's limits), e.g. 100x10; got "
            + ak);
  }

  // ------------------------------------------------------------------ measuring

  private interface Job {
    MonteCarlo.Result run() throws InterruptedException;
  }

  /**
   * @param cpuNanos CPU time of the threads that ran the replications
   * @param processCpuNanos CPU time of the whole JVM meanwhile (with the JIT compiler and the
   *     garbage collector), or -1 when the platform does not tell
   */
  private record Timing(
      double seconds, long cpuNanos, long processCpuNanos, ConvergenceOdds odds) {}

  /**
   * Wall time of the job, and the CPU time of the threads that ran it: the caller's, the workers'
   * and the common fork-join pool's (where the EUM steps the issues of a large table in parallel).
   */
  private static Timing time(Job job, int threads) throws InterruptedException {
    quiesce();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Long, Long> pool0 = commonPoolCpu(mx);
    long process0 = processCpu();
    long cpu0 = workerCpu(mx);
    long t0 = System.nanoTime();
    MonteCarlo.Result r = job.run();
    long t1 = System.nanoTime();
    long cpu1 = workerCpu(mx) + r.workerCpuNanos();
    long process1 = processCpu();
    long pool = 0;
    for (Map.Entry<Long, Long> e : commonPoolCpu(mx).entrySet())
      pool += e.getValue() - pool0.getOrDefault(e.getKey(), 0L);
    return new Timing(
        (t1 - t0) / 1e9,
        cpu1 - cpu0 + pool,
        process0 < 0 || process1 < 0 ? -1 : process1 - process0,
        r.odds());
  }

  /**
   * Waits (at most 10 s) until the JVM's own threads have been idle for 0.2 s: the JIT compiler
   * works through its queue in the background (after loading a scenario, hundreds of methods of the
   * YAML parser and of the lambda machinery), and on a machine with no spare core it would run
   * during the measurement, taking CPU from the measured threads.
   */
  private static void quiesce() throws InterruptedException {
    if (processCpu() < 0) return;
    long until = System.nanoTime() + 10_000_000_000L;
    int quiet = 0;
    while (quiet < 2 && System.nanoTime() < until) {
      long c0 = processCpu();
      Thread.sleep(100);
      quiet = processCpu() - c0 < 5_000_000L ? quiet + 1 : 0; // under 5% of a core
    }
  }

  /** CPU time of the whole JVM, or -1. */
  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /**
   * CPU time of this thread (the Monte Carlo's workers report theirs in the result: {@code
   * workerCpuNanos}).
   */
  private static long workerCpu(ThreadMXBean mx) {
    return mx.getCurrentThreadCpuTime();
  }

  /** CPU time of each live thread of the common fork-join pool, by thread id. */
  private static Map<Long, Long> commonPoolCpu(ThreadMXBean mx) {
    Map<Long, Long> out = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("ForkJoinPool.commonPool-worker")) {
        long cpu = mx.getThreadCpuTime(t.getId());
        if (cpu >= 0) out.put(t.getId(), cpu);
      }
    }
    return out;
  }

  private static String machine() {
    Runtime rt = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "machine: %d cores, %s %s (%s), max heap %.0f MB, %s %s %s",
        rt.availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"),
        System.getProperty("java.vendor"),
        rt.maxMemory() / 1e6,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"));
  }

  /** The largest heap in use, sampled; and the heap pools' own peak counters. */
  private static final class HeapWatch {
    volatile long peakUsed;
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
      sampler =
          new Thread(
              () -> {
                java.lang.management.MemoryMXBean m = ManagementFactory.getMemoryMXBean();
                while (running) {
                  long used = m.getHeapMemoryUsage().getUsed();
                  if (used > peakUsed) peakUsed = used;
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-watch");
      sampler.setDaemon(true);
      sampler.start();
    }

    /** A full collection, so that the peak measured next is not the warm-up's garbage. */
    void collect() {
      System.gc();
    }

    void resetPeaks() {
      peakUsed = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
        if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    void stop() {
      running = false;
      sampler.interrupt();
    }

    long poolPeaks() {
      long sum = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
      }
      return sum;
    }
  }
}
