package org.negotiate.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.negotiate.experiment.Comparison;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;

/**
 * The what-if window: the run's status, the edits made so far, a Monte Carlo of N replications with
 * the current settings (run off the Swing thread; its odds curve and band open in a chart window,
 * next to the unedited scenario's over the same draws), and saving the edits as a delta scenario
 * file.
 */
final class WhatIfFrame {
  static final String TITLE = "What-if";
  static final int DEFAULT_REPLICATIONS = 500;

  private final NegotiationGui gui;
  final JFrame frame;
  private final JLabel status = new JLabel(" ");
  private final JTextArea edits = new JTextArea(6, 40);
  final JSpinner replications =
      new JSpinner(new SpinnerNumberModel(DEFAULT_REPLICATIONS, 10, 1_000_000, 100));
  final JButton monteCarlo = new JButton("Monte Carlo");
  private final JProgressBar progress = new JProgressBar();
  private final JLabel oddsLine = new JLabel(" ");
  final JButton save = new JButton("Save what-if…");
  private final JButton forget = new JButton("Forget edits");
  private final JLabel saveLine = new JLabel(" ");
  private SwingWorker<List<OddsView.Curve>, Long> worker;
  JFrame oddsFrame;
  private ChartPanel oddsPanel;

  /** The last Monte Carlo's curves (for the script and tests), or null. */
  volatile List<OddsView.Curve> lastCurves;

  /** The paired comparison of the last Monte Carlo with edits (edited − as loaded), or null. */
  volatile Comparison lastComparison;

  /** The last save's outcome: the file written, or null. */
  volatile Path lastSaved;

  volatile String lastError;

  /** True from pressing Monte Carlo until its results (or failure) are shown. */
  private volatile boolean running;

  WhatIfFrame(NegotiationGui gui) {
    this.gui = gui;
    frame = new JFrame(TITLE + " — " + gui.view.name());
    frame.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
    JPanel p = new JPanel(new GridBagLayout());
    p.setBorder(BorderFactory.createEmptyBorder(8, 10, 8, 10));
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = 0;
    c.weightx = 1;
    c.fill = GridBagConstraints.HORIZONTAL;
    c.anchor = GridBagConstraints.WEST;
    c.insets = new Insets(2, 0, 2, 0);

    String source =
        gui.config.scenarioFile() == null ? "an actor table" : gui.config.scenarioFile().toString();
    p.add(bold("Scenario " + gui.view.name() + " (" + source + ")"), c);
    c.gridy++;
    p.add(status, c);
    c.gridy++;
    p.add(
        new JLabel(
            "<html>Edits (Console → Model tab; each applies from the next round, and every new run starts "
                + "with them):</html>"),
        c);
    c.gridy++;
    edits.setEditable(false);
    edits.setLineWrap(true);
    edits.setWrapStyleWord(true);
    edits.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    JScrollPane sp = new JScrollPane(edits);
    sp.setPreferredSize(new Dimension(560, 120));
    sp.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
    sp.setMinimumSize(new Dimension(300, 80));
    p.add(sp, c);
    c.gridy++;
    JPanel row0 = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
    row0.add(forget);
    row0.add(
        new JLabel(
            "(the current run keeps the values it has; the next start uses the scenario's)"));
    p.add(row0, c);

    c.gridy++;
    c.insets = new Insets(10, 0, 2, 0);
    p.add(bold("Monte Carlo with the current settings"), c);
    c.insets = new Insets(2, 0, 2, 0);
    c.gridy++;
    JPanel row1 = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
    row1.add(new JLabel("Replications"));
    ((JSpinner.DefaultEditor) replications.getEditor()).getTextField().setColumns(7);
    row1.add(replications);
    row1.add(monteCarlo);
    progress.setStringPainted(true);
    progress.setString("");
    progress.setPreferredSize(new Dimension(200, 20));
    row1.add(progress);
    p.add(row1, c);
    c.gridy++;
    p.add(oddsLine, c);

    c.gridy++;
    c.insets = new Insets(10, 0, 2, 0);
    p.add(bold("Save the what-if as a delta scenario"), c);
    c.insets = new Insets(2, 0, 2, 0);
    c.gridy++;
    JPanel row2 = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
    row2.add(save);
    row2.add(new JLabel("extends the scenario file; lists only the changed values"));
    p.add(row2, c);
    c.gridy++;
    p.add(saveLine, c);
    c.gridy++;
    c.weighty = 1;
    p.add(new JPanel(), c);

    frame.getContentPane().add(p, BorderLayout.CENTER);
    frame.setSize(700, 500);

    monteCarlo.addActionListener(
        e -> {
          if (running && worker != null) worker.cancel(true);
          else runMonteCarlo((Integer) replications.getValue());
        });
    save.addActionListener(e -> chooseAndSave());
    save.setEnabled(gui.whatIf.canSave());
    forget.addActionListener(
        e -> {
          gui.whatIf.clear();
          refresh();
        });
    refresh();
  }

