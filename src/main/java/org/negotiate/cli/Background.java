package org.negotiate.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The independent parts of a command's output (tables, charts, analyses) computed at once on a few
 * threads, so that on several cores the user does not wait for them one after another. Each part
 * writes its own files and returns its result; the caller takes the results in a fixed order, so
 * what is written is the same whatever the thread count. With one thread every part runs in the
 * caller when it is submitted; with more, a part whose result is asked for before a pool thread
 * took it runs in the caller then.
 */
final class Background implements AutoCloseable {
  /** A part's result, or its failure as thrown. */
  interface Part<T> {
    T get() throws Exception;
  }

  private final ExecutorService pool;

  private Background(ExecutorService pool) {
    this.pool = pool;
  }

  static Background of(int threads) {
    if (threads <= 1) return new Background(null);
    return new Background(
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "output");
              t.setDaemon(true);
              return t;
            }));
  }

  <T> Part<T> submit(Callable<T> work) throws Exception {
    if (pool == null) {
      T value = work.call();
      return () -> value;
    }
    java.util.concurrent.FutureTask<T> f = new java.util.concurrent.FutureTask<>(work);
    pool.execute(f);
    return () -> {
      // a part no pool thread has started yet is run by the caller, who needs it now: waiting
      // behind the parts queued before it would idle this thread (run() does nothing once started)
      f.run();
      try {
        return f.get();
      } catch (ExecutionException e) {
        // the part's own exception, as if it had run in the caller
        if (e.getCause() instanceof Exception x) throw x;
        if (e.getCause() instanceof Error x) throw x;
        throw e;
      }
    };
  }

  /**
   * Stops the parts still running (after a failure of another) and waits for them: a part that went
   * on drawing after the command gave up could write into, or recreate, the result folder the
   * command is deleting.
   */
  @Override
  public void close() {
    if (pool == null) return;
    pool.shutdownNow();
    boolean interrupted = false;
    long until =
        System.nanoTime()
            + TimeUnit.MINUTES.toNanos(1); // a part stuck longer: give up rather than hang
    while (!pool.isTerminated() && System.nanoTime() < until) {
      try {
        pool.awaitTermination(until - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true; // still wait: the folder must not be written after this returns
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
