package org.negotiate.protocol;

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
 * The mediators' draft (mediated.md step 3): the package that maximises the weighted Nash product
 * of the parties' gains over their reservation utilities, {@code sum_i c_i log(U_i(z) - r_i)},
 * plus each mediator's lean as one more term {@code mu_m c_m log u_m(z)}, over the packages inside
 * every party's red lines. Solved with Commons Math (Nelder-Mead; Brent when one issue is free).
 */
public final class NashDraft {
  /** Below this gain the logarithm continues as its tangent, so texts no party gains from still rank. */
  private static final double GAIN_FLOOR = 1e-6;

  private NashDraft() {}

  /** The bounds every party's red lines leave on each issue, or null when they leave none. */
  public static double[][] zone(Inputs in, int[] parties) {
    double[] lo = new double[in.issues];
    double[] hi = new double[in.issues];
    java.util.Arrays.fill(hi, 100);
    for (int p : parties) {
      for (int k = 0; k < in.issues; k++) {
        lo[k] = Math.max(lo[k], in.redLineMin[p][k]);
        hi[k] = Math.min(hi[k], in.redLineMax[p][k]);
      }
    }
    for (int k = 0; k < in.issues; k++) if (lo[k] > hi[k]) return null;
    return new double[][] {lo, hi};
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
    for (int p : parties) f += in.capability[p] * log(Utility.judged(in, p, z) - in.reservation[p]);
    for (int m : mediators) {
      if (in.lean[m] > 0) f += in.lean[m] * in.capability[m] * log(Utility.own(in, m, z));
    }
    return f;
  }

  private static double log(double gain) {
    return gain >= GAIN_FLOOR ? Math.log(gain) : Math.log(GAIN_FLOOR) + (gain - GAIN_FLOOR) / GAIN_FLOOR;
  }

  private static double[] solve(Inputs in, int[] parties, int[] mediators, double[] lo, double[] hi) {
    int n = in.issues;
    double[] z = start(in, parties, lo, hi);
    int[] free = java.util.stream.IntStream.range(0, n).filter(k -> hi[k] - lo[k] > 1e-9).toArray();
    if (free.length == 0) return z;
    if (free.length == 1) {
      int k = free[0];
      double[] w = z.clone();
      UnivariateFunction f = x -> {
        w[k] = x;
        return objective(in, parties, mediators, w);
      };
      double best = new BrentOptimizer(1e-10, 1e-8)
          .optimize(new MaxEval(500), new UnivariateObjectiveFunction(f), GoalType.MAXIMIZE,
              new SearchInterval(lo[k], hi[k], z[k]))
          .getPoint();
      z[k] = best;
      return z;
    }
    // Nelder-Mead rather than a model-based method: the utilities have kinks at every actor's
    // ideal, where BOBYQA's quadratic model can fail ("trust region step has failed to reduce Q").
    // Bounds are kept by the map z = lo + (hi - lo)(1 + sin y)/2, which covers the box smoothly.
    double[] w = z.clone();
    MultivariateFunction f = y -> {
      for (int q = 0; q < free.length; q++) w[free[q]] = toBox(y[q], lo[free[q]], hi[free[q]]);
      return objective(in, parties, mediators, w);
    };
    double[] y = new double[free.length];
    for (int q = 0; q < free.length; q++) y[q] = fromBox(z[free[q]], lo[free[q]], hi[free[q]]);
    PointValuePair best = null;
    for (int restart = 0; restart < 3; restart++) {
      PointValuePair p = new SimplexOptimizer(1e-10, 1e-10).optimize(new MaxEval(20_000), new ObjectiveFunction(f),
          GoalType.MAXIMIZE, new InitialGuess(y), new NelderMeadSimplex(free.length, 0.3));
      // Restarting from the answer catches a simplex that collapsed before reaching the optimum.
      if (best != null && p.getValue() <= best.getValue() + 1e-12) break;
      best = p;
      y = p.getPoint();
    }
    double[] yb = best.getPoint();
    for (int q = 0; q < free.length; q++) z[free[q]] = toBox(yb[q], lo[free[q]], hi[free[q]]);
    return z;
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
    for (int p : parties) total += in.capability[p];
    for (int k = 0; k < in.issues; k++) {
      double m = 0;
      for (int p : parties) m += in.capability[p] * in.position[p][k];
      m = total > 0 ? m / total : 50;
      z[k] = Math.max(lo[k], Math.min(hi[k], m));
    }
    return z;
  }
}
