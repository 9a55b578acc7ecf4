package org.negotiate.protocol;

import java.util.Arrays;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.negotiate.model.Inputs;

/**
 * The mediators' draft (docs/mediated.md step 3): the package that maximises the weighted Nash
 * product of the parties' gains over their reservation utilities, {@code sum_i c_i log(U_i(z) -
 * r_i)}, plus each mediator's lean as one more term {@code mu_m c_m log u_m(z)}, over the packages
 * inside every party's red lines.
 *
 * <p>Two solvers of the same problem. {@link #draft} and {@link #unconstrained} use Commons Math
 * (Nelder-Mead; Brent when one issue is free): the reference, used for {@link
 * ReferencePoints#nash}. {@link #exact} and {@link #exactUnconstrained}, used by the protocol every
 * round, exploit the problem's structure: every utility is a sum over issues of one-variable pieces
 * {@code w v(|z_k - x_k| / 100)}, smooth except at the ideals {@code x_k}, so the kinks are the
 * hyperplanes {@code z_k = x}. They cut the box into cells on which the objective is smooth, and
 * its superdifferential at any point is a box (one interval per issue, between the one-sided
 * partial derivatives). An active-set Newton method moves the issues that can still gain, holds the
 * ones sitting on a kink or a bound where both one-sided derivatives say stay, stops each step at
 * the first kink it reaches (landing on it exactly) and ends when no issue can gain: for a concave
 * objective (every risk attitude {@code rho >= 0}) that is the maximum, to rounding, in typically
 * 5-20 Newton steps instead of ~600 simplex evaluations. With a risk-seeking actor in the objective
 * ({@code rho < 0}) the objective can have several local maxima; then Nelder-Mead is run as well
 * and its answer polished, and the better point is kept, so the exact solver is never worse than
 * the reference.
 */
public final class NashDraft {
  /**
   * Below this gain the logarithm continues as its tangent, so texts no party gains from still
   * rank.
   */
  private static final double GAIN_FLOOR = 1e-6;

  private NashDraft() {}

  /** The bounds every party's red lines leave on each issue, or null when they leave none. */
  public static double[][] zone(Inputs in, int[] parties) {
    double[] lo = new double[in.issues];
    double[] hi = new double[in.issues];
    return zone(in, parties, lo, hi) ? new double[][] {lo, hi} : null;
  }

  /**
   * {@link #zone(Inputs, int[])} written into lo and hi (at least {@code in.issues} long, every
   * value they hold overwritten); false when the red lines leave no zone.
   */
  private static boolean zone(Inputs in, int[] parties, double[] lo, double[] hi) {
    int issues = in.issues;
    java.util.Arrays.fill(lo, 0, issues, 0.0);
    java.util.Arrays.fill(hi, 0, issues, 100);
    for (int p : parties) {
      for (int k = 0; k < issues; k++) {
        lo[k] = MinMax.max(lo[k], in.redLineMin(p, k));
        hi[k] = MinMax.min(hi[k], in.redLineMax(p, k));
      }
    }
    for (int k = 0; k < issues; k++) if (lo[k] > hi[k]) return false;
    return true;
  }

  /** The draft inside the red lines, or null when the red lines leave no zone. */
  public static double[] draft(Inputs in, int[] parties, int[] mediators) {
    double[][] box = zone(in, parties);
    return box == null ? null : solve(in, parties, mediators, box[0], box[1]);
  }

  /** The draft ignoring red lines: where the parties' interests alone would put the text. */
  public static double[] unconstrained(Inputs in, int[] parties, int[] mediators) {
    double[] lo = new double[in.issues];
    double[] hi = new double[in.issues];
    java.util.Arrays.fill(hi, 100);
    return solve(in, parties, mediators, lo, hi);
  }

  /** The weighted Nash objective at z. */
  public static double objective(Inputs in, int[] parties, int[] mediators, double[] z) {
    double f = 0;
    for (int p : parties) f += in.capability(p) * log(Utility.judged(in, p, z) - in.reservation(p));
    for (int m : mediators) {
      if (in.lean(m) > 0) f += in.lean(m) * in.capability(m) * log(Utility.own(in, m, z));
    }
    return f;
  }

  private static double log(double gain) {
    return gain >= GAIN_FLOOR
        ? Math.log(gain)
        : Math.log(GAIN_FLOOR) + (gain - GAIN_FLOOR) / GAIN_FLOOR;
  }

  private static double[] solve(
      Inputs in, int[] parties, int[] mediators, double[] lo, double[] hi) {
    int n = in.issues;
    double[] z = start(in, parties, lo, hi);
    int[] free = java.util.stream.IntStream.range(0, n).filter(k -> hi[k] - lo[k] > 1e-9).toArray();
    if (free.length == 0) return z;
    if (free.length == 1) {
      int k = free[0];
      double[] w = z.clone();
      UnivariateFunction f =
          x -> {
            w[k] = x;
            return objective(in, parties, mediators, w);
          };
      double best =
          new BrentOptimizer(1e-10, 1e-8)
              .optimize(
                  new MaxEval(500),
                  new UnivariateObjectiveFunction(f),
                  GoalType.MAXIMIZE,
                  new SearchInterval(lo[k], hi[k], z[k]))
              .getPoint();
      z[k] = best;
      return z;
    }
    // Nelder-Mead rather than a model-based method: the utilities have kinks at every actor's
    // ideal, where BOBYQA's quadratic model can fail ("trust region step has failed to reduce Q").
    // Bounds are kept by the map z = lo + (hi - lo)(1 + sin y)/2, which covers the box smoothly.
    double[] w = z.clone();
    MultivariateFunction f =
        y -> {
          for (int q = 0; q < free.length; q++) w[free[q]] = toBox(y[q], lo[free[q]], hi[free[q]]);
          return objective(in, parties, mediators, w);
        };
    double[] y = new double[free.length];
    for (int q = 0; q < free.length; q++) y[q] = fromBox(z[free[q]], lo[free[q]], hi[free[q]]);
    PointValuePair best = null;
    for (int restart = 0; restart < 3; restart++) {
      PointValuePair p =
          new SimplexOptimizer(1e-10, 1e-10)
              .optimize(
                  new MaxEval(20_000),
                  new ObjectiveFunction(f),
                  GoalType.MAXIMIZE,
                  new InitialGuess(y),
                  new NelderMeadSimplex(free.length, 0.3));
      // Restarting from the answer catches a simplex that collapsed before reaching the optimum.
      if (best != null && p.getValue() <= best.getValue() + 1e-12) break;
      best = p;
      y = p.getPoint();
    }
    double[] yb = best.getPoint();
    for (int q = 0; q < free.length; q++) z[free[q]] = toBox(yb[q], lo[free[q]], hi[free[q]]);
    return z;
  }

  // ------------------------------------------------------------------ the exact (structured)
  // solver

