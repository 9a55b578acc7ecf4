package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;
import org.negotiate.sim.RunOutcome;

/**
 * Likelihood-free Markov chain Monte Carlo over set-ups (Marjoram et al. 2003) for a forecast
 * conditioned on observations, built to measure whether it beats the rejection sampler (most of
 * what rejects a run is decided by its drawn inputs): it does not on the baseline (see {@link
 * ChainsStudyTest} and docs/forecasting.md), so it lives with the tests, not in the tool.
 *
 * <p>The state of a chain is a point of the unit cube, one uniform per uncertain input ({@link
 * UncertainInput}: the input's value is its quantity's quantile of it, exactly as a replication
 * draws it), with the outcome of a run from it that reproduced the observations. A step proposes
 * the uniforms moved by a normal step (each input's scale a fraction of the spread of the kept
 * starts, reflected into the cube, so the proposal is symmetric) and runs a replication from them,
 * with everything else (protocol draws, random events, what happens within the run, the soft
 * observations' acceptance draw) from the step's own seed. If that run reproduces the observations
 * the chain moves there; otherwise it stays and counts its current run again. The prior is flat on
 * the cube and the proposal symmetric, so a step is accepted with the probability that its run is
 * kept, and the chain leaves the conditioned distribution of (inputs, outcome) invariant.
 *
 * <p>Chains start at runs the rejection sampler kept (the first {@code chains} of the run with the
 * same seed): exact draws of the target, so no step is thrown away as burn-in. Chain {@code c}'s
 * step {@code t} draws from the seed {@link #stepSeed}, never from the thread that runs it, and
 * whether to go on is decided only between batches of steps, on every chain's steps so far: the
 * same seed gives the same steps on any thread count.
 *
 * <p>Steps of one chain are correlated, so their count overstates what they are worth: {@link
 * Sample#effective} is the effective sample size of the deal's probability from the spread of the
 * chains' means (batch means with a chain per batch; the chains are independent).
 */
final class Chains {
  private Chains() {}

  /**
   * How the chains are run.
   *
   * @param chains how many chains (and kept rejection runs to start them from)
   * @param step each input's step, as a share of the spread of the starts' uniforms of it
   * @param batch steps each chain takes between two checks of the effective sample size
   * @param maxStepsPerEffective stop after this many steps per effective run wanted, whatever the
   *     effective size reached (as the rejection sampler stops after its tries per kept run)
   */
  public record Settings(int chains, double step, int batch, int maxStepsPerEffective) {
    /** A quarter of the kept spread: the step the study in docs/forecasting.md measured best. */
    public static final Settings DEFAULT = new Settings(64, 0.25, 16, 50);

    public Settings {
      if (chains < 2) throw new IllegalArgumentException("at least 2 chains, not " + chains);
      if (!(step > 0)) throw new IllegalArgumentException("a positive step, not " + step);
      if (batch < 1) throw new IllegalArgumentException("a positive batch, not " + batch);
      if (maxStepsPerEffective < 1)
        throw new IllegalArgumentException("a positive step cap, not " + maxStepsPerEffective);
    }
  }

  /**
   * What the chains sampled.
   *
   * @param inputs the uncertain inputs, in the order of {@link #uniforms}' columns
   * @param outcomes every step's current run, chain by chain ({@code chains × stepsPerChain}); a
   *     run appears once per step the chain stayed on it
   * @param uniforms the uniforms each entry of {@code outcomes} was run from (an array is shared by
   *     the steps that stayed on it; never written after)
   * @param stepsPerChain steps each chain took
   * @param starts the rejection run the chains started from
   * @param proposals steps proposed (= runs made by the chains)
   * @param moves proposals whose run reproduced the observations
   * @param effective the effective sample size of the deal's probability
   */
  public record Sample(
      List<UncertainInput> inputs,
      List<RunOutcome> outcomes,
      List<double[]> uniforms,
      int chains,
      int stepsPerChain,
      MonteCarlo.Result starts,
      long proposals,
      long moves,
      double effective) {

    /** The share of the steps whose current run is a deal. */
    public double dealShare() {
      long deals = outcomes.stream().filter(RunOutcome::agreed).count();
      return outcomes.isEmpty() ? Double.NaN : (double) deals / outcomes.size();
    }

    /** Replications run in all: the starting rejection run's tries and the chains' proposals. */
    public long replicationsRun() {
      return starts.attempted() + proposals;
    }
  }

