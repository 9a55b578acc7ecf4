package org.negotiate.report;

import static org.negotiate.report.Html.attrs;
import static org.negotiate.report.Html.el;
import static org.negotiate.report.Html.num;
import static org.negotiate.report.Html.p;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.ConvergenceOdds.BlockerShare;
import org.negotiate.experiment.ConvergenceOdds.IssueTerms;
import org.negotiate.experiment.ConvergenceOdds.MonthOdds;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.experiment.ReferenceSummary;
import org.negotiate.protocol.RoundClose.BlockReason;
import org.negotiate.report.PolicyBrief.Section;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.Event;
import org.negotiate.scenario.EvidenceRef;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;
import org.negotiate.scenario.Timing;
import org.negotiate.sim.RunOutcome;

/**
 * The parts a policy brief is made of, each built from what a run computed and the scenario as run.
 * Every text that comes from a scenario or the command line goes through {@link Html#text} (or the
 * element builders, which escape strings).
 */
public final class BriefSections {
  private BriefSections() {}

  // ---------------------------------------------------------------------------------------------
  // The recorded outcome (scenario data: every case records its own)

  /** Whether the scenario records what actually happened, so a forecast can be set against it. */
  public static boolean recordsOutcome(Scenario s) {
    return s.caseFile().outcome() != null;
  }

  /** What happened, as the scenario records it, with its source. */
  public static String whatHappened(Scenario s) {
    org.negotiate.scenario.CaseFile.Outcome o = s.caseFile().outcome();
    return o.summary().strip() + " (" + o.source().strip() + ")";
  }

  // ---------------------------------------------------------------------------------------------
  // Why the blockers block

  /** For each blocking party (by id), how many failed runs it blocked for each reason. */
  public record BlockerReasons(Map<String, Map<BlockReason, Long>> byActor) {
    public static BlockerReasons of(MonteCarlo.Result r) {
      Map<String, Map<BlockReason, Long>> m = new LinkedHashMap<>();
      if (r == null) return new BlockerReasons(m);
      for (RunOutcome o : r.outcomes()) {
        if (o.agreed()
            || o.blocker() < 0
            || o.reason() == null
            || o.blocker() >= r.canonicalActorIds().size()) continue;
        m.computeIfAbsent(
                r.canonicalActorIds().get(o.blocker()), k -> new EnumMap<>(BlockReason.class))
            .merge(o.reason(), 1L, Long::sum);
      }
      return new BlockerReasons(m);
    }

    Map<BlockReason, Long> of(String actorId) {
      return byActor.getOrDefault(actorId, Map.of());
    }
  }

  static String reasonText(BlockReason r) {
    return switch (r) {
      case RED_LINE -> "its red lines left no package every party could sign";
      case ASPIRATION ->
          "the text was inside its red lines but worth less to it than it still demanded";
      case WALKED_OUT -> "it walked out (the text stayed below what no deal is worth to it)";
      case DISTANCE -> "its position stayed furthest from the other parties'";
    };
  }

