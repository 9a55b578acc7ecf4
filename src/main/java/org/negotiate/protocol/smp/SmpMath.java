package org.negotiate.protocol.smp;

import org.negotiate.protocol.smp.SmpOptions.BigRAdjust;
import org.negotiate.protocol.smp.SmpOptions.BigRRange;
import org.negotiate.protocol.smp.SmpOptions.PceModel;
import org.negotiate.protocol.smp.SmpOptions.VictoryProb;
import org.negotiate.protocol.smp.SmpOptions.VotingRule;

/**
 * The voting mathematics of KTAB's {@code kmodel} as the SMP uses it (docs/models.md §2.2–2.5):
 * utility of a salience-weighted distance, votes, coalitions, victory probabilities, probabilistic
 * Condorcet elections and risk attitudes. Written from the equations; the order of the
 * floating-point operations follows KTAB's so that results agree to the last few bits.
 *
 * <p>Where KTAB throws on degenerate input (zero weights, identical probabilities), these return a
 * neutral value instead, as noted per method: a protocol must never fail mid-run.
 */
final class SmpMath {
  private SmpMath() {}

  /** Floor added to every coalition in a PCE (KTAB {@code Model::coalitions}). */
  static final double MIN_COALITION = 1e-8;

  /**
   * Utility of a normalised distance {@code d} in [0, 1] with risk attitude {@code r} in [-1, 1]:
   * (1 − d)(1 + d·R); (1 − d)(1 + R) if round-off pushes d above 1.
   */
  static double util(double d, double r) {
    return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
  }

  /**
   * Salience-weighted RMS distance sqrt(Σ (s_k·δ_k)² / Σ s_k²). With every salience zero (KTAB
   * refuses this) the dimensions count equally.
   */
  static double distance(double[] from, double[] to, double[] salience) {
    double ds = 0;
    double ss = 0;
    for (int k = 0; k < from.length; k++) {
      double d = (from[k] - to[k]) * salience[k];
      ds = ds + d * d;
      ss = ss + salience[k] * salience[k];
    }
    if (ss <= 0) {
      for (int k = 0; k < from.length; k++) {
        double d = from[k] - to[k];
        ds = ds + d * d;
      }
      ss = from.length;
    }
    return Math.sqrt(ds / ss);
  }

