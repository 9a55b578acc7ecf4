package org.negotiate.gui;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.negotiate.experiment.Comparison;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.ConvergenceOdds.MonthOdds;
import org.negotiate.report.ChartLook;

/**
 * The odds curve of a Monte Carlo run from the GUI, with its 95% Wilson band, as the report draws
 * it.
 */
final class OddsView {
  private OddsView() {}

  static final Color WITH_EDITS = new Color(0x0B4F8A);
  static final Color SCENARIO = new Color(0x7F7F7F);

  /** One curve: a label and its odds. */
  record Curve(String label, ConvergenceOdds odds, Color color) {}

  /** "P(deal by 2024-11) = 0.48 [0.46, 0.50] · main blocker: syria (97% of failed runs)". */
  static String summary(ConvergenceOdds odds) {
    MonthOdds last = odds.byMonth().get(odds.byMonth().size() - 1);
    String blocker =
        odds.blockers().isEmpty() || odds.blockers().get(0).failedRuns() == 0
            ? "no failed runs"
            : String.format(
                Locale.ROOT,
                "main blocker: %s (%.0f%% of failed runs)",
                odds.blockers().get(0).actorId(),
                100 * odds.blockers().get(0).share());
    return String.format(
        Locale.ROOT,
        "P(deal by %s) = %.2f [%.2f, %.2f] · %s",
        last.month(),
        last.odds(),
        last.lower(),
        last.upper(),
        blocker);
  }

  /**
   * "with the edits − as loaded (same draws): +0.030 [-0.004, +0.064] by 2024-11 (paired 95%
   * interval); largest gap +0.080 in 2024-08": both runs draw the same inputs (common random
   * numbers), so the gap is the edits' effect, and its interval is Newcombe's for paired
   * proportions, as {@code compare} reports it.
   *
   * @param c the comparison with A the scenario as loaded and B the scenario with the edits
   */
  static String difference(Comparison c) {
    List<Comparison.MonthDifference> months = c.byMonth();
    if (months.isEmpty()) return "";
    Comparison.MonthDifference last = months.get(months.size() - 1);
    Comparison.MonthDifference big = last;
    for (Comparison.MonthDifference m : months) {
      if (Math.abs(m.paired().estimate()) > Math.abs(big.paired().estimate())) big = m;
    }
    return String.format(
        Locale.ROOT,
        "with the edits − as loaded (same draws): %+.3f [%+.3f, %+.3f] by %s (paired 95%% interval); largest gap %+.3f in %s",
        last.paired().estimate(),
        last.paired().lower(),
        last.paired().upper(),
        last.month(),
        big.paired().estimate(),
        big.month());
  }

  static JFreeChart chart(
      String scenario, List<Curve> curves, Comparison comparison, String runLine) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer r = new DeviationRenderer(true, true);
    r.setAlpha(0.3f);
    List<LegendItem> legend = new ArrayList<>();
    List<String> subtitles = new ArrayList<>();
    subtitles.add(runLine);
    MonthOdds first = null;
    MonthOdds last = null;
    for (Curve c : curves) {
      YIntervalSeries s = new YIntervalSeries(c.label(), false, true);
      for (MonthOdds m : c.odds().byMonth()) {
        s.add(ChartLook.x(m.month()), m.odds(), m.lower(), m.upper());
        if (first == null || m.month().isBefore(first.month())) first = m;
        if (last == null || m.month().isAfter(last.month())) last = m;
      }
      int i = data.getSeriesCount();
      data.addSeries(s);
      r.setSeriesPaint(i, c.color());
      r.setSeriesFillPaint(i, ChartLook.lighter(c.color(), 0.45));
      r.setSeriesStroke(i, ChartLook.line(2.4f));
      r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
      legend.add(
          GuiCharts.LOOK.lineItem(
              c.label() + ": P(deal by the end of the month)", c.color(), ChartLook.line(2.6f)));
      legend.add(
          GuiCharts.LOOK.boxItem(
              "95% Wilson interval", ChartLook.lighter(c.color(), 0.45 + 0.55 * 0.7)));
      subtitles.add(c.label() + ": " + summary(c.odds()));
    }
    if (curves.size() == 2 && comparison != null) subtitles.add(difference(comparison));
    DateAxis x =
        first == null
            ? new DateAxis("Month")
            : GuiCharts.LOOK.monthAxis(
                "Month (odds of a deal by the end of the month)", first.month(), last.month());
    NumberAxis y = new NumberAxis("P(agreement by month)");
    y.setRange(0.0, 1.0);
    y.setTickUnit(new NumberTickUnit(0.1));
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setFixedLegendItems(ChartLook.legend(legend));
    return GuiCharts.chart(
        scenario + " — odds of agreement by month (Monte Carlo)", plot, subtitles);
  }
}
