package org.negotiate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.experiment.OutcomeAnalysis;
import org.negotiate.experiment.ReferenceSummary;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.analysis.OutcomeSpace;
import org.negotiate.report.Briefs;
import org.negotiate.report.OddsCharts;
import org.negotiate.report.OddsTables;
import org.negotiate.report.ResultFolder;
import org.negotiate.report.UtilityPlaneChart;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code negotiate odds}: convergence odds by Monte Carlo over the uncertain inputs. */
@Command(
    name = "odds",
    mixinStandardHelpOptions = true,
    description = {
      "The odds of a deal by month, over N replications of the uncertain inputs.",
      "Runs N replications, each with its own draw of the uncertain inputs, and writes the odds of "
          + "agreement by month (95%% Wilson intervals), the agreed terms, the blockers and the position "
          + "bands as CSV and charts to results/odds-<scenario>/<run-id>/."
    })
final class OddsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;
  @Mixin RunOptions run;
  @Mixin ResumeOption resumeOption;
  @Mixin EngineOptions engineOptions;

  @Option(
      names = "--analyse",
      paramLabel = "N",
      description = {
        "Set each deal of the first N replications against the parties' Pareto frontier and their Nash "
            + "and Kalai-Smorodinsky points, in outcomes.csv (some ms a run; 0: none; default 100, or 0 beyond "
            + OutcomeAnalysis.DEFAULT_MAX_PARTIES
            + " parties or "
            + OutcomeAnalysis.DEFAULT_MAX_ISSUES
            + " issues)."
      })
  Integer analyse;

  @Option(
      names = "--precision",
      paramLabel = "P",
      description = {
        "Run replications until the 95%% interval of the last month's odds is within ±P (e.g. 0.01), "
            + "adding them in stages of 1,000 and checking after each, so the same seed always stops at the "
            + "same count; --runs is then the most to run (default 10,000,000)."
      })
  Double precision;

  @Option(
      names = "--backtest",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "For a scenario that records its outcome: also forecast as of each month with N kept runs each and "
              + "score those forecasts against the outcome, for the brief's back-test box (0: skip; negotiate backtest "
              + "gives the full version; default ${DEFAULT-VALUE}).")
  int backtest;

  @Option(
      names = "--band",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "The model's own uncertainty beside the Monte Carlo interval: the odds under each structural "
              + "alternative (the other protocols, the named readings in the readings/ folder beside the scenario, the "
              + "protocol's uncertain parameters at the ends of their range), each over N runs of the same draws (0: skip; "
              + "default ${DEFAULT-VALUE}). Not for a run conditioned on observations.")
  int band;

  @Mixin CommonOptions.Month month;

  @Option(
      names = "--movers",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "What would move the odds, controlled, for the brief and oat.csv: each uncertain input at the bottom and the top "
              + "of its range, every other at its nominal value, over N replications of the same draws per point (a "
              + "one-at-a-time tornado: (2k + 1) x N replications for k inputs; 0: skip, the default). Not for a run "
              + "conditioned on observations or a deterministic input.")
  int movers;

  @Override
  public Integer call() throws Exception {
    if (precision != null && !(precision > 0 && precision < 0.5)) {
      throw new BadInput("--precision: expected a number in (0, 0.5), got " + precision);
    }
    Experiment x =
        Experiment.of(
            "odds", scenario, run, precision != null ? CommandInputs.MAX_REPLICATIONS : null);
    Scenario s = x.scenario();
    Protocol protocol = x.protocol();
    int n = x.replications();
    int r = x.rounds();
    int byRound = month.round(s, r);
    int t = x.threads();
    long base = x.seed();
    int requested = n;
    // a Monte Carlo over copies of one run would report an interval that means nothing
    boolean deterministic =
        precision == null
            && resumeOption.resume == null
            && n > 1
            && Determinism.deterministic(s, protocol, r, run.exactRounds(), base);
    if (deterministic) {
      n = 1;
      x = x.withReplications(1);
    }
    MonteCarlo.Options options = x.options();
    if (precision != null) options = options.withPrecision(precision);
    CommandInputs.checkRun(s, r, n, t);
    org.negotiate.experiment.Conditions conditions = CommandInputs.conditions(scenario, s, r, n);
    int backtestKept = CommandInputs.inRange("--backtest", backtest, 100, 0, 100_000);
    int bandRuns = CommandInputs.inRange("--band", band, 500, 0, 100_000);
    int moversRuns = CommandInputs.inRange("--movers", movers, 0, 0, 100_000);
    if (conditions != null) {
      if (resumeOption.resume != null) {
        throw new BadInput(
            "--resume: a forecast conditioned on observations (--as-of) cannot be resumed yet; run it again");
      }
      options = options.conditionedOn(conditions);
    }
    // every option is checked before the first replication: a bad one must not cost a run
    String analysisLeftOut = analyse == null ? OutcomeAnalysis.tooLargeByDefault(s) : null;
    int analyse = this.analyse != null ? this.analyse : analysisLeftOut != null ? 0 : 100;
    int analysed =
        CommandInputs.inRange("--analyse", analyse, 100, 0, CommandInputs.MAX_REPLICATIONS);

    // the back-test's months are cut first: those that draw what this run draws are judged on
    // its replications as it runs them (Riders), instead of being run again; cut before the result
    // folder opens, while the resolved scenario that names the folder is written on another thread
    org.negotiate.experiment.Backtest.Months backtestMonths = null;
    org.negotiate.experiment.Riders riders = null;
    String backtestProblem = null;
    if (backtestKept > 0 && scenario.loaded.caseFile().outcome() != null && r >= 2) {
      try {
        backtestMonths =
            org.negotiate.experiment.Backtest.months(
                scenario.loaded, protocol, backtestKept, r, base, t);
        riders = backtestMonths.riders(s, protocol, options);
      } catch (org.negotiate.scenario.ScenarioException e) {
        backtestProblem = String.valueOf(e.getMessage());
      }
    }

    String resolved = x.resolved();
    String identity =
        resolved
            + "\nseed="
            + base
            + "\nreplications="
            + n
            + "\nrounds="
            + r
            + (precision != null ? "\nprecision=" + precision : "");
    String journalIdentity =
        identity + "\nexact_rounds=" + (run.exactRounds()) + "\nprotocol=" + protocol.name() + "\n";
    try (Engine engine = engineOptions.open(t, "negotiate odds " + s.name());
        Output out = x.openJournalled(identity, journalIdentity, resumeOption.resume)) {
      ResultFolder folder = out.folder();
      int resumedAt =
          out.resumed() ? org.negotiate.experiment.RunJournal.replicationsIn(out.journal()) : -1;
      org.negotiate.experiment.RunJournal journal =
          new org.negotiate.experiment.RunJournal(out.journal());
      MonteCarlo.Result result;
      try (ProgressBar bar =
          run.progress(
              conditions == null ? "replications" : "replications tried (" + n + " to keep)",
              precision != null ? Math.min(n, MonteCarlo.replicationsFor(precision)) : n)) {
        result =
            MonteCarlo.run(
                s,
                protocol,
                options,
                bar == null
                    ? null
                    : Progress.of(bar, n, conditions == null ? n : conditions.maxAttempts()),
                conditions == null ? journal : null,
                engine,
                riders);
      }
      if (conditions != null && result.odds().replications() == 0) {
        throw CommandInputs.unreproduced(
            scenario,
            org.negotiate.experiment.NoReplicationReproduces.of(
                result, conditions, scenario.cut.month()));
      }
      ConvergenceOdds odds = result.requireOutcomes().odds();
      n = odds.replications(); // with a precision, the replications it took
      folder.write("scenario.resolved.yaml", resolved);
      OddsTables.writeOdds(odds, s.calendar().dated(), folder.file("odds.csv"));
      if (!result.failures().isEmpty())
        OddsTables.writeFailures(result.failures(), folder.file("failures.csv"));
      if (analysisLeftOut != null)
        spec.commandLine().getErr().println("negotiate: " + analysisLeftOut);
      ConvergenceOdds.MonthOdds byMonth = byRound(odds, byRound);
      String byWhen =
          s.calendar().dated() ? byMonth.month().toString() : "round " + byMonth.round();
      OutcomeAnalysis[] analysis;
      List<ReferenceSummary> reference;
      org.negotiate.report.BriefSections.WhatIfs whatIfs;
      org.negotiate.experiment.InputThirds thirds;
      org.negotiate.report.Html moversSection;
      Map<String, Object> summary = summary(odds, byRound, s.calendar().dated());
      Manifest.Builder manifest = x.manifest(spec).replications(n);
      // one run's yes or no under each alternative is no band: it needs replications to spread
      boolean banded =
          bandRuns > 0 && n > 1 && conditions == null && scenario.table == null && !deterministic;
      // The outputs are independent of each other and of the back-test and the band: on several
      // threads they are made at once, while the back-test and the band run; the results are taken
      // in a fixed order, so the files are the same whatever the thread count. A part that fails
      // is reported when its result is taken, after the band. Each chart is made ready to inline
      // by the thread that drew it, for the brief at the end.
      org.negotiate.report.SvgInline.Ahead ahead = new org.negotiate.report.SvgInline.Ahead();
      try (Background parts = Background.of(t)) {
        MonteCarlo.Options o = options;
        int runs = n;
        // what the observations taught, made while the back-test runs: first, as the longest part
        // (every input over every replication tried) and the one the manifest waits for
        Background.Part<org.negotiate.experiment.Posterior> posteriorPart =
            conditions == null
                ? null
                : parts.submit(
                    () -> {
                      org.negotiate.experiment.Posterior p =
                          org.negotiate.experiment.Posterior.of(
                              s, base, result.attempted(), result.outcomes());
                      org.negotiate.report.ForecastReport.writePosterior(
                          p, folder.file("posterior.csv"));
                      ahead.prepare(
                          () ->
                              org.negotiate.report.ForecastReport.posteriorChart(
                                  p, s.name(), scenario.cut.month().toString(), folder.dir()));
                      return p;
                    });

        // what goes with a deal, read off this run's own draws: no replication is added
        Background.Part<org.negotiate.experiment.InputThirds> thirdsPart =
            parts.submit(
                () -> {
                  org.negotiate.experiment.InputThirds th =
                      org.negotiate.experiment.InputThirds.of(
                          org.negotiate.experiment.UncertainInput.of(s, true),
                          result.outcomes(),
                          byRound);
                  if (!th.rows().isEmpty())
                    org.negotiate.report.MoversReport.writeCsv(th, folder.file("movers.csv"));
                  return th;
                });
        Background.Part<OutcomeAnalysis[]> analysisPart =
            parts.submit(
                () -> {
                  OutcomeAnalysis[] a = OutcomeAnalysis.of(s, o, result.outcomes(), analysed);
                  OddsTables.writeOutcomes(s, result, a, folder.file("outcomes.csv"));
                  return a;
                });
        Background.Part<List<ReferenceSummary>> referencePart =
            parts.submit(
                () -> {
                  List<ReferenceSummary> ref = ReferenceSummary.of(s, r, base, runs);
                  OddsTables.writeReference(ref, folder.file("reference.csv"));
                  return ref;
                });
        List<Background.Part<List<Path>>> chartParts = new ArrayList<>();
        java.time.YearMonth asOf = scenario.cut == null ? null : scenario.cut.month();
        for (OddsCharts.Chart c :
            OddsCharts.charts(
                odds,
                folder.dir(),
                asOf,
                s.calendar().dated(),
                OddsCharts.eventMarks(s),
                org.negotiate.report.BriefSections.BlockerReasons.of(result)))
          chartParts.add(parts.submit(() -> ahead.prepare(c::write)));
        chartParts.add(
            parts.submit(
                () -> ahead.prepare(() -> utilityPlane(s, r, runs, base, result, folder.dir()))));
        // submitted after the part it waits for, so a pool thread is already on that one
        Background.Part<List<Path>> moversChart =
            parts.submit(
                () -> {
                  org.negotiate.experiment.InputThirds th = thirdsPart.get();
                  return th.splitRows().isEmpty()
                      ? List.<Path>of()
                      : ahead.prepare(
                          () ->
                              org.negotiate.report.MoversReport.writeChart(
                                  th, s.name(), byWhen, runs, base, folder.dir()));
                });
        chartParts.add(moversChart);
        // the brief's movers section over the run's own draws, made once its chart is (without
        // --movers nothing else goes into it), rather than at the end
        Background.Part<org.negotiate.report.Html> moversSectionPart =
            moversRuns == 0
                ? parts.submit(
                    () -> {
                      moversChart.get();
                      org.negotiate.experiment.InputThirds th = thirdsPart.get();
                      return ahead.using(
                          () ->
                              org.negotiate.report.MoversReport.brief(
                                  th, byWhen, folder.dir(), false, conditions != null));
                    })
                : null;
        // read now for the brief's movers section (it loads every what-if scenario); with --movers
        // the section shows the measured swings instead
        Path source = scenario.source();
        Background.Part<org.negotiate.report.BriefSections.WhatIfs> whatIfsPart =
            moversRuns == 0
                ? parts.submit(() -> org.negotiate.report.BriefSections.WhatIfs.beside(source))
                : null;
        // the band's alternatives load the readings beside the scenario: ready when the band starts
        Background.Part<List<org.negotiate.experiment.StructuralBand.Alternative>>
            alternativesPart =
                banded
                    ? parts.submit(
                        () ->
                            org.negotiate.experiment.StructuralBand.standard(
                                s, readingsBeside(scenario.scenario)))
                    : null;
        OddsTables.writeRounds(odds, s.calendar().dated(), folder.file("rounds.csv"));
        manifest.put("failed_replications", result.failures().size());
        // its place in the manifest now, its value once the posterior is made
        if (scenario.cut != null) manifest.put("as_of", Map.of());
        if (backtestProblem != null) {
          manifest.put("backtest", Map.of("not_computed", backtestProblem));
        } else if (backtestMonths != null) {
          try {
            // on this machine's threads: a light check, not worth a cluster's start-up per month
            org.negotiate.experiment.Backtest bt;
            try (ProgressBar bar = run.progress("back-test (as-of months)", r - 1)) {
              bt =
                  org.negotiate.experiment.Backtest.run(
                      backtestMonths, null, bar == null ? null : d -> Progress.stepTo(bar, d));
            }
            org.negotiate.report.ForecastReport.writeBacktest(
                List.of(bt), folder.file("backtest.csv"));
            // drawn while the band runs
            chartParts.add(
                parts.submit(
                    () ->
                        ahead.prepare(
                            () ->
                                org.negotiate.report.ForecastReport.backtestChart(
                                    bt, folder.dir(), "backtest"))));
            manifest.put("backtest", BacktestCommand.scores(bt));
          } catch (org.negotiate.experiment.NoReplicationReproduces
              | org.negotiate.scenario.ScenarioException e) {
            // the forecast stands; the brief says why there is no back-test
            manifest.put("backtest", Map.of("not_computed", String.valueOf(e.getMessage())));
          }
        }
        if (banded) {
          // each alternative over the same draws: the spread is the model's, not the Monte Carlo's
          List<org.negotiate.experiment.StructuralBand.Alternative> alternatives =
              alternativesPart.get();
          MonteCarlo.Options bandOptions =
              new MonteCarlo.Options(Math.min(n, bandRuns), r, base, t, run.exactRounds());
          // the first alternative is the scenario as it stands: the odds just run hold its runs
          org.negotiate.experiment.StructuralBand.Alternative asItStands = alternatives.get(0);
          boolean same =
              asItStands.scenario() == s
                  && asItStands.protocol().getClass() == protocol.getClass()
                  && asItStands.protocol().name().equals(protocol.name())
                  && options.seed() == base
                  && options.rounds() == r
                  && options.exactRounds() == run.exactRounds()
                  && options.keepOutcomes();
          org.negotiate.experiment.StructuralBand.Result b;
          try (ProgressBar bar = run.progress("models and readings (band)", alternatives.size())) {
            b =
                org.negotiate.experiment.StructuralBand.run(
                    alternatives,
                    bandOptions,
                    same ? result : null,
                    bar == null ? null : d -> Progress.stepTo(bar, d));
          }
          manifest.put("structural_band", bandEntry(b, Math.min(n, bandRuns)));
        }
        if (scenario.cut != null)
          manifest.put(
              "as_of",
              Explore.asOf(
                  scenario.cut, result, posteriorPart == null ? null : posteriorPart.get()));
        // the stages after the replications show their progress too (issue 16 item 2); the
        // charts and tables were made alongside the back-test and the band, so this bar mostly
        // waits for the last of them
        try (ProgressBar bar = run.progress("charts and tables", chartParts.size() + 2)) {
          long made = 0;
          for (Background.Part<List<Path>> c : chartParts) {
            c.get();
            if (bar != null) Progress.stepTo(bar, ++made);
          }
          analysis = analysisPart.get();
          if (bar != null) Progress.stepTo(bar, ++made);
          reference = referencePart.get();
          if (bar != null) Progress.stepTo(bar, ++made);
        }
        thirds = thirdsPart.get();
        moversSection = moversSectionPart == null ? null : moversSectionPart.get();
        whatIfs = whatIfsPart == null ? null : whatIfsPart.get();
      }
      summary.putAll(analysisSummary(analysis));
      org.negotiate.experiment.Sensitivity.Result oat = null;
      if (moversRuns > 0 && conditions == null && !deterministic) {
        // over the same draws as the odds: a swing is the input's, not the Monte Carlo's
        List<org.negotiate.experiment.UncertainInput> inputs =
            org.negotiate.experiment.UncertainInput.of(s, true);
        if (!inputs.isEmpty()) {
          oat =
              org.negotiate.experiment.Sensitivity.run(
                  s,
                  protocol,
                  inputs,
                  new org.negotiate.experiment.Sensitivity.Settings(
                      moversRuns, r, run.exactRounds(), base, t, byRound, 0, 0),
                  engine,
                  null,
                  null);
          // movers.csv is the association over the run's own draws, written above
          org.negotiate.report.SensitivityReport.writeOat(oat, folder.file("oat.csv"));
          org.negotiate.report.SensitivityReport.writeCharts(
              oat, s.name(), s.calendar().month(byRound), folder.dir());
          org.negotiate.experiment.Sensitivity.OatRow top =
              org.negotiate.report.SensitivityReport.oatBySwing(oat).get(0);
          Map<String, Object> mv = new LinkedHashMap<>();
          mv.put("replications_per_point", moversRuns);
          mv.put("inputs", inputs.size());
          mv.put("odds_nominal", oat.nominalOdds());
          mv.put("largest_swing", top.input().key());
          mv.put("largest_swing_value", top.swing());
          manifest.put("movers", mv);
        }
      }
      if (!thirds.splitRows().isEmpty()) {
        org.negotiate.experiment.InputThirds.Row top = thirds.splitRows().get(0);
        Map<String, Object> mt = new LinkedHashMap<>();
        mt.put("runs", thirds.runs());
        mt.put("inputs", thirds.rows().size());
        mt.put("widest_gap", top.input().key());
        mt.put("widest_gap_value", top.gap().estimate());
        manifest.put("movers_by_draws", mt);
      }
      org.negotiate.experiment.Sensitivity.Result moved = oat;
      if (precision != null) {
        manifest.put("precision", precision);
        manifest.put("max_replications", options.replications());
      }
      if (resumedAt >= 0) manifest.put("resumed_after_replications", resumedAt);
      if (analysisLeftOut != null) manifest.put("analysis_note", analysisLeftOut);
      if (deterministic) {
        manifest.put(
            "deterministic",
            "no uncertain input and two replications gave the same run: one was run");
        manifest.put("replications_requested", requested);
      }
      manifest.put("engine", EngineOptions.describe(engine));
      // the same experiment from this folder alone: the resolved scenario with every setting
      // spelled out
      manifest.put(
          "rerun",
          "negotiate odds scenario.resolved.yaml --seed "
              + base
              + " --runs "
              + options.replications()
              + (run.exactRounds() ? " --rounds " + r : "")
              + (precision != null ? " --precision " + precision : "")
              + " --analyse "
              + analyse
              + " --backtest "
              + backtestKept
              + (scenario.cut != null ? " --as-of " + scenario.cut.month() : " --as-of none"));
      Path done;
      try (ProgressBar bar = run.progress("brief and manifest", 1)) {
        done =
            out.finish(
                manifest,
                summary,
                (m, charts, reportDir) ->
                    ahead.using(
                        () ->
                            Briefs.odds(
                                s,
                                scenario.source(),
                                result,
                                reference,
                                m,
                                charts,
                                reportDir,
                                moved == null ? null : Briefs.oneAtATime(moved, charts),
                                moversSection != null
                                    ? moversSection
                                    : org.negotiate.report.MoversReport.brief(
                                        thirds, byWhen, charts, moved != null, conditions != null),
                                whatIfs)));
        if (bar != null) Progress.stepTo(bar, 1);
      }
      // one replication (asked for, or a table's default) has no interval to report
      boolean oneRun =
          !deterministic && conditions == null && n == 1 && result.outcomes().size() == 1;
      String line =
          deterministic || oneRun
              ? deterministicLine(odds, result, s, byRound, requested, done, deterministic)
              : summaryLine(odds, result.failures().size(), done, byRound);
      // an actor table has no dates: its months are a placeholder calendar, so the line counts
      // rounds
      if (!s.calendar().dated() && !deterministic && !oneRun) {
        ConvergenceOdds.MonthOdds by = byRound(odds, byRound);
        line =
            line.replaceFirst(
                "^P\\(deal by " + by.month() + "\\)", "P(deal by round " + by.round() + ")");
      }
      // what qualifies the odds goes before the folder, so the line still ends with where the
      // results are
      String extras = "";
      if (scenario.cut != null) extras += " · " + Explore.asOfLine(scenario.cut, result);
      if (manifest.get("structural_band") instanceof Map<?, ?> b) {
        extras +=
            String.format(
                Locale.ROOT,
                " · across models and readings %.2f–%.2f",
                ((Number) b.get("min")).doubleValue(),
                ((Number) b.get("max")).doubleValue());
      }
      spec.commandLine()
          .getOut()
          .println(line.replace(" · " + done + "/", extras + " · " + done + "/"));
      return 0;
    }
  }

  /**
   * The named readings of contested evidence: the scenarios in the readings/ folder beside the
   * scenario file.
   */
  static List<Path> readingsBeside(Path scenarioFile) throws java.io.IOException {
    if (scenarioFile == null) return List.of();
    Path dir = scenarioFile.toAbsolutePath().getParent().resolve("readings");
    if (!Files.isDirectory(dir)) return List.of();
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static Map<String, Object> bandEntry(
      org.negotiate.experiment.StructuralBand.Result b, int runs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("min", b.min());
    m.put("max", b.max());
    m.put("replications_each", runs);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (org.negotiate.experiment.StructuralBand.Row row : b.rows()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("alternative", row.name());
      e.put("odds", row.odds());
      e.put("lower95", row.lower());
      e.put("upper95", row.upper());
      rows.add(e);
    }
    m.put("alternatives", rows);
    return m;
  }

  /**
   * The two parties' utility plane at the nominal inputs (red lines ignored when they leave no zone
   * there), with every agreed package; only for scenarios with exactly two parties.
   */
  private static List<Path> utilityPlane(
      Scenario s, int rounds, int n, long seed, MonteCarlo.Result result, Path dir)
      throws java.io.IOException {
    NegotiationSetup nominal = SetupSampler.nominal(s, rounds);
    int[] parties = nominal.indicesOf(Role.PARTY);
    if (parties.length != 2) return List.of();
    OutcomeSpace space = OutcomeSpace.of(nominal.initial(), parties);
    String note = "judged utilities at the nominal inputs";
    if (!space.feasible()) {
      space = OutcomeSpace.unconstrained(nominal.initial(), parties);
      note += "; their red lines leave no zone there, so they are ignored";
    }
    List<double[]> agreed = new ArrayList<>();
    for (RunOutcome o : result.outcomes()) if (o.agreed()) agreed.add(o.terms());
    double[] statusQuo =
        s.issues().stream().allMatch(i -> i.statusQuo() != null)
            ? s.issues().stream().mapToDouble(i -> i.statusQuo().nominal()).toArray()
            : null;
    UtilityPlaneChart.Plane plane =
        UtilityPlaneChart.plane(
            space,
            parties[0],
            parties[1],
            nominal.actorNames().get(parties[0]),
            nominal.actorNames().get(parties[1]),
            statusQuo,
            agreed);
    return UtilityPlaneChart.write(plane, s.name(), n, seed, note, dir, "utility-plane");
  }

  /** How efficient the deals were: the share on the Pareto frontier and the median distances. */
  private static Map<String, Object> analysisSummary(OutcomeAnalysis[] analysis) {
    List<Double> gaps = new ArrayList<>();
    List<Double> nash = new ArrayList<>();
    long zoneAtEnd = 0;
    long analysed = 0;
    for (OutcomeAnalysis a : analysis) {
      if (a == null) continue;
      analysed++;
      if (a.zone()) zoneAtEnd++;
      if (a.agreed() != null) {
        gaps.add(a.agreed().toFrontier());
        if (!Double.isNaN(a.agreed().toNashTerms())) nash.add(a.agreed().toNashTerms());
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    if (analysed == 0) return m;
    m.put("analysed_replications", analysed);
    m.put("share_with_zone_at_end", (double) zoneAtEnd / analysed);
    if (!gaps.isEmpty()) {
      gaps.sort(null);
      m.put(
          "share_of_deals_on_pareto_frontier",
          gaps.stream().filter(g -> g <= 0.01).count() / (double) gaps.size());
      m.put("median_pareto_gap", gaps.get((gaps.size() - 1) / 2));
    }
    if (!nash.isEmpty()) {
      nash.sort(null);
      m.put("median_distance_to_nash_terms", nash.get((nash.size() - 1) / 2));
    }
    return m;
  }

  private static Map<String, Object> summary(ConvergenceOdds odds, int byRound, boolean dated) {
    ConvergenceOdds.MonthOdds last = byRound(odds, byRound);
    Map<String, Object> m = new LinkedHashMap<>();
    // an actor table's months are a placeholder: its summary names the round
    if (dated) m.put("by_month", last.month().toString());
    else m.put("by_round", last.round());
    m.put("odds", last.odds());
    m.put("lower95", last.lower());
    m.put("upper95", last.upper());
    if (!odds.blockers().isEmpty() && odds.blockers().get(0).failedRuns() > 0) {
      m.put("main_blocker", odds.blockers().get(0).actorId());
      m.put("main_blocker_share", odds.blockers().get(0).share());
    }
    return m;
  }

  /**
   * The line for a deterministic input: what its one run did, without an interval over copies of
   * it.
   */
  private static String deterministicLine(
      ConvergenceOdds odds,
      MonteCarlo.Result result,
      Scenario s,
      int byRound,
      int requested,
      Path folder,
      boolean deterministic) {
    org.negotiate.sim.RunOutcome o = result.outcomes().get(0);
    boolean undated = !s.calendar().dated();
    String when =
        undated
            ? "round " + o.round()
            : s.calendar().month(o.round()) + " (round " + o.round() + ")";
    String what =
        switch (o.ending()) {
          case AGREED -> "deal in " + when;
          case BREAKDOWN -> "breakdown in " + when;
          default -> "no deal by " + when;
        };
    // --month or --round before the run's end: first what holds by then
    if (o.round() > byRound
        && (o.agreed() || o.ending() == org.negotiate.protocol.RoundClose.Ending.BREAKDOWN)) {
      what = "no deal by " + s.calendar().label(byRound) + " (then " + what + ")";
    }
    String blocker =
        o.agreed() || odds.blockers().isEmpty()
            ? ""
            : " · blocker: " + odds.blockers().get(0).actorId();
    String head =
        deterministic
            ? "Deterministic input: one run, as every replication would be the same"
                + (requested > 1 ? " (not " + requested + ")" : "")
            : "One replication: no odds or interval from one run (give --runs N for them)";
    return head + " · " + what + blocker + " · " + folder + "/";
  }

  static String summaryLine(ConvergenceOdds odds, Path folder) {
    return summaryLine(odds, 0, folder);
  }

  /** The summary line; with failed replications, how many and where they are listed. */
  static String summaryLine(ConvergenceOdds odds, int failedReplications, Path folder) {
    return summaryLine(odds, failedReplications, folder, odds.byMonth().size() - 1);
  }

  /**
   * The odds by the end of round {@code byRound} (the last month the runs reached, if they stopped
   * before it).
   */
  private static ConvergenceOdds.MonthOdds byRound(ConvergenceOdds odds, int byRound) {
    return odds.byMonth().get(Math.min(byRound, odds.byMonth().size() - 1));
  }

  static String summaryLine(
      ConvergenceOdds odds, int failedReplications, Path folder, int byRound) {
    ConvergenceOdds.MonthOdds last = byRound(odds, byRound);
    String blocker =
        odds.blockers().isEmpty() || odds.blockers().get(0).failedRuns() == 0
            ? "no failed runs"
            : String.format(
                Locale.ROOT,
                "main blocker: %s (%.0f%% of failed runs)",
                odds.blockers().get(0).actorId(),
                100 * odds.blockers().get(0).share());
    String line =
        String.format(
            Locale.ROOT,
            "P(deal by %s) = %.2f [%.2f, %.2f] over %d replications · %s · %s/",
            last.month(),
            last.odds(),
            last.lower(),
            last.upper(),
            odds.replications(),
            blocker,
            folder);
    // after the folder, so that the line up to the folder reads as it always has
    return failedReplications == 0
        ? line
        : line
            + " · "
            + failedReplications
            + (failedReplications == 1 ? " replication" : " replications")
            + " failed, see failures.csv";
  }
}
