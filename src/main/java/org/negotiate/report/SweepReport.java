package org.negotiate.report;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.Sweep;

/**
 * The files of a sweep: {@code sweep.csv} (every point), and {@code sweep.png/svg} (one parameter:
 * the odds against the value with 95% Wilson bands) or {@code heatmap.png/svg} (two parameters;
 * with {@code heatmap_month.png/svg} for the chosen month when it is not the final one).
 */
public final class SweepReport {
  private static final Color FINAL_COLOR = new Color(0x0B4F8A);
  private static final Color MONTH_COLOR = new Color(0xC0392B);
  private static final Color INVALID = new Color(0xBDBDBD);
  private static final Color BASELINE_FILL = new Color(242, 193, 78, 80);
  private static final Color BASELINE_LINE = new Color(0x8A6D1E);

  private SweepReport() {}

  /** Odds by the end of {@code round} at one point, or null for an invalid point. */
  public static ConvergenceOdds.MonthOdds at(Sweep.Point p, int round) {
    return p.valid() ? p.odds().byMonth().get(round) : null;
  }

  /**
   * {@code sweep.csv}: one row per point in grid order (the last parameter varies fastest): the
   * swept values, {@code status} ({@code ok} or {@code invalid}), the odds by the final month and
   * by the chosen month with their 95% Wilson intervals, the main blocker of the failed runs and
   * its share, and for an invalid point the problem.
   */
  public static void writeCsv(Sweep.Result r, int finalRound, int monthRound, Path file)
      throws IOException {
    List<String> header = new ArrayList<>();
    for (Sweep.Axis a : r.axes()) header.add(a.path());
    header.addAll(
        List.of(
            "status",
            "replications",
            "final_month",
            "agreed_final",
            "odds_final",
            "lower95_final",
            "upper95_final",
            "month",
            "agreed_month",
            "odds_month",
            "lower95_month",
            "upper95_month",
            "main_blocker",
            "main_blocker_share",
            "problem",
            "failed_replications"));
    try (CsvTable t = CsvTable.open(file, header)) {
      for (Sweep.Point p : r.points()) {
        for (double v : p.values()) t.cell(Sweep.format(v));
        if (!p.valid()) {
          t.cell("invalid").cell(0);
          for (int c = 0; c < 12; c++) t.cell("");
          t.cell(p.problem()).cell("").end();
          continue;
        }
        ConvergenceOdds.MonthOdds f = at(p, finalRound);
        ConvergenceOdds.MonthOdds m = at(p, monthRound);
        t.cell("ok").cell(p.odds().replications());
        t.cell(f.month().toString())
            .cell(f.agreed())
            .cell(Numbers.fixed(f.odds(), 6))
            .cell(Numbers.fixed(f.lower(), 6))
            .cell(Numbers.fixed(f.upper(), 6));
        t.cell(m.month().toString())
            .cell(m.agreed())
            .cell(Numbers.fixed(m.odds(), 6))
            .cell(Numbers.fixed(m.lower(), 6))
            .cell(Numbers.fixed(m.upper(), 6));
        ConvergenceOdds.BlockerShare b = mainBlocker(p.odds());
        t.cell(b == null ? "" : b.actorId())
            .cell(b == null ? "" : Numbers.fixed(b.share(), 4))
            .cell("")
            .cell(p.failed())
            .end();
      }
    }
  }

  /** The party that blocked most failed runs, or null when no run failed. */
  public static ConvergenceOdds.BlockerShare mainBlocker(ConvergenceOdds odds) {
    return odds.blockers().isEmpty() || odds.blockers().get(0).failedRuns() == 0
        ? null
        : odds.blockers().get(0);
  }

  /** Writes the chart(s) and returns their paths, PNG before SVG. */
  public static List<Path> writeCharts(
      Sweep.Result r,
      String scenario,
      YearMonth finalMonth,
      int finalRound,
      YearMonth month,
      int monthRound,
      Path dir)
      throws IOException {
    return writeCharts(r, scenario, finalMonth, finalRound, month, monthRound, null, dir);
  }