  /**
   * As {@link #draft}, solved exactly (see the class comment); null when the red lines leave no
   * zone.
   */
  public static double[] exact(Inputs in, int[] parties, int[] mediators) {
    double[][] box = zone(in, parties);
    return box == null ? null : exact(in, parties, mediators, box[0], box[1]);
  }

  /**
   * As {@link #exact(Inputs, int[], int[])}, for a caller that solves the draft again and again
   * from inputs that change only in capabilities, reservations and red lines (the mediators' view,
   * round after round): {@code version} names the state of everything else it reads (positions,
   * saliences, risk, ties, leans), and a solve on the same thread with the same {@code owner},
   * inputs, parties, mediators and version reuses the problem's pieces from the last one instead of
   * building them again (the same values, so the same draft).
   */
  static double[] exact(Inputs in, int[] parties, int[] mediators, Object owner, long version) {
    return exact(in, parties, mediators, owner, version, WORKSPACE.get());
  }

  /**
   * As {@link #exact(Inputs, int[], int[], Object, long)}, in this thread's workspace as {@link
   * #workspace()} gave it (a caller that solves round after round on one thread keeps it rather
   * than looking it up each solve: on C1 the lookup is a call into the VM).
   */
  static double[] exact(
      Inputs in, int[] parties, int[] mediators, Object owner, long version, Exact workspace) {
    // the zone in the workspace's own arrays (only this solve reads them): two arrays a round less
    double[] lo = workspace.zoneLo(in.issues);
    double[] hi = workspace.zoneHi(in.issues);
    if (!zone(in, parties, lo, hi)) return null;
    double[] z = start(in, parties, lo, hi);
    return solveExact(
        in,
        parties,
        mediators,
        lo,
        hi,
        z,
        workspace.set(in, parties, mediators, lo, hi, owner, version));
  }

  /** As {@link #unconstrained}, solved exactly. */
  public static double[] exactUnconstrained(Inputs in, int[] parties, int[] mediators) {
    double[] lo = new double[in.issues];
    double[] hi = new double[in.issues];
    java.util.Arrays.fill(hi, 100);
    return exact(in, parties, mediators, lo, hi);
  }

  /**
   * One workspace per thread: a draft is solved every round of every replication, and building a
   * fresh {@link Exact} (about twenty arrays) cost as much as a tenth of a conditioned run. The
   * workspace holds nothing from one solve to the next ({@link Exact#set} rewrites every value it
   * later reads), so sharing it between the runs of one thread changes no number.
   */
  private static final ThreadLocal<Exact> WORKSPACE = ThreadLocal.withInitial(Exact::new);

  /** The calling thread's workspace, to be used on this thread only. */
  static Exact workspace() {
    return WORKSPACE.get();
  }

  static double[] exact(Inputs in, int[] parties, int[] mediators, double[] lo, double[] hi) {
    return exact(in, parties, mediators, lo, hi, WORKSPACE.get());
  }

  /** As {@link #exact(Inputs, int[], int[], double[], double[])}, in the given workspace. */
  static double[] exact(
      Inputs in, int[] parties, int[] mediators, double[] lo, double[] hi, Exact workspace) {
    double[] z = start(in, parties, lo, hi);
    return solveExact(
        in, parties, mediators, lo, hi, z, workspace.set(in, parties, mediators, lo, hi));
  }

  private static double[] solveExact(
      Inputs in,
      int[] parties,
      int[] mediators,
      double[] lo,
      double[] hi,
      double[] z,
      Exact problem) {
    boolean converged = problem.maximise(z);
    if (problem.concave && converged) return z;
    // Several local maxima are possible (or, never seen, no convergence in the step limit): also
    // run the reference from the same start, polish its answer, and keep the better point.
    double[] nm = solve(in, parties, mediators, lo, hi);
    problem.maximise(nm);
    return objective(in, parties, mediators, nm) > objective(in, parties, mediators, z) ? nm : z;
  }

  /**
   * One instance of the draft problem in separable form: term t (a party, or a mediator with a
   * lean) contributes {@code a_t phi(G_t(z) - r_t)} with {@code G_t(z) = C_t + sum_k sum_pieces w
   * v_rho(|z_k - x| / 100)}, phi the logarithm continued by its tangent below GAIN_FLOOR. Reusable:
   * {@link #set} loads a problem into arrays kept (and grown when too small) from the last one.
   */
  static final class Exact {
    private static final int MAX_STEPS = 200;
    private int terms;
    private int issues;
    private double[] a = new double[0];
    private double[] r = new double[0];
    private double[] constant = new double[0];

    /** Pieces of term t on issue k: indices [start[t * issues + k], start[t * issues + k + 1]). */
    private int[] start = new int[0];

    private double[] weight = new double[0];
    private double[] ideal = new double[0];
    private double[] rho = new double[0];
    private double[] lo;
    private double[] hi;

    /**
     * Sorted kinks and bounds of each issue inside its box (lo and hi included): the first {@code
     * breakCount[k]} entries of {@code breaks[k]}.
     */
    private double[][] breaks = new double[0][];

    private int[] breakCount = new int[0];

    /**
     * Per issue, the ideals of every piece, sorted ({@link #sort}): the first {@code
     * sortedKinkCount[k]} of {@code sortedKinks[k]}, made when the pieces are built for an owner.
     */
    private double[][] sortedKinks = new double[0][];

    private int[] sortedKinkCount = new int[0];

    boolean concave;

    /**
     * Every piece risk-neutral (rho = 0, as every actor of the baseline): then {@code v(d) = (1 -
     * d)(1 + 0 d)} is {@code (1 - d) * 1} and its slope {@code ((0 - 1) - 2 * 0 * d) / 100} is
     * {@code -1 / 100} at every finite d, the same doubles with fewer operations.
     */
    private boolean neutral;

    /** Per piece, its slope when {@link #neutral}: {@code w * -1.0 / 100.0}. */
    private double[] flat = new double[0];

    // work arrays
    private double[] share = new double[0];
    private double[] salienceSums = new double[0];
    private double[] gain = new double[0];
    private double[] d1 = new double[0];
    private double[] d2 = new double[0];
    private double[] plus = new double[0];
    private double[] minus = new double[0];

    /**
     * Per term and issue, the larger magnitude of its one-sided slopes: {@code
     * MinMax.maxOfMagnitudes(Math.abs(plus), Math.abs(minus))}, written with them (the slopes of an
     * issue that did not move are kept, and so is this), for the ascent's scale at every step.
     */
    private double[] steepest = new double[0];

    private double[] curvature = new double[0];
    private int[] side = new int[0];
    private int[] free = new int[0];

    /** Per issue, where z_k falls among its breaks ({@link Arrays#binarySearch}'s answer). */
    private int[] at = new int[0];

    /** Per free issue, the break the step runs into (constant during a line search). */
    private double[] bound = new double[0];

    private double[] grad = new double[0];
    private double[] hess = new double[0];
    private double[] chol = new double[0];
    private double[] step = new double[0];
    private double[] trial = new double[0];

