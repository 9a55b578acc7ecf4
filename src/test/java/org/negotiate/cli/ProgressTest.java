package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void withoutAConsoleTheLastProgressLineIsPrintedOnce() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      try (ProgressBar bar = Progress.bar("replications", 500)) {
        Progress.stepTo(bar, 250);
        Progress.stepTo(bar, 500);
        Thread.sleep(
            1500); // the bar's own refresh (once a second) draws 100% before close draws it again
      }
    } finally {
      System.setErr(err);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(
        1, Arrays.stream(lines).filter(l -> l.contains("100%")).count(), String.join("\n", lines));
  }

  @Test
  void aLineIsPrintedWhenTheProgressMovesNotWhenOnlyTheClockDoes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress.NewProgressOnly p =
        new Progress.NewProgressOnly(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    p.print("replications  50% [=====     ] 250/500 (0:00:01 / 0:00:01)");
    p.print("replications  50% [=====     ] 250/500 (0:00:02 / 0:00:02)");
    p.print("replications 100% [==========] 500/500 (0:00:03 / 0:00:00)");
    p.print("replications 100% [==========] 500/500 (0:00:03 / 0:00:00)");
    assertEquals(2, bytes.toString(StandardCharsets.UTF_8).split("\n").length);
  }
}
