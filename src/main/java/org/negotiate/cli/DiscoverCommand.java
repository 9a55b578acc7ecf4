package org.negotiate.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.negotiate.experiment.BoxStability;
import org.negotiate.experiment.Discovery;
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.Prim;
import org.negotiate.experiment.UncertainInput;
import org.negotiate.report.DiscoveryReport;
import org.negotiate.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code negotiate discover}: scenario discovery (PRIM) over the Monte Carlo draws. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the ranges of the inputs in which a deal is likely (scenario discovery).",
      "Scenario discovery: runs the Monte Carlo as odds does, pairs each replication's drawn inputs with "
          + "whether it had a deal by the final month (or --month), and finds with PRIM (peeling, pasting) a box "
          + "of input ranges where a deal is likely, printed in plain words with its density (share of runs in "
          + "the box with a deal) and coverage (share of all deals in the box). The box is the densest on the "
          + "peeling trajectory with coverage >= --min-coverage (or one before it within one standard error), "
          + "widened by pasting and pruned of bounds that cost less than one standard error of density. "
          + "Writes draws.csv, prim.csv, box.csv, prim.png/svg and report.html (a brief of the box) to "
          + "results/discover-<scenario>/<run-id>/."
    })
final class DiscoverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;
  @Mixin RunOptions run;
  @Mixin EngineOptions engineOptions;

  @Mixin CommonOptions.Month month;

  @Option(
      names = "--min-coverage",
      paramLabel = "C",
      defaultValue = "0.5",
      description =
          "Smallest share of all deals the chosen box must hold (default: ${DEFAULT-VALUE}).")
  double minCoverage;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.05",
      description = "Share of the box each peel cuts off (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--min-mass",
      paramLabel = "M",
      defaultValue = "0.05",
      description =
          "Peeling stops before a box holds less than this share of all runs (default: ${DEFAULT-VALUE}).")
  double minMass;

  @Option(
      names = "--inputs",
      paramLabel = "PATTERN",
      description = {
        "Consider only these inputs: a key, a prefix (turkey, syria.withdrawal) or a pattern with *. "
            + "Repeatable. Default: every uncertain input, events' change values included."
      })
  List<String> patterns = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Experiment x = Experiment.of("discover", scenario, run, null);
    Scenario s = x.scenario();
    int n = x.replications();
    int r = x.rounds();
    int byRound = month.round(s, r);
    YearMonth m = s.calendar().month(byRound);
    if (!(minCoverage >= 0 && minCoverage <= 1))
      throw new BadInput("--min-coverage: expected a number in [0, 1], got " + minCoverage);
    if (!(alpha > 0 && alpha < 0.5))
      throw new BadInput("--alpha: expected a number in (0, 0.5), got " + alpha);
    if (!(minMass > 0 && minMass < 1))
      throw new BadInput("--min-mass: expected a number in (0, 1), got " + minMass);
    List<UncertainInput> inputs = Explore.inputs("discover", s, true, patterns);
    Discovery.Settings settings =
        new Discovery.Settings(
            n, r, x.exactRounds(), x.seed(), x.threads(), byRound, alpha, minMass, minCoverage);
    // every run's outcome record (measured: ~376 bytes on the baseline, more with more actors and
    // issues) and its row of drawn inputs are kept for the box search
    long perRun = 376 + 8L * (s.actors().size() + s.issues().size()) + 16 + 8L * inputs.size() + 13;
    CommandInputs.checkBudget(
        "discover --runs " + n + " with " + inputs.size() + " inputs",
        n,
        n * perRun,
        "use fewer --runs or --inputs");
    CommandInputs.checkRun(s, r, n, x.threads());

    String identity =
        x.resolved()
            + "\ndiscover inputs="
            + inputs.stream().map(UncertainInput::key).toList()
            + "\nseed="
            + x.seed()
            + "\nreplications="
            + n
            + "\nrounds="
            + r
            + "\nmonth="
            + byRound
            + "\nprim="
            + alpha
            + ","
            + minMass
            + ","
            + minCoverage;
    try (Engine engine = engineOptions.open(x.threads(), "negotiate discover " + s.name());
        Output out = x.open(identity)) {
      Discovery.Result result;
      try (ProgressBar bar = run.progress("replications", n)) {
        result =
            Discovery.run(
                s,
                x.protocol(),
                inputs,
                settings,
                engine,
                bar == null ? null : d -> Progress.stepTo(bar, d));
      }
      out.write("scenario.resolved.yaml", x.resolved());
      DiscoveryReport.writeDraws(result, out.file("draws.csv"));
      DiscoveryReport.writeTrajectory(result, out.file("prim.csv"));
      DiscoveryReport.writeBox(result, out.file("box.csv"));
      DiscoveryReport.writeChart(result, s.name(), m, out.dir());
      String words = Explore.countRounds(s, Discovery.describe(result, m));
      out.write("box.txt", words + "\n");

      Manifest.Builder manifest = x.manifest(spec);
      manifest.put("engine", EngineOptions.describe(engine));
      if (s.calendar().dated()) manifest.put("month", m.toString());
      else manifest.put("round", byRound);
      manifest.put("inputs", inputs.stream().map(UncertainInput::key).toList());
      manifest.put("alpha", alpha);
      manifest.put("min_mass", minMass);
      manifest.put("min_coverage", minCoverage);
      manifest.put(
          "draws",
          "input KEY of replication i = quantile(Streams.uniform(Streams.replicationSeed(seed, i), KEY)), "
              + "as SetupSampler draws it (before red lines are widened to admit the drawn position and saliences rescaled)");
      Path done =
          out.finish(
              manifest,
              summary(result, words),
              (man, charts, reportDir) ->
                  org.negotiate.report.Briefs.discover(
                      s, scenario.source(), result, m, words, man, charts, reportDir));
      spec.commandLine().getOut().println(words + " · " + done + "/");
      return 0;
    }
  }

  private static Map<String, Object> summary(Discovery.Result r, String words) {
    Prim.Step b = r.prim().box();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("box", words);
    m.put("conditions", Discovery.conditions(r, b.box()));
    m.put("density", b.density());
    m.put("coverage", b.coverage());
    m.put("mass", b.mass());
    m.put("odds_all_runs", r.prim().baseDensity());
    // the box's stability: each condition of the box found on all runs, with its share of bootstrap
    // resamples
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("resamples", r.stability().resamples());
    st.put("keep_share", BoxStability.KEEP);
    List<Map<String, Object>> conds = new ArrayList<>();
    Prim.Box found = r.stability().found().box();
    for (int j = 0; j < r.inputs().size(); j++) {
      if (!found.restricted(j)) continue;
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("condition", Discovery.condition(r.inputs().get(j), found.lo()[j], found.hi()[j]));
      c.put("stability", r.stability().stability()[j]);
      c.put("kept", r.stability().kept(j));
      conds.add(c);
    }
    st.put("conditions", conds);
    m.put("stability", st);
    return m;
  }
}
