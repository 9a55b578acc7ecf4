package org.negotiate.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.negotiate.experiment.Sensitivity;
import org.negotiate.experiment.SobolIndices;

/**
 * The files of a sensitivity analysis: {@code oat.csv} and {@code tornado.png/svg} (one input at a
 * time), {@code sobol.csv} and {@code sobol.png/svg} (first-order and total indices with bootstrap
 * intervals).
 */
public final class SensitivityReport {
  /** Most inputs a chart shows (the CSVs have them all). */
  public static final int CHART_INPUTS = 20;

  private static final Color MIN_COLOR = new Color(0xC0392B);
  private static final Color MAX_COLOR = new Color(0x0B4F8A);
  private static final Color FIRST_COLOR = new Color(0x7FB3D5);
  private static final Color TOTAL_COLOR = new Color(0x0B4F8A);

  private SensitivityReport() {}

  /** One-at-a-time rows, largest swing first (ties in input order). */
  public static List<Sensitivity.OatRow> oatBySwing(Sensitivity.Result r) {
    List<Sensitivity.OatRow> rows = new ArrayList<>(r.oat());
    rows.sort(Comparator.comparingDouble(Sensitivity.OatRow::swing).reversed());
    return rows;
  }

  /** Sobol rows, largest total index first (ties in input order). */
  public static List<Sensitivity.SobolRow> sobolByTotal(Sensitivity.Result r) {
    List<Sensitivity.SobolRow> rows = new ArrayList<>(r.sobolRows());
    rows.sort(Comparator.comparingDouble((Sensitivity.SobolRow s) -> s.total().value()).reversed());
    return rows;
  }

  /**
   * {@code oat.csv}: per input, largest swing first: its distribution, nominal, minimum and
   * maximum, the odds with every studied input nominal, with this one at its minimum and at its
   * maximum, and the changes.
   */
  public static void writeOat(Sensitivity.Result r, Path file) throws IOException {
    try (CsvTable t =
        CsvTable.open(
            file,
            "input",
            "settable",
            "distribution",
            "nominal",
            "min",
            "max",
            "odds_nominal",
            "odds_at_min",
            "odds_at_max",
            "change_at_min",
            "change_at_max",
            "swing")) {
      for (Sensitivity.OatRow o : oatBySwing(r)) {
        t.row(
            o.input().key(),
            Boolean.toString(o.input().settable()),
            o.input().quantity().describe(),
            Numbers.fixed(o.nominal(), 4),
            Numbers.fixed(o.min(), 4),
            Numbers.fixed(o.max(), 4),
            Numbers.fixed(o.atNominal(), 6),
            Numbers.fixed(o.atMin(), 6),
            Numbers.fixed(o.atMax(), 6),
            Numbers.fixed(o.atMin() - o.atNominal(), 6),
            Numbers.fixed(o.atMax() - o.atNominal(), 6),
            Numbers.fixed(o.swing(), 6));
      }
    }
  }

  /**
   * {@code sobol.csv}: per input, largest total index first: first-order and total indices with 95%
   * bootstrap intervals.
   */
  public static void writeSobol(Sensitivity.Result r, Path file) throws IOException {
    try (CsvTable t =
        CsvTable.open(
            file,
            "input",
            "settable",
            "distribution",
            "first_order",
            "first_lower95",
            "first_upper95",
            "total",
            "total_lower95",
            "total_upper95")) {
      for (Sensitivity.SobolRow s : sobolByTotal(r)) {
        t.row(
            s.input().key(),
            Boolean.toString(s.input().settable()),
            s.input().quantity().describe(),
            Numbers.fixed(s.first().value(), 4),
            Numbers.fixed(s.first().lower(), 4),
            Numbers.fixed(s.first().upper(), 4),
            Numbers.fixed(s.total().value(), 4),
            Numbers.fixed(s.total().lower(), 4),
            Numbers.fixed(s.total().upper(), 4));
      }
    }
  }

