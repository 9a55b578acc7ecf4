package org.negotiate.report;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.negotiate.experiment.Discovery;
import org.negotiate.experiment.Prim;
import org.negotiate.experiment.UncertainInput;

/**
 * The files of a scenario discovery: {@code draws.csv} (every replication's drawn inputs and
 * whether it had a deal), {@code prim.csv} (the peeling trajectory, then the pasted and final
 * boxes), {@code box.csv} (the final box's bounds) and {@code prim.png/svg} (coverage against
 * density along the trajectory).
 */
public final class DiscoveryReport {
  private static final Color PATH_COLOR = new Color(0x0B4F8A);
  private static final Color BOX_COLOR = new Color(0xC0392B);

  private DiscoveryReport() {}

  /**
   * {@code draws.csv}: replication, seed, deal by the month (1/0), round of the deal or end, then
   * each input's drawn value.
   */
  public static void writeDraws(Discovery.Result r, Path file) throws IOException {
    List<String> header = new ArrayList<>(List.of("replication", "seed", "deal", "round"));
    for (UncertainInput in : r.inputs()) header.add(in.key());
    try (CsvTable t = CsvTable.open(file, header)) {
      for (int i = 0; i < r.deal().length; i++) {
        t.cell(i)
            .cell(Long.toUnsignedString(r.seeds()[i]))
            .cell(r.deal()[i] ? 1 : 0)
            .cell(r.round()[i]);
        for (double v : r.draws()[i]) t.cell(Numbers.fixed(v, 6));
        t.end();
      }
    }
  }

  /**
   * {@code prim.csv}: one row per box of the peeling trajectory ({@code stage} peel, step 0 being
   * every run), then the chosen box after pasting ({@code pasted}) and after pruning ({@code
   * final}): runs and deals in the box, its mass, coverage and density, how many inputs it
   * restricts, and which box the coverage rule chose.
   */
  public static void writeTrajectory(Discovery.Result r, Path file) throws IOException {
    try (CsvTable t =
        CsvTable.open(
            file,
            "step",
            "stage",
            "runs_in_box",
            "deals_in_box",
            "mass",
            "coverage",
            "density",
            "restricted_inputs",
            "chosen")) {
      List<Prim.Step> steps = r.prim().trajectory();
      for (int i = 0; i < steps.size(); i++)
        row(t, i, "peel", steps.get(i), i == r.prim().chosen());
      row(t, steps.size(), "pasted", r.prim().pasted(), false);
      row(t, steps.size() + 1, "final", r.prim().box(), true);
    }
  }

  private static void row(CsvTable t, int step, String stage, Prim.Step s, boolean chosen)
      throws IOException {
    t.row(
        String.valueOf(step),
        stage,
        String.valueOf(s.cases()),
        String.valueOf(s.hits()),
        Numbers.fixed(s.mass(), 6),
        Numbers.fixed(s.coverage(), 6),
        Numbers.fixed(s.density(), 6),
        String.valueOf(s.box().restrictions()),
        chosen ? "yes" : "");
  }