  private static JLabel bold(String text) {
    JLabel l = new JLabel(text);
    l.setFont(l.getFont().deriveFont(Font.BOLD));
    return l;
  }

  /** Updates the status line and the list of edits (Swing thread). */
  void refresh() {
    RoundRecord r = gui.lastRecord();
    String run =
        gui.state.schedule.getTime() < 0 && r == null
            ? "not started"
            : r == null
                ? "started, round 0 not yet played"
                : gui.charts == null ? "round " + r.round() : gui.charts.status(r);
    status.setText("<html>" + escape(gui.runLine(gui.model())) + "<br>" + escape(run) + "</html>");
    StringBuilder sb = new StringBuilder();
    for (WhatIf.Change c : gui.whatIf.changes()) {
      sb.append(c.set());
      sb.append(
          c.round() < 0
              ? "   (before round 0)"
              : String.format(
                  Locale.ROOT,
                  "   (after round %d, %s)",
                  c.round(),
                  gui.view.calendar().month(c.round())));
      if (c instanceof WhatIf.ProtocolEdit) sb.append("   (from the next run)");
      sb.append('\n');
      if (!(c instanceof WhatIf.Edit e)) continue;
      List<String> later = gui.whatIf.eventsTouching(e);
      if (!later.isEmpty())
        sb.append("  (events change it too: ").append(String.join(", ", later)).append(")\n");
    }
    if (sb.length() == 0) sb.append("(none: the scenario as loaded)");
    edits.setText(sb.toString());
    forget.setEnabled(!gui.whatIf.isEmpty());
  }

  /**
   * Runs {@code n} replications of the scenario with the current edits (and, when there are edits,
   * of the scenario without them, over the same draws) on worker threads, then shows the odds
   * curves.
   */
  SwingWorker<List<OddsView.Curve>, Long> runMonteCarlo(int n) {
    Scenario edited;
    try {
      edited = gui.whatIf.scenario();
    } catch (ScenarioException ex) {
      lastError = ex.getMessage();
      oddsLine.setText(
          "<html>Cannot run the edited scenario:<br>" + escape(ex.getMessage()) + "</html>");
      return null;
    }
    boolean compare = !gui.whatIf.isEmpty();
    Scenario plain = gui.config.scenario();
    long seed = gui.baseSeed();
    int rounds = gui.config.rounds();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    MonteCarlo.Options options =
        new MonteCarlo.Options(n, rounds, seed, threads, gui.config.exactRounds());
    long total = compare ? 2L * n : n;
    progress.setMaximum((int) Math.min(Integer.MAX_VALUE, total));
    progress.setValue(0);
    progress.setString("0 / " + total);
    monteCarlo.setText("Cancel");
    oddsLine.setText(
        String.format(
            Locale.ROOT,
            "Running %,d replications of seed %d%s…",
            n,
            seed,
            compare ? " with the edits and without them" : ""));
    lastError = null;
    running = true;
    worker =
        new SwingWorker<>() {
          @Override
          protected List<OddsView.Curve> doInBackground() throws Exception {
            List<OddsView.Curve> curves = new ArrayList<>();
            MonteCarlo.Result ra =
                MonteCarlo.run(edited, gui.protocol(), options, done -> publish(done));
            ConvergenceOdds a = ra.odds();
            if (compare) {
              MonteCarlo.Result rb =
                  MonteCarlo.run(plain, gui.protocol(), options, done -> publish(n + done));
              curves.add(
                  new OddsView.Curve(
                      "scenario as loaded", rb.odds(), OddsView.SCENARIO)); // drawn first, under
              // B − A with A the scenario as loaded: the edits' effect, paired replication by
              // replication
              lastComparison = Comparison.of(rb, ra, plain.calendar(), rounds);
            } else {
              lastComparison = null;
            }
            curves.add(
                new OddsView.Curve(
                    compare ? "with the edits" : gui.view.name(), a, OddsView.WITH_EDITS));
            return curves;
          }

          @Override
          protected void process(List<Long> chunks) {
            long done = chunks.get(chunks.size() - 1);
            progress.setValue((int) Math.min(Integer.MAX_VALUE, done));
            progress.setString(done + " / " + total);
          }

          @Override
          protected void done() {
            try {
              showResults();
            } finally {
              running = false;
            }
          }

          private void showResults() {
            monteCarlo.setText("Monte Carlo");
            try {
              List<OddsView.Curve> curves = get();
              progress.setValue(progress.getMaximum());
              progress.setString(total + " / " + total);
              show(
                  curves,
                  String.format(
                      Locale.ROOT,
                      "%,d replications, seed %d, %d rounds%s",
                      n,
                      seed,
                      rounds,
                      compare ? "; both curves over the same draws (common random numbers)" : ""));
              StringBuilder sb = new StringBuilder("<html>");
              for (OddsView.Curve c : curves)
                sb.append(escape(c.label() + ": " + OddsView.summary(c.odds()))).append("<br>");
              if (curves.size() == 2 && lastComparison != null)
                sb.append(escape(OddsView.difference(lastComparison)));
              oddsLine.setText(sb.append("</html>").toString());
              lastCurves = curves;
            } catch (CancellationException | InterruptedException ex) {
              progress.setString("cancelled");
              oddsLine.setText("Cancelled.");
              lastError = "cancelled";
            } catch (ExecutionException ex) {
              lastError = String.valueOf(ex.getCause());
              oddsLine.setText("<html>The Monte Carlo failed: " + escape(lastError) + "</html>");
            }
          }
        };
    worker.execute();
    return worker;
  }

