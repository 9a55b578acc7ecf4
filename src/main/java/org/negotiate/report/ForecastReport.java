package org.negotiate.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.negotiate.experiment.Backtest;
import org.negotiate.experiment.Posterior;

/**
 * The tables and charts of forecasts made as of a date: what the observations taught about the
 * inputs ({@code posterior.csv}, {@code posterior.png}) and the back-test of the as-of forecasts
 * against the recorded outcome ({@code backtest.csv}, {@code backtest.png}, {@code
 * reliability.png}).
 */
public final class ForecastReport {
  private ForecastReport() {}

  /** Inputs shown in the posterior chart (the largest shifts); the CSV holds all. */
  static final int SHOWN = 12;

  /** {@code posterior.csv}: every uncertain input's prior and posterior summaries. */
  public static void writePosterior(Posterior p, Path file) throws IOException {
    try (CsvTable t =
        CsvTable.open(
            file,
            "input",
            "prior_mean",
            "prior_p10",
            "prior_median",
            "prior_p90",
            "posterior_mean",
            "posterior_p10",
            "posterior_median",
            "posterior_p90",
            "shift_sd",
            "reading")) {
      for (Posterior.Input in : p.inputs()) {
        t.row(
            in.key(),
            num(in.priorMean()),
            num(in.priorBand()[0]),
            num(in.priorBand()[1]),
            num(in.priorBand()[2]),
            num(in.posteriorMean()),
            num(in.posteriorBand()[0]),
            num(in.posteriorBand()[1]),
            num(in.posteriorBand()[2]),
            num(in.shift()),
            in.reading());
      }
    }
  }

  /**
   * {@code posterior.png/.svg}: the shift of each input's mean, in prior standard deviations,
   * largest first.
   */
  public static List<Path> posteriorChart(Posterior p, String scenario, String asOf, Path dir)
      throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int shown = 0;
    for (Posterior.Input in : p.inputs()) {
      if (shown++ == SHOWN) break;
      String label =
          String.format(
              Locale.ROOT, "%s: %s → %s", in.key(), fmt(in.priorMean()), fmt(in.posteriorMean()));
      data.addValue(in.shift(), "shift", label);
    }
    CategoryPlot plot =
        new CategoryPlot(
            data,
            new CategoryAxis(null),
            new NumberAxis("posterior mean − prior mean, in prior standard deviations"),
            new BarRenderer());
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    plot.getDomainAxis().setTickLabelFont(ChartKit.TICK_FONT);
    plot.getRangeAxis().setLabelFont(ChartKit.LABEL_FONT);
    plot.getRangeAxis().setTickLabelFont(ChartKit.TICK_FONT);
    ((BarRenderer) plot.getRenderer()).setSeriesPaint(0, new Color(31, 119, 180));
    ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
    JFreeChart chart =
        new JFreeChart(
            ChartKit.title(scenario, "what the observations taught (as of " + asOf + ")"),
            ChartKit.NOTE_BOLD_FONT,
            plot,
            false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(
        new TextTitle(
            String.format(
                Locale.ROOT,
                "prior: %,d replications tried; posterior: the %,d that reproduce the observations (labels: prior mean → posterior mean)",
                p.attempted(),
                p.kept()),
            ChartKit.NOTE_FONT));
    return ChartKit.save(chart, dir, "posterior", ChartKit.WIDTH, ChartKit.HEIGHT);
  }

  /** {@code backtest.csv}: one row per case and as-of month. */
  public static void writeBacktest(List<Backtest> cases, Path file) throws IOException {
    try (CsvTable t =
        CsvTable.open(
            file,
            "scenario",
            "as_of",
            "forecast",
            "lower95",
            "upper95",
            "kept",
            "attempted",
            "outcome",
            "brier",
            "log_score",
            "base_rate",
            "brier_base_rate",
            "no_deal_so_far",
            "brier_no_deal_so_far")) {
      for (Backtest b : cases) {
        for (Backtest.Month m : b.months()) {
          t.row(
              b.scenario(),
              m.asOf().toString(),
              num(m.forecast()),
              num(m.lower()),
              num(m.upper()),
              Long.toString(m.kept()),
              Long.toString(m.attempted()),
              b.outcome() ? "1" : "0",
              num(m.brier()),
              num(m.logScore()),
              num(b.baseRate()),
              num(m.brierBaseRate()),
              num(m.noDealSoFar()),
              num(m.brierNoDealSoFar()));
        }
      }
    }
  }

