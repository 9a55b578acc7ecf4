package org.negotiate.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.negotiate.experiment.WhatItTakes;

/**
 * The files of "what it would take": {@code whatittakes.csv} (one row per lever: the smallest
 * change that reaches the threshold, or none), {@code trials.csv} (every point tried), {@code
 * whatittakes.txt} (the findings in plain words) and {@code whatittakes.png/svg} (the odds against
 * the share of the way each lever was moved).
 */
public final class WhatItTakesReport {
  private static final Color[] COLORS = {
    new Color(0x0B4F8A),
    new Color(0xC0392B),
    new Color(0x2E7D32),
    new Color(0x8E44AD),
    new Color(0xD68910),
    new Color(0x17A589),
    new Color(0x5D6D7E),
    new Color(0xA04000),
    new Color(0x1F618D),
    new Color(0x7D3C98)
  };

  private WhatItTakesReport() {}

  /** {@code whatittakes.csv}. */
  public static void writeCsv(WhatItTakes.Result r, Path file) throws IOException {
    // changes are plain numbers (ASCII minus); kind says whether they shift the input or multiply
    // it
    try (CsvTable t =
        CsvTable.open(
            file,
            "blocker",
            "blocker_share",
            "input",
            "direction",
            "kind",
            "distribution",
            "largest_change",
            "threshold",
            "odds_before",
            "found",
            "change",
            "set",
            "odds_after",
            "lower95",
            "upper95",
            "best_odds",
            "best_change",
            "interval_clears")) {
      for (WhatItTakes.Finding f : r.findings()) {
        WhatItTakes.Lever l = f.lever();
        double share =
            r.blockers().stream()
                .filter(b -> b.actor().equals(l.blocker()))
                .findFirst()
                .map(WhatItTakes.Blocker::share)
                .orElse(Double.NaN);
        List<String> row =
            new ArrayList<>(
                List.of(
                    l.blocker(),
                    Numbers.fixed(share, 4),
                    l.path(),
                    l.direction(),
                    l.kind(),
                    l.quantity().describe(),
                    l.number(l.limit()),
                    Numbers.fixed(r.settings().threshold(), 4),
                    Numbers.fixed(r.baseOdds(), 6),
                    f.found() ? "yes" : "no"));
        if (f.found()) {
          row.addAll(
              List.of(
                  l.number(f.change()),
                  f.reached().set(),
                  Numbers.fixed(f.reached().odds(), 6),
                  Numbers.fixed(f.reached().lower(), 6),
                  Numbers.fixed(f.reached().upper(), 6)));
        } else {
          row.addAll(List.of("", "", "", "", ""));
        }
        row.add(f.best() == null ? "" : Numbers.fixed(f.best().odds(), 6));
        row.add(f.best() == null ? "" : l.number(f.best().change()));
        row.add(f.found() ? (clears(r, f) ? "yes" : "no") : "");
        t.row(row);
      }
    }
  }

  /** {@code trials.csv}: every point tried, per lever in order of change. */
  public static void writeTrials(WhatItTakes.Result r, Path file) throws IOException {
    try (CsvTable t =
        CsvTable.open(
            file,
            "blocker",
            "input",
            "kind",
            "change",
            "share_of_largest",
            "set",
            "status",
            "odds",
            "lower95",
            "upper95",
            "problem")) {
      for (WhatItTakes.Finding f : r.findings()) {
        WhatItTakes.Lever l = f.lever();
        for (WhatItTakes.Trial trial : f.trials()) {
          t.row(
              l.blocker(),
              l.path(),
              l.kind(),
              l.number(trial.change()),
              Numbers.fixed(l.fraction(trial.change()), 4),
              trial.set(),
              trial.valid() ? "ok" : "invalid",
              Numbers.fixed(trial.odds(), 6),
              Numbers.fixed(trial.lower(), 6),
              Numbers.fixed(trial.upper(), 6),
              trial.problem());
        }
      }
    }
  }

  /**
   * Whether a found change surely reaches the threshold: the lower end of its 95% interval is at or
   * above it. The search stops at the first estimate that reaches it, so over few runs the interval
   * often straddles the threshold; the words then say so rather than "reaches".
   */
  public static boolean clears(WhatItTakes.Result r, WhatItTakes.Finding f) {
    return f.found() && f.reached().lower() >= r.settings().threshold();
  }

  /** One finding in plain words. */
  public static String sentence(WhatItTakes.Result r, WhatItTakes.Finding f) {
    WhatItTakes.Lever l = f.lever();
    String thr = String.format(Locale.ROOT, "%.2f", r.settings().threshold());
    if (f.found()) {
      return String.format(
          Locale.ROOT,
          "%s %s (%s, %s): P = %.2f [%.2f, %.2f], %s  (--set %s)",
          l.path(),
          l.describe(f.change()),
          l.direction(),
          f.reached().set().substring(l.path().length() + 1),
          f.reached().odds(),
          f.reached().lower(),
          f.reached().upper(),
          clears(r, f)
              ? "reaches " + thr + " (its interval's lower end too)"
              : "the estimate is at "
                  + thr
                  + " or above but the interval's lower end is not: run more replications to tell",
          f.reached().set());
    }
    if (f.best() == null || f.trials().stream().filter(WhatItTakes.Trial::valid).count() <= 1) {
      String problem =
          f.trials().stream()
              .filter(t -> !t.valid())
              .map(WhatItTakes.Trial::problem)
              .findFirst()
              .orElse("");
      return String.format(
          Locale.ROOT,
          "%s: every change %s makes the scenario invalid (%s)",
          l.path(),
          l.direction(),
          problem);
    }
    long invalid = f.trials().stream().filter(t -> !t.valid()).count();
    return String.format(
        Locale.ROOT,
        "%s: no change up to %s (%s) reaches %s; best P = %.2f at %s%s",
        l.path(),
        l.describe(l.limit()),
        l.direction(),
        thr,
        f.best().odds(),
        l.describe(f.best().change()),
        invalid > 0
            ? " ("
                + invalid
                + " larger change"
                + (invalid == 1 ? "" : "s")
                + " invalid: see trials.csv)"
            : "");
  }

