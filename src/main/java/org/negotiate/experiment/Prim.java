package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Patient Rule Induction Method (Friedman and Fisher 1999, Statistics and Computing 9:123–143)
 * for scenario discovery (Bryant and Lempert 2010): a box of input ranges in which the share of
 * cases of interest (the <b>density</b>) is high while the box still holds a large share of all
 * cases of interest (the <b>coverage</b>).
 *
 * <p><b>Peeling</b>: starting from the box holding every case, each step considers, for every
 * input, cutting off the {@code alpha} share of the box's cases with the lowest values and the
 * share with the highest, and makes the cut that leaves the highest density (ties: the cut that
 * leaves more cases, then the first input, the lower side first). Peeling stops when the next box
 * would hold fewer than {@code minMass} of all cases, when the density is 1, or when no cut removes
 * a case. The sequence of boxes is the <b>peeling trajectory</b>.
 *
 * <p><b>Choice</b>: see {@link #choose}: the densest box with coverage at least {@code
 * minCoverage}, or a box before it on the trajectory (larger coverage) whose density is within one
 * standard error.
 *
 * <p><b>Pasting</b>: the chosen box is then widened, one side of one input at a time, by the {@code
 * alpha} share (of the box's cases) of the nearest cases outside that side that are inside every
 * other range, as long as the widening with the highest density raises the density.
 *
 * <p><b>Pruning</b>: finally a bound (one side of one input) is dropped when dropping it lowers the
 * density by less than one standard error (at least {@link #PRUNE_TOLERANCE}) in all, the one that
 * costs least first, so the box names only the bounds that matter.
 */
public final class Prim {
  /** Largest loss of density (as a share) accepted to drop a restriction from the chosen box. */
  public static final double PRUNE_TOLERANCE = 0.01;

  private Prim() {}

  /**
   * A box: case {@code i} is inside when {@code lo[j] <= x[i][j] <= hi[j]} for every input; an
   * unrestricted side is infinite.
   */
  public record Box(double[] lo, double[] hi) {
    public static Box all(int dims) {
      double[] lo = new double[dims];
      double[] hi = new double[dims];
      Arrays.fill(lo, Double.NEGATIVE_INFINITY);
      Arrays.fill(hi, Double.POSITIVE_INFINITY);
      return new Box(lo, hi);
    }

    public boolean contains(double[] row) {
      for (int j = 0; j < lo.length; j++) if (row[j] < lo[j] || row[j] > hi[j]) return false;
      return true;
    }

    public boolean restricted(int j) {
      return lo[j] != Double.NEGATIVE_INFINITY || hi[j] != Double.POSITIVE_INFINITY;
    }

    public int restrictions() {
      int n = 0;
      for (int j = 0; j < lo.length; j++) if (restricted(j)) n++;
      return n;
    }

    Box with(int j, double newLo, double newHi) {
      double[] l = lo.clone();
      double[] h = hi.clone();
      l[j] = newLo;
      h[j] = newHi;
      return new Box(l, h);
    }
  }

  /**
   * A box with what it holds.
   *
   * @param cases cases inside the box
   * @param hits cases of interest inside the box
   * @param coverage {@code hits} over all cases of interest
   * @param density {@code hits / cases}
   * @param mass {@code cases} over all cases
   */
  public record Step(Box box, int cases, int hits, double coverage, double density, double mass) {}

  /**
   * @param trajectory the peeling trajectory, starting with the box of all cases
   * @param chosen the index in the trajectory of the box chosen by the coverage rule
   * @param pasted the chosen box after pasting
   * @param box the final box: pasted, then pruned
   * @param baseDensity share of cases of interest among all cases
   */
  public record Result(
      List<Step> trajectory,
      int chosen,
      Step pasted,
      Step box,
      double baseDensity,
      int cases,
      int hits) {}

  /** Peels, chooses, pastes and prunes. */
  public static Result run(
      double[][] x, boolean[] y, double alpha, double minMass, double minCoverage) {
    if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
    if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1)");
    int n = x.length;
    int hits = 0;
    for (boolean b : y) if (b) hits++;
    List<Step> traj = peel(x, y, alpha, minMass);
    int chosen = choose(traj, minCoverage);
    Step pasted = paste(x, y, traj.get(chosen), alpha, hits);
    Step pruned = prune(x, y, pasted, hits);
    return new Result(
        List.copyOf(traj),
        chosen,
        pasted,
        pruned,
        n == 0 ? Double.NaN : (double) hits / n,
        n,
        hits);
  }

  /** The peeling trajectory. */
  public static List<Step> peel(double[][] x, boolean[] y, double alpha, double minMass) {
    int n = x.length;
    int dims = n == 0 ? 0 : x[0].length;
    int hits = 0;
    for (boolean b : y) if (b) hits++;
    List<Step> traj = new ArrayList<>();
    Box box = Box.all(dims);
    Step current = measure(x, y, box, hits);
    traj.add(current);
    while (current.cases() > 0 && current.density() < 1) {
      int[] inside = inside(x, box);
      int m = inside.length;
      int cut = Math.max(1, (int) Math.floor(alpha * m));
      Step best = null;
      for (int j = 0; j < dims; j++) {
        double[] v = new double[m];
        for (int i = 0; i < m; i++) v[i] = x[inside[i]][j];
        Arrays.sort(v);
        if (cut >= m) continue;
        // lower side: keep values >= the cut-th smallest; upper side: keep values <= the cut-th
        // largest
        Box lower = box.with(j, v[cut], box.hi()[j]);
        Box upper = box.with(j, box.lo()[j], v[m - 1 - cut]);
        for (Box candidate : new Box[] {lower, upper}) {
          Step s = measure(x, y, candidate, hits, inside);
          if (s.cases() >= m || s.cases() == 0) continue; // removes nothing, or everything
          if ((double) s.cases() / n < minMass) continue;
          if (best == null
              || s.density() > best.density() + 1e-12
              || (Math.abs(s.density() - best.density()) <= 1e-12 && s.cases() > best.cases())) {
            best = s;
          }
        }
      }
      if (best == null) break;
      box = best.box();
      current = best;
      traj.add(current);
    }
    return traj;
  }

  /**
   * The box chosen from the trajectory: among the boxes with coverage at least {@code minCoverage},
   * the densest one's density {@code d*} is found; then, of the boxes whose density is within one
   * binomial standard error of it ({@code d* − sqrt(d*(1 − d*)/cases*)}), the one with the largest
   * coverage (the one-standard-error rule, as for pruning classification trees: a denser box
   * further down the trajectory is often only luckier, and pays in coverage).
   */
  public static int choose(List<Step> trajectory, double minCoverage) {
    int best = 0;
    for (int i = 1; i < trajectory.size(); i++) {
      Step s = trajectory.get(i);
      if (s.coverage() + 1e-12 < minCoverage) continue;
      if (s.density() > trajectory.get(best).density() + 1e-12) best = i;
    }
    double floor = trajectory.get(best).density() - standardError(trajectory.get(best));
    for (int i = 0; i < best; i++) {
      if (trajectory.get(i).density() >= floor) return i; // coverage falls along the trajectory
    }
    return best;
  }

  /** The binomial standard error of a box's density. */
  public static double standardError(Step s) {
    return s.cases() == 0 ? 0 : Math.sqrt(s.density() * (1 - s.density()) / s.cases());
  }

  /** Widens the box while some widening raises its density. */
  public static Step paste(double[][] x, boolean[] y, Step start, double alpha, int totalHits) {
    Step current = start;
    int dims = start.box().lo().length;
    while (true) {
      int add = Math.max(1, (int) Math.ceil(alpha * current.cases()));
      Step best = null;
      for (int j = 0; j < dims; j++) {
        for (int side = 0; side < 2; side++) {
          Box b = current.box();
          if (side == 0
              ? b.lo()[j] == Double.NEGATIVE_INFINITY
              : b.hi()[j] == Double.POSITIVE_INFINITY) continue;
          // cases inside every other range and beyond this side
          List<Double> beyond = new ArrayList<>();
          for (double[] row : x) {
            double v = row[j];
            if (side == 0 ? v >= b.lo()[j] : v <= b.hi()[j]) continue;
            if (!b.with(j, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).contains(row))
              continue;
            beyond.add(v);
          }
          if (beyond.isEmpty()) continue;
          beyond.sort(
              side == 0
                  ? java.util.Comparator.reverseOrder()
                  : java.util.Comparator.naturalOrder());
          double bound = beyond.get(Math.min(add, beyond.size()) - 1);
          boolean toEnd = add >= beyond.size();
          Box wider =
              side == 0
                  ? b.with(j, toEnd ? Double.NEGATIVE_INFINITY : bound, b.hi()[j])
                  : b.with(j, b.lo()[j], toEnd ? Double.POSITIVE_INFINITY : bound);
          Step s = measure(x, y, wider, totalHits);
          if (best == null || s.density() > best.density() + 1e-12) best = s;
        }
      }
      if (best == null || best.density() <= current.density() + 1e-12) return current;
      current = best;
    }
  }

  /**
   * Drops bounds (each side of each input on its own) that cost in all less than the larger of
   * {@link #PRUNE_TOLERANCE} and the box's {@link #standardError} of density, cheapest first.
   */
  public static Step prune(double[][] x, boolean[] y, Step start, int totalHits) {
    double tolerance = Math.max(PRUNE_TOLERANCE, standardError(start));
    Step current = start;
    while (true) {
      Step best = null;
      Box b = current.box();
      for (int j = 0; j < b.lo().length; j++) {
        for (int side = 0; side < 2; side++) {
          if (side == 0
              ? b.lo()[j] == Double.NEGATIVE_INFINITY
              : b.hi()[j] == Double.POSITIVE_INFINITY) continue;
          Box wider =
              side == 0
                  ? b.with(j, Double.NEGATIVE_INFINITY, b.hi()[j])
                  : b.with(j, b.lo()[j], Double.POSITIVE_INFINITY);
          Step s = measure(x, y, wider, totalHits);
          if (s.density() < start.density() - tolerance) continue;
          if (best == null || s.density() > best.density() + 1e-12) best = s;
        }
      }
      if (best == null) return current;
      current = best;
    }
  }

  /** What the box holds. */
  public static Step measure(double[][] x, boolean[] y, Box box, int totalHits) {
    int cases = 0;
    int hits = 0;
    for (int i = 0; i < x.length; i++) {
      if (!box.contains(x[i])) continue;
      cases++;
      if (y[i]) hits++;
    }
    return new Step(
        box,
        cases,
        hits,
        totalHits == 0 ? 0 : (double) hits / totalHits,
        cases == 0 ? 0 : (double) hits / cases,
        x.length == 0 ? 0 : (double) cases / x.length);
  }

  /** What the box holds, counting only the cases listed (those of an enclosing box). */
  static Step measure(double[][] x, boolean[] y, Box box, int totalHits, int[] within) {
    int cases = 0;
    int hits = 0;
    for (int i : within) {
      if (!box.contains(x[i])) continue;
      cases++;
      if (y[i]) hits++;
    }
    return new Step(
        box,
        cases,
        hits,
        totalHits == 0 ? 0 : (double) hits / totalHits,
        cases == 0 ? 0 : (double) hits / cases,
        x.length == 0 ? 0 : (double) cases / x.length);
  }

  private static int[] inside(double[][] x, Box box) {
    int[] idx = new int[x.length];
    int m = 0;
    for (int i = 0; i < x.length; i++) if (box.contains(x[i])) idx[m++] = i;
    return Arrays.copyOf(idx, m);
  }
}
