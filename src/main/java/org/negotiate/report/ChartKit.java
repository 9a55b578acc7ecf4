package org.negotiate.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.annotations.XYTitleAnnotation;
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
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * What the four charts share: the look (fonts, white background), titles, the month axis, legend
 * items and writing a chart as PNG plus SVG.
 */
final class ChartKit {

  static final int WIDTH = 1200;
  static final int HEIGHT = 700;

  static final String FONT = Font.SANS_SERIF;
  static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 22);
  static final Font SUBTITLE_FONT = new Font(FONT, Font.PLAIN, 15);
  static final Font LABEL_FONT = new Font(FONT, Font.PLAIN, 15);
  static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 13);
  static final Font NOTE_FONT = new Font(FONT, Font.PLAIN, 13);
  static final Font NOTE_BOLD_FONT = new Font(FONT, Font.BOLD, 14);
  static final Font EMPTY_FONT = new Font(FONT, Font.BOLD, 18);

  static final Color GRID = new Color(0xD9D9D9);
  static final Color INK = new Color(0x202020);

  /** Line width of data lines. */
  static final float LINE_WIDTH = 2.2f;

  /** Labels the month axis can show side by side without crowding (about 80 px per label). */
  private static final int MAX_MONTH_LABELS = 13;

  private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120};

  private ChartKit() {}

  /** White background, solid light grid, grey frame; applied to combined plots' sub-plots too. */
  private static void style(Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(new Color(0x999999));
    plot.setNoDataMessagePaint(new Color(0x8A1C1C));
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(new BasicStroke(1f));
      xy.setRangeGridlineStroke(new BasicStroke(1f));
      xy.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
      if (xy instanceof CombinedDomainXYPlot c) {
        for (XYPlot sub : c.getSubplots()) {
          style(sub);
        }
      }
      for (int i = 0; i < xy.getDomainAxisCount(); i++) {
        style(xy.getDomainAxis(i));
      }
      for (int i = 0; i < xy.getRangeAxisCount(); i++) {
        style(xy.getRangeAxis(i));
      }
    } else if (plot instanceof CategoryPlot cp) {
      cp.setRangeGridlinePaint(GRID);
      cp.setRangeGridlineStroke(new BasicStroke(1f));
      cp.setDomainGridlinesVisible(false);
      cp.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
      style(cp.getDomainAxis());
      style(cp.getRangeAxis());
    }
  }

  private static void style(Axis axis) {
    if (axis == null) {
      return;
    }
    axis.setLabelFont(LABEL_FONT);
    axis.setLabelPaint(INK);
    axis.setTickLabelFont(axis instanceof CategoryAxis ? LABEL_FONT : TICK_FONT);
    axis.setTickLabelPaint(INK);
  }

  /**
   * A chart with the common look: title, subtitle lines (first one under the title), white
   * background, legend at the bottom when {@code legend} is true. Axis fonts and plot colours are
   * set here too, so build the whole plot (axes and sub-plots) before calling this.
   */
  static JFreeChart chart(String title, List<String> subtitles, Plot plot, boolean legend) {
    style(plot);
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    TextTitle t = chart.getTitle();
    t.setFont(TITLE_FONT);
    t.setPaint(INK);
    int position = 0;
    for (String s : subtitles) {
      TextTitle sub = new TextTitle(s, SUBTITLE_FONT);
      sub.setPaint(new Color(0x404040));
      sub.setPadding(new RectangleInsets(2, 0, 2, 0));
      chart.addSubtitle(position++, sub);
    }
    LegendTitle lt = chart.getLegend();
    if (lt != null) {
      lt.setItemFont(LABEL_FONT);
      lt.setFrame(BlockBorder.NONE);
      lt.setPosition(RectangleEdge.BOTTOM);
      lt.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
      lt.setMargin(new RectangleInsets(6, 0, 0, 0));
    }
    return chart;
  }

  /** "Scenario — what": the title of every chart. */
  static String title(String scenario, String what) {
    return (scenario == null || scenario.isBlank() ? "(unnamed scenario)" : scenario) + " — " + what;
  }

  /** "N replications, seed S" plus an optional note. */
  static String runLine(int replications, long seed, String note) {
    String s = String.format(Locale.ROOT, "%,d replications, seed %d", replications, seed);
    return note == null || note.isBlank() ? s : s + " · " + note;
  }

  // ---------------------------------------------------------------------------------------------
  // Months

  /** The instant a month is plotted at: its first day, 00:00 UTC. */
  static double x(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /**
   * A date axis over {@code months}, labelled {@code yyyy-MM} at calendar-aligned steps of 1, 2,
   * 3, 6 or 12 months (chosen so at most about a dozen labels show), with a minor tick per month.
   */
  static DateAxis monthAxis(String label, Collection<YearMonth> months) {
    TimeZone utc = TimeZone.getTimeZone("UTC");
    DateAxis axis = new DateAxis(label, utc, Locale.ROOT);
    axis.setLabelFont(LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setTickMarkPosition(DateTickMarkPosition.START);
    if (months.isEmpty()) {
      return axis;
    }
    YearMonth first = months.stream().min(YearMonth::compareTo).orElseThrow();
    YearMonth last = months.stream().max(YearMonth::compareTo).orElseThrow();
    long span = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
    int step = MONTH_STEPS[MONTH_STEPS.length - 1];
    for (int s : MONTH_STEPS) {
      if ((span + s - 1) / s <= MAX_MONTH_LABELS) {
        step = s;
        break;
      }
    }
    SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM", Locale.ROOT);
    fmt.setTimeZone(utc);
    axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, step, fmt));
    if (step > 1 && step <= 12) {
      axis.setMinorTickCount(step);
      axis.setMinorTickMarksVisible(true);
    }
    // Half a month of room either side so the first and last points are not on the frame.
    double pad = 15L * 24 * 3600 * 1000;
    axis.setRange(new Date((long) (x(first) - pad)), new Date((long) (x(last) + pad)));
    return axis;
  }

  // ---------------------------------------------------------------------------------------------
  // Legend items and annotations

  static Stroke line(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static Stroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f);
  }

  private static final Shape LEGEND_LINE = new Line2D.Double(-14, 0, 14, 0);
  private static final Shape LEGEND_BOX = new Rectangle2D.Double(-9, -6, 18, 12);

  /** A legend entry drawn as a short line. */
  static LegendItem lineItem(String label, Paint paint, Stroke stroke) {
    LegendItem item = new LegendItem(label, null, null, null, LEGEND_LINE, stroke, paint);
    item.setLabelFont(LABEL_FONT);
    return item;
  }

  /** A legend entry drawn as a filled box. */
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

  /**
   * A text block pinned inside an XY plot at a relative position (0..1 of the data area), e.g.
   * (0.01, 0.98) with {@link RectangleAnchor#TOP_LEFT} for a caption in the top-left corner.
   */
  static XYTitleAnnotation note(String text, Font font, double relX, double relY, RectangleAnchor anchor) {
    TextTitle t = new TextTitle(text, font);
    t.setPaint(INK);
    t.setBackgroundPaint(new Color(255, 255, 255, 215));
    t.setPadding(new RectangleInsets(2, 5, 2, 5));
    t.setTextAlignment(HorizontalAlignment.LEFT);
    return new XYTitleAnnotation(relX, relY, t, anchor);
  }

  /** A colour lightened towards white ({@code amount} 0 = unchanged, 1 = white). */
  static Color lighter(Color c, double amount) {
    return new Color(
        (int) Math.round(c.getRed() + (255 - c.getRed()) * amount),
        (int) Math.round(c.getGreen() + (255 - c.getGreen()) * amount),
        (int) Math.round(c.getBlue() + (255 - c.getBlue()) * amount));
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  /**
   * Writes {@code chart} as {@code <name>.png} and {@code <name>.svg} in {@code dir}, both at
   * {@code width}×{@code height}, and returns the two paths (PNG first).
   */
  static List<Path> save(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
    Files.createDirectories(dir);
    Path png = dir.resolve(name + ".png");
    Path svg = dir.resolve(name + ".svg");
    ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle(0, 0, width, height));
    SVGUtils.writeToSVG(svg.toFile(), g2.getSVGElement());
    List<Path> out = new ArrayList<>(2);
    out.add(png);
    out.add(svg);
    return out;
  }
}