  /** The findings in plain words, one blocker after the other. */
  public static String text(WhatItTakes.Result r, YearMonth month) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "P(deal by %s) = %.2f [%.2f, %.2f] over %d replications; threshold %.2f.%n",
            month,
            r.baseOdds(),
            r.baseLower(),
            r.baseUpper(),
            r.settings().replications(),
            r.settings().threshold()));
    if (r.baseOdds() >= r.settings().threshold()) {
      return s.append("The odds are already at or above the threshold: nothing to change.\n")
          .toString();
    }
    List<WhatItTakes.Blocker> main = mainBlockers(r);
    if (main.isEmpty()) {
      return s.append(
              String.format(
                  Locale.ROOT,
                  "No party blocks %.0f%% or more of the failed runs.%n",
                  100 * r.settings().minShare()))
          .toString();
    }
    for (WhatItTakes.Blocker b : main) {
      s.append(
          String.format(
              Locale.ROOT,
              "%nMain blocker %s (%.0f%% of the %d failed runs). The smallest single change whose estimate lifts "
                  + "P to %.2f:%n",
              b.actor(),
              100 * b.share(),
              r.failedRuns(),
              r.settings().threshold()));
      boolean any = false;
      for (WhatItTakes.Finding f : r.findings()) {
        if (!f.lever().blocker().equals(b.actor())) continue;
        if (f.found()) {
          s.append("  - ").append(sentence(r, f)).append('\n');
          any = true;
        }
      }
      if (!any)
        s.append("  - no single change of ")
            .append(b.actor())
            .append("'s stances, reservation or flexibility does.\n");
      for (WhatItTakes.Finding f : r.findings()) {
        if (f.lever().blocker().equals(b.actor()) && !f.found())
          s.append("  - ").append(sentence(r, f)).append('\n');
      }
    }
    return s.toString();
  }

  public static List<WhatItTakes.Blocker> mainBlockers(WhatItTakes.Result r) {
    return r.blockers().stream()
        .filter(b -> b.failedRuns() > 0 && b.share() >= r.settings().minShare())
        .toList();
  }

  public static List<Path> writeChart(
      WhatItTakes.Result r, String scenario, YearMonth month, Path dir) throws IOException {
    return ChartKit.save(
        chart(r, scenario, month), dir, "whatittakes", ChartKit.WIDTH, ChartKit.HEIGHT);
  }

  static JFreeChart chart(WhatItTakes.Result r, String scenario, YearMonth month) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer();
    int i = 0;
    for (WhatItTakes.Finding f : r.findings()) {
      WhatItTakes.Lever l = f.lever();
      XYSeries s =
          new XYSeries(
              l.path() + " (" + l.direction() + ", up to " + l.describe(l.limit()) + ")",
              true,
              true);
      for (WhatItTakes.Trial t : f.trials())
        if (t.valid()) s.add(100 * l.fraction(t.change()), t.odds());
      data.addSeries(s);
      Color c = COLORS[i % COLORS.length];
      rr.setSeriesPaint(i, c);
      rr.setSeriesStroke(
          i, i < COLORS.length ? ChartLook.line(2.2f) : ChartLook.REPORT.dashed(2.2f));
      rr.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
      i++;
    }
    NumberAxis x = new NumberAxis("change, as % of the largest tried (0: the scenario as it is)");
    x.setRange(-2, 102);
    x.setTickUnit(new NumberTickUnit(10, new DecimalFormat("0")));
    NumberAxis y = new NumberAxis("P(deal by " + month + ")");
    y.setRange(0, 1);
    y.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0")));
    XYPlot plot = new XYPlot(data, x, y, rr);
    plot.addRangeMarker(
        new ValueMarker(
            r.settings().threshold(),
            ChartKit.INK,
            new BasicStroke(
                1.4f,
                BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND,
                10f,
                new float[] {6f, 4f},
                0f)));
    plot.setNoDataMessage(
        r.baseOdds() >= r.settings().threshold()
            ? "Already at or above the threshold"
            : "No main blocker");
    plot.setNoDataMessageFont(ChartKit.EMPTY_FONT);
    String note =
        String.format(
            Locale.ROOT,
            "one change at a time to the main blockers' inputs · dashed: threshold %.2f · "
                + "same seed at every point",
            r.settings().threshold());
    JFreeChart chart =
        ChartLook.REPORT.chart(
            ChartKit.title(scenario, "what it would take to reach the threshold"),
            List.of(
                ChartKit.runLine(r.settings().replications(), r.settings().seed(), "per point"),
                note),
            plot,
            true);
    return chart;
  }
}
