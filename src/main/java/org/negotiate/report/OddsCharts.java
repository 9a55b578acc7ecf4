package org.negotiate.report;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.ConvergenceOdds.BlockerShare;
import org.negotiate.experiment.ConvergenceOdds.IssueTerms;
import org.negotiate.experiment.ConvergenceOdds.MonthOdds;
import org.negotiate.experiment.ConvergenceOdds.PositionBand;
import org.negotiate.protocol.RoundClose.BlockReason;

/**
 * Charts of a {@link ConvergenceOdds}: the odds of a deal by month, the actors' positions over
 * time, the distribution of agreed terms and who blocks. Each chart is written as PNG and SVG.
 * Works headless (no display needed).
 */
public final class OddsCharts {

  /** Actor id of the pseudo-actor that stands for the mediators' draft text. */
  public static final String TEXT_ACTOR_ID = org.negotiate.experiment.MonteCarlo.TEXT_ID;

  /** Base names of the charts, in the order {@link #writeAll} writes them. */
  public static final List<String> CHART_NAMES = List.of("odds", "positions", "terms", "blockers");

  private static final Color ODDS_COLOR = new Color(0x0B4F8A);
  private static final Color TERMS_COLOR = new Color(0x4E6E81);
  private static final Color RANGE_FILL = new Color(0xF2C14E);

  private OddsCharts() {}

  /**
   * Writes {@code odds.png/svg}, {@code positions.png/svg}, {@code terms.png/svg} and {@code
   * blockers.png/svg} into {@code dir} (created if missing; existing files are overwritten) and
   * returns the paths written, in that order (PNG before SVG for each chart).
   *
   * @throws IllegalArgumentException if a blocker share is outside [0, 1]
   */
  public static List<Path> writeAll(ConvergenceOdds odds, Path dir) throws IOException {
    return writeAll(odds, dir, null);
  }

  /**
   * As {@link #writeAll(ConvergenceOdds, Path)}, for a forecast made as of {@code asOf} (null: a
   * run as written): the odds chart shades the months up to it, which are history the forecast was
   * conditioned on, so the forecast proper starts after it.
   */
  public static List<Path> writeAll(ConvergenceOdds odds, Path dir, java.time.YearMonth asOf)
      throws IOException {
    List<Path> out = new ArrayList<>(8);
    for (Chart c : charts(odds, dir, asOf)) out.addAll(c.write());
    return out;
  }

  /**
   * Shades the months up to the as-of month and labels them: what the forecast knew, not what it
   * forecast.
   */
  private static JFreeChart markAsOf(
      JFreeChart chart, ConvergenceOdds odds, java.time.YearMonth asOf) {
    if (asOf == null || odds.byMonth().isEmpty()) return chart;
    java.time.YearMonth first = odds.byMonth().get(0).month();
    IntervalMarker known =
        new IntervalMarker(
            ChartLook.x(first) - 15L * 24 * 3600 * 1000,
            ChartLook.x(asOf) + 15L * 24 * 3600 * 1000,
            new Color(120, 120, 120, 40));
    known.setLabel("as of " + asOf + ": known, not forecast");
    known.setLabelFont(ChartKit.NOTE_FONT);
    known.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
    known.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
    chart.getXYPlot().addDomainMarker(known, Layer.BACKGROUND);
    return chart;
  }

  /** Drawing and writing one chart (its PNG and SVG files); independent of the others. */
  public interface Chart {
    List<Path> write() throws IOException;
  }

  /**
   * The four charts of {@link #writeAll} as separate jobs, in that order, for a caller that draws
   * them at once on several threads (each chart is its own JFreeChart, so they share nothing
   * mutable).
   */
  public static List<Chart> charts(ConvergenceOdds odds, Path dir) {
    return charts(odds, dir, null);
  }

  /**
   * As {@link #charts(ConvergenceOdds, Path)}, the odds chart marking the as-of month (null: none).
   */
  public static List<Chart> charts(ConvergenceOdds odds, Path dir, java.time.YearMonth asOf) {
    return charts(odds, dir, asOf, true);
  }

  /**
   * As {@link #charts(ConvergenceOdds, Path, java.time.YearMonth)}; undated (an actor table): x
   * counts rounds.
   */
  public static List<Chart> charts(
      ConvergenceOdds odds, Path dir, java.time.YearMonth asOf, boolean dated) {
    return charts(odds, dir, asOf, dated, List.of(), null);
  }

  /**
   * A scheduled event drawn on the odds chart: its round, its month and what it is called.
   *
   * @param round the round it happens in (0 is the start month)
   */
  public record EventMark(int round, YearMonth month, String label) {
    public EventMark {
      Objects.requireNonNull(month, "month");
      label = label == null ? "" : label;
    }
  }

  /**
   * The scenario's events at a fixed month (a random event has no month to mark: its window is in
   * the brief's events table), in the scenario's order, with their rounds on its calendar.
   */
  public static List<EventMark> eventMarks(org.negotiate.scenario.Scenario s) {
    List<EventMark> out = new ArrayList<>();
    for (org.negotiate.scenario.Event e : s.events()) {
      if (e.timing() instanceof org.negotiate.scenario.Timing.At at) {
        String label = e.label() == null || e.label().isBlank() ? e.id() : e.label();
        out.add(new EventMark(s.calendar().round(at.month()), at.month(), label));
      }
    }
    return List.copyOf(out);
  }

