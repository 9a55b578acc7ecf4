package org.negotiate.report;

import java.awt.Rectangle;
import java.time.YearMonth;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.svg.SVGGraphics2D;

/** A head start for the first chart of a process (docs/performance.md, session 6). */
public final class WarmUp {
  private WarmUp() {}

  /**
   * Draws a small throw-away chart of the report's kind (month axis, bands, legend, titles, a note)
   * to a PNG in memory and to an SVG string, and discards both. Called on a thread of its own at
   * start-up by commands that write charts: the first chart of a process otherwise pays, on the
   * command's own path, for loading JFreeChart, Java2D, the fonts, the PNG encoder and JFreeSVG
   * (about a third of a short command's CPU). Touches no file and no shared state beyond the JVM's
   * class and font caches, so the real charts come out the same.
   */
  public static void charts() {
    try {
      org.jfree.data.xy.YIntervalSeries s =
          new org.jfree.data.xy.YIntervalSeries("warm-up", false, true);
      YearMonth m = YearMonth.of(2000, 1);
      for (int t = 0; t < 6; t++) {
        double y = 40 + 5 * t;
        s.add(ChartLook.x(m.plusMonths(t)), y, y - 10, y + 10);
      }
      org.jfree.data.xy.YIntervalSeriesCollection data =
          new org.jfree.data.xy.YIntervalSeriesCollection();
      data.addSeries(s);
      org.jfree.chart.renderer.xy.DeviationRenderer r =
          new org.jfree.chart.renderer.xy.DeviationRenderer(true, true);
      r.setSeriesPaint(0, ChartKit.INK);
      r.setSeriesFillPaint(0, ChartLook.lighter(ChartKit.INK, 0.55));
      r.setSeriesStroke(0, ChartLook.line(ChartKit.LINE_WIDTH));
      org.jfree.chart.axis.NumberAxis y = new org.jfree.chart.axis.NumberAxis("warm-up");
      y.setLabelFont(ChartKit.LABEL_FONT);
      y.setTickLabelFont(ChartKit.TICK_FONT);
      org.jfree.chart.plot.CombinedDomainXYPlot combined =
          new org.jfree.chart.plot.CombinedDomainXYPlot(
              ChartKit.monthAxis("Month", List.of(m, m.plusMonths(5))));
      org.jfree.chart.plot.XYPlot sub = new org.jfree.chart.plot.XYPlot(data, null, y, r);
      sub.addAnnotation(
          ChartKit.note("warm-up", ChartKit.NOTE_FONT, 0.02, 0.98, RectangleAnchor.TOP_LEFT));
      combined.add(sub, 1);
      combined.setFixedLegendItems(
          ChartLook.legend(
              List.of(ChartLook.REPORT.lineItem("warm-up", ChartKit.INK, ChartLook.line(3f)))));
      JFreeChart chart =
          ChartLook.REPORT.chart(
              ChartKit.title("warm-up", "warm-up"), List.of("warm-up"), combined, true);
      PngEncoding.encode(
          chart.createBufferedImage(300, 200, null)); // the path ChartKit.writePng takes
      SVGGraphics2D g2 = new SVGGraphics2D(300, 200);
      chart.draw(g2, new Rectangle(0, 0, 300, 200));
      g2.getSVGElement();
    } catch (Throwable e) {
      // only a head start: the real chart, on the command's own thread, reports any real problem
    }
  }
}