  /**
   * As {@link #writeCharts(Sweep.Result, String, YearMonth, int, YearMonth, int, Path)}, the sweep
   * chart shading the range the baseline scenario gives the swept value (null: no baseline to
   * mark).
   */
  public static List<Path> writeCharts(
      Sweep.Result r,
      String scenario,
      YearMonth finalMonth,
      int finalRound,
      YearMonth month,
      int monthRound,
      double[] baselineRange,
      Path dir)
      throws IOException {
    List<Path> out = new ArrayList<>();
    if (r.axes().size() == 1) {
      out.addAll(
          ChartKit.save(
              lineChart(r, scenario, finalMonth, finalRound, month, monthRound, baselineRange),
              dir,
              "sweep",
              ChartKit.WIDTH,
              ChartKit.HEIGHT));
    } else {
      out.addAll(
          ChartKit.save(
              heatmap(r, scenario, finalMonth, finalRound), dir, "heatmap", ChartKit.WIDTH, 900));
      if (monthRound != finalRound) {
        out.addAll(
            ChartKit.save(
                heatmap(r, scenario, month, monthRound),
                dir,
                "heatmap_month",
                ChartKit.WIDTH,
                900));
      }
    }
    return out;
  }

  /**
   * The range {min, max} the scenario gives the value at {@code path} (an actor's stance or field,
   * a protocol parameter, the agreement tolerance), or null when it has none (an absent red line).
   */
  public static double[] baselineRange(org.negotiate.scenario.Scenario s, String path) {
    org.negotiate.scenario.Quantity q;
    String[] seg = path.split("\\.");
    try {
      if (seg[0].equals("protocol") && seg.length == 2) q = s.protocol().params().get(seg[1]);
      else if (path.equals("agreement.tolerance"))
        return new double[] {s.agreement().tolerance(), s.agreement().tolerance()};
      else
        q =
            org.negotiate.scenario.InputPaths.get(
                s, org.negotiate.scenario.InputPaths.resolve(s, path));
    } catch (org.negotiate.scenario.InputPathException | IllegalArgumentException e) {
      return null; // the sweep checked the path before it ran; a path with no value here has
      // nothing to mark
    }
    return q == null ? null : new double[] {q.min(), q.max()};
  }

  static JFreeChart lineChart(
      Sweep.Result r,
      String scenario,
      YearMonth finalMonth,
      int finalRound,
      YearMonth month,
      int monthRound) {
    return lineChart(r, scenario, finalMonth, finalRound, month, monthRound, null);
  }

