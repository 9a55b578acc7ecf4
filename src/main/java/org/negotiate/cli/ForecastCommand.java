package org.negotiate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.negotiate.experiment.ModelComparison;
import org.negotiate.report.Briefs;
import org.negotiate.report.CsvTable;
import org.negotiate.report.ForecastChart;
import org.negotiate.report.Numbers;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code negotiate forecast}: the compromise, Nash and every protocol's forecast side by side. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {
      "Sets the models side by side: compromise, Nash and each protocol, per issue.",
      "Per issue: the compromise point, the Nash point and the outcome under each protocol (mediated, "
          + "eum, smp) over the same draws of the uncertain inputs, as a table and a chart, so you see where "
          + "the models agree and where they part. Writes forecast.csv and forecast.png/svg to results/forecast-<scenario>/<run-id>/."
    })
final class ForecastCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;

  @Mixin CommonOptions.Runs runs;
  @Mixin CommonOptions.Rounds rounds;
  @Mixin CommonOptions.Seed seed;
  @Mixin CommonOptions.Out out;

  /** Draws of the uncertain inputs per model when --runs is not given. */
  static final int DEFAULT_DRAWS = 200;

  @Option(
      names = "--quiet",
      description = "Print only the results line, not the table (forecast shows no progress bar).")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    Scenario s = CommandInputs.scenario(scenario);
    int n = runs.replications(DEFAULT_DRAWS, 100_000);
    int r = rounds.rounds(s.experiment().rounds());
    long base = seed.seed(s.experiment().seed());
    CommandInputs.checkRun(s, r, n, 1);
    List<ModelComparison.Forecast> forecasts = ModelComparison.compare(s, r, base, n);
    String resolved = ScenarioWriter.toYaml(s);
    try (Output folder =
        Output.open(
            "forecast",
            s.name(),
            out.root(),
            resolved + "\nforecast seed=" + base + " runs=" + n,
            started)) {
      folder.write("scenario.resolved.yaml", resolved);
      try (CsvTable t =
          CsvTable.open(
              folder.file("forecast.csv"),
              "issue",
              "method",
              "p10",
              "median",
              "p90",
              "p_agreement",
              "draws",
              "draws_without_forecast")) {
        for (ModelComparison.Forecast f : forecasts) {
          t.row(
              f.issueId(),
              f.method(),
              num(f.p10()),
              num(f.median()),
              num(f.p90()),
              Numbers.fixed(f.agreed(), 4),
              String.valueOf(f.draws()),
              String.valueOf(f.missing()));
        }
      }
      ForecastChart.write(s.name(), forecasts, n, base, folder.dir());
      Manifest.Builder manifest =
          new Manifest.Builder(CommandInputs.commandLine(spec))
              .scenario(
                  s.name(), String.valueOf(scenario.source()), scenario.allOverrides(), resolved)
              .run(base, null, r, null);
      manifest.put("draws", n);
      Path done =
          folder.finish(
              manifest,
              null,
              (m, charts, reportDir) ->
                  Briefs.forecast(s, scenario.source(), forecasts, m, charts, reportDir));
      PrintWriter o = spec.commandLine().getOut();
      String issue = null;
      for (ModelComparison.Forecast f : quiet ? List.<ModelComparison.Forecast>of() : forecasts) {
        if (!f.issueId().equals(issue)) {
          issue = f.issueId();
          o.println(f.label() + ":");
        }
        o.printf(
            Locale.ROOT,
            "  %-12s %6s  [%s, %s]%s%n",
            f.method(),
            num(f.median()),
            num(f.p10()),
            num(f.p90()),
            Double.isNaN(f.agreed())
                ? ""
                : String.format(Locale.ROOT, "  P(agreement) %.2f", f.agreed()));
      }
      o.println("results: " + done + "/");
      return 0;
    }
  }

  private static String num(double v) {
    return Numbers.fixed(v, 1);
  }
}