  static String reasonShort(BlockReason r) {
    return switch (r) {
      case RED_LINE -> "red line: no signable package";
      case ASPIRATION -> "wanted more than the text";
      case WALKED_OUT -> "walked out";
      case DISTANCE -> "too far from the others";
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Odds

  /**
   * The headline: P(deal by the last month) with its interval, the replications, the main blocker
   * and why, in plain words; and, next to it, the back-test where the scenario has one.
   */
  public static Section oddsHeadline(Scenario s, ConvergenceOdds odds, BlockerReasons reasons) {
    return oddsHeadline(s, odds, reasons, null, null);
  }

  /**
   * The headline; {@code asOf} (the manifest's as_of entry, or null) says when the forecast was
   * made and on what.
   */
  public static Section oddsHeadline(
      Scenario s,
      ConvergenceOdds odds,
      BlockerReasons reasons,
      Map<String, Object> asOf,
      Map<String, Object> backtest) {
    return oddsHeadline(s, odds, reasons, asOf, backtest, null);
  }

  /**
   * The headline with the structural band ({@code band}: the manifest's structural_band entry, or
   * null).
   */
  public static Section oddsHeadline(
      Scenario s,
      ConvergenceOdds odds,
      BlockerReasons reasons,
      Map<String, Object> asOf,
      Map<String, Object> backtest,
      Map<String, Object> band) {
    MonthOdds last = lastMonth(odds);
    List<Object> body = new ArrayList<>();
    if (asOf != null) body.add(asOfNote(asOf));
    else if (recordsOutcome(s)) {
      body.add(
          p(
              el("strong", "Hindsight run. "),
              "Every value uses all the evidence and every event is on its real "
                  + "date, so this is not a forecast anyone could have made at the start. For a forecast as of a date, from what "
                  + "was known then and conditioned on what had been observed, run with ",
              el("code", "--as-of YYYY-MM"),
              "; to score such forecasts against what happened, ",
              el("code", "negotiate backtest"),
              "."));
    }
    // an actor table has no dates: its brief counts rounds
    String when = s.calendar().dated() ? monthName(last.month()) : "round " + last.round();
    // one run has an outcome, not odds: say what it did, with no interval around it
    boolean oneRun = odds.replications() == 1;
    String oneRunSays =
        (last.odds() > 0 ? "A deal was signed by the end of " : "No deal was signed by the end of ")
            + when
            + " in the one run made. One run gives no odds and no interval: give --runs N for them.";
    body.add(
        el(
            "div",
            attrs("class", "headline"),
            el(
                "div",
                attrs("class", "big"),
                oneRun ? (last.odds() > 0 ? "Deal" : "No deal") : pct(last.odds()),
                " ",
                el(
                    "small",
                    oneRun
                        ? "by the end of " + when + " in one run"
                        : "chance of a signed deal by the end of " + when)),
            oneRun
                ? p(oneRunSays)
                : p(
                    "If the actors are as "
                        + (hasEvidence(s)
                            ? "the cited evidence describes"
                            : "the scenario describes")
                        + " them, "
                        + "the talks end in a deal by "
                        + when
                        + " in "
                        + pct(last.odds())
                        + " of "
                        + String.format(Locale.ROOT, "%,d", odds.replications())
                        + " simulated runs (95% interval "
                        + pctRange(last.lower(), last.upper())
                        + ")."
                        + halfDealsBy(odds, s.calendar().dated())),
            blockerSentence(odds, reasons, s),
            typicalDeal(odds)));
    Html structural = structuralBand(band);
    if (structural != null) body.add(structural);
    Html backTest = backTestOdds(s, last, backtest);
    if (backTest != null) body.add(backTest);
    return new Section("headline", "The forecast in brief", Html.join(body));
  }

  private static boolean hasEvidence(Scenario s) {
    return s.actors().stream()
        .anyMatch(
            a ->
                a.evidence() != null && !a.evidence().isEmpty()
                    || a.stances().values().stream()
                        .anyMatch(st -> st.evidence() != null && !st.evidence().isEmpty()));
  }

  private static Html typicalDeal(ConvergenceOdds odds) {
    List<String> parts = new ArrayList<>();
    for (IssueTerms t : odds.terms()) {
      if (t.agreedRuns() > 0) parts.add(t.label() + " " + Math.round(t.p50()));
    }
    if (parts.isEmpty()) return null;
    return p(
        "A typical deal (median terms, each issue on a 0–100 scale): "
            + String.join(", ", parts)
            + ". The scales' ends and the spread are under “What a deal would say”.");
  }

  private static String halfDealsBy(ConvergenceOdds odds, boolean dated) {
    MonthOdds last = lastMonth(odds);
    if (last.agreed() == 0) return "";
    for (MonthOdds m : odds.byMonth()) {
      if (m.agreed() * 2 >= last.agreed()) {
        return " Half of the deals are signed by "
            + (dated ? monthName(m.month()) : "round " + m.round())
            + ".";
      }
    }
    return "";
  }

  private static Html blockerSentence(ConvergenceOdds odds, BlockerReasons reasons, Scenario s) {
    long failed = failedRuns(odds);
    if (failed == 0 || odds.blockers().isEmpty() || odds.blockers().get(0).failedRuns() == 0) {
      return p("Every simulated run ended in a deal, so no party blocked.");
    }
    BlockerShare main = odds.blockers().get(0);
    StringBuilder t = new StringBuilder();
    t.append("When there is no deal (")
        .append(pct((double) failed / odds.replications()))
        .append(" of runs), ")
        .append(main.actorName())
        .append(" is the party that blocks it in ")
        .append(
            main.failedRuns() >= failed
                ? "every one of those runs"
                : pct(main.share()) + " of those runs");
    Map<BlockReason, Long> why = reasons == null ? Map.of() : reasons.of(main.actorId());
    long total = why.values().stream().mapToLong(Long::longValue).sum();
    if (total > 0) {
      BlockReason top =
          why.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      double share = (double) why.get(top) / total;
      if (why.get(top) == total) t.append(", each time because ");
      else
        t.append(share > 0.95 ? ", nearly always (" : ", most often (")
            .append(pct(share))
            .append(") because ");
      t.append(reasonText(top));
    }
    t.append('.');
    return p(t.toString());
  }

  /**
   * The spread of the odds across the model's structural alternatives, beside the Monte Carlo
   * interval.
   */
  static Html structuralBand(Map<String, Object> band) {
    if (band == null) return null;
    List<String> rows = new ArrayList<>();
    for (Object o : (List<?>) band.get("alternatives")) {
      Map<?, ?> m = (Map<?, ?>) o;
      rows.add(m.get("alternative") + " " + pct(((Number) m.get("odds")).doubleValue()));
    }
    return p(
        el("strong", "The model's own uncertainty. "),
        "Across models and readings the odds run from "
            + pct(((Number) band.get("min")).doubleValue())
            + " to "
            + pct(((Number) band.get("max")).doubleValue())
            + " (each alternative over the same "
            + band.get("replications_each")
            + " draws: "
            + String.join("; ", rows)
            + "). The interval above is the Monte Carlo error of one model; this range is how much the answer depends on "
            + "the choice of model and on contested readings of the evidence.");
  }

  /** What an as-of forecast knew and what it was conditioned on. */
  static Html asOfNote(Map<String, Object> a) {
    List<Object> parts = new ArrayList<>();
    parts.add(el("strong", "Forecast as of " + a.get("month") + ". "));
    parts.add(
        "Only evidence dated by then sets a value ("
            + a.get("evidence_after_cut_off")
            + " later citations left out; values from stated priors: "
            + list(a.get("values_from_priors"))
            + "; spread over the whole scale for want of evidence: "
            + list(a.get("values_uninformed"))
            + "; kept without evidence: "
            + list(a.get("values_unsupported"))
            + "). Events not yet known are not scheduled: "
            + list(a.get("events_not_yet_known"))
            + ". ");
    Object kept = a.get("replications_kept");
    if (kept != null) {
      parts.add(
          "Conditioned on what had been observed ("
              + list(a.get("observations"))
              + "): of "
              + String.format(
                  Locale.ROOT, "%,d", ((Number) a.get("replications_tried")).longValue())
              + " runs tried, the "
              + String.format(Locale.ROOT, "%,d", ((Number) kept).longValue())
              + " that reproduce it are kept (acceptance "
              + pct(((Number) a.get("acceptance_rate")).doubleValue())
              + "; effective sample size "
              + String.format(Locale.ROOT, "%,d", ((Number) kept).longValue())
              + "), so the interval below accounts for the conditioning.");
    }
    Object taught = a.get("largest_posterior_shifts");
    if (taught instanceof List<?> l && !l.isEmpty()) {
      List<String> t = new ArrayList<>();
      for (Object o : l) {
        Map<?, ?> m = (Map<?, ?>) o;
        t.add(m.get("input") + " " + m.get("reading"));
      }
      parts.add(
          " What the observations taught: "
              + String.join("; ", t)
              + " (posterior.csv, posterior.png).");
    }
    return el("div", attrs("class", "asof"), p(parts));
  }

  private static String list(Object o) {
    if (!(o instanceof List<?> l) || l.isEmpty()) return "none";
    List<String> out = new ArrayList<>();
    for (Object x : l) out.add(String.valueOf(x));
    return out.size() > 8
        ? String.join(", ", out.subList(0, 8)) + " and " + (out.size() - 8) + " more"
        : String.join(", ", out);
  }

  /** The back-test box under the odds headline, or null when the scenario records no outcome. */
  static Html backTestOdds(Scenario s, MonthOdds last, Map<String, Object> backtest) {
    if (!recordsOutcome(s)) return null;
    org.negotiate.scenario.CaseFile.Outcome outcome = s.caseFile().outcome();
    List<Object> parts = new ArrayList<>();
    parts.add(el("strong", "What actually happened. "));
    parts.add(whatHappened(s) + " ");
    boolean deal = outcome.agreement() && !outcome.month().isAfter(last.month());
    double p = deal ? last.odds() : 1 - last.odds();
    parts.add(
        "Set against this forecast: the model gave a deal by "
            + monthName(last.month())
            + " "
            + pct(last.odds())
            + ", so the outcome that occurred, "
            + (deal ? "a deal" : "no deal")
            + ", had "
            + pct(p)
            + " in the model (Brier score "
            + String.format(Locale.ROOT, "%.3f", (1 - p) * (1 - p))
            + "). One outcome can "
            + "neither confirm nor refute a probability; ");
    parts.add(
        p >= 0.5
            ? "it is consistent with a model that made it the more likely outcome. "
            : "the model made the other outcome the more likely, and it did not happen. ");
    if (backtest == null || backtest.get("mean_brier") == null) {
      parts.add(
          "The forecasts as of each month, scored against this outcome beside two reference forecasters, are what ");
      parts.add(el("code", "negotiate backtest"));
      parts.add(
          " computes"
              + (backtest == null
                  ? "."
                  : " (not computed here: " + backtest.get("not_computed") + ")."));
    } else {
      parts.add(
          String.format(
              Locale.ROOT,
              "Forecasts made as of each month from %s on (only what was known then, "
                  + "conditioned on what had been observed), scored against this outcome: mean Brier score %.3f (0 is perfect; "
                  + "a constant %.2f scores %.3f, a forecaster extrapolating the months without a deal %.3f), mean log score "
                  + "%.3f; Brier skill %+.2f against the base rate and %+.2f against no-deal-so-far (above 0: better). ",
              s.calendar().start(),
              ((Number) backtest.get("mean_brier")).doubleValue(),
              ((Number) backtest.get("base_rate")).doubleValue(),
              ((Number) backtest.get("mean_brier_base_rate")).doubleValue(),
              ((Number) backtest.get("mean_brier_no_deal_so_far")).doubleValue(),
              ((Number) backtest.get("mean_log_score")).doubleValue(),
              ((Number) backtest.get("skill_vs_base_rate")).doubleValue(),
              ((Number) backtest.get("skill_vs_no_deal_so_far")).doubleValue()));
      parts.add(
          "A back-test of one case is a check, not a target: no input is set from the outcome.");
    }
    if (!outcome.agreement() && !last.month().isBefore(outcome.month())) {
      parts.add(
          " Months from "
              + monthName(outcome.month())
              + " on are counterfactual: the talks had ended by then.");
    }
    return el("div", attrs("class", "backtest"), p(parts));
  }

  /** The odds chart with a caption. */
  public static Section oddsChart(Path chartsDir, ConvergenceOdds odds) throws IOException {
    return oddsChart(chartsDir, odds, true);
  }

  /**
   * As {@link #oddsChart(Path, ConvergenceOdds)}; undated (an actor table), by round rather than
   * month.
   */
  public static Section oddsChart(Path chartsDir, ConvergenceOdds odds, boolean dated)
      throws IOException {
    if (!dated) {
      return new Section(
          "odds",
          "Odds of a deal round by round",
          figure(
              chartsDir,
              "odds",
              "Chart: probability that a deal has been signed by the end of each round, with its 95% interval",
              "P(a deal has been signed by the end of each round), with the 95% Wilson interval as a band. The table has no "
                  + "dates, so the rounds are counted, not named as months. The band is the Monte Carlo uncertainty over "
                  + String.format(Locale.ROOT, "%,d", odds.replications())
                  + " runs."));
    }
    return new Section(
        "odds",
        "Odds of a deal month by month",
        figure(
            chartsDir,
            "odds",
            "Chart: probability that a deal has been signed by the end of each month, with its 95% interval",
            "P(a deal has been signed by the end of each month), with the 95% Wilson interval as a band. The band is "
                + "the Monte Carlo uncertainty of this scenario's odds over "
                + String.format(Locale.ROOT, "%,d", odds.replications())
                + " runs, not the uncertainty of the assumptions: those are what the runs sample."));
  }

  /** Who blocks: the table (with why) and the chart. */
  public static Section blockers(ConvergenceOdds odds, BlockerReasons reasons, Path chartsDir)
      throws IOException {
    long failed = failedRuns(odds);
    List<Object> body = new ArrayList<>();
    body.add(
        p(
            "Of the runs that end without a deal, the share in which each party was the blocker: the party "
                + "furthest from accepting at the end (the largest gap between what it still demands and what the text is "
                + "worth to it), or the party whose red line left no possible text."));
    if (failed == 0) {
      body.add(p("No run failed: every run ended in a deal."));
    } else {
      List<List<?>> rows = new ArrayList<>();
      List<String> never = new ArrayList<>();
      for (BlockerShare b : odds.blockers()) {
        if (b.failedRuns() == 0) {
          never.add(b.actorName());
          continue;
        }
        Map<BlockReason, Long> why = reasons == null ? Map.of() : reasons.of(b.actorId());
        long total = why.values().stream().mapToLong(Long::longValue).sum();
        List<String> parts = new ArrayList<>();
        why.entrySet().stream()
            .sorted(Map.Entry.<BlockReason, Long>comparingByValue().reversed())
            .forEach(
                e ->
                    parts.add(reasonShort(e.getKey()) + ": " + pct((double) e.getValue() / total)));
        rows.add(
            row(
                b.actorName(),
                num(String.format(Locale.ROOT, "%,d", b.failedRuns())),
                num(pct(b.share())),
                parts.isEmpty() ? "–" : String.join("; ", parts)));
      }
      body.add(
          Html.table(
              List.of("Party", "Failed runs it blocked", "Share of failed runs", "Why"),
              rows,
              "blockers"));
      if (!never.isEmpty()) body.add(p("Never the blocker: " + String.join(", ", never) + "."));
      body.add(
          figure(
              chartsDir,
              "blockers",
              "Chart: share of failed runs in which each party blocked, split by why it blocked",
              null));
    }
    return new Section("blockers", "Who blocks a deal", Html.join(body));
  }

  /**
   * What would move the blockers: {@code computed} when a command measured it (a sensitivity
   * analysis), else a note that this run does not, with the what-ifs that can.
   */
  public static Section movers(Html computed, Path scenarioFile) {
    return movers(computed, null, scenarioFile);
  }

  /**
   * What would move the blockers: {@code computed} (a one-at-a-time analysis) and {@code
   * association} (what went with a deal over the run's own draws), whichever the run has, the
   * controlled one first; with neither, a note with the what-ifs that can measure it.
   */
  public static Section movers(Html computed, Html association, Path scenarioFile) {
    return movers(computed, association, scenarioFile, null);
  }

  /**
   * The what-ifs beside a scenario ({@code negotiate compare} command and description) and an
   * example {@code --set} path, as the movers section lists them. Reading them loads every what-if
   * scenario, so a command may read them on another thread while it still runs ({@link #beside}).
   */
  public record WhatIfs(List<Object[]> rows, String exampleSet) {
    /** The what-ifs beside {@code scenarioFile} (null: none). */
    public static WhatIfs beside(Path scenarioFile) {
      return new WhatIfs(
          whatIfs(scenarioFile),
          scenarioFile == null ? null : BriefSections.exampleSet(scenarioFile));
    }
  }

  /**
   * As {@link #movers(Html, Html, Path)}, with the what-ifs read beforehand ({@code whatIfs}: null
   * to read them now).
   */
  public static Section movers(
      Html computed, Html association, Path scenarioFile, WhatIfs whatIfsRead) {
    if (computed != null && association != null)
      return new Section(
          "movers",
          "What would move them",
          Html.join(computed, el("h3", "Over this run's own draws"), association));
    if (computed != null) return new Section("movers", "What would move them", computed);
    List<Object> body = new ArrayList<>();
    if (association != null) {
      body.add(association);
      body.add(
          p(
              "To measure what one change would do, compare the scenario with a what-if (a copy with "
                  + "one change, run over the same random draws), or change one input with ",
              el("code", "--set"),
              "."));
    } else {
      body.add(
          p(
              "Not computed in this run: the odds command does not vary the assumptions one at a time. To "
                  + "measure what a change would do, compare the scenario with a what-if (a copy with one change, run "
                  + "over the same random draws), or change one input with ",
              el("code", "--set"),
              "."));
    }
    WhatIfs read = whatIfsRead != null ? whatIfsRead : WhatIfs.beside(scenarioFile);
    List<Object[]> whatIfs = read.rows();
    if (!whatIfs.isEmpty()) {
      List<List<?>> rows = new ArrayList<>();
      for (Object[] w : whatIfs) rows.add(row(el("code", (String) w[0]), (String) w[1]));
      body.add(p("What-ifs next to this scenario, each run with:"));
      body.add(Html.table(List.of("Command", "What changes"), rows, "whatifs"));
    }
    if (scenarioFile != null) {
      body.add(
          p(
              "One input: ",
              el("code", "negotiate odds " + scenarioFile + " --set " + read.exampleSet()),
              " (any actor, issue and field; see ",
              el("code", "negotiate odds --help"),
              ")."));
    }
    return new Section("movers", "What would move them", Html.join(body));
  }

  /**
   * An example --set path for the brief: a party's first stance, its position moved to the middle
   * of the scale.
   */
  private static String exampleSet(Path scenarioFile) {
    try {
      Scenario s = org.negotiate.scenario.ScenarioLoader.load(scenarioFile);
      for (org.negotiate.scenario.Actor a : s.actors()) {
        if (a.role() != org.negotiate.scenario.Role.PARTY || a.stances().isEmpty()) continue;
        String issue = a.stances().keySet().iterator().next();
        return a.id() + "." + issue + ".position=50";
      }
    } catch (org.negotiate.scenario.ScenarioException | RuntimeException e) {
      // falls back to the general form
    }
    return "ACTOR.ISSUE.position=50";
  }

  /**
   * The what-ifs in the {@code whatif/} folder beside (or holding) the scenario: command and
   * description.
   */
  static List<Object[]> whatIfs(Path scenarioFile) {
    List<Object[]> out = new ArrayList<>();
    if (scenarioFile == null) return out;
    Path dir = scenarioFile.getParent() == null ? Path.of("") : scenarioFile.getParent();
    Path folder =
        dir.getFileName() != null && dir.getFileName().toString().equals("whatif")
            ? dir
            : dir.resolve("whatif");
    if (!Files.isDirectory(folder)) return out;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        if (f.normalize().equals(scenarioFile.normalize())) continue;
        String description = "";
        try {
          description =
              firstSentence(org.negotiate.scenario.ScenarioLoader.load(f, List.of()).description());
        } catch (Exception e) {
          description = "(does not load: " + e.getMessage() + ")";
        }
        out.add(new Object[] {"negotiate compare " + scenarioFile + " " + f, description});
      }
    } catch (IOException e) {
      // no listing, no what-ifs
    }
    return out;
  }

