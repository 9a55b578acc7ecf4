package org.negotiate.report;

import static org.negotiate.report.BriefSections.f1;
import static org.negotiate.report.BriefSections.monthName;
import static org.negotiate.report.BriefSections.pct;
import static org.negotiate.report.BriefSections.pctRange;
import static org.negotiate.report.BriefSections.row;
import static org.negotiate.report.Html.attrs;
import static org.negotiate.report.Html.el;
import static org.negotiate.report.Html.num;
import static org.negotiate.report.Html.p;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.negotiate.experiment.Comparison;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.ModelComparison;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.experiment.ReferenceSummary;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioDiff;

/**
 * The policy brief ({@code report.html}) of each command, composed from {@link BriefSections}.
 * Charts are read from {@code chartsDir} (where the run wrote its SVG files); links to the evidence
 * are made relative to {@code reportDir}, the folder the report will be read from (the result
 * folder once committed).
 */
public final class Briefs {
  /** The report's file name in a result folder. */
  public static final String FILE = "report.html";

  private Briefs() {}

  /** The brief of {@code negotiate odds}. */
  public static PolicyBrief odds(
      Scenario s,
      Path scenarioFile,
      MonteCarlo.Result result,
      List<ReferenceSummary> reference,
      Map<String, Object> manifest,
      Path chartsDir,
      Path reportDir)
      throws IOException {
    return odds(
        s, scenarioFile, result, reference, manifest, chartsDir, reportDir, null, null, null);
  }

  /**
   * The odds brief with {@code movers} (the one-at-a-time analysis of {@code --movers N}, or null)
   * and {@code association} (what goes with a deal over the run's own draws, {@link
   * MoversReport#brief}, or null) as its "What would move them" section, and the what-ifs beside
   * the scenario read beforehand, on another thread while the command ran ({@code whatIfs}; null to
   * read them now).
   */
  public static PolicyBrief odds(
      Scenario s,
      Path scenarioFile,
      MonteCarlo.Result result,
      List<ReferenceSummary> reference,
      Map<String, Object> manifest,
      Path chartsDir,
      Path reportDir,
      Html movers,
      Html association,
      BriefSections.WhatIfs whatIfs)
      throws IOException {
    ConvergenceOdds odds = result.odds();
    BriefSections.BlockerReasons reasons = BriefSections.BlockerReasons.of(result);
    return PolicyBrief.builder(
            "How likely is a deal? Scenario “" + s.name() + "”", subtitle(s, manifest))
        .section(
            BriefSections.oddsHeadline(
                s,
                odds,
                reasons,
                asOf(manifest),
                entry(manifest, "backtest"),
                entry(manifest, "structural_band")))
        .section(BriefSections.oddsChart(chartsDir, odds, s.calendar().dated()))
        .section(posterior(chartsDir))
        .section(backtestChart(chartsDir))
        .section(BriefSections.blockers(odds, reasons, chartsDir))
        .section(BriefSections.movers(movers, association, scenarioFile, whatIfs))
        .section(BriefSections.terms(s, odds, chartsDir))
        .section(BriefSections.positions(chartsDir))
        .section(BriefSections.utilityPlane(chartsDir))
        .section(reference == null ? null : BriefSections.reference(reference))
        .section(
            BriefSections.assumptions(
                s, scenarioFile, reportDir, "assumptions", "Assumptions and their evidence"))
        .section(BriefSections.events(s, scenarioFile, reportDir, "events", "Events"))
        .section(BriefSections.caveats(s))
        .section(BriefSections.reproduce(manifest, files(manifest)))
        .build();
  }

