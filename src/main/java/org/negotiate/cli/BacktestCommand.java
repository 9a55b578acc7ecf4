package org.negotiate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.negotiate.experiment.Backtest;
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.NoReplicationReproduces;
import org.negotiate.protocol.Protocol;
import org.negotiate.report.ForecastReport;
import org.negotiate.report.ResultFolder;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.scenario.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code negotiate backtest}: forecasts made as of each month, scored against what happened. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description =
        "For each month from the start to the month before the last, forecasts an agreement by the last "
            + "simulated month as of that month (only evidence, events and observations known by then, and no deal so far), "
            + "and scores the forecasts against the outcome the scenario records: Brier and log scores, and the Brier skill "
            + "against the scenario's base rate and a forecaster who extrapolates the months without a deal. Several "
            + "scenarios (several cases) give one table and a reliability diagram across them. Writes backtest.csv, a "
            + "chart per case and reliability.png.")
final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin EngineOptions engineOptions;

  @Parameters(
      arity = "1..*",
      paramLabel = "SCENARIO",
      description = "Scenario files that record an outcome.")
  List<Path> scenarios;

  /** --runs is the kept replications per as-of forecast (default 1000). */
  @Mixin RunOptions run;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    int n = run.replications(1000);
    int t = run.threads();
    List<Scenario> loaded = new ArrayList<>();
    for (Path p : scenarios) {
      Scenario s = ScenarioLoader.load(p);
      if (s.caseFile().outcome() == null) {
        throw new BadInput(
            p
                + ": outcome: the scenario records no outcome; add an outcome: section (agreement, month, "
                + "summary, source) to back-test it");
      }
      int r = run.rounds(s.experiment().rounds());
      if (r < 2) throw new BadInput("--rounds: a back-test needs at least 2 months, got " + r);
      CommandInputs.checkRun(s, r, n, t);
      loaded.add(s);
    }
    StringBuilder identity =
        new StringBuilder(
            "backtest runs="
                + n
                + " rounds="
                + run.rounds.rounds
                + " seed="
                + run.seed.seed
                + "\n");
    List<String> names = new ArrayList<>();
    for (Scenario s : loaded) {
      identity.append(ScenarioWriter.toYaml(s));
      names.add(s.name());
    }
    List<Backtest> cases = new ArrayList<>();
    try (Engine engine = engineOptions.open(t, "negotiate backtest");
        Output folder =
            Output.open(
                "backtest",
                String.join("+", names),
                run.outputRoot(),
                identity.toString(),
                started)) {
      for (int i = 0; i < loaded.size(); i++) {
        Scenario s = loaded.get(i);
        int r = run.rounds(s.experiment().rounds());
        long base = run.seed(s.experiment().seed());
        Protocol protocol = CommandInputs.protocol(s);
        try (ProgressBar bar = run.progress("back-test " + s.name(), r - 1)) {
          cases.add(
              Backtest.run(
                  s,
                  protocol,
                  n,
                  r,
                  base,
                  t,
                  engine,
                  bar == null ? null : d -> Progress.stepTo(bar, d)));
        } catch (NoReplicationReproduces e) {
          throw new BadInput(scenarios.get(i) + ": " + e.getMessage());
        } catch (ScenarioException e) {
          throw new ScenarioException(
              e.problems().stream()
                  .map(
                      pr ->
                          new org.negotiate.scenario.Problem(
                              scenarios.get(loaded.indexOf(s)).toString(),
                              pr.line(),
                              pr.column(),
                              pr.field(),
                              pr.message()))
                  .toList());
        }
      }
      ForecastReport.writeBacktest(cases, folder.file("backtest.csv"));
      for (Backtest b : cases) {
        String name =
            cases.size() == 1 ? "backtest" : "backtest-" + ResultFolder.safeName(b.scenario());
        ForecastReport.backtestChart(b, folder.dir(), name);
      }
      ForecastReport.reliabilityChart(cases, folder.dir());
      Manifest.Builder manifest = new Manifest.Builder(CommandInputs.commandLine(spec));
      manifest.put("kept_replications_per_forecast", n);
      List<Map<String, Object>> scores = new ArrayList<>();
      for (Backtest b : cases) scores.add(scores(b));
      manifest.put("cases", scores);
      manifest.put("engine", EngineOptions.describe(engine));
      Path done = folder.finish(manifest, null, null);
      PrintWriter o = spec.commandLine().getOut();
      for (Backtest b : cases) o.println(line(b));
      o.println("results: " + done + "/");
      return 0;
    }
  }

  static Map<String, Object> scores(Backtest b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", b.scenario());
    m.put("target", "agreement by " + b.target());
    m.put("outcome", b.outcome());
    m.put("as_of_months", b.months().size());
    m.put("mean_brier", b.meanBrier());
    m.put("mean_log_score", b.meanLogScore());
    m.put("base_rate", b.baseRate());
    m.put("mean_brier_base_rate", b.meanBrierBaseRate());
    m.put("mean_brier_no_deal_so_far", b.meanBrierNoDealSoFar());
    m.put("skill_vs_base_rate", Backtest.skill(b.meanBrier(), b.meanBrierBaseRate()));
    m.put("skill_vs_no_deal_so_far", Backtest.skill(b.meanBrier(), b.meanBrierNoDealSoFar()));
    return m;
  }

  static String line(Backtest b) {
    return String.format(
        Locale.ROOT,
        "%s: %d as-of forecasts of an agreement by %s (outcome: %s) · mean Brier %.3f, "
            + "log score %.3f · skill %+.2f against the base rate %.2f, %+.2f against no-deal-so-far",
        b.scenario(),
        b.months().size(),
        b.target(),
        b.outcome() ? "agreement" : "no agreement",
        b.meanBrier(),
        b.meanLogScore(),
        Backtest.skill(b.meanBrier(), b.meanBrierBaseRate()),
        b.baseRate(),
        Backtest.skill(b.meanBrier(), b.meanBrierNoDealSoFar()));
  }
}
