package org.negotiate.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.negotiate.protocol.analysis.Outcome;
import org.negotiate.protocol.analysis.OutcomeSpace;

/**
 * The utility plane of two parties: party X's judged utility across, party Y's up (both 0–1), with
 * the sampled Pareto frontier as a line, the disagreement point (the reservation utilities, also
 * drawn as dashed lines bounding the individually rational region), the status quo, the Nash,
 * Kalai–Smorodinsky and maximum-joint-utility points as labelled markers, and a cloud of agreed
 * packages. Written as PNG and SVG with the common look ({@link ChartKit}); works headless.
 */
public final class UtilityPlaneChart {

  public static final int WIDTH = 1000;
  public static final int HEIGHT = 900;

  private static final Color FRONTIER = new Color(0x0B4F8A);
  private static final Color AGREED = new Color(0x56B4E9);
  private static final Color DISAGREEMENT = new Color(0x202020);
  private static final Color STATUS_QUO = new Color(0x7F7F7F);
  private static final Color NASH = new Color(0xD55E00);
  private static final Color SYMMETRIC_NASH = new Color(0xE69F00);
  private static final Color KS = new Color(0x009E73);
  private static final Color JOINT = new Color(0xCC79A7);

  private UtilityPlaneChart() {}

  /**
   * What the chart shows, as (x, y) utility pairs; any point may be null (not drawn), lists may be
   * empty.
   *
   * @param parties how many parties the points were solved for (2, or more when the plane shows two
   *     of several)
   * @param zone whether there are packages at all (the red lines leave some, or are ignored)
   * @param redLines whether the packages are those inside the red lines (false: red lines ignored,
   *     {@link OutcomeSpace#unconstrained})
   * @param frontier the Pareto frontier of the two shown parties, in drawing order
   * @param agreed the utilities of the agreed packages (one per run)
   */
  public record Plane(
      String xName,
      String yName,
      int parties,
      boolean zone,
      boolean redLines,
      List<double[]> frontier,
      double[] disagreement,
      double[] statusQuo,
      double[] nash,
      double[] symmetricNash,
      double[] kalaiSmorodinsky,
      double[] maxJoint,
      List<double[]> agreed) {
    public Plane {
      Objects.requireNonNull(xName, "xName");
      Objects.requireNonNull(yName, "yName");
      frontier = List.copyOf(frontier);
      agreed = List.copyOf(agreed);
    }
  }

  /**
   * The plane of actors {@code xActor} and {@code yActor} (two of {@code space}'s parties). With
   * two parties the frontier is the space's own; with more it is the frontier of the two shown
   * parties inside every party's red lines ({@link OutcomeSpace#among}), while the Nash, KS and
   * max-joint points are those of all the parties, seen through the two shown parties' utilities.
   *
   * @param statusQuo the status quo package (terms per issue), or null
   * @param agreed agreed packages (terms per issue), valued with the space's inputs
   */
  public static Plane plane(
      OutcomeSpace space,
      int xActor,
      int yActor,
      String xName,
      String yName,
      double[] statusQuo,
      List<double[]> agreed) {
    int[] parties = space.parties();
    int x = indexOf(parties, xActor);
    int y = indexOf(parties, yActor);
    if (x < 0 || y < 0 || x == y) {
      throw new IllegalArgumentException(
          "plot two different parties of the space, not " + xActor + " and " + yActor);
    }
    OutcomeSpace pair = parties.length == 2 ? space : space.among(xActor, yActor);
    int px = indexOf(pair.parties(), xActor);
    int py = indexOf(pair.parties(), yActor);
    List<double[]> frontier = new ArrayList<>();
    for (Outcome o : pair.frontier()) frontier.add(new double[] {o.utility(px), o.utility(py)});
    frontier.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
    double[] r = space.disagreement();
    List<double[]> cloud = new ArrayList<>();
    for (double[] z : agreed) cloud.add(xy(space.utilities(z), x, y));
    return new Plane(
        xName,
        yName,
        parties.length,
        space.feasible(),
        space.redLinesApply(),
        frontier,
        new double[] {r[x], r[y]},
        statusQuo == null ? null : xy(space.utilities(statusQuo), x, y),
        xy(space.nash(), x, y),
        xy(space.symmetricNash(), x, y),
        xy(space.kalaiSmorodinsky(), x, y),
        xy(space.maxJointUtility(), x, y),
        cloud);
  }

