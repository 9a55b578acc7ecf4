package org.negotiate.protocol.analysis;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.negotiate.model.Inputs;
import org.negotiate.protocol.NashDraft;

/**
 * Properties on random small negotiations: 2–3 parties, 1–3 issues, sometimes a tied stakeholder,
 * any risk attitude (so utilities need not be concave), red lines that may or may not leave a zone.
 */
class OutcomeSpaceProperties {
  private static final int EXAMPLES = Integer.getInteger("analysis.examples", 100);

  /**
   * A fixed seed, so the build is reproducible ({@code -Danalysis.seed=N} explores others), and no
   * shrinking: the generated value is itself a seed, a smaller one is no simpler a case.
   */
  private static org.quicktheories.QuickTheory theory() {
    return qt().withFixedSeed(Long.getLong("analysis.seed", 20261122L)).withShrinkCycles(0);
  }

  /** A random case: inputs plus the party list (actor indices, in a random order). */
  record Case(Inputs in, int[] parties, long seed) {
    @Override
    public String toString() {
      return "Case[seed=" + seed + "]";
    }
  }

  static Case randomCase(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int parties = r.nextInt(2, 4);
    int issues = r.nextInt(1, 4);
    boolean stakeholder = r.nextInt(3) == 0;
    int actors = parties + (stakeholder ? 1 : 0);
    Inputs.Builder in = Inputs.builder(actors, issues);
    for (int i = 0; i < actors; i++) {
      double sum = 0;
      double[] s = new double[issues];
      for (int k = 0; k < issues; k++) {
        in.position(i, k, r.nextInt(4) == 0 ? 100 * r.nextInt(2) : r.nextDouble(0, 100));
        s[k] = r.nextDouble(0.02, 1);
        sum += s[k];
      }
      for (int k = 0; k < issues; k++) in.salience(i, k, s[k] / sum);
      in.risk(i, r.nextInt(4) == 0 ? 0 : r.nextDouble(-1, 1));
      in.capability(i, r.nextDouble(0.2, 3));
      in.reservation(i, r.nextInt(4) == 0 ? 0 : r.nextDouble(0, 0.6));
      if (i < parties && r.nextInt(2) == 0) {
        int k = r.nextInt(issues);
        double a = r.nextDouble(0, 100);
        double b = r.nextDouble(0, 100);
        in.redLineMin(i, k, Math.min(a, b));
        in.redLineMax(i, k, Math.max(a, b));
      }
    }
    if (stakeholder) in.tie(0, actors - 1, r.nextDouble(0, 0.6));
    int[] p = new int[parties];
    for (int q = 0; q < parties; q++) p[q] = q;
    for (int q = parties - 1; q > 0; q--) {
      int j = r.nextInt(q + 1);
      int t = p[q];
      p[q] = p[j];
      p[j] = t;
    }
    return new Case(in.build(), p, seed);
  }

  /** Random packages inside the zone, from their own stream. */
  static double[][] samples(double[][] box, long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[][] out = new double[n][box[0].length];
    for (int s = 0; s < n; s++) {
      for (int k = 0; k < box[0].length; k++) {
        double lo = box[0][k];
        double hi = box[1][k];
        // a quarter of the terms on a bound or an ideal-ish corner
        out[s][k] =
            r.nextInt(5) == 0 ? (r.nextBoolean() ? lo : hi) : lo + (hi - lo) * r.nextDouble();
      }
    }
    return out;
  }

  private static void check(boolean ok, Case c, String what) {
    if (!ok) throw new AssertionError(what + " (" + c + ")");
  }

