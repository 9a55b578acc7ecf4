package org.negotiate.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.negotiate.experiment.Comparison;
import org.negotiate.protocol.Protocols;
import org.negotiate.scenario.Fields;
import org.negotiate.scenario.InputPath;
import org.negotiate.scenario.InputPathException;
import org.negotiate.scenario.InputPaths;
import org.negotiate.scenario.ProtocolParameters;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;
import sim.display.Console;
import sim.portrayal.Inspector;
import sim.util.gui.PropertyField;

/**
 * The test hook behind the hidden {@code --script} option: drives the GUI as a user would, through
 * the Console's buttons and the model inspector's fields, and takes screenshots. Commands,
 * separated by {@code ;} (or {@code ,} when there is no {@code ;}):
 *
 * <ul>
 *   <li>{@code steps=N}: press the Console's step button N times (starting the run paused if
 *       stopped)
 *   <li>{@code play}: press play and wait until the run is over
 *   <li>{@code set=PATH=VALUE}: in the Console's Model tab, type VALUE into PATH's field and press
 *       Enter, as a user edits a stance in the inspector; fails unless the input took the value.
 *       PATH may be {@code protocol.PARAM}, a row of the Protocol tab (it applies from the next
 *       run)
 *   <li>{@code tab=NAME}: show the Console's tab NAME (Console, Displays, Inspectors, Model, About)
 *   <li>{@code screenshot=NAME}: NAME-screen.png and one NAME-WINDOW.png per window, in the run's
 *       folder
 *   <li>{@code montecarlo=N}: press Monte Carlo with N replications and wait for the odds
 *   <li>{@code save=FILE}: save the what-if as a delta scenario and check it loads
 *   <li>{@code sleep=MS}, {@code quit}
 * </ul>
 */
final class GuiScript {
  private final NegotiationGui gui;
  private final Console console;
  private final Path dir;
  private final PrintWriter out;

  GuiScript(NegotiationGui gui, Console console, Path dir, PrintWriter out) {
    this.gui = gui;
    this.console = console;
    this.dir = dir;
    this.out = out;
  }

  static List<String> commands(String script) {
    String sep = script.contains(";") ? ";" : ",";
    List<String> out = new ArrayList<>();
    for (String c : script.split(sep)) if (!c.isBlank()) out.add(c.strip());
    return out;
  }

  /** The script's verbs, as the error for an unknown one lists them. */
  static final String VERBS =
      "steps=N, play, set=PATH=VALUE, tab=NAME, screenshot=NAME, montecarlo=N, save=FILE, sleep=MS, quit";

  /** The Console's tabs a {@code tab=} step can show. */
  static final List<String> TABS = List.of("Console", "Displays", "Inspectors", "Model", "About");