  static JFreeChart lineChart(
      Sweep.Result r,
      String scenario,
      YearMonth finalMonth,
      int finalRound,
      YearMonth month,
      int monthRound,
      double[] baselineRange) {
    Sweep.Axis axis = r.axes().get(0);
    boolean both = monthRound != finalRound;
    YIntervalSeries fin = new YIntervalSeries("final", false, true);
    YIntervalSeries mon = new YIntervalSeries("month", false, true);
    List<String> invalid = new ArrayList<>();
    for (Sweep.Point p : r.points()) {
      if (!p.valid()) {
        invalid.add(Sweep.format(p.values()[0]));
        continue;
      }
      ConvergenceOdds.MonthOdds f = at(p, finalRound);
      fin.add(p.values()[0], f.odds(), f.lower(), f.upper());
      if (both) {
        ConvergenceOdds.MonthOdds m = at(p, monthRound);
        mon.add(p.values()[0], m.odds(), m.lower(), m.upper());
      }
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(fin);
    if (both) data.addSeries(mon);
    DeviationRenderer rr = new DeviationRenderer(true, r.points().size() <= 60);
    Color[] colors = {FINAL_COLOR, MONTH_COLOR};
    for (int s = 0; s < 2; s++) {
      rr.setSeriesPaint(s, colors[s]);
      rr.setSeriesStroke(s, ChartLook.line(2.6f));
      rr.setSeriesFillPaint(s, ChartLook.lighter(colors[s], 0.55));
      rr.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    }
    rr.setAlpha(0.30f);
    NumberAxis x = new NumberAxis(axis.path() + " (set to each value)");
    x.setAutoRangeIncludesZero(false);
    double lo = Math.min(axis.from(), axis.to());
    double hi = Math.max(axis.from(), axis.to());
    double pad = hi > lo ? (hi - lo) * 0.02 : 1;
    x.setRange(lo - pad, hi + pad);
    NumberAxis y = new NumberAxis("P(deal by month)");
    y.setRange(0.0, 1.0);
    y.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0")));
    XYPlot plot = new XYPlot(data, x, y, rr);
    plot.setNoDataMessage("No valid point: every value made the scenario invalid");
    plot.setNoDataMessageFont(ChartKit.EMPTY_FONT);
    List<org.jfree.chart.LegendItem> legend = new ArrayList<>();
    legend.add(
        ChartLook.REPORT.lineItem(
            "P(deal by " + finalMonth + ")", FINAL_COLOR, ChartLook.line(2.6f)));
    if (both)
      legend.add(
          ChartLook.REPORT.lineItem("P(deal by " + month + ")", MONTH_COLOR, ChartLook.line(2.6f)));
    legend.add(ChartLook.REPORT.boxItem("95% Wilson intervals", new Color(0xCCCCCC)));
    if (baselineRange != null) {
      // a point value is a line, a range a band: either way, where the scenario as written sits
      String what =
          baselineRange[1] > baselineRange[0]
              ? "Baseline range "
                  + Sweep.format(baselineRange[0])
                  + "–"
                  + Sweep.format(baselineRange[1])
              : "Baseline value " + Sweep.format(baselineRange[0]);
      if (baselineRange[1] > baselineRange[0]) {
        plot.addDomainMarker(
            new org.jfree.chart.plot.IntervalMarker(
                baselineRange[0], baselineRange[1], BASELINE_FILL),
            org.jfree.chart.ui.Layer.BACKGROUND);
        legend.add(ChartLook.REPORT.boxItem(what, BASELINE_FILL));
      } else {
        plot.addDomainMarker(
            new org.jfree.chart.plot.ValueMarker(
                baselineRange[0], BASELINE_LINE, ChartLook.REPORT.dashed(2f)),
            org.jfree.chart.ui.Layer.BACKGROUND);
        legend.add(ChartLook.REPORT.lineItem(what, BASELINE_LINE, ChartLook.REPORT.dashed(2f)));
      }
    }
    plot.setFixedLegendItems(ChartLook.legend(legend));
    if (!invalid.isEmpty()) {
      plot.addAnnotation(
          ChartKit.note(
              "invalid scenario at " + String.join(", ", invalid) + " (see sweep.csv)",
              ChartKit.NOTE_FONT,
              0.01,
              0.98,
              RectangleAnchor.TOP_LEFT));
    }
    String note = "same seed at every point (common random numbers)";
    return ChartLook.REPORT.chart(
        ChartKit.title(scenario, "odds of a deal against " + axis.path()),
        List.of(ChartKit.runLine(r.replications(), r.seed(), note)),
        plot,
        true);
  }

  /** White at 0 through pale yellow to deep blue at 1; grey for an invalid point (NaN). */
  static final class OddsScale implements PaintScale {
    private static final Color[] STOPS = {
      new Color(0xFFFFFF), new Color(0xFDE9A9), new Color(0x7FB3D5), new Color(0x0B4F8A)
    };

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public Paint getPaint(double value) {
      if (Double.isNaN(value)) return INVALID;
      double v = Math.max(0, Math.min(1, value)) * (STOPS.length - 1);
      int i = Math.min(STOPS.length - 2, (int) Math.floor(v));
      double t = v - i;
      Color a = STOPS[i];
      Color b = STOPS[i + 1];
      return new Color(
          (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
          (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
          (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
  }

  /**
   * An axis whose ticks are the swept values themselves, at the cells' centres: ticks at multiples
   * of the step (0.0, 0.1, …) fall on cell edges when the grid starts at 0.05.
   */
  static NumberAxis gridAxis(Sweep.Axis a, org.jfree.data.Range range, boolean horizontal) {
    double[] values = a.values();
    NumberAxis axis =
        new NumberAxis(a.path()) {
          private static final long serialVersionUID = 1L;

          @Override
          public List<org.jfree.chart.axis.Tick> refreshTicks(
              java.awt.Graphics2D g2,
              org.jfree.chart.axis.AxisState state,
              java.awt.geom.Rectangle2D dataArea,
              RectangleEdge edge) {
            List<org.jfree.chart.axis.Tick> ticks = new ArrayList<>();
            for (double v : values) {
              ticks.add(
                  new org.jfree.chart.axis.NumberTick(
                      v,
                      Sweep.format(v),
                      horizontal ? TextAnchor.TOP_CENTER : TextAnchor.CENTER_RIGHT,
                      TextAnchor.CENTER,
                      0.0));
            }
            return ticks;
          }
        };
    axis.setAutoRangeIncludesZero(false);
    axis.setRange(range);
    axis.setLabelFont(ChartKit.LABEL_FONT);
    axis.setTickLabelFont(ChartKit.TICK_FONT);
    return axis;
  }

  static JFreeChart heatmap(Sweep.Result r, String scenario, YearMonth month, int round) {
    Sweep.Axis ax = r.axes().get(0);
    Sweep.Axis ay = r.axes().get(1);
    int n = r.points().size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[] zs = new double[n];
    for (int i = 0; i < n; i++) {
      Sweep.Point p = r.points().get(i);
      xs[i] = p.values()[0];
      ys[i] = p.values()[1];
      zs[i] = p.valid() ? at(p, round).odds() : Double.NaN;
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("odds", new double[][] {xs, ys, zs});
    XYBlockRenderer br = new XYBlockRenderer();
    double w = ax.steps() > 1 ? Math.abs(ax.to() - ax.from()) / (ax.steps() - 1) : 1;
    double h = ay.steps() > 1 ? Math.abs(ay.to() - ay.from()) / (ay.steps() - 1) : 1;
    br.setBlockWidth(w);
    br.setBlockHeight(h);
    br.setBlockAnchor(RectangleAnchor.CENTER);
    OddsScale scale = new OddsScale();
    br.setPaintScale(scale);
    NumberAxis x = new NumberAxis(ax.path());
    x.setAutoRangeIncludesZero(false);
    x.setRange(Math.min(ax.from(), ax.to()) - w / 2, Math.max(ax.from(), ax.to()) + w / 2);
    NumberAxis y = new NumberAxis(ay.path());
    y.setAutoRangeIncludesZero(false);
    y.setRange(Math.min(ay.from(), ay.to()) - h / 2, Math.max(ay.from(), ay.to()) + h / 2);
    if (ax.steps() <= 25 && w > 0) x = gridAxis(ax, x.getRange(), true);
    if (ay.steps() <= 25 && h > 0) y = gridAxis(ay, y.getRange(), false);
    XYPlot plot = new XYPlot(data, x, y, br);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    if (ax.steps() <= 16 && ay.steps() <= 16) {
      for (int i = 0; i < n; i++) {
        String label = Double.isNaN(zs[i]) ? "invalid" : String.format(Locale.ROOT, "%.2f", zs[i]);
        XYTextAnnotation t = new XYTextAnnotation(label, xs[i], ys[i]);
        t.setFont(ChartKit.NOTE_FONT);
        t.setPaint(!Double.isNaN(zs[i]) && zs[i] > 0.7 ? Color.WHITE : ChartKit.INK);
        t.setTextAnchor(TextAnchor.CENTER);
        plot.addAnnotation(t);
      }
    }
    JFreeChart chart =
        ChartLook.REPORT.chart(
            ChartKit.title(scenario, "P(deal by " + month + ") over two parameters"),
            List.of(
                ChartKit.runLine(
                    r.replications(),
                    r.seed(),
                    "same seed at every cell (common random numbers) · grey: invalid scenario")),
            plot,
            false);
    NumberAxis legendAxis = new NumberAxis("P(deal by " + month + ")");
    legendAxis.setRange(0, 1);
    legendAxis.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0")));
    legendAxis.setLabelFont(ChartKit.LABEL_FONT);
    legendAxis.setTickLabelFont(ChartKit.TICK_FONT);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(18);
    legend.setAxisOffset(4);
    legend.setMargin(new RectangleInsets(40, 12, 40, 4));
    legend.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(legend);
    return chart;
  }
}
