package org.negotiate.spark;

import java.io.File;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.EngineFailure;
import org.negotiate.experiment.Engines;
import org.negotiate.experiment.Progress;

/**
 * The experiment's pieces as Spark tasks: consecutive indices are grouped into partitions of about
 * {@link #blockReplications()} replications each, every partition runs its indices with the same
 * {@link Engine.Task} (serialized to the executors) and the results come back to the driver in
 * index order. A piece's result depends on its index only, so a task retried after a failure or a
 * lost executor gives the same result, and the caller's merge gives the local run's bytes.
 */
public final class SparkEngine implements Engine {
  /**
   * Attempts per task before the job fails (Spark's default on clusters, also used for local
   * masters).
   */
  static final int MAX_FAILURES = 4;

  /** The master URLs Spark 4 takes (it refuses others only after starting half a context). */
  private static final Pattern MASTERS =
      Pattern.compile(
          "local(\\[[^\\]]*\\])?|local-cluster\\[[^\\]]*\\]|spark://\\S+|yarn|k8s://\\S+");

  private static final Pattern LOCAL =
      Pattern.compile("local(?:\\[\\s*(\\*|\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\])?");

  private final String master;
  private final int block;
  private final JavaSparkContext jsc;
  private final boolean owner;
  private final AtomicLong tasks;
  private final AtomicLong jobs;
  private final Map<String, Tracker> running;

