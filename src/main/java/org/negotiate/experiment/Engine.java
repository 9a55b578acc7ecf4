package org.negotiate.experiment;

import java.io.Serializable;
import java.util.List;

/**
 * Where the independent pieces of an experiment run: this machine's cores ({@link LocalEngine}) or
 * a cluster (the Spark engine of the {@code negotiate-spark} job jar, found through {@link
 * EngineProvider}). A piece is named by its index; what it computes depends only on that index (its
 * replications' seeds derive from the index), so results never depend on the engine, the number of
 * workers or a task retried after a worker died.
 */
public interface Engine extends AutoCloseable {
  /**
   * One piece of work. Serializable so a cluster can ship it with what it captures (the scenario,
   * the options): capture values, never open files or the engine.
   */
  @FunctionalInterface
  interface Task<T> extends Serializable {
    T run(int index) throws Exception;
  }

  /** {@code local} or {@code spark}. */
  String name();

  /** The cluster's master URL, or null for the local engine. */
  String master();

  /** Tasks that run at once (cores of the machine or of the cluster's executors). */
  int parallelism();

  /**
   * Whether pieces leave this JVM (serialized to other processes): callers then group replications
   * into blocks of {@link #blockReplications()} instead of sharing per-thread accumulators.
   */
  boolean distributed();

  /** Replications a distributed task runs at least (its block); ignored by the local engine. */
  int blockReplications();

  /**
   * Runs {@code task} for indices {@code 0 .. n-1} and returns the results in index order. A
   * distributed engine groups consecutive indices into tasks of about {@link #blockReplications()}
   * replications, {@code replicationsEach} being the replications one index runs, but never so few
   * tasks that a worker has none while there are indices to spare. The first failure is rethrown (a
   * {@link RuntimeException} as itself).
   */
  <T extends Serializable> List<T> map(
      int n, long replicationsEach, Task<T> task, Progress progress) throws InterruptedException;

  /** Tasks this engine has run so far (for the manifest: how the work was split). */
  long tasks();

  /** Stops the engine's workers (a cluster engine ends its application). */
  @Override
  void close();
}
