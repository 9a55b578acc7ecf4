package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;

/**
 * The design of a sensitivity analysis, and that running its repeated rows once changes nothing.
 */
class SensitivityTest {
  private static final Scenario BASELINE = ExplorationEngineTest.BASELINE;
  private static final Protocol MEDIATED = new MediatedSingleText();

  /** The local engine, counting the pieces it is given. */
  private static final class Counting implements Engine {
    final LocalEngine local = new LocalEngine(2);
    long pieces;

    @Override
    public String name() {
      return local.name();
    }

    @Override
    public String master() {
      return null;
    }

    @Override
    public int parallelism() {
      return local.parallelism();
    }

    @Override
    public boolean distributed() {
      return false;
    }

    @Override
    public int blockReplications() {
      return local.blockReplications();
    }

    @Override
    public <T extends Serializable> List<T> map(
        int n, long replicationsEach, Task<T> task, Progress progress) throws InterruptedException {
      pieces += n;
      return local.map(n, replicationsEach, task, progress);
    }

    @Override
    public long tasks() {
      return local.tasks();
    }

    @Override
    public void close() {
      local.close();
    }
  }

  @Test
  void eachDistinctRowRunsOnceAndEveryPointGetsWhatRunningItAloneGives() throws Exception {
    List<UncertainInput> inputs =
        UncertainInput.select(UncertainInput.of(BASELINE, true), List.of("turkey.*"));
    int k = inputs.size();
    int samples = 8;
    int runs = 12;
    Sensitivity.Settings o = new Sensitivity.Settings(runs, 24, false, 7, 2, 23, samples, 100);

    // the design as the class documents it, built here independently
    List<double[]> rows = new ArrayList<>();
    double[] nominal = new double[k];
    for (int i = 0; i < k; i++) nominal[i] = inputs.get(i).quantity().nominal();
    rows.add(nominal);
    for (int i = 0; i < k; i++) {
      double[] lo = nominal.clone();
      lo[i] = inputs.get(i).quantity().min();
      double[] hi = nominal.clone();
      hi[i] = inputs.get(i).quantity().max();
      rows.add(lo);
      rows.add(hi);
    }
    SobolIndices.Design d = SobolIndices.design(k, samples);
    for (double[] u : d.rows()) {
      double[] x = new double[k];
      for (int i = 0; i < k; i++) x[i] = inputs.get(i).quantity().quantile(u[i]);
      rows.add(x);
    }
    assertEquals(Sensitivity.points(k, samples), rows.size());

    Sensitivity.Points p = Sensitivity.points(inputs, samples);
    assertEquals(rows.size(), p.rows().size());
    for (int j = 0; j < rows.size(); j++) {
      assertArrayEquals(rows.get(j), p.rows().get(j), "row " + j);
      assertArrayEquals(rows.get(j), p.distinct().get(p.evaluatedAs(j)), "row " + j + " runs as");
    }
    // AB_i repeats A at every base row where A and B share coordinate i (the sequence's early
    // points take few values: 1/4 and 3/4 in every dimension at the first two rows)
    int a0 = 2 * k + 1;
    int repeats = 0;
    for (int j = 0; j < samples; j++) {
      for (int i = 0; i < k; i++) {
        if (d.a()[j][i] == d.b()[j][i]) {
          repeats++;
          assertEquals(p.evaluatedAs(a0 + j), p.evaluatedAs(a0 + (2 + i) * samples + j));
        }
      }
    }
    assertTrue(repeats > 0, "the design repeats rows");
    assertTrue(p.distinct().size() <= rows.size() - repeats, p.distinct().size() + " distinct");
    Sensitivity.Result r;
    Counting engine = new Counting();
    try (engine) {
      r = Sensitivity.run(BASELINE, MEDIATED, inputs, o, engine, null, null);
    }
    assertEquals(p.distinct().size(), engine.pieces, "pieces run");

    // every point run on its own, as before repeated rows were merged
    double[] f = new double[rows.size()];
    long failed = 0;
    for (int j = 0; j < rows.size(); j++) {
      Batch.Outcomes b = atPoint(BASELINE, inputs, rows.get(j), 7, runs);
      f[j] = b.oddsBy(23);
      failed += b.failed();
    }
    assertEquals(failed, r.failedReplications());
    assertEquals(f[0], r.nominalOdds(), 0.0);
    for (int i = 0; i < k; i++) {
      assertEquals(f[1 + 2 * i], r.oat().get(i).atMin(), 0.0, inputs.get(i).key());
      assertEquals(f[2 + 2 * i], r.oat().get(i).atMax(), 0.0, inputs.get(i).key());
    }
    double[] y = java.util.Arrays.copyOfRange(f, a0, f.length);
    SobolIndices.Result expected = SobolIndices.estimate(d, y, 100, 0.95, 7);
    assertEquals(expected.variance(), r.sobol().variance(), 0.0);
    assertTrue(expected.variance() > 0, "the design moves the odds");
    for (int i = 0; i < k; i++) {
      assertEquals(expected.first()[i], r.sobol().first()[i], inputs.get(i).key());
      assertEquals(expected.total()[i], r.sobol().total()[i], inputs.get(i).key());
    }
  }

  /** A design point's replications: the studied inputs given the point's values, as drawn. */
  static Batch.Outcomes atPoint(
      Scenario s, List<UncertainInput> inputs, double[] x, long seed, int runs) {
    java.util.Map<Long, Double> values = new java.util.HashMap<>();
    for (int i = 0; i < inputs.size(); i++)
      values.put(org.negotiate.model.Streams.keyMix(inputs.get(i).key()), x[i]);
    return Batch.run(
        org.negotiate.model.SetupSampler.plan(s, key -> values.getOrDefault(key, Double.NaN)),
        MEDIATED,
        24,
        false,
        seed,
        runs);
  }
}
