package org.negotiate.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.negotiate.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code negotiate}: the command line. With no arguments it runs the main job: the odds of the
 * baseline.
 */
@Command(
    name = "negotiate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Agent-based negotiation simulator: convergence odds of multi-party talks under uncertain preferences.",
      "With no command: odds for scenarios/baseline.yaml."
    })
public final class Main implements Callable<Integer> {
  /** Exit code for bad input: a malformed scenario, an unknown name, an option out of range. */
  public static final int BAD_INPUT = 2;

  /** Exit code for a failure of the tool itself. */
  public static final int FAILURE = 1;

  /**
   * The subcommands, in the order the help lists them. Registered programmatically rather than in
   * the annotation: building picocli's model of all fifteen costs about 0.4 s of CPU at every start
   * (reflection over their annotations, in classes CDS cannot archive), so a command named on the
   * command line gets only its own model (docs/performance.md, session 6).
   */
  static final java.util.Map<String, Class<?>> COMMANDS = commands();

  private static java.util.Map<String, Class<?>> commands() {
    java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("init", InitCommand.class);
    m.put("odds", OddsCommand.class);
    m.put("run", RunCommand.class);
    m.put("forecast", ForecastCommand.class);
    m.put("validate", ValidateCommand.class);
    m.put("compare", CompareCommand.class);
    m.put("sweep", SweepCommand.class);
    m.put("sensitivity", SensitivityCommand.class);
    m.put("discover", DiscoverCommand.class);
    m.put("whatittakes", WhatItTakesCommand.class);
    m.put("gui", GuiCommand.class);
    m.put("bench", BenchCommand.class);
    m.put("backtest", BacktestCommand.class);
    m.put("runs", RunsCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Commands that write charts, a resolved scenario and a manifest. */
  private static final java.util.Set<String> WRITERS =
      java.util.Set.of(
          "odds",
          "run",
          "forecast",
          "compare",
          "sweep",
          "sensitivity",
          "discover",
          "whatittakes",
          "backtest");

  private static final java.util.concurrent.atomic.AtomicBoolean WARMED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * For a command that will write charts: the scenario loader (on a small scenario held in memory),
   * Jackson's writers and a throw-away chart warmed on a thread of its own (once a process), so
   * that the class loading and font set-up they need happen on the second core while this one
   * parses the options, loads the scenario and runs the replications. Output is unaffected: nothing
   * is written and the real charts and files are made on the command's own threads as before.
   * {@code validate}, which writes nothing, has only the loader warmed.
   */
  private static void warmUp(String command, String[] args) {
    boolean writes = WRITERS.contains(command);
    if (!writes && !command.equals("validate")) return;
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) return;
    }
    if (!WARMED.compareAndSet(false, true)) return;
    Thread t =
        new Thread(
            () -> {
              // first what the main thread needs first: reading the scenario, once the command
              // line is parsed
              org.negotiate.scenario.Scenario small =
                  org.negotiate.scenario.ScenarioLoader.warmUp();
              if (!writes) return;
              // then drawing's plan, which the back-test's months build before the first
              // replication (the replication itself is left alone)
              if (small != null) {
                try {
                  org.negotiate.model.SetupSampler.nominal(small, small.experiment().rounds());
                } catch (RuntimeException e) {
                  // only a head start
                }
              }
              org.negotiate.scenario.ScenarioWriter.warmUp();
              Manifest.warmUp();
              org.negotiate.report.WarmUp.charts();
            },
            "warm-up");
    t.setDaemon(true); // never keeps a finished command waiting
    t.start();
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return spec.commandLine().execute("odds", "scenarios/baseline.yaml");
  }

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given streams and returns the exit code (for tests, in process).
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    // Only the named command's model when the first word names one (not help, which lists them
    // all); otherwise (no arguments, --help, an unknown word and its suggestions) every command's.
    String first = args.length > 0 ? args[0] : null;
    boolean one = first != null && !first.equals("help") && COMMANDS.containsKey(first);
    // started before picocli builds its model (about 0.1 s of this thread), which leaves the
    // second core to the warm-up meanwhile
    if (one) warmUp(first, args);
    CommandLine cl = new CommandLine(new Main());
    if (one) {
      cl.addSubcommand(first, COMMANDS.get(first));
    } else {
      COMMANDS.forEach(cl::addSubcommand);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // Descriptions are one paragraph each, wrapped by picocli to the terminal (100 columns when it
    // cannot tell).
    cl.setUsageHelpWidth(100);
    cl.setUsageHelpAutoWidth(true);
    HelpText.install(cl);
    cl.setOut(out);
    cl.setErr(err);
    JournalledFolder.KEPT.set(null);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          int code = report(ex, commandLine.getErr());
          JournalledFolder.Kept kept = JournalledFolder.KEPT.getAndSet(null);
          if (kept != null) {
            if (ex instanceof org.negotiate.experiment.JournalDamaged) {
              commandLine
                  .getErr()
                  .println(
                      "negotiate: "
                          + kept.dir()
                          + " is left as it was; delete it to start the run afresh");
            } else {
              commandLine
                  .getErr()
                  .println(
                      "negotiate: the work done so far ("
                          + kept.work()
                          + ") is kept in "
                          + kept.dir()
                          + "; to finish the run, give the same command with --resume "
                          + kept.dir());
            }
          }
          return code;
        });
    cl.getSubcommands()
        .values()
        .forEach(
            sub -> {
              sub.setOut(out);
              sub.setErr(err);
              sub.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
            });
    return cl.execute(args);
  }

  /** Prints what went wrong, in words, and returns the exit code. */
  private static int report(Exception ex, PrintWriter err) {
    {
      if (ex instanceof ScenarioException || ex instanceof BadInput) {
        err.println(ex.getMessage());
        return BAD_INPUT;
      }
      if (ex instanceof org.negotiate.experiment.JournalDamaged) {
        err.println("--resume: " + ex.getMessage());
        return BAD_INPUT;
      }
      if (ex instanceof org.negotiate.experiment.EngineFailure) {
        err.println("negotiate: " + ex.getMessage());
        return FAILURE;
      }
      if (ex instanceof java.util.concurrent.CancellationException) {
        err.println("negotiate: " + ex.getMessage());
        return FAILURE;
      }
      java.io.IOException io = ioCause(ex);
      if (io != null) {
        err.println("negotiate: cannot write results: " + describe(io));
        return FAILURE;
      }
      if (System.getenv("NEGOTIATE_DEBUG") != null) ex.printStackTrace(err);
      err.println(
          "negotiate: internal error: "
              + ex
              + " (set NEGOTIATE_DEBUG=1 for the stack trace, and please report it)");
      return FAILURE;
    }
  }

  /**
   * The I/O failure behind {@code ex} (itself, or wrapped by any layer: JFreeChart and the JDK wrap
   * "No space left on device" in runtime exceptions), or null.
   */
  static java.io.IOException ioCause(Throwable ex) {
    int depth = 0;
    for (Throwable t = ex; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof java.io.IOException io) return io;
    }
    return null;
  }

  /** "No space left on device (results/x/odds.csv)" rather than an exception's class name. */
  static String describe(java.io.IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + " (" + fs.getFile() + ")";
    }
    return m;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "negotiate " + version() + " (Java " + System.getProperty("java.version") + ")"
      };
    }
  }
}