  /**
   * Writes {@code <name>.png} and {@code <name>.svg} into {@code dir} (created if missing) and
   * returns the two paths, PNG first.
   *
   * @param scenario the scenario's name, for the title
   * @param runLine the first subtitle line (e.g. {@code ChartKit.runLine}), or null
   */
  public static List<Path> write(
      Plane plane, String scenario, String runLine, Path dir, String name) throws IOException {
    Objects.requireNonNull(plane, "plane");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(name, "name");
    return ChartKit.save(chart(plane, scenario, runLine), dir, name, WIDTH, HEIGHT);
  }

  /**
   * As {@link #write(Plane, String, String, Path, String)} with the usual first subtitle: "N
   * replications, seed S" plus {@code note} (may be null).
   */
  public static List<Path> write(
      Plane plane, String scenario, int replications, long seed, String note, Path dir, String name)
      throws IOException {
    return write(plane, scenario, ChartKit.runLine(replications, seed, note), dir, name);
  }

  static JFreeChart chart(Plane p, String scenario, String runLine) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
    XYPlot plot =
        new XYPlot(
            data, axis(p.xName() + " — judged utility"), axis(p.yName() + " — judged utility"), r);

    if (!p.agreed().isEmpty()) {
      XYSeries s =
          series(
              String.format(Locale.ROOT, "Agreed packages (%,d)", p.agreed().size()), p.agreed());
      add(
          data,
          r,
          s,
          new Color(AGREED.getRed(), AGREED.getGreen(), AGREED.getBlue(), 110),
          false,
          true,
          new Ellipse2D.Double(-3, -3, 6, 6),
          null);
    }
    if (!p.frontier().isEmpty()) {
      add(
          data,
          r,
          series(
              p.redLines()
                  ? "Pareto frontier (inside the red lines)"
                  : "Pareto frontier (red lines ignored)",
              p.frontier()),
          FRONTIER,
          true,
          false,
          null,
          ChartLook.line(2.6f));
    }
    List<Labelled> labelled = new ArrayList<>();
    marker(
        data,
        r,
        labelled,
        "Disagreement (reservations)",
        "r",
        p.disagreement(),
        DISAGREEMENT,
        square(5));
    marker(data, r, labelled, "Status quo", "status quo", p.statusQuo(), STATUS_QUO, diamond(7));
    marker(
        data,
        r,
        labelled,
        "Nash (capability-weighted)",
        "Nash",
        p.nash(),
        NASH,
        new Ellipse2D.Double(-6, -6, 12, 12));
    marker(
        data,
        r,
        labelled,
        "Symmetric Nash",
        "sym. Nash",
        p.symmetricNash(),
        SYMMETRIC_NASH,
        new Ellipse2D.Double(-4, -4, 8, 8));
    marker(data, r, labelled, "Kalai–Smorodinsky", "KS", p.kalaiSmorodinsky(), KS, triangle(7));
    marker(data, r, labelled, "Max joint utility", "max joint", p.maxJoint(), JOINT, square(6));
    labels(plot, labelled);

    if (p.disagreement() != null && p.zone()) {
      ValueMarker vx =
          new ValueMarker(p.disagreement()[0], new Color(0x8A8A8A), ChartLook.REPORT.dashed(1.4f));
      ValueMarker vy =
          new ValueMarker(p.disagreement()[1], new Color(0x8A8A8A), ChartLook.REPORT.dashed(1.4f));
      plot.addDomainMarker(vx, Layer.BACKGROUND);
      plot.addRangeMarker(vy, Layer.BACKGROUND);
    }
    plot.setNoDataMessage("The red lines leave no package: no outcome space to show");
    plot.setNoDataMessageFont(ChartKit.EMPTY_FONT);
    if (!p.zone() && data.getSeriesCount() > 0) {
      // a status quo or agreed points may still be drawn: say why there is no frontier
      plot.addAnnotation(
          ChartKit.note(
              "The red lines leave no package: no frontier, Nash or KS point",
              ChartKit.NOTE_BOLD_FONT,
              0.5,
              0.5,
              RectangleAnchor.CENTER));
    } else if (p.nash() == null) {
      plot.addAnnotation(
          ChartKit.note(
              "No package gives both parties their reservation utility",
              ChartKit.NOTE_BOLD_FONT,
              0.99,
              0.99,
              RectangleAnchor.TOP_RIGHT));
    }

