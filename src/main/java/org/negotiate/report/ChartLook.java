package org.negotiate.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every chart, in the report's files and in the GUI's windows alike: white
 * background, light solid grid, grey frame, dark ink, Okabe–Ito colours per actor in scenario
 * order, a {@code yyyy-MM} month axis at calendar steps, legend entries as short lines or boxes. It
 * comes in two sizes, {@link #REPORT} for 1200×700 files and {@link #SCREEN} for window panels,
 * which differ only in measures (fonts, paddings, legend glyphs, dashes, how many month labels
 * fit).
 */
public final class ChartLook {

  /**
   * Okabe–Ito colours (colour-blind safe) minus yellow and black, then a few extra; actor i takes i
   * mod 10.
   */
  private static final Color[] ACTOR_COLORS = {
    new Color(0x0072B2), // blue
    new Color(0xD55E00), // vermillion
    new Color(0x009E73), // bluish green
    new Color(0xE69F00), // orange
    new Color(0xCC79A7), // reddish purple
    new Color(0x56B4E9), // sky blue
    new Color(0x8C564B), // brown
    new Color(0x7F7F7F), // grey
    new Color(0x6A3D9A), // purple
    new Color(0x1B9E77), // teal
  };

  /** The mediators' draft text. */
  public static final Color TEXT_COLOR = Color.BLACK;

  public static final Color GRID = new Color(0xD9D9D9);
  public static final Color INK = new Color(0x202020);
  private static final Color FRAME = new Color(0x999999);
  private static final Color SUBTITLE_INK = new Color(0x404040);
  private static final Color NO_DATA_INK = new Color(0x8A1C1C);

  /**
   * Half a month, in the month axis' milliseconds: the room either side of the first and last
   * month.
   */
  public static final double HALF_MONTH = 15.0 * 24 * 3600 * 1000;

  /** For 1200×700 PNG and SVG files. */
  public static final ChartLook REPORT =
      new ChartLook(
          22,
          15,
          15,
          13,
          4,
          new RectangleInsets(8, 8, 8, 16),
          new RectangleInsets(2, 0, 2, 0),
          new RectangleInsets(2, 4, 2, 14),
          new RectangleInsets(6, 0, 0, 0),
          14,
          9,
          6,
          new float[] {9f, 6f},
          13,
          new int[] {1, 2, 3, 6, 12, 24, 60, 120});

  /** For the GUI's chart panels. */
  public static final ChartLook SCREEN =
      new ChartLook(
          16,
          12,
          12,
          11,
          3,
          new RectangleInsets(4, 4, 4, 10),
          new RectangleInsets(1, 0, 1, 0),
          new RectangleInsets(1, 3, 1, 10),
          null,
          12,
          8,
          5,
          new float[] {7f, 5f},
          9,
          new int[] {1, 2, 3, 6, 12});

  private final Font titleFont;
  private final Font subtitleFont;
  private final Font labelFont;
  private final Font tickFont;
  private final RectangleInsets axisOffset;
  private final RectangleInsets chartPadding;
  private final RectangleInsets subtitlePadding;
  private final RectangleInsets legendItemPadding;

  /** null: JFreeChart's own. */
  private final RectangleInsets legendMargin;

  private final Shape legendLine;
  private final Shape legendBox;
  private final float[] dash;

  /** Month labels that fit side by side (about 80 px each). */
  private final int maxMonthLabels;

  private final int[] monthSteps;

  private ChartLook(
      int title,
      int subtitle,
      int label,
      int tick,
      double axisOffset,
      RectangleInsets chartPadding,
      RectangleInsets subtitlePadding,
      RectangleInsets legendItemPadding,
      RectangleInsets legendMargin,
      double legendLineHalf,
      double legendBoxHalfWidth,
      double legendBoxHalfHeight,
      float[] dash,
      int maxMonthLabels,
      int[] monthSteps) {
    this.titleFont = new Font(Font.SANS_SERIF, Font.BOLD, title);
    this.subtitleFont = new Font(Font.SANS_SERIF, Font.PLAIN, subtitle);
    this.labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, label);
    this.tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, tick);
    this.axisOffset = new RectangleInsets(axisOffset, axisOffset, axisOffset, axisOffset);
    this.chartPadding = chartPadding;
    this.subtitlePadding = subtitlePadding;
    this.legendItemPadding = legendItemPadding;
    this.legendMargin = legendMargin;
    this.legendLine = new Line2D.Double(-legendLineHalf, 0, legendLineHalf, 0);
    this.legendBox =
        new Rectangle2D.Double(
            -legendBoxHalfWidth,
            -legendBoxHalfHeight,
            2 * legendBoxHalfWidth,
            2 * legendBoxHalfHeight);
    this.dash = dash;
    this.maxMonthLabels = maxMonthLabels;
    this.monthSteps = monthSteps;
  }

  public Font labelFont() {
    return labelFont;
  }

  public Font tickFont() {
    return tickFont;
  }

  /** The short line a legend entry is drawn as. */
  public Shape legendLine() {
    return legendLine;
  }

  /** The colour of the actor at {@code scenarioIndex} in the scenario's order. */
  public static Color actorColor(int scenarioIndex) {
    return ACTOR_COLORS[scenarioIndex % ACTOR_COLORS.length];
  }

  // ------------------------------------------------------------------ chart and plot

  /**
   * A chart with this look: the title, subtitle lines (the first under the title), white
   * background, the legend (if any) at the bottom. Axis fonts and plot colours are set here too, so
   * build the whole plot (axes and sub-plots) first.
   */
  public JFreeChart chart(String title, List<String> subtitles, Plot plot, boolean legend) {
    style(plot);
    JFreeChart chart = new JFreeChart(title, titleFont, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(chartPadding);
    TextTitle t = chart.getTitle();
    t.setFont(titleFont);
    t.setPaint(INK);
    int position = 0;
    for (String s : subtitles) {
      TextTitle sub = new TextTitle(s, subtitleFont);
      sub.setPaint(SUBTITLE_INK);
      sub.setPadding(subtitlePadding);
      chart.addSubtitle(position++, sub);
    }
    LegendTitle lt = chart.getLegend();
    if (lt != null) {
      lt.setItemFont(labelFont);
      lt.setFrame(BlockBorder.NONE);
      lt.setPosition(RectangleEdge.BOTTOM);
      lt.setItemLabelPadding(legendItemPadding);
      if (legendMargin != null) lt.setMargin(legendMargin);
    }
    return chart;
  }

  /** White background, solid light grid, grey frame; applied to combined plots' sub-plots too. */
  private void style(Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(FRAME);
    plot.setNoDataMessagePaint(NO_DATA_INK);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(new BasicStroke(1f));
      xy.setRangeGridlineStroke(new BasicStroke(1f));
      xy.setAxisOffset(axisOffset);
      if (xy instanceof CombinedDomainXYPlot c) {
        for (XYPlot sub : c.getSubplots()) style(sub);
      }
      for (int i = 0; i < xy.getDomainAxisCount(); i++) style(xy.getDomainAxis(i));
      for (int i = 0; i < xy.getRangeAxisCount(); i++) style(xy.getRangeAxis(i));
    } else if (plot instanceof CategoryPlot cp) {
      cp.setRangeGridlinePaint(GRID);
      cp.setRangeGridlineStroke(new BasicStroke(1f));
      cp.setDomainGridlinesVisible(false);
      cp.setAxisOffset(axisOffset);
      style(cp.getDomainAxis());
      style(cp.getRangeAxis());
    }
  }

  private void style(Axis axis) {
    if (axis == null) return;
    axis.setLabelFont(labelFont);
    axis.setLabelPaint(INK);
    axis.setTickLabelFont(axis instanceof CategoryAxis ? labelFont : tickFont);
    axis.setTickLabelPaint(INK);
  }

  // ------------------------------------------------------------------ months

  /** The instant a month is plotted at: its first day, 00:00 UTC. */
  public static double x(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** A {@code yyyy-MM} axis over [first, last] (see {@link #setMonths}). */
  public DateAxis monthAxis(String label, YearMonth first, YearMonth last) {
    DateAxis axis = new DateAxis(label, TimeZone.getTimeZone("UTC"), Locale.ROOT);
    axis.setLabelFont(labelFont);
    axis.setTickLabelFont(tickFont);
    axis.setTickMarkPosition(DateTickMarkPosition.START);
    setMonths(axis, first, last);
    return axis;
  }

  /**
   * Shows [first, last] on a month axis: labels at calendar-aligned steps (the least of this look's
   * steps at which the labels fit), a minor tick per month up to yearly steps, and half a month of
   * room either side so the first and last points are not on the frame. Can be called again as the
   * months grow.
   */
  public void setMonths(DateAxis axis, YearMonth first, YearMonth last) {
    long span = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
    int step = monthSteps[monthSteps.length - 1];
    for (int s : monthSteps) {
      if ((span + s - 1) / s <= maxMonthLabels) {
        step = s;
        break;
      }
    }
    SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM", Locale.ROOT);
    fmt.setTimeZone(TimeZone.getTimeZone("UTC"));
    axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, step, fmt));
    if (step <= 12) {
      axis.setMinorTickCount(step);
      axis.setMinorTickMarksVisible(step > 1);
    }
    axis.setRange(
        new Date((long) (x(first) - HALF_MONTH)), new Date((long) (x(last) + HALF_MONTH)));
  }

  // ------------------------------------------------------------------ lines and legend entries

  public static Stroke line(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  public Stroke dashed(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash.clone(), 0f);
  }

  /** A legend entry drawn as a short line. */
  public LegendItem lineItem(String label, Paint paint, Stroke stroke) {
    LegendItem item = new LegendItem(label, null, null, null, legendLine, stroke, paint);
    item.setLabelFont(labelFont);
    return item;
  }

  /** A legend entry drawn as a filled box. */
  public LegendItem boxItem(String label, Paint paint) {
    LegendItem item = new LegendItem(label, null, null, null, legendBox, paint);
    item.setLabelFont(labelFont);
    return item;
  }

  public static LegendItemCollection legend(List<LegendItem> items) {
    LegendItemCollection c = new LegendItemCollection();
    items.forEach(c::add);
    return c;
  }

  /** A colour lightened towards white ({@code amount} 0 = unchanged, 1 = white). */
  public static Color lighter(Color c, double amount) {
    return new Color(
        (int) Math.round(c.getRed() + (255 - c.getRed()) * amount),
        (int) Math.round(c.getGreen() + (255 - c.getGreen()) * amount),
        (int) Math.round(c.getBlue() + (255 - c.getBlue()) * amount));
  }
}