  /**
   * Writes the tornado chart and, when there is a Sobol analysis, the Sobol chart; returns the
   * paths.
   */
  public static List<Path> writeCharts(
      Sensitivity.Result r, String scenario, YearMonth month, Path dir) throws IOException {
    List<Path> out = new ArrayList<>(writeTornado(r, scenario, month, dir));
    if (r.sobol() != null) out.addAll(writeSobolChart(r, scenario, month, dir));
    return out;
  }

  /** The one-at-a-time chart of {@link #writeCharts}: {@code tornado.png} and {@code .svg}. */
  public static List<Path> writeTornado(
      Sensitivity.Result r, String scenario, YearMonth month, Path dir) throws IOException {
    return ChartKit.save(tornado(r, scenario, month), dir, "tornado", ChartKit.WIDTH, height(r));
  }

  /** The Sobol chart of {@link #writeCharts} ({@code sobol.png}, {@code .svg}); needs Sobol. */
  public static List<Path> writeSobolChart(
      Sensitivity.Result r, String scenario, YearMonth month, Path dir) throws IOException {
    return ChartKit.save(sobolChart(r, scenario, month), dir, "sobol", ChartKit.WIDTH, height(r));
  }

  private static int height(Sensitivity.Result r) {
    int shown = Math.min(CHART_INPUTS, r.inputs().size());
    return Math.max(ChartKit.HEIGHT, 260 + 38 * shown);
  }

  /** "(45–70)", "(0.50–1.00)": the input's range with as many decimals as its width needs. */
  private static String range(org.negotiate.experiment.UncertainInput in) {
    String f = "%." + org.negotiate.experiment.Discovery.decimals(in) + "f";
    return String.format(
        Locale.ROOT, "(" + f + "–" + f + ")", in.quantity().min(), in.quantity().max());
  }

