package org.negotiate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.negotiate.experiment.ModelComparison;
import org.negotiate.report.Briefs;
import org.negotiate.report.ForecastChart;
import org.negotiate.report.ResultFolder;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code negotiate forecast}: the compromise, Nash and every protocol's forecast side by side. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = {
      "Sets the models side by side: compromise, Nash and each protocol, per issue.",
      "Per issue: the compromise point, the Nash point and the outcome under each protocol (mediated, "
      + "eum, smp) over the same draws of the uncertain inputs, as a table and a chart, so you see where "
      + "the models agree and where they part. Writes forecast.csv and forecast.png/svg."
    })
final class ForecastCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "200", description = "Draws of the uncertain inputs per model (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--rounds", paramLabel = "R", description = "Round limit (default: the scenario's experiment.rounds).")
  Integer rounds;

  @Option(names = "--seed", paramLabel = "S", converter = SeedConverter.class, description = "Base seed (default: the scenario's experiment.seed).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Results root (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--quiet", description = "Print only the results line, not the table (forecast shows no progress bar).")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    Scenario s = Inputs.scenario(scenario);
    int n = Inputs.inRange("--runs", runs, 200, 1, 100_000);
    int r = Inputs.inRange("--rounds", rounds, s.experiment().rounds(), 1, Inputs.MAX_ROUNDS);
    long base = seed != null ? seed : s.experiment().seed();
    Inputs.checkRun(s, r, n, 1);
    List<ModelComparison.Forecast> forecasts = ModelComparison.compare(s, r, base, n);
    String resolved = ScenarioWriter.toYaml(s);
    try (ResultFolder folder = ResultFolder.open(Inputs.outputRoot(out), s.name(), resolved + "\nforecast seed=" + base + " runs=" + n, started, "-forecast")) {
      folder.write("scenario.resolved.yaml", resolved);
      try (Writer w = Files.newBufferedWriter(folder.file("forecast.csv"), StandardCharsets.UTF_8)) {
        w.write("issue,method,p10,median,p90,p_agreement,draws,draws_without_forecast\n");
        for (ModelComparison.Forecast f : forecasts) {
          w.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%d,%d%n", f.issueId(), f.method(), num(f.p10()),
              num(f.median()), num(f.p90()), Double.isNaN(f.agreed()) ? "" : String.format(Locale.ROOT, "%.4f", f.agreed()),
              f.draws(), f.missing()));
        }
      }
      ForecastChart.write(s.name(), forecasts, n, base, folder.dir());
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("tool", "negotiate");
      manifest.put("version", Main.version());
      manifest.put("command", Inputs.commandLine(spec));
      manifest.put("scenario", s.name());
      manifest.put("scenario_sha256", ResultFolder.sha256(resolved));
      manifest.put("seed", base);
      manifest.put("draws", n);
      manifest.put("rounds", r);
      manifest.put("duration_ms", Duration.between(started, Instant.now()).toMillis());
      manifest.put("files", List.of("manifest.json", "scenario.resolved.yaml", "forecast.csv", "forecast.png", "forecast.svg", Briefs.FILE));
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.file("manifest.json").toFile(), manifest);
      Briefs.forecast(s, scenario.source(), forecasts, manifest, folder.dir(), folder.target()).write(folder.file(Briefs.FILE));
      Path done = folder.commit();
      PrintWriter o = spec.commandLine().getOut();
      String issue = null;
      for (ModelComparison.Forecast f : quiet ? List.<ModelComparison.Forecast>of() : forecasts) {
        if (!f.issueId().equals(issue)) {
          issue = f.issueId();
          o.println(f.label() + ":");
        }
        o.printf(Locale.ROOT, "  %-12s %6s  [%s, %s]%s%n", f.method(), num(f.median()), num(f.p10()), num(f.p90()),
            Double.isNaN(f.agreed()) ? "" : String.format(Locale.ROOT, "  P(agreement) %.2f", f.agreed()));
      }
      o.println("results: " + done + "/");
      return 0;
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
  }
}
