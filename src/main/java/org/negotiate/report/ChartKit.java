package org.negotiate.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;

/**
 * What the report's charts share beyond {@link ChartLook#REPORT}: their size, note and empty-plot
 * fonts, titles, the month axis of a set of months, notes pinned in a plot, and writing a chart as
 * PNG plus SVG.
 */
final class ChartKit {

  static final int WIDTH = 1200;
  static final int HEIGHT = 700;

  static final String FONT = Font.SANS_SERIF;
  static final Font LABEL_FONT = ChartLook.REPORT.labelFont();
  static final Font TICK_FONT = ChartLook.REPORT.tickFont();
  static final Font NOTE_FONT = new Font(FONT, Font.PLAIN, 13);
  static final Font NOTE_BOLD_FONT = new Font(FONT, Font.BOLD, 14);
  static final Font EMPTY_FONT = new Font(FONT, Font.BOLD, 18);

  static final Color INK = ChartLook.INK;

  /** Line width of data lines. */
  static final float LINE_WIDTH = 2.2f;

  private ChartKit() {}

  /** "Scenario — what": the title of every chart. */
  static String title(String scenario, String what) {
    return (scenario == null || scenario.isBlank() ? "(unnamed scenario)" : scenario)
        + " — "
        + what;
  }

  /** "N replications, seed S" plus an optional note. */
  static String runLine(int replications, long seed, String note) {
    String s = String.format(Locale.ROOT, "%,d replications, seed %d", replications, seed);
    return note == null || note.isBlank() ? s : s + " · " + note;
  }

  // ---------------------------------------------------------------------------------------------
  // Months

  /** The report's month axis over {@code months} (see {@link ChartLook#setMonths}). */
  static DateAxis monthAxis(String label, Collection<YearMonth> months) {
    if (months.isEmpty()) {
      DateAxis axis = new DateAxis(label, TimeZone.getTimeZone("UTC"), Locale.ROOT);
      axis.setLabelFont(LABEL_FONT);
      axis.setTickLabelFont(TICK_FONT);
      axis.setTickMarkPosition(DateTickMarkPosition.START);
      return axis;
    }
    return ChartLook.REPORT.monthAxis(
        label,
        months.stream().min(YearMonth::compareTo).orElseThrow(),
        months.stream().max(YearMonth::compareTo).orElseThrow());
  }

  // ---------------------------------------------------------------------------------------------
  // Annotations

  /**
   * A text block pinned inside an XY plot at a relative position (0..1 of the data area), e.g.
   * (0.01, 0.98) with {@link RectangleAnchor#TOP_LEFT} for a caption in the top-left corner.
   */
  static XYTitleAnnotation note(
      String text, Font font, double relX, double relY, RectangleAnchor anchor) {
    TextTitle t = new TextTitle(text, font);
    t.setPaint(INK);
    t.setBackgroundPaint(new Color(255, 255, 255, 215));
    t.setPadding(new RectangleInsets(2, 5, 2, 5));
    t.setTextAlignment(HorizontalAlignment.LEFT);
    return new XYTitleAnnotation(relX, relY, t, anchor);
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  /**
   * Writes {@code chart} as {@code <name>.png} and {@code <name>.svg} in {@code dir}, both at
   * {@code width}×{@code height}, and returns the two paths (PNG first).
   */
  static List<Path> save(JFreeChart chart, Path dir, String name, int width, int height)
      throws IOException {
    if (!Files.isDirectory(dir)
        && dir.getFileName() != null
        && dir.getFileName().toString().startsWith(".incomplete-")) {
      // an unfinished result folder deleted by Ctrl-C must not come back, left behind
      throw new java.nio.file.NoSuchFileException(
          dir.toString(), null, "the unfinished result folder is gone (the run was stopped)");
    }
    Files.createDirectories(dir);
    Path png = dir.resolve(name + ".png");
    Path svg = dir.resolve(name + ".svg");
    writePng(chart, png, width, height);
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle(0, 0, width, height));
    // what SVGUtils.writeToSVG writes, kept for a brief that inlines it (SvgInline.Ahead)
    SvgInline.write(svg, SvgInline.JFREE_DOCTYPE + g2.getSVGElement() + "\n");
    List<Path> out = new ArrayList<>(2);
    out.add(png);
    out.add(svg);
    return out;
  }

  /**
   * Draws {@code chart} as {@code ChartUtils.saveChartAsPNG} does (a {@code TYPE_INT_ARGB} image)
   * and writes it with {@link PngEncoding}: the same bytes as ImageIO's, at a fraction of its cost,
   * and without loading ImageIO. The PNG is complete in memory before any file is made, and goes
   * through a temporary sibling renamed into place, so a failure never leaves a half-written PNG
   * under the chart's name.
   */
  static void writePng(JFreeChart chart, Path png, int width, int height) throws IOException {
    byte[] bytes = PngEncoding.encode(chart.createBufferedImage(width, height, null));
    Path part = png.resolveSibling("." + png.getFileName() + ".part");
    try {
      Files.write(part, bytes);
      try {
        Files.move(part, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, png, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(part);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
