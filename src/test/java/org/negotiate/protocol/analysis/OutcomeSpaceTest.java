package org.negotiate.protocol.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.model.Inputs;
import org.negotiate.protocol.NashDraft;

/** Cases solvable by hand. */
class OutcomeSpaceTest {

  /** Two parties, one issue, ideals 0 and 100, linear utilities, equal capability. */
  static Inputs oneIssue(double r1, double r2) {
    Inputs.Builder in = Inputs.builder(2, 1);
    in.position(0, 0, 0);
    in.position(1, 0, 100);
    in.salience(0, 0, 1);
    in.salience(1, 0, 1);
    in.capability(0, 1);
    in.capability(1, 1);
    in.reservation(0, r1);
    in.reservation(1, r2);
    return in.build();
  }

  /** Two issues, opposite ideals, A cares 0.8 for issue 0, B 0.8 for issue 1. */
  static Inputs logroll() {
    Inputs.Builder in = Inputs.builder(2, 2);
    in.positions(0, 0, 0);
    in.positions(1, 100, 100);
    in.saliences(0, 0.8, 0.2);
    in.saliences(1, 0.2, 0.8);
    in.capability(0, 1);
    in.capability(1, 1);
    return in.build();
  }

  @Test
  void symmetricOneIssue() {
    OutcomeSpace s = OutcomeSpace.of(oneIssue(0, 0), 0, 1);
    assertTrue(s.feasible());
    assertEquals(50, s.nash().orElseThrow().term(0), 1e-4);
    assertEquals(50, s.symmetricNash().orElseThrow().term(0), 1e-4);
    assertEquals(50, s.kalaiSmorodinsky().orElseThrow().term(0), 1e-4);
    assertArrayEquals(new double[] {1, 1}, s.idealPoint().orElseThrow(), 1e-7);
    List<Outcome> f = s.frontier();
    assertTrue(f.size() >= 3, "frontier " + f);
    for (Outcome o : f) assertEquals(1, o.utility(0) + o.utility(1), 1e-9);
    assertEquals(0, f.get(0).utility(0), 1e-9);
    assertEquals(1, f.get(f.size() - 1).utility(0), 1e-9);
    // every package is utilitarian here: the method returns one of them, on the frontier
    Outcome joint = s.maxJointUtility().orElseThrow();
    assertEquals(1, joint.utility(0) + joint.utility(1), 1e-12);
    assertEquals(50, joint.term(0), 1e-9);
    assertEquals(0, s.distanceToFrontier(new double[] {30}).orElseThrow(), 1e-9);
  }

  /**
   * Reservations 0.2 and 0.4: gains are 0.8 - x and x - 0.4 (x = z / 100), so Nash (equal gains on
   * a straight frontier) is x = 0.6, z = 60. The ideal point is (0.6, 0.8) (each party's best
   * package that still gives the other its reservation: z = 40 and z = 80), so KS solves (0.8 - x)
   * / 0.4 = (x - 0.4) / 0.4: z = 60 too.
   */
  @Test
  void reservationsMoveTheDealTowardsTheDemandingParty() {
    OutcomeSpace s = OutcomeSpace.of(oneIssue(0.2, 0.4), 0, 1);
    Outcome n = s.nash().orElseThrow();
    assertEquals(60, n.term(0), 1e-4);
    assertEquals(n.utility(0) - 0.2, n.utility(1) - 0.4, 1e-6);
    assertArrayEquals(new double[] {0.6, 0.8}, s.idealPoint().orElseThrow(), 1e-6);
    assertEquals(60, s.kalaiSmorodinsky().orElseThrow().term(0), 1e-4);
    assertArrayEquals(new double[] {0.2, 0.4}, s.disagreement());
  }

  /**
   * Party 2 risk-averse (rho = 1): with x = z / 100, U1 = 1 - x and U2 = 1 - (1 - x)^2. The ideal
   * point is (1, 1); KS sets U1 = U2: x^2 - 3x + 1 = 0, x = (3 - sqrt 5) / 2. Nash maximises x (1 -
   * x)(2 - x): 3x^2 - 6x + 2 = 0, x = 1 - 1 / sqrt 3.
   */
  @Test
  void nashAndKalaiSmorodinskyDifferOnACurvedFrontier() {
    Inputs in = oneIssue(0, 0).toBuilder().risk(1, 1).build();
    OutcomeSpace s = OutcomeSpace.of(in, 0, 1);
    assertEquals(100 * (3 - Math.sqrt(5)) / 2, s.kalaiSmorodinsky().orElseThrow().term(0), 1e-4);
    assertEquals(100 * (1 - 1 / Math.sqrt(3)), s.nash().orElseThrow().term(0), 1e-4);
    assertEquals(100 * (1 - 1 / Math.sqrt(3)), s.symmetricNash().orElseThrow().term(0), 1e-4);
    // U1 + U2 = 1 + 2x - x^2 - x... = 1 + x - x^2, maximal at x = 1/2
    assertEquals(50, s.maxJointUtility().orElseThrow().term(0), 1e-7);
  }

