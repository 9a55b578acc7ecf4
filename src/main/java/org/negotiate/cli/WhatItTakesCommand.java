package org.negotiate.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.negotiate.experiment.WhatItTakes;
import org.negotiate.report.WhatItTakesReport;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code negotiate whatittakes}: the smallest single change to a main blocker that lifts the odds
 * above a threshold.
 */
@Command(
    name = "whatittakes",
    mixinStandardHelpOptions = true,
    description = {
      "The smallest change to a blocker's inputs that lifts the odds to a threshold.",
      "What it would take: for each main blocker (a party blocking at least --min-share of the failed runs), "
          + "the smallest change to one of its inputs (each stance's position toward the other parties, its red "
          + "lines relaxed, its reservation utility lowered, its flexibility raised) that lifts P(deal by the final "
          + "month, or --month) to --threshold, or the finding that no single change does. A change moves the "
          + "input's whole distribution; each is searched on a grid with the same seed (common random numbers), "
          + "then refined by bisection. Writes whatittakes.csv, trials.csv, whatittakes.txt and "
          + "whatittakes.png/svg and report.html (a brief of the levers) to results/whatittakes-<scenario>/<run-id>/. Cost: at most "
          + "1 + levers x (--grid + --refine) Monte Carlo points of --runs replications."
    })
