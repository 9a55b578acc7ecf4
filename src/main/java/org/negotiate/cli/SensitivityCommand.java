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
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.PieceJournal;
import org.negotiate.experiment.Sensitivity;
import org.negotiate.experiment.UncertainInput;
import org.negotiate.report.SensitivityReport;
import org.negotiate.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code negotiate sensitivity}: which uncertain inputs move the odds most. */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description = {
      "Which uncertain inputs move the odds most (one at a time, and Sobol indices).",
      "Which uncertain inputs move P(deal by the final month, or --month) most. At each design point the "
          + "studied inputs take the point's values (what the mediators know of red lines and reservations stays "
          + "the scenario's stated range) and --runs replications with the same seeds estimate the odds (common "
          + "random numbers). One at a time: each input at its minimum and maximum, the others nominal "
          + "(oat.csv, tornado.png/svg). Global: first-order and total Sobol indices by Saltelli's scheme on a "
          + "Sobol sequence, with bootstrap intervals (sobol.csv, sobol.png/svg). Writes to "
          + "results/sensitivity-<scenario>/<run-id>/. Cost: at most (2k + 1 + N(k + 2)) x --runs replications "
          + "for k inputs and N = --samples (a design row that repeats another is run once)."
    })
final class SensitivityCommand implements Callable<Integer> {
  static final int DEFAULT_RUNS = 50;
  static final int DEFAULT_SAMPLES = 64;

  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;
  @Mixin RunOptions run;
  @Mixin ResumeOption resumeOption;
  @Mixin EngineOptions engineOptions;

  @Option(
      names = "--samples",
      paramLabel = "N",
      description =
          "Sobol base samples (default: "
              + DEFAULT_SAMPLES
              + "; 0: one at a time only). Powers of 2 balance the Sobol sequence best.")
  Integer samples;

  @Option(
      names = "--bootstrap",
      paramLabel = "B",
      defaultValue = "500",
      description = "Bootstrap resamples for the Sobol intervals (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--inputs",
      paramLabel = "PATTERN",
      description = {
        "Study only these inputs: a key (turkey.withdrawal.position), a prefix (turkey, syria.withdrawal) "
            + "or a pattern with * (*.red_line.*). Repeatable. Default: every uncertain input."
      })
  List<String> patterns = new ArrayList<>();

  @Option(
      names = "--no-events",
      description =
          "Leave the events' change values out of the study (they are drawn as noise instead).")
  boolean noEvents;

  @Mixin CommonOptions.Month month;

