package org.negotiate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.ReferencePoints;
import org.negotiate.protocol.RoundClose;
import org.negotiate.report.OddsCharts;
import org.negotiate.report.ResultFolder;
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
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
      "Runs one replication and prints what happened each month.",
      "Runs one replication and prints each round: the events, the text proposed, who accepted, who "
      + "refused and why. Replication I with seed S is exactly replication I of `odds --seed S`. "
      + "Writes log.txt, rounds.csv (the trajectory: state t is the positions after t rounds, at the end of "
      + "after_month, as in the rounds.csv of odds), the positions chart and, for protocols with numbers of their own "
      + "(eum, smp), diagnostics.csv to results/<scenario>/<run-id>-run/."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;

  @Option(names = "--seed", paramLabel = "S", converter = SeedConverter.class, description = "Base seed (default: the scenario's experiment.seed).")
  Long seed;

  @Option(names = "--replication", paramLabel = "I", defaultValue = "0", description = "Which replication of that seed (default: 0).")
  int replication;

  @Option(names = "--replication-seed", paramLabel = "X", converter = SeedConverter.class,
      description = "Instead of --seed and --replication: the replication whose own seed is X, as the seed column of "
          + "outcomes.csv prints it.")
  Long replicationSeed;

  @Option(names = "--rounds", paramLabel = "R", description = "Rounds (default: the scenario's experiment.rounds).")
  Integer rounds;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Results root (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    Scenario s = org.negotiate.cli.Inputs.scenario(scenario);
    Protocol protocol = org.negotiate.cli.Inputs.protocol(s);
    int r = org.negotiate.cli.Inputs.inRange("--rounds", rounds, s.experiment().rounds(), 1, org.negotiate.cli.Inputs.MAX_ROUNDS);
    int index = org.negotiate.cli.Inputs.inRange("--replication", replication, 0, 0, Integer.MAX_VALUE - 1);
    long base = seed != null ? seed : s.experiment().seed();

    org.negotiate.cli.Inputs.checkRun(s, r, 1, 1);
    if (replicationSeed != null && (seed != null || index != 0)) {
      throw new BadInput("--replication-seed names one replication by its own seed: give it without --seed and --replication");
    }

    List<Map<String, double[]>> diagnostics = new ArrayList<>();
    StringWriter logText = new StringWriter();
    PrintWriter log = new PrintWriter(logText);
    NegotiationSetup setup = replicationSeed != null
        ? MonteCarlo.setupOfReplication(s, r, rounds != null, replicationSeed)
        : MonteCarlo.setupOf(s, r, rounds != null, base, index);
    if (replicationSeed != null) {
      log.printf(Locale.ROOT, "%s, the replication of seed %s, protocol %s, %d rounds from %s%n",
          s.name(), Long.toUnsignedString(setup.seed()), protocol.name(), r, s.calendar().start());
    } else {
      log.printf(Locale.ROOT, "%s, replication %d of seed %d (replication seed %s), protocol %s, %d rounds from %s%n",
          s.name(), index, base, Long.toUnsignedString(setup.seed()), protocol.name(), r, s.calendar().start());
    }
    describeInputs(setup, log);
    org.negotiate.sim.RoundListener listener = (round, fired, session, close) -> {
      diagnostics.add(new java.util.TreeMap<>(session.diagnostics()));
      logRound(s, setup, round, fired, session, close, log);
    };
    MonteCarlo.Result result = replicationSeed != null
        ? MonteCarlo.replay(s, protocol, r, rounds != null, replicationSeed, listener)
        : MonteCarlo.single(s, protocol, r, rounds != null, base, index, listener);
    RunOutcome outcome = result.outcomes().get(0);
    log.println(ending(s, setup, outcome));
    log.flush();

    String resolved = ScenarioWriter.toYaml(s);
    String identity = resolved + (replicationSeed != null ? "\nreplication_seed=" + Long.toUnsignedString(replicationSeed)
        : "\nseed=" + base + "\nreplication=" + index) + "\nrounds=" + r;
    try (ResultFolder folder = ResultFolder.open(org.negotiate.cli.Inputs.outputRoot(out), s.name(), identity, started, "-run")) {
      folder.write("scenario.resolved.yaml", resolved);
      folder.write("log.txt", logText.toString());
      writeTrajectory(s, setup, outcome, folder.file("rounds.csv"));
      // a protocol without numbers of its own (the mediated text) writes no bare header
      if (diagnostics.stream().anyMatch(d -> !d.isEmpty())) writeDiagnostics(s, setup, diagnostics, folder.file("diagnostics.csv"));
      OddsCharts.writePositions(result.odds(), folder.dir());
      Path done = folder.commit();
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
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-12s %-11s capability %.4g, reservation %.3f, flexibility %.2f, cost of delay %.3f (with pressure: concedes %.3f a month)",
          setup.actorIds().get(i), setup.roles().get(i).yamlName(), in.capability[i], in.reservation[i], in.flexibility(i),
          in.costOfDelay(i), in.concessionRate(i)));
      for (int k = 0; k < setup.issues(); k++) {
        b.append(String.format(Locale.ROOT, "%n      %-18s %5.1f / %.2f / [%.1f, %.1f]", setup.issueIds().get(k),
            in.position[i][k], in.salience[i][k], in.redLineMin[i][k], in.redLineMax[i][k]));
      }
      log.println(b);
    }
    for (ScheduledEvent e : setup.events()) log.printf(Locale.ROOT, "  event %s in round %d%n", e.id(), e.round());
  }

  private static void logRound(Scenario s, NegotiationSetup setup, int round, List<ScheduledEvent> fired,
      Protocol.Session session, RoundClose close, PrintWriter log) {
    log.printf(Locale.ROOT, "%n%s (round %d)%n", s.calendar().month(round), round);
    for (ScheduledEvent e : fired) log.printf("  event: %s: %s%n", e.id(), e.label());
    double[] text = session.text();
    if (text != null || protocolHasText(setup)) {
      log.println("  text: " + (text == null ? "none (the red lines leave no package every party could sign)" : terms(setup, text)));
    }
    for (int p : setup.indicesOf(Role.PARTY)) {
      String verdict = session.verdict(p);
      if (!verdict.isEmpty()) log.printf("  %-12s %s%n", setup.actorIds().get(p), verdict);
    }
    session.diagnostics().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> {
      StringBuilder b = new StringBuilder("  " + d.getKey() + ":");
      double[] v = d.getValue();
      for (int i = 0; i < v.length; i++) {
        b.append(v.length == setup.actors() ? " " + setup.actorIds().get(i) : "").append(String.format(Locale.ROOT, " %.4f", v[i]));
      }
      log.println(b);
    });
  }

  private static String ending(Scenario s, NegotiationSetup setup, RunOutcome o) {
    String month = s.calendar().month(o.round()).toString();
    return switch (o.ending()) {
      case AGREED -> "\nDEAL in " + month + " (round " + o.round() + "): " + terms(setup, o.terms());
      case BREAKDOWN -> "\nBREAKDOWN in " + month + ": " + setup.actorIds().get(o.blocker()) + " walked out";
      default -> "\nNO DEAL by " + month + ": blocker " + setup.actorIds().get(o.blocker()) + " ("
          + o.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
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
    return org.negotiate.protocol.MediatedSingleText.NAME.equals(setup.protocol());
  }

  /**
   * This replication state by state: state 0 is the initial positions, state t the positions after
   * t rounds (the end of month t − 1), the last state where the run stopped. Rows for every actor,
   * the text (when the protocol drafts one), and the capability × salience weighted mean and median
   * of all actors' positions (weights at the start).
   */
  private static void writeTrajectory(Scenario s, NegotiationSetup setup, RunOutcome o, Path file) throws java.io.IOException {
    int n = setup.actors();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("state,after_month,actor,issue,position\n");
      for (int state = 0; state <= o.round() + 1; state++) {
        double[][] pos = new double[n + 1][];
        if (state == 0) {
          for (int a = 0; a < n; a++) pos[a] = setup.initial().position[a].clone();
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
        String month = state == 0 ? "" : s.calendar().month(state - 1).toString();
        for (int k = 0; k < setup.issues(); k++) {
          String issue = setup.issueIds().get(k);
          for (int a = 0; a < n; a++) row(w, state, month, setup.actorIds().get(a), issue, pos[a][k]);
          if (pos[n] != null) row(w, state, month, MonteCarlo.TEXT_ID, issue, pos[n][k]);
          row(w, state, month, "weighted_mean", issue, mean[k]);
          row(w, state, month, "weighted_median", issue, median[k]);
        }
      }
    }
  }

  private static void row(Writer w, int state, String month, String actor, String issue, double v) throws java.io.IOException {
    w.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%.4f%n", state, month, actor, issue, v));
  }

  /** The protocol's own diagnostics per round (state t = after round t − 1), one value per row. */
  private static void writeDiagnostics(Scenario s, NegotiationSetup setup, List<Map<String, double[]>> rounds, Path file)
      throws java.io.IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("state,after_month,name,actor,value\n");
      for (int t = 0; t < rounds.size(); t++) {
        for (Map.Entry<String, double[]> d : rounds.get(t).entrySet()) {
          double[] v = d.getValue();
          for (int i = 0; i < v.length; i++) {
            String actor = v.length == setup.actors() ? setup.actorIds().get(i) : "";
            w.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%s%n", t + 1, s.calendar().month(t), d.getKey(), actor,
                Double.isNaN(v[i]) ? "" : String.format(Locale.ROOT, "%.6f", v[i])));
          }
        }
      }
    }
  }
}
