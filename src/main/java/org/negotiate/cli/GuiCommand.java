package org.negotiate.cli;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.negotiate.gui.GuiConfig;
import org.negotiate.gui.GuiLauncher;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code negotiate gui}: MASON's Console, an input inspector, live charts, Monte Carlo and
 * what-ifs.
 */
@Command(
    name = "gui",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the interactive console on one replication (needs a display).",
      "Opens MASON's Console on one replication of the scenario (default scenarios/baseline.yaml): "
          + "play, pause, step (one round = one month), seed and speed. The Model tab shows every input of "
          + "every actor (its own fields, its stances, ties and pressure) as sliders named by their --set paths; "
          + "changing one between rounds changes the run from the next round. Live charts: positions per issue, each party's "
          + "utility of the text against its aspiration with accept/refuse marks. The What-if window runs a "
          + "Monte Carlo with the current settings and saves the edits as a delta scenario. "
          + "Needs a display: run it on a desktop or under xvfb-run."
    })
final class GuiCommand implements Callable<Integer> {
  static final String NO_DISPLAY =
      "negotiate gui: no display: run under xvfb-run or on a desktop"
          + " (DISPLAY is not set, or Java runs headless)";

  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;

  /** --seed: shown in the Console, 32 bits as MASON's Console takes (checked below). */
  @Mixin CommonOptions.Seed seed;

  @Option(
      names = "--replication",
      paramLabel = "I",
      defaultValue = "0",
      description = "Which replication of the seed to show (default: 0), as `run --replication`.")
  int replication;

  @Mixin CommonOptions.Rounds rounds;

  @Option(
      names = "--nominal",
      description =
          "Run the nominal inputs (fixed values, modes, means; no random events) instead of the replication's draw.")
  boolean nominal;

  /** --out: the script's screenshots go to {@code DIR/gui/<run-id>/}. */
  @Mixin CommonOptions.Out out;

  @Option(
      names = "--script",
      paramLabel = "STEPS",
      description =
          "Drive the GUI without a person, for tests and screenshots: steps separated by ';', e.g. "
              + "steps=3;set=syria.flexibility=0.9;montecarlo=200;save=my_whatif.yaml;quit. Every step is checked "
              + "before the windows open (exit 2 naming a bad one). See docs/gui.md.")
  String script;

  @Override
  public Integer call() throws Exception {
    if (scenario.scenario == null && scenario.table == null)
      scenario.scenario = Path.of("scenarios", "baseline.yaml");
    Scenario s = CommandInputs.scenario(scenario);
    Protocol protocol = CommandInputs.protocol(s);
    int r = rounds.rounds(s.experiment().rounds());
    int index = CommandInputs.inRange("--replication", replication, 0, 0, Integer.MAX_VALUE - 1);
    long base = seed.seed(s.experiment().seed());
    if (base != (int) base) {
      throw new BadInput(
          "--seed: MASON's Console takes 32-bit seeds: expected an integer in ["
              + Integer.MIN_VALUE
              + ", "
              + Integer.MAX_VALUE
              + "], got "
              + base);
    }
    CommandInputs.checkRun(s, r, 1, 1); // one replication on the Console, before any window opens
    Scenario fileScenario = scenario.table == null ? ScenarioLoader.load(scenario.scenario) : null;
    if (script != null) {
      List<String> problems = GuiLauncher.checkScript(script, s);
      if (!problems.isEmpty())
        throw new BadInput("--script: " + String.join("\n--script: ", problems));
    }

    allowDisplay();
    if (GraphicsEnvironment.isHeadless() || !displayAvailable()) {
      spec.commandLine().getErr().println(NO_DISPLAY);
      return Main.BAD_INPUT;
    }
    GuiConfig config =
        new GuiConfig(
            scenario.table == null ? scenario.scenario : null,
            fileScenario,
            s,
            scenario.allOverrides(),
            protocol,
            r,
            rounds.exact(),
            base,
            index,
            nominal,
            out.out,
            script);
    return GuiLauncher.run(config, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * The ./negotiate launcher starts every command with {@code -Djava.awt.headless=true} (charts are
   * drawn off screen). When this JVM was started for the program itself and a display is there,
   * that flag is lifted so AWT can use the display; in-process callers (tests) keep theirs.
   */
  static void allowDisplay() {
    if (!"true".equals(System.getProperty("java.awt.headless"))) return;
    String command = System.getProperty("sun.java.command", "");
    boolean program = command.startsWith(Main.class.getName()) || command.contains("negotiate.jar");
    if (program && displayAvailable()) System.clearProperty("java.awt.headless");
  }

  static boolean displayAvailable() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) return true;
    return nonEmpty(System.getenv("DISPLAY")) || nonEmpty(System.getenv("WAYLAND_DISPLAY"));
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.isBlank();
  }
}
