package org.negotiate.report;

import java.awt.Color;
import java.text.DecimalFormat;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The horizontal chart of two bars per input, each with its interval as a whisker, the first row at
 * the top: the Sobol chart (first-order and total index) and the movers chart (lower and upper
 * third) are both this plot.
 */
final class PairedBars {
  private final String[] labels;
  private final XYIntervalSeries upper;
  private final XYIntervalSeries lower;
  private final XYIntervalSeries upperInterval;
  private final XYIntervalSeries lowerInterval;

  /**
   * {@code rows} bars of each kind; the series names are JFreeChart's keys (the legend is set by
   * the caller).
   */
  PairedBars(int rows, String upperName, String lowerName) {
    labels = new String[rows];
    upper = new XYIntervalSeries(upperName);
    lower = new XYIntervalSeries(lowerName);
    upperInterval = new XYIntervalSeries(upperName + " interval");
    lowerInterval = new XYIntervalSeries(lowerName + " interval");
  }

  /**
   * Row {@code i} (0 at the top): its label, then each bar as its value, the span the bar covers
   * ({@code from}–{@code to}) and its interval.
   */
  void row(int i, String label, double[] upperBar, double[] lowerBar) {
    // the symbol axis runs upwards in a horizontal plot
    int pos = labels.length - 1 - i;
    labels[pos] = label;
    double xu = pos + 0.19;
    double xl = pos - 0.19;
    upper.add(xu, xu - 0.18, xu + 0.18, upperBar[0], upperBar[1], upperBar[2]);
    lower.add(xl, xl - 0.18, xl + 0.18, lowerBar[0], lowerBar[1], lowerBar[2]);
    upperInterval.add(xu, xu, xu, upperBar[0], upperBar[3], upperBar[4]);
    lowerInterval.add(xl, xl, xl, lowerBar[0], lowerBar[3], lowerBar[4]);
  }

  /**
   * The plot, with the value axis {@code y} (its range set by the caller) and the symbol axis up to
   * {@code top} rows.
   */
  XYPlot plot(NumberAxis y, double top, Color upperColor, Color lowerColor) {
    XYIntervalSeriesCollection whiskers = new XYIntervalSeriesCollection();
    whiskers.addSeries(upperInterval);
    whiskers.addSeries(lowerInterval);
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    bars.addSeries(upper);
    bars.addSeries(lower);
    XYErrorRenderer er = new XYErrorRenderer();
    er.setDrawXError(false);
    er.setDrawYError(true);
    er.setErrorPaint(ChartKit.INK);
    er.setErrorStroke(ChartLook.line(1.4f));
    er.setCapLength(7);
    er.setDefaultShapesVisible(false);
    er.setDefaultSeriesVisibleInLegend(false);
    XYBarRenderer br = new XYBarRenderer();
    br.setUseYInterval(true);
    br.setShadowVisible(false);
    br.setDrawBarOutline(false);
    br.setBarPainter(new StandardXYBarPainter());
    br.setSeriesPaint(0, upperColor);
    br.setSeriesPaint(1, lowerColor);
    SymbolAxis x = new SymbolAxis(null, labels);
    x.setGridBandsVisible(false);
    x.setRange(-0.6, top - 0.4);
    y.setNumberFormatOverride(new DecimalFormat("0.00"));
    XYPlot plot = new XYPlot(whiskers, x, y, er);
    plot.setDataset(1, bars);
    plot.setRenderer(1, br);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setDomainGridlinesVisible(false);
    return plot;
  }
}