  private static String firstSentence(String s) {
    if (s == null) return "";
    String t = s.strip().replaceAll("\\s+", " ");
    int dot = t.indexOf(". ");
    return dot > 0 ? t.substring(0, dot + 1) : t;
  }

  /** Where agreed deals landed on each issue: the chart and, per issue, median and 10–90%. */
  public static Section terms(Scenario s, ConvergenceOdds odds, Path chartsDir) throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (IssueTerms t : odds.terms()) {
      Issue issue = s.issue(t.issueId()).orElse(null);
      rows.add(
          row(
              t.label(),
              scaleEnds(issue),
              num(String.format(Locale.ROOT, "%,d", t.agreedRuns())),
              num(t.agreedRuns() == 0 ? "–" : f1(t.p50())),
              num(t.agreedRuns() == 0 ? "–" : f1(t.p10()) + "–" + f1(t.p90()))));
    }
    List<Object> body = new ArrayList<>();
    body.add(p("Where the runs that reached a deal put the terms, on each issue's 0–100 scale."));
    body.add(
        Html.table(
            List.of(
                "Issue",
                "Scale: 0 means … / 100 means …",
                "Agreed runs",
                "Median term",
                "10–90% of deals"),
            rows,
            "terms"));
    body.add(
        figure(
            chartsDir,
            "terms",
            "Chart: distribution of agreed terms on each issue",
            "Share of agreed runs at each point of the scale; dashed line: median; shaded: 10th–90th percentile."));
    return new Section("terms", "What a deal would say", Html.join(body));
  }

  /** The positions chart (optional part of an odds brief). */
  public static Section positions(Path chartsDir) throws IOException {
    return new Section(
        "positions",
        "How positions moved",
        figure(
            chartsDir,
            "positions",
            "Chart: each actor's position on each issue month by month",
            "Each actor's position by month (median line, 10–90% band over runs) and the mediators' text (dashed). "
                + "A party's position is the least it would take in the direction of the text; mediators and "
                + "stakeholders show their ideals. After a deal the parties stand on its terms. So a party's line "
                + "moves when it concedes, but also when the text moves (after the other side refused, or an event "
                + "moved a red line), and in a month with no text it stands at its ideal: a party's line can jump "
                + "when only the other side moved. Who refused what, and why, month by month: negotiate run "
                + "--replication I."));
  }

  /**
   * The two parties' utility plane, when the run drew one (exactly two parties); null otherwise.
   */
  public static Section utilityPlane(Path chartsDir) throws IOException {
    if (!java.nio.file.Files.isRegularFile(chartsDir.resolve("utility-plane.svg"))) return null;
    return new Section(
        "utility-plane",
        "What each deal is worth to the two parties",
        figure(
            chartsDir,
            "utility-plane",
            "Chart: the two parties' utilities of every possible package and of each agreed deal",
            "Each party's judged utility at the nominal inputs: the Pareto frontier of the packages, the point of no deal "
                + "(their reservations), the Nash, symmetric Nash, Kalai–Smorodinsky and maximum joint utility points, and "
                + "every agreed package of the runs. A deal near the frontier leaves little on the table for both."));
  }

  /**
   * {@code reference.csv} as a table: the compromise and Nash points at the start, one row per
   * issue.
   */
  public static Section reference(List<ReferenceSummary> rows) {
    Map<String, ReferenceSummary[]> byIssue = new LinkedHashMap<>();
    for (ReferenceSummary r : rows) {
      ReferenceSummary[] pair = byIssue.computeIfAbsent(r.issueId(), k -> new ReferenceSummary[2]);
      if (r.point().equals("compromise")) pair[0] = r;
      else if (r.point().equals("nash")) pair[1] = r;
    }
    List<List<?>> out = new ArrayList<>();
    int without = 0;
    int draws = 0;
    for (ReferenceSummary[] pair : byIssue.values()) {
      ReferenceSummary c = pair[0];
      ReferenceSummary n = pair[1];
      ReferenceSummary any = c != null ? c : n;
      out.add(
          row(
              any.label(),
              num(c == null ? "–" : f1(c.nominal())),
              num(c == null ? "–" : f1(c.p50())),
              num(c == null ? "–" : f1(c.p10()) + "–" + f1(c.p90())),
              num(n == null ? "–" : f1(n.nominal())),
              num(n == null ? "–" : f1(n.p50())),
              num(n == null ? "–" : f1(n.p10()) + "–" + f1(n.p90()))));
      if (n != null) {
        without = Math.max(without, n.withoutZone());
        draws = Math.max(draws, n.draws());
      }
    }
    List<Object> body = new ArrayList<>();
    body.add(
        p(
            "Two classic answers to where the talks should land, computed at the start (before any event) over "
                + "the same draws of the inputs as the runs: Achen's compromise, the capability × salience weighted mean of "
                + "every actor's ideal; and the asymmetric Nash bargaining point of the parties, inside their red lines. "
                + "“Nominal” uses every input's central value."));
    body.add(
        Html.table(
            List.of(
                "Issue",
                "Compromise: nominal",
                "median",
                "10–90%",
                "Nash: nominal",
                "median",
                "10–90%"),
            out,
            "reference"));
    if (without > 0) {
      body.add(
          p(
              "In "
                  + String.format(Locale.ROOT, "%,d", without)
                  + " of "
                  + String.format(Locale.ROOT, "%,d", draws)
                  + " draws ("
                  + pct((double) without / draws)
                  + ") the parties' red lines at the start leave no package both "
                  + "could sign, so there is no Nash point (a dash at nominal means the central values are such a case); "
                  + "the Nash columns describe the other draws. Red lines move only through events, so in those draws a deal "
                  + "needs an event that moves one."));
    }
    return new Section("reference", "Reference points at the start", Html.join(body));
  }

  // ---------------------------------------------------------------------------------------------
  // Assumptions and events

  /**
   * Every actor and stance with its numbers, evidence (quotes linked to the seed article) and
   * rationale. Links are relative to {@code reportDir}, the folder the report will be read from.
   */
  public static Section assumptions(
      Scenario s, Path scenarioFile, Path reportDir, String id, String heading) {
    return new Section(id, heading, assumptionsBody(s, scenarioFile, reportDir));
  }

  /** Most actors, and stances per actor, the assumptions section lists. */
  static final int MAX_ACTOR_BLOCKS = 30;

  static final int MAX_STANCE_ROWS = 12;

  static Html assumptionsBody(Scenario s, Path scenarioFile, Path reportDir) {
    java.util.function.Function<String, EvidenceRef> refs = references(scenarioFile);
    List<Object> body = new ArrayList<>();
    if (s.description() != null && !s.description().isBlank()) body.add(p(s.description().strip()));
    body.add(
        p(
            el(
                "span",
                attrs("class", "note"),
                "How to read the numbers: “a–b” means each run draws a value between a and b (evenly); “a–b, likeliest m” "
                    + "is a triangular draw peaking at m. Positions and red lines are on each issue's 0–100 scale; saliences "
                    + "are shares of the actor's attention; capability is clout (only ratios matter); the reservation is "
                    + "what no deal is worth to the actor (0–1 utility); flexibility below 1 holds out, above 1 concedes "
                    + "early. Evidence links open the quoted article on this computer (relative to this folder).")));
    List<List<?>> issues = new ArrayList<>();
    for (Issue i : s.issues()) {
      issues.add(
          row(
              i.label(),
              nz(i.low()),
              nz(i.high()),
              num(i.statusQuo() == null ? "–" : range(i.statusQuo()))));
    }
    body.add(el("h3", "Issues"));
    body.add(Html.table(List.of("Issue", "0 means", "100 means", "Status quo"), issues, "issues"));
    // a person reads a few dozen actor blocks, not 250 of 50 stances each: past that the brief
    // points to the resolved scenario, which holds every value with its evidence
    List<Actor> actors = s.actors().subList(0, Math.min(MAX_ACTOR_BLOCKS, s.actors().size()));
    if (actors.size() < s.actors().size() || s.issues().size() > MAX_STANCE_ROWS) {
      body.add(
          p(
              el(
                  "span",
                  attrs("class", "note"),
                  String.format(
                      Locale.ROOT,
                      "Shown below: the first %d of %d actors%s; every value, with its evidence and rationale, is in "
                          + "scenario.resolved.yaml.",
                      actors.size(),
                      s.actors().size(),
                      s.issues().size() > MAX_STANCE_ROWS
                          ? ", each on the first "
                              + MAX_STANCE_ROWS
                              + " of "
                              + s.issues().size()
                              + " issues"
                          : ""))));
    }
    for (Actor a : actors) {
      List<Object> dl = new ArrayList<>();
      dt(dl, "Role", roleText(a.role()));
      dt(dl, "Capability", range(a.capability()));
      dt(dl, "Reservation", range(a.reservation()));
      dt(dl, "Flexibility", range(a.flexibility()) + " (" + flexibilityWord(a.flexibility()) + ")");
      if (a.risk() != null && a.risk().nominal() != 0) dt(dl, "Risk attitude", range(a.risk()));
      if (a.lean() != null && (a.lean().nominal() != 0 || a.lean().uncertain()))
        dt(dl, "Lean on the text", range(a.lean()));
      if (!a.ties().isEmpty()) dt(dl, "Weighs the utility of", weights(s, a.ties()));
      if (!a.pressure().isEmpty()) dt(dl, "Presses", weights(s, a.pressure()));
      if (a.evidence() != null && !a.evidence().isEmpty())
        dl.add(Html.join(el("dt", "Evidence"), el("dd", evidence(a.evidence(), refs, reportDir))));
      if (a.rationale() != null && !a.rationale().isBlank())
        dt(dl, "Rationale", a.rationale().strip());
      List<List<?>> stances = new ArrayList<>();
      for (Map.Entry<String, Stance> e : a.stances().entrySet()) {
        if (stances.size() == MAX_STANCE_ROWS) break;
        Stance st = e.getValue();
        String label = s.issue(e.getKey()).map(Issue::label).orElse(e.getKey());
        stances.add(
            row(
                label,
                range(st.position()),
                range(st.salience()),
                redLine(st.redLine()),
                evidence(st.evidence(), refs, reportDir),
                nz(st.rationale()).strip()));
      }
      body.add(
          el(
              "div",
              attrs("class", "actor-block"),
              el("h3", a.name()),
              el("dl", attrs("class", "actor"), dl),
              stances.isEmpty()
                  ? null
                  : Html.table(
                      List.of(
                          "Issue",
                          "Ideal position",
                          "Salience",
                          "Red line",
                          "Evidence",
                          "Rationale"),
                      stances,
                      "assumptions")));
    }
    body.add(el("h3", "Protocol and agreement"));
    List<String> params = new ArrayList<>();
    s.protocol().params().forEach((k, v) -> params.add(k + " " + range(v)));
    body.add(
        p(
            "Protocol ",
            el("code", s.protocol().name()),
            params.isEmpty() ? "" : " (" + String.join(", ", params) + ")",
            "; agreement rule ",
            el("code", s.agreement().rule()),
            ", tolerance "
                + Quantity.of(s.agreement().tolerance()).describe()
                + " points; "
                + (s.calendar().dated()
                    ? "calendar from " + s.calendar().start() + ", one round a month."
                    : "no calendar (an actor table has no dates): results count rounds.")));
    return Html.join(body);
  }

  /** The events: when, what changes, evidence and rationale. */
  public static Section events(
      Scenario s, Path scenarioFile, Path reportDir, String id, String heading) {
    return new Section(id, heading, eventsBody(s, scenarioFile, reportDir));
  }

  static Html eventsBody(Scenario s, Path scenarioFile, Path reportDir) {
    if (s.events().isEmpty()) return p("This scenario has no events.");
    java.util.function.Function<String, EvidenceRef> refs = references(scenarioFile);
    List<List<?>> rows = new ArrayList<>();
    for (Event e : s.events()) {
      List<Object> changes = new ArrayList<>();
      for (Change c : e.changes()) changes.add(el("li", changeText(s, c)));
      rows.add(
          row(
              when(e.timing()),
              nz(e.label()).isBlank() ? e.id() : e.label(),
              el("ul", attrs("class", "evidence"), changes),
              evidence(e.evidence(), refs, reportDir),
              nz(e.rationale()).strip()));
    }
    return Html.join(
        p("Shocks that change inputs during a run, in the month they happen."),
        Html.table(
            List.of("When", "Event", "What changes", "Evidence", "Rationale"), rows, "events"));
  }

  // ---------------------------------------------------------------------------------------------
  // Caveats and reproduction

  /** The model's caveats (the README's wording), with the protocol's own. */
  public static Section caveats(Scenario s) {
    List<Object> items = new ArrayList<>();
    int unsourced = s.unsourced();
    if (unsourced > 0) {
      // first: everything below reads differently when the inputs are guesses
      items.add(
          el(
              "li",
              "Unsourced: "
                  + unsourced
                  + (unsourced == 1 ? " value" : " values")
                  + " (stances and events "
                  + "that cite no evidence)"
                  + (s.draft()
                      ? ". This is a draft scenario: until each value cites its source, "
                          + "the odds rest on the author's guesses."
                      : ".")));
    }
    items.add(
        el(
            "li",
            "The odds are conditional on the stated assumptions: read them as “how likely a deal is if the "
                + "actors are as the evidence describes”, not as a prediction of the world."));
    items.add(
        el(
            "li",
            "The 95% intervals are the Monte Carlo uncertainty for this scenario's assumptions, not the "
                + "uncertainty of the assumptions themselves: those are what the replications sample. Where the articles "
                + "are vague a value is a range, and every run draws its own."));
    items.add(
        el(
            "li",
            "What the model does not capture: talks at several tables at once, actors outside the scenario, "
                + "the parties learning about each other's preferences (only the mediators learn, from refusals, in the mediated "
                + "protocol), and the collapse of a party."));
    for (String c : s.caseFile().caveats()) items.add(el("li", c));
    org.negotiate.protocol.ProtocolDescriptor protocol =
        org.negotiate.protocol.Protocols.descriptor(s.protocol().name());
    for (String c : protocol.caveats()) items.add(el("li", c));
    if (!protocol.has(org.negotiate.protocol.Capability.ACCEPT_STEP)) {
      items.add(
          el(
              "li",
              "This run uses the "
                  + protocol.name()
                  + " protocol, which has no accept step: a deal is every party "
                  + "within the agreement tolerance ("
                  + Quantity.of(s.agreement().tolerance()).describe()
                  + " points) of the "
                  + "others on every issue, and its terms are the parties' capability × salience weighted mean."));
    }
    items.add(
        el(
            "li",
            "A red line drawn so that it excludes the actor's own drawn position is widened to include it: "
                + "an actor can always sign its own ideal."));
    items.add(
        el(
            "li",
            "The numbers are modelling judgements from news reports; each cites its quote and says how it "
                + "became a number (see the assumptions). Changing one is a what-if, not a correction of the data."));
    return new Section("caveats", "What the model assumes and leaves out", el("ul", items));
  }

  /**
   * How to reproduce: the command line, seed, version and hashes from the manifest, and the files.
   */
  public static Section reproduce(Map<String, Object> manifest, Collection<String> files) {
    List<Object> body = new ArrayList<>();
    Object command = manifest.get("command");
    if (command != null) {
      body.add(p("Run again, from the folder it was run in, with the same version:"));
      body.add(el("pre", String.valueOf(command)));
    }
    List<List<?>> rows = new ArrayList<>();
    for (Map.Entry<String, Object> e : manifest.entrySet()) {
      String k = e.getKey();
      if (k.equals("command") || k.equals("files") || k.equals("summary") || k.equals("tool"))
        continue;
      Object v = e.getValue();
      String text =
          v instanceof Collection<?> c
              ? (c.isEmpty()
                  ? "(none)"
                  : String.join(" ", c.stream().map(String::valueOf).toList()))
              : String.valueOf(v);
      rows.add(row(k.replace('_', ' '), el("code", text)));
    }
    body.add(Html.table(List.of("Setting", "Value"), rows, "manifest"));
    body.add(
        p(
            "The same scenario, seed and replications give identical tables whatever the number of threads, and "
                + "whether they ran on this machine or on a Spark cluster (the engine above). "
                + "The scenario exactly as run (after any --set) is in this folder's resolved YAML file."));
    if (files != null && !files.isEmpty()) {
      List<Object> links = new ArrayList<>();
      for (String f : files) {
        if (!links.isEmpty()) links.add(" · ");
        links.add(Html.link(f, f));
      }
      body.add(p("Files in this folder: ", links));
    }
    return new Section("reproduce", "How to reproduce", Html.join(body));
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** A chart from {@code dir/name.svg} in a figure with an optional caption. */
  public static Html figure(Path chartsDir, String name, String description, String caption)
      throws IOException {
    Path svg = chartsDir.resolve(name + ".svg");
    Html chart = SvgInline.read(svg, name, description);
    return el("figure", chart, caption == null ? null : el("figcaption", caption));
  }

  /** Evidence references as a list: the article's file (linked) and the quote. */
  static Html evidence(List<String> refs, Path scenarioFile, Path reportDir) {
    return evidence(refs, references(scenarioFile), reportDir);
  }

  /** How {@link #evidence} resolves the references of {@code scenarioFile} (null: none). */
  static java.util.function.Function<String, EvidenceRef> references(Path scenarioFile) {
    return scenarioFile == null ? EvidenceRef::parse : EvidenceRef.resolver(scenarioFile);
  }

  /** As {@link #evidence(List, Path, Path)}, each reference resolved by {@code resolve}. */
  static Html evidence(
      List<String> refs, java.util.function.Function<String, EvidenceRef> resolve, Path reportDir) {
    if (refs == null || refs.isEmpty()) return Html.text("–");
    List<Object> items = new ArrayList<>();
    for (String ref : refs) {
      EvidenceRef r;
      try {
        r = resolve.apply(ref);
      } catch (IllegalArgumentException e) {
        items.add(el("li", ref));
        continue;
      }
      Object file =
          r.resolved() == null
              ? el(
                  "span",
                  attrs("class", "warn", "title", "file not found next to the scenario"),
                  r.file())
              : Html.link(href(reportDir, r.resolved()), r.file());
      items.add(el("li", file, ": ", el("span", attrs("class", "quote"), "“" + r.quote() + "”")));
    }
    return el("ul", attrs("class", "evidence"), items);
  }

  /**
   * A link from the report's folder to a file: a relative path when both are on one file system
   * (the link survives moving or copying the whole checkout), else an absolute {@code file:} URI.
   */
  static String href(Path reportDir, Path target) {
    Path t = target.toAbsolutePath().normalize();
    if (reportDir == null) return t.toUri().toString();
    try {
      return reportDir.toAbsolutePath().normalize().relativize(t).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return t.toUri().toString();
    }
  }

  /** A table row; cells may be null (shown empty). */
  public static List<Object> row(Object... cells) {
    return java.util.Arrays.asList(cells);
  }

  private static void dt(List<Object> dl, String term, String value) {
    dl.add(Html.join(el("dt", term), el("dd", value)));
  }

  private static String weights(Scenario s, Map<String, Quantity> m) {
    List<String> parts = new ArrayList<>();
    m.forEach((id, q) -> parts.add(s.actor(id).map(Actor::name).orElse(id) + " " + range(q)));
    return String.join("; ", parts);
  }

  static String roleText(Role r) {
    return switch (r) {
      case PARTY -> "party (must sign)";
      case MEDIATOR -> "mediator (drafts the text)";
      case STAKEHOLDER -> "stakeholder (does not sign)";
      case VETO -> "veto player (does not sign; no text outside its red lines can be agreed)";
    };
  }

  private static String flexibilityWord(Quantity q) {
    if (q.max() < 1) return "holds out";
    if (q.min() > 1) return "concedes early";
    if (q.min() == 1 && q.max() == 1) return "concedes evenly";
    return "between holding out and conceding early";
  }

  static String redLine(RedLine r) {
    if (r == null || r.isNone()) return "none";
    if (r.min() != null && r.max() != null)
      return "between " + range(r.min()) + " and " + range(r.max());
    if (r.min() != null) return "at least " + range(r.min());
    return "at most " + range(r.max());
  }

  static String when(Timing t) {
    if (t instanceof Timing.At at) return at.month().toString();
    Timing.Random r = (Timing.Random) t;
    return "at random: " + pct(r.probability()) + " a month, " + r.from() + " to " + r.to();
  }

  static String changeText(Scenario s, Change c) {
    String who = s.actor(c.target().actor()).map(Actor::name).orElse(c.target().actor());
    String what =
        c.target().issue() == null
            ? ""
            : s.issue(c.target().issue()).map(Issue::label).orElse(c.target().issue()) + ", ";
    String field =
        c.target()
            .field()
            .replace("red_line.min", "red line (minimum)")
            .replace("red_line.max", "red line (maximum)")
            .replace('_', ' ')
            .replace('.', ' ');
    String op =
        switch (c.op()) {
          case SET -> "set to " + range(c.value());
          case SHIFT ->
              (c.value().max() <= 0
                  ? "lowered by " + range(negate(c.value()))
                  : c.value().min() >= 0
                      ? "raised by " + range(c.value())
                      : "shifted by " + range(c.value()));
          case SCALE -> "× " + range(c.value());
          case REMOVE -> "removed";
        };
    return who + ": " + what + field + " " + op;
  }

  private static Quantity negate(Quantity q) {
    if (q instanceof Quantity.Fixed f) return Quantity.of(-f.value());
    if (q instanceof Quantity.Uniform u) return new Quantity.Uniform(-u.hi(), -u.lo());
    if (q instanceof Quantity.Triangular t)
      return new Quantity.Triangular(-t.hi(), -t.mode(), -t.lo());
    return q;
  }

  /** A quantity in words a reader takes in at a glance: "45–70", "5–30, likeliest 15", "0.3". */
  public static String range(Quantity q) {
    if (q == null) return "–";
    if (q instanceof Quantity.Fixed f) return g(f.value());
    if (q instanceof Quantity.Uniform u) return g(u.lo()) + "–" + g(u.hi());
    if (q instanceof Quantity.Triangular t)
      return g(t.lo()) + "–" + g(t.hi()) + ", likeliest " + g(t.mode());
    if (q instanceof Quantity.Normal n)
      return "about " + g(n.mean()) + " ± " + g(n.sd()) + " (" + g(n.lo()) + "–" + g(n.hi()) + ")";
    if (q instanceof Quantity.Beta b)
      return g(b.lo()) + "–" + g(b.hi()) + ", mean " + g(b.nominal());
    return q.describe();
  }

  /** Up to three significant decimals, no trailing zeros. */
  static String g(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String f1(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
  }

  /** A probability as a percentage: "48%", "&lt;1%" for a small positive one. */
  public static String pct(double p) {
    if (Double.isNaN(p)) return "–";
    if (p > 0 && p < 0.005) return "<1%";
    if (p < 1 && p > 0.995) return ">99%";
    return Math.round(100 * p) + "%";
  }

  /** "46–50%". */
  public static String pctRange(double lo, double hi) {
    return Math.round(100 * lo) + "–" + Math.round(100 * hi) + "%";
  }

  /** "November 2024". */
  public static String monthName(YearMonth m) {
    return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
  }

  static String scaleEnds(Issue i) {
    if (i == null) return "";
    return "0: " + nz(i.low()) + " / 100: " + nz(i.high());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /**
   * Runs without a deal by the last month. ({@link ConvergenceOdds.BlockerShare#failedRuns} is the
   * runs that one party blocked, not all failed runs.)
   */
  static long failedRuns(ConvergenceOdds odds) {
    return odds.byMonth().isEmpty()
        ? 0
        : Math.max(0, odds.replications() - lastMonth(odds).agreed());
  }

  static MonthOdds lastMonth(ConvergenceOdds odds) {
    return odds.byMonth().get(odds.byMonth().size() - 1);
  }
}
