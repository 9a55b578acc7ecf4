package org.negotiate.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.TextTitle;
import org.negotiate.report.ChartLook;

/**
 * The GUI's charts: the report's look at window sizes ({@link ChartLook#SCREEN}), plus what only
 * the live charts show (verdict marks, events, the user's edits).
 */
final class GuiCharts {
  private GuiCharts() {}

  static final ChartLook LOOK = ChartLook.SCREEN;

  static final Color ACCEPT = new Color(0x1A9641);
  static final Color REFUSE = new Color(0xD7191C);
  static final Color EVENT = new Color(0x8C8C8C);

  /**
   * The user's edits: magenta, a hue no actor has (ChartLook's actor palette runs blue, vermillion,
   * green, orange, pink, sky blue, brown, grey, purple, teal) and none of the marks above.
   */
  static final Color EDIT = new Color(0xE800E8);

  static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

  /**
   * A chart with the common look and a legend; the first subtitle (index 0) is the live status
   * line.
   */
  static JFreeChart chart(String title, Plot plot, List<String> subtitles) {
    return LOOK.chart(title, subtitles, plot, true);
  }

  /** Replaces the text of subtitle {@code index} (a {@link TextTitle}). */
  static void setSubtitle(JFreeChart chart, int index, String text) {
    if (chart.getSubtitleCount() > index && chart.getSubtitle(index) instanceof TextTitle t)
      t.setText(text);
  }

  /** A legend entry drawn as a mark (a verdict's dot or cross), filled or outlined. */
  static LegendItem shapeItem(String label, Shape shape, Paint paint, boolean filled) {
    LegendItem item =
        new LegendItem(
            label,
            null,
            null,
            null,
            true,
            shape,
            filled,
            paint,
            !filled,
            paint,
            new BasicStroke(2f),
            false,
            LOOK.legendLine(),
            new BasicStroke(1f),
            paint);
    item.setLabelFont(LOOK.labelFont());
    return item;
  }
}
