package org.negotiate.protocol.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Deterministic multi-start maximisation of a function of a package over a box. The utilities have
 * kinks at every actor's ideal and need not be concave (risk &lt; 0), so: all given starts are
 * evaluated, the best few are polished (Nelder–Mead in the map {@code z = lo + (hi - lo)(1 + sin y)
 * / 2}, as in NashDraft, restarted from its own answer while that helps), and the best point ever
 * evaluated is returned. With one free issue a grid of 201 points and Brent's method around its
 * best local maxima replace Nelder–Mead. No randomness: equal inputs give equal answers.
 */
final class BoxSearch {
  record Best(double[] z, double value) {}

  private static final int GRID = 200;
  private static final int MAX_EVAL = 6_000;
  private static final int RESTARTS = 4;

  private final double[] lo;
  private final double[] hi;
  private final int[] free;

  BoxSearch(double[] lo, double[] hi) {
    this.lo = lo.clone();
    this.hi = hi.clone();
    free = IntStream.range(0, lo.length).filter(k -> hi[k] - lo[k] > 1e-9).toArray();
  }

  int freeIssues() {
    return free.length;
  }

  double[] clamp(double[] z) {
    double[] c = new double[lo.length];
    for (int k = 0; k < c.length; k++) c[k] = Math.max(lo[k], Math.min(hi[k], z[k]));
    return c;
  }

  double[] centre() {
    double[] c = new double[lo.length];
    for (int k = 0; k < c.length; k++) c[k] = (lo[k] + hi[k]) / 2;
    return c;
  }

  /**
   * Maximises f from the given starts (clamped into the box), polishing the best {@code polish}.
   */
  Best maximise(ToDoubleFunction<double[]> f, List<double[]> starts, int polish) {
    Tracker t = new Tracker(f);
    List<double[]> ranked = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (double[] s : starts) {
      double[] z = clamp(s);
      ranked.add(z);
      values.add(t.eval(z));
    }
    if (ranked.isEmpty()) {
      double[] c = centre();
      ranked.add(c);
      values.add(t.eval(c));
    }
    Integer[] order = IntStream.range(0, ranked.size()).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(
        order, Comparator.comparingDouble((Integer i) -> -values.get(i)).thenComparingInt(i -> i));
    if (free.length == 1) {
      line(t, ranked.get(order[0]), polish);
    } else if (free.length > 1) {
      List<double[]> polished = new ArrayList<>();
      for (int q = 0; q < order.length && polished.size() < polish; q++) {
        double[] z = ranked.get(order[q]);
        if (polished.stream().anyMatch(p -> distance(p, z) < 1e-9)) continue;
        polished.add(z);
        simplex(t, z);
      }
    }
    return new Best(t.bestZ.clone(), t.bestV);
  }

  private void line(Tracker t, double[] base, int polish) {
    int k = free[0];
    double[] xs = new double[GRID + 1];
    double[] fs = new double[GRID + 1];
    double[] z = base.clone();
    for (int g = 0; g <= GRID; g++) {
      xs[g] = lo[k] + (hi[k] - lo[k]) * g / GRID;
      z[k] = xs[g];
      fs[g] = t.eval(z);
    }
    List<Integer> peaks = new ArrayList<>();
    for (int g = 0; g <= GRID; g++) {
      boolean left = g == 0 || fs[g] >= fs[g - 1];
      boolean right = g == GRID || fs[g] >= fs[g + 1];
      if (left && right) peaks.add(g);
    }
    peaks.sort(Comparator.comparingDouble((Integer g) -> -fs[g]).thenComparingInt(g -> g));
    BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-11);
    for (int q = 0; q < Math.min(Math.max(polish, 1), peaks.size()); q++) {
      int g = peaks.get(q);
      double a = xs[Math.max(0, g - 1)];
      double b = xs[Math.min(GRID, g + 1)];
      double[] w = base.clone();
      try {
        brent.optimize(
            new MaxEval(400),
            new UnivariateObjectiveFunction(
                x -> {
                  w[k] = x;
                  return t.eval(w);
                }),
            GoalType.MAXIMIZE,
            new SearchInterval(a, b, xs[g]));
      } catch (TooManyEvaluationsException e) {
        // the tracker keeps the best point seen
      }
    }
  }

  private void simplex(Tracker t, double[] start) {
    double[] w = start.clone();
    double[] y = new double[free.length];
    for (int q = 0; q < free.length; q++) y[q] = fromBox(start[free[q]], lo[free[q]], hi[free[q]]);
    ObjectiveFunction obj =
        new ObjectiveFunction(
            v -> {
              for (int q = 0; q < free.length; q++)
                w[free[q]] = toBox(v[q], lo[free[q]], hi[free[q]]);
              return t.eval(w);
            });
    double before = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < RESTARTS; r++) {
      double[] point;
      try {
        point =
            new SimplexOptimizer(1e-12, 1e-14)
                .optimize(
                    new MaxEval(MAX_EVAL),
                    obj,
                    GoalType.MAXIMIZE,
                    new InitialGuess(y),
                    new NelderMeadSimplex(free.length, 0.3))
                .getPoint();
      } catch (TooManyEvaluationsException e) {
        point = null;
      }
      // restart from the best point seen so far: catches a simplex that collapsed early
      double[] best = t.bestZ;
      for (int q = 0; q < free.length; q++) y[q] = fromBox(best[free[q]], lo[free[q]], hi[free[q]]);
      if (point != null && t.bestV <= before + 1e-13) break;
      before = t.bestV;
    }
  }

  private static double toBox(double y, double lo, double hi) {
    return lo + (hi - lo) * (1 + Math.sin(y)) / 2;
  }

  private static double fromBox(double z, double lo, double hi) {
    double t = 2 * (z - lo) / (hi - lo) - 1;
    return Math.asin(Math.max(-1, Math.min(1, t)));
  }

  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
    return Math.sqrt(s);
  }

  /** Remembers the best point evaluated (ties: the first). */
  private static final class Tracker {
    final ToDoubleFunction<double[]> f;
    double bestV = Double.NEGATIVE_INFINITY;
    double[] bestZ;

    Tracker(ToDoubleFunction<double[]> f) {
      this.f = f;
    }

    double eval(double[] z) {
      double v = f.applyAsDouble(z);
      if (Double.isNaN(v)) v = Double.NEGATIVE_INFINITY;
      if (bestZ == null || v > bestV) {
        bestV = v;
        bestZ = z.clone();
      }
      return v;
    }
  }
}