  /** The seed of chain {@code chain}'s step {@code step} of a run with base seed {@code seed}. */
  static long stepSeed(long seed, int chain, int step) {
    return Streams.replicationSeed(
        Streams.streamSeed(seed, "chains"), ((long) chain << 32) | (step & 0xffffffffL));
  }

  /**
   * Runs the chains until the deal's probability has {@code o.replications()} effective runs (or
   * the step cap is reached).
   *
   * @param o the conditioned run's options ({@code o.conditions()} not null)
   */
  public static Sample run(Scenario s, Protocol protocol, MonteCarlo.Options o, Settings cfg)
      throws InterruptedException {
    Conditions conditions = o.conditions();
    if (conditions == null) throw new IllegalArgumentException("chains need observations");
    List<UncertainInput> inputs = UncertainInput.of(s, true);
    int d = inputs.size();
    long[] keys = new long[d];
    for (int j = 0; j < d; j++) keys[j] = Streams.keyMix(inputs.get(j).key());

    MonteCarlo.Options first =
        new MonteCarlo.Options(
                cfg.chains(),
                o.rounds(),
                o.seed(),
                o.threads(),
                o.exactRounds(),
                true,
                0,
                conditions)
            .withThreads(o.threads());
    MonteCarlo.Result starts = MonteCarlo.run(s, protocol, first, null);
    List<RunOutcome> kept = starts.outcomes();
    int chains = Math.min(cfg.chains(), kept.size());
    if (kept.isEmpty()) throw NoReplicationReproduces.of(starts, conditions, null);
    if (chains < 2) {
      // one chain has no spread to judge its correlation by
      throw new NoReplicationReproduces(
          "",
          starts.rejections().total(),
          starts.attempted(),
          "the chains need at least 2 runs that reproduce the observations to start from; 1 of "
              + starts.attempted()
              + " tried did");
    }
    double[][] start = new double[chains][d];
    for (int c = 0; c < chains; c++)
      for (int j = 0; j < d; j++) start[c][j] = Streams.uniform(kept.get(c).seed(), keys[j]);
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) scale[j] = cfg.step() * spread(start, j);

