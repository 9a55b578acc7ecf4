package org.negotiate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --resume DIR} for the experiments that journal their progress (odds, sweep, sensitivity).
 */
final class ResumeOption {
  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description = {
        "Finish a run that was stopped hard (kill -9, a crash, a lost machine): DIR is its unfinished "
            + "folder, results/<folder>/.incomplete-<run-id>-<n>. Give the same command, scenario and settings "
            + "(--threads and --engine may differ); what it had journalled is kept, the rest is run, and the "
            + "results are byte-identical to an uninterrupted run's. A folder still being written is refused."
      })
  Path resume;
}
