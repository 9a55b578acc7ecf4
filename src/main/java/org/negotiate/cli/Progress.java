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
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII);
    if (System.console() == null) {
      b.setConsumer(new DelegatingProgressBarConsumer(System.err::println, 100)).setUpdateIntervalMillis(1000);
    } else {
      b.setConsumer(new ConsoleProgressBarConsumer(System.err));
    }
    return b.build();
  }

  /** Called from worker threads. */
  static void stepTo(ProgressBar bar, long done) {
    synchronized (bar) {
      if (done > bar.getCurrent()) bar.stepTo(done);
    }
  }
}
