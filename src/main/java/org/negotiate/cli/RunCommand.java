package org.negotiate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.ReferencePoints;
import org.negotiate.protocol.RoundClose;
import org.negotiate.report.CsvTable;
import org.negotiate.report.Numbers;
import org.negotiate.report.OddsCharts;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioWriter;
import org.negotiate.sim.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code negotiate run}: one replication, round by round, with a readable log. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one replication and prints what happened each month.",
      "Runs one replication and prints each round: the events, the text proposed, who accepted, who "
          + "refused and why. Replication I with seed S is exactly replication I of `odds --seed S`. "
          + "Writes log.txt, rounds.csv (the trajectory: state t is the positions after t rounds, at the end of "
          + "after_month, as in the rounds.csv of odds), the positions chart and, for protocols with numbers of their own "
          + "(eum, smp), diagnostics.csv to results/run-<scenario>/<run-id>/."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;

  @Mixin CommonOptions.Seed seed;

  @Option(
      names = "--replication",
      paramLabel = "I",
      defaultValue = "0",
      description = "Which replication of that seed (default: 0).")
  int replication;

  @Option(
      names = "--replication-seed",
      paramLabel = "X",
      converter = SeedConverter.class,
      description =
          "Instead of --seed and --replication: the replication whose own seed is X, as the seed column of "
              + "outcomes.csv prints it.")
  Long replicationSeed;

  @Mixin CommonOptions.Rounds rounds;
  @Mixin CommonOptions.Out out;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    Scenario s = org.negotiate.cli.CommandInputs.scenario(scenario);
    Protocol protocol = org.negotiate.cli.CommandInputs.protocol(s);
    int r = rounds.rounds(s.experiment().rounds());
    int index =
        org.negotiate.cli.CommandInputs.inRange(
            "--replication", replication, 0, 0, Integer.MAX_VALUE - 1);
    long base = seed.seed(s.experiment().seed());

    org.negotiate.cli.CommandInputs.checkRun(s, r, 1, 1);
    if (replicationSeed != null && (seed.given() || index != 0)) {
      throw new BadInput(
          "--replication-seed names one replication by its own seed: give it without --seed and --replication");
    }

    List<Map<String, double[]>> diagnostics = new ArrayList<>();
    StringWriter logText = new StringWriter();
    PrintWriter log = new PrintWriter(logText);
    NegotiationSetup setup =
        replicationSeed != null
            ? MonteCarlo.setupOfReplication(s, r, rounds.exact(), replicationSeed)
            : MonteCarlo.setupOf(s, r, rounds.exact(), base, index);
    if (replicationSeed != null) {
      log.printf(
          Locale.ROOT,
          "%s, the replication of seed %s, protocol %s, %d rounds from %s%n",
          s.name(),
          Long.toUnsignedString(setup.seed()),
          protocol.name(),
          r,
          s.calendar().dated() ? s.calendar().start() : "round 0");
    } else {
      log.printf(
          Locale.ROOT,
          "%s, replication %d of seed %d (replication seed %s), protocol %s, %d rounds from %s%n",
          s.name(),
          index,
          base,
          Long.toUnsignedString(setup.seed()),
          protocol.name(),
          r,
          s.calendar().dated() ? s.calendar().start() : "round 0");
    }
    describeInputs(setup, log);
    org.negotiate.sim.RoundListener listener =
        (round, fired, session, close) -> {
          diagnostics.add(new java.util.TreeMap<>(session.diagnostics()));
          logRound(s, setup, round, fired, session, close, log);
        };
    MonteCarlo.Result result =
        replicationSeed != null
            ? MonteCarlo.replay(s, protocol, r, rounds.exact(), replicationSeed, listener)
            : MonteCarlo.single(s, protocol, r, rounds.exact(), base, index, listener);
    RunOutcome outcome = result.outcomes().get(0);
    log.println(ending(s, setup, outcome));
    log.flush();

    String resolved = ScenarioWriter.toYaml(s);
    String identity =
        resolved
            + (replicationSeed != null
                ? "\nreplication_seed=" + Long.toUnsignedString(replicationSeed)
                : "\nseed=" + base + "\nreplication=" + index)
            + "\nrounds="
            + r;
    try (Output folder = Output.open("run", s.name(), out.root(), identity, started)) {
      folder.write("scenario.resolved.yaml", resolved);
      folder.write("log.txt", logText.toString());
      writeTrajectory(s, setup, outcome, folder.file("rounds.csv"));
      // a protocol without numbers of its own (the mediated text) writes no bare header
      if (diagnostics.stream().anyMatch(d -> !d.isEmpty()))
        writeDiagnostics(s, setup, diagnostics, folder.file("diagnostics.csv"));
      OddsCharts.writePositions(result.odds(), folder.dir());
      Manifest.Builder manifest =
          new Manifest.Builder(org.negotiate.cli.CommandInputs.commandLine(spec))
              .scenario(
                  s.name(), String.valueOf(scenario.source()), scenario.allOverrides(), resolved)
              .protocol(protocol.name())
              .run(base, 1, r, 1);
      if (replicationSeed != null)
        manifest.put("replication_seed", Long.toUnsignedString(replicationSeed));
      else manifest.put("replication", index);
      Path done = folder.finish(manifest, null, null);
      PrintWriter outw = spec.commandLine().getOut();
      outw.print(logText);
      outw.println("results: " + done + "/");
      outw.flush();
    }
    return 0;
  }

  private static void describeInputs(NegotiationSetup setup, PrintWriter log) {
    Inputs in = setup.initial();
    log.println("drawn inputs (position / salience / red line per issue):");
    for (int i = 0; i < setup.actors(); i++) {
      StringBuilder b =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "  %-12s %-11s capability %.4g, reservation %.3f, flexibility %.2f, cost of delay %.3f (with pressure: concedes %.3f a month)",
                  setup.actorIds().get(i),
                  setup.roles().get(i).yamlName(),
                  in.capability(i),
                  in.reservation(i),
                  in.flexibility(i),
                  in.costOfDelay(i),
                  in.concessionRate(i)));
      for (int k = 0; k < setup.issues(); k++) {
        b.append(
            String.format(
                Locale.ROOT,
                "%n      %-18s %5.1f / %.2f / [%.1f, %.1f]",
                setup.issueIds().get(k),
                in.position(i, k),
                in.salience(i, k),
                in.redLineMin(i, k),
                in.redLineMax(i, k)));
      }
      log.println(b);
    }
    for (ScheduledEvent e : setup.events())
      log.printf(Locale.ROOT, "  event %s in round %d%n", e.id(), e.round());
  }

  private static void logRound(
      Scenario s,
      NegotiationSetup setup,
      int round,
      List<ScheduledEvent> fired,
      Protocol.Session session,
      RoundClose close,
      PrintWriter log) {
    if (s.calendar().dated())
      log.printf(Locale.ROOT, "%n%s (round %d)%n", s.calendar().month(round), round);
    else log.printf(Locale.ROOT, "%nround %d%n", round);
    for (ScheduledEvent e : fired) log.printf("  event: %s: %s%n", e.id(), e.label());
    double[] text = session.text();
    if (text != null || protocolHasText(setup)) {
      log.println(
          "  text: "
              + (text == null
                  ? "none (the red lines leave no package every party could sign)"
                  : terms(setup, text)));
    }
    for (int p : setup.indicesOf(Role.PARTY)) {
      String verdict = session.verdict(p).words();
      if (!verdict.isEmpty()) log.printf("  %-12s %s%n", setup.actorIds().get(p), verdict);
    }
    session.diagnostics().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            d -> {
              StringBuilder b = new StringBuilder("  " + d.getKey() + ":");
              double[] v = d.getValue();
              for (int i = 0; i < v.length; i++) {
                b.append(v.length == setup.actors() ? " " + setup.actorIds().get(i) : "")
                    .append(String.format(Locale.ROOT, " %.4f", v[i]));
              }
              log.println(b);
            });
  }

  private static String ending(Scenario s, NegotiationSetup setup, RunOutcome o) {
    String month = s.calendar().label(o.round());
    return switch (o.ending()) {
      case AGREED ->
          "\nDEAL in "
              + month
              + (s.calendar().dated() ? " (round " + o.round() + ")" : "")
              + ": "
              + terms(setup, o.terms());
      case BREAKDOWN ->
          "\nBREAKDOWN in " + month + ": " + setup.actorIds().get(o.blocker()) + " walked out";
      default ->
          "\nNO DEAL by "
              + month
              + ": blocker "
              + setup.actorIds().get(o.blocker())
              + " ("
              + o.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + ")";
    };
  }

  private static String terms(NegotiationSetup setup, double[] z) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < z.length; k++) {
      if (k > 0) b.append(" · ");
      b.append(setup.issueIds().get(k)).append(String.format(Locale.ROOT, " %.1f", z[k]));
    }
    return b.toString();
  }

  private static boolean protocolHasText(NegotiationSetup setup) {
    return org.negotiate.protocol.Protocols.named(setup.protocol())
        .has(org.negotiate.protocol.Capability.DRAFTS_TEXT);
  }

  /**
   * This replication state by state: state 0 is the initial positions, state t the positions after
   * t rounds (the end of month t − 1), the last state where the run stopped. Rows for every actor,
   * the text (when the protocol drafts one), and the capability × salience weighted mean and median
   * of all actors' positions (weights at the start).
   */
  private static void writeTrajectory(Scenario s, NegotiationSetup setup, RunOutcome o, Path file)
      throws java.io.IOException {
    int n = setup.actors();
    try (CsvTable w =
        CsvTable.open(
            file,
            "state",
            s.calendar().dated() ? "after_month" : "after_round",
            "actor",
            "issue",
            "position")) {
      // an actor table has no dates: after_round (the round's number) instead of its placeholder
      // month
      for (int state = 0; state <= o.round() + 1; state++) {
        double[][] pos = new double[n + 1][];
        if (state == 0) {
          for (int a = 0; a < n; a++) pos[a] = setup.initial().positions(a);
          pos[n] = null;
        } else {
          float[][] row = o.trajectory()[state - 1];
          for (int a = 0; a <= n; a++) {
            pos[a] = new double[setup.issues()];
            for (int k = 0; k < setup.issues(); k++) pos[a][k] = row[a][k];
          }
          if (Double.isNaN(pos[n][0])) pos[n] = null;
        }
        double[][] actorsOnly = java.util.Arrays.copyOf(pos, n);
        double[] mean = ReferencePoints.weightedMean(setup.initial(), actorsOnly);
        double[] median = ReferencePoints.weightedMedian(setup.initial(), actorsOnly);
        String month =
            state == 0
                ? ""
                : s.calendar().dated()
                    ? s.calendar().month(state - 1).toString()
                    : String.valueOf(state - 1);
        for (int k = 0; k < setup.issues(); k++) {
          String issue = setup.issueIds().get(k);
          for (int a = 0; a < n; a++)
            row(w, state, month, setup.actorIds().get(a), issue, pos[a][k]);
          if (pos[n] != null) row(w, state, month, MonteCarlo.TEXT_ID, issue, pos[n][k]);
          row(w, state, month, "weighted_mean", issue, mean[k]);
          row(w, state, month, "weighted_median", issue, median[k]);
        }
      }
    }
  }

  private static void row(CsvTable w, int state, String month, String actor, String issue, double v)
      throws java.io.IOException {
    w.row(String.valueOf(state), month, actor, issue, Numbers.fixed(v, 4));
  }

  /** The protocol's own diagnostics per round (state t = after round t − 1), one value per row. */
  private static void writeDiagnostics(
      Scenario s, NegotiationSetup setup, List<Map<String, double[]>> rounds, Path file)
      throws java.io.IOException {
    try (CsvTable w =
        CsvTable.open(
            file,
            "state",
            s.calendar().dated() ? "after_month" : "after_round",
            "name",
            "actor",
            "value")) {
      for (int t = 0; t < rounds.size(); t++) {
        for (Map.Entry<String, double[]> d : rounds.get(t).entrySet()) {
          double[] v = d.getValue();
          for (int i = 0; i < v.length; i++) {
            String actor = v.length == setup.actors() ? setup.actorIds().get(i) : "";
            w.row(
                String.valueOf(t + 1),
                s.calendar().dated() ? s.calendar().month(t).toString() : String.valueOf(t),
                d.getKey(),
                actor,
                Numbers.fixed(v[i], 6));
          }
        }
      }
    }
  }
}