    /**
     * Neutral pieces only: each term's utility at the last point {@link #value} was asked for, and
     * at the point the line search last accepted (when {@link #knownValid}): the next step's
     * derivatives are taken there, and summing the same pieces in the same order again would give
     * the same utilities and the same objective.
     */
    private double[] trialU = new double[0];

    private double[] knownU = new double[0];
    private double knownF;
    private boolean knownValid;

    /**
     * Neutral pieces only: the z_k the one-sided slopes of issue k (plus and minus, every term)
     * were last summed at, valid while {@link #slopesValid}. An issue the step did not move keeps
     * its slopes, since they depend only on z_k (through the signs of z_k minus each ideal).
     */
    private double[] slopeZ = new double[0];

    private boolean slopesValid;

    /**
     * Whether a solve takes its shortcuts: the utilities and slopes above reused, and {@link
     * #newtonOne}, {@link #newtonTwo} and {@link #newtonThree} for steps of one, two and three
     * issues. Off only in the test that checks they give the bits of the plain computation.
     */
    boolean shortcuts = true;

    private boolean[] shifted = new boolean[0];

    /** The bits of the z_k each issue's {@code at[k]} was last located for, in one ascent. */
    private long[] locatedAt = new long[0];

    Exact() {}

    /** The zone of {@link NashDraft#exact(Inputs, int[], int[], Object, long)}'s solve. */
    private double[] zoneLo = new double[0];

    private double[] zoneHi = new double[0];

    double[] zoneLo(int issues) {
      if (zoneLo.length != issues) zoneLo = new double[issues];
      return zoneLo;
    }

    double[] zoneHi(int issues) {
      if (zoneHi.length != issues) zoneHi = new double[issues];
      return zoneHi;
    }

    Exact(Inputs in, int[] parties, int[] mediators, double[] lo, double[] hi) {
      set(in, parties, mediators, lo, hi);
    }

    private static double[] atLeast(double[] v, int n) {
      return v.length >= n ? v : new double[n];
    }

    private static int[] atLeast(int[] v, int n) {
      return v.length >= n ? v : new int[n];
    }

    /** What the pieces were last built from, for {@link #set} with an owner; null: unknown. */
    private Object builtFor;

    private Inputs builtFrom;
    private int[] builtParties;
    private int[] builtMediators;
    private long builtVersion;

    /**
     * As {@link #set(Inputs, int[], int[], double[], double[])}; when the pieces were last built
     * for the same owner, version, inputs, parties and mediators (see {@link
     * NashDraft#exact(Inputs, int[], int[], Object, long)}), only what else a problem reads is
     * loaded again: each term's weight and reservation, the box and the kinks inside it.
     */
    Exact set(
        Inputs in,
        int[] parties,
        int[] mediators,
        double[] lo,
        double[] hi,
        Object owner,
        long version) {
      if (owner != null
          && owner == builtFor
          && version == builtVersion
          && in == builtFrom
          && parties == builtParties
          && mediators == builtMediators) {
        this.lo = lo;
        this.hi = hi;
        int t = 0;
        for (int p : parties) {
          a[t] = in.capability(p);
          r[t] = in.reservation(p);
          t++;
        }
        for (int m : mediators) {
          if (in.lean(m) > 0) {
            a[t] = in.lean(m) * in.capability(m);
            r[t] = 0;
            t++;
          }
        }
        // the kinks inside the box with its bounds, sorted, each value once: as set and sortBreaks
        // make them (the same sorted values), from the kinks sorted when the pieces were built
        for (int k = 0; k < issues; k++) {
          double[] b = breaks[k];
          double[] sorted = sortedKinks[k];
          double l = lo[k];
          double h = hi[k];
          int m = 0;
          for (int q = 0, end = sortedKinkCount[k]; q < end; q++) {
            double v = sorted[q];
            if (v > l && v < h) b[m++] = v;
          }
          m = insert(b, m, l);
          m = insert(b, m, h);
          breakCount[k] = unique(b, m);
        }
        return this;
      }
      set(in, parties, mediators, lo, hi);
      // every piece's ideal per issue, sorted once for the solves that reuse these pieces
      if (sortedKinks.length < issues) {
        sortedKinks = Arrays.copyOf(sortedKinks, issues);
        sortedKinkCount = new int[issues];
      }
      for (int k = 0; k < issues; k++) {
        int m = 0;
        for (int t = 0; t < terms; t++) m += start[t * issues + k + 1] - start[t * issues + k];
        if (sortedKinks[k] == null || sortedKinks[k].length < m) sortedKinks[k] = new double[m];
        double[] sorted = sortedKinks[k];
        m = 0;
        for (int t = 0; t < terms; t++) {
          for (int q = start[t * issues + k], end = start[t * issues + k + 1]; q < end; q++)
            sorted[m++] = ideal[q];
        }
        sort(sorted, m);
        sortedKinkCount[k] = m;
      }
      builtFor = owner;
      builtFrom = in;
      builtParties = parties;
      builtMediators = mediators;
      builtVersion = version;
      return this;
    }