  /**
   * @param master the master URL, or null for spark-submit's ({@code spark.master}), else {@code
   *     local[*]}
   * @param blockReplications replications a task runs at least; {@link Engines#DEFAULT_BLOCK} when
   *     not positive
   * @param application the application's name on the cluster
   */
  public SparkEngine(String master, int blockReplications, String application) {
    this.master = effectiveMaster(master);
    this.block = blockReplications > 0 ? blockReplications : Engines.DEFAULT_BLOCK;
    if (!MASTERS.matcher(this.master).matches()) {
      throw new IllegalArgumentException(
          "--master: expected local, local[N], local[*], spark://HOST:PORT, yarn or "
              + "k8s://URL, got \""
              + this.master
              + "\"");
    }
    String unreachable = unreachableMaster(this.master, PROBE_MILLIS);
    if (unreachable != null) throw new IllegalArgumentException(unreachable);
    this.jsc = new JavaSparkContext(conf(this.master, application));
    this.owner = true;
    this.tasks = new AtomicLong();
    this.jobs = new AtomicLong();
    this.running = new ConcurrentHashMap<>();
    if (!LOCAL.matcher(this.master).matches()) {
      try {
        awaitExecutors();
      } catch (RuntimeException e) {
        jsc.stop();
        throw e;
      }
    }
    Map<String, Tracker> trackers = running;
    jsc.sc()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
                String group =
                    submitted.properties() == null
                        ? null
                        : submitted.properties().getProperty("spark.jobGroup.id");
                Tracker t = group == null ? null : trackers.get(group);
                if (t != null) t.stages.add(submitted.stageInfo().stageId());
              }

              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo() == null || !end.taskInfo().successful()) return;
                for (Tracker t : trackers.values()) {
                  if (t.stages.contains(end.stageId())) t.finished(end.taskInfo().partitionId());
                }
              }
            });
  }

  /**
   * On a cluster, waits until the executors have registered (those of {@code
   * spark.executor.instances} when it is set, else until their number has not changed for 2 s after
   * the first), at most {@code spark.scheduler.maxRegisteredResourcesWaitingTime} (30 s): before
   * that {@link #parallelism()} would be Spark's fallback of 2, and callers size their stages by
   * it. The first job would wait for executors anyway.
   */
  private void awaitExecutors() {
    SparkConf c = jsc.getConf();
    long now = System.currentTimeMillis();
    long deadline = now + c.getTimeAsMs("spark.scheduler.maxRegisteredResourcesWaitingTime", "30s");
    int expected = c.getInt("spark.executor.instances", 0);
    int last = -1;
    long since = now;
    while (now < deadline) {
      if (jsc.sc().isStopped()) {
        throw new IllegalArgumentException(
            "--master "
                + master
                + ": Spark stopped the application before any executor "
                + "joined (no master answered, or it refused the application; see Spark's messages above)");
      }
      int executors = jsc.sc().statusTracker().getExecutorInfos().length - 1; // less the driver
      if (expected > 0
          ? executors >= expected
          : executors > 0 && executors == last && now - since >= 2_000) return;
      if (executors != last) {
        last = executors;
        since = now;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      now = System.currentTimeMillis();
    }
  }

  /** How long the probe of a standalone master waits for each address to accept a connection. */
  static final int PROBE_MILLIS = 3_000;

  /**
   * For a standalone master ({@code spark://host:port[,host:port...]}), a message when none of its
   * addresses accepts a TCP connection, else null. Spark would otherwise retry for about a minute
   * and a half, printing a stack trace a time, before giving up.
   */
  static String unreachableMaster(String master, int timeoutMillis) {
    if (!master.startsWith("spark://")) return null;
    List<String> tried = new ArrayList<>();
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      String h = hostPort.strip();
      int slash = h.indexOf('/');
      if (slash >= 0) h = h.substring(0, slash);
      String host;
      int port = 7077;
      int colon = h.lastIndexOf(':');
      if (h.startsWith("[")) {
        int close = h.indexOf(']');
        if (close < 0)
          return "--master " + master + ": expected spark://HOST:PORT, got \"" + hostPort + "\"";
        host = h.substring(1, close);
        colon = h.indexOf(':', close);
      } else {
        host = colon >= 0 ? h.substring(0, colon) : h;
      }
      if (colon >= 0) {
        try {
          port = Integer.parseInt(h.substring(colon + 1));
        } catch (NumberFormatException e) {
          port = -1;
        }
      }
      if (host.isEmpty() || port < 1 || port > 65_535) {
        return "--master "
            + master
            + ": expected spark://HOST:PORT with a port in [1, 65535], got \""
            + hostPort
            + "\"";
      }
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress(host, port), timeoutMillis);
        return null;
      } catch (java.io.IOException | IllegalArgumentException | SecurityException e) {
        tried.add(
            host
                + ":"
                + port
                + " ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + ")");
      }
    }
    return "--master "
        + master
        + ": no Spark master answers at "
        + String.join(", ", tried)
        + "; start one (Spark's sbin/start-master.sh) or check the address";
  }

  private SparkEngine(SparkEngine shared, int blockReplications) {
    this.master = shared.master;
    this.block = blockReplications > 0 ? blockReplications : Engines.DEFAULT_BLOCK;
    this.jsc = shared.jsc;
    this.owner = false;
    this.tasks = shared.tasks;
    this.jobs = shared.jobs;
    this.running = shared.running;
  }

  /**
   * The same Spark application with tasks of another size (its {@link #close()} leaves the context
   * running).
   */
  SparkEngine withBlock(int blockReplications) {
    return new SparkEngine(this, blockReplications);
  }

  /**
   * Whether Spark logs with its own default profile (INFO): so under spark-submit on a Spark
   * without a log configuration of its own, where Spark's logging starts before our jar and its
   * log4j2.properties are seen. The engine then asks Spark for WARN ({@code spark.log.level}), as
   * with ./negotiate; a configuration the cluster chose is left alone.
   */
  static boolean sparkDefaultLogging() {
    try {
      // Spark's classes log through the logger context of their class loader (spark-submit loads
      // ours in a child).
      return org.apache.logging.log4j.LogManager.getContext(SparkConf.class.getClassLoader(), false)
              instanceof org.apache.logging.log4j.core.LoggerContext ctx
          && String.valueOf(ctx.getConfiguration().getConfigurationSource().getLocation())
              .endsWith("org/apache/spark/log4j2-defaults.properties");
    } catch (RuntimeException | LinkageError e) {
      return false; // another logging backend
    }
  }

  /** The master asked for, else spark-submit's {@code spark.master}, else {@code local[*]}. */
  static String effectiveMaster(String master) {
    if (master != null && !master.isBlank()) return master.trim();
    String submitted = System.getProperty("spark.master");
    return submitted != null && !submitted.isBlank() ? submitted.trim() : "local[*]";
  }

  /**
   * The master Spark is given: a local master gets {@link #MAX_FAILURES} attempts per task ({@code
   * local[2]} becomes {@code local[2,4]}; Spark's local mode otherwise never retries).
   */
  static String withRetries(String master) {
    Matcher m = LOCAL.matcher(master);
    if (!m.matches() || m.group(2) != null) return master;
    String threads = m.group(1) == null ? "1" : m.group(1);
    return "local[" + threads + "," + MAX_FAILURES + "]";
  }

  static boolean loopback(String master) {
    if (LOCAL.matcher(master).matches()) return true;
    Matcher m =
        Pattern.compile("spark://(?:[^,/]*,)*\\[?(127\\.0\\.0\\.1|localhost|::1)\\]?(:\\d+)?(,.*)?")
            .matcher(master);
    return m.matches();
  }

  static SparkConf conf(String master, String application) {
    SparkConf conf = new SparkConf(true); // spark.* system properties (spark-submit's) first
    conf.setMaster(withRetries(master));
    conf.setAppName(application == null || application.isBlank() ? "negotiate" : application);
    conf.setIfMissing("spark.ui.enabled", "false");
    if (sparkDefaultLogging()) conf.setIfMissing("spark.log.level", "WARN");
    conf.setIfMissing("spark.task.maxFailures", String.valueOf(MAX_FAILURES));
    // Every block's counts and outcome records are merged on the driver, as the local engine keeps
    // them (and the odds command's memory check bounds them): no cap below the heap.
    conf.setIfMissing("spark.driver.maxResultSize", "0");
    if (loopback(master)) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    // Outside spark-submit (plain java -cp), executors of a real cluster get our classes from the
    // job jar.
    if (!conf.contains("spark.jars") && !LOCAL.matcher(master).matches()) {
      String jar = jobJar();
      if (jar != null) conf.set("spark.jars", jar);
    }
    return conf;
  }

  /** The jar holding this class (negotiate-spark.jar), or null when run from a classes folder. */
  static String jobJar() {
    try {
      CodeSource source = SparkEngine.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) return null;
      File f = new File(source.getLocation().toURI());
      return f.isFile() && f.getName().endsWith(".jar") ? f.getAbsolutePath() : null;
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public String master() {
    return master;
  }

  @Override
  public int parallelism() {
    return jsc.defaultParallelism();
  }

  @Override
  public boolean distributed() {
    return true;
  }

  @Override
  public int blockReplications() {
    return block;
  }

  /** Spark tasks this engine has submitted (partitions; retries not counted). */
  public long tasks() {
    return tasks.get();
  }

  /**
   * Consecutive indices one task runs: enough for {@code block} replications, at least one, and no
   * more than leaves every one of {@code workers} a task.
   */
  static int indicesPerTask(int n, long replicationsEach, int block, int workers) {
    long each = Math.max(1, replicationsEach);
    long per = (block + each - 1) / each;
    long spread = (Math.max(1, n) + Math.max(1, workers) - 1) / Math.max(1, workers);
    return (int) Math.max(1, Math.min(spread, per));
  }

  @Override
  public <T extends Serializable> List<T> map(
      int n, long replicationsEach, Task<T> task, Progress progress) throws InterruptedException {
    if (n <= 0) return List.of();
    int per = indicesPerTask(n, replicationsEach, block, parallelism());
    int slices = (n + per - 1) / per;
    List<Integer> starts = new ArrayList<>(slices);
    for (int s = 0; s < slices; s++) starts.add(s * per);
    String group =
        "negotiate-"
            + Long.toHexString(System.identityHashCode(jsc))
            + "-"
            + jobs.incrementAndGet();
    Tracker tracker = new Tracker(n, per, progress);
    running.put(group, tracker);
    tasks.addAndGet(slices);
    Broadcast<Task<T>> shipped = null;
    JavaFutureAction<List<ArrayList<T>>> job = null;
    try {
      if (jsc.sc().isStopped()) throw stopped(null);
      // The task (with what it captures: the scenario, a design's every point) goes to each
      // executor
      // once, as a broadcast, instead of with every Spark task.
      shipped = jsc.broadcast(task);
      synchronized (jsc) {
        jsc.setJobGroup(group, "negotiate: " + n + " pieces in " + slices + " tasks", true);
        try {
          job =
              jsc.parallelize(starts, slices).map(new RunIndices<>(shipped, per, n)).collectAsync();
        } finally {
          jsc.clearJobGroup();
        }
      }
      List<ArrayList<T>> parts = job.get();
      List<T> out = new ArrayList<>(n);
      for (ArrayList<T> part : parts) out.addAll(part);
      if (out.size() != n)
        throw new IllegalStateException(
            "Spark returned " + out.size() + " results for " + n + " pieces");
      tracker.end(true);
      return out;
    } catch (InterruptedException e) {
      if (job != null) job.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (jsc.sc().isStopped()) throw stopped(e);
      throw failure(e.getCause() == null ? e : e.getCause());
    } catch (IllegalStateException e) {
      if (jsc.sc().isStopped())
        throw stopped(e); // Spark refuses new work once its context is stopped
      throw e;
    } finally {
      running.remove(group);
      tracker.end(false);
      if (shipped != null && !jsc.sc().isStopped()) shipped.unpersist(false);
    }
  }

  /**
   * The task's own exception when Spark sent it back (Spark wraps it in a SparkException whose
   * cause it is): a RuntimeException or Error as itself, a checked one wrapped; otherwise what
   * Spark says (a lost executor too often, a result that could not be read).
   */
  static RuntimeException failure(Throwable sparkError) {
    Throwable cause = sparkError.getCause();
    if (cause instanceof RuntimeException re) return re;
    if (cause instanceof Error err) throw err;
    if (cause != null) return new IllegalStateException("a Spark task failed: " + cause, cause);
    if (sparkError instanceof RuntimeException re
        && !"org.apache.spark.SparkException".equals(re.getClass().getName())) return re;
    String message = String.valueOf(sparkError.getMessage());
    int eol = message.indexOf('\n');
    return new EngineFailure(
        "the Spark job failed: " + (eol < 0 ? message : message.substring(0, eol)), sparkError);
  }

  private EngineFailure stopped(Exception cause) {
    return new EngineFailure(
        "Spark stopped the application on "
            + master
            + " (the master went away or killed it; see Spark's messages above)",
        cause);
  }

  @Override
  public void close() {
    if (owner) jsc.stop();
  }

  /** Runs indices {@code start .. start+per-1} (fewer at the end) in an executor. */
  static final class RunIndices<T extends Serializable> implements Function<Integer, ArrayList<T>> {
    private final Broadcast<Task<T>> task;
    private final int per;
    private final int n;

    RunIndices(Broadcast<Task<T>> task, int per, int n) {
      this.task = task;
      this.per = per;
      this.n = n;
    }

    @Override
    public ArrayList<T> call(Integer start) throws Exception {
      int end = (int) Math.min(n, (long) start + per);
      ArrayList<T> out = new ArrayList<>(end - start);
      Task<T> run =
          task.value(); // one instance per executor, shared by its threads, as the local engine's
      // threads share it
      for (int i = start; i < end; i++) {
        if (Thread.currentThread().isInterrupted())
          throw new InterruptedException("Spark task cancelled");
        out.add(run.run(i));
      }
      return out;
    }
  }

  /** Pieces done so far in one job, from the tasks that finished (each partition once). */
  private static final class Tracker {
    final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final Set<Integer> partitions = ConcurrentHashMap.newKeySet();
    private final int n;
    private final int per;
    private final Progress progress;
    private long done;
    private boolean ended;

    Tracker(int n, int per, Progress progress) {
      this.n = n;
      this.per = per;
      this.progress = progress;
    }

    /** Called from Spark's listener thread, in the order tasks ended. */
    synchronized void finished(int partition) {
      if (ended || !partitions.add(partition)) return;
      done += Math.min(n, (long) (partition + 1) * per) - (long) partition * per;
      if (progress != null && done < n) progress.done(done);
    }

    /**
     * No more reports after this (the listener runs behind the job); all pieces when it succeeded.
     */
    synchronized void end(boolean succeeded) {
      if (ended) return;
      ended = true;
      if (succeeded && progress != null) progress.done(n);
    }
  }
}
