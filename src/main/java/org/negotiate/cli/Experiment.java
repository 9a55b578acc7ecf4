package org.negotiate.cli;

import java.nio.file.Path;
import java.time.Instant;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One experiment as the option mixins ({@link ScenarioOptions}, {@link RunOptions}) resolve it: the
 * scenario with its overrides and as-of cut, its protocol, and the replications, rounds, seed and
 * threads against the scenario's experiment defaults. A command builds it first, so every option is
 * checked before anything runs.
 */
record Experiment(
    String command,
    ScenarioOptions source,
    RunOptions run,
    Scenario scenario,
    Protocol protocol,
    Resolved text,
    int replications,
    int rounds,
    long seed,
    int threads,
    Instant started) {

  /**
   * {@code defaultRuns}: the command's own default, or null for the scenario's
   * experiment.replications.
   */
  static Experiment of(String command, ScenarioOptions so, RunOptions run, Integer defaultRuns)
      throws ScenarioException {
    Instant started = Instant.now();
    Scenario s = CommandInputs.scenario(so);
    Protocol protocol = CommandInputs.protocol(s);
    int n = run.replications(defaultRuns != null ? defaultRuns : s.experiment().replications());
    int r = run.rounds(s.experiment().rounds());
    int t = run.threads();
    long base = run.seed(s.experiment().seed());
    return new Experiment(command, so, run, s, protocol, Resolved.of(s), n, r, base, t, started);
  }

  /**
   * The scenario as resolved ({@link ScenarioWriter#toYaml}): the run's identity, its result
   * folder's name and {@code scenario.resolved.yaml}.
   */
  String resolved() {
    return text.get().yaml();
  }

  /** The resolved text and its SHA-256 (the manifest's {@code scenario_sha256}). */
  record Text(String yaml, String sha256) {}

  /**
   * The resolved text and its hash, made on a thread of its own while the command checks its
   * options and prepares its run (Jackson's YAML writer, and the first SHA-256 of the process with
   * its security providers, take tens of milliseconds at start-up); the first {@link #get} waits
   * for them. The text is the same as written on the caller's thread.
   */
  static final class Resolved {
    private final java.util.concurrent.FutureTask<Text> task;

    private Resolved(java.util.concurrent.FutureTask<Text> task) {
      this.task = task;
    }

    static Resolved of(Scenario s) {
      java.util.concurrent.FutureTask<Text> task =
          new java.util.concurrent.FutureTask<>(
              () -> {
                String yaml = ScenarioWriter.toYaml(s);
                return new Text(yaml, org.negotiate.report.ResultFolder.sha256(yaml));
              });
      Thread t = new Thread(task, "resolved-scenario");
      t.setDaemon(true); // a command that fails first never waits for it
      t.start();
      return new Resolved(task);
    }

    Text get() {
      task.run(); // not started yet: written here rather than waited for (a no-op once begun)
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return task.get();
          } catch (InterruptedException e) {
            interrupted = true; // the text is moments away: finish the wait
          }
        }
      } catch (java.util.concurrent.ExecutionException e) {
        // the writer's own failure, as if it had run here
        if (e.getCause() instanceof RuntimeException x) throw x;
        if (e.getCause() instanceof Error x) throw x;
        throw new IllegalStateException(e.getCause());
      } finally {
        if (interrupted) Thread.currentThread().interrupt();
      }
    }
  }

  Experiment withReplications(int n) {
    return new Experiment(
        command, source, run, scenario, protocol, text, n, rounds, seed, threads, started);
  }

  boolean exactRounds() {
    return run.exactRounds();
  }

  Path root() {
    return run.outputRoot();
  }

  MonteCarlo.Options options() {
    return new MonteCarlo.Options(replications, rounds, seed, threads, exactRounds());
  }

  /**
   * What a result folder's run id hashes: the resolved scenario, the seed, replications and rounds,
   * and {@code more}.
   */
  String identity(String more) {
    return resolved()
        + more
        + "\nseed="
        + seed
        + "\nreplications="
        + replications
        + "\nrounds="
        + rounds;
  }

  /** A result folder for this experiment's scenario, not resumable. */
  Output open(String identity) throws java.io.IOException {
    return Output.open(command, scenario.name(), root(), identity, started);
  }

  /** A journalled result folder, resumable with {@code --resume}. */
  Output openJournalled(String identity, String journalIdentity, Path resume)
      throws java.io.IOException {
    return Output.journalled(
        command, scenario.name(), root(), identity, journalIdentity, resume, started);
  }

  /** The manifest's entries every experiment has: scenario, overrides, protocol, seed, size. */
  Manifest.Builder manifest(CommandSpec spec) {
    Manifest.Builder m =
        new Manifest.Builder(CommandInputs.commandLine(spec))
            .scenarioHashed(
                scenario.name(),
                String.valueOf(source.source()),
                source.allOverrides(),
                text.get().sha256())
            .protocol(protocol.name())
            .run(seed, replications, rounds, threads);
    if (source.cut != null) m.put("as_of", Explore.asOf(source.cut, null, null));
    return m;
  }
}