    /** Loads this problem (lo and hi are kept by reference, as the solver reads them). */
    Exact set(Inputs in, int[] parties, int[] mediators, double[] lo, double[] hi) {
      builtFor = null;
      builtFrom = null;
      builtParties = null;
      builtMediators = null;
      this.issues = in.issues;
      this.lo = lo;
      this.hi = hi;
      int actors = in.actors;
      int leaning = 0;
      for (int m : mediators) if (in.lean(m) > 0) leaning++;
      terms = parties.length + leaning;
      a = atLeast(a, terms);
      r = atLeast(r, terms);
      constant = atLeast(constant, terms);
      Arrays.fill(constant, 0, terms, 0.0);
      // share of actor j in term t at [t * actors + j]
      share = atLeast(share, terms * actors);
      Arrays.fill(share, 0, terms * actors, 0.0);
      int t = 0;
      for (int p : parties) {
        a[t] = in.capability(p);
        r[t] = in.reservation(p);
        // Utility.judged: (1 - sum eta) own(p) + sum eta_j own(j) over the ties with eta_j > 0
        double tied = 0;
        for (int j = 0; j < actors; j++) {
          double eta = in.tie(p, j);
          if (eta > 0) {
            tied += eta;
            share[t * actors + j] += eta;
          }
        }
        share[t * actors + p] += tied == 0 ? 1 : 1 - tied;
        t++;
      }
      for (int m : mediators) {
        if (in.lean(m) > 0) {
          a[t] = in.lean(m) * in.capability(m);
          r[t] = 0; // a mediator's lean has no reservation
          share[t * actors + m] = 1;
          t++;
        }
      }
      start = atLeast(start, terms * issues + 1);
      int count = 0;
      for (t = 0; t < terms; t++) {
        for (int j = 0; j < actors; j++) {
          if (share[t * actors + j] != 0) count += issues;
        }
      }
      weight = atLeast(weight, count);
      ideal = atLeast(ideal, count);
      rho = atLeast(rho, count);
      boolean allConcave = true;
      boolean allNeutral = true;
      int n = 0;
      if (breaks.length < issues) {
        breaks = Arrays.copyOf(breaks, issues);
        breakCount = new int[issues];
      }
      int kinkRoom = count / Math.max(1, issues) + 2;
      for (int k = 0; k < issues; k++) {
        if (breaks[k] == null || breaks[k].length < kinkRoom) breaks[k] = new double[kinkRoom];
        breakCount[k] = 0;
      }
      // each actor's salience sum once, not once per term and issue (the same sum, so the same
      // bits)
      salienceSums = atLeast(salienceSums, actors);
      for (int j = 0; j < actors; j++) salienceSums[j] = in.salienceSum(j);
      for (t = 0; t < terms; t++) {
        for (int k = 0; k < issues; k++) {
          start[t * issues + k] = n;
          for (int j = 0; j < actors; j++) {
            double lambda = share[t * actors + j];
            if (lambda == 0) continue;
            double w = salienceSums[j];
            if (!(w > 0)) {
              if (k == 0) constant[t] += lambda; // Utility.own is 1 without saliences
              continue;
            }
            double s = in.salience(j, k);
            if (s == 0) continue;
            weight[n] = lambda * s / w;
            ideal[n] = in.position(j, k);
            rho[n] = in.risk(j);
            if (rho[n] < 0) allConcave = false;
            if (rho[n] != 0) allNeutral = false;
            if (ideal[n] > lo[k] && ideal[n] < hi[k]) breaks[k][breakCount[k]++] = ideal[n];
            n++;
          }
        }
      }
      start[terms * issues] = n;
      concave = allConcave;
      neutral = allNeutral;
      if (neutral) {
        flat = atLeast(flat, n);
        for (int q = 0; q < n; q++) flat[q] = weight[q] * -1.0 / 100.0;
      }
      // v'' is constant, so each term's curvature on each issue is the same at every z: summed
      // here once, in the order derivatives summed it at every step
      curvature = atLeast(curvature, terms * issues);
      for (int q = 0; q < terms * issues; q++) {
        double curve = 0;
        for (int p = start[q], end = start[q + 1]; p < end; p++)
          curve += weight[p] * (-2 * rho[p]) / 10_000.0;
        curvature[q] = curve;
      }
      sortBreaks();
      gain = atLeast(gain, terms);
      d1 = atLeast(d1, terms);
      d2 = atLeast(d2, terms);
      plus = atLeast(plus, terms * issues);
      minus = atLeast(minus, terms * issues);
      steepest = atLeast(steepest, terms * issues);
      side = atLeast(side, issues);
      free = atLeast(free, issues);
      at = atLeast(at, issues);
      bound = atLeast(bound, issues);
      grad = atLeast(grad, issues);
      hess = atLeast(hess, issues * issues);
      chol = atLeast(chol, issues * issues);
      step = atLeast(step, issues);
      trial = atLeast(trial, issues);
      trialU = atLeast(trialU, terms);
      knownU = atLeast(knownU, terms);
      slopeZ = atLeast(slopeZ, issues);
      shifted = shifted.length >= issues ? shifted : new boolean[issues];
      locatedAt = locatedAt.length >= issues ? locatedAt : new long[issues];
      return this;
    }

    /** Each issue's kinks with its bounds, sorted, each value once. */
    private void sortBreaks() {
      for (int k = 0; k < issues; k++) {
        double[] b = breaks[k];
        int m = breakCount[k];
        b[m++] = lo[k];
        b[m++] = hi[k];
        sort(b, m);
        breakCount[k] = unique(b, m);
      }
    }

    /** Keeps the first of each run of equal values among the first m of sorted b; their count. */
    private static int unique(double[] b, int m) {
      int unique = 0;
      for (int q = 0; q < m; q++) if (unique == 0 || b[q] != b[unique - 1]) b[unique++] = b[q];
      return unique;
    }

    /**
     * Inserts v into the first m entries of b (sorted as {@link #sort} sorts) where sort would put
     * it; returns m + 1.
     */
    private static int insert(double[] b, int m, double v) {
      int j = m - 1;
      while (j >= 0 && after(b[j], v)) {
        b[j + 1] = b[j];
        j--;
      }
      b[j + 1] = v;
      return m + 1;
    }

    /**
     * Sorts the first m entries of b as {@link Arrays#sort(double[], int, int)} does (by {@link
     * Double#compare}, so the same array): by insertion, a handful of values being what an issue
     * has, where the library's sort cost more on C1 in calls than in comparisons.
     */
    static void sort(double[] b, int m) {
      for (int i = 1; i < m; i++) {
        double v = b[i];
        int j = i - 1;
        while (j >= 0 && after(b[j], v)) {
          b[j + 1] = b[j];
          j--;
        }
        b[j + 1] = v;
      }
    }

    /** {@code Double.compare(x, v) > 0}. */
    private static boolean after(double x, double v) {
      return x > v || (!(x < v) && Double.doubleToLongBits(x) > Double.doubleToLongBits(v));
    }

    /**
     * The objective at z (the same function as {@link NashDraft#objective}, summed in separable
     * form).
     */
    double value(double[] z) {
      final double[] a = this.a;
      final double[] r = this.r;
      final int terms = this.terms;
      double f = 0;
      if (neutral) {
        // utility's neutral sum written out here: a call a term is much of the work on C1
        final int issues = this.issues;
        final int[] start = this.start;
        final double[] ideal = this.ideal;
        final double[] weight = this.weight;
        final double[] constant = this.constant;
        final double[] trialU = this.trialU;
        for (int t = 0, tk = 0; t < terms; t++) {
          double u = constant[t];
          for (int k = 0; k < issues; k++, tk++) {
            double zk = z[k];
            for (int q = start[tk], end = start[tk + 1]; q < end; q++)
              u += weight[q] * (1 - Math.abs(zk - ideal[q]) / 100.0);
          }
          trialU[t] = u;
          f += a[t] * log(u - r[t]);
        }
        return f;
      }
      for (int t = 0; t < terms; t++) f += a[t] * log(utility(t, z) - r[t]);
      return f;
    }

    private double utility(int t, double[] z) {
      int issues = this.issues;
      int[] start = this.start;
      double[] ideal = this.ideal;
      double[] weight = this.weight;
      double[] rho = this.rho;
      double u = constant[t];
      if (neutral) {
        for (int k = 0; k < issues; k++) {
          double zk = z[k];
          for (int q = start[t * issues + k], end = start[t * issues + k + 1]; q < end; q++)
            u += weight[q] * (1 - Math.abs(zk - ideal[q]) / 100.0);
        }
        return u;
      }
      for (int k = 0; k < issues; k++) {
        double zk = z[k];
        for (int q = start[t * issues + k], end = start[t * issues + k + 1]; q < end; q++) {
          double dist = Math.abs(zk - ideal[q]) / 100.0;
          u += weight[q] * (1 - dist) * (1 + rho[q] * dist);
        }
      }
      return u;
    }

