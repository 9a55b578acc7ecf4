package org.negotiate.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.cli.Main;

/**
 * Issue 18 item 12: a standalone master nobody listens on ({@code spark://127.0.0.1:1}) is a bad
 * input found before Spark starts: exit 2, one clear line, no Spark stack trace (Spark itself
 * retried for 1 min 40 s and printed 124 lines), nothing written.
 */
class UnreachableMasterTest {
  @TempDir Path tmp;

  @Test
  void anUnreachableMasterExitsTwoAtOnceWithOneLineAndWritesNothing() throws Exception {
    Path out = tmp.resolve("out");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    long t0 = System.nanoTime();
    int exit =
        Main.execute(
            new String[] {
              "odds",
              "scenarios/baseline.yaml",
              "--engine",
              "spark",
              "--master",
              "spark://127.0.0.1:1",
              "--runs",
              "50",
              "--quiet",
              "--out",
              out.toString()
            },
            new PrintWriter(o, true),
            new PrintWriter(e, true));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    String err = e.toString();
    assertEquals(2, exit, err);
    assertTrue(o.toString().isEmpty(), o.toString());
    assertTrue(err.lines().count() <= 2, err);
    assertTrue(
        err.contains("--master spark://127.0.0.1:1: no Spark master answers at 127.0.0.1:1"), err);
    assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
    assertTrue(millis < 20_000, millis + " ms");
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void theProbeFindsAListeningMasterAndRejectsBadPorts() throws Exception {
    try (ServerSocket listening =
        new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = listening.getLocalPort();
      assertNull(SparkEngine.unreachableMaster("spark://127.0.0.1:" + port, 1_000));
      // high availability: the first of two addresses is down, the second answers
      assertNull(SparkEngine.unreachableMaster("spark://127.0.0.1:1,127.0.0.1:" + port, 1_000));
    }
    assertNull(SparkEngine.unreachableMaster("local[2]", 1_000));
    assertTrue(
        SparkEngine.unreachableMaster("spark://127.0.0.1:0", 1_000)
            .contains("a port in [1, 65535]"));
    assertTrue(
        SparkEngine.unreachableMaster("spark://127.0.0.1:x", 1_000)
            .contains("a port in [1, 65535]"));
  }
}