  /**
   * As {@link #charts(ConvergenceOdds, Path, java.time.YearMonth, boolean)}, the odds chart marking
   * {@code events} and the blockers chart splitting each party's bar by {@code reasons} (from the
   * outcomes the run kept; null: one bar a party, as without them).
   */
  public static List<Chart> charts(
      ConvergenceOdds odds,
      Path dir,
      java.time.YearMonth asOf,
      boolean dated,
      List<EventMark> events,
      BriefSections.BlockerReasons reasons) {
    Objects.requireNonNull(odds, "odds");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(dir, "dir");
    ActorPalette palette = ActorPalette.of(odds);
    int stacked = stackedHeight(Math.min(MAX_PANELS, issueOrder(odds).size()));
    return List.of(
        () ->
            ChartKit.save(
                markAsOf(oddsChart(odds, dated, events, asOf == null ? 0 : 1), odds, asOf),
                dir,
                "odds",
                ChartKit.WIDTH,
                ChartKit.HEIGHT),
        () ->
            ChartKit.save(
                positionsChart(odds, palette, dated), dir, "positions", ChartKit.WIDTH, stacked),
        () -> ChartKit.save(termsChart(odds), dir, "terms", ChartKit.WIDTH, stacked),
        () ->
            ChartKit.save(
                blockersChart(odds, palette, reasons),
                dir,
                "blockers",
                ChartKit.WIDTH,
                ChartKit.HEIGHT));
  }

  /**
   * Most issues drawn as panels of the positions and terms charts; beyond, the first ones in the
   * scenario's order, and the chart says so (every issue is in rounds.csv and outcomes.csv). A
   * chart of 50 panels is 11,700 px high and, with 250 actors, a 90 MB SVG no one can read.
   */
  static final int MAX_PANELS = 12;

  /**
   * Most actors drawn one by one in a positions panel; with more, the panel shows the median and
   * the 10–90% spread of the actors' median positions instead (each actor is in rounds.csv).
   */
  static final int MAX_ACTOR_LINES = 12;

  /** Most parties drawn as bars of the blockers chart: those with the largest shares. */
  static final int MAX_BLOCKER_BARS = 15;

  /**
   * Height of the charts with one sub-plot per issue: 700 px up to two issues, then 230 px more
   * each.
   */
  /**
   * {@code positions.png/svg} alone: for one replication, odds, terms and blockers "over 1
   * replication" say nothing.
   */
  public static List<Path> writePositions(ConvergenceOdds odds, Path dir) throws IOException {
    return ChartKit.save(
        positionsChart(odds, ActorPalette.of(odds)),
        dir,
        "positions",
        ChartKit.WIDTH,
        stackedHeight(issueOrder(odds).size()));
  }

  static int stackedHeight(int issues) {
    return Math.max(ChartKit.HEIGHT, 240 + 230 * issues);
  }

  // ---------------------------------------------------------------------------------------------
  // (a) odds of agreement by month

  static JFreeChart oddsChart(ConvergenceOdds odds) {
    return oddsChart(odds, true);
  }

  static JFreeChart oddsChart(ConvergenceOdds odds, boolean dated) {
    return oddsChart(odds, dated, List.of(), 0);
  }

