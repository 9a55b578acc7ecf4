package org.negotiate.cli;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every Monte Carlo command takes, resolved against the scenario's experiment defaults
 * one way.
 */
final class RunOptions {
  @Mixin CommonOptions.Runs runs;
  @Mixin CommonOptions.Rounds rounds;
  @Mixin CommonOptions.Seed seed;
  @Mixin CommonOptions.Out out;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  int replications(int fallback) {
    return runs.replications(fallback);
  }

  int rounds(int fallback) {
    return rounds.rounds(fallback);
  }

  /** An explicit --rounds runs exactly that many: protocols' own stopping rules are off. */
  boolean exactRounds() {
    return rounds.exact();
  }

  int threads() {
    return CommandInputs.inRange(
        "--threads", threads, Runtime.getRuntime().availableProcessors(), 1, 1024);
  }

  long seed(long fallback) {
    return seed.seed(fallback);
  }

  java.nio.file.Path outputRoot() {
    return out.root();
  }

  /** A progress bar on stderr, or null with --quiet. */
  ProgressBar progress(String task, long max) {
    return quiet ? null : Progress.bar(task, max);
  }
}
