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

  /**
   * The callback of a Monte Carlo run for {@code bar}, whose max is the run's guide: replications
   * done, the max raised when a run needs more than the guide said (a precision can). A run
   * conditioned on observations counts its tries, whose number only its acceptance tells: after
   * each stage the max becomes the tries that keeping {@code target} needs at the acceptance so far
   * (at most {@code cap}, where the run gives up), so the bar does not sit at 100% while most tries
   * are still to come.
   */
  static org.negotiate.experiment.Progress of(ProgressBar bar, long target, long cap) {
    return new org.negotiate.experiment.Progress() {
      @Override
      public void done(long count) {
        synchronized (bar) {
          if (count > bar.getMax()) bar.maxHint(count);
        }
        stepTo(bar, count);
      }

      @Override
      public void kept(long kept, long tried) {
        if (kept >= target) return;
        // none kept yet: the run's next stage tries ten times as many
        double need = kept == 0 ? 11.0 * tried : Math.ceil((double) tried * target / kept);
        synchronized (bar) {
          bar.maxHint((long) Math.max(tried, Math.min(cap, need)));
        }
      }
    };
  }

  /** Called from worker threads. */
  static void stepTo(ProgressBar bar, long done) {
    synchronized (bar) {
      if (done > bar.getCurrent()) bar.stepTo(done);
    }
  }
}