  /**
   * {@code box.csv}: one row per input the final box restricts: its bounds (empty when that side is
   * open), the range of its draws, and the box's density and coverage if that input's restriction
   * were dropped.
   */
  public static void writeBox(Discovery.Result r, Path file) throws IOException {
    Prim.Step b = r.prim().box();
    int hits = r.prim().hits();
    try (CsvTable t =
        CsvTable.open(
            file,
            "input",
            "settable",
            "lower",
            "upper",
            "draws_min",
            "draws_max",
            "condition",
            "density_without",
            "coverage_without",
            "stability")) {
      for (int j = 0; j < r.inputs().size(); j++) {
        if (!b.box().restricted(j)) continue;
        UncertainInput in = r.inputs().get(j);
        double lo = b.box().lo()[j];
        double hi = b.box().hi()[j];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : r.draws()) {
          min = Math.min(min, row[j]);
          max = Math.max(max, row[j]);
        }
        double[] l = b.box().lo().clone();
        double[] h = b.box().hi().clone();
        l[j] = Double.NEGATIVE_INFINITY;
        h[j] = Double.POSITIVE_INFINITY;
        Prim.Step without = Prim.measure(r.draws(), r.deal(), new Prim.Box(l, h), hits);
        t.row(
            in.key(),
            Boolean.toString(in.settable()),
            lo == Double.NEGATIVE_INFINITY ? "" : Numbers.fixed(lo, 6),
            hi == Double.POSITIVE_INFINITY ? "" : Numbers.fixed(hi, 6),
            Numbers.fixed(min, 6),
            Numbers.fixed(max, 6),
            Discovery.condition(in, lo, hi),
            Numbers.fixed(without.density(), 6),
            Numbers.fixed(without.coverage(), 6),
            r.stability() == null ? "" : Numbers.fixed(r.stability().stability()[j], 4));
      }
    }
  }

  public static List<Path> writeChart(
      Discovery.Result r, String scenario, YearMonth month, Path dir) throws IOException {
    return ChartKit.save(chart(r, scenario, month), dir, "prim", ChartKit.WIDTH, ChartKit.HEIGHT);
  }

  static JFreeChart chart(Discovery.Result r, String scenario, YearMonth month) {
    XYSeries path = new XYSeries("peeling trajectory", false, true);
    for (Prim.Step s : r.prim().trajectory()) path.add(s.coverage(), s.density());
    XYSeries chosen = new XYSeries("chosen", false, true);
    Prim.Step c = r.prim().trajectory().get(r.prim().chosen());
    chosen.add(c.coverage(), c.density());
    XYSeries fin = new XYSeries("final", false, true);
    Prim.Step b = r.prim().box();
    fin.add(b.coverage(), b.density());
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(path);
    data.addSeries(chosen);
    data.addSeries(fin);
    XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer();
    rr.setSeriesPaint(0, PATH_COLOR);
    rr.setSeriesStroke(0, ChartLook.line(2.2f));
    rr.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    rr.setSeriesLinesVisible(1, false);
    rr.setSeriesPaint(1, ChartKit.INK);
    rr.setSeriesShape(1, new Ellipse2D.Double(-7, -7, 14, 14));
    rr.setSeriesShapesFilled(1, false);
    rr.setSeriesLinesVisible(2, false);
    rr.setSeriesPaint(2, BOX_COLOR);
    rr.setSeriesShape(2, new Rectangle2D.Double(-6, -6, 12, 12));
    NumberAxis x = new NumberAxis("coverage: share of all deals inside the box");
    x.setRange(0, 1.02);
    x.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0")));
    NumberAxis y = new NumberAxis("density: share of runs inside the box with a deal by " + month);
    y.setRange(0, 1.02);
    y.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0")));
    XYPlot plot = new XYPlot(data, x, y, rr);
    plot.addRangeMarker(
        new ValueMarker(
            r.prim().baseDensity(), new Color(0x888888), ChartLook.REPORT.dashed(1.4f)));
    plot.addDomainMarker(
        new ValueMarker(
            r.settings().minCoverage(), new Color(0x888888), ChartLook.REPORT.dashed(1.4f)));
    XYPointerAnnotation a =
        new XYPointerAnnotation(
            String.format(
                Locale.ROOT,
                "final box: %d input%s, density %.2f, coverage %.2f",
                b.box().restrictions(),
                b.box().restrictions() == 1 ? "" : "s",
                b.density(),
                b.coverage()),
            b.coverage(),
            b.density(),
            Math.PI * 0.75);
    a.setFont(ChartKit.NOTE_BOLD_FONT);
    a.setPaint(BOX_COLOR);
    a.setArrowPaint(BOX_COLOR);
    a.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
    plot.addAnnotation(a);
    List<String> cond = Discovery.conditions(r, b.box());
    StringBuilder text =
        new StringBuilder(
            cond.isEmpty()
                ? "no restriction does markedly better"
                : "when " + String.join("\nand ", cond));
    plot.addAnnotation(
        ChartKit.note(
            text.toString(), ChartKit.NOTE_FONT, 0.01, 0.02, RectangleAnchor.BOTTOM_LEFT));
    plot.setFixedLegendItems(
        ChartLook.legend(
            List.of(
                ChartLook.REPORT.lineItem(
                    "peeling trajectory (each step cuts "
                        + Math.round(100 * r.settings().alpha())
                        + "% of the box)",
                    PATH_COLOR,
                    ChartLook.line(2.2f)),
                ChartLook.REPORT.lineItem(
                    "chosen by the coverage rule", ChartKit.INK, ChartLook.line(1f)),
                ChartLook.REPORT.boxItem("final box (pasted, pruned)", BOX_COLOR),
                ChartLook.REPORT.lineItem(
                    "all runs' density; minimum coverage",
                    new Color(0x888888),
                    ChartLook.REPORT.dashed(1.4f)))));
    String note =
        String.format(
            Locale.ROOT, "a deal by %s in %.0f%% of all runs", month, 100 * r.prim().baseDensity());
    return ChartLook.REPORT.chart(
        ChartKit.title(scenario, "where a deal is likely (PRIM scenario discovery)"),
        List.of(ChartKit.runLine(r.deal().length, r.settings().seed(), note)),
        plot,
        true);
  }
}
