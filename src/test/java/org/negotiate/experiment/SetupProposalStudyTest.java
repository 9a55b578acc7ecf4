package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.scenario.AsOf;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.sim.RunOutcome;

/**
 * Whether proposing set-ups near the kept ones would speed up the conditioned forecast
 * (docs/forecasting.md, "What limits the conditioned forecast's speed"): the population Monte Carlo
 * step that document designed, measured on the baseline as of 2024-08 before anyone builds it. A
 * first stage from the prior; then proposals from a mixture of the prior (a tenth) and truncated
 * normal kernels around the kept set-ups' uniforms (bandwidth a multiple of the kept sample's
 * spread, input by input), each run with streams of its own and weighted by prior over proposal
 * density when kept. It prints, per bandwidth, how often a proposal is kept and the effective
 * sample size of the weights; run it alone with {@code mvn -Plong test
 * -Dtest=SetupProposalStudyTest -Dfuzz.skip=true}.
 */
class SetupProposalStudyTest {

  /**
   * The rejection sampler's first stage on the baseline as of 2024-08: 3,000 prior draws, the
   * uniforms of the kept ones, whether each kept run made a deal, and the kept sample's spread of
   * each input's uniform.
   */
  private record FirstStage(
      Scenario scenario,
      int rounds,
      long seed,
      Conditions conditions,
      SetupSampler.Plan plan,
      MediatedSingleText protocol,
      List<UncertainInput> inputs,
      long[] keys,
      int tried,
      List<double[]> kept,
      List<Boolean> keptDeal,
      double[] spread) {
    static FirstStage run() throws Exception {
      int rounds = 24;
      long seed = 20221201L;
      Scenario full = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of());
      AsOf.Cut cut = AsOf.cut(full, YearMonth.of(2024, 8), rounds);
      Scenario s = cut.scenario();
      Conditions c =
          Conditions.of(s, cut.observations(), SetupSampler.nominal(s, rounds), 1_000_000);
      SetupSampler.Plan plan = SetupSampler.plan(s);
      MediatedSingleText protocol = new MediatedSingleText();
      List<UncertainInput> inputs = UncertainInput.of(s, true);
      int d = inputs.size();
      long[] keys = new long[d];
      for (int j = 0; j < d; j++) keys[j] = Streams.keyMix(inputs.get(j).key());
      int tried = 3000;
      List<double[]> kept = new ArrayList<>();
      List<Boolean> keptDeal = new ArrayList<>();
      for (int i = 0; i < tried; i++) {
        long rs = Streams.replicationSeed(seed, i);
        RunOutcome r = keptRun(plan.draw(rounds, false, rs), rs, protocol, c);
        if (r != null) {
          double[] u = new double[d];
          for (int j = 0; j < d; j++) u[j] = Streams.uniform(rs, keys[j]);
          kept.add(u);
          keptDeal.add(r.agreed());
        }
      }
      double[] spread = new double[d];
      for (int j = 0; j < d; j++) {
        double m = 0;
        double v = 0;
        for (double[] u : kept) m += u[j];
        m /= kept.size();
        for (double[] u : kept) v += (u[j] - m) * (u[j] - m);
        spread[j] = Math.sqrt(v / (kept.size() - 1));
      }
      return new FirstStage(
          s, rounds, seed, c, plan, protocol, inputs, keys, tried, kept, keptDeal, spread);
    }
  }

  private static double normalCdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }

  @Test
  @Tag("long") // ~3,000 + 5 x 1,500 replications of the baseline
  void proposalsNearKeptSetUpsAreKeptMoreOftenButTheirWeightsDegenerate() throws Exception {
    FirstStage f = FirstStage.run();
    int rounds = f.rounds();
    long seed = f.seed();
    Conditions c = f.conditions();
    MediatedSingleText protocol = f.protocol();
    List<UncertainInput> inputs = f.inputs();
    int d = inputs.size();
    long[] keys = f.keys();
    List<double[]> kept = f.kept();
    int k0 = kept.size();
    int tried = f.tried();
    double priorRate = (double) k0 / tried;
    double[] spread = f.spread();
    System.out.printf(
        "as of 2024-08, %d inputs: the prior keeps %d of %d (%.3f)%n", d, k0, tried, priorRate);

    double alpha = 0.1;
    int proposals = 1500;
    double bestKernelRate = 0;
    double bestGain = 0;
    for (double scale : new double[] {0.1, 0.25, 0.5, 1.0, 2.0}) {
      double[] h = new double[d];
      double logH = 0;
      for (int j = 0; j < d; j++) {
        h[j] = scale * spread[j];
        logH += Math.log(h[j]);
      }
      // each kernel's mass inside the unit cube, so that it is a density there
      double[] logMass = new double[k0];
      for (int k = 0; k < k0; k++) {
        for (int j = 0; j < d; j++) {
          double m = kept.get(k)[j];
          logMass[k] += Math.log(normalCdf((1 - m) / h[j]) - normalCdf(-m / h[j]));
        }
      }
      SplittableRandom rnd = new SplittableRandom(Streams.streamSeed(seed, "proposal-study"));
      double sw = 0;
      double sw2 = 0;
      int fromKernels = 0;
      int keptFromKernels = 0;
      for (int i = 0; i < proposals; i++) {
        double[] u = new double[d];
        boolean fromPrior = rnd.nextDouble() < alpha;
        if (fromPrior) {
          for (int j = 0; j < d; j++) u[j] = rnd.nextDouble();
        } else {
          fromKernels++;
          double[] m = kept.get(rnd.nextInt(k0));
          for (int j = 0; j < d; j++) {
            double x;
            do x = m[j] + h[j] * gaussian(rnd);
            while (x <= 0 || x >= 1);
            u[j] = x;
          }
        }
        double kernels = 0;
        for (int k = 0; k < k0; k++) {
          double q = -logH - logMass[k] - 0.5 * d * Math.log(2 * Math.PI);
          double[] m = kept.get(k);
          for (int j = 0; j < d; j++) {
            double z = (u[j] - m[j]) / h[j];
            q -= 0.5 * z * z;
          }
          kernels += Math.exp(q);
        }
        double density = alpha + (1 - alpha) * kernels / k0; // the prior's is 1 on the cube
        Map<Long, Double> given = new HashMap<>();
        for (int j = 0; j < d; j++) given.put(keys[j], inputs.get(j).quantity().quantile(u[j]));
        long rs = Streams.replicationSeed(seed + 1, i);
        NegotiationSetup setup =
            SetupSampler.plan(f.scenario(), key -> given.getOrDefault(key, Double.NaN))
                .draw(rounds, false, rs);
        if (keptRun(setup, rs, protocol, c) != null) {
          if (!fromPrior) keptFromKernels++;
          double w = 1 / density;
          sw += w;
          sw2 += w * w;
        }
      }
      double ess = sw2 == 0 ? 0 : sw * sw / sw2;
      double kernelRate = (double) keptFromKernels / fromKernels;
      double gain = ess / proposals / priorRate;
      bestKernelRate = Math.max(bestKernelRate, kernelRate);
      bestGain = Math.max(bestGain, gain);
      System.out.printf(
          "bandwidth %.2f x the kept spread: kernel proposals kept %.3f (%.1fx the prior's);"
              + " effective sample size %.0f of %d proposals, %.2fx the rejection sampler's%n",
          scale, kernelRate, kernelRate / priorRate, ess, proposals, gain);
    }
    // the set-up decides much of the acceptance (as AcceptanceSpread measures)...
    assertTrue(bestKernelRate > 2 * priorRate, "kernel acceptance " + bestKernelRate);
    // ...but in this many dimensions the weights leave too few effective runs to gain by it
    assertTrue(bestGain < 1, "the weighted sampler's gain " + bestGain);
  }

  private static RunOutcome keptRun(
      NegotiationSetup setup, long replicationSeed, MediatedSingleText protocol, Conditions c) {
    return ReplicationLoop.attemptSetup(setup, replicationSeed, -1, protocol, null, c)
            instanceof ReplicationLoop.Counted k
        ? k.outcome()
        : null;
  }

  private static double gaussian(SplittableRandom r) {
    // Box–Muller: one normal from two uniforms
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
