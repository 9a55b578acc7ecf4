package org.negotiate.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.experiment.PositionTally;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.protocol.NashDraft;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.Protocols;
import org.negotiate.protocol.RoundClose;
import org.negotiate.protocol.eum.EumOptions;
import org.negotiate.protocol.eum.ExpectedUtilityModel;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.scenario.tables.TableScenarios;
import org.negotiate.sim.BareLoop;
import org.negotiate.sim.Replication;
import org.negotiate.sim.RunOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's costs, in one run so that they can be compared (run from the repository root;
 * README, "Performance"):
 *
 * <ul>
 *   <li>{@code protocolRound}: one round of the mediated protocol on a baseline draw (respond,
 *       concede, close; the draft unchanged, as in most rounds);
 *   <li>{@code draftExact} / {@code draftNelderMead}: the mediators' draft on a baseline draw, with
 *       the protocol's solver and with the Commons Math reference;
 *   <li>{@code replication}: one whole baseline replication as the Monte Carlo runs it (draw, MASON
 *       agents, recording, binning into the position tally); {@code bareLoop}: the same draw and
 *       protocol arithmetic in a plain loop, no MASON, no recording: their ratio is the engine's
 *       overhead;
 *   <li>{@code monteCarlo1000}: 1,000 baseline replications through {@link MonteCarlo#run} on all
 *       cores, aggregates only (throughput = 1,000 × ops/s); {@code monteCarlo1000OneThread} the
 *       same on one thread (their ratio is the parallel speed-up);
 *   <li>{@code eumCaseA}: validation case A under the expected utility model, 10 rounds; {@code
 *       smpCaseC}: case C under the spatial model, to its stopping rule;
 *   <li>{@code eumRound100}: one EUM round on one issue of a random 100-actor table (as {@code
 *       bench --synthetic 100x10} draws each issue; the model is redrawn every 100 rounds);
 *   <li>{@code eumRun100x10x100}: one whole EUM run of {@code bench --synthetic 100x10} (100
 *       actors, 10 issues, exactly 100 rounds) through {@link MonteCarlo#run} on all cores, warm;
 *       {@code eumRun100x10x100Cold} the same once in each of 10 fresh JVMs, JIT compilation
 *       included, as {@code bench --synthetic 100x10 --protocol eum --rounds 100 --runs 1 --warmup
 *       0}.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class NegotiationBenchmark {

  /** The baseline, its plan, and 1,024 drawn setups to cycle through. */
  @State(Scope.Thread)
  public static class Baseline {
    Scenario scenario;
    SetupSampler.Plan plan;
    Protocol protocol;
    NegotiationSetup[] setups;
    float[][][] trajectory;
    PositionTally tally;
    int next;
    int rounds;

    @Setup
    public void load() throws Exception {
      scenario = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
      plan = SetupSampler.plan(scenario);
      protocol = new MediatedSingleText();
      rounds = scenario.experiment().rounds();
      setups = new NegotiationSetup[1024];
      for (int i = 0; i < setups.length; i++) {
        setups[i] =
            plan.draw(rounds, false, Streams.replicationSeed(scenario.experiment().seed(), i));
      }
      trajectory = new float[rounds][scenario.actors().size() + 1][scenario.issues().size()];
      tally = new PositionTally(rounds, scenario.actors().size() + 1, scenario.issues().size());
    }

    NegotiationSetup nextSetup() {
      next = (next + 1) & (setups.length - 1);
      return setups[next];
    }

    long nextSeed() {
      next = (next + 1) & (setups.length - 1);
      return Streams.replicationSeed(scenario.experiment().seed(), next);
    }
  }

  /** A baseline session at round 12 with a text on the table. */
  @State(Scope.Thread)
  public static class OpenSession {
    Protocol.Session session;
    int[] parties;
    int actors;

    @Setup(Level.Trial)
    public void open(Baseline b) {
      for (NegotiationSetup setup : b.setups) {
        Inputs in = setup.initial().copy();
        Protocol.Session s = b.protocol.open(setup, in, actor -> 0.01);
        s.propose(12);
        if (s.text() != null) {
          session = s;
          parties = setup.indicesOf(Role.PARTY);
          actors = setup.actors();
          return;
        }
      }
      throw new IllegalStateException("no baseline draw with a text");
    }
  }

  /** Validation cases A (EUM) and C (SMP). */
  @State(Scope.Thread)
  public static class Cases {
    NegotiationSetup caseA;
    NegotiationSetup caseC;
    Protocol eum;
    Protocol smp;

    @Setup
    public void load() throws Exception {
      Scenario a = ScenarioLoader.load(Path.of("scenarios/validation/case_a_eu_emissions.yaml"));
      Scenario c = ScenarioLoader.load(Path.of("scenarios/validation/case_c_ktab_dummy_3dim.yaml"));
      caseA = SetupSampler.nominal(a, 10, true);
      caseC = SetupSampler.nominal(c, c.experiment().rounds(), false);
      eum = Protocols.byName(a.protocol().name()).orElseThrow();
      smp = Protocols.byName(c.protocol().name()).orElseThrow();
    }
  }

  /**
   * One issue of a random 100-actor table, positions on 0-100 to 0.01, capabilities 1-100,
   * saliences 0.1-1.
   */
  @State(Scope.Thread)
  public static class EumTable {
    double[] x = new double[100];
    double[] c = new double[100];
    double[] s = new double[100];
    ExpectedUtilityModel model;
    int rounds;

    @Setup
    public void draw() {
      java.util.SplittableRandom r = new java.util.SplittableRandom(1);
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.round(r.nextDouble(0, 100) * 100) / 100.0;
        s[i] = Math.round(r.nextDouble(0.1, 1) * 100) / 100.0;
        c[i] = Math.round(r.nextDouble(1, 100) * 100) / 100.0;
      }
      fresh();
    }

    void fresh() {
      model = new ExpectedUtilityModel(null, x, c, s, EumOptions.scholz());
      rounds = 0;
    }
  }

  @Benchmark
  public RoundClose protocolRound(OpenSession s) {
    Protocol.Session session = s.session;
    session.propose(12);
    for (int p : s.parties) session.respond(p, 12);
    for (int a = 0; a < s.actors; a++) session.concede(a, 12);
    return session.close(12);
  }

  @Benchmark
  public double[] draftExact(Baseline b) {
    NegotiationSetup s = b.nextSetup();
    return NashDraft.exact(s.initial(), s.indicesOf(Role.PARTY), s.indicesOf(Role.MEDIATOR));
  }

  @Benchmark
  public double[] draftNelderMead(Baseline b) {
    NegotiationSetup s = b.nextSetup();
    return NashDraft.draft(s.initial(), s.indicesOf(Role.PARTY), s.indicesOf(Role.MEDIATOR));
  }

  @Benchmark
  public RunOutcome replication(Baseline b) {
    NegotiationSetup setup = b.plan.draw(b.rounds, false, b.nextSeed());
    RunOutcome r = Replication.run(setup, b.protocol, b.trajectory);
    b.tally.add(b.trajectory);
    return r;
  }

  @Benchmark
  public RoundClose bareLoop(Baseline b) {
    NegotiationSetup setup = b.plan.draw(b.rounds, false, b.nextSeed());
    return BareLoop.run(setup, b.protocol);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 5, time = 3)
  public List<?> monteCarlo1000(Baseline b) throws InterruptedException {
    MonteCarlo.Options o =
        new MonteCarlo.Options(1000, b.rounds, b.next++, Runtime.getRuntime().availableProcessors())
            .withoutOutcomes();
    return MonteCarlo.run(b.scenario, b.protocol, o, null).odds().byMonth();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 5, time = 3)
  public List<?> monteCarlo1000OneThread(Baseline b) throws InterruptedException {
    MonteCarlo.Options o = new MonteCarlo.Options(1000, b.rounds, b.next++, 1).withoutOutcomes();
    return MonteCarlo.run(b.scenario, b.protocol, o, null).odds().byMonth();
  }

  @Benchmark
  public ExpectedUtilityModel eumRound100(EumTable t) {
    if (++t.rounds > 100) t.fresh();
    t.model.step();
    return t.model;
  }

  /** The random 100-actor, 10-issue table of {@code bench --synthetic 100x10} under the EUM. */
  @State(Scope.Thread)
  public static class EumLarge {
    Scenario scenario;
    Protocol protocol;

    @Setup
    public void load() throws Exception {
      scenario = TableScenarios.synthetic(100, 10, "eum", 1);
      protocol = Protocols.byName("eum").orElseThrow();
    }

    MonteCarlo.Result runOnce() throws InterruptedException {
      return MonteCarlo.run(
          scenario,
          protocol,
          new MonteCarlo.Options(1, 100, 1, Runtime.getRuntime().availableProcessors(), true)
              .withoutOutcomes(),
          null);
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 3)
  @Measurement(iterations = 5, time = 3)
  public MonteCarlo.Result eumRun100x10x100(EumLarge t) throws InterruptedException {
    return t.runOnce();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 10, jvmArgsAppend = "-Djava.awt.headless=true")
  public MonteCarlo.Result eumRun100x10x100Cold(EumLarge t) throws InterruptedException {
    return t.runOnce();
  }

  @Benchmark
  public RunOutcome eumCaseA(Cases c) {
    return Replication.run(c.caseA, c.eum, false);
  }

  @Benchmark
  public RunOutcome smpCaseC(Cases c) {
    return Replication.run(c.caseC, c.smp, false);
  }
}