  static JFreeChart tornado(Sensitivity.Result r, String scenario, YearMonth month) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Sensitivity.OatRow> rows = oatBySwing(r);
    for (Sensitivity.OatRow o : rows.subList(0, Math.min(CHART_INPUTS, rows.size()))) {
      String label = o.input().key() + " " + range(o.input());
      data.addValue(o.atMin() - o.atNominal(), "at its minimum", label);
      data.addValue(o.atMax() - o.atNominal(), "at its maximum", label);
    }
    BarRenderer br = new BarRenderer();
    br.setShadowVisible(false);
    br.setDrawBarOutline(false);
    br.setBarPainter(new StandardBarPainter());
    br.setItemMargin(0.0);
    br.setSeriesPaint(0, MIN_COLOR);
    br.setSeriesPaint(1, MAX_COLOR);
    CategoryAxis x = new CategoryAxis(null);
    x.setCategoryMargin(0.25);
    x.setMaximumCategoryLabelWidthRatio(0.45f);
    NumberAxis y = new NumberAxis("change in P(deal by " + month + ") from the nominal inputs");
    y.setNumberFormatOverride(new DecimalFormat("+0.00;−0.00"));
    CategoryPlot plot = new CategoryPlot(data, x, y, br);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
    plot.addRangeMarker(new ValueMarker(0, ChartKit.INK, ChartLook.line(1.2f)));
    plot.setNoDataMessage("No uncertain inputs");
    plot.setFixedLegendItems(
        ChartLook.legend(
            List.of(
                ChartLook.REPORT.boxItem("input at its minimum", MIN_COLOR),
                ChartLook.REPORT.boxItem("input at its maximum", MAX_COLOR))));
    String note =
        String.format(
            Locale.ROOT,
            "one input at a time, the others at their nominal values (P = %.2f) · "
                + "largest %d of %d inputs",
            r.nominalOdds(),
            Math.min(CHART_INPUTS, rows.size()),
            rows.size());
    return ChartLook.REPORT.chart(
        ChartKit.title(scenario, "which inputs move the odds (one at a time)"),
        List.of(
            ChartKit.runLine(r.settings().replications(), r.settings().seed(), "per point"), note),
        plot,
        true);
  }

  static JFreeChart sobolChart(Sensitivity.Result r, String scenario, YearMonth month) {
    List<Sensitivity.SobolRow> rows = sobolByTotal(r);
    rows = rows.subList(0, Math.min(CHART_INPUTS, rows.size()));
    int n = rows.size();
    PairedBars bars = new PairedBars(n, "total", "first order");
    double hi = 0.1;
    double lo = 0;
    for (int i = 0; i < n; i++) {
      Sensitivity.SobolRow row = rows.get(i);
      SobolIndices.Estimate f = row.first();
      SobolIndices.Estimate t = row.total();
      bars.row(
          i,
          row.input().key(),
          new double[] {
            t.value(), Math.min(0, t.value()), Math.max(0, t.value()), t.lower(), t.upper()
          },
          new double[] {
            f.value(), Math.min(0, f.value()), Math.max(0, f.value()), f.lower(), f.upper()
          });
      hi = Math.max(hi, Math.max(t.upper(), Math.max(f.upper(), t.value())));
      lo = Math.min(lo, Math.min(f.lower(), f.value()));
    }
    NumberAxis y =
        new NumberAxis("Sobol index of P(deal by " + month + ") (share of its variance)");
    y.setRange(Math.max(-0.2, lo - 0.02), Math.min(1.2, hi + 0.05));
    XYPlot plot = bars.plot(y, n, TOTAL_COLOR, FIRST_COLOR);
    plot.addRangeMarker(new ValueMarker(0, ChartKit.INK, ChartLook.line(1.2f)));
    plot.setNoDataMessage("No uncertain inputs");
    plot.setFixedLegendItems(
        ChartLook.legend(
            List.of(
                ChartLook.REPORT.boxItem("total index (Jansen)", TOTAL_COLOR),
                ChartLook.REPORT.boxItem("first-order index (Saltelli 2010)", FIRST_COLOR),
                ChartLook.REPORT.lineItem(
                    "95% bootstrap interval", ChartKit.INK, ChartLook.line(1.4f)))));
    SobolIndices.Result so = r.sobol();
    String note =
        String.format(
            Locale.ROOT,
            "N = %d base samples × (k + 2) = %d points, %d bootstrap resamples · "
                + "mean P = %.2f, variance %.4f · largest %d of %d inputs",
            so.samples(),
            so.samples() * (r.inputs().size() + 2),
            so.bootstrap(),
            r.meanOdds(),
            so.variance(),
            n,
            r.inputs().size());
    List<String> lines =
        new ArrayList<>(
            List.of(
                ChartKit.runLine(r.settings().replications(), r.settings().seed(), "per point"),
                note));
    String warning = sobolWarning(rows);
    if (warning != null) lines.add(warning);
    return ChartLook.REPORT.chart(
        ChartKit.title(scenario, "which inputs move the odds (Sobol indices)"), lines, plot, true);
  }

  /** Widest 95% interval of an index read as an estimate rather than noise. */
  static final double WIDE = 0.5;

  /**
   * A warning when the sample is too small to read the indices: an index outside [0, 1] (they are
   * shares of the variance; the chart clips its bars at -0.2 and 1.2) or an interval wider than
   * {@link #WIDE}; null otherwise.
   */
  public static String sobolWarning(List<Sensitivity.SobolRow> rows) {
    String outside = null;
    double widest = 0;
    for (Sensitivity.SobolRow row : rows) {
      for (SobolIndices.Estimate e : List.of(row.first(), row.total())) {
        if (outside == null && (e.value() < -0.05 || e.value() > 1.05)) {
          outside =
              String.format(
                  Locale.ROOT,
                  "%s index of %s = %.2f",
                  e == row.first() ? "first-order" : "total",
                  row.input().key(),
                  e.value());
        }
        if (Double.isFinite(e.upper() - e.lower()))
          widest = Math.max(widest, e.upper() - e.lower());
      }
    }
    if (outside == null && widest <= WIDE) return null;
    return "Sample too small to read these indices: "
        + (outside != null ? outside + " lies outside [0, 1]" : "")
        + (outside != null && widest > WIDE ? "; " : "")
        + (widest > WIDE
            ? String.format(Locale.ROOT, "95%% intervals up to %.2f wide", widest)
            : "")
        + " · rerun with more --samples";
  }
}
