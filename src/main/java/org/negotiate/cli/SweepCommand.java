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
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.PieceJournal;
import org.negotiate.experiment.Sweep;
import org.negotiate.report.SweepReport;
import org.negotiate.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code negotiate sweep}: the odds of a deal as one or two inputs are set to each value of a grid.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the odds at every value of one or two inputs on a grid.",
      "Sets one or two inputs (any --set path) to each value of a grid and runs a Monte Carlo at every "
          + "point with the same seed (common random numbers). Writes sweep.csv (every point: odds by the final "
          + "month and by --month with 95%% Wilson intervals, main blocker; a value that makes the scenario "
          + "invalid is recorded as such) and sweep.png/svg (one input) or heatmap.png/svg (two) to "
          + "results/sweep-<scenario>/<run-id>/, with report.html, a brief of what it found. Cost: points x --runs replications."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;
  @Mixin RunOptions run;
  @Mixin ResumeOption resumeOption;
  @Mixin EngineOptions engineOptions;

  @Option(
      names = "--vary",
      paramLabel = "PATH=FROM:TO:STEPS",
      required = true,
      description = {
        "An input to sweep: STEPS values from FROM to TO inclusive, e.g. "
            + "turkey.withdrawal.position=0:100:11. Once or twice (two: a heat map)."
      })
  List<String> vary = new ArrayList<>();

  @Mixin CommonOptions.Month month;

  @Override
  public Integer call() throws Exception {
    Experiment x = Experiment.of("sweep", scenario, run, null);
    Scenario s = x.scenario();
    if (vary.isEmpty() || vary.size() > 2)
      throw new BadInput("--vary: give one or two parameters, got " + vary.size());
    List<Sweep.Axis> axes = new ArrayList<>();
    for (String v : vary) {
      try {
        Sweep.Axis a = Sweep.Axis.parse(v);
        Sweep.checkPath(s, a.path());
        axes.add(a);
      } catch (IllegalArgumentException e) {
        throw new BadInput("--vary: " + e.getMessage());
      }
    }
    if (axes.size() == 2 && axes.get(0).path().equals(axes.get(1).path())) {
      throw new BadInput("--vary: the two parameters are the same (" + axes.get(0).path() + ")");
    }
    int n = x.replications();
    int r = x.rounds();
    int finalRound = r - 1;
    int monthRound = month.round(s, r);
    long points = Sweep.grid(axes).size();
    if (points * n > Integer.MAX_VALUE)
      throw new BadInput(
          "--vary/--runs: " + points + " points x " + n + " replications is too many");
    // each point keeps its odds by month and blockers, and its journal entry is held while the
    // sweep runs
    long bytes = points * (512 + 96L * r + 64L * s.actors().size());
    CommandInputs.checkBudget(
        "sweep of " + points + " points x " + n + " replications",
        points * n,
        bytes,
        "use fewer STEPS or --runs");

    String identity =
        x.resolved()
            + "\nsweep="
            + vary
            + "\nseed="
            + x.seed()
            + "\nreplications="
            + n
            + "\nrounds="
            + r
            + "\nmonth="
            + monthRound;
    String journalIdentity =
        "sweep\n"
            + identity
            + "\nexact_rounds="
            + x.exactRounds()
            + "\nprotocol="
            + x.protocol().name()
            + "\n";
    try (Engine engine = engineOptions.open(x.threads(), "negotiate sweep " + s.name());
        Output out = x.openJournalled(identity, journalIdentity, resumeOption.resume)) {
      int resumedAt = out.resumed() ? PieceJournal.piecesIn(out.journal()) : -1;
      Sweep.Result result;
      try (ProgressBar bar = run.progress("replications", points * n)) {
        result =
            Sweep.run(
                s,
                x.protocol(),
                axes,
                x.options(),
                engine,
                new PieceJournal(out.journal()),
                bar == null ? null : d -> Progress.stepTo(bar, d));
      }
      YearMonth finalMonth = s.calendar().month(finalRound);
      YearMonth m = s.calendar().month(monthRound);
      out.write("scenario.resolved.yaml", x.resolved());
      SweepReport.writeCsv(result, finalRound, monthRound, out.file("sweep.csv"));
      SweepReport.writeCharts(
          result,
          s.name(),
          finalMonth,
          finalRound,
          m,
          monthRound,
          SweepReport.baselineRange(s, axes.get(0).path()),
          out.dir());

      Manifest.Builder manifest = x.manifest(spec);
      List<Map<String, Object>> ax = new ArrayList<>();
      for (Sweep.Axis a : axes) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", a.path());
        e.put("from", a.from());
        e.put("to", a.to());
        e.put("steps", a.steps());
        ax.add(e);
      }
      manifest.put("vary", ax);
      manifest.put("month", m.toString());
      manifest.put("engine", EngineOptions.describe(engine));
      manifest.put(
          "failed_replications", result.points().stream().mapToLong(Sweep.Point::failed).sum());
      if (resumedAt >= 0) manifest.put("resumed_after_points", resumedAt);
      manifest.put(
          "common_random_numbers",
          "every point uses the same base seed: replication i draws every other input from the same stream");
      Path done =
          out.finish(
              manifest,
              Explore.countRounds(s, summary(result, finalRound, finalMonth)),
              (man, charts, reportDir) ->
                  org.negotiate.report.Briefs.sweep(
                      s,
                      scenario.source(),
                      result,
                      finalRound,
                      finalMonth,
                      monthRound,
                      m,
                      man,
                      charts,
                      reportDir));
      spec.commandLine()
          .getOut()
          .println(Explore.countRounds(s, summaryLine(result, finalRound, finalMonth, done)));
      return 0;
    }
  }

  private static Sweep.Point best(Sweep.Result r, int round) {
    Sweep.Point best = null;
    for (Sweep.Point p : r.points()) {
      if (p.valid()
          && (best == null || SweepReport.at(p, round).odds() > SweepReport.at(best, round).odds()))
        best = p;
    }
    return best;
  }

  private static Map<String, Object> summary(Sweep.Result r, int finalRound, YearMonth finalMonth) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("by_month", finalMonth.toString());
    m.put("points", r.points().size());
    m.put("invalid_points", r.points().stream().filter(p -> !p.valid()).count());
    Sweep.Point b = best(r, finalRound);
    if (b != null) {
      m.put("max_odds", SweepReport.at(b, finalRound).odds());
      m.put("max_at", Sweep.overrides(r.axes(), b.values()));
    }
    return m;
  }

  static String summaryLine(Sweep.Result r, int finalRound, YearMonth finalMonth, Path folder) {
    List<Sweep.Point> valid = r.points().stream().filter(Sweep.Point::valid).toList();
    long invalid = r.points().size() - valid.size();
    String paths = String.join(" × ", r.axes().stream().map(Sweep.Axis::path).toList());
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Sweep of %s over %d points (%d replications each): ",
                paths,
                r.points().size(),
                r.replications()));
    if (valid.isEmpty()) {
      s.append("every point is invalid");
    } else {
      Sweep.Point b = best(r, finalRound);
      ConvergenceOdds.MonthOdds first = SweepReport.at(valid.get(0), finalRound);
      ConvergenceOdds.MonthOdds last = SweepReport.at(valid.get(valid.size() - 1), finalRound);
      s.append(
          String.format(
              Locale.ROOT,
              "P(deal by %s) %.2f at %s, %.2f at %s, highest %.2f at %s",
              finalMonth,
              first.odds(),
              String.join(", ", Sweep.overrides(r.axes(), valid.get(0).values())),
              last.odds(),
              String.join(", ", Sweep.overrides(r.axes(), valid.get(valid.size() - 1).values())),
              SweepReport.at(b, finalRound).odds(),
              String.join(", ", Sweep.overrides(r.axes(), b.values()))));
    }
    if (invalid > 0)
      s.append(" · ").append(invalid).append(invalid == 1 ? " invalid point" : " invalid points");
    return s.append(" · ").append(folder).append('/').toString();
  }
}
