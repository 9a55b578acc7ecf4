package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.scenario.Role;

/**
 * The protocol's exact draft solver ({@link NashDraft#exact}) against the Commons Math reference
 * ({@link NashDraft#draft}, Nelder-Mead), on random instances of every shape the protocol meets:
 * one to three parties, mediators with and without lean, ties, red lines, saliences with zeros,
 * ideals on shared grid points (coinciding kinks), risk attitudes of both signs.
 */
class NashDraftProperties {

  /** The exact solver's objective is never below Nelder-Mead's by more than 1e-9, relatively. */
  @Test
  void neverWorseThanNelderMead() {
    int instances = 4000;
    int better = 0;
    int zones = 0;
    for (int seed = 0; seed < instances; seed++) {
      Instance x = Instance.random(seed, seed % 4 == 3);
      double[] reference = NashDraft.draft(x.in, x.parties, x.mediators);
      double[] exact = NashDraft.exact(x.in, x.parties, x.mediators);
      if (reference == null) {
        assertNull(exact, "instance " + seed + ": the same zone");
        continue;
      }
      zones++;
      assertNotNull(exact, "instance " + seed + ": the same zone");
      double[][] box = NashDraft.zone(x.in, x.parties);
      for (int k = 0; k < exact.length; k++) {
        assertTrue(
            exact[k] >= box[0][k] && exact[k] <= box[1][k],
            "instance " + seed + ": inside the red lines");
      }
      double fr = NashDraft.objective(x.in, x.parties, x.mediators, reference);
      double fe = NashDraft.objective(x.in, x.parties, x.mediators, exact);
      assertTrue(
          fe >= fr - 1e-9 * Math.max(1, Math.abs(fr)),
          "instance " + seed + ": exact " + fe + " < Nelder-Mead " + fr);
      if (fe > fr + 1e-9 * Math.max(1, Math.abs(fr))) better++;
    }
    assertTrue(zones > instances / 2, "most instances should have a zone, got " + zones);
    // Nelder-Mead stops short of the maximum in a good share of instances (about a fifth here):
    // the reason the protocol does not use it.
    assertTrue(better > 0, "the exact solver should beat Nelder-Mead somewhere");
  }

  /** Unconstrained too (the red-line blocker's question). */
  @Test
  void unconstrainedNeverWorseThanNelderMead() {
    for (int seed = 0; seed < 1000; seed++) {
      Instance x = Instance.random(100_000 + seed, false);
      double[] reference = NashDraft.unconstrained(x.in, x.parties, x.mediators);
      double[] exact = NashDraft.exactUnconstrained(x.in, x.parties, x.mediators);
      double fr = NashDraft.objective(x.in, x.parties, x.mediators, reference);
      double fe = NashDraft.objective(x.in, x.parties, x.mediators, exact);
      assertTrue(
          fe >= fr - 1e-9 * Math.max(1, Math.abs(fr)),
          "instance " + seed + ": exact " + fe + " < " + fr);
    }
  }

  /**
   * The per-thread workspace carries nothing from one solve to the next: after solves of other
   * sizes (more or fewer actors, issues, terms, kinks; mediators with and without a lean;
   * risk-seeking instances that fall back to Nelder-Mead), a draft has the bits of one solved in a
   * fresh workspace.
   */
  @Test
  void aReusedWorkspaceGivesTheBitsOfAFreshOne() {
    NashDraft.Exact reused = new NashDraft.Exact();
    qt().withFixedSeed(170101L)
        .withExamples(400)
        .forAll(longs().between(0, 1_000_000), integers().between(0, 3))
        .checkAssert(
            (seed, kind) -> {
              Instance x = Instance.random(seed, kind == 3);
              double[][] box = box(x, kind);
              if (box == null) return;
              double[] fresh =
                  NashDraft.exact(
                      x.in, x.parties, x.mediators, box[0], box[1], new NashDraft.Exact());
              double[] again =
                  NashDraft.exact(x.in, x.parties, x.mediators, box[0], box[1], reused);
              assertArrayEquals(fresh, again, "instance " + seed + ", kind " + kind);
            });
  }