  /**
   * {@code backtest.png/.svg}: the as-of forecasts of one case by month, the reference forecasters
   * and the outcome.
   */
  public static List<Path> backtestChart(Backtest b, Path dir, String name) throws IOException {
    YIntervalSeries model = new YIntervalSeries("as-of forecast (95% interval)");
    XYSeries base = new XYSeries("reference: base rate " + fmt(b.baseRate()));
    XYSeries persist = new XYSeries("reference: no deal so far (Laplace)");
    XYSeries outcome =
        new XYSeries(
            "outcome: " + (b.outcome() ? "agreement" : "no agreement") + " by " + b.target());
    for (Backtest.Month m : b.months()) {
      double x = m.round();
      model.add(x, m.forecast(), m.lower(), m.upper());
      base.add(x, b.baseRate());
      persist.add(x, m.noDealSoFar());
      outcome.add(x, b.outcome() ? 1 : 0);
    }
    XYPlot plot = new XYPlot();
    DeviationRenderer band = new DeviationRenderer(true, true);
    band.setSeriesPaint(0, new Color(31, 119, 180));
    band.setSeriesFillPaint(0, new Color(31, 119, 180, 60));
    band.setSeriesStroke(0, new BasicStroke(ChartKit.LINE_WIDTH));
    plot.setDataset(
        0,
        new YIntervalSeriesCollection() {
          {
            addSeries(model);
          }
        });
    plot.setRenderer(0, band);
    XYSeriesCollection refs = new XYSeriesCollection();
    refs.addSeries(base);
    refs.addSeries(persist);
    refs.addSeries(outcome);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    lines.setSeriesPaint(0, new Color(150, 150, 150));
    lines.setSeriesStroke(
        0,
        new BasicStroke(
            1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
    lines.setSeriesPaint(1, new Color(255, 127, 14));
    lines.setSeriesStroke(
        1,
        new BasicStroke(
            1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {2, 3}, 0));
    lines.setSeriesPaint(2, new Color(214, 39, 40));
    lines.setSeriesStroke(2, new BasicStroke(3f));
    plot.setDataset(1, refs);
    plot.setRenderer(1, lines);
    NumberAxis x = new NumberAxis("as-of month (months after " + b.start() + ")");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setLabelFont(ChartKit.LABEL_FONT);
    x.setTickLabelFont(ChartKit.TICK_FONT);
    NumberAxis y = new NumberAxis("P(agreement by " + b.target() + ")");
    y.setRange(-0.02, 1.02);
    y.setLabelFont(ChartKit.LABEL_FONT);
    y.setTickLabelFont(ChartKit.TICK_FONT);
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    JFreeChart chart =
        new JFreeChart(
            ChartKit.title(b.scenario(), "forecasts made as of each month, against what happened"),
            ChartKit.NOTE_BOLD_FONT,
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(
        new TextTitle(
            String.format(
                Locale.ROOT,
                "mean Brier %.3f (base rate %.3f, no-deal-so-far %.3f) · mean log score %.3f · %,d kept replications per month at most",
                b.meanBrier(),
                b.meanBrierBaseRate(),
                b.meanBrierNoDealSoFar(),
                b.meanLogScore(),
                b.target() == null ? 0 : b.keptTarget()),
            ChartKit.NOTE_FONT));
    return ChartKit.save(chart, dir, name, ChartKit.WIDTH, ChartKit.HEIGHT);
  }

  /**
   * {@code reliability.png/.svg}: across every case and as-of month, the share of outcomes that
   * happened per bin of forecast probability (tenths), against the diagonal of a calibrated
   * forecaster.
   */
  public static List<Path> reliabilityChart(List<Backtest> cases, Path dir) throws IOException {
    int[] n = new int[10];
    int[] yes = new int[10];
    double[] sum = new double[10];
    for (Backtest b : cases) {
      for (Backtest.Month m : b.months()) {
        int bin = Math.min(9, (int) (m.forecast() * 10));
        n[bin]++;
        sum[bin] += m.forecast();
        if (b.outcome()) yes[bin]++;
      }
    }
    XYSeries observed = new XYSeries("share that happened (forecasts per bin in the table)");
    XYSeries diagonal = new XYSeries("calibrated");
    diagonal.add(0, 0);
    diagonal.add(1, 1);
    for (int b = 0; b < 10; b++) if (n[b] > 0) observed.add(sum[b] / n[b], (double) yes[b] / n[b]);
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(observed);
    data.addSeries(diagonal);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, new Color(31, 119, 180));
    r.setSeriesStroke(0, new BasicStroke(ChartKit.LINE_WIDTH));
    r.setSeriesPaint(1, new Color(150, 150, 150));
    r.setSeriesShapesVisible(1, false);
    NumberAxis x = new NumberAxis("forecast probability (mean of the bin)");
    x.setRange(0, 1);
    NumberAxis y = new NumberAxis("share of those forecasts whose event happened");
    y.setRange(0, 1);
    for (NumberAxis a : List.of(x, y)) {
      a.setLabelFont(ChartKit.LABEL_FONT);
      a.setTickLabelFont(ChartKit.TICK_FONT);
    }
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    List<String> names = new ArrayList<>();
    for (Backtest b : cases) names.add(b.scenario());
    JFreeChart chart =
        new JFreeChart(
            "Reliability of the as-of forecasts: " + String.join(", ", names),
            ChartKit.NOTE_BOLD_FONT,
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    StringBuilder counts = new StringBuilder("forecasts per tenth:");
    for (int b = 0; b < 10; b++) counts.append(' ').append(n[b]);
    chart.addSubtitle(
        new TextTitle(
            counts + " · the months of one case are not independent: read with care",
            ChartKit.NOTE_FONT));
    return ChartKit.save(chart, dir, "reliability", 900, 800);
  }

  private static String num(double v) {
    return Numbers.fixed(v, 6);
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) return "–";
    return Math.abs(v) >= 10
        ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.3f", v);
  }
}
