package org.negotiate.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.negotiate.experiment.Comparison;
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.protocol.Protocol;
import org.negotiate.report.Briefs;
import org.negotiate.report.CompareCharts;
import org.negotiate.report.CompareTables;
import org.negotiate.report.ResultFolder;
import org.negotiate.scenario.Problem;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioDiff;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.scenario.ScenarioWriter;
import org.negotiate.scenario.tables.TableScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code negotiate compare A B}: the odds of two scenarios run with the same base seed and the same
 * replications (common random numbers), and their difference month by month with a paired interval.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two scenarios over the same draws: the difference in the odds, month by month.",
      "Runs scenarios A and B with the same seed and replications (common random numbers: inputs they "
          + "share get the same draw in each replication) and writes, per month, both odds and the difference "
          + "B - A with its paired 95%% interval (and the unpaired one for comparison), the inputs that differ, "
          + "the blockers side by side and charts to results/compare-<A>-vs-<B>/<run-id>/."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "A",
      description = "Scenario A (YAML), e.g. scenarios/baseline.yaml (or --table FILE).")
  Path a;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "B",
      description =
          "Scenario B (YAML), e.g. scenarios/whatif/no_earthquake.yaml (or --table-b FILE; none with --set-b: "
              + "A itself with those changes).")
  Path b;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = {"Override one input in both scenarios, e.g. protocol.noise=0. Repeatable."})
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--set-b",
      paramLabel = "PATH=VALUE",
      description = {
        "Override one input in B only, after --set, e.g. syria.flexibility=0.9. Repeatable. Without B, "
            + "compares A with itself so changed (B is named <A>+set): an inline what-if."
      })
  List<String> overridesB = new ArrayList<>();

  @Option(
      names = "--table",
      paramLabel = "FILE",
      description =
          "A is an actor table as published (Bueno de Mesquita's or KTAB's CSV), run with its own model "
              + "unless --protocol says otherwise. A table has no dates: the comparison counts rounds.")
  Path table;

  @Option(
      names = "--table-b",
      paramLabel = "FILE",
      description = "B is an actor table, as --table for A.")
  Path tableB;

  @Option(
      names = "--table-format",
      paramLabel = "bdm|ktab",
      description = "The tables' format (default: guessed from each table's first cell).")
  org.negotiate.scenario.tables.TableScenarios.Format tableFormat;

  /**
   * Both scenarios are cut; the runs are not conditioned on observations: pairing needs the same
   * runs on both sides.
   */
  @Option(names = "--as-of", paramLabel = "YYYY-MM", description = ScenarioOptions.AS_OF)
  String asOf;

  @Option(
      names = "--protocol",
      paramLabel = "NAME",
      description =
          "Run both scenarios with this protocol instead of their own (their parameters that it does not "
              + "take are dropped).")
  String protocol;

  @Mixin CommonOptions.Month month;

  @Mixin RunOptions run;
  @Mixin EngineOptions engineOptions;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    // A is --table or the first file; B is --table-b or the next file, else A itself changed by
    // --set-b
    java.util.ArrayDeque<Path> files = new java.util.ArrayDeque<>();
    if (a != null) files.add(a);
    if (b != null) files.add(b);
    Path fileA = table != null ? table : files.poll();
    Path fileB = tableB != null ? tableB : files.poll();
    if (!files.isEmpty()) {
      throw new BadInput(
          "compare: "
              + files.peek()
              + " is one scenario too many (A and B are given by "
              + (table != null ? "--table" : "the first file")
              + " and "
              + (tableB != null ? "--table-b" : "the next file")
              + ")");
    }
    if (fileA == null) throw new BadInput("compare: give scenario A (a YAML file or --table FILE)");
    boolean tableA = table != null;
    boolean isTableB = tableB != null;
    if (fileB == null) {
      if (overridesB.isEmpty()) {
        throw new BadInput(
            "compare: give scenario B (a YAML file or --table-b FILE), or --set-b PATH=VALUE to compare A "
                + "with itself changed");
      }
      fileB = fileA;
      isTableB = tableA;
    }
    Scenario sa = side(fileA, tableA, List.of());
    Scenario sb = side(fileB, isTableB, overridesB);
    // two files under one name would share a folder and read "xyz 0.40 → xyz 0.55": name them apart
    // (B's own name, before --set-b marks it changed)
    String suffixB = overridesB.isEmpty() ? "" : "+set";
    String nameB = sb.name().substring(0, sb.name().length() - suffixB.length());
    String[] names = distinctNames(sa.name(), fileA, nameB, fileB);
    if (!names[0].equals(sa.name())) sa = sa.withName(names[0]);
    if (!names[1].equals(nameB)) sb = sb.withName(names[1] + suffixB);
    if (sa.calendar().dated() != sb.calendar().dated()) {
      throw new BadInput(
          "compare: "
              + (sa.calendar().dated() ? fileB : fileA)
              + " is an actor table (it counts rounds) and "
              + (sa.calendar().dated() ? fileA : fileB)
              + " a dated scenario (it counts months); compare a table with a table");
    }
    Path a = fileA; // the files as the manifest and brief name them
    Path b = fileB;
    Protocol pa = CommandInputs.protocol(sa);
    Protocol pb = CommandInputs.protocol(sb);
    if (!sa.calendar().start().equals(sb.calendar().start())) {
      throw new BadInput(
          "compare: the scenarios start in different months ("
              + sa.name()
              + " "
              + sa.calendar().start()
              + ", "
              + sb.name()
              + " "
              + sb.calendar().start()
              + "); months must line up to be compared");
    }
    int n = run.replications(sa.experiment().replications());
    int r = run.rounds(Math.max(sa.experiment().rounds(), sb.experiment().rounds()));
    java.time.YearMonth asOfMonth = CommandInputs.asOf(asOf, sa);
    if (asOfMonth != null) {
      sa = org.negotiate.scenario.AsOf.cut(sa, asOfMonth, r).scenario();
      sb = org.negotiate.scenario.AsOf.cut(sb, asOfMonth, r).scenario();
    }
    int byRound = month.round(sa, r);
    int t = run.threads();
    long base = run.seed(sa.experiment().seed());
    MonteCarlo.Options options = new MonteCarlo.Options(n, r, base, t, run.exactRounds());
    // Both experiments' results are held until the comparison is made.
    CommandInputs.checkRun(sa.actors().size() >= sb.actors().size() ? sa : sb, r, 2L * n, t);

    String yamlA = ScenarioWriter.toYaml(sa);
    String yamlB = ScenarioWriter.toYaml(sb);
    String identity =
        yamlA + "\n---\n" + yamlB + "\nseed=" + base + "\nreplications=" + n + "\nrounds=" + r;
    Scenario fa = sa;
    Scenario fb = sb;
    try (Engine engine = engineOptions.open(t, "negotiate compare " + sa.name() + " " + sb.name());
        Output out =
            Output.open(
                "compare", sa.name() + "-vs-" + sb.name(), run.outputRoot(), identity, started)) {
      MonteCarlo.Result ra;
      MonteCarlo.Result rb;
      try (ProgressBar bar = run.progress("replications", 2L * n)) {
        ra =
            MonteCarlo.run(
                    sa,
                    pa,
                    options,
                    bar == null ? null : done -> Progress.stepTo(bar, done),
                    null,
                    engine)
                .requireOutcomes();
        rb =
            MonteCarlo.run(
                    sb,
                    pb,
                    options,
                    bar == null ? null : done -> Progress.stepTo(bar, n + done),
                    null,
                    engine)
                .requireOutcomes();
      }
      Comparison c = Comparison.of(ra, rb, sa.calendar(), r);
      List<ScenarioDiff.Row> diff = ScenarioDiff.of(sa, sb);
      out.write("scenario_a.resolved.yaml", yamlA);
      out.write("scenario_b.resolved.yaml", yamlB);
      CompareTables.writeCompare(c, sa.calendar().dated(), out.file("compare.csv"));
      CompareTables.writeInputs(diff, out.file("inputs.csv"));
      CompareTables.writeBlockers(c, out.file("blockers.csv"));
      CompareCharts.writeAll(c, out.dir(), sa.calendar().dated());

      // two scenarios: their names, files and hashes are the command's own entries
      Manifest.Builder manifest =
          new Manifest.Builder(CommandInputs.commandLine(spec)).run(base, n, r, t);
      manifest.put("scenario_a", sa.name());
      manifest.put("scenario_a_file", a.toString());
      manifest.put("scenario_a_sha256", ResultFolder.sha256(yamlA));
      manifest.put("scenario_b", sb.name());
      manifest.put("scenario_b_file", b.toString());
      manifest.put("scenario_b_sha256", ResultFolder.sha256(yamlB));
      manifest.put("overrides", overrides);
      manifest.put("overrides_b", overridesB);
      manifest.put("table_a", tableA);
      manifest.put("table_b", isTableB);
      manifest.put("counts", sa.calendar().dated() ? "months" : "rounds");
      if (asOfMonth != null)
        manifest.put(
            "as_of", Map.of("month", asOfMonth.toString(), "conditioned_on_observations", false));
      manifest.put("engine", EngineOptions.describe(engine));
      manifest.put("protocol_a", pa.name());
      manifest.put("protocol_b", pb.name());
      manifest.put(
          "common_random_numbers",
          "replication i of both uses seed Streams.replicationSeed(seed, i); "
              + "an input both scenarios have draws from the same stream");
      manifest.put(
          "paired_interval",
          "Newcombe (1998) hybrid score for paired proportions (method 10); "
              + "[0, 0] when no replication is discordant");
      manifest.put(
          "unpaired_interval",
          "Newcombe (1998) hybrid score for independent proportions (method 10)");
      manifest.put("inputs_differing", diff.size());
      Path done =
          out.finish(
              manifest,
              summary(c, byRound, fa.calendar().dated()),
              (m, charts, reportDir) ->
                  Briefs.compare(fa, a, fb, b, c, diff, m, charts, reportDir));
      String line = summaryLine(c, done, byRound);
      // an actor table has no dates: its months are a placeholder calendar, so the line counts
      // rounds
      if (!sa.calendar().dated()) {
        Comparison.MonthDifference by = byRound(c, byRound);
        line =
            line.replaceFirst(
                "^P\\(deal by " + by.month() + "\\)", "P(deal by round " + by.round() + ")");
      }
      spec.commandLine().getOut().println(line);
      return 0;
    }
  }

  /**
   * One side: the scenario file or actor table with the protocol switch first (a table's own model
   * unless --protocol), then --set, then this side's own overrides; a side changed by its own
   * overrides is named {@code <name>+set}.
   */
  private Scenario side(Path file, boolean isTable, List<String> own) throws ScenarioException {
    List<String> all = new ArrayList<>();
    if (protocol != null) all.add("protocol.name=" + protocol);
    else if (isTable) all.add("protocol.name=" + TableScenarios.nativeProtocol(file, tableFormat));
    all.addAll(overrides);
    Scenario s =
        isTable
            ? ScenarioLoader.override(
                TableScenarios.toScenario(
                    TableScenarios.read(file, tableFormat),
                    org.negotiate.scenario.ProtocolParameters.DEFAULT),
                all)
            : ScenarioLoader.load(file, all);
    if (own.isEmpty()) return s;
    try {
      return ScenarioLoader.override(s, own).withName(s.name() + "+set");
    } catch (ScenarioException e) {
      // the loader names its overrides --set; these are --set-b's
      throw new ScenarioException(
          e.problems().stream()
              .map(
                  p ->
                      p.file().equals("--set")
                          ? new Problem("--set-b", p.line(), p.column(), p.field(), p.message())
                          : p)
              .toList());
    }
  }

  /**
   * The sides' names as the folder, the summary line and the brief show them: their own, unless two
   * different files share one (two tables with the same title, a copy of a scenario kept under its
   * name); then the files' names, with as many parent folders as tell them apart, in the letters a
   * scenario name takes.
   */
  static String[] distinctNames(String nameA, Path fileA, String nameB, Path fileB) {
    Path pa = fileA.toAbsolutePath().normalize();
    Path pb = fileB.toAbsolutePath().normalize();
    if (!nameA.equals(nameB) || pa.equals(pb)) return new String[] {nameA, nameB};
    int depth = Math.max(pa.getNameCount(), pb.getNameCount());
    for (int k = 1; k <= depth; k++) {
      String la = fileName(pa, k);
      String lb = fileName(pb, k);
      if (!la.isEmpty() && !lb.isEmpty() && !la.equals(lb)) return new String[] {la, lb};
    }
    // paths that differ only in letters a name cannot hold
    return new String[] {nameA + "-a", nameB + "-b"};
  }

  /** The last {@code k} parts of a path without the file's extension, as a scenario name. */
  private static String fileName(Path p, int k) {
    int from = Math.max(0, p.getNameCount() - k);
    String tail = p.subpath(from, p.getNameCount()).toString().replaceFirst("\\.[^./\\\\]*$", "");
    return tail.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
  }

  /**
   * The difference by the end of round {@code byRound} (the last month compared, if the runs
   * stopped before it).
   */
  private static Comparison.MonthDifference byRound(Comparison c, int byRound) {
    return byRound >= c.byMonth().size() ? c.last() : c.byMonth().get(byRound);
  }

  private static Map<String, Object> summary(Comparison c, int byRound, boolean dated) {
    Comparison.MonthDifference m = byRound(c, byRound);
    Map<String, Object> s = new LinkedHashMap<>();
    // actor tables' months are a placeholder: their summary names the round
    if (dated) s.put("by_month", m.month().toString());
    else s.put("by_round", m.round());
    s.put("odds_a", m.oddsA());
    s.put("odds_b", m.oddsB());
    s.put("difference", m.paired().estimate());
    s.put("paired_lower95", m.paired().lower());
    s.put("paired_upper95", m.paired().upper());
    s.put("unpaired_lower95", m.unpaired().lower());
    s.put("unpaired_upper95", m.unpaired().upper());
    s.put("discordant_only_a", m.onlyA());
    s.put("discordant_only_b", m.onlyB());
    return s;
  }

  static String summaryLine(Comparison c, Path folder) {
    return summaryLine(c, folder, c.byMonth().size() - 1);
  }

  static String summaryLine(Comparison c, Path folder, int byRound) {
    Comparison.MonthDifference m = byRound(c, byRound);
    return String.format(
        Locale.ROOT,
        "P(deal by %s): %s %.2f → %s %.2f, difference %s [%s, %s] (paired) · %s/",
        m.month(),
        c.a(),
        m.oddsA(),
        c.b(),
        m.oddsB(),
        CompareCharts.signed(m.paired().estimate()),
        CompareCharts.signed(m.paired().lower()),
        CompareCharts.signed(m.paired().upper()),
        folder);
  }
}
