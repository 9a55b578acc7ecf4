package org.negotiate.cli;

import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Option;

/** The options every Monte Carlo command takes, resolved against the scenario's experiment defaults one way. */
final class RunOptions {
  @Option(names = "--runs", paramLabel = "N",
      description = "Replications (per point, for commands that run several; default: the scenario's or the command's).")
  Integer runs;

  @Option(names = "--rounds", paramLabel = "R",
      description = "Rounds, one per month (default: the scenario's experiment.rounds). Given, a run lasts exactly R rounds.")
  Integer rounds;

  @Option(names = "--seed", paramLabel = "S", converter = SeedConverter.class, description = "Base seed (default: the scenario's experiment.seed).")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Results root (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  int replications(int fallback) {
    return Inputs.inRange("--runs", runs, fallback, 1, Inputs.MAX_REPLICATIONS);
  }

  int rounds(int fallback) {
    return Inputs.inRange("--rounds", rounds, fallback, 1, Inputs.MAX_ROUNDS);
  }

  /** An explicit --rounds runs exactly that many: protocols' own stopping rules are off. */
  boolean exactRounds() {
    return rounds != null;
  }

  int threads() {
    return Inputs.inRange("--threads", threads, Runtime.getRuntime().availableProcessors(), 1, 1024);
  }

  long seed(long fallback) {
    return seed != null ? seed : fallback;
  }

  Path outputRoot() {
    return Inputs.outputRoot(out);
  }

  /** A progress bar on stderr, or null with --quiet. */
  ProgressBar progress(String task, long max) {
    return quiet ? null : Progress.bar(task, max);
  }
}