  @Override
  public Integer call() throws Exception {
    Experiment x = Experiment.of("sensitivity", scenario, run, DEFAULT_RUNS);
    Scenario s = x.scenario();
    int n = x.replications();
    int r = x.rounds();
    int nSamples = CommandInputs.inRange("--samples", samples, DEFAULT_SAMPLES, 0, 1 << 20);
    if (bootstrap < 0 || bootstrap > 100_000)
      throw new BadInput("--bootstrap: expected an integer in [0, 100000], got " + bootstrap);
    int byRound = month.round(s, r);
    YearMonth m = s.calendar().month(byRound);

    List<UncertainInput> inputs = Explore.inputs("sensitivity", s, !noEvents, patterns);
    int k = inputs.size();
    if (2 * k > 1000 && nSamples > 0)
      throw new BadInput(
          "sensitivity: " + k + " inputs is more than the Sobol sequence's 500; use --inputs");
    long points = Sensitivity.points(k, nSamples);
    if (points * n > Integer.MAX_VALUE)
      throw new BadInput(
          "--samples/--runs: " + points + " points x " + n + " replications is too many");
    // the design (matrices A and B, then one row of k inputs per point) and a result per point
    long bytes = 2L * nSamples * (16 + 8L * k) + points * (16 + 8L * k) + points * (64 + 16L * r);
    CommandInputs.checkBudget(
        "sensitivity --samples "
            + nSamples
            + " with "
            + k
            + " inputs ("
            + points
            + " points x "
            + n
            + " replications)",
        points * n,
        bytes,
        "use fewer --samples, --inputs or --runs");
    // the design itself, once within the budget: only its distinct rows are run
    long runPoints = Sensitivity.points(inputs, nSamples).distinct().size();
    Sensitivity.Settings settings =
        new Sensitivity.Settings(
            n, r, x.exactRounds(), x.seed(), x.threads(), byRound, nSamples, bootstrap);

    String identity =
        x.resolved()
            + "\nsensitivity inputs="
            + inputs.stream().map(UncertainInput::key).toList()
            + "\nseed="
            + x.seed()
            + "\nreplications="
            + n
            + "\nrounds="
            + r
            + "\nmonth="
            + byRound
            + "\nsamples="
            + nSamples
            + "\nbootstrap="
            + bootstrap;
    String journalIdentity =
        "sensitivity\n"
            + identity
            + "\nexact_rounds="
            + x.exactRounds()
            + "\nevents="
            + !noEvents
            + "\nprotocol="
            + x.protocol().name()
            + "\npieces=distinct design points\n";
    try (Engine engine = engineOptions.open(x.threads(), "negotiate sensitivity " + s.name());
        Output out = x.openJournalled(identity, journalIdentity, resumeOption.resume)) {
      int resumedAt = out.resumed() ? PieceJournal.piecesIn(out.journal()) : -1;
      Sensitivity.Result result;
      try (ProgressBar bar = run.progress("replications", runPoints * n)) {
        result =
            Sensitivity.run(
                s,
                x.protocol(),
                inputs,
                settings,
                engine,
                new PieceJournal(out.journal()),
                bar == null ? null : d -> Progress.stepTo(bar, d * n));
      }
      out.write("scenario.resolved.yaml", x.resolved());
      // the two charts at once, on two cores
      try (Background parts = Background.of(Math.min(2, x.threads()))) {
        final Sensitivity.Result studied = result;
        Background.Part<java.util.List<Path>> sobolChart =
            studied.sobol() == null
                ? null
                : parts.submit(
                    () -> SensitivityReport.writeSobolChart(studied, s.name(), m, out.dir()));
        SensitivityReport.writeOat(result, out.file("oat.csv"));
        if (result.sobol() != null) SensitivityReport.writeSobol(result, out.file("sobol.csv"));
        SensitivityReport.writeTornado(result, s.name(), m, out.dir());
        if (sobolChart != null) sobolChart.get();
      }

      Manifest.Builder manifest = x.manifest(spec);
      manifest.put("month", m.toString());
      manifest.put("inputs", inputs.stream().map(UncertainInput::key).toList());
      manifest.put("events_included", !noEvents);
      manifest.put("samples", nSamples);
      manifest.put("bootstrap", bootstrap);
      manifest.put("design_points", points);
      manifest.put("distinct_points_run", runPoints);
      manifest.put("engine", EngineOptions.describe(engine));
      manifest.put("failed_replications", result.failedReplications());
      if (resumedAt >= 0) manifest.put("resumed_after_points", resumedAt);
      manifest.put(
          "model",
          "f(x) = P(deal by "
              + m
              + " | studied inputs = x) over replications 0.."
              + (n - 1)
              + " of the base seed (common random numbers at every point)");
      manifest.put(
          "sobol",
          "Saltelli 2010 first-order and Jansen 1999 total estimators on Commons Math's Sobol sequence in 2k "
              + "dimensions (first point skipped), unit-cube coordinates mapped by each input's quantile function; "
              + "percentile bootstrap over the N base rows");
      Path done =
          out.finish(
              manifest,
              summary(result),
              (man, charts, reportDir) ->
                  org.negotiate.report.Briefs.sensitivity(
                      s, scenario.source(), result, m, man, charts, reportDir));
      spec.commandLine().getOut().println(Explore.countRounds(s, summaryLine(result, m, done)));
      return 0;
    }
  }

  private static Map<String, Object> summary(Sensitivity.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("inputs", r.inputs().size());
    m.put("odds_nominal", r.nominalOdds());
    List<Sensitivity.OatRow> oat = SensitivityReport.oatBySwing(r);
    m.put("largest_swing", oat.get(0).input().key());
    m.put("largest_swing_value", oat.get(0).swing());
    if (r.sobol() != null) {
      Sensitivity.SobolRow top = SensitivityReport.sobolByTotal(r).get(0);
      m.put("mean_odds", r.meanOdds());
      m.put("largest_total_index", top.input().key());
      m.put("largest_total_index_value", top.total().value());
    }
    return m;
  }

  static String summaryLine(Sensitivity.Result r, YearMonth month, Path folder) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Sensitivity of P(deal by %s) to %d inputs: ",
                month,
                r.inputs().size()));
    if (r.sobol() != null) {
      List<Sensitivity.SobolRow> top = SensitivityReport.sobolByTotal(r);
      List<String> parts = new ArrayList<>();
      for (Sensitivity.SobolRow row : top.subList(0, Math.min(3, top.size()))) {
        parts.add(
            String.format(
                Locale.ROOT,
                "%s %.2f [%.2f, %.2f]",
                row.input().key(),
                row.total().value(),
                row.total().lower(),
                row.total().upper()));
      }
      s.append("largest total Sobol indices ").append(String.join(", ", parts)).append(" · ");
    }
    Sensitivity.OatRow o = SensitivityReport.oatBySwing(r).get(0);
    s.append(
        String.format(
            Locale.ROOT,
            "one at a time from %.2f, widest swing %s (%.2f at %s, %.2f at %s)",
            o.atNominal(),
            o.input().key(),
            o.atMin(),
            org.negotiate.report.Numbers.plain(o.min()),
            o.atMax(),
            org.negotiate.report.Numbers.plain(o.max())));
    return s.append(" · ").append(folder).append('/').toString();
  }
}
