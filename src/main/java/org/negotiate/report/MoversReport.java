package org.negotiate.report;

import static org.negotiate.report.BriefSections.pct;
import static org.negotiate.report.BriefSections.row;
import static org.negotiate.report.Html.el;
import static org.negotiate.report.Html.num;
import static org.negotiate.report.Html.p;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.negotiate.experiment.InputThirds;

/**
 * The odds brief's default "What would move them": {@code movers.csv} and {@code movers.png/svg}
 * from {@link InputThirds}, the run's own draws split by each input's lower and upper third.
 */
public final class MoversReport {
  /** Most inputs the chart and the brief's table show (the CSV has them all). */
  public static final int SHOWN = 12;

  private static final Color LOW_COLOR = new Color(0xC0392B);
  private static final Color HIGH_COLOR = new Color(0x0B4F8A);

  private MoversReport() {}

  /**
   * {@code movers.csv}: per input, the widest gap first, the odds among the runs in its lower third
   * and in its upper third (95% Wilson intervals), the thirds' edges and the gap with its interval;
   * an input whose draws cannot be split has empty fields.
   */
  public static void writeCsv(InputThirds t, Path file) throws IOException {
    try (CsvTable csv =
        CsvTable.open(
            file,
            "input",
            "settable",
            "distribution",
            "low_max",
            "runs_low",
            "deals_low",
            "odds_low",
            "low_lower95",
            "low_upper95",
            "high_min",
            "runs_high",
            "deals_high",
            "odds_high",
            "high_lower95",
            "high_upper95",
            "gap",
            "gap_lower95",
            "gap_upper95")) {
      for (InputThirds.Row r : t.rows()) {
        List<String> cells = new ArrayList<>();
        cells.add(r.input().key());
        cells.add(Boolean.toString(r.input().settable()));
        cells.add(r.input().quantity().describe());
        if (!r.split()) {
          for (int i = 0; i < 15; i++) cells.add("");
        } else {
          cells.add(Numbers.fixed(r.lowMax(), 4));
          cells.add(Integer.toString(r.lowRuns()));
          cells.add(Integer.toString(r.lowDeals()));
          cells.add(Numbers.fixed(r.lowOdds(), 6));
          cells.add(Numbers.fixed(r.low()[0], 6));
          cells.add(Numbers.fixed(r.low()[1], 6));
          cells.add(Numbers.fixed(r.highMin(), 4));
          cells.add(Integer.toString(r.highRuns()));
          cells.add(Integer.toString(r.highDeals()));
          cells.add(Numbers.fixed(r.highOdds(), 6));
          cells.add(Numbers.fixed(r.high()[0], 6));
          cells.add(Numbers.fixed(r.high()[1], 6));
          cells.add(Numbers.fixed(r.gap().estimate(), 6));
          cells.add(Numbers.fixed(r.gap().lower(), 6));
          cells.add(Numbers.fixed(r.gap().upper(), 6));
        }
        csv.row(cells);
      }
    }
  }

  /** Writes {@code movers.png/svg}; returns the two paths. */
  public static List<Path> writeChart(
      InputThirds t, String scenario, String byWhen, int replications, long seed, Path dir)
      throws IOException {
    int shown = Math.min(SHOWN, t.splitRows().size());
    int height = Math.max(ChartKit.HEIGHT, 260 + 38 * shown);
    return ChartKit.save(
        chart(t, scenario, byWhen, replications, seed), dir, "movers", ChartKit.WIDTH, height);
  }

  /**
   * The tornado: per input, a bar from the overall odds to the odds among the runs in its lower
   * third and one to those in its upper third, with their Wilson intervals; the widest gap at the
   * top.
   */
  static JFreeChart chart(
      InputThirds t, String scenario, String byWhen, int replications, long seed) {
    List<InputThirds.Row> rows = t.splitRows();
    rows = rows.subList(0, Math.min(SHOWN, rows.size()));
    int n = rows.size();
    PairedBars bars = new PairedBars(n, "upper third", "lower third");
    double all = t.odds();
    for (int i = 0; i < n; i++) {
      InputThirds.Row r = rows.get(i);
      bars.row(
          i,
          r.input().key() + " " + range(r),
          new double[] {
            r.highOdds(),
            Math.min(all, r.highOdds()),
            Math.max(all, r.highOdds()),
            r.high()[0],
            r.high()[1]
          },
          new double[] {
            r.lowOdds(),
            Math.min(all, r.lowOdds()),
            Math.max(all, r.lowOdds()),
            r.low()[0],
            r.low()[1]
          });
    }
    NumberAxis y =
        new NumberAxis("P(deal by " + byWhen + ") among the runs whose draw is in that third");
    y.setRange(0, 1);
    XYPlot plot = bars.plot(y, Math.max(1, n), HIGH_COLOR, LOW_COLOR);
    if (!Double.isNaN(all))
      plot.addRangeMarker(new ValueMarker(all, ChartKit.INK, ChartLook.line(1.2f)));
    plot.setNoDataMessage(
        t.rows().isEmpty() ? "No uncertain inputs" : "Too few runs to split the draws");
    plot.setFixedLegendItems(
        ChartLook.legend(
            List.of(
                ChartLook.REPORT.boxItem("runs with the input in its lower third", LOW_COLOR),
                ChartLook.REPORT.boxItem("runs with the input in its upper third", HIGH_COLOR),
                ChartLook.REPORT.lineItem(
                    "95% Wilson interval", ChartKit.INK, ChartLook.line(1.4f)))));
    String note =
        String.format(
            Locale.ROOT,
            "this run's own draws, every input drawn together: an association, not the effect of "
                + "changing one input · all runs P = %.2f (line) · widest %d of %d inputs",
            all,
            n,
            t.rows().size());
    return ChartLook.REPORT.chart(
        ChartKit.title(scenario, "which inputs go with a deal (this run's draws)"),
        List.of(ChartKit.runLine(replications, seed, null), note),
        plot,
        true);
  }