  /**
   * Checks every step before the GUI opens: a known verb with a valid argument, and for {@code
   * set=PATH=VALUE} a path the Model tab shows (a row of {@link Fields} of an actor of {@code
   * scenario}) and a number in its valid range.
   *
   * @return the problems, one line each ({@code step 2 "set=syria.flex=1": unknown field ...});
   *     empty when the script is good
   */
  static List<String> check(String script, Scenario scenario) {
    List<String> problems = new ArrayList<>();
    List<String> cmds = commands(script == null ? "" : script);
    if (cmds.isEmpty()) problems.add("the script has no steps; valid steps: " + VERBS);
    for (int n = 0; n < cmds.size(); n++) {
      String cmd = cmds.get(n);
      int eq = cmd.indexOf('=');
      String verb = eq < 0 ? cmd : cmd.substring(0, eq);
      String arg = eq < 0 ? "" : cmd.substring(eq + 1).strip();
      String why =
          switch (verb) {
            case "steps", "montecarlo" -> positive(arg, verb + "=N");
            case "sleep" -> nonNegative(arg);
            case "play", "quit" -> eq < 0 ? null : verb + " takes no value";
            case "tab" ->
                TABS.stream().anyMatch(t -> t.equalsIgnoreCase(arg))
                    ? null
                    : "the Console has no tab "
                        + quote(arg)
                        + "; valid tabs: "
                        + String.join(", ", TABS);
            case "screenshot" ->
                arg.matches("[A-Za-z0-9_-]+")
                    ? null
                    : "expected screenshot=NAME (letters, digits, _ and -), got " + quote(arg);
            case "save" -> arg.isEmpty() ? "expected save=FILE" : null;
            case "set" -> checkSet(arg, scenario);
            default -> "unknown step " + quote(verb) + "; valid steps: " + VERBS;
          };
      if (why != null) problems.add("step " + (n + 1) + " " + quote(cmd) + ": " + why);
    }
    return problems;
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static String positive(String arg, String form) {
    try {
      return Integer.parseInt(arg) > 0
          ? null
          : "expected " + form + " with N at least 1, got " + quote(arg);
    } catch (NumberFormatException e) {
      return "expected " + form + " with N a whole number, got " + quote(arg);
    }
  }

  private static String nonNegative(String arg) {
    try {
      return Long.parseLong(arg) >= 0
          ? null
          : "expected sleep=MS with MS at least 0, got " + quote(arg);
    } catch (NumberFormatException e) {
      return "expected sleep=MS with MS a whole number of milliseconds, got " + quote(arg);
    }
  }

  /** Why {@code PATH=VALUE} cannot be typed into the Model tab, or null when it can. */
  static String checkSet(String arg, Scenario scenario) {
    int eq = arg.indexOf('=');
    if (eq <= 0) return "expected set=PATH=VALUE, e.g. set=syria.flexibility=0.9";
    String path = arg.substring(0, eq).strip();
    String value = arg.substring(eq + 1).strip();
    if (path.startsWith("protocol.")) return checkProtocolSet(path, value, scenario);
    InputPath p;
    try {
      p = InputPaths.resolve(scenario, path);
    } catch (InputPathException e) {
      String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
      if (List.of("agreement", "experiment").contains(first)) {
        return "the Model tab edits actors' inputs and the protocol's parameters (ACTOR.FIELD, ACTOR.ISSUE.FIELD, "
            + "ACTOR.ties.OTHER, ACTOR.pressure.OTHER, protocol.PARAM); give "
            + path
            + " with --set instead";
      }
      return e.getMessage();
    }
    Fields.Field f = Fields.of(p);
    double v;
    try {
      v = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return path + ": expected " + f.range().expected() + ", got " + quote(value);
    }
    if (!f.range().contains(v))
      return path + ": expected " + f.range().expected() + ", got " + quote(value);
    return null;
  }

  /**
   * Why {@code protocol.PARAM=VALUE} cannot be typed into the Protocol tab, or null when it can.
   */
  private static String checkProtocolSet(String path, String value, Scenario scenario) {
    String name = scenario.protocol().name();
    String param = path.substring("protocol.".length());
    if (param.equals("name")) {
      return "the Protocol tab edits the parameters of the scenario's protocol ("
          + name
          + "); give protocol.name with --set instead";
    }
    List<ProtocolParameters.Param> params = Protocols.descriptor(name).parameters();
    ProtocolParameters.Param spec =
        params.stream().filter(q -> q.name().equals(param)).findFirst().orElse(null);
    if (spec == null) {
      return "unknown parameter "
          + quote(param)
          + " for protocol "
          + name
          + "; valid parameters: "
          + String.join(", ", params.stream().map(ProtocolParameters.Param::name).toList());
    }
    try {
      double v = Double.parseDouble(value);
      if (spec.admits(v)) return null;
    } catch (NumberFormatException e) {
      // said below
    }
    return path + ": expected " + spec.range().expected() + ", got " + quote(value);
  }

  /** Runs every command; throws on the first that fails. */
  void run(String script) throws Exception {
    for (String cmd : commands(script)) {
      out.println("gui script: " + cmd);
      int eq = cmd.indexOf('=');
      String verb = eq < 0 ? cmd : cmd.substring(0, eq);
      String arg = eq < 0 ? "" : cmd.substring(eq + 1);
      switch (verb) {
        case "steps" -> steps(Integer.parseInt(arg));
        case "play" -> play();
        case "set" -> set(arg);
        case "tab" -> onSwing(() -> selectConsoleTab(arg));
        case "screenshot" -> screenshot(arg);
        case "montecarlo" -> monteCarlo(Integer.parseInt(arg));
        case "save" -> save(Path.of(arg));
        case "sleep" -> Thread.sleep(Long.parseLong(arg));
        case "quit" -> {
          return;
        }
        default ->
            throw new IllegalArgumentException(
                "unknown script command \"" + cmd + "\"; valid: " + VERBS);
      }
    }
  }

  private void steps(int n) throws Exception {
    onSwing(
        () -> {
          if (console.getPlayState() == Console.PS_STOPPED)
            console.pressPause(); // starts the run, paused
          else if (console.getPlayState() == Console.PS_PLAYING) console.pressPause();
          for (int i = 0; i < n && console.getPlayState() == Console.PS_PAUSED; i++)
            console.pressPlay(); // = step
        });
    onSwing(() -> {}); // let the charts take the rounds' updates
    out.printf(Locale.ROOT, "gui script: after round %d%n", gui.lastRound());
  }

  private void play() throws Exception {
    onSwing(
        () -> {
          if (console.getPlayState() == Console.PS_PAUSED) console.pressPause(); // unpause
          else if (console.getPlayState() == Console.PS_STOPPED) console.pressPlay();
        });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      AtomicReference<Integer> state = new AtomicReference<>();
      onSwing(() -> state.set(console.getPlayState()));
      if (state.get() == Console.PS_STOPPED) break;
      if (System.nanoTime() > deadline)
        throw new IllegalStateException("the run did not end within 120 s");
      Thread.sleep(100);
    }
    onSwing(() -> {});
  }

