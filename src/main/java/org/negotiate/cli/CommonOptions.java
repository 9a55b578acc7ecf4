package org.negotiate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options several commands share, each declared once: a command mixes in the ones it takes
 * ({@link RunOptions} mixes in all four for the Monte Carlo commands).
 */
final class CommonOptions {
  private CommonOptions() {}

  /** {@code --runs N}. */
  static final class Runs {
    @Option(
        names = "--runs",
        paramLabel = "N",
        description =
            "Replications (per point, for commands that run several; default: the scenario's or the command's).")
    Integer runs;

    int replications(int fallback) {
      return replications(fallback, CommandInputs.MAX_REPLICATIONS);
    }

    int replications(int fallback, int max) {
      return CommandInputs.inRange("--runs", runs, fallback, 1, max);
    }
  }

  /** {@code --rounds R}. */
  static final class Rounds {
    @Option(
        names = "--rounds",
        paramLabel = "R",
        description =
            "Rounds, one per month (default: the scenario's experiment.rounds). Given, a run lasts exactly R rounds (forecast: at most R).")
    Integer rounds;

    int rounds(int fallback) {
      return CommandInputs.inRange("--rounds", rounds, fallback, 1, CommandInputs.MAX_ROUNDS);
    }

    /** An explicit --rounds runs exactly that many: protocols' own stopping rules are off. */
    boolean exact() {
      return rounds != null;
    }
  }

  /** {@code --seed S}. */
  static final class Seed {
    @Option(
        names = "--seed",
        paramLabel = "S",
        converter = SeedConverter.class,
        description = "Base seed (default: the scenario's experiment.seed).")
    Long seed;

    long seed(long fallback) {
      return seed != null ? seed : fallback;
    }

    boolean given() {
      return seed != null;
    }
  }

  /** {@code --out DIR}. */
  static final class Out {
    @Option(
        names = "--out",
        paramLabel = "DIR",
        defaultValue = "results",
        description = "Results root (default: ${DEFAULT-VALUE}).")
    Path out;

    Path root() {
      return CommandInputs.outputRoot(out);
    }
  }

  /** {@code --month YYYY-MM}, or {@code --round N} for an actor table (it has no dates). */
  static final class Month {
    @Option(
        names = "--month",
        paramLabel = "YYYY-MM",
        description =
            "A deal counts when signed by the end of this month, in the summary line, the manifest's summary "
                + "and the analysis (default: the final month). odds.csv, compare.csv and sweep.csv also hold the final month.")
    String month;

    @Option(
        names = "--round",
        paramLabel = "N",
        description =
            "For an actor table, which has no dates and counts rounds: a deal counts when signed by the end of "
                + "round N (0 is the first; default: the last), as --month does for a dated scenario.")
    Integer round;

    /** The round by whose end a deal counts. */
    int round(org.negotiate.scenario.Scenario s, int rounds) {
      return Explore.round(s, month, round, rounds);
    }
  }
}
