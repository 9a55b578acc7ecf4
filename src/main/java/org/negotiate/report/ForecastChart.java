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

/** {@code forecast.png/svg}: per issue, where each model puts the outcome (median, 10–90% over draws). */
public final class ForecastChart {
  private ForecastChart() {}

  public static List<Path> write(String scenario, List<ModelComparison.Forecast> forecasts, int draws, long seed, Path dir)
      throws IOException {
    Map<String, List<ModelComparison.Forecast>> byIssue = new LinkedHashMap<>();
    for (ModelComparison.Forecast f : forecasts) byIssue.computeIfAbsent(f.issueId(), k -> new ArrayList<>()).add(f);
    NumberAxis position = new NumberAxis("Position on the issue's 0–100 scale (dot: median over draws; bar: 10th–90th percentile)");
    position.setRange(0, 100);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(position);
    combined.setGap(14);
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
    JFreeChart chart = ChartLook.REPORT.chart(ChartKit.title(scenario, "where the models put the outcome"),
        List.of(ChartKit.runLine(draws, seed, "compromise and Nash at the start; protocols at the end of the run")),
        combined, false);
    int height = Math.max(ChartKit.HEIGHT, 200 + 190 * byIssue.size());
    return ChartKit.save(chart, dir, "forecast", ChartKit.WIDTH, height);
  }
}
