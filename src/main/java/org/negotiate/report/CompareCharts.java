package org.negotiate.report;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.negotiate.experiment.Comparison;

/**
 * The charts of a comparison: both scenarios' odds by month with their Wilson bands ({@code
 * odds.png/svg}), and the difference B − A with its paired band and, lighter, the unpaired band it
 * would have without common random numbers ({@code difference.png/svg}).
 */
public final class CompareCharts {
  /** Base names of the charts, in the order {@link #writeAll} writes them. */
  public static final List<String> CHART_NAMES = List.of("odds", "difference");

  private static final Color A_COLOR = new Color(0x0B4F8A);
  private static final Color B_COLOR = new Color(0xC0392B);
  private static final Color DIFF_COLOR = new Color(0x2E7D32);

  private CompareCharts() {}

  /** Writes both charts as PNG and SVG into {@code dir}; returns the paths (PNG before SVG). */
  public static List<Path> writeAll(Comparison c, Path dir) throws IOException {
    return writeAll(c, dir, true);
  }

  /** As {@link #writeAll(Comparison, Path)}; undated (actor tables): x counts rounds. */
  public static List<Path> writeAll(Comparison c, Path dir, boolean dated) throws IOException {
    List<Path> out = new ArrayList<>(4);
    out.addAll(ChartKit.save(oddsChart(c, dated), dir, "odds", ChartKit.WIDTH, ChartKit.HEIGHT));
    out.addAll(
        ChartKit.save(
            differenceChart(c, dated), dir, "difference", ChartKit.WIDTH, ChartKit.HEIGHT));
    return out;
  }

  private static double x(Comparison.MonthDifference m, boolean dated) {
    return dated ? ChartLook.x(m.month()) : m.round();
  }

  private static String by(Comparison.MonthDifference m, boolean dated) {
    return dated ? m.month().toString() : "round " + m.round();
  }

  private static String label(String name, String which, Comparison c) {
    return c.a().equals(c.b()) ? which + ": " + name : name;
  }

  static JFreeChart oddsChart(Comparison c) {
    return oddsChart(c, true);
  }

