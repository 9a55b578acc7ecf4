package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 1, the rest: run, forecast, bench and gui (and odds, whose check now counts each
 * worker's model) estimate their memory before they start and refuse, with exit 2 and the numbers,
 * what the heap cannot hold. Before, one replication of a 250 x 50 table died with OutOfMemoryError
 * (exit 1, "internal error") under a 160 MB heap. Each command runs in a JVM of its own with a 96
 * MB heap, as {@code NEGOTIATE_JAVA_OPTS=-Xmx96m ./negotiate ...} would.
 */
@Tag(
    "long") // the long suite (mvn -B verify -Plong): each command in a JVM of its own under a small
// heap, ~60 s
class MemoryEstimateCliTest {
  @TempDir Path tmp;

  @Test
  void everyCommandRefusesATableItsHeapCannotHoldBeforeItStarts() throws Exception {
    Path table = largestTable(tmp.resolve("large.csv"));
    Path out = tmp.resolve("out");
    String t = table.toString();
    String o = out.toString();
    List<List<String>> commands =
        List.of(
            List.of("run", "--table", t, "--out", o),
            List.of("run", "--table", t, "--protocol", "eum", "--out", o),
            List.of("forecast", "--table", t, "--runs", "10", "--out", o),
            List.of("bench", "--table", t, "--runs", "10", "--warmup", "0", "--parallel-only"),
            List.of("gui", "--table", t),
            List.of(
                "odds", "--table", t, "--protocol", "eum", "--runs", "1", "--quiet", "--out", o));
    for (List<String> command : commands) {
      Result r = inSmallHeap(command);
      String what = command + " ->\n" + r.err;
      assertEquals(2, r.exit, what);
      assertTrue(
          r.err.contains("need about") && r.err.contains("of memory; the Java heap has"), what);
      assertTrue(r.err.matches("(?s).*\\d+(\\.\\d)? (MB|GB) of memory.*"), "the numbers: " + what);
      assertFalse(
          r.err.contains("OutOfMemoryError")
              || r.err.contains("internal error")
              || r.err.contains("\tat "),
          what);
      assertFalse(r.out.contains("replications/s"), "nothing ran: " + r.out);
    }
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void benchCountsEveryWorkersModel() {
    // 1024 workers of a 250 x 50 expected utility model are about 200 GB whatever the heap
    CliTest.Run r =
        CliTest.cli(
            "bench",
            "--synthetic",
            "250x50",
            "--threads",
            "1024",
            "--runs",
            "2000",
            "--warmup",
            "0");
    assertEquals(2, r.exit(), r.err());
    assertTrue(
        r.err().contains("on 1024 threads need about") && r.err().contains(" GB of memory"),
        r.err());
  }

  /** A KTAB table of the largest legal size: 250 actors, 50 dimensions. */
  static Path largestTable(Path file) throws IOException {
    int actors = 250;
    int dims = 50;
    StringBuilder b =
        new StringBuilder(
            "Largest,the largest legal table,"
                + actors
                + ","
                + dims
                + "\nActor,Description,Influence");
    for (int d = 0; d < dims; d++) b.append(",P").append(d).append(",S").append(d);
    b.append('\n');
    for (int i = 0; i < actors; i++) {
      b.append("A").append(i).append(",actor ").append(i).append(',').append(1 + i % 97);
      for (int d = 0; d < dims; d++) b.append(',').append((i * 37 + d * 11) % 101).append(",1");
      b.append('\n');
    }
    return Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  record Result(int exit, String out, String err) {}

  private Result inSmallHeap(List<String> args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(args);
    Path o = Files.createTempFile(tmp, "out", ".txt");
    Path e = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          String.join(" ", args).toLowerCase(Locale.ROOT) + " did not finish in 120 s");
    }
    return new Result(p.exitValue(), Files.readString(o), Files.readString(e));
  }
}