  private static Map<String, Object> asOf(Map<String, Object> manifest) {
    return entry(manifest, "as_of");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(Map<String, Object> manifest, String key) {
    return manifest == null || !(manifest.get(key) instanceof Map<?, ?> m)
        ? null
        : (Map<String, Object>) m;
  }

  /** The as-of forecasts against the recorded outcome, when the run made them. */
  private static PolicyBrief.Section backtestChart(Path chartsDir) throws IOException {
    if (!java.nio.file.Files.exists(chartsDir.resolve("backtest.svg"))) return null;
    return new PolicyBrief.Section(
        "backtest",
        "Forecasts as of each month, against what happened",
        BriefSections.figure(
            chartsDir,
            "backtest",
            "Chart: the forecast of a deal made as of each month, with the outcome",
            "Line and band: P(deal by the last month) forecast as of the end of each month, from the evidence, events and "
                + "observations known then (95% interval); dashed: the stated base rate; dotted: a forecaster extrapolating "
                + "the months without a deal; red: what happened. Scores per month in backtest.csv."));
  }

  /** The prior-against-posterior chart of a conditioned forecast, when there is one. */
  private static PolicyBrief.Section posterior(Path chartsDir) throws IOException {
    if (!java.nio.file.Files.exists(chartsDir.resolve("posterior.svg"))) return null;
    return new PolicyBrief.Section(
        "posterior",
        "What the observations taught",
        BriefSections.figure(
            chartsDir,
            "posterior",
            "Chart: how far each input's posterior mean moved from its prior mean",
            "Each bar: the posterior mean of an uncertain input (over the runs that reproduce the observations) minus its "
                + "prior mean (over every run tried), in prior standard deviations; the full table is posterior.csv."));
  }

  /** The brief of {@code negotiate compare A B}. */
  public static PolicyBrief compare(
      Scenario a,
      Path fileA,
      Scenario b,
      Path fileB,
      Comparison c,
      List<ScenarioDiff.Row> diff,
      Map<String, Object> manifest,
      Path chartsDir,
      Path reportDir)
      throws IOException {
    Comparison.MonthDifference last = c.last();
    // actor tables have no dates: their months are a placeholder calendar, so the brief counts
    // rounds
    boolean dated = a.calendar().dated();
    String when = dated ? monthName(last.month()) : "round " + last.round();
    List<Object> head = new ArrayList<>();
    head.add(
        el(
            "div",
            attrs("class", "pair"),
            el(
                "div",
                attrs("class", "headline"),
                el(
                    "div",
                    attrs("class", "big"),
                    pct(last.oddsA()),
                    " ",
                    el("small", "A: " + a.name())),
                p(
                    "Deal by the end of "
                        + when
                        + " (95% interval "
                        + pctRange(last.lowerA(), last.upperA())
                        + ")")),
            el(
                "div",
                attrs("class", "headline"),
                el(
                    "div",
                    attrs("class", "big"),
                    pct(last.oddsB()),
                    " ",
                    el("small", "B: " + b.name())),
                p(
                    "Deal by the end of "
                        + when
                        + " (95% interval "
                        + pctRange(last.lowerB(), last.upperB())
                        + ")"))));
    double d = last.paired().estimate();
    boolean clear = last.paired().lower() > 0 || last.paired().upper() < 0;
    head.add(
        p(
            el(
                "strong",
                "Difference B − A by "
                    + when
                    + ": "
                    + points(d)
                    + " percentage points (95% paired interval "
                    + points(last.paired().lower())
                    + " to "
                    + points(last.paired().upper())
                    + "). "),
            clear
                ? "The change "
                    + (d > 0 ? "raises" : "lowers")
                    + " the odds of a deal by about "
                    + Math.round(Math.abs(100 * d))
                    + " points, if the actors are as both scenarios describe them."
                : "The interval includes zero: the change makes no difference this experiment can detect.",
            " Both scenarios were run over the same "
                + String.format(Locale.ROOT, "%,d", c.replications())
                + " draws of the inputs they share (common random numbers), so the difference is the effect of the change; "
                + "run independently, the interval would be "
                + points(last.unpaired().lower())
                + " to "
                + points(last.unpaired().upper())
                + "."));
    if (BriefSections.recordsOutcome(a) || BriefSections.recordsOutcome(b)) {
      head.add(
          el(
              "div",
              attrs("class", "backtest"),
              p(
                  el("strong", "What actually happened. "),
                  BriefSections.whatHappened(BriefSections.recordsOutcome(a) ? a : b)
                      + ". A what-if is a counterfactual: the recorded outcome speaks to the scenario "
                      + "closest to what happened (usually A, the baseline), whose forecast gave a deal by "
                      + when
                      + " "
                      + pct(last.oddsA())
                      + ". The model has no way for a party to collapse.")));
    }
    List<List<?>> months = new ArrayList<>();
    int n = c.byMonth().size();
    for (int i = 0; i < n; i++) {
      if (i % 3 != 2 && i != n - 1) continue;
      Comparison.MonthDifference m = c.byMonth().get(i);
      months.add(
          row(
              dated ? m.month().toString() : String.valueOf(m.round()),
              num(pct(m.oddsA())),
              num(pct(m.oddsB())),
              num(points(m.paired().estimate())),
              num(points(m.paired().lower()) + " to " + points(m.paired().upper()))));
    }
    List<List<?>> inputs = new ArrayList<>();
    for (ScenarioDiff.Row r : diff) inputs.add(row(el("code", r.path()), r.a(), r.b()));
    List<List<?>> blockers = new ArrayList<>();
    for (Comparison.BlockerPair bp : c.blockers()) {
      blockers.add(
          row(
              bp.actorName(),
              num(pct(bp.shareA())),
              num(String.format(Locale.ROOT, "%,d", bp.failedRunsA())),
              num(pct(bp.shareB())),
              num(String.format(Locale.ROOT, "%,d", bp.failedRunsB()))));
    }
    return PolicyBrief.builder(
            "What does the change do? “" + b.name() + "” against “" + a.name() + "”",
            subtitle(b, manifest))
        .section("headline", "The comparison in brief", Html.join(head))
        .section(
            "odds",
            dated ? "Odds of a deal month by month" : "Odds of a deal round by round",
            Html.join(
                BriefSections.figure(
                    chartsDir,
                    "odds",
                    "Chart: odds of a deal by " + (dated ? "month" : "round") + " under A and B",
                    "Both scenarios' P(a deal has been signed by the end of each "
                        + (dated ? "month" : "round")
                        + "), each with its 95% Wilson band."),
                BriefSections.figure(
                    chartsDir,
                    "difference",
                    "Chart: difference in the odds of a deal, B minus A, by "
                        + (dated ? "month" : "round"),
                    "The difference B − A with its 95% paired interval (dark band) and, lighter, the unpaired interval it would have without common random numbers."),
                Html.table(
                    List.of(
                        dated ? "Month" : "Round",
                        "A",
                        "B",
                        "B − A (points)",
                        "95% paired interval"),
                    months,
                    "months")))
        .section(
            "inputs",
            "What differs between the scenarios",
            Html.join(
                setB(manifest),
                diff.isEmpty()
                    ? p(
                        "No input differs: the scenarios are the same model (their texts may differ).")
                    : Html.join(
                        p(
                            "Every input in which the scenarios as run differ, named as --set names it (text such as "
                                + "evidence and rationales is not compared)."),
                        Html.table(List.of("Input", "A", "B"), inputs, "inputs"))))
        .section(
            "blockers",
            "Who blocks, side by side",
            Html.join(
                p(
                    "Of each scenario's runs without a deal, the share in which each party was the blocker."),
                Html.table(
                    List.of(
                        "Party",
                        "Share in A",
                        "Failed runs in A",
                        "Share in B",
                        "Failed runs in B"),
                    blockers,
                    "blockers")))
        .section(
            "assumptions",
            "Assumptions and their evidence",
            Html.join(
                details(
                    "A: " + a.name(),
                    Html.join(
                        BriefSections.assumptionsBody(a, fileA, reportDir),
                        el("h3", "Events"),
                        BriefSections.eventsBody(a, fileA, reportDir))),
                details(
                    "B: " + b.name(),
                    Html.join(
                        BriefSections.assumptionsBody(b, fileB, reportDir),
                        el("h3", "Events"),
                        BriefSections.eventsBody(b, fileB, reportDir)))))
        .section(BriefSections.caveats(b))
        .section(BriefSections.reproduce(manifest, files(manifest)))
        .build();
  }

  /**
   * What --set-b changed in B alone, as typed (a set to A's own value changes nothing and is in no
   * diff).
   */
  private static Html setB(Map<String, Object> manifest) {
    if (!(manifest.get("overrides_b") instanceof List<?> sets) || sets.isEmpty()) return Html.EMPTY;
    List<Object> items = new ArrayList<>();
    for (Object set : sets) items.add(el("code", String.valueOf(set)));
    List<Object> parts = new ArrayList<>();
    parts.add("B is A with ");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) parts.add(", ");
      parts.add(items.get(i));
    }
    parts.add(" (--set-b).");
    return p(parts.toArray());
  }

  /** The brief of {@code negotiate forecast}. */
  public static PolicyBrief forecast(
      Scenario s,
      Path scenarioFile,
      List<ModelComparison.Forecast> forecasts,
      Map<String, Object> manifest,
      Path chartsDir,
      Path reportDir)
      throws IOException {
    Map<String, List<ModelComparison.Forecast>> byIssue = new LinkedHashMap<>();
    for (ModelComparison.Forecast f : forecasts)
      byIssue.computeIfAbsent(f.issueId(), k -> new ArrayList<>()).add(f);
    List<Object> tables = new ArrayList<>();
    for (List<ModelComparison.Forecast> rows : byIssue.values()) {
      Issue issue = s.issue(rows.get(0).issueId()).orElse(null);
      tables.add(el("h3", rows.get(0).label()));
      if (issue != null)
        tables.add(p(el("span", attrs("class", "note"), BriefSections.scaleEnds(issue))));
      List<List<?>> out = new ArrayList<>();
      for (ModelComparison.Forecast f : rows) {
        out.add(
            row(
                methodName(f.method()),
                num(f1(f.median())),
                num(f1(f.p10()) + "–" + f1(f.p90())),
                num(Double.isNaN(f.agreed()) ? "–" : pct(f.agreed())),
                num(f.missing() + " of " + f.draws())));
      }
      tables.add(
          Html.table(
              List.of(
                  "Method",
                  "Median",
                  "10–90% over draws",
                  "P(agreement)",
                  "Draws with no forecast"),
              out,
              "forecast"));
    }
    List<Object> head = new ArrayList<>();
    head.add(
        p(
            "Per issue, where each way of modelling the talks puts the outcome, over the same draws of the "
                + "uncertain inputs: the compromise and Nash reference points at the start, and the outcome under each "
                + "protocol (agreed terms, or the last text on the table when there is no deal; for the expected utility "
                + "and spatial models the weighted mean of the final positions). Where they agree the forecast is robust "
                + "to the choice of model; where they part, the model is the assumption that matters."));
    if (BriefSections.recordsOutcome(s)) {
      head.add(
          el(
              "div",
              attrs("class", "backtest"),
              p(
                  el("strong", "What actually happened. "),
                  BriefSections.whatHappened(s)
                      + ". None of these terms was ever signed; the forecasts say where a deal would have landed, not that one would.")));
    }
    return PolicyBrief.builder(
            "Where would a deal land? Scenario “" + s.name() + "”", subtitle(s, manifest))
        .section("headline", "The forecast in brief", Html.join(head))
        .section(
            "forecast",
            "Forecast by issue and model",
            Html.join(
                BriefSections.figure(
                    chartsDir,
                    "forecast",
                    "Chart: each model's forecast on each issue",
                    "Dot: median over draws; bar: 10th–90th percentile; compromise and Nash at the start, protocols at the end of the run."),
                Html.join(tables)))
        .section(
            BriefSections.assumptions(
                s, scenarioFile, reportDir, "assumptions", "Assumptions and their evidence"))
        .section(BriefSections.events(s, scenarioFile, reportDir, "events", "Events"))
        .section(BriefSections.caveats(s))
        .section(BriefSections.reproduce(manifest, files(manifest)))
        .build();
  }

  /**
   * The one-at-a-time analysis as a brief shows it: each assumption at the bottom and the top of
   * its range, every other at its nominal value, the widest swings first, with the tornado chart.
   * The sensitivity brief's first section and the odds brief's "What would move them".
   */
  public static Html oneAtATime(org.negotiate.experiment.Sensitivity.Result r, Path chartsDir)
      throws IOException {
    List<org.negotiate.experiment.Sensitivity.OatRow> oat = SensitivityReport.oatBySwing(r);
    List<List<?>> oatRows = new ArrayList<>();
    for (org.negotiate.experiment.Sensitivity.OatRow o : oat.subList(0, Math.min(12, oat.size()))) {
      oatRows.add(
          row(
              el("code", o.input().key()),
              num(pct(o.atMin()) + " at " + f1(o.min())),
              num(pct(o.atMax()) + " at " + f1(o.max())),
              num(points(o.swing()))));
    }
    List<Object> oatBody = new ArrayList<>();
    oatBody.add(
        p(
            "One at a time: each assumption at the bottom and the top of its range, every other at its nominal "
                + "value, over "
                + r.settings().replications()
                + " replications of the same draws at every point; with every "
                + "assumption nominal the odds are "
                + pct(r.nominalOdds())
                + ". The widest swings first (percentage points)."));
    oatBody.add(
        BriefSections.figure(chartsDir, "tornado", "Chart: odds swing for each assumption", null));
    oatBody.add(
        Html.table(
            List.of(
                "Assumption (--set path)",
                "Odds at its minimum",
                "Odds at its maximum",
                "Largest swing"),
            oatRows,
            "oat"));
    return Html.join(oatBody);
  }

  /** The brief of {@code negotiate sensitivity}: which assumptions move the odds most. */
  public static PolicyBrief sensitivity(
      Scenario s,
      Path scenarioFile,
      org.negotiate.experiment.Sensitivity.Result r,
      java.time.YearMonth month,
      Map<String, Object> manifest,
      Path chartsDir,
      Path reportDir)
      throws IOException {
    List<Object> head = new ArrayList<>();
    head.add(
        p(
            "Which of the scenario's "
                + r.inputs().size()
                + " uncertain assumptions move the odds of a deal by "
                + month
                + " most. With every assumption at its nominal value the odds are "
                + pct(r.nominalOdds())
                + "."));
    PolicyBrief.Builder b =
        PolicyBrief.builder(
                "Which assumptions matter? Scenario “" + s.name() + "”", subtitle(s, manifest))
            .section("headline", "In brief", Html.join(head))
            .section("oat", "One at a time", oneAtATime(r, chartsDir));
    if (r.sobol() != null) {
      List<List<?>> sobolRows = new ArrayList<>();
      List<org.negotiate.experiment.Sensitivity.SobolRow> top = SensitivityReport.sobolByTotal(r);
      for (org.negotiate.experiment.Sensitivity.SobolRow row :
          top.subList(0, Math.min(12, top.size()))) {
        sobolRows.add(
            row(
                el("code", row.input().key()),
                num(
                    String.format(
                        java.util.Locale.ROOT,
                        "%.2f [%.2f, %.2f]",
                        row.first().value(),
                        row.first().lower(),
                        row.first().upper())),
                num(
                    String.format(
                        java.util.Locale.ROOT,
                        "%.2f [%.2f, %.2f]",
                        row.total().value(),
                        row.total().lower(),
                        row.total().upper()))));
      }
      b.section(
          "sobol",
          "All at once (Sobol indices)",
          Html.join(
              p(
                  "All assumptions varied together over their distributions: the first-order index is the share of the "
                      + "odds' variance an assumption explains alone, the total index the share it explains with its "
                      + "interactions (95% bootstrap intervals). Indices below about 0.02 are noise."),
              BriefSections.figure(
                  chartsDir, "sobol", "Chart: first-order and total Sobol indices", null),
              Html.table(
                  List.of("Assumption (--set path)", "First-order", "Total"), sobolRows, "sobol")));
    }
    return b.section(
            BriefSections.assumptions(
                s, scenarioFile, reportDir, "assumptions", "Assumptions and their evidence"))
        .section(BriefSections.caveats(s))
        .section(BriefSections.reproduce(manifest, files(manifest)))
        .build();
  }

  /** The brief of {@code negotiate sweep}: the odds at every point of the grid, with its chart. */
  public static PolicyBrief sweep(
      Scenario s,
      Path scenarioFile,
      org.negotiate.experiment.Sweep.Result r,
      int finalRound,
      java.time.YearMonth finalMonth,
      int monthRound,
      java.time.YearMonth month,
      Map<String, Object> manifest,
      Path chartsDir,
      Path reportDir)
      throws IOException {
    List<org.negotiate.experiment.Sweep.Axis> axes = r.axes();
    List<String> paths = axes.stream().map(org.negotiate.experiment.Sweep.Axis::path).toList();
    List<org.negotiate.experiment.Sweep.Point> valid =
        r.points().stream().filter(org.negotiate.experiment.Sweep.Point::valid).toList();
    List<Object> head = new ArrayList<>();
    head.add(
        p(
            "How the odds of a deal by "
                + monthName(finalMonth)
                + " change as "
                + String.join(" and ", paths)
                + " "
                + (axes.size() == 1 ? "is" : "are")
                + " set to each of "
                + r.points().size()
                + " values, over "
                + r.replications()
                + " replications at every point, the same draws of every other input at each (common random numbers), so two "
                + "points differ by the swept "
                + (axes.size() == 1 ? "input" : "inputs")
                + " alone."));
    if (valid.isEmpty()) {
      head.add(p("Every point makes the scenario invalid: see the problem column of sweep.csv."));
    } else {
      org.negotiate.experiment.Sweep.Point lo = valid.get(0);
      org.negotiate.experiment.Sweep.Point hi = valid.get(0);
      for (org.negotiate.experiment.Sweep.Point pt : valid) {
        if (SweepReport.at(pt, finalRound).odds() < SweepReport.at(lo, finalRound).odds()) lo = pt;
        if (SweepReport.at(pt, finalRound).odds() > SweepReport.at(hi, finalRound).odds()) hi = pt;
      }
      ConvergenceOdds.MonthOdds l = SweepReport.at(lo, finalRound);
      ConvergenceOdds.MonthOdds h = SweepReport.at(hi, finalRound);
      head.add(
          p(
              el(
                  "strong",
                  "Lowest odds: " + pct(l.odds()) + " (" + pctRange(l.lower(), l.upper()) + ")"),
              " at "
                  + String.join(", ", org.negotiate.experiment.Sweep.overrides(axes, lo.values()))
                  + ". ",
              el(
                  "strong",
                  "Highest: " + pct(h.odds()) + " (" + pctRange(h.lower(), h.upper()) + ")"),
              " at "
                  + String.join(", ", org.negotiate.experiment.Sweep.overrides(axes, hi.values()))
                  + "."));
    }
    long invalid = r.points().size() - valid.size();
    if (invalid > 0)
      head.add(
          p(
              invalid
                  + (invalid == 1 ? " point makes" : " points make")
                  + " the scenario invalid; the table says why."));
    List<Object> chart = new ArrayList<>();
    if (axes.size() == 1) {
      chart.add(
          BriefSections.figure(
              chartsDir,
              "sweep",
              "Chart: the odds of a deal at each value of " + paths.get(0),
              "Line: the odds at each value; band: 95% Wilson interval."));
    } else {
      chart.add(
          BriefSections.figure(
              chartsDir,
              "heatmap",
              "Heat map: the odds of a deal by "
                  + finalMonth
                  + " over "
                  + paths.get(0)
                  + " and "
                  + paths.get(1),
              null));
      if (monthRound != finalRound
          && java.nio.file.Files.exists(chartsDir.resolve("heatmap_month.svg"))) {
        chart.add(
            BriefSections.figure(
                chartsDir, "heatmap_month", "Heat map: the odds of a deal by " + month, null));
      }
    }
    List<String> columns = new ArrayList<>(paths);
    columns.add("P(deal by " + finalMonth + ")");
    if (monthRound != finalRound) columns.add("P(deal by " + month + ")");
    columns.add("Main blocker");
    List<List<?>> rows = new ArrayList<>();
    for (org.negotiate.experiment.Sweep.Point pt : r.points()) {
      List<Object> row = new ArrayList<>();
      for (double v : pt.values()) row.add(num(org.negotiate.experiment.Sweep.format(v)));
      if (!pt.valid()) {
        row.add("invalid: " + pt.problem());
        if (monthRound != finalRound) row.add("");
        row.add("");
      } else {
        ConvergenceOdds.MonthOdds f = SweepReport.at(pt, finalRound);
        row.add(num(pct(f.odds()) + " (" + pctRange(f.lower(), f.upper()) + ")"));
        if (monthRound != finalRound) {
          ConvergenceOdds.MonthOdds m = SweepReport.at(pt, monthRound);
          row.add(num(pct(m.odds()) + " (" + pctRange(m.lower(), m.upper()) + ")"));
        }
        ConvergenceOdds.BlockerShare b = SweepReport.mainBlocker(pt.odds());
        row.add(b == null ? "none" : b.actorId() + " (" + pct(b.share()) + " of failed runs)");
      }
      rows.add(row);
      if (rows.size() == 120) break; // the CSV holds every point
    }
    List<Object> table = new ArrayList<>();
    table.add(Html.table(columns, rows, "sweep"));
    if (r.points().size() > rows.size())
      table.add(
          p(
              "The first "
                  + rows.size()
                  + " of "
                  + r.points().size()
                  + " points; sweep.csv has all."));
    return withAssumptions(
        PolicyBrief.builder(
                "What if an input were different? Scenario “" + s.name() + "”",
                subtitle(s, manifest))
            .section("headline", "In brief", Html.join(head))
            .section("chart", "The odds across the grid", Html.join(chart))
            .section("points", "Every point", Html.join(table)),
        s,
        scenarioFile,
        reportDir,
        manifest);
  }

  /**
   * The brief of {@code negotiate discover}: the ranges of the inputs in which a deal is likely.
   */
  public static PolicyBrief discover(
      Scenario s,
      Path scenarioFile,
      org.negotiate.experiment.Discovery.Result r,
      java.time.YearMonth month,
      String words,
      Map<String, Object> manifest,
      Path chartsDir,
      Path reportDir)
      throws IOException {
    org.negotiate.experiment.Prim.Step box = r.prim().box();
    List<Object> head = new ArrayList<>();
    head.add(
        p(
            "Scenario discovery over "
                + r.deal().length
                + " replications, each with its own draw of the "
                + r.inputs().size()
                + " uncertain inputs: where in the space of those inputs is a deal by "
                + monthName(month)
                + " likely? Over all runs the odds are "
                + pct(r.prim().baseDensity())
                + "."));
    head.add(p(el("strong", words)));
    head.add(
        p(
            "Inside the box a deal comes in "
                + pct(box.density())
                + " of runs (its density); the box holds "
                + pct(box.coverage())
                + " of all deals (its coverage) and "
                + pct(box.mass())
                + " of all runs."));
    List<List<?>> rows = new ArrayList<>();
    for (String c : org.negotiate.experiment.Discovery.conditions(r, box.box())) rows.add(row(c));
    List<Object> body = new ArrayList<>();
    body.add(
        BriefSections.figure(
            chartsDir,
            "prim",
            "Chart: the peeling trajectory, density against coverage",
            "Each point a box on the way from all runs to the chosen one; the chosen box is marked."));
    body.add(
        rows.isEmpty()
            ? p(
                "The box restricts no input: no range of the inputs makes a deal more likely than the rest.")
            : Html.table(List.of("Condition"), rows, "box"));
    body.add(
        p(
            el(
                "span",
                attrs("class", "note"),
                "A box found in one sample of runs: with another sample size its bounds "
                    + "can move and a weak condition can come or go; box.csv gives the density and coverage without each condition, "
                    + "draws.csv every run's draws.")));
    return withAssumptions(
        PolicyBrief.builder(
                "Where is a deal likely? Scenario “" + s.name() + "”", subtitle(s, manifest))
            .section("headline", "In brief", Html.join(head))
            .section("box", "The box", Html.join(body)),
        s,
        scenarioFile,
        reportDir,
        manifest);
  }

  /**
   * The brief of {@code negotiate whatittakes}: the smallest change to a blocker's inputs that
   * reaches the threshold.
   */
  public static PolicyBrief whatItTakes(
      Scenario s,
      Path scenarioFile,
      org.negotiate.experiment.WhatItTakes.Result r,
      java.time.YearMonth month,
      Map<String, Object> manifest,
      Path chartsDir,
      Path reportDir)
      throws IOException {
    double thr = r.settings().threshold();
    List<org.negotiate.experiment.WhatItTakes.Blocker> blockers = WhatItTakesReport.mainBlockers(r);
    List<Object> head = new ArrayList<>();
    head.add(
        p(
            "The odds of a deal by "
                + monthName(month)
                + " are "
                + pct(r.baseOdds())
                + " ("
                + pctRange(r.baseLower(), r.baseUpper())
                + ") over "
                + r.settings().replications()
                + " replications. What single "
                + "change to a main blocker's inputs would lift them to "
                + pct(thr)
                + "?"));
    if (r.baseOdds() >= thr) {
      head.add(p("They are already at or above " + pct(thr) + ": nothing needs to change."));
    } else if (blockers.isEmpty()) {
      head.add(
          p(
              "No party blocks "
                  + pct(r.settings().minShare())
                  + " or more of the failed runs: there is no main blocker."));
    } else {
      List<String> names = new ArrayList<>();
      for (org.negotiate.experiment.WhatItTakes.Blocker b : blockers)
        names.add(b.actor() + " (" + pct(b.share()) + " of failed runs)");
      head.add(
          p(
              "Main "
                  + (names.size() == 1 ? "blocker: " : "blockers: ")
                  + String.join(", ", names)
                  + "."));
    }
    List<List<?>> rows = new ArrayList<>();
    for (org.negotiate.experiment.WhatItTakes.Finding f : r.findings()) {
      rows.add(
          row(
              el("code", f.lever().path()),
              f.found() ? "yes" : "no",
              WhatItTakesReport.sentence(r, f)));
    }
    List<Object> body = new ArrayList<>();
    body.add(
        p(
            "Each lever is one input of a main blocker; a change moves the input's whole distribution and is searched "
                + "on a grid and refined by bisection, with the same draws of everything else at every point. A lever 'reaches' "
                + pct(thr)
                + " when the odds' estimate does; the interval says how sure that is."));
    if (!r.findings().isEmpty()) {
      body.add(
          BriefSections.figure(
              chartsDir, "whatittakes", "Chart: the odds against the size of each change", null));
      body.add(
          Html.table(
              List.of("Lever (--set path)", "Reaches " + pct(thr), "What it takes"),
              rows,
              "levers"));
    }
    return withAssumptions(
        PolicyBrief.builder(
                "What would it take? Scenario “" + s.name() + "”", subtitle(s, manifest))
            .section("headline", "In brief", Html.join(head))
            .section("levers", "The levers", Html.join(body)),
        s,
        scenarioFile,
        reportDir,
        manifest);
  }

  /**
   * An exploration brief's last sections: the assumptions with their evidence, the caveats, how to
   * reproduce it.
   */
  private static PolicyBrief withAssumptions(
      PolicyBrief.Builder b,
      Scenario s,
      Path scenarioFile,
      Path reportDir,
      Map<String, Object> manifest) {
    return b.section(
            BriefSections.assumptions(
                s, scenarioFile, reportDir, "assumptions", "Assumptions and their evidence"))
        .section(BriefSections.caveats(s))
        .section(BriefSections.reproduce(manifest, files(manifest)))
        .build();
  }

  static String methodName(String method) {
    return switch (method) {
      case "compromise" -> "Compromise (capability × salience weighted mean of ideals)";
      case "nash" -> "Nash bargaining point (parties, inside their red lines)";
      default ->
          org.negotiate.protocol.Protocols.byName(method)
              .map(p -> p.descriptor().title())
              .orElse(method);
    };
  }

  private static Html details(String summary, Html body) {
    return el("details", attrs("open", "open"), el("summary", summary), body);
  }

  /** "+5", "−15", "0": a difference of proportions in percentage points. */
  static String points(double d) {
    long v = Math.round(100 * Math.abs(d));
    return v == 0 ? "0" : (d > 0 ? "+" : "−") + v;
  }

  private static String subtitle(Scenario s, Map<String, Object> manifest) {
    StringBuilder b = new StringBuilder();
    String d = s.description() == null ? "" : s.description().strip().replaceAll("\\s+", " ");
    int dot = d.indexOf(". ");
    if (!d.isEmpty()) b.append(dot > 0 ? d.substring(0, dot + 1) : d).append(' ');
    Object started = manifest.get("started_utc");
    b.append("Policy brief written by negotiate ").append(manifest.getOrDefault("version", ""));
    if (started != null)
      b.append(", run started ").append(String.valueOf(started).replaceAll("\\.\\d+Z$", "Z"));
    return b.append('.').toString();
  }

  @SuppressWarnings("unchecked")
  private static List<String> files(Map<String, Object> manifest) {
    Object f = manifest.get("files");
    if (f instanceof List<?> l) return (List<String>) l.stream().map(String::valueOf).toList();
    return List.of();
  }
}