  /** The weighted Nash point is NashDraft's draft without mediators; capability tilts it. */
  @Test
  void weightedNashIsTheDraftWithoutMediators() {
    // maximise log(1 - x) + 3 log x: x = 3/4
    Inputs in = oneIssue(0, 0).toBuilder().capability(1, 3).build();
    OutcomeSpace s = OutcomeSpace.of(in, 0, 1);
    assertEquals(75, s.nash().orElseThrow().term(0), 1e-4);
    assertArrayEquals(
        NashDraft.exact(in, new int[] {0, 1}, new int[0]), s.nash().orElseThrow().terms(), 1e-9);
    assertEquals(50, s.symmetricNash().orElseThrow().term(0), 1e-4);
    // capability-weighted joint utility: 1 - x + 3x, best at x = 1
    assertEquals(100, s.maxWeightedJointUtility().orElseThrow().term(0), 1e-9);
  }

  @Test
  void logrollIsOnTheFrontierAndMaximisesJointUtility() {
    OutcomeSpace s = OutcomeSpace.of(logroll(), 0, 1);
    Outcome joint = s.maxJointUtility().orElseThrow();
    assertArrayEquals(new double[] {0, 100}, joint.terms(), 1e-9);
    assertArrayEquals(new double[] {0.8, 0.8}, joint.utilities(), 1e-12);
    assertTrue(
        s.frontier().stream().anyMatch(o -> o.term(0) < 1e-9 && o.term(1) > 100 - 1e-9),
        "logroll on the frontier: " + s.frontier());
    assertEquals(0, s.distanceToFrontier(new double[] {0, 100}).orElseThrow(), 1e-9);
    for (Outcome o : s.frontier())
      assertEquals(0, s.distanceToFrontier(o.terms()).orElseThrow(), 1e-7);
    // splitting both issues down the middle gives 0.5 each; the logroll gives 0.8 each
    assertEquals(0.3, s.distanceToFrontier(new double[] {50, 50}).orElseThrow(), 1e-6);
    // the symmetric Nash and KS points coincide with the logroll by symmetry
    assertArrayEquals(new double[] {0, 100}, s.nash().orElseThrow().terms(), 1e-3);
    assertArrayEquals(new double[] {0, 100}, s.kalaiSmorodinsky().orElseThrow().terms(), 1e-3);
    Assessment a = s.assess(new double[] {50, 50}).orElseThrow();
    assertEquals(Math.sqrt(2) * 0.3, a.toNashUtility(), 1e-5);
    assertEquals(Math.sqrt(2) * 50, a.toNashTerms(), 1e-2);
    assertTrue(a.individuallyRational());
  }

  @Test
  void disagreementPackageLiesInsideTheFrontier() {
    Inputs in = logroll().toBuilder().reservation(0, 0.3).reservation(1, 0.3).build();
    OutcomeSpace s = OutcomeSpace.of(in, 0, 1);
    // a package worth exactly the reservations: 0.8 (1 - x) + 0.2 (1 - y) = 0.3 etc. with x = 1 -
    // y... use (70, 30)
    double[] z = {70, 30};
    double[] u = s.utilities(z);
    assertEquals(u[0], u[1], 1e-12);
    assertTrue(s.distanceToFrontier(z).orElseThrow() > 0.1);
  }

  @Test
  void noZoneMeansNoAnswers() {
    Inputs in = oneIssue(0, 0).toBuilder().redLineMax(0, 0, 30).redLineMin(1, 0, 60).build();
    OutcomeSpace s = OutcomeSpace.of(in, 0, 1);
    assertFalse(s.feasible());
    assertTrue(s.zone().isEmpty());
    assertTrue(s.frontier().isEmpty());
    assertTrue(s.nash().isEmpty());
    assertTrue(s.symmetricNash().isEmpty());
    assertTrue(s.kalaiSmorodinsky().isEmpty());
    assertTrue(s.egalitarian().isEmpty());
    assertTrue(s.idealPoint().isEmpty());
    assertTrue(s.maxJointUtility().isEmpty());
    assertTrue(s.maxWeightedJointUtility().isEmpty());
    assertTrue(s.distanceToFrontier(new double[] {50}).isEmpty());
    assertTrue(s.assess(new double[] {50}).isEmpty());
    assertFalse(s.rational());
    assertArrayEquals(new double[] {0, 0}, s.disagreement());
    assertFalse(s.among(1).feasible());
    // ignoring the red lines, the interests alone meet in the middle, as NashDraft.unconstrained
    // says
    OutcomeSpace free = OutcomeSpace.unconstrained(in, 0, 1);
    assertTrue(free.feasible());
    assertFalse(free.redLinesApply());
    assertTrue(s.redLinesApply());
    assertEquals(50, free.nash().orElseThrow().term(0), 1e-4);
    assertArrayEquals(
        NashDraft.exactUnconstrained(in, new int[] {0, 1}, new int[0]),
        free.nash().orElseThrow().terms(),
        1e-9);
    assertArrayEquals(
        NashDraft.unconstrained(in, new int[] {0, 1}, new int[0]),
        free.nash().orElseThrow().terms(),
        1e-6);
    assertFalse(free.among(0).redLinesApply());
  }