    /**
     * Gains, the outer derivatives of each term, and the one-sided partial derivatives of every G_t
     * on every issue (they differ only where z_k sits on one of the term's kinks).
     */
    private double derivatives(double[] z) {
      if (neutral) return neutralDerivatives(z);
      double f = 0;
      for (int t = 0; t < terms; t++) {
        double u = slopes(t, z);
        double g = u - r[t];
        gain[t] = g;
        if (g >= GAIN_FLOOR) {
          f += a[t] * Math.log(g);
          d1[t] = a[t] / g;
          d2[t] = -a[t] / (g * g);
        } else {
          f += a[t] * (Math.log(GAIN_FLOOR) + (g - GAIN_FLOOR) / GAIN_FLOOR);
          d1[t] = a[t] / GAIN_FLOOR;
          d2[t] = 0;
        }
      }
      return f;
    }

    /**
     * {@link #derivatives} when every piece is risk-neutral (see {@link #neutral}): each term's
     * utility and one-sided partial derivatives summed in the loop over terms, in the order {@link
     * #slopes} sums them, a call a term being much of the work on C1.
     */
    private double neutralDerivatives(double[] z) {
      final int terms = this.terms;
      final int issues = this.issues;
      final int[] start = this.start;
      final double[] ideal = this.ideal;
      final double[] weight = this.weight;
      final double[] flat = this.flat;
      final double[] plus = this.plus;
      final double[] minus = this.minus;
      final double[] steepest = this.steepest;
      final double[] constant = this.constant;
      final double[] a = this.a;
      final double[] r = this.r;
      final double[] gain = this.gain;
      final double[] d1 = this.d1;
      final double[] d2 = this.d2;
      final double[] slopeZ = this.slopeZ;
      final boolean[] moved = this.shifted;
      // the issues whose z_k differs from where their slopes were summed (numerically: the slopes
      // read z_k only through comparisons, the same for 0.0 and -0.0)
      boolean anyMoved = false;
      for (int k = 0; k < issues; k++) {
        boolean m = !slopesValid || !(z[k] == slopeZ[k]);
        moved[k] = m;
        anyMoved |= m;
        slopeZ[k] = z[k];
      }
      slopesValid = shortcuts;
      if (knownValid) {
        // z is the point the line search accepted: its utilities and objective are known
        final double[] knownU = this.knownU;
        if (anyMoved) {
          for (int t = 0, tk = 0; t < terms; t++) {
            for (int k = 0; k < issues; k++, tk++) {
              if (!moved[k]) continue;
              double zk = z[k];
              double up = 0;
              double down = 0;
              for (int q = start[tk], end = start[tk + 1]; q < end; q++) {
                double diff = zk - ideal[q];
                double slope = flat[q];
                if (diff > 0) {
                  up += slope;
                  down += slope;
                } else if (diff < 0) {
                  up -= slope;
                  down -= slope;
                } else {
                  up += slope;
                  down -= slope;
                }
              }
              plus[tk] = up;
              minus[tk] = down;
              steepest[tk] = MinMax.maxOfMagnitudes(Math.abs(up), Math.abs(down));
            }
          }
        }
        for (int t = 0; t < terms; t++) {
          double at = a[t];
          double g = knownU[t] - r[t];
          gain[t] = g;
          if (g >= GAIN_FLOOR) {
            d1[t] = at / g;
            d2[t] = -at / (g * g);
          } else {
            d1[t] = at / GAIN_FLOOR;
            d2[t] = 0;
          }
        }
        return knownF;
      }
      double f = 0;
      for (int t = 0, tk = 0; t < terms; t++) {
        double u = constant[t];
        for (int k = 0; k < issues; k++, tk++) {
          double zk = z[k];
          if (!moved[k]) {
            for (int q = start[tk], end = start[tk + 1]; q < end; q++)
              u += weight[q] * (1 - Math.abs(zk - ideal[q]) / 100.0);
            continue;
          }
          double up = 0;
          double down = 0;
          for (int q = start[tk], end = start[tk + 1]; q < end; q++) {
            double diff = zk - ideal[q];
            u += weight[q] * (1 - Math.abs(diff) / 100.0);
            double slope = flat[q];
            if (diff > 0) {
              up += slope;
              down += slope;
            } else if (diff < 0) {
              up -= slope;
              down -= slope;
            } else {
              up += slope;
              down -= slope;
            }
          }
          plus[tk] = up;
          minus[tk] = down;
          steepest[tk] = MinMax.maxOfMagnitudes(Math.abs(up), Math.abs(down));
        }
        double at = a[t];
        double g = u - r[t];
        gain[t] = g;
        if (g >= GAIN_FLOOR) {
          f += at * Math.log(g);
          d1[t] = at / g;
          d2[t] = -at / (g * g);
        } else {
          f += at * (Math.log(GAIN_FLOOR) + (g - GAIN_FLOOR) / GAIN_FLOOR);
          d1[t] = at / GAIN_FLOOR;
          d2[t] = 0;
        }
      }
      return f;
    }

    /**
     * Term t's utility at z, and its one-sided partial derivatives on every issue into plus and
     * minus, for any risk attitudes ({@link #neutralDerivatives} when all are neutral).
     */
    private double slopes(int t, double[] z) {
      int issues = this.issues;
      int[] start = this.start;
      double[] ideal = this.ideal;
      double[] weight = this.weight;
      double[] rho = this.rho;
      double[] plus = this.plus;
      double[] minus = this.minus;
      double u = constant[t];
      for (int k = 0; k < issues; k++) {
        double zk = z[k];
        double up = 0;
        double down = 0;
        for (int q = start[t * issues + k], end = start[t * issues + k + 1]; q < end; q++) {
          double diff = zk - ideal[q];
          double dist = Math.abs(diff) / 100.0;
          double w = weight[q];
          double p = rho[q];
          u += w * (1 - dist) * (1 + p * dist);
          // v'(d) = (rho - 1) - 2 rho d, v'' = -2 rho; dd/dz_k = sign / 100
          double slope = w * ((p - 1) - 2 * p * dist) / 100.0;
          if (diff > 0) {
            up += slope;
            down += slope;
          } else if (diff < 0) {
            up -= slope;
            down -= slope;
          } else {
            up += slope;
            down -= slope;
          }
        }
        plus[t * issues + k] = up;
        minus[t * issues + k] = down;
        steepest[t * issues + k] = MinMax.maxOfMagnitudes(Math.abs(up), Math.abs(down));
      }
      return u;
    }

    /**
     * Where v falls among issue k's breaks: {@link Arrays#binarySearch}'s answer on them (the index
     * of v, else -(insertion point) - 1), found by a scan with its comparisons (bits decide between
     * values neither below nor above, as between -0.0 and 0.0): an issue has a handful of breaks,
     * and the library's search cost more in calls than in comparisons.
     */
    private int locate(int k, double v) {
      return locate(breaks[k], breakCount[k], v);
    }

