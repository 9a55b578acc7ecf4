package org.negotiate.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.negotiate.experiment.ModelComparison;
import org.negotiate.experiment.Proportions;

/**
 * {@code forecast.png/svg}: per issue, where each model puts the outcome (median, 10–90% over
 * draws).
 */
public final class ForecastChart {
  private ForecastChart() {}

  public static List<Path> write(
      String scenario, List<ModelComparison.Forecast> forecasts, int draws, long seed, Path dir)
      throws IOException {
    Map<String, List<ModelComparison.Forecast>> byIssue = new LinkedHashMap<>();
    for (ModelComparison.Forecast f : forecasts)
      byIssue.computeIfAbsent(f.issueId(), k -> new ArrayList<>()).add(f);
    NumberAxis position =
        new NumberAxis(
            "Position on the issue's 0–100 scale (dot: median over draws; bar: 10th–90th percentile); "
                + "top panel: chance of agreement in %");
    position.setRange(0, 100);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(position);
    combined.setGap(14);
    XYPlot odds = agreementPanel(forecasts);
    if (odds != null) combined.add(odds, 1);
    for (List<ModelComparison.Forecast> rows : byIssue.values()) {
      String[] methods = rows.stream().map(ModelComparison.Forecast::method).toArray(String[]::new);
      XIntervalSeries series = new XIntervalSeries(rows.get(0).label());
      for (int m = 0; m < rows.size(); m++) {
        ModelComparison.Forecast f = rows.get(m);
        if (!Double.isNaN(f.median())) series.add(f.median(), f.p10(), f.p90(), m);
      }
      XIntervalSeriesCollection data = new XIntervalSeriesCollection();
      data.addSeries(series);
      SymbolAxis methodAxis = new SymbolAxis(rows.get(0).label(), methods);
      methodAxis.setGridBandsVisible(false);
      XYErrorRenderer renderer = new XYErrorRenderer();
      renderer.setDrawYError(false);
      renderer.setErrorStroke(new BasicStroke(3f));
      renderer.setErrorPaint(new Color(0x4E79A7));
      renderer.setSeriesPaint(0, new Color(0x1F3A5F));
      renderer.setDefaultShapesVisible(true);
      renderer.setDefaultLinesVisible(false);
      XYPlot plot = new XYPlot(data, null, methodAxis, renderer);
      plot.setOrientation(PlotOrientation.VERTICAL);
      combined.add(plot, 1);
    }
    JFreeChart chart =
        ChartLook.REPORT.chart(
            ChartKit.title(
                scenario,
                odds == null
                    ? "where the models put the outcome"
                    : "each model's chance of agreement, and where it puts the outcome"),
            List.of(
                ChartKit.runLine(
                    draws,
                    seed,
                    "compromise and Nash at the start; protocols at the end of the run")),
            combined,
            false);
    int height = Math.max(ChartKit.HEIGHT, 200 + 190 * (byIssue.size() + (odds == null ? 0 : 1)));
    return ChartKit.save(chart, dir, "forecast", ChartKit.WIDTH, height);
  }

  /**
   * The models' main result first: each protocol's share of draws that ended in a deal (dot, in %)
   * with its 95% Wilson interval (bar), on the shared 0–100 axis. The reference points (compromise,
   * Nash) have no chance of agreement and are left out; null when no model has one.
   */
  static XYPlot agreementPanel(List<ModelComparison.Forecast> forecasts) {
    Map<String, ModelComparison.Forecast> byMethod = new LinkedHashMap<>();
    // a model's chance of agreement is the same on every issue: its first row says it
    for (ModelComparison.Forecast f : forecasts)
      if (!Double.isNaN(f.agreed())) byMethod.putIfAbsent(f.method(), f);
    if (byMethod.isEmpty()) return null;
    List<String> methods = new ArrayList<>(byMethod.keySet());
    XIntervalSeries series = new XIntervalSeries("Chance of agreement");
    XYPlot plot;
    List<String> labels = new ArrayList<>();
    for (int m = 0; m < methods.size(); m++) {
      ModelComparison.Forecast f = byMethod.get(methods.get(m));
      double[] ci = Proportions.wilson(f.draws(), Math.round(f.agreed() * f.draws()));
      series.add(100 * f.agreed(), 100 * ci[0], 100 * ci[1], m);
      labels.add(
          String.format(java.util.Locale.ROOT, "%s %.0f%%", methods.get(m), 100 * f.agreed()));
    }
    XIntervalSeriesCollection data = new XIntervalSeriesCollection();
    data.addSeries(series);
    SymbolAxis methodAxis = new SymbolAxis("Chance of agreement", labels.toArray(String[]::new));
    methodAxis.setGridBandsVisible(false);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawYError(false);
    renderer.setErrorStroke(new BasicStroke(3f));
    renderer.setErrorPaint(AGREEMENT_BAR);
    renderer.setSeriesPaint(0, AGREEMENT_DOT);
    renderer.setDefaultShapesVisible(true);
    renderer.setDefaultLinesVisible(false);
    plot = new XYPlot(data, null, methodAxis, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.addAnnotation(
        ChartKit.note(
            "Chance of agreement by the end of the run (dot: share of draws with a deal, %; bar: 95% Wilson interval)",
            ChartKit.NOTE_FONT, 0.995, 0.985, org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT));
    return plot;
  }

  private static final Color AGREEMENT_DOT = new Color(0x1B5E20);
  private static final Color AGREEMENT_BAR = new Color(0x66A86A);
}
