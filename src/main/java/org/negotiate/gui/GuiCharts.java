package org.negotiate.gui;

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
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of the GUI's charts, kept in step with the report's (white background, light grid,
 * Okabe–Ito colours per actor in scenario order, the draft text black and dashed, a yyyy-MM month
 * axis), at window sizes.
 */
final class GuiCharts {
  private GuiCharts() {}

  static final Color[] ACTOR_COLORS = {
    new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00), new Color(0xCC79A7),
    new Color(0x56B4E9), new Color(0x8C564B), new Color(0x7F7F7F), new Color(0x6A3D9A), new Color(0x1B9E77),
  };
  static final Color TEXT_COLOR = Color.BLACK;
  static final Color ACCEPT = new Color(0x1A9641);
  static final Color REFUSE = new Color(0xD7191C);
  static final Color EVENT = new Color(0x8C8C8C);
  static final Color EDIT = new Color(0xE66100);
  static final Color GRID = new Color(0xD9D9D9);
  static final Color INK = new Color(0x202020);

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

  static Color actorColor(int scenarioIndex) {
    return ACTOR_COLORS[scenarioIndex % ACTOR_COLORS.length];
  }

  static Color lighter(Color c, double amount) {
    return new Color(
        (int) Math.round(c.getRed() + (255 - c.getRed()) * amount),
        (int) Math.round(c.getGreen() + (255 - c.getGreen()) * amount),
        (int) Math.round(c.getBlue() + (255 - c.getBlue()) * amount));
  }

  static Stroke line(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static Stroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f);
  }

  /** The instant a month is plotted at: its first day, 00:00 UTC. */
  static double x(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** Half a month, in the axis' milliseconds: where an edit made between two rounds is marked. */
  static final double HALF_MONTH = 15.0 * 24 * 3600 * 1000;

  /** A yyyy-MM axis over [first, last], labelled every 1, 2, 3, 6 or 12 months so that at most ~9 labels show. */
  static DateAxis monthAxis(String label, YearMonth first, YearMonth last) {
    TimeZone utc = TimeZone.getTimeZone("UTC");
    DateAxis axis = new DateAxis(label, utc, Locale.ROOT);
    axis.setTickMarkPosition(DateTickMarkPosition.START);
    setMonths(axis, first, last);
    return axis;
  }

  static void setMonths(DateAxis axis, YearMonth first, YearMonth last) {
    long span = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
    int step = 12;
    for (int s : new int[] {1, 2, 3, 6, 12}) {
      if ((span + s - 1) / s <= 9) {
        step = s;
        break;
      }
    }
    SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM", Locale.ROOT);
    fmt.setTimeZone(TimeZone.getTimeZone("UTC"));
    axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, step, fmt));
    axis.setMinorTickCount(step);
    axis.setMinorTickMarksVisible(step > 1);
    axis.setRange(new Date((long) (x(first) - HALF_MONTH)), new Date((long) (x(last) + HALF_MONTH)));
  }

  static void style(Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(new Color(0x999999));
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(new BasicStroke(1f));
      xy.setRangeGridlineStroke(new BasicStroke(1f));
      xy.setAxisOffset(new RectangleInsets(3, 3, 3, 3));
      if (xy instanceof CombinedDomainXYPlot c) {
        for (XYPlot sub : c.getSubplots()) style(sub);
      }
      for (int i = 0; i < xy.getDomainAxisCount(); i++) style(xy.getDomainAxis(i));
      for (int i = 0; i < xy.getRangeAxisCount(); i++) style(xy.getRangeAxis(i));
    }
  }

  private static void style(Axis axis) {
    if (axis == null) return;
    axis.setLabelFont(LABEL_FONT);
    axis.setLabelPaint(INK);
    axis.setTickLabelFont(TICK_FONT);
    axis.setTickLabelPaint(INK);
  }

  /** A chart with the common look; the first subtitle (index 0) is the live status line. */
  static JFreeChart chart(String title, Plot plot, List<String> subtitles) {
    style(plot);
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(4, 4, 4, 10));
    chart.getTitle().setPaint(INK);
    int at = 0;
    for (String s : subtitles) {
      TextTitle t = new TextTitle(s, SUBTITLE_FONT);
      t.setPaint(new Color(0x404040));
      t.setPadding(new RectangleInsets(1, 0, 1, 0));
      chart.addSubtitle(at++, t);
    }
    LegendTitle lt = chart.getLegend();
    if (lt != null) {
      lt.setItemFont(LABEL_FONT);
      lt.setFrame(BlockBorder.NONE);
      lt.setPosition(RectangleEdge.BOTTOM);
      lt.setItemLabelPadding(new RectangleInsets(1, 3, 1, 10));
    }
    return chart;
  }

  /** Replaces the text of subtitle {@code index} (a {@link TextTitle}). */
  static void setSubtitle(JFreeChart chart, int index, String text) {
    if (chart.getSubtitleCount() > index && chart.getSubtitle(index) instanceof TextTitle t) t.setText(text);
  }

  private static final Shape LEGEND_LINE = new Line2D.Double(-12, 0, 12, 0);
  private static final Shape LEGEND_BOX = new Rectangle2D.Double(-8, -5, 16, 10);

  static LegendItem lineItem(String label, Paint paint, Stroke stroke) {
    LegendItem item = new LegendItem(label, null, null, null, LEGEND_LINE, stroke, paint);
    item.setLabelFont(LABEL_FONT);
    return item;
  }

  static LegendItem shapeItem(String label, Shape shape, Paint paint, boolean filled) {
    LegendItem item = new LegendItem(label, null, null, null, true, shape, filled, paint, !filled, paint,
        new BasicStroke(2f), false, LEGEND_LINE, new BasicStroke(1f), paint);
    item.setLabelFont(LABEL_FONT);
    return item;
  }

  static LegendItem boxItem(String label, Paint paint) {
    LegendItem item = new LegendItem(label, null, null, null, LEGEND_BOX, paint);
    item.setLabelFont(LABEL_FONT);
    return item;
  }

  static LegendItemCollection legend(List<LegendItem> items) {
    LegendItemCollection c = new LegendItemCollection();
    items.forEach(c::add);
    return c;
  }
}