    /** {@link #locate(int, double)} in the first n entries of b (sorted, no two equal). */
    static int locate(double[] b, int n, double v) {
      for (int j = 0; j < n; j++) {
        double x = b[j];
        if (x < v) continue;
        if (x > v) return -(j + 1);
        long xBits = Double.doubleToLongBits(x);
        long vBits = Double.doubleToLongBits(v);
        if (xBits == vBits) return j;
        if (xBits > vBits) return -(j + 1);
      }
      return -(n + 1);
    }

    /**
     * The next kink or bound beyond v in direction dir (+1 or -1), i being {@link #locate}'s answer
     * for v.
     */
    private double nextBreak(int k, int i, double dir) {
      double[] b = breaks[k];
      if (dir > 0) {
        int j = i >= 0 ? i + 1 : -i - 1;
        return j < breakCount[k] ? b[j] : hi[k];
      }
      int j = i >= 0 ? i - 1 : -i - 2;
      return j >= 0 ? b[j] : lo[k];
    }

    /**
     * Maximises from z (inside the box; overwritten with the answer). Returns whether it stopped
     * because no issue could gain (rather than at the step limit).
     */
    boolean maximise(double[] z) {
      return ascend(z);
    }

    private boolean ascend(double[] z) {
      // the arrays in locals (the same arrays: the methods called write into them): C1 reloads a
      // field on every use
      final int issues = this.issues;
      final int terms = this.terms;
      final double[] lo = this.lo;
      final double[] hi = this.hi;
      final double[] d1 = this.d1;
      final double[] plus = this.plus;
      final double[] minus = this.minus;
      final double[] steepest = this.steepest;
      final int[] at = this.at;
      final int[] side = this.side;
      final int[] free = this.free;
      final double[] grad = this.grad;
      final double[] step = this.step;
      final double[] bound = this.bound;
      final double[] trial = this.trial;
      // nothing is known of this start (the workspace may have solved another problem last)
      knownValid = false;
      slopesValid = false;
      // at[k] holds nothing of this ascent yet; from its first step on, each issue's search is
      // remembered (when the shortcuts are on)
      final long[] locatedAt = this.locatedAt;
      boolean located = false;
      for (int k = 0; k < issues; k++) {
        z[k] = MinMax.max(lo[k], MinMax.min(hi[k], z[k]));
        // A start within rounding of a kink (a weighted mean of equal ideals) starts on it.
        int i = locate(k, z[k]);
        double below = nextBreak(k, i, -1);
        double above = nextBreak(k, i, 1);
        if (z[k] - below <= 1e-10) z[k] = below;
        else if (above - z[k] <= 1e-10) z[k] = above;
      }
      for (int iter = 0; iter < MAX_STEPS; iter++) {
        double f = derivatives(z);
        // Largest possible size of a partial derivative, to scale the tests for "no gain".
        double scale = 0;
        for (int t = 0, tk = 0; t < terms; t++) {
          double d1t = d1[t];
          for (int k = 0; k < issues; k++, tk++) {
            // kept with the slopes; checked under -ea (a wrong scale would rarely change a draft)
            assert Double.compare(
                    steepest[tk], MinMax.maxOfMagnitudes(Math.abs(plus[tk]), Math.abs(minus[tk])))
                == 0;
            scale += d1t * steepest[tk];
          }
        }
        double tol = 1e-13 * scale + Double.MIN_NORMAL;
        int nf = 0;
        for (int k = 0; k < issues; k++) {
          if (!(hi[k] - lo[k] > 1e-9)) continue; // no room: the issue is fixed
          double up = 0;
          double down = 0;
          for (int t = 0, tk = k; t < terms; t++, tk += issues) {
            up += d1[t] * plus[tk];
            down += d1[t] * minus[tk];
          }
          // z does not move before the step is taken: one search serves this iteration, and an
          // issue the last step left where it was (the same bits: the search tells -0.0 from 0.0)
          // keeps its answer, the breaks being fixed for the whole ascent
          long bits = Double.doubleToRawLongBits(z[k]);
          if (!located || bits != locatedAt[k]) {
            at[k] = locate(k, z[k]);
            locatedAt[k] = bits;
          }
          if (at[k] < 0) {
            side[k] = 0;
            grad[k] = up;
            free[nf++] = k;
            continue;
          }
          boolean canUp = z[k] < hi[k] && up > tol;
          boolean canDown = z[k] > lo[k] && down < -tol;
          if (canUp && canDown) {
            if (up >= -down) canDown = false;
            else canUp = false;
          }
          if (canUp) {
            side[k] = 1;
            grad[k] = up;
            free[nf++] = k;
          } else if (canDown) {
            side[k] = -1;
            grad[k] = down;
            free[nf++] = k;
          }
        }
        located = shortcuts;
        // Newton direction on the free issues; an issue on a kink whose step would leave on the
        // other side than its derivative chose is held instead, and the direction recomputed.
        double decrement;
        while (true) {
          if (nf == 0) return true;
          newton(nf);
          int keep = 0;
          for (int q = 0; q < nf; q++) {
            int k = free[q];
            if (side[k] != 0 && side[k] * step[q] <= 0) continue;
            free[keep] = k;
            step[keep] = step[q];
            keep++;
          }
          if (keep == nf) break;
          nf = keep;
        }
        decrement = 0;
        for (int q = 0; q < nf; q++) decrement += grad[free[q]] * step[q];
        if (!(decrement > 1e-15 * (1 + Math.abs(f)))) return true;
        // The longest step that stays in the current cell; each issue's next break, once (z and
        // the step are fixed until the step is taken).
        double alphaMax = Double.POSITIVE_INFINITY;
        int hit = -1;
        for (int q = 0; q < nf; q++) {
          int k = free[q];
          bound[q] = nextBreak(k, at[k], step[q]);
          if (step[q] == 0) continue;
          double alpha = (bound[q] - z[k]) / step[q];
          if (alpha < alphaMax) {
            alphaMax = alpha;
            hit = q;
          }
        }
        double alpha = MinMax.min(1, alphaMax);
        boolean accepted = false;
        double ft = 0;
        for (int ls = 0; ls < 60; ls++) {
          boolean snap = alpha == alphaMax;
          // a loop, not System.arraycopy: a handful of values, where C1 calls a copying stub
          for (int k = 0; k < issues; k++) trial[k] = z[k];
          for (int q = 0; q < nf; q++) {
            int k = free[q];
            double v = z[k] + alpha * step[q];
            // never beyond the cell's edge, whatever the rounding
            trial[k] = step[q] > 0 ? MinMax.min(v, bound[q]) : MinMax.max(v, bound[q]);
          }
          if (snap) {
            int k = free[hit];
            trial[k] = bound[hit];
          }
          ft = value(trial);
          // A step onto a kink may gain less than rounding can show; it changes the cell, so take
          // it.
          if (ft >= f + 1e-4 * alpha * decrement || (snap && ft >= f - 1e-14 * (1 + Math.abs(f)))) {
            accepted = true;
            break;
          }
          alpha *= 0.5;
        }
        if (!accepted) return true; // no ascent left at this precision
        if (neutral && shortcuts) {
          // the accepted trial becomes z: value(trial) summed its utilities and objective
          double[] u = knownU;
          knownU = trialU;
          trialU = u;
          knownF = ft;
          knownValid = true;
        }
        double moved = 0;
        for (int k = 0; k < issues; k++)
          moved = MinMax.maxOfMagnitudes(moved, Math.abs(trial[k] - z[k]));
        for (int k = 0; k < issues; k++) z[k] = trial[k];
        if (moved <= 1e-13 && alpha < alphaMax) return true;
      }
      return false;
    }