  /**
   * With {@code events} marked, their labels from row {@code firstRow} down (row 0 is the as-of
   * label's).
   */
  static JFreeChart oddsChart(
      ConvergenceOdds odds, boolean dated, List<EventMark> events, int firstRow) {
    List<MonthOdds> months =
        odds.byMonth().stream().sorted(Comparator.comparingInt(MonthOdds::round)).toList();
    // one run is a yes or no per month: an interval around it would only show the Wilson
    // formula at n = 1, so none is drawn
    boolean oneRun = odds.replications() == 1;
    YIntervalSeries s = new YIntervalSeries("P(agreement by month)", false, true);
    for (MonthOdds m : months) {
      double lo = oneRun ? m.odds() : m.lower();
      double hi = oneRun ? m.odds() : m.upper();
      s.add(dated ? ChartLook.x(m.month()) : m.round(), m.odds(), lo, hi);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(s);

    DeviationRenderer r = new DeviationRenderer(true, months.size() <= 48);
    r.setSeriesPaint(0, ODDS_COLOR);
    r.setSeriesStroke(0, ChartLook.line(2.6f));
    r.setSeriesFillPaint(0, ChartLook.lighter(ODDS_COLOR, 0.55));
    r.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    r.setAlpha(0.35f);

    org.jfree.chart.axis.ValueAxis x =
        dated
            ? finalMonthAxis(
                "Month (yyyy-MM; odds of a deal by the end of the month)",
                months.stream().map(MonthOdds::month).toList())
            : roundAxis(
                "Round (the table has no dates; odds of a deal by the end of the round)",
                months.size());
    NumberAxis y = new NumberAxis(dated ? "P(agreement by month)" : "P(agreement by round)");
    y.setRange(0.0, 1.0);
    y.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0")));
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setNoDataMessage("No months to show");
    plot.setNoDataMessageFont(ChartKit.EMPTY_FONT);
    plot.setFixedLegendItems(
        ChartLook.legend(
            oneRun
                ? List.of(
                    ChartLook.REPORT.lineItem(
                        dated
                            ? "One run: agreed by the end of the month (1) or not (0); no interval"
                            : "One run: agreed by the end of the round (1) or not (0); no interval",
                        ODDS_COLOR,
                        ChartLook.line(2.6f)))
                : List.of(
                    ChartLook.REPORT.lineItem(
                        dated
                            ? "P(agreement by the end of the month)"
                            : "P(agreement by the end of the round)",
                        ODDS_COLOR,
                        ChartLook.line(2.6f)),
                    ChartLook.REPORT.boxItem(
                        "95% Wilson interval",
                        ChartLook.lighter(ODDS_COLOR, 0.55 + 0.45 * 0.65)))));

    boolean marked = markEvents(plot, months, events, dated, firstRow);
    if (marked) {
      List<LegendItem> items = new ArrayList<>();
      org.jfree.chart.LegendItemCollection fixed = plot.getFixedLegendItems();
      for (int i = 0; i < fixed.getItemCount(); i++) items.add(fixed.get(i));
      items.add(
          ChartLook.REPORT.lineItem(
              "Scheduled event (the scenario's events)",
              EVENT_COLOR,
              ChartLook.REPORT.dashed(1.4f)));
      plot.setFixedLegendItems(ChartLook.legend(items));
    }

    String last = "";
    if (!months.isEmpty()) {
      MonthOdds m = months.get(months.size() - 1);
      last =
          oneRun
              ? (m.odds() > 0 ? "agreed by " : "no agreement by ")
                  + (dated ? m.month() : "round " + m.round())
                  + " (one run)"
              : String.format(
                  Locale.ROOT,
                  "P(agreement by %s) = %.2f [95%%: %.2f–%.2f]",
                  dated ? m.month() : "round " + m.round(),
                  m.odds(),
                  m.lower(),
                  m.upper());
    }
    return ChartLook.REPORT.chart(
        ChartKit.title(
            odds.scenario(), dated ? "odds of agreement by month" : "odds of agreement by round"),
        List.of(ChartKit.runLine(odds.replications(), odds.seed(), last)),
        plot,
        true);
  }

  private static final Color EVENT_COLOR = new Color(0x6E6E6E);

  /**
   * A grey dashed line at each event inside the run's months, labelled at the top; a label runs
   * right of its line, or left of it in the last third (so it stays inside), in the first row where
   * it overlaps no other label (the earthquake and the Arab League are three months apart). Returns
   * whether any event was drawn.
   */
  private static boolean markEvents(
      XYPlot plot, List<MonthOdds> months, List<EventMark> events, boolean dated, int firstRow) {
    if (months.isEmpty() || events.isEmpty()) return false;
    int lastRound = months.get(months.size() - 1).round();
    int firstRound = months.get(0).round();
    double span =
        Math.max(1, lastRound - firstRound + 1); // rounds shown, half a round of room either side
    double pxPerRound = 1000.0 / span; // the plot is about 1,000 px wide
    List<List<double[]>> rows = new ArrayList<>();
    boolean any = false;
    for (EventMark e : events) {
      if (e.round() < firstRound || e.round() > lastRound) continue; // outside the months shown
      double px = (e.round() - firstRound + 0.5) * pxPerRound;
      boolean leftward = e.round() - firstRound > 0.67 * span;
      double width = e.label().length() * 7.2 + 10; // about 7 px a character at 13 pt
      double lo = leftward ? px - width : px, hi = leftward ? px : px + width;
      int row = 0;
      while (row < rows.size() && rows.get(row).stream().anyMatch(iv -> iv[0] < hi && lo < iv[1]))
        row++;
      if (row == rows.size()) rows.add(new ArrayList<>());
      rows.get(row).add(new double[] {lo, hi});
      ValueMarker m =
          new ValueMarker(
              dated ? ChartLook.x(e.month()) : e.round(),
              EVENT_COLOR,
              ChartLook.REPORT.dashed(1.4f));
      m.setLabel(e.label());
      m.setLabelFont(ChartKit.NOTE_FONT);
      m.setLabelPaint(EVENT_COLOR.darker());
      m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
      m.setLabelAnchor(leftward ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(leftward ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
      m.setLabelOffset(new RectangleInsets(4 + 17 * (firstRow + row), 3, 0, 3));
      plot.addDomainMarker(m, Layer.BACKGROUND);
      any = true;
    }
    return any;
  }

  /**
   * The report's month axis with a labelled tick at the last month too: the headline quotes the
   * odds by that month, and the regular steps (every 2 or 3 months) need not land on it. A regular
   * label less than a step before it is left out so the two do not overlap.
   */
  static DateAxis finalMonthAxis(String label, List<YearMonth> months) {
    if (months.isEmpty()) return ChartKit.monthAxis(label, months);
    YearMonth first = months.stream().min(YearMonth::compareTo).orElseThrow();
    YearMonth last = months.stream().max(YearMonth::compareTo).orElseThrow();
    DateAxis axis =
        new DateAxis(label, java.util.TimeZone.getTimeZone("UTC"), Locale.ROOT) {
          private static final long serialVersionUID = 1L;

          @Override
          public List<org.jfree.chart.axis.Tick> refreshTicks(
              java.awt.Graphics2D g2,
              org.jfree.chart.axis.AxisState state,
              java.awt.geom.Rectangle2D dataArea,
              org.jfree.chart.ui.RectangleEdge edge) {
            List<org.jfree.chart.axis.Tick> ticks =
                new ArrayList<>(super.refreshTicks(g2, state, dataArea, edge));
            double end = ChartLook.x(last);
            double room = getTickUnit().getMultiple() * 31.0 * 24 * 3600 * 1000; // a step, in ms
            boolean present = false;
            for (java.util.Iterator<org.jfree.chart.axis.Tick> it = ticks.iterator();
                it.hasNext(); ) {
              if (!(it.next() instanceof org.jfree.chart.axis.DateTick t)
                  || t.getTickType() != org.jfree.chart.axis.TickType.MAJOR) continue;
              double v = t.getValue();
              if (Math.abs(v - end) < 1) present = true;
              else if (Math.abs(v - end) < room) it.remove();
            }
            org.jfree.chart.axis.DateTick t0 =
                ticks.stream()
                    .filter(
                        t ->
                            t instanceof org.jfree.chart.axis.DateTick d
                                && d.getTickType() == org.jfree.chart.axis.TickType.MAJOR)
                    .map(t -> (org.jfree.chart.axis.DateTick) t)
                    .findFirst()
                    .orElse(null);
            if (!present && t0 != null && end <= getUpperBound()) {
              ticks.add(
                  new org.jfree.chart.axis.DateTick(
                      new java.util.Date((long) end),
                      last.toString(),
                      t0.getTextAnchor(),
                      t0.getRotationAnchor(),
                      t0.getAngle()));
            }
            return ticks;
          }
        };
    axis.setLabelFont(ChartKit.LABEL_FONT);
    axis.setTickLabelFont(ChartKit.TICK_FONT);
    axis.setTickMarkPosition(org.jfree.chart.axis.DateTickMarkPosition.START);
    ChartLook.REPORT.setMonths(axis, first, last);
    return axis;
  }

  // ---------------------------------------------------------------------------------------------
  // (b) positions over time

  /** An axis of rounds 0..n-1 with whole-number ticks (an actor table has no calendar). */
  static NumberAxis roundAxis(String label, int rounds) {
    NumberAxis x = new NumberAxis(label);
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setRange(-0.5, Math.max(1, rounds) - 0.5);
    x.setLabelFont(ChartKit.LABEL_FONT);
    x.setTickLabelFont(ChartKit.TICK_FONT);
    return x;
  }

  static JFreeChart positionsChart(ConvergenceOdds odds, ActorPalette palette) {
    return positionsChart(odds, palette, true);
  }

  static JFreeChart positionsChart(ConvergenceOdds odds, ActorPalette palette, boolean dated) {
    Map<String, String> labels = issueLabels(odds);
    List<String> allIssues = issueOrder(odds);
    List<String> issues = allIssues.subList(0, Math.min(MAX_PANELS, allIssues.size()));
    Set<YearMonth> months = new TreeSet<>();
    odds.positions().forEach(b -> months.add(b.month()));

    // The bands by actor and issue, in one pass (a table of 100 actors has 100,000 of them).
    Map<String, Map<String, List<PositionBand>>> byActor = new LinkedHashMap<>();
    for (PositionBand b : odds.positions()) {
      byActor
          .computeIfAbsent(b.actorId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(b.issueId(), k -> new ArrayList<>())
          .add(b);
    }
    // actor order: palette order (scenario order), the draft text last so it is drawn on top
    Map<String, String> actorNames = new LinkedHashMap<>();
    for (String id : palette.actorIds()) {
      Map<String, List<PositionBand>> own = byActor.get(id);
      if (own != null) actorNames.put(id, own.values().iterator().next().get(0).actorName());
    }
    boolean hasText = byActor.containsKey(TEXT_ACTOR_ID);
    if (hasText) {
      // With a text (the mediated protocol) no actor line is a stance of its own: a party's is
      // the least it would take toward the text, which moves when the text does; the legend says
      // which quantity each line is.
      java.util.Set<String> parties = new java.util.HashSet<>();
      odds.blockers().forEach(b -> parties.add(b.actorId()));
      actorNames.replaceAll(
          (id, name) -> name + (parties.contains(id) ? PARTY_LINE_SUFFIX : IDEAL_LINE_SUFFIX));
    }
    int actorCount = actorNames.size();
    boolean summarised = actorCount > MAX_ACTOR_LINES;
    if (summarised) {
      // too many to tell apart: one band for all actors, built below from their medians
      actorNames.clear();
      actorNames.put(
          ACTORS_ID,
          "Actors' median positions: median and 10–90% across the " + actorCount + " actors");
    }
    if (hasText) {
      actorNames.put(TEXT_ACTOR_ID, "Mediators' draft text");
    }

    org.jfree.chart.axis.ValueAxis x =
        dated
            ? ChartKit.monthAxis("Month (yyyy-MM)", months)
            : roundAxis("Round (the table has no dates)", months.size());
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
    combined.setGap(14);
    for (String issue : issues) {
      YIntervalSeriesCollection data = new YIntervalSeriesCollection();
      DeviationRenderer r = new DeviationRenderer(true, false);
      r.setAlpha(0.16f);
      for (Map.Entry<String, String> actor : actorNames.entrySet()) {
        String id = actor.getKey();
        boolean text = TEXT_ACTOR_ID.equals(id);
        List<PositionBand> bands =
            ACTORS_ID.equals(id)
                ? acrossActors(byActor, issue)
                : byActor.getOrDefault(id, Map.of()).getOrDefault(issue, List.of()).stream()
                    .sorted(Comparator.comparingInt(PositionBand::round))
                    .toList();
        if (bands.isEmpty()) {
          continue;
        }
        YIntervalSeries s = new YIntervalSeries(actor.getValue(), false, true);
        for (PositionBand b : bands) {
          // the draft text is shown as its median only: a band would hide the actors' bands
          s.add(
              dated ? ChartLook.x(b.month()) : b.round(),
              b.p50(),
              text ? b.p50() : b.p10(),
              text ? b.p50() : b.p90());
        }
        int i = data.getSeriesCount();
        data.addSeries(s);
        Color c = ACTORS_ID.equals(id) ? ACTORS_COLOR : palette.color(id);
        r.setSeriesPaint(i, c);
        r.setSeriesFillPaint(i, c);
        r.setSeriesStroke(
            i, text ? ChartLook.REPORT.dashed(2.4f) : ChartLook.line(ChartKit.LINE_WIDTH));
      }
      NumberAxis y = new NumberAxis(labels.getOrDefault(issue, issue));
      y.setRange(0, 100);
      y.setTickUnit(new NumberTickUnit(25));
      y.setLabelFont(ChartKit.LABEL_FONT);
      y.setTickLabelFont(ChartKit.TICK_FONT);
      XYPlot sub = new XYPlot(data, null, y, r);
      sub.setNoDataMessage("No positions recorded for this issue");
      sub.setNoDataMessageFont(ChartKit.EMPTY_FONT);
      combined.add(sub, 1);
    }

    List<LegendItem> legend = new ArrayList<>();
    actorNames.forEach(
        (id, name) ->
            legend.add(
                TEXT_ACTOR_ID.equals(id)
                    ? ChartLook.REPORT.lineItem(
                        name, ActorPalette.TEXT_COLOR, ChartLook.REPORT.dashed(2.4f))
                    : ChartLook.REPORT.lineItem(
                        name,
                        ACTORS_ID.equals(id) ? ACTORS_COLOR : palette.color(id),
                        ChartLook.line(3f))));
    combined.setFixedLegendItems(ChartLook.legend(legend));
    if (issues.isEmpty()) {
      combined.add(emptyXYPlot("No positions recorded"), 1);
    }

    List<String> subtitles = new ArrayList<>();
    subtitles.add(ChartKit.runLine(odds.replications(), odds.seed(), null));
    subtitles.add(
        "Position on each issue's 0–100 scale: line = median over runs, shaded = 10th–90th percentile");
    if (hasText) subtitles.add(PARTY_LINE_NOTE);
    return ChartLook.REPORT.chart(
        ChartKit.title(odds.scenario(), dated ? "positions by month" : "positions by round"),
        shown(
            subtitles, issues.size(), allIssues.size(), summarised ? actorCount : 0, "rounds.csv"),
        combined,
        !legend.isEmpty());
  }

  /** A party's legend entry under the mediated protocol: what its line is. */
  static final String PARTY_LINE_SUFFIX = ": least it would take toward the text";

  /** A mediator's or stakeholder's legend entry under the mediated protocol. */
  static final String IDEAL_LINE_SUFFIX = ": its ideal";

  /**
   * What moves a party's line (docs/mediated.md step 7): its own concession, but also the text, so
   * a party's line can jump when only the other side moved.
   */
  static final String PARTY_LINE_NOTE =
      "A party's line moves when it concedes and also when the text moves (the other side refused, "
          + "an event moved a red line); with no text it stands at its ideal";

  /** The pseudo-actor standing for every actor in a summarised positions panel. */
  private static final String ACTORS_ID = "*actors*"; // no actor id has a star

  private static final Color ACTORS_COLOR = new Color(0x4E6E81);

  /**
   * For each round, the 10th, 50th and 90th percentiles over the actors (the text excluded) of
   * their median positions on the issue.
   */
  private static List<PositionBand> acrossActors(
      Map<String, Map<String, List<PositionBand>>> byActor, String issue) {
    Map<Integer, List<PositionBand>> byRound = new java.util.TreeMap<>();
    byActor.forEach(
        (id, issues) -> {
          if (TEXT_ACTOR_ID.equals(id)) return;
          for (PositionBand b : issues.getOrDefault(issue, List.of()))
            byRound.computeIfAbsent(b.round(), k -> new ArrayList<>()).add(b);
        });
    List<PositionBand> out = new ArrayList<>(byRound.size());
    byRound.forEach(
        (round, bands) -> {
          double[] m = bands.stream().mapToDouble(PositionBand::p50).sorted().toArray();
          out.add(
              new PositionBand(
                  ACTORS_ID,
                  "actors",
                  issue,
                  round,
                  bands.get(0).month(),
                  org.negotiate.experiment.Quantiles.nearestRank(m, 0.1),
                  org.negotiate.experiment.Quantiles.nearestRank(m, 0.5),
                  org.negotiate.experiment.Quantiles.nearestRank(m, 0.9)));
        });
    return out;
  }

  /** The subtitle lines, with a last one saying what a capped chart leaves out and where it is. */
  private static List<String> shown(
      List<String> lines, int issuesShown, int issues, int summarisedActors, String where) {
    if (issuesShown == issues && summarisedActors == 0) return lines;
    List<String> parts = new ArrayList<>();
    if (issuesShown < issues)
      parts.add(String.format(Locale.ROOT, "the first %d of %d issues", issuesShown, issues));
    if (summarisedActors > 0)
      parts.add(String.format(Locale.ROOT, "%d actors summarised", summarisedActors));
    List<String> out = new ArrayList<>(lines);
    out.add("Shown: " + String.join(", ", parts) + "; every value is in " + where);
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // (c) agreed terms

  static JFreeChart termsChart(ConvergenceOdds odds) {
    NumberAxis x = new NumberAxis("Agreed term (position on the issue's 0–100 scale)");
    x.setRange(-0.5, 100.5);
    x.setTickUnit(new NumberTickUnit(10));
    x.setLabelFont(ChartKit.LABEL_FONT);
    x.setTickLabelFont(ChartKit.TICK_FONT);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
    combined.setGap(14);

    long maxAgreed = 0;
    List<IssueTerms> terms = odds.terms().subList(0, Math.min(MAX_PANELS, odds.terms().size()));
    for (IssueTerms t : odds.terms()) {
      long total = t.agreedRuns();
      if (total <= 0 && t.histogram() != null) for (long h : t.histogram()) total += h;
      maxAgreed = Math.max(maxAgreed, total);
    }
    for (IssueTerms t : terms) {
      long[] hist = t.histogram() == null ? new long[0] : t.histogram();
      long total = t.agreedRuns();
      if (total <= 0) {
        for (long h : hist) {
          total += h;
        }
      }
      XYSeriesCollection data = new XYSeriesCollection();
      data.setIntervalWidth(1.0);
      XYPlot sub;
      NumberAxis y = new NumberAxis("% of agreed runs");
      y.setLabelFont(ChartKit.LABEL_FONT);
      y.setTickLabelFont(ChartKit.TICK_FONT);
      if (total > 0) {
        XYSeries s = new XYSeries(t.label(), false, false);
        for (int b = 0; b < hist.length; b++) {
          s.add(b, 100.0 * hist[b] / total);
        }
        data.addSeries(s);
        y.setUpperMargin(0.25); // room for the caption
      } else {
        y.setRange(0, 100);
      }
      XYBarRenderer r = new XYBarRenderer(0.15);
      r.setSeriesPaint(0, TERMS_COLOR);
      r.setDrawBarOutline(false);
      r.setShadowVisible(false);
      r.setBarPainter(new StandardXYBarPainter());
      sub = new XYPlot(data, null, y, r);
      sub.setNoDataMessage("No run reached agreement");
      sub.setNoDataMessageFont(ChartKit.EMPTY_FONT);
      sub.setNoDataMessagePaint(new Color(0x8A1C1C));
      String caption = t.label() == null || t.label().isBlank() ? t.issueId() : t.label();
      sub.addAnnotation(
          ChartKit.note(caption, ChartKit.NOTE_BOLD_FONT, 0.005, 0.985, RectangleAnchor.TOP_LEFT));
      if (total > 0) {
        if (finite(t.p10(), t.p90())) {
          IntervalMarker m =
              new IntervalMarker(
                  t.p10(),
                  t.p90(),
                  new Color(RANGE_FILL.getRed(), RANGE_FILL.getGreen(), RANGE_FILL.getBlue(), 70));
          sub.addDomainMarker(m, Layer.BACKGROUND);
        }
        if (finite(t.p50())) {
          ValueMarker m = new ValueMarker(t.p50(), ChartKit.INK, ChartLook.REPORT.dashed(2f));
          sub.addDomainMarker(m, Layer.FOREGROUND);
        }
        sub.addAnnotation(
            ChartKit.note(
                String.format(
                    Locale.ROOT,
                    "%,d agreed runs · mean %.1f · median %.1f · 10–90%%: %.1f–%.1f",
                    total,
                    t.mean(),
                    t.p50(),
                    t.p10(),
                    t.p90()),
                ChartKit.NOTE_FONT,
                0.995,
                0.985,
                RectangleAnchor.TOP_RIGHT));
      }
      combined.add(sub, 1);
    }
    if (odds.terms().isEmpty()) {
      combined.add(emptyXYPlot("No issues"), 1);
    }
    combined.setFixedLegendItems(
        ChartLook.legend(
            List.of(
                ChartLook.REPORT.boxItem("Share of agreed runs at this term", TERMS_COLOR),
                ChartLook.REPORT.lineItem("Median", ChartKit.INK, ChartLook.REPORT.dashed(2f)),
                ChartLook.REPORT.boxItem(
                    "10th–90th percentile", ChartLook.lighter(RANGE_FILL, 0.55)))));

    String note = maxAgreed == 0 ? "no run reached agreement" : null;
    return ChartLook.REPORT.chart(
        ChartKit.title(odds.scenario(), "agreed terms by issue"),
        shown(
            List.of(ChartKit.runLine(odds.replications(), odds.seed(), note)),
            terms.size(),
            odds.terms().size(),
            0,
            "outcomes.csv"),
        combined,
        maxAgreed > 0);
  }

  // ---------------------------------------------------------------------------------------------
  // (d) blockers

  static JFreeChart blockersChart(ConvergenceOdds odds, ActorPalette palette) {
    return blockersChart(odds, palette, null);
  }

  /**
   * Colours of the block reasons, in {@link BlockReason} order, and of a party whose reason was not
   * kept.
   */
  private static final Map<BlockReason, Color> REASON_COLORS =
      Map.of(
          BlockReason.RED_LINE, new Color(0x9E2A2B),
          BlockReason.ASPIRATION, new Color(0xE09F3E),
          BlockReason.WALKED_OUT, new Color(0x5B3F8C),
          BlockReason.DISTANCE, new Color(0x2A7F8E));

  private static final Color NO_REASON_COLOR = new Color(0xA8A8A8);
  private static final String NO_REASON = "reason not kept";

  /**
   * With {@code reasons}, each party's bar is stacked by why it blocked: its share of failed runs
   * split in the proportions of its kept outcomes' reasons (the share counts every run; the reasons
   * only those kept, so proportions carry them over). A party with no kept reason is one grey
   * piece.
   */
  static JFreeChart blockersChart(
      ConvergenceOdds odds, ActorPalette palette, BriefSections.BlockerReasons reasons) {
    if (reasons == null) return blockersByParty(odds, palette);
    long failed = failedRuns(odds);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<BlockerShare> ranked = rankedBlockers(odds, failed);
    Set<BlockReason> seen = java.util.EnumSet.noneOf(BlockReason.class);
    boolean unknown = false;
    Map<String, Double> totals = new LinkedHashMap<>();
    for (BlockerShare b : ranked) {
      Map<BlockReason, Long> why = reasons.of(b.actorId());
      long n = why.values().stream().mapToLong(Long::longValue).sum();
      totals.put(b.actorName(), 100.0 * b.share());
      for (BlockReason r : BlockReason.values()) {
        long k = why.getOrDefault(r, 0L);
        if (k > 0) seen.add(r);
        // every column gets every row (zeros included) so the stacks line up
        data.addValue(
            n > 0 ? 100.0 * b.share() * k / n : 0.0, BriefSections.reasonShort(r), b.actorName());
      }
      unknown |= n == 0 && b.share() > 0;
      data.addValue(n == 0 ? 100.0 * b.share() : 0.0, NO_REASON, b.actorName());
    }
    org.jfree.chart.renderer.category.StackedBarRenderer r =
        new org.jfree.chart.renderer.category.StackedBarRenderer();
    int row = 0;
    for (BlockReason reason : BlockReason.values())
      r.setSeriesPaint(row++, REASON_COLORS.get(reason));
    r.setSeriesPaint(row, NO_REASON_COLOR);
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    r.setBarPainter(new StandardBarPainter());
    r.setMaximumBarWidth(0.12);
    // one label a bar, the party's whole share, after its last piece
    r.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator() {
          private static final long serialVersionUID = 1L;

          @Override
          public String generateLabel(
              org.jfree.data.category.CategoryDataset d, int rowIndex, int column) {
            for (int k = d.getRowCount() - 1; k > rowIndex; k--) {
              Number v = d.getValue(k, column);
              if (v != null && v.doubleValue() > 0) return null;
            }
            Number v = d.getValue(rowIndex, column);
            if (v == null || v.doubleValue() <= 0) return null;
            return new DecimalFormat("0.0")
                    .format(totals.getOrDefault((String) d.getColumnKey(column), 0.0))
                + " %";
          }
        });
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(ChartKit.LABEL_FONT);
    r.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    r.setItemLabelAnchorOffset(6);
    CategoryPlot plot = blockersPlot(data, r, failed);
    List<LegendItem> legend = new ArrayList<>();
    for (BlockReason reason : seen) {
      legend.add(
          ChartLook.REPORT.boxItem(BriefSections.reasonShort(reason), REASON_COLORS.get(reason)));
    }
    if (unknown) legend.add(ChartLook.REPORT.boxItem(NO_REASON, NO_REASON_COLOR));
    plot.setFixedLegendItems(ChartLook.legend(legend));
    return ChartLook.REPORT.chart(
        ChartKit.title(odds.scenario(), "who blocks agreement, and why"),
        blockersLines(odds, failed, ranked.size()),
        plot,
        !legend.isEmpty());
  }

  /**
   * The blockers drawn as bars (none without failed runs): the largest shares, ties in the table's
   * order.
   */
  private static List<BlockerShare> rankedBlockers(ConvergenceOdds odds, long failed) {
    if (failed <= 0) return List.of();
    for (BlockerShare b : odds.blockers()) {
      if (!(b.share() >= 0 && b.share() <= 1 + 1e-9)) {
        throw new IllegalArgumentException(
            "blocker share of " + b.actorId() + " must be a fraction in [0, 1], was " + b.share());
      }
    }
    List<BlockerShare> ranked = odds.blockers();
    if (ranked.size() > MAX_BLOCKER_BARS) {
      ranked =
          ranked.stream()
              .sorted(Comparator.comparingDouble((BlockerShare b) -> -b.share()))
              .limit(MAX_BLOCKER_BARS)
              .toList();
    }
    return ranked;
  }

  private static List<String> blockersLines(ConvergenceOdds odds, long failed, int bars) {
    String failedLine =
        failed == 0
            ? "no failed runs"
            : String.format(
                Locale.ROOT,
                "%,d failed runs (%.1f%% of replications) without agreement",
                failed,
                odds.replications() > 0 ? 100.0 * failed / odds.replications() : 0.0);
    return bars < odds.blockers().size() && failed > 0
        ? List.of(
            ChartKit.runLine(odds.replications(), odds.seed(), null),
            failedLine,
            String.format(
                Locale.ROOT,
                "Shown: the %d of %d parties with the largest shares; every blocker is in outcomes.csv",
                bars,
                odds.blockers().size()))
        : List.of(ChartKit.runLine(odds.replications(), odds.seed(), null), failedLine);
  }

  /**
   * The horizontal plot of the blockers chart: parties down the side, % of failed runs along the
   * bottom.
   */
  private static CategoryPlot blockersPlot(
      DefaultCategoryDataset data, BarRenderer r, long failed) {
    CategoryAxis cat = new CategoryAxis("Party");
    cat.setMaximumCategoryLabelWidthRatio(0.3f);
    cat.setMaximumCategoryLabelLines(2);
    cat.setLabelFont(ChartKit.LABEL_FONT);
    cat.setTickLabelFont(ChartKit.LABEL_FONT);
    cat.setCategoryMargin(0.25);
    NumberAxis val = new NumberAxis("Share of failed runs in which the party blocked (%)");
    // Room beyond 100% for the label of a bar that fills the axis; no tick is labelled past 100.
    val.setRange(0, 112);
    val.setTickUnit(new NumberTickUnit(10));
    val.setNumberFormatOverride(
        new DecimalFormat("0") {
          private static final long serialVersionUID = 1L;

          @Override
          public StringBuffer format(
              double number, StringBuffer result, java.text.FieldPosition field) {
            return number > 100.5 ? result : super.format(number, result, field);
          }
        });
    val.setLabelFont(ChartKit.LABEL_FONT);
    val.setTickLabelFont(ChartKit.TICK_FONT);
    CategoryPlot plot = new CategoryPlot(data, cat, val, r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT); // the % axis under the bars
    plot.setNoDataMessage(
        failed > 0
            ? "No party blocked in the failed runs"
            : "No failed runs: every run reached agreement");
    plot.setNoDataMessageFont(ChartKit.EMPTY_FONT);
    plot.setInsets(new RectangleInsets(8, 8, 8, 24));
    return plot;
  }

  private static JFreeChart blockersByParty(ConvergenceOdds odds, ActorPalette palette) {
    long failed = failedRuns(odds);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Paint> paints = new ArrayList<>();
    List<BlockerShare> ranked = rankedBlockers(odds, failed);
    for (BlockerShare b : ranked) {
      data.addValue(100.0 * b.share(), "Share of failed runs", b.actorName());
      paints.add(palette.color(b.actorId()));
    }
    BarRenderer r =
        new BarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            return column < paints.size() ? paints.get(column) : super.getItemPaint(row, column);
          }
        };
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    r.setBarPainter(new StandardBarPainter());
    r.setMaximumBarWidth(0.12);
    r.setItemMargin(0);
    r.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2} %", new DecimalFormat("0.0")));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(ChartKit.LABEL_FONT);
    r.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    r.setItemLabelAnchorOffset(6);
    return ChartLook.REPORT.chart(
        ChartKit.title(odds.scenario(), "who blocks agreement"),
        blockersLines(odds, failed, ranked.size()),
        blockersPlot(data, r, failed),
        false);
  }

  /**
   * Failed runs: replications minus the runs agreed by the last month (a failed run need not have a
   * blocker, so the blocker counts do not add up to it); without months, the largest blocker count.
   */
  static long failedRuns(ConvergenceOdds odds) {
    if (!odds.byMonth().isEmpty()) {
      return odds.byMonth().stream()
          .max(Comparator.comparingInt(MonthOdds::round))
          .map(m -> Math.max(0, odds.replications() - m.agreed()))
          .orElse(0L);
    }
    return odds.blockers().stream().mapToLong(BlockerShare::failedRuns).max().orElse(0);
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** Issues in scenario order: those with terms first, then any only seen among positions. */
  static List<String> issueOrder(ConvergenceOdds odds) {
    Set<String> ids = new LinkedHashSet<>();
    odds.terms().forEach(t -> ids.add(t.issueId()));
    odds.positions().forEach(b -> ids.add(b.issueId()));
    return List.copyOf(ids);
  }

  private static Map<String, String> issueLabels(ConvergenceOdds odds) {
    Map<String, String> m = new LinkedHashMap<>();
    for (IssueTerms t : odds.terms()) {
      if (t.label() != null && !t.label().isBlank()) {
        m.put(t.issueId(), t.label());
      }
    }
    return m;
  }

  private static XYPlot emptyXYPlot(String message) {
    NumberAxis y = new NumberAxis();
    y.setTickLabelsVisible(false);
    XYPlot p = new XYPlot(new XYSeriesCollection(), null, y, new XYBarRenderer());
    p.setNoDataMessage(message);
    p.setNoDataMessageFont(ChartKit.EMPTY_FONT);
    return p;
  }

  private static boolean finite(double... values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
