package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.negotiate.model.Inputs;

/**
 * The offer's shortcut ({@link SegmentJudgement}) against {@link Utility#judged} at the same points
 * of the segment: the quadratic stays within a small fraction of its margin of the exact judgement,
 * so every comparison it answers is the one the exact evaluation gives (the offer, hence every
 * number of a run, unchanged). Random actors, issues, saliences with zeros, risks of both signs,
 * ties, ideals on a shared grid (kinks that coincide) and texts on kinks.
 */
class SegmentJudgementProperties {

  @Test
  void theQuadraticIsWithinAFiftiethOfItsMarginOfTheExactJudgement() {
    qt().withFixedSeed(20261207L)
        .withExamples(3000)
        .forAll(integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              Inputs in = randomInputs(r);
              int i = r.nextInt(in.actors);
              int n = in.issues;
              double[] x = in.positions(i);
              double[] text = new double[n];
              for (int k = 0; k < n; k++) {
                // a third of the texts on another actor's ideal or on the grid
                text[k] =
                    switch (r.nextInt(3)) {
                      case 0 -> in.position(r.nextInt(in.actors), k);
                      case 1 -> 10 * r.nextInt(11);
                      default -> r.nextDouble(0, 100);
                    };
              }
              double[] d = new double[n];
              for (int k = 0; k < n; k++) d[k] = text[k] - x[k];
              SegmentJudgement segment = load(in, i, x, d);
              double[] z = new double[n];
              for (int probe = 0; probe < 60; probe++) {
                // bisection-like points (dyadic) and arbitrary ones, and the ends
                double m =
                    switch (probe % 3) {
                      case 0 -> (r.nextInt(1 << 20) + 0.5) / (1 << 20);
                      case 1 -> r.nextDouble();
                      default -> probe % 2 == 0 ? 0 : 1;
                    };
                for (int k = 0; k < n; k++) z[k] = x[k] + m * d[k];
                double exact = Utility.judged(in, i, z);
                double quick = segment.at(m);
                assertTrue(
                    Math.abs(quick - exact) <= segment.margin() / 50,
                    "seed "
                        + seed
                        + " m "
                        + m
                        + ": quadratic "
                        + quick
                        + ", exact "
                        + exact
                        + ", margin "
                        + segment.margin());
              }
              // the margin stays small enough to spare most halvings
              assertTrue(segment.margin() < 1e-9, "margin " + segment.margin());
            });
  }

  private static SegmentJudgement load(Inputs in, int i, double[] x, double[] d) {
    int n = in.actors;
    double[][] s = new double[n][];
    double[][] ideal = new double[n][];
    double[] risk = new double[n];
    double[] sum = new double[n];
    for (int j = 0; j < n; j++) {
      s[j] = new double[in.issues];
      for (int k = 0; k < in.issues; k++) s[j][k] = in.salience(j, k);
      ideal[j] = in.positions(j);
      risk[j] = in.risk(j);
      sum[j] = in.salienceSum(j);
    }
    int count = 0;
    for (int j = 0; j < n; j++) if (in.tie(i, j) > 0) count++;
    int[] tied = new int[count];
    double[] weight = new double[count];
    count = 0;
    for (int j = 0; j < n; j++) {
      if (in.tie(i, j) > 0) {
        tied[count] = j;
        weight[count++] = in.tie(i, j);
      }
    }
    SegmentJudgement segment = new SegmentJudgement();
    segment.load(i, x, d, s, ideal, risk, sum, tied, weight);
    return segment;
  }

  private static Inputs randomInputs(SplittableRandom r) {
    int actors = 1 + r.nextInt(6);
    int issues = 1 + r.nextInt(r.nextInt(8) == 0 ? 50 : 6);
    Inputs.Builder in = Inputs.builder(actors, issues, r.nextBoolean());
    for (int i = 0; i < actors; i++) {
      in.risk(i, r.nextInt(3) == 0 ? 0 : r.nextDouble(-1, 1));
      double[] s = new double[issues];
      double sum = 0;
      for (int k = 0; k < issues; k++) {
        in.position(i, k, r.nextInt(4) == 0 ? 10 * r.nextInt(11) : r.nextDouble(0, 100));
        s[k] = r.nextInt(5) == 0 ? 0 : r.nextDouble();
        sum += s[k];
      }
      for (int k = 0; k < issues; k++) in.salience(i, k, sum > 0 ? s[k] / sum : 0);
      double ties = 0;
      for (int j = 0; j < actors; j++) {
        if (j != i && r.nextInt(3) == 0) {
          double t = r.nextDouble(0, 0.999 - ties);
          ties += t;
          in.tie(i, j, t);
        }
      }
    }
    return in.build();
  }
}