  private void show(List<OddsView.Curve> curves, String runLine) {
    JFreeChart chart = OddsView.chart(gui.view.name(), curves, lastComparison, runLine);
    if (oddsFrame == null) {
      oddsFrame = new JFrame("Monte Carlo odds — " + gui.view.name());
      oddsFrame.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
      oddsPanel =
          new ChartPanel(chart, 720, 460, 300, 200, 2400, 2400, true, true, true, true, true, true);
      oddsFrame.getContentPane().add(oddsPanel, BorderLayout.CENTER);
      java.awt.Rectangle r = gui.charts.positionsFrame.getBounds();
      java.awt.Rectangle screen =
          java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
      int y = r.y + r.height + 10;
      oddsFrame.setBounds(r.x, y + 420 <= screen.y + screen.height ? y : screen.y + 120, 720, 420);
      if (gui.controller != null) gui.controller.registerFrame(oddsFrame);
    } else {
      oddsPanel.setChart(chart);
    }
    oddsFrame.setVisible(true);
    oddsFrame.toFront();
  }

  private void chooseAndSave() {
    Path dir = gui.config.out().resolve("gui").toAbsolutePath();
    JFileChooser chooser =
        new JFileChooser(
            Files.isDirectory(dir) ? dir.toFile() : gui.config.out().toAbsolutePath().toFile());
    chooser.setDialogTitle("Save the what-if as a delta scenario");
    chooser.setFileFilter(new FileNameExtensionFilter("Scenario (YAML)", "yaml", "yml"));
    chooser.setSelectedFile(dir.resolve(gui.view.name() + "_whatif.yaml").toFile());
    if (chooser.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) return;
    Path target = chooser.getSelectedFile().toPath();
    if (!target.getFileName().toString().matches(".*\\.ya?ml"))
      target = target.resolveSibling(target.getFileName() + ".yaml");
    save(target);
  }

  /**
   * Saves the delta to {@code target} and checks that it loads; reports the outcome in the window.
   */
  boolean save(Path target) {
    try {
      Scenario loaded = gui.whatIf.save(target, Instant.now());
      lastSaved = target;
      lastError = null;
      saveLine.setText(
          "<html>Saved "
              + escape(target.toString())
              + "<br>It loads as scenario "
              + escape(loaded.name())
              + ": run it with <code>negotiate odds "
              + escape(target.toString())
              + "</code></html>");
      return true;
    } catch (ScenarioException ex) {
      lastError = ex.getMessage();
      saveLine.setText(
          "<html>Not saved: the what-if does not load:<br>" + escape(ex.getMessage()) + "</html>");
    } catch (java.io.IOException | RuntimeException ex) {
      lastError = String.valueOf(ex);
      saveLine.setText("<html>Not saved: " + escape(String.valueOf(ex)) + "</html>");
    }
    return false;
  }

  boolean monteCarloRunning() {
    return running;
  }

  void dispose() {
    if (worker != null) worker.cancel(true);
    frame.dispose();
    if (oddsFrame != null) oddsFrame.dispose();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
  }
}