  @Test
  void frontierPointsAreParetoOptimal() {
    theory()
        .withExamples(EXAMPLES / 2)
        .forAll(integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              OutcomeSpace s = OutcomeSpace.of(c.in, c.parties);
              List<Outcome> f = s.frontier();
              check(
                  f.isEmpty() == !s.feasible(), c, "frontier empty exactly when there is no zone");
              if (f.isEmpty()) return;
              double[][] box = s.zone().orElseThrow();
              for (Outcome p : f) {
                for (int k = 0; k < box[0].length; k++) {
                  check(
                      p.term(k) >= box[0][k] - 1e-9 && p.term(k) <= box[1][k] + 1e-9,
                      c,
                      "frontier point outside the zone");
                }
                for (Outcome o : f)
                  check(!dominates(o.utilities(), p.utilities(), 1e-7), c, o + " dominates " + p);
              }
              double[][] zs = samples(box, seed, 300);
              for (double[] z : zs) {
                double[] u = s.utilities(z);
                for (Outcome p : f)
                  check(!dominates(u, p.utilities(), 1e-6), c, "sampled package dominates " + p);
              }
              // the gap-filled points are optimised, not exact: they too lie on the frontier
              for (int i = 0; i < f.size(); i += Math.max(1, f.size() / 6)) {
                double t = s.distanceToFrontier(f.get(i).terms()).orElseThrow();
                check(
                    t >= -1e-12 && t < 1e-6,
                    c,
                    "distance of frontier point " + f.get(i) + " is " + t);
              }
            });
  }

  @Test
  void nashAndKalaiSmorodinskyAreRationalAndInsideTheZone() {
    theory()
        .withExamples(EXAMPLES)
        .forAll(integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              OutcomeSpace s = OutcomeSpace.of(c.in, c.parties);
              if (!s.feasible()) {
                check(
                    s.nash().isEmpty()
                        && s.kalaiSmorodinsky().isEmpty()
                        && s.maxJointUtility().isEmpty(),
                    c,
                    "no zone, no points");
                return;
              }
              double[][] box = s.zone().orElseThrow();
              double[] r = s.disagreement();
              boolean sampledRational = false;
              for (double[] z : samples(box, seed, 300))
                sampledRational |= geq(s.utilities(z), r, 1e-6);
              check(
                  !sampledRational || s.rational(),
                  c,
                  "a sampled package is rational but the space says none is");
              check(
                  s.nash().isPresent() == s.rational()
                      && s.kalaiSmorodinsky().isPresent() == s.rational(),
                  c,
                  "presence");
              for (Outcome o :
                  List.of(
                          s.nash(),
                          s.symmetricNash(),
                          s.kalaiSmorodinsky(),
                          s.egalitarian(),
                          s.maxJointUtility())
                      .stream()
                      .flatMap(java.util.Optional::stream)
                      .toList()) {
                for (int k = 0; k < box[0].length; k++) {
                  check(
                      o.term(k) >= box[0][k] - 1e-9 && o.term(k) <= box[1][k] + 1e-9,
                      c,
                      o + " outside the zone");
                }
              }
              if (s.rational()) {
                check(
                    geq(s.nash().orElseThrow().utilities(), r, 1e-7),
                    c,
                    "Nash gives a party less than its reservation");
                check(
                    geq(s.symmetricNash().orElseThrow().utilities(), r, 1e-7),
                    c,
                    "symmetric Nash below a reservation");
                check(
                    geq(s.kalaiSmorodinsky().orElseThrow().utilities(), r, 1e-7),
                    c,
                    "KS gives a party less than its reservation");
                double[] ideal = s.idealPoint().orElseThrow();
                for (double[] z : samples(box, seed + 1, 300)) {
                  double[] u = s.utilities(z);
                  if (geq(u, r, 0)) {
                    for (int q = 0; q < u.length; q++)
                      check(u[q] <= ideal[q] + 1e-6, c, "ideal point beaten by a sample");
                  }
                }
              }
            });
  }

  /** Optimisation quality: no sampled package beats what the optimisers report. */
  @Test
  void noSampledPackageBeatsTheOptimisers() {
    theory()
        .withExamples(EXAMPLES)
        .forAll(integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              OutcomeSpace s = OutcomeSpace.of(c.in, c.parties);
              if (!s.feasible()) return;
              double[][] box = s.zone().orElseThrow();
              double[][] zs = samples(box, seed + 2, 300);
              Outcome joint = s.maxJointUtility().orElseThrow();
              double best = sum(joint.utilities());
              for (double[] z : zs)
                check(sum(s.utilities(z)) <= best + 1e-9, c, "a sample has more joint utility");
              double[] z0 = zs[0];
              double[] u0 = s.utilities(z0);
              double t = s.distanceToFrontier(z0).orElseThrow();
              for (double[] z : zs) {
                double[] u = s.utilities(z);
                double m = Double.POSITIVE_INFINITY;
                for (int q = 0; q < u.length; q++) m = Math.min(m, u[q] - u0[q]);
                check(m <= t + 1e-6, c, "distance to frontier " + t + " but a sample gains " + m);
              }
              if (s.rational()) {
                int[] sorted = c.parties.clone();
                java.util.Arrays.sort(sorted);
                double nash =
                    NashDraft.objective(c.in, sorted, new int[0], s.nash().orElseThrow().terms());
                for (double[] z : zs) {
                  check(
                      NashDraft.objective(c.in, sorted, new int[0], z) <= nash + 1e-6,
                      c,
                      "a sample has a larger Nash product");
                }
              }
            });
  }

  /**
   * Two parties with concave utilities take the exact path (bisection along the weighted-sum
   * frontier): the Kalai–Smorodinsky point and the egalitarian point lie where their rays meet the
   * frontier, so no sampled package, however dense, gives both parties more along the ray.
   */
  @Test
  void twoConcavePartiesMeetTheirRaysExactly() {
    theory()
        .withExamples(EXAMPLES * 3)
        .forAll(integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              Inputs.Builder concave = c.in.toBuilder();
              for (int i = 0; i < c.in.actors; i++) concave.risk(i, Math.abs(c.in.risk(i)));
              int[] two = {c.parties[0], c.parties[1]};
              OutcomeSpace s = OutcomeSpace.of(concave.build(), two);
              if (!s.rational()) return;
              double[] r = s.disagreement();
              double[] top = s.idealPoint().orElseThrow();
              double[] ks = s.kalaiSmorodinsky().orElseThrow().utilities();
              double[] eg = s.egalitarian().orElseThrow().utilities();
              double lambda =
                  Math.min(
                      (ks[0] - r[0]) / Math.max(top[0] - r[0], 1e-9),
                      (ks[1] - r[1]) / Math.max(top[1] - r[1], 1e-9));
              double gain = Math.min(eg[0] - r[0], eg[1] - r[1]);
              check(lambda >= -1e-9 && lambda <= 1 + 1e-9, c, "KS lambda " + lambda);
              for (double[] z : samples(s.zone().orElseThrow(), seed + 3, 2000)) {
                double[] u = s.utilities(z);
                double l =
                    Math.min(
                        (u[0] - r[0]) / Math.max(top[0] - r[0], 1e-9),
                        (u[1] - r[1]) / Math.max(top[1] - r[1], 1e-9));
                check(
                    l <= lambda + 1e-9,
                    c,
                    "a sample is further along the KS ray: " + l + " > " + lambda);
                check(
                    Math.min(u[0] - r[0], u[1] - r[1]) <= gain + 1e-9,
                    c,
                    "a sample beats the egalitarian point");
                if (u[1] >= r[1])
                  check(u[0] <= top[0] + 1e-9, c, "a rational sample beats the ideal point");
                if (u[0] >= r[0])
                  check(u[1] <= top[1] + 1e-9, c, "a rational sample beats the ideal point");
              }
            });
  }

  @Test
  void invariantToTheOrderOfParties() {
    theory()
        .withExamples(EXAMPLES / 2)
        .forAll(integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            seed -> {
              Case c = randomCase(seed);
              int[] reversed = new int[c.parties.length];
              for (int q = 0; q < reversed.length; q++)
                reversed[q] = c.parties[reversed.length - 1 - q];
              OutcomeSpace a = OutcomeSpace.of(c.in, c.parties);
              OutcomeSpace b = OutcomeSpace.of(c.in, reversed);
              same(c, a.nash(), b.nash());
              same(c, a.symmetricNash(), b.symmetricNash());
              same(c, a.kalaiSmorodinsky(), b.kalaiSmorodinsky());
              same(c, a.maxJointUtility(), b.maxJointUtility());
              same(c, a.maxWeightedJointUtility(), b.maxWeightedJointUtility());
              List<Outcome> fa = a.frontier();
              List<Outcome> fb = b.frontier();
              check(fa.size() == fb.size(), c, "frontier sizes differ");
              java.util.Comparator<Outcome> byTerms =
                  (x, y) -> java.util.Arrays.compare(x.terms(), y.terms());
              List<Outcome> sa = fa.stream().sorted(byTerms).toList();
              List<Outcome> sb = fb.stream().sorted(byTerms).toList();
              for (int i = 0; i < sa.size(); i++)
                same(c, java.util.Optional.of(sa.get(i)), java.util.Optional.of(sb.get(i)));
              if (a.feasible()) {
                double[] z = samples(a.zone().orElseThrow(), seed, 1)[0];
                check(
                    a.distanceToFrontier(z).orElseThrow() == b.distanceToFrontier(z).orElseThrow(),
                    c,
                    "distance differs");
              }
            });
  }

  /** Outcomes of a and of b (party list reversed) are the same package with reversed utilities. */
  private static void same(Case c, java.util.Optional<Outcome> a, java.util.Optional<Outcome> b) {
    check(a.isPresent() == b.isPresent(), c, "presence differs");
    if (a.isEmpty()) return;
    double[] ua = a.get().utilities();
    double[] ub = b.get().utilities();
    check(java.util.Arrays.equals(a.get().terms(), b.get().terms()), c, a + " vs " + b);
    for (int q = 0; q < ua.length; q++)
      check(ua[q] == ub[ua.length - 1 - q], c, "utilities not permuted: " + a + " vs " + b);
  }

  static boolean dominates(double[] a, double[] b, double tol) {
    boolean strictly = false;
    for (int q = 0; q < a.length; q++) {
      if (a[q] < b[q] - 1e-12) return false;
      if (a[q] > b[q] + tol) strictly = true;
    }
    return strictly && allAbove(a, b, 0);
  }

  private static boolean allAbove(double[] a, double[] b, double tol) {
    for (int q = 0; q < a.length; q++) if (a[q] < b[q] - tol - 1e-12) return false;
    return true;
  }

  private static boolean geq(double[] u, double[] r, double tol) {
    for (int q = 0; q < u.length; q++) if (u[q] < r[q] - tol) return false;
    return true;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
  }
}