  /**
   * The solver's shortcuts give the bits of its plain computation: with every actor risk-neutral
   * (the baseline's case) each step's derivatives are taken from the utilities the line search
   * summed at the accepted point, and the slopes of the issues the step did not move are kept; an
   * issue keeps its place among the breaks while it does not move; Newton steps of one, two and
   * three free issues are written out (with one to five issues, three free issues included). On
   * boxes from the red lines and on the whole box; a fifth of the instances with risk attitudes of
   * both signs (no reuse; the written-out steps).
   */
  @Test
  void theSolversShortcutsGiveTheBitsOfItsPlainComputation() {
    NashDraft.Exact remembering = new NashDraft.Exact();
    NashDraft.Exact summing = new NashDraft.Exact();
    summing.shortcuts = false;
    int[] steps = new int[1];
    qt().withFixedSeed(170117L)
        .withExamples(1500)
        .forAll(longs().between(0, 1_000_000), integers().between(0, 2))
        .checkAssert(
            (seed, kind) -> {
              Instance x =
                  Instance.random(seed, seed % 5 == 4 ? RiskKind.SEEKING : RiskKind.NEUTRAL);
              double[][] box = box(x, kind);
              if (box == null) return;
              double[] fresh =
                  NashDraft.exact(x.in, x.parties, x.mediators, box[0], box[1], summing);
              double[] again =
                  NashDraft.exact(x.in, x.parties, x.mediators, box[0], box[1], remembering);
              assertArrayEquals(fresh, again, "instance " + seed + ", kind " + kind);
              steps[0]++;
            });
    assertTrue(steps[0] > 500, "most instances should have a zone, got " + steps[0]);
  }

  /**
   * The workspace's scan for a break answers as {@link java.util.Arrays#binarySearch} does on the
   * sorted, distinct breaks, also for -0.0 against 0.0 and for values on a break.
   */
  @Test
  void locatingABreakAnswersAsBinarySearch() {
    double[] pool = {-0.0, 0.0, 0.5, 10, 10.000000000000002, 20, 50, 99.99999999999999, 100};
    qt().withFixedSeed(170102L)
        .withExamples(2000)
        .forAll(integers().between(0, 511), integers().between(0, pool.length + 1))
        .checkAssert(
            (mask, pick) -> {
              // the breaks: a subset of the pool, sorted and deduplicated as the workspace does
              double[] b = new double[pool.length + 3];
              int n = 0;
              for (int i = 0; i < pool.length; i++) if ((mask & (1 << i)) != 0) b[n++] = pool[i];
              java.util.Arrays.sort(b, 0, n);
              int unique = 0;
              for (int q = 0; q < n; q++)
                if (unique == 0 || b[q] != b[unique - 1]) b[unique++] = b[q];
              double v = pick < pool.length ? pool[pick] : pick == pool.length ? 33.3 : -1;
              assertEquals(
                  java.util.Arrays.binarySearch(b, 0, unique, v),
                  NashDraft.Exact.locate(b, unique, v),
                  "breaks "
                      + java.util.Arrays.toString(java.util.Arrays.copyOf(b, unique))
                      + ", "
                      + v);
            });
  }

