package org.negotiate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.negotiate.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code negotiate}: the command line. With no arguments it runs the main job: the odds of the baseline. */
@Command(
    name = "negotiate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Agent-based negotiation simulator: convergence odds of multi-party talks under uncertain preferences.",
      "With no command: odds for scenarios/baseline.yaml."
    },
    subcommands = {InitCommand.class, OddsCommand.class, RunCommand.class, ForecastCommand.class, ValidateCommand.class, CompareCommand.class,
        SweepCommand.class, SensitivityCommand.class, DiscoverCommand.class, WhatItTakesCommand.class, GuiCommand.class,
        BenchCommand.class, BacktestCommand.class, RunsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
  /** Exit code for bad input: a malformed scenario, an unknown name, an option out of range. */
  public static final int BAD_INPUT = 2;
  /** Exit code for a failure of the tool itself. */
  public static final int FAILURE = 1;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return spec.commandLine().execute("odds", "scenarios/baseline.yaml");
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests, in process). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // Descriptions are one paragraph each, wrapped by picocli to the terminal (100 columns when it cannot tell).
    cl.setUsageHelpWidth(100);
    cl.setUsageHelpAutoWidth(true);
    HelpText.install(cl);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof ScenarioException || ex instanceof BadInput) {
        commandLine.getErr().println(ex.getMessage());
        return BAD_INPUT;
      }
      if (ex instanceof org.negotiate.experiment.EngineFailure) {
        commandLine.getErr().println("negotiate: " + ex.getMessage());
        return FAILURE;
      }
      if (ex instanceof java.io.IOException) {
        commandLine.getErr().println("negotiate: cannot write results: " + ex);
        return FAILURE;
      }
      if (System.getenv("NEGOTIATE_DEBUG") != null) ex.printStackTrace(commandLine.getErr());
      commandLine.getErr().println("negotiate: internal error: " + ex
          + " (set NEGOTIATE_DEBUG=1 for the stack trace, and please report it)");
      return FAILURE;
    });
    cl.getSubcommands().values().forEach(sub -> {
      sub.setOut(out);
      sub.setErr(err);
      sub.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
    });
    return cl.execute(args);
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"negotiate " + version() + " (Java " + System.getProperty("java.version") + ")"};
    }
  }
}
