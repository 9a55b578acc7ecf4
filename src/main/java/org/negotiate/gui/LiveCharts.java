package org.negotiate.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JFrame;
import javax.swing.WindowConstants;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.negotiate.protocol.RoundClose;
import org.negotiate.report.ChartLook;

/**
 * The two live chart windows: positions per issue by round (a sub-plot per issue, a line per actor
 * and the mediators' text dashed), and each party's judged utility of the text against its
 * aspiration with accept (green dot) and refuse (red cross) marks. Events are grey lines, the
 * user's edits orange ones. Only touched on the Swing thread.
 */
final class LiveCharts {
  static final String POSITIONS_TITLE = "Positions by round";
  static final String UTILITY_TITLE = "Utility of the text vs aspiration";

  private final ScenarioView view;
  final JFrame positionsFrame;
  final JFrame utilityFrame;
  final JFreeChart positionsChart;
  final JFreeChart utilityChart;
  private final DateAxis positionsAxis;
  private final DateAxis utilityAxis;
  private final List<XYPlot> issuePlots = new ArrayList<>();
  private final XYSeries[][] actorSeries; // [issue][actor]
  private final XYSeries[] textSeries; // [issue]
  private final XYPlot utilityPlot;
  private final XYSeries[] utilitySeries; // [actor], parties only used
  private final XYSeries[] aspirationSeries;
  private final XYSeries accepts = new XYSeries("accepts", false, true);
  private final XYSeries refuses = new XYSeries("refuses", false, true);
  private int rounds;

  /** Per label row, the x ranges (axis milliseconds) its labels cover. */
  private final List<List<double[]>> rows = new ArrayList<>();

  private String runLine = "";

  static final java.awt.Shape DOT = new Ellipse2D.Double(-5, -5, 10, 10);
  static final java.awt.Shape CROSS = cross(6);

