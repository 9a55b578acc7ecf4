package org.negotiate.gui;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.negotiate.report.ResultFolder;
import org.negotiate.scenario.ScenarioWriter;
import sim.display.Console;

/**
 * Opens the Console and the chart windows; with a script, drives them and returns its exit code.
 */
public final class GuiLauncher {
  private GuiLauncher() {}

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The problems of a {@code --script} (one line each), found before the GUI opens: an unknown
   * step, a bad argument, a {@code set=} path the Model tab does not show or a value out of its
   * range.
   */
  public static List<String> checkScript(String script, org.negotiate.scenario.Scenario scenario) {
    return GuiScript.check(script, scenario);
  }

  /**
   * Shows the GUI. Without a script, returns when the Console is closed (MASON then exits the JVM
   * itself). With a script, runs it and returns 0 when every command succeeded and nothing threw on
   * any thread, 1 otherwise.
   */
  public static int run(GuiConfig config, PrintWriter out, PrintWriter err) throws Exception {
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    if (config.script() != null) {
      Thread.setDefaultUncaughtExceptionHandler(
          (t, e) -> {
            failures.add(e);
            err.println("negotiate gui: uncaught on thread " + t.getName() + ": " + e);
            e.printStackTrace(err);
          });
    }
    NegotiationGui gui = new NegotiationGui(config);
    AtomicReference<Console> console = new AtomicReference<>();
    CountDownLatch closed = new CountDownLatch(1);
    SwingUtilities.invokeAndWait(
        () -> {
          Console c = new Console(gui);
          c.setTitle("negotiate gui — " + gui.view.name());
          layout(c, gui);
          c.addWindowListener(
              new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                  closed.countDown();
                }
              });
          c.setVisible(true);
          console.set(c);
        });
    if (config.script() == null) {
      out.println(
          "negotiate gui: "
              + gui.view.name()
              + ", replication "
              + config.replication()
              + " of seed "
              + config.seed()
              + "; close the Console to quit");
      closed.await();
      return 0;
    }
    Instant started = Instant.now();
    String identity =
        ScenarioWriter.toYaml(config.scenario())
            + "\nseed="
            + config.seed()
            + "\nreplication="
            + config.replication()
            + "\nscript="
            + config.script();
    Path dir =
        config
            .out()
            .resolve("gui")
            .resolve(STAMP.format(started) + "-" + ResultFolder.shortHash(identity));
    try {
      new GuiScript(gui, console.get(), dir, out).run(config.script());
    } catch (Exception e) {
      failures.add(e);
      err.println("negotiate gui: the script failed: " + e);
      e.printStackTrace(err);
    }
    GuiScript.onSwing(() -> {}); // anything the last command queued has run
    out.println("negotiate gui: screenshots in " + dir + "/");
    if (!failures.isEmpty()) {
      err.println(
          "negotiate gui: " + failures.size() + " failure(s); the first: " + failures.get(0));
      return 1;
    }
    return 0;
  }

  /**
   * Console on the left, the positions chart next to it, the utility chart and the what-if window
   * on the right (a 1920×1200 screen holds them all; a smaller one gets them cascaded).
   */
  static void layout(Console console, NegotiationGui gui) {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    int h = Math.min(screen.height, 1150);
    console.setBounds(screen.x, screen.y, 480, h);
    JFrame positions = gui.charts.positionsFrame;
    JFrame utility = gui.charts.utilityFrame;
    JFrame whatIf = gui.controls.frame;
    if (screen.width >= 1900 && screen.height >= 1100) {
      positions.setBounds(screen.x + 490, screen.y, 720, 760);
      utility.setBounds(screen.x + 1220, screen.y, 700, 520);
      whatIf.setBounds(screen.x + 1220, screen.y + 530, 700, 500);
    } else {
      int x = Math.min(screen.x + 490, Math.max(screen.x, screen.x + screen.width - 720));
      positions.setBounds(x, screen.y, 720, Math.min(760, screen.height));
      utility.setBounds(
          Math.min(x + 40, screen.x + screen.width - 700),
          screen.y + 40,
          700,
          Math.min(520, screen.height));
      whatIf.setBounds(
          Math.min(x + 80, screen.x + screen.width - 700),
          screen.y + 80,
          700,
          Math.min(500, screen.height));
    }
  }
}
