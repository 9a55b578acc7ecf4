package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Output parts: a part no pool thread has started is run by the thread that asks for it. */
class BackgroundTest {
  @Test
  void aPartNotYetStartedRunsInTheThreadThatNeedsIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(2);
    try (Background parts = Background.of(2)) {
      // both pool threads held until the test lets them go
      Background.Part<String> first = parts.submit(() -> hold(busy, release));
      Background.Part<String> second = parts.submit(() -> hold(busy, release));
      busy.await(10, TimeUnit.SECONDS);
      Background.Part<String> queued = parts.submit(() -> Thread.currentThread().getName());
      Background.Part<Void> failing =
          parts.submit(
              () -> {
                throw new IOException("disk full");
              });
      // taken now, while every pool thread is still busy: it runs here rather than waiting
      assertEquals(Thread.currentThread().getName(), queued.get());
      IOException e = assertThrows(IOException.class, failing::get);
      assertEquals("disk full", e.getMessage());
      release.countDown();
      assertEquals("output", first.get());
      assertEquals("output", second.get());
      // asked again, a part gives the result it already has
      assertSame(queued.get(), queued.get());
    }
  }

  private static String hold(CountDownLatch busy, CountDownLatch release)
      throws InterruptedException {
    busy.countDown();
    release.await(10, TimeUnit.SECONDS);
    return Thread.currentThread().getName();
  }
}
