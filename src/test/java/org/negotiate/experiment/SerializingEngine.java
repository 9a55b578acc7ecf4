package org.negotiate.experiment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a cluster in unit tests: every task and every result goes through Java
 * serialization (as Spark ships them), tasks run in a shuffled order, and chosen tasks die on their
 * first attempt and are retried (as Spark retries a task whose executor was lost).
 */
class SerializingEngine implements Engine {
  private final int parallelism;
  private final int block;
  private final long shuffleSeed;
  private final int failEvery;
  final AtomicLong tasks = new AtomicLong();
  final AtomicInteger retried = new AtomicInteger();

  /**
   * @param failEvery every failEvery-th task (in the shuffled order) dies once; 0: none
   */
  SerializingEngine(int parallelism, int block, long shuffleSeed, int failEvery) {
    this.parallelism = parallelism;
    this.block = block;
    this.shuffleSeed = shuffleSeed;
    this.failEvery = failEvery;
  }

  @Override
  public String name() {
    return "serializing";
  }

  @Override
  public String master() {
    return "test";
  }

  @Override
  public int parallelism() {
    return parallelism;
  }

  @Override
  public boolean distributed() {
    return true;
  }

  @Override
  public int blockReplications() {
    return block;
  }

  @Override
  public long tasks() {
    return tasks.get();
  }

  @Override
  public <T extends Serializable> List<T> map(
      int n, long replicationsEach, Task<T> task, Progress progress) throws InterruptedException {
    long wanted = (block + Math.max(1, replicationsEach) - 1) / Math.max(1, replicationsEach);
    int perTask =
        (int) Math.max(1, Math.min(wanted, (Math.max(1, n) + parallelism - 1) / parallelism));
    List<int[]> slices = new ArrayList<>();
    for (int from = 0; from < n; from += perTask)
      slices.add(new int[] {from, Math.min(n, from + perTask)});
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < slices.size(); i++) order.add(i);
    Collections.shuffle(order, new Random(shuffleSeed + n));
    byte[] shipped;
    try {
      shipped = bytes(task);
    } catch (IOException e) {
      throw new IllegalStateException("a task must be serializable: " + e, e);
    }
    Object[] results = new Object[n];
    AtomicLong done = new AtomicLong();
    List<Integer> sliceOrder = List.copyOf(order);
    List<Object> collected =
        LocalEngine.run(
            sliceOrder.size(),
            parallelism,
            j -> {
              int s = sliceOrder.get(j);
              tasks.incrementAndGet();
              boolean dies = failEvery > 0 && j % failEvery == failEvery - 1;
              if (dies) {
                retried.incrementAndGet();
                // the first attempt runs part of its slice and is lost with its worker
                @SuppressWarnings("unchecked")
                Task<T> lost = (Task<T>) object(shipped);
                lost.run(slices.get(s)[0]);
              }
              @SuppressWarnings("unchecked")
              Task<T> remote = (Task<T>) object(shipped);
              ArrayList<T> out = new ArrayList<>();
              for (int i = slices.get(s)[0]; i < slices.get(s)[1]; i++) out.add(remote.run(i));
              return object(bytes(out));
            },
            null);
    for (int j = 0; j < sliceOrder.size(); j++) {
      int[] slice = slices.get(sliceOrder.get(j));
      List<?> out = (List<?>) collected.get(j);
      for (int i = slice[0]; i < slice[1]; i++) results[i] = out.get(i - slice[0]);
      long d = done.addAndGet(slice[1] - slice[0]);
      if (progress != null) progress.done(d);
    }
    return LocalEngine.inOrder(results);
  }

  static byte[] bytes(Object o) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(b)) {
      out.writeObject(o);
    }
    return b.toByteArray();
  }

  static Object object(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  @Override
  public void close() {}
}