    List<String> subtitles = new ArrayList<>();
    if (runLine != null && !runLine.isBlank()) subtitles.add(runLine);
    if (!p.redLines()) subtitles.add("Red lines ignored: every package on the 0–100 scales counts");
    subtitles.add(
        p.parties() > 2
            ? String.format(
                Locale.ROOT,
                "Two of %d parties: frontier of these two%s; points solved for all %d",
                p.parties(),
                p.redLines() ? " inside all red lines" : "",
                p.parties())
            : "Judged utilities (0–1); dashed lines: reservation utilities (individually rational above and right)");
    return ChartLook.REPORT.chart(
        ChartKit.title(scenario, "utility plane: " + p.xName() + " vs " + p.yName()),
        subtitles,
        plot,
        data.getSeriesCount() > 0);
  }

  private record Labelled(String label, double[] at, Color color) {}

  private static void marker(
      XYSeriesCollection data,
      XYLineAndShapeRenderer r,
      List<Labelled> labelled,
      String legend,
      String label,
      double[] at,
      Color color,
      Shape shape) {
    if (at == null) return;
    add(data, r, series(legend, List.of(at)), color, false, true, shape, null);
    labelled.add(new Labelled(label, at, color));
  }

  /** Labels beside the markers; points closer than 0.012 share one label ("Nash = KS"). */
  private static void labels(XYPlot plot, List<Labelled> points) {
    boolean[] done = new boolean[points.size()];
    for (int i = 0; i < points.size(); i++) {
      if (done[i]) continue;
      StringBuilder text = new StringBuilder(points.get(i).label());
      for (int j = i + 1; j < points.size(); j++) {
        if (!done[j]
            && Math.hypot(
                    points.get(i).at()[0] - points.get(j).at()[0],
                    points.get(i).at()[1] - points.get(j).at()[1])
                < 0.012) {
          text.append(" = ").append(points.get(j).label());
          done[j] = true;
        }
      }
      double[] at = points.get(i).at();
      XYTextAnnotation a = new XYTextAnnotation(" " + text, at[0] + 0.012, at[1] + 0.012);
      a.setFont(ChartKit.NOTE_BOLD_FONT);
      a.setPaint(points.get(i).color().darker());
      a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
      a.setBackgroundPaint(new Color(255, 255, 255, 190));
      plot.addAnnotation(a);
    }
  }

  private static void add(
      XYSeriesCollection data,
      XYLineAndShapeRenderer r,
      XYSeries s,
      Color color,
      boolean lines,
      boolean shapes,
      Shape shape,
      java.awt.Stroke stroke) {
    int i = data.getSeriesCount();
    data.addSeries(s);
    r.setSeriesPaint(i, color);
    r.setSeriesLinesVisible(i, lines);
    r.setSeriesShapesVisible(i, shapes);
    if (shape != null) r.setSeriesShape(i, shape);
    if (stroke != null) r.setSeriesStroke(i, stroke);
    r.setSeriesOutlineStroke(i, new BasicStroke(1f));
  }

  private static XYSeries series(String name, List<double[]> points) {
    XYSeries s = new XYSeries(name, false, true);
    for (double[] p : points) s.add(p[0], p[1]);
    return s;
  }

  private static NumberAxis axis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setRange(0, 1.02); // a little room so points at 1 are not on the frame
    a.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0")));
    return a;
  }

  private static Shape square(double h) {
    return new Rectangle2D.Double(-h, -h, 2 * h, 2 * h);
  }

  private static Shape diamond(double h) {
    Path2D.Double d = new Path2D.Double();
    d.moveTo(0, -h);
    d.lineTo(h, 0);
    d.lineTo(0, h);
    d.lineTo(-h, 0);
    d.closePath();
    return d;
  }

  private static Shape triangle(double h) {
    Path2D.Double t = new Path2D.Double();
    t.moveTo(0, -h);
    t.lineTo(h, h);
    t.lineTo(-h, h);
    t.closePath();
    return t;
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
    return -1;
  }

  private static double[] xy(double[] u, int x, int y) {
    return new double[] {u[x], u[y]};
  }

  private static double[] xy(Optional<Outcome> o, int x, int y) {
    return o.map(v -> xy(v.utilities(), x, y)).orElse(null);
  }
}