  static JFreeChart oddsChart(Comparison c, boolean dated) {
    YIntervalSeries a = new YIntervalSeries("A", false, true);
    YIntervalSeries b = new YIntervalSeries("B", false, true);
    for (Comparison.MonthDifference m : c.byMonth()) {
      a.add(x(m, dated), m.oddsA(), m.lowerA(), m.upperA());
      b.add(x(m, dated), m.oddsB(), m.lowerB(), m.upperB());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(a);
    data.addSeries(b);
    DeviationRenderer r = new DeviationRenderer(true, c.byMonth().size() <= 48);
    Color[] colors = {A_COLOR, B_COLOR};
    for (int s = 0; s < 2; s++) {
      r.setSeriesPaint(s, colors[s]);
      r.setSeriesStroke(s, ChartLook.line(2.6f));
      r.setSeriesFillPaint(s, ChartLook.lighter(colors[s], 0.55));
      r.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    }
    r.setAlpha(0.30f);
    org.jfree.chart.axis.ValueAxis x =
        dated
            ? ChartKit.monthAxis(
                "Month (yyyy-MM; odds of a deal by the end of the month)",
                c.byMonth().stream().map(Comparison.MonthDifference::month).toList())
            : OddsCharts.roundAxis(
                "Round (the tables have no dates; odds of a deal by the end of the round)",
                c.byMonth().size());
    NumberAxis y = new NumberAxis(dated ? "P(agreement by month)" : "P(agreement by round)");
    y.setRange(0.0, 1.0);
    y.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0")));
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setNoDataMessage(dated ? "No months to show" : "No rounds to show");
    plot.setFixedLegendItems(
        ChartLook.legend(
            List.of(
                ChartLook.REPORT.lineItem("A: " + c.a(), A_COLOR, ChartLook.line(2.6f)),
                ChartLook.REPORT.lineItem("B: " + c.b(), B_COLOR, ChartLook.line(2.6f)),
                ChartLook.REPORT.boxItem("95% Wilson intervals", new Color(0xCCCCCC)))));
    Comparison.MonthDifference last = c.last();
    String note =
        String.format(
            Locale.ROOT,
            "by %s: A %.2f, B %.2f · same seed and draws (common random numbers)",
            by(last, dated),
            last.oddsA(),
            last.oddsB());
    return ChartLook.REPORT.chart(
        ChartKit.title(
            c.a() + " vs " + c.b(),
            dated ? "odds of agreement by month" : "odds of agreement by round"),
        List.of(ChartKit.runLine(c.replications(), c.seed(), note)),
        plot,
        true);
  }

  static JFreeChart differenceChart(Comparison c) {
    return differenceChart(c, true);
  }

  static JFreeChart differenceChart(Comparison c, boolean dated) {
    YIntervalSeries unpaired = new YIntervalSeries("unpaired", false, true);
    YIntervalSeries paired = new YIntervalSeries("paired", false, true);
    double lo = 0, hi = 0;
    for (Comparison.MonthDifference m : c.byMonth()) {
      double x = x(m, dated);
      paired.add(x, m.paired().estimate(), m.paired().lower(), m.paired().upper());
      unpaired.add(x, m.unpaired().estimate(), m.unpaired().lower(), m.unpaired().upper());
      lo = Math.min(lo, Math.min(m.unpaired().lower(), m.paired().lower()));
      hi = Math.max(hi, Math.max(m.unpaired().upper(), m.paired().upper()));
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(unpaired);
    data.addSeries(paired);
    DeviationRenderer r = new DeviationRenderer(true, c.byMonth().size() <= 48);
    r.setSeriesPaint(0, ChartLook.lighter(DIFF_COLOR, 0.6));
    r.setSeriesStroke(0, ChartLook.line(0.1f));
    r.setSeriesShapesVisible(0, false);
    r.setSeriesFillPaint(0, ChartLook.lighter(DIFF_COLOR, 0.85));
    r.setSeriesPaint(1, DIFF_COLOR);
    r.setSeriesStroke(1, ChartLook.line(2.6f));
    r.setSeriesFillPaint(1, ChartLook.lighter(DIFF_COLOR, 0.45));
    r.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    r.setAlpha(0.45f);
    org.jfree.chart.axis.ValueAxis x =
        dated
            ? ChartKit.monthAxis(
                "Month (yyyy-MM)",
                c.byMonth().stream().map(Comparison.MonthDifference::month).toList())
            : OddsCharts.roundAxis("Round (the tables have no dates)", c.byMonth().size());
    NumberAxis y = new NumberAxis(dated ? "P(deal by month): B − A" : "P(deal by round): B − A");
    double pad = Math.max(0.02, (hi - lo) * 0.08);
    y.setRange(Math.max(-1, lo - pad), Math.min(1, hi + pad));
    y.setNumberFormatOverride(new DecimalFormat("+0.00;−0.00"));
    XYPlot plot = new XYPlot(data, x, y, r);
    ValueMarker zero = new ValueMarker(0, ChartKit.INK, ChartLook.line(1.2f));
    plot.addRangeMarker(zero);
    plot.setNoDataMessage(dated ? "No months to show" : "No rounds to show");
    plot.setFixedLegendItems(
        ChartLook.legend(
            List.of(
                ChartLook.REPORT.lineItem("difference B − A", DIFF_COLOR, ChartLook.line(2.6f)),
                ChartLook.REPORT.boxItem(
                    "95% paired interval (Newcombe, common random numbers)",
                    ChartLook.lighter(DIFF_COLOR, 0.55)),
                ChartLook.REPORT.boxItem(
                    "95% unpaired interval (as if run independently)",
                    ChartLook.lighter(DIFF_COLOR, 0.88)))));
    Comparison.MonthDifference last = c.last();
    String note =
        String.format(
            Locale.ROOT,
            "by %s: %s [%s, %s] paired, [%s, %s] unpaired",
            by(last, dated),
            signed(last.paired().estimate()),
            signed(last.paired().lower()),
            signed(last.paired().upper()),
            signed(last.unpaired().lower()),
            signed(last.unpaired().upper()));
    return ChartLook.REPORT.chart(
        ChartKit.title(
            label(c.b(), "B", c) + " − " + label(c.a(), "A", c), "difference in odds of agreement"),
        List.of(ChartKit.runLine(c.replications(), c.seed(), note)),
        plot,
        true);
  }

  /** Two decimals with a typographic minus: "−0.07", "0.00", "+0.05" without the plus. */
  public static String signed(double v) {
    String s = String.format(Locale.ROOT, "%.2f", Math.abs(v));
    return v < 0 && !s.equals("0.00") ? "−" + s : s;
  }
}