    private void newton(int nf) {
      if (nf == 1 && shortcuts) {
        newtonOne();
        return;
      }
      if (nf == 2 && shortcuts) {
        newtonTwo();
        return;
      }
      if (nf == 3 && shortcuts) {
        newtonThree();
        return;
      }
      final int[] free = this.free;
      final int[] side = this.side;
      final double[] plus = this.plus;
      final double[] minus = this.minus;
      final double[] hess = this.hess;
      final double[] grad = this.grad;
      final double[] chol = this.chol;
      final double[] step = this.step;
      for (int p = 0; p < nf; p++) {
        int k = free[p];
        // the side's one-sided derivatives, chosen once rather than once a term
        double[] gks = side[k] < 0 ? minus : plus;
        for (int q = 0; q <= p; q++) {
          int l = free[q];
          double[] gls = side[l] < 0 ? minus : plus;
          double h = p == q ? hessianDiagonal(gks, k) : hessianCross(gks, k, gls, l);
          hess[p * nf + q] = h;
          hess[q * nf + p] = h;
        }
      }
      double maxDiag = 0;
      double maxGrad = 0;
      for (int p = 0; p < nf; p++) {
        maxDiag = MinMax.maxOfMagnitudes(maxDiag, Math.abs(hess[p * nf + p]));
        maxGrad = MinMax.maxOfMagnitudes(maxGrad, Math.abs(grad[free[p]]));
      }
      double lambda = 0;
      for (int attempt = 0; attempt < 80; attempt++) {
        if (cholesky(nf, lambda, maxDiag)) {
          // forward and back substitution
          for (int p = 0; p < nf; p++) {
            double s = grad[free[p]];
            for (int q = 0; q < p; q++) s -= chol[p * nf + q] * step[q];
            step[p] = s / chol[p * nf + p];
          }
          for (int p = nf - 1; p >= 0; p--) {
            double s = step[p];
            for (int q = p + 1; q < nf; q++) s -= chol[q * nf + p] * step[q];
            step[p] = s / chol[p * nf + p];
          }
          double ascent = 0;
          for (int p = 0; p < nf; p++) ascent += grad[free[p]] * step[p];
          if (ascent > 0 || maxGrad == 0) return;
        }
        lambda =
            lambda == 0
                ? MinMax.max(1e-10 * maxDiag, maxGrad * 1e-4) + Double.MIN_NORMAL
                : lambda * 100;
      }
      for (int p = 0; p < nf; p++)
        step[p] =
            grad[free[p]] / (maxDiag + maxGrad + Double.MIN_NORMAL); // not reached in practice
    }

    /**
     * The Hessian's diagonal entry of free issue {@code k} ({@code gs} its side's one-sided
     * slopes): the sum every Newton step makes, in one place so that the written-out steps and the
     * general loop add the same terms in the same order.
     */
    private double hessianDiagonal(double[] gs, int k) {
      final int issues = this.issues;
      final int terms = this.terms;
      final double[] d1 = this.d1;
      final double[] d2 = this.d2;
      final double[] curvature = this.curvature;
      double h = 0;
      for (int t = 0, tk = k; t < terms; t++, tk += issues) {
        h += d2[t] * gs[tk] * gs[tk];
        h += d1[t] * curvature[tk];
      }
      return -h;
    }

    /** The Hessian's entry of free issues {@code k} and {@code l}, as {@link #hessianDiagonal}. */
    private double hessianCross(double[] gk, int k, double[] gl, int l) {
      final int issues = this.issues;
      final int terms = this.terms;
      final double[] d2 = this.d2;
      double h = 0;
      for (int t = 0, tk = k, tl = l; t < terms; t++, tk += issues, tl += issues)
        h += d2[t] * gk[tk] * gl[tl];
      return -h;
    }

    /**
     * {@link #newton} of one free issue (the usual step), written out: the same operations in the
     * same order as the general loops and {@link #cholesky} do them for a 1 x 1 matrix, so the same
     * step, without their loops and calls.
     */
    private void newtonOne() {
      int k = free[0];
      double[] gs = side[k] < 0 ? minus : plus;
      double diag = hessianDiagonal(gs, k);
      double g = grad[k];
      double maxDiag = MinMax.maxOfMagnitudes(0, Math.abs(diag));
      double maxGrad = MinMax.maxOfMagnitudes(0, Math.abs(g));
      double lambda = 0;
      for (int attempt = 0; attempt < 80; attempt++) {
        double floor = 1e-12 * (maxDiag + lambda) + Double.MIN_NORMAL;
        double s = diag + lambda;
        if (s > floor) {
          double c = Math.sqrt(s);
          double st = g / c; // forward substitution
          st = st / c; // back substitution
          step[0] = st;
          double ascent = 0;
          ascent += g * st;
          if (ascent > 0 || maxGrad == 0) return;
        }
        lambda =
            lambda == 0
                ? MinMax.max(1e-10 * maxDiag, maxGrad * 1e-4) + Double.MIN_NORMAL
                : lambda * 100;
      }
      step[0] = g / (maxDiag + maxGrad + Double.MIN_NORMAL); // not reached in practice
    }