  LiveCharts(ScenarioView view, int rounds) {
    this.view = view;
    this.rounds = rounds;
    int n = view.actors();
    int m = view.issues();

    // positions: one sub-plot per issue
    positionsAxis =
        GuiCharts.LOOK.monthAxis(
            "Month", view.calendar().month(0), view.calendar().month(rounds - 1));
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(positionsAxis);
    combined.setGap(10);
    actorSeries = new XYSeries[m][n];
    textSeries = new XYSeries[m];
    for (int k = 0; k < m; k++) {
      XYSeriesCollection data = new XYSeriesCollection();
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
      for (int a = 0; a < n; a++) {
        actorSeries[k][a] = new XYSeries(view.actorNames().get(a), false, true);
        data.addSeries(actorSeries[k][a]);
        r.setSeriesPaint(a, ChartLook.actorColor(a));
        r.setSeriesStroke(a, ChartLook.line(2.0f));
      }
      textSeries[k] = new XYSeries("Mediators' text", false, true);
      data.addSeries(textSeries[k]);
      r.setSeriesPaint(n, ChartLook.TEXT_COLOR);
      r.setSeriesStroke(n, GuiCharts.LOOK.dashed(2.4f));
      r.setSeriesShapesVisible(n, true);
      r.setSeriesShape(n, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
      NumberAxis y = new NumberAxis();
      y.setRange(0, 100);
      y.setTickUnit(new NumberTickUnit(25));
      XYPlot sub = new XYPlot(data, null, y, r);
      sub.addAnnotation(issueTitle(view.issueLabels().get(k)));
      issuePlots.add(sub);
      combined.add(sub, 1);
    }
    List<LegendItem> legend = new ArrayList<>();
    for (int a = 0; a < n; a++)
      legend.add(
          GuiCharts.LOOK.lineItem(
              view.actorNames().get(a), ChartLook.actorColor(a), ChartLook.line(3f)));
    legend.add(
        GuiCharts.LOOK.lineItem(
            "Mediators' text", ChartLook.TEXT_COLOR, GuiCharts.LOOK.dashed(2.4f)));
    legend.add(GuiCharts.LOOK.lineItem("event", GuiCharts.EVENT, GuiCharts.LOOK.dashed(1.2f)));
    legend.add(GuiCharts.LOOK.lineItem("your edit", GuiCharts.EDIT, ChartLook.line(2f)));
    combined.setFixedLegendItems(ChartLook.legend(legend));
    positionsChart =
        GuiCharts.chart(
            view.name() + " — positions by round",
            combined,
            List.of(
                "not started: press play or step in the Console",
                "",
                "Position on each issue's 0–100 scale; a party's is the least it would now take toward the text."));

    // utility vs aspiration, with accept/refuse marks
    utilityAxis =
        GuiCharts.LOOK.monthAxis(
            "Month", view.calendar().month(0), view.calendar().month(rounds - 1));
    NumberAxis uy = new NumberAxis("Utility to the party (0–1)");
    uy.setRange(0, 1.05);
    uy.setTickUnit(new NumberTickUnit(0.1));
    XYSeriesCollection lines = new XYSeriesCollection();
    XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
    utilitySeries = new XYSeries[n];
    aspirationSeries = new XYSeries[n];
    List<LegendItem> ulegend = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      if (!view.isParty(a)) continue;
      String name = view.actorNames().get(a);
      utilitySeries[a] = new XYSeries(name + ": utility of the text", false, true);
      aspirationSeries[a] = new XYSeries(name + ": aspiration", false, true);
      int u = lines.getSeriesCount();
      lines.addSeries(utilitySeries[a]);
      lr.setSeriesPaint(u, ChartLook.actorColor(a));
      lr.setSeriesStroke(u, ChartLook.line(2.4f));
      lines.addSeries(aspirationSeries[a]);
      lr.setSeriesPaint(u + 1, ChartLook.actorColor(a));
      lr.setSeriesStroke(u + 1, GuiCharts.LOOK.dashed(1.8f));
      ulegend.add(
          GuiCharts.LOOK.lineItem(
              name + ": utility of the text", ChartLook.actorColor(a), ChartLook.line(3f)));
      ulegend.add(
          GuiCharts.LOOK.lineItem(
              name + ": aspiration", ChartLook.actorColor(a), GuiCharts.LOOK.dashed(2f)));
    }
    ulegend.add(GuiCharts.shapeItem("accepts", DOT, GuiCharts.ACCEPT, true));
    ulegend.add(GuiCharts.shapeItem("refuses", CROSS, GuiCharts.REFUSE, false));
    utilityPlot = new XYPlot(lines, utilityAxis, uy, lr);
    XYSeriesCollection marks = new XYSeriesCollection();
    marks.addSeries(accepts);
    marks.addSeries(refuses);
    XYLineAndShapeRenderer mr = new XYLineAndShapeRenderer(false, true);
    mr.setSeriesPaint(0, GuiCharts.ACCEPT);
    mr.setSeriesShape(0, DOT);
    mr.setSeriesShapesFilled(0, true);
    mr.setSeriesPaint(1, GuiCharts.REFUSE);
    mr.setSeriesShape(1, CROSS);
    mr.setSeriesShapesFilled(1, false);
    mr.setSeriesOutlineStroke(1, ChartLook.line(2.2f));
    mr.setSeriesOutlineStroke(0, ChartLook.line(1f));
    mr.setUseOutlinePaint(false);
    utilityPlot.setDataset(1, marks);
    utilityPlot.setRenderer(1, mr);
    utilityPlot.setFixedLegendItems(ChartLook.legend(ulegend));
    utilityChart =
        GuiCharts.chart(
            view.name() + " — utility of the text vs aspiration",
            utilityPlot,
            List.of(
                "not started: press play or step in the Console",
                "",
                "A party accepts when the text (inside its red lines) is worth at least its aspiration, which falls with time."));

    positionsFrame =
        frame(POSITIONS_TITLE + " — " + view.name(), positionsChart, new Dimension(760, 780));
    utilityFrame =
        frame(UTILITY_TITLE + " — " + view.name(), utilityChart, new Dimension(700, 540));
  }