final class WhatItTakesCommand implements Callable<Integer> {
  static final int DEFAULT_RUNS = 500;

  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;
  @Mixin RunOptions run;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      defaultValue = "0.5",
      description = "The odds to reach (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--min-share",
      paramLabel = "S",
      defaultValue = "0.2",
      description =
          "Share of the failed runs a party must block to count as a main blocker (default: ${DEFAULT-VALUE}).")
  double minShare;

  @Option(
      names = "--grid",
      paramLabel = "G",
      defaultValue = "10",
      description = "Changes tried per input on the grid (default: ${DEFAULT-VALUE}).")
  int grid;

  @Option(
      names = "--refine",
      paramLabel = "B",
      defaultValue = "3",
      description = "Bisection steps after the grid (default: ${DEFAULT-VALUE}).")
  int refine;

  @Mixin CommonOptions.Month month;

  @Override
  public Integer call() throws Exception {
    Experiment x = Experiment.of("whatittakes", scenario, run, DEFAULT_RUNS);
    Scenario s = x.scenario();
    int n = x.replications();
    int r = x.rounds();
    CommandInputs.inRange("--grid", grid, grid, 1, 1000);
    CommandInputs.inRange("--refine", refine, refine, 0, 30);
    if (!(threshold > 0 && threshold <= 1))
      throw new BadInput("--threshold: expected a number in (0, 1], got " + threshold);
    if (!(minShare >= 0 && minShare <= 1))
      throw new BadInput("--min-share: expected a number in [0, 1], got " + minShare);
    int byRound = month.round(s, r);
    YearMonth m = s.calendar().month(byRound);
    WhatItTakes.Settings settings =
        new WhatItTakes.Settings(
            n,
            r,
            x.exactRounds(),
            x.seed(),
            x.threads(),
            byRound,
            threshold,
            minShare,
            grid,
            refine);
    int levers = 0;
    for (Actor a : s.actors())
      if (a.role() == Role.PARTY) levers += WhatItTakes.levers(s, a.id()).size();
    long maxPoints = WhatItTakes.maxPoints(levers, settings);
    // the baseline's outcomes and each trial's share per run are kept while the search runs
    CommandInputs.checkBudget(
        "whatittakes: up to " + maxPoints + " points x " + n + " replications",
        maxPoints * n,
        (long) n * (64 + 8L * s.actors().size()) + maxPoints * 256,
        "use a smaller --grid, --refine or --runs");

    String identity =
        x.resolved()
            + "\nwhatittakes threshold="
            + threshold
            + "\nmin_share="
            + minShare
            + "\ngrid="
            + grid
            + "\nrefine="
            + refine
            + "\nseed="
            + x.seed()
            + "\nreplications="
            + n
            + "\nrounds="
            + r
            + "\nmonth="
            + byRound;
    try (Output out = x.open(identity)) {
      WhatItTakes.Result result;
      try (ProgressBar bar = run.progress("points (at most)", maxPoints)) {
        result =
            WhatItTakes.run(
                s, x.protocol(), settings, bar == null ? null : d -> Progress.stepTo(bar, d));
        if (bar != null) Progress.stepTo(bar, maxPoints);
      }
      out.write("scenario.resolved.yaml", x.resolved());
      WhatItTakesReport.writeCsv(result, out.file("whatittakes.csv"));
      WhatItTakesReport.writeTrials(result, out.file("trials.csv"));
      String text = WhatItTakesReport.text(result, m);
      out.write("whatittakes.txt", text);
      WhatItTakesReport.writeChart(result, s.name(), m, out.dir());

      Manifest.Builder manifest = x.manifest(spec);
      manifest.put("month", m.toString());
      manifest.put("threshold", threshold);
      manifest.put("min_share", minShare);
      manifest.put("grid", grid);
      manifest.put("refine", refine);
      manifest.put(
          "change",
          "a change moves the input's whole distribution (bounds clipped to the field's range); "
              + "flexibility is multiplied; each point runs as --set PATH=DISTRIBUTION with the same seed");
      Path done =
          out.finish(
              manifest,
              Explore.countRounds(s, summary(result, m)),
              (man, charts, reportDir) ->
                  org.negotiate.report.Briefs.whatItTakes(
                      s, scenario.source(), result, m, man, charts, reportDir));
      spec.commandLine().getOut().println(Explore.countRounds(s, summaryLine(result, m, done)));
      return 0;
    }
  }

  private static Map<String, Object> summary(WhatItTakes.Result r, YearMonth m) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("by_month", m.toString());
    s.put("odds", r.baseOdds());
    s.put("threshold", r.settings().threshold());
    s.put(
        "main_blockers",
        WhatItTakesReport.mainBlockers(r).stream().map(WhatItTakes.Blocker::actor).toList());
    List<Map<String, Object>> found = new ArrayList<>();
    List<String> none = new ArrayList<>();
    for (WhatItTakes.Finding f : r.findings()) {
      if (!f.found()) {
        none.add(f.lever().path());
        continue;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("input", f.lever().path());
      e.put("change", f.lever().describe(f.change()));
      e.put("set", f.reached().set());
      e.put("odds", f.reached().odds());
      e.put("lower95", f.reached().lower());
      e.put("upper95", f.reached().upper());
      e.put("interval_clears_threshold", WhatItTakesReport.clears(r, f));
      found.add(e);
    }
    s.put("changes_that_reach_the_threshold", found);
    s.put("no_single_change", none);
    return s;
  }

  static String summaryLine(WhatItTakes.Result r, YearMonth m, Path folder) {
    StringBuilder s =
        new StringBuilder(String.format(Locale.ROOT, "P(deal by %s) = %.2f", m, r.baseOdds()));
    double thr = r.settings().threshold();
    if (r.baseOdds() >= thr) {
      s.append(String.format(Locale.ROOT, ", already at or above %.2f", thr));
    } else if (WhatItTakesReport.mainBlockers(r).isEmpty()) {
      s.append(" · no main blocker");
    } else {
      List<String> blockers = new ArrayList<>();
      for (WhatItTakes.Blocker b : WhatItTakesReport.mainBlockers(r)) {
        blockers.add(
            String.format(Locale.ROOT, "%s (%.0f%% of failed runs)", b.actor(), 100 * b.share()));
      }
      s.append(" · main blocker")
          .append(blockers.size() > 1 ? "s " : " ")
          .append(String.join(", ", blockers));
      List<String> found = new ArrayList<>();
      List<String> none = new ArrayList<>();
      for (WhatItTakes.Finding f : r.findings()) {
        if (f.found()) {
          // "reaches" only when the interval's lower end does; otherwise the interval is shown
          found.add(
              WhatItTakesReport.clears(r, f)
                  ? String.format(
                      Locale.ROOT,
                      "%s %s (%.2f [%.2f, %.2f])",
                      f.lever().path(),
                      f.lever().describe(f.change()),
                      f.reached().odds(),
                      f.reached().lower(),
                      f.reached().upper())
                  : String.format(
                      Locale.ROOT,
                      "%s %s (%.2f [%.2f, %.2f], not surely: the interval reaches below)",
                      f.lever().path(),
                      f.lever().describe(f.change()),
                      f.reached().odds(),
                      f.reached().lower(),
                      f.reached().upper()));
        } else {
          none.add(f.lever().path());
        }
      }
      s.append(String.format(Locale.ROOT, " · estimated to reach %.2f: ", thr));
      s.append(found.isEmpty() ? "no single change does" : String.join(", ", found));
      if (!found.isEmpty() && !none.isEmpty())
        s.append(" · no single change of ").append(String.join(", ", none));
    }
    return s.append(" · ").append(folder).append('/').toString();
  }
}