  /**
   * Decimals that tell the thirds' edges apart: two significant digits of the input's range width
   * (0 for a range of 10 or more, 3 for one of 0.012).
   */
  static int decimals(org.negotiate.experiment.UncertainInput in) {
    double w = in.quantity().max() - in.quantity().min();
    if (!(w > 0) || !Double.isFinite(w)) return 2;
    return (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(w)) + 1));
  }

  /** A difference of odds in percentage points, "+12", "−3", "0". */
  static String points(double d) {
    long v = Math.round(100 * d);
    return v == 0 ? "0" : (v > 0 ? "+" : "−") + Math.abs(v);
  }

  /** "(≤ 45 | ≥ 70)": the thirds' edges with as many decimals as the input's range needs. */
  private static String range(InputThirds.Row r) {
    String f = "%." + decimals(r.input()) + "f";
    return String.format(Locale.ROOT, "(≤ " + f + " | ≥ " + f + ")", r.lowMax(), r.highMin());
  }

  /**
   * The brief's default "What would move them": what the split says, in words, with the chart and a
   * table; a sentence instead when there is no input or too few runs to split.
   *
   * @param controlled whether the brief also shows the one-at-a-time analysis ({@code --movers N})
   * @param conditioned whether the runs are those a forecast as of a month kept (then there is no
   *     controlled version to point to)
   */
  public static Html brief(
      InputThirds t, String byWhen, Path chartsDir, boolean controlled, boolean conditioned)
      throws IOException {
    List<Object> body = new ArrayList<>();
    if (t.rows().isEmpty()) {
      body.add(
          p(
              "No uncertain input: every run starts from the same value of every assumption (runs "
                  + "differ at most by the protocol's own noise), so no assumption can be set against "
                  + "the odds."));
      return Html.join(body);
    }
    List<InputThirds.Row> rows = t.splitRows();
    if (rows.isEmpty()) {
      body.add(
          p(
              "Too few runs to split the draws of the "
                  + t.rows().size()
                  + " uncertain inputs into thirds ("
                  + t.runs()
                  + " runs); run more replications with ",
              el("code", "--runs"),
              "."));
      return Html.join(body);
    }
    InputThirds.Row top = rows.get(0);
    body.add(
        p(
            (controlled ? "Read off this run's own draws: for" : "For")
                + " each uncertain assumption, the odds of a deal by "
                + byWhen
                + " among the runs whose draw of it fell in its lower third, against those in its upper "
                + "third (all "
                + String.format(Locale.ROOT, "%,d", t.runs())
                + (conditioned ? " runs kept, those that reproduce the observations: " : " runs: ")
                + pct(t.odds())
                + "). The widest gap: ",
            el("code", top.input().key()),
            ", "
                + pct(top.lowOdds())
                + " in its lower third against "
                + pct(top.highOdds())
                + " in its upper third. Every assumption was drawn together with every other, so "
                + "this is an association over this run's draws, not what changing one assumption "
                + "would do: an assumption that travels with another that matters can look as if it "
                + "mattered itself. No replication was added to measure it."));
    if (!controlled && !conditioned) {
      body.add(
          p(
              "For the controlled version, each assumption moved alone with the others at their "
                  + "nominal values: ",
              el("code", "negotiate odds --movers N"),
              " ((2k + 1) × N more replications for k assumptions)."));
    }
    body.add(
        BriefSections.figure(
            chartsDir,
            "movers",
            "Chart: the odds among the runs with each assumption in its lower and upper third",
            "Bars from the odds over all runs (line) to the odds among the runs whose draw of the "
                + "assumption is in its lower third (red) and in its upper third (blue), with 95% Wilson "
                + "intervals; every input with its numbers in movers.csv."));
    List<List<?>> table = new ArrayList<>();
    for (InputThirds.Row r : rows.subList(0, Math.min(SHOWN, rows.size()))) {
      String f = "%." + decimals(r.input()) + "f";
      table.add(
          row(
              el("code", r.input().key()),
              num(
                  pct(r.lowOdds())
                      + " "
                      + BriefSections.pctRange(r.low()[0], r.low()[1])
                      + String.format(Locale.ROOT, " (≤ " + f + ")", r.lowMax())),
              num(
                  pct(r.highOdds())
                      + " "
                      + BriefSections.pctRange(r.high()[0], r.high()[1])
                      + String.format(Locale.ROOT, " (≥ " + f + ")", r.highMin())),
              num(
                  points(r.gap().estimate())
                      + " ["
                      + points(r.gap().lower())
                      + ", "
                      + points(r.gap().upper())
                      + "]")));
    }
    body.add(
        Html.table(
            List.of(
                "Assumption",
                "Odds in its lower third",
                "Odds in its upper third",
                "Gap: upper − lower (points, 95%)"),
            table,
            "movers"));
    int unsplit = t.rows().size() - rows.size();
    if (unsplit > 0)
      body.add(
          p(
              unsplit
                  + " more input"
                  + (unsplit == 1 ? " has" : "s have")
                  + " too few distinct draws to split into thirds."));
    return Html.join(body);
  }
}