  private static JFrame frame(String title, JFreeChart chart, Dimension size) {
    JFrame f = new JFrame(title);
    ChartPanel panel =
        new ChartPanel(
            chart,
            size.width,
            size.height,
            300,
            200,
            2400,
            2400,
            true,
            true,
            true,
            true,
            true,
            true);
    panel.setMouseWheelEnabled(true);
    f.getContentPane().add(panel, BorderLayout.CENTER);
    f.setDefaultCloseOperation(
        WindowConstants.HIDE_ON_CLOSE); // the Console's Displays list shows it again
    f.setSize(size);
    return f;
  }

  /** Clears every series and marker for a new run. */
  void reset(String runLine, int rounds) {
    this.runLine = runLine;
    this.rounds = rounds;
    for (XYSeries[] row : actorSeries) for (XYSeries s : row) s.clear();
    for (XYSeries s : textSeries) s.clear();
    for (XYSeries s : utilitySeries) if (s != null) s.clear();
    for (XYSeries s : aspirationSeries) if (s != null) s.clear();
    accepts.clear();
    refuses.clear();
    for (XYPlot p : issuePlots) p.clearDomainMarkers();
    utilityPlot.clearDomainMarkers();
    rows.clear();
    GuiCharts.LOOK.setMonths(
        positionsAxis, view.calendar().month(0), view.calendar().month(rounds - 1));
    GuiCharts.LOOK.setMonths(
        utilityAxis, view.calendar().month(0), view.calendar().month(rounds - 1));
    for (JFreeChart c : List.of(positionsChart, utilityChart)) {
      GuiCharts.setSubtitle(c, 0, runLine);
      GuiCharts.setSubtitle(c, 1, "round 0 not yet played");
    }
  }

  void add(RoundRecord r) {
    double x = ChartLook.x(r.month());
    for (int k = 0; k < view.issues(); k++) {
      for (int a = 0; a < view.actors(); a++) actorSeries[k][a].addOrUpdate(x, r.positions()[a][k]);
      if (r.text() != null) textSeries[k].addOrUpdate(x, r.text()[k]);
    }
    for (int a = 0; a < view.actors(); a++) {
      if (utilitySeries[a] == null) continue;
      if (!Double.isNaN(r.utility()[a])) utilitySeries[a].addOrUpdate(x, r.utility()[a]);
      if (!Double.isNaN(r.aspiration()[a])) aspirationSeries[a].addOrUpdate(x, r.aspiration()[a]);
      Boolean ok = r.accepted()[a];
      if (ok != null && !Double.isNaN(r.utility()[a]))
        (ok ? accepts : refuses).add(x, r.utility()[a]);
    }
    if (!r.events().isEmpty())
      marker(x, String.join(", ", r.events()), GuiCharts.EVENT, GuiCharts.LOOK.dashed(1.2f));
    if (r.ending() == RoundClose.Ending.AGREED) {
      marker(x, "deal signed", GuiCharts.ACCEPT, ChartLook.line(2.5f));
    } else if (r.ending().over()) {
      String why = r.ending().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      marker(
          x,
          "no deal ("
              + why
              + (r.blocker() == null ? "" : ", blocker " + view.nameOf(r.blocker()))
              + ")",
          GuiCharts.REFUSE,
          ChartLook.line(2.5f));
    }
    String status = status(r);
    GuiCharts.setSubtitle(positionsChart, 1, status);
    GuiCharts.setSubtitle(utilityChart, 1, status);
  }

  /** Marks an edit made after {@code round} (it takes effect from the next round). */
  void markEdit(int round, String text) {
    double x =
        round < 0
            ? ChartLook.x(view.calendar().month(0)) - ChartLook.HALF_MONTH * 0.9
            : ChartLook.x(view.calendar().month(round)) + ChartLook.HALF_MONTH;
    marker(x, "edit: " + text, GuiCharts.EDIT, ChartLook.line(2f));
  }