    /**
     * {@link #newton} of two free issues, written out as {@link #newtonOne}: the same operations in
     * the same order as the general loops and {@link #cholesky} for a 2 x 2 matrix (the
     * off-diagonal pivot's {@code + 0.0} included), so the same step.
     */
    private void newtonTwo() {
      int k0 = free[0];
      int k1 = free[1];
      double[] g0s = side[k0] < 0 ? minus : plus;
      double[] g1s = side[k1] < 0 ? minus : plus;
      double h00 = hessianDiagonal(g0s, k0);
      double h10 = hessianCross(g1s, k1, g0s, k0);
      double h11 = hessianDiagonal(g1s, k1);
      double g0 = grad[k0];
      double g1 = grad[k1];
      double maxDiag = MinMax.maxOfMagnitudes(0, Math.abs(h00));
      double maxGrad = MinMax.maxOfMagnitudes(0, Math.abs(g0));
      maxDiag = MinMax.maxOfMagnitudes(maxDiag, Math.abs(h11));
      maxGrad = MinMax.maxOfMagnitudes(maxGrad, Math.abs(g1));
      double lambda = 0;
      for (int attempt = 0; attempt < 80; attempt++) {
        double floor = 1e-12 * (maxDiag + lambda) + Double.MIN_NORMAL;
        double s = h00 + lambda;
        if (s > floor) {
          double c00 = Math.sqrt(s);
          double c10 = (h10 + 0.0) / c00;
          s = h11 + lambda;
          s -= c10 * c10;
          if (s > floor) {
            double c11 = Math.sqrt(s);
            // forward substitution
            double s0 = g0 / c00;
            double s1 = g1;
            s1 -= c10 * s0;
            s1 = s1 / c11;
            // back substitution
            s1 = s1 / c11;
            s0 -= c10 * s1;
            s0 = s0 / c00;
            step[0] = s0;
            step[1] = s1;
            double ascent = 0;
            ascent += g0 * s0;
            ascent += g1 * s1;
            if (ascent > 0 || maxGrad == 0) return;
          }
        }
        lambda =
            lambda == 0
                ? MinMax.max(1e-10 * maxDiag, maxGrad * 1e-4) + Double.MIN_NORMAL
                : lambda * 100;
      }
      step[0] = g0 / (maxDiag + maxGrad + Double.MIN_NORMAL); // not reached in practice
      step[1] = g1 / (maxDiag + maxGrad + Double.MIN_NORMAL);
    }

    /**
     * {@link #newton} of three free issues (every issue of the baseline free), written out as
     * {@link #newtonTwo}: the general loops' Hessian sums, {@link #cholesky}'s pivots in its order
     * (each off-diagonal's {@code + 0.0} and the early refusal of a small pivot included) and the
     * two substitutions, so the same step.
     */
    private void newtonThree() {
      int k0 = free[0];
      int k1 = free[1];
      int k2 = free[2];
      double[] g0s = side[k0] < 0 ? minus : plus;
      double[] g1s = side[k1] < 0 ? minus : plus;
      double[] g2s = side[k2] < 0 ? minus : plus;
      double h00 = hessianDiagonal(g0s, k0);
      double h10 = hessianCross(g1s, k1, g0s, k0);
      double h11 = hessianDiagonal(g1s, k1);
      double h20 = hessianCross(g2s, k2, g0s, k0);
      double h21 = hessianCross(g2s, k2, g1s, k1);
      double h22 = hessianDiagonal(g2s, k2);
      double g0 = grad[k0];
      double g1 = grad[k1];
      double g2 = grad[k2];
      double maxDiag = MinMax.maxOfMagnitudes(0, Math.abs(h00));
      double maxGrad = MinMax.maxOfMagnitudes(0, Math.abs(g0));
      maxDiag = MinMax.maxOfMagnitudes(maxDiag, Math.abs(h11));
      maxGrad = MinMax.maxOfMagnitudes(maxGrad, Math.abs(g1));
      maxDiag = MinMax.maxOfMagnitudes(maxDiag, Math.abs(h22));
      maxGrad = MinMax.maxOfMagnitudes(maxGrad, Math.abs(g2));
      double lambda = 0;
      for (int attempt = 0; attempt < 80; attempt++) {
        double floor = 1e-12 * (maxDiag + lambda) + Double.MIN_NORMAL;
        double s = h00 + lambda;
        if (s > floor) {
          double c00 = Math.sqrt(s);
          double c10 = (h10 + 0.0) / c00;
          s = h11 + lambda;
          s -= c10 * c10;
          if (s > floor) {
            double c11 = Math.sqrt(s);
            double c20 = (h20 + 0.0) / c00;
            s = h21 + 0.0;
            s -= c20 * c10;
            double c21 = s / c11;
            s = h22 + lambda;
            s -= c20 * c20;
            s -= c21 * c21;
            if (s > floor) {
              double c22 = Math.sqrt(s);
              // forward substitution
              double s0 = g0 / c00;
              double s1 = g1;
              s1 -= c10 * s0;
              s1 = s1 / c11;
              double s2 = g2;
              s2 -= c20 * s0;
              s2 -= c21 * s1;
              s2 = s2 / c22;
              // back substitution
              s2 = s2 / c22;
              s1 -= c21 * s2;
              s1 = s1 / c11;
              s0 -= c10 * s1;
              s0 -= c20 * s2;
              s0 = s0 / c00;
              step[0] = s0;
              step[1] = s1;
              step[2] = s2;
              double ascent = 0;
              ascent += g0 * s0;
              ascent += g1 * s1;
              ascent += g2 * s2;
              if (ascent > 0 || maxGrad == 0) return;
            }
          }
        }
        lambda =
            lambda == 0
                ? MinMax.max(1e-10 * maxDiag, maxGrad * 1e-4) + Double.MIN_NORMAL
                : lambda * 100;
      }
      step[0] = g0 / (maxDiag + maxGrad + Double.MIN_NORMAL); // not reached in practice
      step[1] = g1 / (maxDiag + maxGrad + Double.MIN_NORMAL);
      step[2] = g2 / (maxDiag + maxGrad + Double.MIN_NORMAL);
    }

    /**
     * Cholesky factor of M + lambda I, refusing pivots that are zero to rounding (a singular M).
     */
    private boolean cholesky(int nf, double lambda, double maxDiag) {
      final double[] hess = this.hess;
      final double[] chol = this.chol;
      double floor = 1e-12 * (maxDiag + lambda) + Double.MIN_NORMAL;
      for (int p = 0; p < nf; p++) {
        for (int q = 0; q <= p; q++) {
          double s = hess[p * nf + q] + (p == q ? lambda : 0);
          for (int m = 0; m < q; m++) s -= chol[p * nf + m] * chol[q * nf + m];
          if (p == q) {
            if (!(s > floor)) return false;
            chol[p * nf + p] = Math.sqrt(s);
          } else {
            chol[p * nf + q] = s / chol[q * nf + q];
          }
        }
      }
      return true;
    }
  }

  private static double toBox(double y, double lo, double hi) {
    return lo + (hi - lo) * (1 + Math.sin(y)) / 2;
  }

  private static double fromBox(double z, double lo, double hi) {
    double t = 2 * (z - lo) / (hi - lo) - 1;
    return Math.asin(Math.max(-1, Math.min(1, t)));
  }

  /** Capability-weighted mean of the parties' ideals, inside the box. */
  private static double[] start(Inputs in, int[] parties, double[] lo, double[] hi) {
    double[] z = new double[in.issues];
    double total = 0;
    for (int p : parties) total += in.capability(p);
    for (int k = 0; k < in.issues; k++) {
      double m = 0;
      for (int p : parties) m += in.capability(p) * in.position(p, k);
      m = total > 0 ? m / total : 50;
      z[k] = MinMax.max(lo[k], MinMax.min(hi[k], m));
    }
    return z;
  }
}
