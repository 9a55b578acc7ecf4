package org.negotiate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.analysis.OutcomeSpace;
import org.negotiate.report.UtilityPlaneChart;
import org.negotiate.scenario.Role;
import org.negotiate.sim.RunOutcome;
import org.negotiate.experiment.ReferenceSummary;
import org.negotiate.protocol.Protocol;
import org.negotiate.report.Briefs;
import org.negotiate.report.OddsCharts;
import org.negotiate.report.OddsTables;
import org.negotiate.report.ResultFolder;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code negotiate odds}: convergence odds by Monte Carlo over the uncertain inputs. */
@Command(name = "odds", mixinStandardHelpOptions = true,
    description = {
      "Runs N replications, each with its own draw of the uncertain inputs, and writes the odds of",
      "agreement by month (95%% Wilson intervals), the agreed terms, the blockers and the position",
      "bands as CSV and charts to results/<scenario>/<run-id>/."
    })
final class OddsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;
  @Mixin RunOptions run;
  @Mixin ResumeOption resumeOption;
  @Mixin EngineOptions engineOptions;

  @Option(names = "--analyse", paramLabel = "N", defaultValue = "100",
      description = {"Set each deal of the first N replications against the parties' Pareto frontier and their Nash",
        "and Kalai-Smorodinsky points, in outcomes.csv (some ms a run; 0: none; default ${DEFAULT-VALUE})."})
  int analyse;

  @Option(names = "--precision", paramLabel = "P",
      description = {
        "Run replications until the 95%% interval of the last month's odds is within ±P (e.g. 0.01),",
        "adding them in stages of 1,000 and checking after each, so the same seed always stops at the",
        "same count; --runs is then the most to run (default 10,000,000)."
      })
  Double precision;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    Scenario s = Inputs.scenario(scenario);
    Protocol protocol = Inputs.protocol(s);
    if (precision != null && !(precision > 0 && precision < 0.5)) {
      throw new BadInput("--precision: expected a number in (0, 0.5), got " + precision);
    }
    int n = run.replications(precision != null ? Inputs.MAX_REPLICATIONS : s.experiment().replications());
    int r = run.rounds(s.experiment().rounds());
    int t = run.threads();
    long base = run.seed(s.experiment().seed());
    MonteCarlo.Options options = new MonteCarlo.Options(n, r, base, t, run.exactRounds());
    if (precision != null) options = options.withPrecision(precision);
    Inputs.checkRun(s, r, n, t);
    // every option is checked before the first replication: a bad one must not cost a run
    int analysed = Inputs.inRange("--analyse", analyse, 100, 0, Inputs.MAX_REPLICATIONS);

    String resolved = ScenarioWriter.toYaml(s);
    String identity = resolved + "\nseed=" + base + "\nreplications=" + n + "\nrounds=" + r
        + (precision != null ? "\nprecision=" + precision : "");
    String journalIdentity = identity + "\nexact_rounds=" + (run.exactRounds()) + "\nprotocol=" + protocol.name() + "\n";
    try (Engine engine = engineOptions.open(t, "negotiate odds " + s.name());
        JournalledFolder journalled = JournalledFolder.open("odds", resumeOption.resume, run.outputRoot(), s.name(), identity,
            journalIdentity, started)) {
      ResultFolder folder = journalled.folder();
      int resumedAt = journalled.resumed() ? org.negotiate.experiment.RunJournal.replicationsIn(journalled.journal()) : -1;
      org.negotiate.experiment.RunJournal journal = new org.negotiate.experiment.RunJournal(journalled.journal());
      MonteCarlo.Result result;
      try (ProgressBar bar = run.progress("replications",
          precision != null ? Math.min(n, MonteCarlo.replicationsFor(precision)) : n)) {
        result = MonteCarlo.run(s, protocol, options, bar == null ? null : done -> {
          synchronized (bar) {
            if (done > bar.getMax()) bar.maxHint(done); // a precision can need more than the guide said
          }
          Progress.stepTo(bar, done);
        }, journal, engine);
      }
      ConvergenceOdds odds = result.requireOutcomes().odds();
      n = odds.replications(); // with a precision, the replications it took
      folder.write("scenario.resolved.yaml", resolved);
      OddsTables.writeOdds(odds, folder.file("odds.csv"));
      if (!result.failures().isEmpty()) OddsTables.writeFailures(result.failures(), folder.file("failures.csv"));
      OutcomeAnalysis[] analysis = OutcomeAnalysis.of(s, options, result.outcomes(), analysed);
      OddsTables.writeOutcomes(s, result, analysis, folder.file("outcomes.csv"));
      OddsTables.writeRounds(odds, folder.file("rounds.csv"));
      List<ReferenceSummary> reference = ReferenceSummary.of(s, r, base, n);
      OddsTables.writeReference(reference, folder.file("reference.csv"));
      List<Path> charts = new ArrayList<>(OddsCharts.writeAll(odds, folder.dir()));
      charts.addAll(utilityPlane(s, r, n, base, result, folder.dir()));

      Map<String, Object> summary = summary(odds);
      summary.putAll(analysisSummary(analysis));
      Map<String, Object> manifest = Explore.manifest(spec, scenario, s, protocol, resolved, base, n, r, t);
      manifest.put("failed_replications", result.failures().size());
      if (precision != null) {
        manifest.put("precision", precision);
        manifest.put("max_replications", options.replications());
      }
      if (resumedAt >= 0) manifest.put("resumed_after_replications", resumedAt);
      manifest.put("engine", EngineOptions.describe(engine));
      manifest.put("started_utc", started.toString());
      manifest.put("duration_ms", Duration.between(started, Instant.now()).toMillis());
      manifest.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
      manifest.put("java_version", System.getProperty("java.version"));
      manifest.put("java_vendor", System.getProperty("java.vendor"));
      manifest.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
      manifest.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
      // the same experiment from this folder alone: the resolved scenario with every setting spelled out
      manifest.put("rerun", "negotiate odds scenario.resolved.yaml --seed " + base + " --runs " + options.replications()
          + (run.exactRounds() ? " --rounds " + r : "") + (precision != null ? " --precision " + precision : "")
          + " --analyse " + analyse);
      List<String> files = new ArrayList<>(List.of("manifest.json", "scenario.resolved.yaml", "odds.csv", "outcomes.csv", "rounds.csv", "reference.csv"));
      if (!result.failures().isEmpty()) files.add("failures.csv");
      charts.forEach(c -> files.add(c.getFileName().toString()));
      files.add(Briefs.FILE);
      manifest.put("files", files);
      manifest.put("summary", summary);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.file("manifest.json").toFile(), manifest);
      Briefs.odds(s, scenario.source(), result, reference, manifest, folder.dir(), folder.target()).write(folder.file(Briefs.FILE));

      Path done = journalled.commit();
      spec.commandLine().getOut().println(summaryLine(odds, result.failures().size(), done));
      return 0;
    }
  }

  /**
   * The two parties' utility plane at the nominal inputs (red lines ignored when they leave no zone
   * there), with every agreed package; only for scenarios with exactly two parties.
   */
  private static List<Path> utilityPlane(Scenario s, int rounds, int n, long seed, MonteCarlo.Result result, Path dir)
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
    double[] statusQuo = s.issues().stream().allMatch(i -> i.statusQuo() != null)
        ? s.issues().stream().mapToDouble(i -> i.statusQuo().nominal()).toArray() : null;
    UtilityPlaneChart.Plane plane = UtilityPlaneChart.plane(space, parties[0], parties[1],
        nominal.actorNames().get(parties[0]), nominal.actorNames().get(parties[1]), statusQuo, agreed);
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
      m.put("share_of_deals_on_pareto_frontier", gaps.stream().filter(g -> g <= 0.01).count() / (double) gaps.size());
      m.put("median_pareto_gap", gaps.get((gaps.size() - 1) / 2));
    }
    if (!nash.isEmpty()) {
      nash.sort(null);
      m.put("median_distance_to_nash_terms", nash.get((nash.size() - 1) / 2));
    }
    return m;
  }

  private static Map<String, Object> summary(ConvergenceOdds odds) {
    ConvergenceOdds.MonthOdds last = odds.byMonth().get(odds.byMonth().size() - 1);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("by_month", last.month().toString());
    m.put("odds", last.odds());
    m.put("lower95", last.lower());
    m.put("upper95", last.upper());
    if (!odds.blockers().isEmpty() && odds.blockers().get(0).failedRuns() > 0) {
      m.put("main_blocker", odds.blockers().get(0).actorId());
      m.put("main_blocker_share", odds.blockers().get(0).share());
    }
    return m;
  }

  static String summaryLine(ConvergenceOdds odds, Path folder) {
    return summaryLine(odds, 0, folder);
  }

  /** The summary line; with failed replications, how many and where they are listed. */
  static String summaryLine(ConvergenceOdds odds, int failedReplications, Path folder) {
    ConvergenceOdds.MonthOdds last = odds.byMonth().get(odds.byMonth().size() - 1);
    String blocker = odds.blockers().isEmpty() || odds.blockers().get(0).failedRuns() == 0
        ? "no failed runs"
        : String.format(Locale.ROOT, "main blocker: %s (%.0f%% of failed runs)",
            odds.blockers().get(0).actorId(), 100 * odds.blockers().get(0).share());
    String line = String.format(Locale.ROOT, "P(deal by %s) = %.2f [%.2f, %.2f] over %d replications · %s · %s/",
        last.month(), last.odds(), last.lower(), last.upper(), odds.replications(), blocker, folder);
    // after the folder, so that the line up to the folder reads as it always has
    return failedReplications == 0 ? line
        : line + " · " + failedReplications + (failedReplications == 1 ? " replication" : " replications")
            + " failed, see failures.csv";
  }
}