  @Test
  void zoneWithoutARationalPackage() {
    OutcomeSpace s = OutcomeSpace.of(oneIssue(0.7, 0.7), 0, 1); // gains 0.3 - x and x - 0.7
    assertTrue(s.feasible());
    assertFalse(s.rational());
    assertFalse(s.frontier().isEmpty());
    assertTrue(s.maxJointUtility().isPresent());
    assertTrue(s.nash().isEmpty());
    assertTrue(s.kalaiSmorodinsky().isEmpty());
    Assessment a = s.assess(new double[] {50}).orElseThrow();
    assertFalse(a.individuallyRational());
    assertTrue(Double.isNaN(a.toNashUtility()));
    assertEquals(0, a.toFrontier(), 1e-9);
  }

  @Test
  void redLinesBoundEveryPoint() {
    Inputs in = oneIssue(0, 0).toBuilder().redLineMin(0, 0, 10).redLineMax(1, 0, 35).build();
    OutcomeSpace s = OutcomeSpace.of(in, 0, 1);
    // zone [10, 35]: x (1 - x) rises all the way, so Nash sits on the red line
    assertEquals(35, s.nash().orElseThrow().term(0), 1e-4);
    // the ideal point is what the zone allows, (0.9, 0.35): KS solves (1 - x) / 0.9 = x / 0.35, x =
    // 0.28
    assertArrayEquals(new double[] {0.9, 0.35}, s.idealPoint().orElseThrow(), 1e-7);
    assertEquals(28, s.kalaiSmorodinsky().orElseThrow().term(0), 1e-4);
    for (Outcome o : s.frontier()) assertTrue(o.term(0) >= 10 && o.term(0) <= 35);
  }

  @Test
  void threePartiesTiesAndOrder() {
    Inputs.Builder ib = Inputs.builder(3, 2);
    ib.positions(0, 0, 20);
    ib.positions(1, 100, 60);
    ib.positions(2, 40, 100);
    for (int i = 0; i < 3; i++) {
      ib.saliences(i, 0.5, 0.5);
      ib.capability(i, 1 + i);
      ib.reservation(i, 0.2);
    }
    ib.tie(0, 2, 0.3);
    Inputs in = ib.build();
    OutcomeSpace a = OutcomeSpace.of(in, 0, 1, 2);
    OutcomeSpace b = OutcomeSpace.of(in, 2, 0, 1);
    Outcome na = a.nash().orElseThrow();
    Outcome nb = b.nash().orElseThrow();
    assertArrayEquals(na.terms(), nb.terms(), 0);
    assertArrayEquals(
        new double[] {na.utility(2), na.utility(0), na.utility(1)}, nb.utilities(), 0);
    assertEquals(a.frontier().size(), b.frontier().size());
  }

  /** Two of three parties, inside the third one's red lines too. */
  @Test
  void amongKeepsEveryPartysRedLines() {
    Inputs.Builder b = Inputs.builder(3, 1);
    b.position(0, 0, 0);
    b.position(1, 0, 100);
    b.position(2, 0, 20);
    for (int i = 0; i < 3; i++) {
      b.salience(i, 0, 1);
      b.capability(i, 1);
    }
    b.redLineMax(2, 0, 40); // the third party will not sign above 40
    Inputs in = b.build();
    OutcomeSpace all = OutcomeSpace.of(in, 0, 1, 2);
    OutcomeSpace two = all.among(1, 0);
    assertArrayEquals(all.zone().orElseThrow()[1], two.zone().orElseThrow()[1]);
    assertEquals(40, two.nash().orElseThrow().term(0), 1e-4); // alone the two would meet at 50
    assertEquals(50, OutcomeSpace.of(in, 0, 1).nash().orElseThrow().term(0), 1e-4);
    for (Outcome o : two.frontier()) assertTrue(o.term(0) <= 40 + 1e-9);
    assertEquals(2, two.frontier().get(0).utilities().length);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> OutcomeSpace.of(in, 0, 1).among(2));
  }
}