  private void marker(double x, String label, Color color, java.awt.Stroke stroke) {
    // Labels run right of their line, or left of it in the last third of the run (so they stay
    // inside).
    double first = ChartLook.x(view.calendar().month(0));
    double last = ChartLook.x(view.calendar().month(Math.max(0, rounds - 1)));
    boolean leftward = x > first + (last - first) * 0.67;
    double msPerPixel =
        (last - first + 2 * ChartLook.HALF_MONTH) / 600.0; // a plot is about 600 px wide
    double width = (label.length() * 6 + 8) * msPerPixel; // about 6 px a character
    int row = row(leftward ? x - width : x, leftward ? x : x + width);
    for (XYPlot p : issuePlots) {
      ValueMarker m = new ValueMarker(x, color, stroke);
      if (p == issuePlots.get(0)) label(m, label, row, false, leftward);
      p.addDomainMarker(m, Layer.BACKGROUND);
    }
    ValueMarker m = new ValueMarker(x, color, stroke);
    label(m, label, row, true, leftward); // utilities sit high: label from the bottom
    utilityPlot.addDomainMarker(m, Layer.BACKGROUND);
  }

  /** The first label row where [lo, hi] overlaps no label yet (the last row when all are taken). */
  private int row(double lo, double hi) {
    int max = 6;
    for (int r = 0; r < max; r++) {
      if (r == rows.size()) rows.add(new ArrayList<>());
      boolean free = rows.get(r).stream().noneMatch(iv -> iv[0] < hi && lo < iv[1]);
      if (free || r == max - 1) {
        rows.get(r).add(new double[] {lo, hi});
        return r;
      }
    }
    return max - 1;
  }

  private static void label(
      ValueMarker m, String label, int row, boolean bottom, boolean leftward) {
    m.setLabel(label);
    m.setLabelFont(GuiCharts.MARKER_FONT);
    m.setLabelPaint(m.getPaint() instanceof Color c ? c.darker() : Color.DARK_GRAY);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 140));
    if (bottom) {
      m.setLabelAnchor(leftward ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.BOTTOM_RIGHT);
      m.setLabelTextAnchor(leftward ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
      m.setLabelOffset(new RectangleInsets(0, 2, 3 + 13 * row, 2));
    } else {
      m.setLabelAnchor(leftward ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(leftward ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
      m.setLabelOffset(
          new RectangleInsets(TITLE_ROOM + 13 * row, 2, 0, 2)); // below the issue's title
    }
  }

  /** "Round 5 of 24 (2023-05): Türkiye accepts, Syria refuses". */
  String status(RoundRecord r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Round %d of %d (%s): ", r.round(), rounds, r.month()));
    if (r.text() == null) s.append("no text on the table; ");
    List<String> verdicts = new ArrayList<>();
    for (int a = 0; a < view.actors(); a++) {
      Boolean ok = r.accepted()[a];
      if (ok == null) continue;
      verdicts.add(
          view.actorNames().get(a)
              + (ok ? " accepts" : " refuses")
              + (Double.isNaN(r.utility()[a])
                  ? ""
                  : Double.isNaN(r.aspiration()[a])
                      ? String.format(Locale.ROOT, " (%.2f)", r.utility()[a])
                      : String.format(
                          Locale.ROOT, " (%.2f vs %.2f)", r.utility()[a], r.aspiration()[a])));
    }
    s.append(String.join(", ", verdicts));
    if (r.ending() == RoundClose.Ending.AGREED) s.append(" — deal signed");
    else if (r.ending().over()) s.append(" — run over, no deal");
    return s.toString();
  }

  /**
   * The issue's name, whole, across the top left of its panel: a vertical axis label has only the
   * panel's height (about 120 px with five issues) and cut "Counter-terrorism cooperation" short.
   */
  /** Pixels at the top of an issue's panel its title takes: marker labels start below them. */
  static final int TITLE_ROOM = 19;

  static XYTitleAnnotation issueTitle(String label) {
    TextTitle t = new TextTitle(label, GuiCharts.LOOK.labelFont().deriveFont(java.awt.Font.BOLD));
    t.setPaint(ChartLook.INK);
    t.setBackgroundPaint(new Color(255, 255, 255, 170));
    t.setPadding(new RectangleInsets(1, 3, 1, 3));
    return new XYTitleAnnotation(0.005, 0.99, t, RectangleAnchor.TOP_LEFT);
  }

  private static java.awt.Shape cross(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(-r, -r);
    p.lineTo(r, r);
    p.moveTo(-r, r);
    p.lineTo(r, -r);
    return p;
  }
}
