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

  /**
   * A conditioned run's bar counts tries: after each stage its max becomes the tries that keeping
   * the target needs at the acceptance so far, within what the run will try at most.
   */
  @Test
  void aConditionedRunsBarIsSizedFromItsAcceptance() {
    PrintStream err = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try (ProgressBar bar = Progress.bar("replications tried (2000 to keep)", 2000)) {
      org.negotiate.experiment.Progress p = Progress.of(bar, 2000, 400_000);
      p.done(2000);
      p.kept(0, 2000); // none kept yet: the next stage tries ten times as many
      assertEquals(22_000, bar.getMax());
      p.done(22_000);
      p.kept(100, 22_000); // 100 of 22,000 kept: 440,000 needed, more than the run will try
      assertEquals(400_000, bar.getMax());
      p.kept(1_000, 30_000);
      assertEquals(60_000, bar.getMax());
      p.done(61_000); // past the estimate: the max follows the tries
      assertEquals(61_000, bar.getMax());
      p.kept(2_000, 61_000); // done: left as it is
      assertEquals(61_000, bar.getMax());
    } finally {
      System.setErr(err);
    }
  }
}