    Chain[] all = new Chain[chains];
    for (int c = 0; c < chains; c++)
      all[c] = new Chain(c, start[c], kept.get(c), s, protocol, o, inputs, keys, scale);
    int target = Math.max(1, o.replications());
    long cap = (long) cfg.maxStepsPerEffective() * target;
    int steps = 0;
    double effective = 0;
    ExecutorService pool = o.threads() > 1 ? Executors.newFixedThreadPool(o.threads()) : null;
    try {
      while (true) {
        int batch = cfg.batch();
        List<Callable<Void>> work = new ArrayList<>();
        for (Chain ch : all)
          work.add(
              () -> {
                ch.advance(batch);
                return null;
              });
        if (pool == null) {
          for (Callable<Void> w : work) w.call();
        } else {
          for (Future<Void> f : pool.invokeAll(work)) f.get();
        }
        steps += batch;
        effective = effective(all, steps);
        if (effective >= target || (long) steps * chains >= cap) break;
      }
    } catch (ExecutionException e) {
      Throwable t = e.getCause();
      if (t instanceof RuntimeException r) throw r;
      if (t instanceof Error err) throw err;
      throw new IllegalStateException(t);
    } catch (InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      if (pool != null) pool.shutdownNow();
    }
    List<RunOutcome> outcomes = new ArrayList<>(chains * steps);
    List<double[]> uniforms = new ArrayList<>(chains * steps);
    long proposals = 0;
    long moves = 0;
    for (Chain ch : all) {
      outcomes.addAll(ch.outcomes);
      uniforms.addAll(ch.uniforms);
      proposals += ch.proposals;
      moves += ch.moves;
    }
    return new Sample(
        inputs,
        List.copyOf(outcomes),
        List.copyOf(uniforms),
        chains,
        steps,
        starts,
        proposals,
        moves,
        effective);
  }

  /**
   * The effective sample size of the deal's share over the chains' first {@code steps} steps: the
   * binomial variance over the variance of the mean the chains' spread shows, at most the steps'
   * count (they cannot be worth more than independent runs). With no spread at all (every chain all
   * deals, or none) the steps' count: the share is 0 or 1 either way.
   */
  static double effective(Chain[] all, int steps) {
    int chains = all.length;
    double[] means = new double[chains];
    double p = 0;
    for (int c = 0; c < chains; c++) {
      int deals = 0;
      for (int t = 0; t < steps; t++) if (all[c].outcomes.get(t).agreed()) deals++;
      means[c] = (double) deals / steps;
      p += means[c];
    }
    p /= chains;
    return effective(means, p, (long) chains * steps);
  }

  /** {@link #effective(Chain[], int)} from the chains' means and their mean. */
  static double effective(double[] chainMeans, double p, long steps) {
    int chains = chainMeans.length;
    double ss = 0;
    for (double m : chainMeans) ss += (m - p) * (m - p);
    double varOfMean = ss / (chains - 1) / chains;
    if (!(varOfMean > 0)) return steps;
    return Math.min(steps, p * (1 - p) / varOfMean);
  }

  /** The standard deviation of column j (at least a small floor, so a step always moves). */
  private static double spread(double[][] u, int j) {
    double m = 0;
    for (double[] row : u) m += row[j];
    m /= u.length;
    double ss = 0;
    for (double[] row : u) ss += (row[j] - m) * (row[j] - m);
    return Math.max(1e-3, Math.sqrt(ss / (u.length - 1)));
  }

  /** One chain: its state, and the runs it counted. */
  private static final class Chain {
    final int index;
    final Scenario s;
    final Protocol protocol;
    final MonteCarlo.Options o;
    final List<UncertainInput> inputs;
    final long[] keys;
    final double[] scale;
    double[] u;
    RunOutcome current;
    final List<RunOutcome> outcomes = new ArrayList<>();
    final List<double[]> uniforms = new ArrayList<>();
    long proposals;
    long moves;

    Chain(
        int index,
        double[] u,
        RunOutcome current,
        Scenario s,
        Protocol protocol,
        MonteCarlo.Options o,
        List<UncertainInput> inputs,
        long[] keys,
        double[] scale) {
      this.index = index;
      this.u = u;
      this.current = current;
      this.s = s;
      this.protocol = protocol;
      this.o = o;
      this.inputs = inputs;
      this.keys = keys;
      this.scale = scale;
    }

    void advance(int steps) {
      for (int k = 0; k < steps; k++) step(outcomes.size());
    }

    private void step(int t) {
      long seed = stepSeed(o.seed(), index, t);
      int d = u.length;
      double[] next = new double[d];
      for (int j = 0; j < d; j++) {
        double x = u[j] + scale[j] * normal(seed, keys[j]);
        // reflected into the open cube: the step stays symmetric
        while (x <= 0 || x >= 1) x = x <= 0 ? -x : 2 - x;
        next[j] = x;
      }
      java.util.Map<Long, Double> given = new java.util.HashMap<>(2 * d);
      for (int j = 0; j < d; j++) given.put(keys[j], inputs.get(j).quantity().quantile(next[j]));
      proposals++;
      RunOutcome r = kept(given, seed);
      if (r != null) {
        u = next;
        current = r;
        moves++;
      }
      outcomes.add(current);
      uniforms.add(u);
    }

    /** The run from these inputs with this seed, if it is kept; null if not (or it failed). */
    private RunOutcome kept(java.util.Map<Long, Double> given, long seed) {
      NegotiationSetup setup;
      try {
        setup =
            SetupSampler.plan(s, key -> given.getOrDefault(key, Double.NaN))
                .draw(o.rounds(), o.exactRounds(), seed);
      } catch (RuntimeException e) {
        return null;
      }
      ReplicationLoop.Attempt a =
          ReplicationLoop.attemptSetup(setup, seed, -1, protocol, null, o.conditions());
      return a instanceof ReplicationLoop.Counted c ? c.outcome() : null;
    }
  }

  /**
   * A standard normal for input {@code key} at the step with this seed (Box–Muller on two of the
   * step's streams; StrictMath, so every JVM gives the same bits).
   */
  static double normal(long seed, long key) {
    double u1 = Streams.uniform(seed, Streams.mix(key ^ 0x5DEECE66DL));
    double u2 = Streams.uniform(seed, Streams.mix(key ^ 0xB5AD4ECEDA1CE2A9L));
    return StrictMath.sqrt(-2 * StrictMath.log1p(-u1)) * StrictMath.cos(2 * Math.PI * u2);
  }
}