  /** The workspace's insertion sort leaves the bits Arrays.sort leaves, -0.0 and 0.0 included. */
  @Test
  void sortingBreaksGivesTheBitsOfArraysSort() {
    double[] pool = {-0.0, 0.0, 0.5, 10, 10.000000000000002, 20, 50, 99.99999999999999, 100, -3};
    qt().withFixedSeed(170103L)
        .withExamples(2000)
        .forAll(longs().all(), integers().between(0, 12))
        .checkAssert(
            (seed, n) -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[] a = new double[n + 2];
              for (int i = 0; i < n; i++) a[i] = pool[r.nextInt(pool.length)];
              double[] expected = a.clone();
              java.util.Arrays.sort(expected, 0, n);
              NashDraft.Exact.sort(a, n);
              for (int i = 0; i < a.length; i++)
                assertEquals(
                    Double.doubleToRawLongBits(expected[i]),
                    Double.doubleToRawLongBits(a[i]),
                    () ->
                        java.util.Arrays.toString(expected)
                            + " against "
                            + java.util.Arrays.toString(a));
            });
  }

  /**
   * The mediators' path (the same view rewritten in place round after round, its capabilities,
   * reservations and red lines changed, the rest under one version, then a position changed under
   * the next): every draft has the bits of one solved from scratch in a fresh workspace.
   */
  @Test
  void draftsThatReuseTheirPiecesGiveTheBitsOfFreshOnes() {
    qt().withFixedSeed(20261208L)
        .withExamples(300)
        .forAll(longs().between(0, 1_000_000), integers().between(0, 1))
        .checkAssert(
            (seed, kind) -> {
              Instance x = Instance.random(seed, kind == 1);
              Inputs.Builder view = x.in.toView();
              Object owner = new Object();
              SplittableRandom r = new SplittableRandom(seed);
              long version = 0;
              for (int round = 0; round < 8; round++) {
                for (int p : x.parties) {
                  view.capability(p, r.nextDouble(1, 100));
                  view.reservation(p, r.nextDouble(0, 0.6));
                  int k = r.nextInt(x.in.issues);
                  double lo = r.nextDouble(0, 50);
                  view.redLineMin(p, k, lo);
                  view.redLineMax(p, k, lo + r.nextDouble(0, 50));
                }
                if (round == 5) {
                  view.position(r.nextInt(x.in.actors), 0, r.nextDouble(0, 100));
                  version++;
                }
                Inputs in = view.build();
                double[] drafted = NashDraft.exact(in, x.parties, x.mediators, owner, version);
                double[][] box = NashDraft.zone(in, x.parties);
                if (box == null) {
                  assertNull(drafted, "instance " + seed + ": the same zone");
                  continue;
                }
                double[] fresh =
                    NashDraft.exact(
                        in, x.parties, x.mediators, box[0], box[1], new NashDraft.Exact());
                assertArrayEquals(fresh, drafted, "instance " + seed + ", round " + round);
              }
            });
  }

  /** Kind 2: the whole box; otherwise the zone the red lines leave (null when none). */
  private static double[][] box(Instance x, int kind) {
    return kind == 2
        ? new double[][] {new double[x.in.issues], full(x.in.issues)}
        : NashDraft.zone(x.in, x.parties);
  }

  private static double[] full(int issues) {
    double[] hi = new double[issues];
    java.util.Arrays.fill(hi, 100);
    return hi;
  }

  @Test
  void symmetricPartiesMeetAtFiftyExactly() {
    Inputs.Builder in = Inputs.builder(2, 1);
    in.position(1, 0, 100);
    in.salience(0, 0, 1);
    in.salience(1, 0, 1);
    in.capability(0, 1);
    in.capability(1, 1);
    for (double r : new double[] {0, 0.2, 0.45}) {
      in.reservation(0, r);
      in.reservation(1, r);
      assertEquals(50, NashDraft.exact(in.build(), new int[] {0, 1}, new int[0])[0], 1e-9);
    }
  }

  @Test
  void nashPointSolvedByHand() {
    // ReferencePointsTest's case: z = 70 exactly.
    Inputs.Builder in = Inputs.builder(2, 1);
    in.position(1, 0, 100);
    in.salience(0, 0, 1);
    in.salience(1, 0, 1);
    in.capability(0, 1);
    in.capability(1, 3);
    in.reservation(0, 0.2);
    in.reservation(1, 0.4);
    assertEquals(70, NashDraft.exact(in.build(), new int[] {0, 1}, new int[0])[0], 1e-9);
  }

  @Test
  void raisingCapabilityNeverMovesTheDraftAwayFromThatParty() {
    double[] ideal = {10, 80, 70};
    double[] previous = null;
    for (double cap : new double[] {1, 1.5, 2, 4, 10}) {
      NegotiationSetup setup =
          SetupSampler.nominal(MediatedSingleTextTest.threeIssueScenario(cap), 10);
      double[] z =
          NashDraft.exact(
              setup.initial(), setup.indicesOf(Role.PARTY), setup.indicesOf(Role.MEDIATOR));
      if (previous != null) {
        for (int k = 0; k < 3; k++) {
          assertTrue(
              Math.abs(z[k] - ideal[k]) <= Math.abs(previous[k] - ideal[k]) + 1e-9,
              "issue " + k + ": " + previous[k] + " -> " + z[k] + " with capability " + cap);
        }
      }
      previous = z;
    }
  }

  /** One random draft problem. */
  enum RiskKind {
    /** Risk-neutral or risk-averse actors. */
    CONCAVE,
    /** Risk attitudes of both signs. */
    SEEKING,
    /** Every actor risk-neutral. */
    NEUTRAL
  }

  record Instance(Inputs in, int[] parties, int[] mediators) {
    static Instance random(long seed, boolean riskSeeking) {
      return random(seed, riskSeeking ? RiskKind.SEEKING : RiskKind.CONCAVE);
    }

    static Instance random(long seed, RiskKind risk) {
      boolean riskSeeking = risk == RiskKind.SEEKING;
      SplittableRandom r = new SplittableRandom(seed);
      int actors = 2 + r.nextInt(5);
      int issues = 1 + r.nextInt(5);
      int np = 1 + r.nextInt(Math.min(3, actors));
      int nm = r.nextInt(actors - np + 1);
      int[] parties = new int[np];
      for (int i = 0; i < np; i++) parties[i] = i;
      int[] mediators = new int[nm];
      for (int i = 0; i < nm; i++) mediators[i] = np + i;
      Inputs.Builder in = Inputs.builder(actors, issues);
      for (int i = 0; i < actors; i++) {
        in.capability(i, r.nextDouble(1, 100));
        in.reservation(i, r.nextDouble(0, 0.6));
        double rho = riskSeeking ? r.nextDouble(-1, 1) : (r.nextBoolean() ? 0 : r.nextDouble(0, 1));
        in.risk(i, risk == RiskKind.NEUTRAL ? 0 : rho);
        in.lean(i, r.nextInt(3) == 0 ? 0 : r.nextDouble(0, 0.3));
        double sum = 0;
        double[] x = new double[issues];
        double[] s = new double[issues];
        for (int k = 0; k < issues; k++) {
          // a quarter of ideals on a grid of tens, so that kinks of different actors coincide
          x[k] = r.nextInt(4) == 0 ? 10 * r.nextInt(11) : r.nextDouble(0, 100);
          in.position(i, k, x[k]);
          s[k] = r.nextInt(5) == 0 ? 0 : r.nextDouble();
          sum += s[k];
        }
        for (int k = 0; k < issues; k++) in.salience(i, k, sum > 0 ? s[k] / sum : 1.0 / issues);
        for (int j = 0; j < actors; j++) {
          if (j != i && r.nextInt(4) == 0) in.tie(i, j, r.nextDouble(0, 0.3));
        }
        for (int k = 0; k < issues; k++) {
          if (r.nextInt(3) == 0) {
            double lo = r.nextDouble(0, 50);
            double hi = Math.min(100, lo + r.nextDouble(0, 100));
            in.redLineMin(i, k, Math.min(lo, x[k]));
            in.redLineMax(i, k, Math.max(hi, x[k]));
          }
        }
      }
      return new Instance(in.build(), parties, mediators);
    }
  }
}