  /** Types the value into the inspector's field for PATH and presses Enter. */
  private void set(String arg) throws Exception {
    int eq = arg.indexOf('=');
    if (eq <= 0) throw new IllegalArgumentException("expected set=PATH=VALUE, got set=" + arg);
    String path = arg.substring(0, eq);
    String value = arg.substring(eq + 1);
    InputProperties.Entry entry = null;
    int tab = -1;
    for (int t = 0; t < gui.properties().size() && entry == null; t++) {
      for (InputProperties.Entry e : gui.properties().get(t).entries()) {
        if (e.name().equals(path)) {
          entry = e;
          tab = t;
        }
      }
    }
    if (entry == null) throw new IllegalArgumentException("no inspector property " + path);
    InputProperties.Entry target = entry;
    int actorTab = tab;
    int before = gui.whatIf.changes().size();
    onSwing(
        () -> {
          selectConsoleTab("Model");
          gui.inspector.tabs.setSelectedIndex(actorTab);
          Inspector si = (Inspector) gui.inspector.inspectors.get(actorTab);
          PropertyField field = fieldFor(si, path);
          if (field == null)
            throw new IllegalStateException("the inspector shows no field for " + path);
          field.scrollRectToVisible(new Rectangle(0, 0, field.getWidth(), field.getHeight()));
          JTextField text = field.getField();
          text.requestFocusInWindow();
          text.setText(value);
          long now = System.currentTimeMillis();
          text.dispatchEvent(
              new KeyEvent(
                  text, KeyEvent.KEY_PRESSED, now, 0, KeyEvent.VK_0, '0')); // a key: "edited"
          text.dispatchEvent(
              new KeyEvent(text, KeyEvent.KEY_PRESSED, now, 0, KeyEvent.VK_ENTER, '\n'));
        });
    onSwing(() -> {});
    double expected = Double.parseDouble(value);
    double now =
        target.param() != null
            ? gui.protocolValue(target.param())
            : gui.value(target.field(), target.actor(), target.key());
    List<WhatIf.Change> edits = gui.whatIf.changes();
    boolean recorded = !edits.isEmpty() && edits.get(edits.size() - 1).path().equals(path);
    if (!recorded || Math.abs(now - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "set %s=%s through the inspector: the input is %s (%d edits before, %d after)",
              path,
              value,
              now,
              before,
              edits.size()));
    }
    out.printf(
        Locale.ROOT,
        "gui script: %s is now %s (after round %d%s)%n",
        path,
        now,
        gui.lastRound(),
        target.param() != null ? "; from the next run" : "");
  }

  static PropertyField fieldFor(Container root, String path) {
    List<Component> all = new ArrayList<>();
    collect(root, all);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) instanceof JLabel l
          && l.getText() != null
          && l.getText().strip().equals(path)) {
        for (int j = i + 1; j < all.size(); j++)
          if (all.get(j) instanceof PropertyField f) return f;
      }
    }
    return null;
  }

  private static void collect(Component c, List<Component> out) {
    out.add(c);
    if (c instanceof Container k) for (Component child : k.getComponents()) collect(child, out);
  }

  private void selectConsoleTab(String name) {
    JTabbedPane tabs = console.getTabPane();
    for (int i = 0; i < tabs.getTabCount(); i++) {
      if (tabs.getTitleAt(i).equalsIgnoreCase(name)) {
        tabs.setSelectedIndex(i);
        return;
      }
    }
    throw new IllegalArgumentException("the Console has no tab " + name);
  }

  private void screenshot(String name) throws Exception {
    List<Screenshots.Named> windows = new ArrayList<>();
    windows.add(new Screenshots.Named("console", console));
    windows.add(new Screenshots.Named("positions", gui.charts.positionsFrame));
    windows.add(new Screenshots.Named("utility", gui.charts.utilityFrame));
    windows.add(new Screenshots.Named("whatif", gui.controls.frame));
    windows.add(new Screenshots.Named("montecarlo", gui.controls.oddsFrame));
    for (Path p : Screenshots.take(dir, name, windows)) out.println("gui script: wrote " + p);
  }

  private void monteCarlo(int n) throws Exception {
    onSwing(
        () -> {
          gui.controls.lastCurves = null;
          gui.controls.replications.setValue(n);
          gui.controls.monteCarlo.doClick();
        });
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (true) {
      AtomicReference<Boolean> running = new AtomicReference<>();
      onSwing(() -> running.set(gui.controls.monteCarloRunning()));
      if (!running.get()) break;
      if (System.nanoTime() > deadline)
        throw new IllegalStateException("the Monte Carlo did not finish within 10 minutes");
      Thread.sleep(100);
    }
    onSwing(() -> {});
    List<OddsView.Curve> curves = gui.controls.lastCurves;
    if (curves == null)
      throw new IllegalStateException("the Monte Carlo gave no odds: " + gui.controls.lastError);
    for (OddsView.Curve c : curves)
      out.println("gui script: " + c.label() + ": " + OddsView.summary(c.odds()));
    Comparison c = gui.controls.lastComparison;
    if (curves.size() == 2 && c != null) out.println("gui script: " + OddsView.difference(c));
  }

  private void save(Path file) throws Exception {
    AtomicReference<Boolean> ok = new AtomicReference<>();
    onSwing(() -> ok.set(gui.controls.save(file)));
    if (!ok.get())
      throw new IllegalStateException("the what-if was not saved: " + gui.controls.lastError);
    var loaded = ScenarioLoader.load(file);
    out.println("gui script: saved " + file + " (loads as scenario " + loaded.name() + ")");
  }

  static void onSwing(Runnable r) throws Exception {
    if (SwingUtilities.isEventDispatchThread()) {
      r.run();
      return;
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            r.run();
          } catch (Throwable t) {
            failure.set(t);
          }
        });
    if (failure.get() instanceof Exception e) throw e;
    if (failure.get() instanceof Error e) throw e;
  }
}