  /** Euclidean norm of a − b (KTAB {@code norm}). */
  static double norm(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      s = s + d * d;
    }
    return Math.sqrt(s);
  }

  /**
   * Actor's vote with weight {@code w} for an option of utility {@code ui} over one of {@code uj}.
   */
  static double vote(VotingRule vr, double w, double ui, double uj) {
    double du = ui - uj;
    double bin = du / 1e-8;
    bin = bin > 1 ? 1 : bin;
    bin = bin < -1 ? -1 : bin;
    return switch (vr) {
      case BINARY -> w * bin;
      case PROP_BIN -> w * ((1 - 0.2) * du + 0.2 * bin);
      case PROPORTIONAL -> w * du;
      case PROP_CUBIC -> w * ((1 - 0.5) * du + 0.5 * (du * du * du));
      case CUBIC -> w * (du * du * du);
      case ASYM_PROSPECT -> du < 0 ? w * du : (du > 0 ? (2.0 * w * du) / 3.0 : 0.0);
    };
  }

  /**
   * {P[1 ≻ 2], P[2 ≻ 1]} from coalition strengths s1, s2 (KTAB {@code Model::vProb}); ½ each when
   * both are 0.
   */
  static double[] victoryPair(VictoryProb vpm, double s1, double s2) {
    double x1;
    double x2;
    switch (vpm) {
      case LINEAR -> {
        x1 = s1;
        x2 = s2;
      }
      case SQUARE -> {
        x1 = s1 * s1;
        x2 = s2 * s2;
      }
      case QUARTIC -> {
        x1 = (s1 * s1) * (s1 * s1);
        x2 = (s2 * s2) * (s2 * s2);
      }
      case OCTIC -> {
        double q1 = (s1 * s1) * (s1 * s1);
        double q2 = (s2 * s2) * (s2 * s2);
        x1 = q1 * q1;
        x2 = q2 * q2;
      }
      default -> { // BINARY: a 10% advantage is certain, linear in between
        double thresh = 1.10;
        if (s1 >= thresh * s2) {
          x1 = 1.0;
          x2 = 1e-6;
        } else if (s2 >= thresh * s1) {
          x1 = 1e-6;
          x2 = 1.0;
        } else {
          double r12 = s1 / (s1 + s2);
          double p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
          x1 = p12;
          x2 = 1 - p12;
        }
      }
    }
    double sum = x1 + x2;
    if (!(sum > 0) || Double.isInfinite(sum)) {
      double p = s1 == s2 ? 0.5 : (s1 > s2 ? 1.0 : 0.0);
      return new double[] {p, 1 - p};
    }
    return new double[] {x1 / sum, x2 / sum};
  }

  /**
   * Coalition strengths c[i][j] = 1e-8 + Σ_k max(0, v_k(i:j)) for options given as the columns of
   * {@code u[actor][option]}, with weights {@code w[actor]}.
   */
  static double[][] coalitions(VotingRule vr, double[] w, double[][] u, int options) {
    int actors = w.length;
    double[][] c = new double[options][options];
    for (int i = 0; i < options; i++) {
      for (int j = 0; j < i; j++) {
        double cij = MIN_COALITION;
        double cji = MIN_COALITION;
        for (int k = 0; k < actors; k++) {
          double v = vote(vr, w[k], u[k][i], u[k][j]);
          if (v > 0) cij = cij + v;
          if (v < 0) cji = cji - v;
        }
        c[i][j] = cij;
        c[j][i] = cji;
      }
      c[i][i] = MIN_COALITION;
    }
    return c;
  }

  /** Square matrix of P[i ≻ j] from coalition strengths, with ½ on the diagonal. */
  static double[][] victoryMatrix(VictoryProb vpm, double[][] c) {
    int m = c.length;
    double[][] p = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < i; j++) {
        double[] pair = victoryPair(vpm, c[i][j], c[j][i]);
        p[i][j] = pair[0];
        p[j][i] = pair[1];
      }
      p[i][i] = 0.5;
    }
    return p;
  }

  /** The PCE probability of each option from coalition strengths. */
  static double[] pce(PceModel model, VictoryProb vpm, double[][] c) {
    double[][] pv = victoryMatrix(vpm, c);
    return switch (model) {
      case CONDITIONAL -> conditional(pv);
      case MARKOV_UNIFORM -> markovUniform(pv);
      case MARKOV_INCENTIVE -> markovIncentive(c, pv);
    };
  }

  /** PCE over options (the columns of u) by actors weighted w (KTAB {@code Model::scalarPCE}). */
  static double[] scalarPce(SmpOptions o, double[] w, double[][] u, int options) {
    return pce(o.pce(), o.victoryProb(), coalitions(o.votingRule(), w, u, options));
  }

  /** p_i ∝ Π_j P[i ≻ j]; uniform if every product underflows. */
  static double[] conditional(double[][] pv) {
    int m = pv.length;
    double[] p = new double[m];
    for (int i = 0; i < m; i++) {
      double pi = 1.0;
      for (int j = 0; j < m; j++) pi = pi * pv[i][j];
      p[i] = pi;
    }
    return normalise(p);
  }

  /** KTAB's Markov-uniform PCE: p_i ← average of Σ_j P[i ≻ j](p_i + p_j)/M and p, to 1e-6. */
  static double[] markovUniform(double[][] pv) {
    int m = pv.length;
    double[] p = new double[m];
    java.util.Arrays.fill(p, 1.0 / m);
    double[] q = new double[m];
    double change = 1.0;
    for (int iter = 0; change > 1e-6 && iter < 1000; iter++) {
      change = 0;
      for (int i = 0; i < m; i++) {
        double pi = 0.0;
        for (int j = 0; j < m; j++) pi = pi + pv[i][j] * (p[i] + p[j]);
        q[i] = pi / m;
        change = Math.max(change, Math.abs(q[i] - p[i]));
      }
      for (int i = 0; i < m; i++) p[i] = (p[i] + q[i]) / 2.0;
    }
    return normalise(p);
  }

  /** KTAB's Markov-incentive PCE (Wise, "Markov Voting with Incentives in KTAB"), to 1e-8. */
  static double[] markovIncentive(double[][] c, double[][] pv) {
    int m = c.length;
    double[][] inc = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) inc[i][j] = c[i][j] * pv[i][j] + (i == j ? 1e-10 : 0);
    }
    double[][] chlg = new double[m][m];
    for (int j = 0; j < m; j++) {
      double sum = 0.0;
      for (int k = 0; k < m; k++) sum = sum + inc[k][j];
      for (int i = 0; i < m; i++) chlg[i][j] = inc[i][j] / sum;
    }
    double[] p = new double[m];
    java.util.Arrays.fill(p, 1.0 / m);
    double[] q = new double[m];
    double change = 1.0;
    for (int iter = 0; change > 1e-8 && iter < 1000; iter++) {
      double[][] ct = new double[m][m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) ct[i][j] = p[i] * chlg[j][i];
      }
      change = 0.0;
      for (int i = 0; i < m; i++) {
        double qi = 0.0;
        for (int j = 0; j < m; j++) qi = qi + pv[i][j] * (ct[i][j] + ct[j][i]);
        q[i] = qi;
        change = Math.max(change, Math.abs(q[i] - p[i]));
      }
      for (int i = 0; i < m; i++) p[i] = (p[i] + q[i]) / 2.0;
    }
    return normalise(p);
  }

  private static double[] normalise(double[] p) {
    double sum = 0;
    for (double x : p) sum += x;
    if (!(sum > 0) || Double.isInfinite(sum)) {
      java.util.Arrays.fill(p, 1.0 / p.length);
      return p;
    }
    for (int i = 0; i < p.length; i++) p[i] = p[i] / sum;
    return p;
  }

  /**
   * Risk attitudes from PCE probabilities (KTAB {@code Model::bigRfromProb}). When every
   * probability is the same (KTAB divides by zero) every actor is risk neutral.
   */
  static double[] bigR(double[] p, BigRRange rr) {
    double pMin = 1.0;
    double pMax = 0.0;
    for (double pi : p) {
      pMin = pi < pMin ? pi : pMin;
      pMax = pi > pMax ? pi : pMax;
    }
    double[] r = new double[p.length];
    if (!(pMax - pMin > 1e-15)) return r;
    for (int i = 0; i < p.length; i++) {
      r[i] =
          switch (rr) {
            case MIN -> (p[i] - pMin) / (pMax - pMin);
            case MID -> (3 * p[i] - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
            case MAX -> (2 * p[i] - (pMax + pMin)) / (pMax - pMin);
          };
      // Mathematically within [-1, 1]; rounding can overshoot by ~1e-11 when the spread is tiny.
      r[i] = Math.max(-1, Math.min(1, r[i]));
    }
    return r;
  }

  /** h's estimate of i's risk attitude (KTAB {@code Model::estNRA}). */
  static double estimateR(double rh, double ri, BigRAdjust ra) {
    return switch (ra) {
      case FULL -> ri;
      case TWO_THIRDS -> (rh + (2.0 * ri)) / 3.0;
      case HALF -> (rh + ri) / 2;
      case ONE_THIRD -> ((2.0 * rh) + ri) / 3.0;
      case NONE -> rh;
    };
  }
}
