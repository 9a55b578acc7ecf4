package org.negotiate.experiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** This machine's cores: a fixed pool of threads taking the next index as each finishes. */
public final class LocalEngine implements Engine {
  private final int threads;
  private final AtomicLong tasks = new AtomicLong();

  public LocalEngine(int threads) {
    this.threads = Math.max(1, threads);
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public String master() {
    return null;
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public boolean distributed() {
    return false;
  }

  @Override
  public int blockReplications() {
    return 0;
  }

  @Override
  public <T extends Serializable> List<T> map(
      int n, long replicationsEach, Task<T> task, Progress progress) throws InterruptedException {
    tasks.addAndGet(n);
    return run(n, threads, task::run, progress);
  }

  @Override
  public long tasks() {
    return tasks.get();
  }

  /** A piece of work that need not be serializable (it never leaves this JVM). */
  @FunctionalInterface
  public interface LocalTask<T> {
    T run(int index) throws Exception;
  }

  /**
   * Runs {@code task} for indices {@code 0 .. n-1} on {@code threads} threads and returns the
   * results in index order; the first failure detected is rethrown.
   */
  public static <T> List<T> run(int n, int threads, LocalTask<T> task, Progress progress)
      throws InterruptedException {
    Object[] results = new Object[n];
    AtomicInteger next = new AtomicInteger();
    AtomicLong done = new AtomicLong();
    int t = Math.max(1, Math.min(threads, n));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            t,
            r -> {
              Thread th = new Thread(r, "experiment-pieces");
              th.setDaemon(true);
              return th;
            });
    List<Future<Void>> workers = new ArrayList<>();
    try {
      for (int w = 0; w < t; w++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < n; ) {
                    if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                    results[i] = task.run(i);
                    long d = done.incrementAndGet();
                    if (progress != null) progress.done(d);
                  }
                  return null;
                }));
      }
      for (Future<Void> f : workers) f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException ie) throw ie;
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
    return LocalEngine.inOrder(results);
  }

  @Override
  public void close() {}

  /** Results held by index, as a list in index order. */
  static <T> List<T> inOrder(Object[] results) {
    List<T> out = new ArrayList<>(results.length);
    for (Object o : results) {
      @SuppressWarnings("unchecked")
      T v = (T) o;
      out.add(v);
    }
    return out;
  }
}
