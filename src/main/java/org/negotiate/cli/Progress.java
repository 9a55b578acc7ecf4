package org.negotiate.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr; plain lines, once a second, when there is no console (CI, pipes). */
final class Progress {
  private Progress() {}

  static ProgressBar bar(String task, long max) {
    ProgressBarBuilder b =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(max)
            .setStyle(ProgressBarStyle.ASCII);
    if (System.console() == null) {
      b.setConsumer(new DelegatingProgressBarConsumer(new NewProgressOnly(System.err)::print, 100))
          .setUpdateIntervalMillis(1000);
    } else {
      b.setConsumer(new ConsoleProgressBarConsumer(System.err));
    }
    return b.build();
  }

  /**
   * Prints a plain progress line only when the progress has moved: the bar also redraws on close,
   * and a log (CI, a pipe) would otherwise end with the same 100% line twice. The elapsed and
   * remaining times in brackets do not count as a move.
   */
  static final class NewProgressOnly {
    private final java.io.PrintStream out;
    private String last;

    NewProgressOnly(java.io.PrintStream out) {
      this.out = out;
    }

    synchronized void print(String line) {
      int times = line.lastIndexOf(" (");
      String progress = times < 0 ? line : line.substring(0, times);
      if (progress.equals(last)) return;
      last = progress;
      out.println(line);
    }
  }

  /** Called from worker threads. */
  static void stepTo(ProgressBar bar, long done) {
    synchronized (bar) {
      if (done > bar.getCurrent()) bar.stepTo(done);
    }
  }
}
