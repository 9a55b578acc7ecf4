package org.negotiate.protocol.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.negotiate.model.Inputs;
import org.negotiate.protocol.NashDraft;
import org.negotiate.protocol.Utility;

/**
 * The outcome space of a set of parties: the packages inside every party's red lines (the zone,
 * {@link NashDraft#zone}), valued with the parties' judged utilities {@code U_i(z)} ({@link
 * Utility#judged}), with the reservation utilities {@code r_i} as the disagreement point. Offers
 * the Pareto frontier, the Nash and Kalai–Smorodinsky points, the maximum joint utility and, for
 * any package, how far it lies from the frontier and from the Nash point. See the package
 * documentation for the exact definitions.
 *
 * <p>Pure and deterministic: the inputs are copied when the space is made, no randomness is used,
 * and the results do not depend on the order the parties are listed in (the work is done with the
 * parties sorted by actor index; utility vectors are handed back in the caller's order). Results
 * are computed on first use and kept; an instance is safe to share between threads.
 *
 * <p>When the red lines leave no zone, {@link #feasible()} is false, the frontier is empty and
 * every point and distance is absent (empty Optional). When the zone exists but no package in it
 * gives every party its reservation utility, the frontier and the maximum joint utility still
 * exist, while the Nash, symmetric Nash and Kalai–Smorodinsky points, the egalitarian point and the
 * ideal point are absent.
 */
public final class OutcomeSpace {
  /** Tolerance on utilities: reservation met, points equal, gains zero. */
  static final double TOL = 1e-9;

  /** Largest gap (Euclidean, utility space) left between neighbouring two-party frontier points. */
  static final double GAP = 0.04;

  /** Most extra optimisations spent closing gaps in a two-party frontier. */
  static final int MAX_FILL = 40;

  /** Weights on the simplex grid for the frontier: about this many. */
  static final int WEIGHTS = 300;

  /** Most logroll candidates (combinations of the parties' ideals) tried as starts. */
  static final int MAX_CORNERS = 512;

  /** About this many points of a coarse grid over the zone are tried as starts too. */
  static final int GRID_STARTS = 729;

  private final Inputs in;
  private final int[] given;
  private final int[] parties;

  /** pos[q]: index in {@link #parties} of the caller's q-th party. */
  private final int[] pos;

  private final double[][] box;
  private final boolean redLines;
  private final double[] r;
  private final Separable separable;
  private final BoxSearch search;

  /**
   * Two parties with concave utilities: their frontier is the curve of exact weighted-sum
   * maximisers (see {@link #bracket}), so the maximin problems and the ideal point are found by
   * bisection along it rather than by multi-start search.
   */
  private final boolean twoConcave;

  private List<Point> supported;
  private List<double[]> seeds;
  private List<Point> frontier;
  private Optional<Point> egalitarian;
  private Optional<double[]> ideal;
  private Optional<Point> ks;
  private Optional<Point> nash;
  private Optional<Point> symmetricNash;
  private Optional<Point> maxJoint;
  private Optional<Point> maxWeightedJoint;

  /** A package with its utilities in sorted-party order. */
  private record Point(double[] z, double[] u) {}

  /** Marks a sub-space of a space without a zone. */
  private static final double[][] NO_ZONE = new double[0][];

  /** zone null: the parties' red-line zone; {@link #NO_ZONE}: none; otherwise that box. */
  private OutcomeSpace(Inputs in, int[] given, double[][] zone, boolean redLines) {
    this.in = in;
    this.redLines = redLines;
    this.given = given.clone();
    parties = given.clone();
    Arrays.sort(parties);
    for (int q = 1; q < parties.length; q++) {
      if (parties[q] == parties[q - 1])
        throw new IllegalArgumentException("party " + parties[q] + " listed twice");
    }
    for (int p : parties) {
      if (p < 0 || p >= in.actors)
        throw new IllegalArgumentException("no actor " + p + " among " + in.actors);
    }
    pos = new int[given.length];
    for (int q = 0; q < given.length; q++) pos[q] = Arrays.binarySearch(parties, given[q]);
    box = zone == null ? NashDraft.zone(in, parties) : zone == NO_ZONE ? null : zone;
    r = new double[parties.length];
    for (int q = 0; q < parties.length; q++) r[q] = in.reservation(parties[q]);
    separable = new Separable(in, parties);
    search = box == null ? null : new BoxSearch(box[0], box[1]);
    twoConcave = box != null && parties.length == 2 && separable.concave();
  }

  /**
   * The outcome space of {@code parties} (actor indices into {@code in}, at least one, no repeats)
   * as the inputs stand now: {@code in} is copied, so later events do not change it.
   */
  public static OutcomeSpace of(Inputs in, int... parties) {
    if (parties == null || parties.length == 0) throw new IllegalArgumentException("no parties");
    return new OutcomeSpace(in.copy(), parties, null, true);
  }

  /**
   * The outcome space of {@code parties} ignoring red lines: every package in [0, 100] per issue.
   * Where the parties' interests alone would put the points (its Nash point is {@code
   * NashDraft.unconstrained} without mediators); useful when the red lines leave no zone.
   */
  public static OutcomeSpace unconstrained(Inputs in, int... parties) {
    if (parties == null || parties.length == 0) throw new IllegalArgumentException("no parties");
    double[] lo = new double[in.issues];
    double[] hi = new double[in.issues];
    Arrays.fill(hi, 100);
    return new OutcomeSpace(in.copy(), parties, new double[][] {lo, hi}, false);
  }

  /**
   * The outcome space of some of these parties (actor indices, each one of {@link #parties()}) over
   * this space's zone, i.e. still inside every original party's red lines: e.g. the frontier two
   * parties face when a third one's red lines also bind.
   */
  public OutcomeSpace among(int... subset) {
    if (subset == null || subset.length == 0) throw new IllegalArgumentException("no parties");
    for (int p : subset) {
      if (Arrays.stream(parties).noneMatch(x -> x == p))
        throw new IllegalArgumentException("actor " + p + " is not a party here");
    }
    return new OutcomeSpace(in, subset, box == null ? NO_ZONE : box, redLines);
  }

  /** The parties, in the order given. */
  public int[] parties() {
    return given.clone();
  }

  /** Whether the zone is the red lines' (false for {@link #unconstrained}). */
  public boolean redLinesApply() {
    return redLines;
  }

  /** Whether the red lines leave any package at all. */
  public boolean feasible() {
    return box != null;
  }

  /** The zone as {@code {lo, hi}} per issue, or empty when the red lines leave none. */
  public Optional<double[][]> zone() {
    return box == null
        ? Optional.empty()
        : Optional.of(new double[][] {box[0].clone(), box[1].clone()});
  }

  /** The disagreement point: each party's reservation utility, in the parties' order. */
  public double[] disagreement() {
    return out(r);
  }

  /** The parties' judged utilities of package z, in the parties' order (defined for any z). */
  public double[] utilities(double[] z) {
    check(z);
    return out(u(z));
  }

  /** Whether some package in the zone gives every party at least its reservation utility. */
  public boolean rational() {
    return egalitarianPoint().isPresent();
  }

  // -------------------------------------------------------------------------------------------
  // Frontier

  /**
   * A sample of the Pareto frontier of the zone (whether or not the packages are individually
   * rational), without dominated points. Empty when there is no zone. For two parties: the
   * maximisers of {@code w U_1 + (1 - w) U_2} for 41 weights, exactly (the utilities are sums over
   * issues, so each issue is solved on its own), then gaps wider than {@value #GAP} in utility
   * space filled, widest first, by the point furthest out along the diagonal of the rectangle the
   * two neighbours span (this also finds frontier points no weighted sum reaches, where utilities
   * are not concave), sorted by the first party's utility. For more parties: the maximisers of
   * weighted sums for about {@value #WEIGHTS} weights on a simplex grid, sorted lexicographically.
   */
  public synchronized List<Outcome> frontier() {
    if (box == null) return List.of();
    if (frontier == null)
      frontier = parties.length == 2 ? filledFrontier() : nonDominated(supported());
    List<Outcome> out = new ArrayList<>(frontier.size());
    for (Point p : frontier) out.add(outcome(p));
    Comparator<Outcome> c = Comparator.comparingDouble(o -> o.utility(0));
    for (int q = 1; q < given.length; q++) {
      int qq = q;
      c = c.thenComparing(Comparator.comparingDouble((Outcome o) -> o.utility(qq)).reversed());
    }
    out.sort(c);
    return List.copyOf(out);
  }

  /**
   * Exact maximisers of weighted sums of the utilities over a grid of weights, distinct packages.
   */
  private synchronized List<Point> supported() {
    if (supported != null) return supported;
    List<Point> pts = new ArrayList<>();
    for (double[] w : weightGrid(parties.length)) {
      double[] z = separable.argmax(w, box[0], box[1]);
      if (pts.stream().noneMatch(p -> BoxSearch.distance(p.z, z) < 1e-9)) pts.add(point(z));
    }
    supported = List.copyOf(pts);
    return supported;
  }

  /**
   * Starts for the multi-start searches. Logroll candidates: every package whose term on each issue
   * is some party's ideal (clamped to the zone), at most {@value #MAX_CORNERS} of them; weighted
   * sums reach such packages only in narrow windows of weights, and they are where non-concave
   * problems have their other optima. Then the centres of a coarse grid over the zone (about
   * {@value #GRID_STARTS} cells), so that no region of a disconnected feasible set is missed.
   */
  private synchronized List<double[]> seeds() {
    if (seeds != null) return seeds;
    double[][] values = new double[in.issues][];
    long count = 1;
    for (int k = 0; k < in.issues; k++) {
      int kk = k;
      values[k] =
          Arrays.stream(parties)
              .mapToDouble(p -> Math.max(box[0][kk], Math.min(box[1][kk], in.position(p, kk))))
              .sorted()
              .distinct()
              .toArray();
      count *= values[k].length;
    }
    List<double[]> out = new ArrayList<>();
    if (count <= MAX_CORNERS) {
      int[] at = new int[in.issues];
      for (long c = 0; c < count; c++) {
        double[] z = new double[in.issues];
        for (int k = 0; k < in.issues; k++) z[k] = values[k][at[k]];
        out.add(z);
        for (int k = 0; k < in.issues && ++at[k] == values[k].length; k++) at[k] = 0;
      }
    }
    // and a coarse grid over the zone, about GRID_STARTS points
    int per = Math.max(2, (int) Math.floor(Math.pow(GRID_STARTS, 1.0 / in.issues) + 1e-9));
    long cells = Math.round(Math.pow(per, in.issues));
    if (cells <= 2L * GRID_STARTS) {
      int[] at = new int[in.issues];
      for (long c = 0; c < cells; c++) {
        double[] z = new double[in.issues];
        for (int k = 0; k < in.issues; k++)
          z[k] = box[0][k] + (box[1][k] - box[0][k]) * (at[k] + 0.5) / per;
        out.add(z);
        for (int k = 0; k < in.issues && ++at[k] == per; k++) at[k] = 0;
      }
    }
    seeds = List.copyOf(out);
    return seeds;
  }

  /**
   * Weights on the simplex, about {@value #WEIGHTS} of them; zeros replaced by 1e-6 so ties break
   * towards Pareto.
   */
  static List<double[]> weightGrid(int n) {
    List<double[]> out = new ArrayList<>();
    if (n == 1) {
      out.add(new double[] {1});
      return out;
    }
    int steps = n == 2 ? 40 : 1;
    if (n > 2) while (count(steps + 1, n) <= WEIGHTS) steps++;
    int[] c = new int[n];
    grid(c, 0, steps, out);
    return out;
  }

  private static long count(int steps, int n) {
    long v = 1; // C(steps + n - 1, n - 1)
    for (int i = 1; i < n; i++) v = v * (steps + i) / i;
    return v;
  }

  private static void grid(int[] c, int at, int left, List<double[]> out) {
    if (at == c.length - 1) {
      c[at] = left;
      double[] w = new double[c.length];
      double sum = 0;
      for (int i = 0; i < c.length; i++) sum += w[i] = Math.max(c[i], 1e-6);
      for (int i = 0; i < c.length; i++) w[i] /= sum;
      out.add(w);
      return;
    }
    for (int v = left; v >= 0; v--) {
      c[at] = v;
      grid(c, at + 1, left - v, out);
    }
  }

  private List<Point> filledFrontier() {
    List<Point> pts = new ArrayList<>(nonDominated(supported()));
    pts.sort(Comparator.comparingDouble((Point p) -> p.u[0]).thenComparingDouble(p -> -p.u[1]));
    List<Boolean> closed = new ArrayList<>();
    for (int i = 0; i + 1 < pts.size(); i++) closed.add(false);
    for (int solves = 0; solves < MAX_FILL; ) {
      int widest = -1;
      double gap = GAP;
      for (int i = 0; i + 1 < pts.size(); i++) {
        double d = BoxSearch.distance(pts.get(i).u, pts.get(i + 1).u);
        if (!closed.get(i) && d > gap) {
          gap = d;
          widest = i;
        }
      }
      if (widest < 0) break;
      Point a = pts.get(widest);
      Point b = pts.get(widest + 1);
      double[] corner = {a.u[0], b.u[1]};
      double[] dir = {b.u[0] - a.u[0], a.u[1] - b.u[1]};
      if (dir[0] <= TOL || dir[1] <= TOL) {
        closed.set(widest, true);
        continue;
      }
      double[] mid = new double[in.issues];
      for (int k = 0; k < mid.length; k++) mid[k] = (a.z[k] + b.z[k]) / 2;
      BoxSearch.Best best = maximin(corner, dir, List.of(a.z, b.z, mid), true);
      solves++;
      Point p = point(best.z());
      if (best.value() > TOL) {
        // non-concave utilities can leave the search on a local ridge: move to a package that
        // beats it for both parties, if there is one
        for (int polish = 0; polish < 3; polish++) {
          BoxSearch.Best up = maximin(p.u, new double[] {1, 1}, List.of(p.z), true);
          if (up.value() <= TOL) break;
          p = point(up.z());
        }
      }
      if (best.value() <= TOL
          || BoxSearch.distance(p.u, a.u) < 1e-7
          || BoxSearch.distance(p.u, b.u) < 1e-7
          || !(p.u[0] > a.u[0] && p.u[0] < b.u[0])) {
        closed.set(widest, true);
        continue;
      }
      pts.add(widest + 1, p);
      closed.set(widest, false);
      closed.add(widest + 1, false);
    }
    return nonDominated(pts);
  }

  /**
   * The points no other point dominates (by more than 1e-9 somewhere, at least as well everywhere),
   * first copy of equals kept.
   */
  private static List<Point> nonDominated(List<Point> pts) {
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      Point p = pts.get(i);
      boolean dominated = false;
      for (int j = 0; j < pts.size() && !dominated; j++) {
        if (i == j) continue;
        Point o = pts.get(j);
        boolean geq = true;
        boolean better = false;
        for (int q = 0; q < p.u.length; q++) {
          if (o.u[q] < p.u[q] - 1e-12) geq = false;
          if (o.u[q] > p.u[q] + TOL) better = true;
        }
        boolean equal = BoxSearch.distance(o.u, p.u) <= TOL && j < i;
        dominated = geq && (better || equal);
      }
      if (!dominated) out.add(p);
    }
    out.sort(Comparator.comparing((Point p) -> p.u, Arrays::compare));
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Points

  /**
   * The capability-weighted (asymmetric) Nash point: maximises {@code sum_i c_i log(U_i - r_i)}
   * over the zone. This is {@code NashDraft.draft(in, parties, new int[0])}, the mediated single
   * text's draft without mediators; should a weighted-sum frontier point have a larger weighted
   * Nash product (Nelder–Mead stuck on non-concave utilities) it is polished from there instead.
   * Absent without a zone or when no package gives every party its reservation.
   */
  public synchronized Optional<Outcome> nash() {
    if (nash == null) nash = rational() ? Optional.of(nashIn(in)) : Optional.empty();
    return nash.map(this::outcome);
  }

  /**
   * The symmetric Nash point: maximises {@code prod_i (U_i - r_i)}, every party weighted equally
   * (NashDraft on a copy of the inputs with the parties' capabilities set to 1). Absent as {@link
   * #nash()} is.
   */
  public synchronized Optional<Outcome> symmetricNash() {
    if (symmetricNash == null) {
      if (!rational()) {
        symmetricNash = Optional.empty();
      } else {
        Inputs.Builder equal = in.toBuilder();
        for (int p : parties) equal.capability(p, 1);
        symmetricNash = Optional.of(nashIn(equal.build()));
      }
    }
    return symmetricNash.map(this::outcome);
  }

  private Point nashIn(Inputs given) {
    Inputs inputs = given;
    if (!Arrays.deepEquals(NashDraft.zone(inputs, parties), box)) {
      // a sub-space (among): the zone is the original parties' one, so hand NashDraft that as red
      // lines
      Inputs.Builder zone = given.toBuilder();
      for (int p : parties) {
        for (int k = 0; k < given.issues; k++) {
          zone.redLineMin(p, k, box[0][k]);
          zone.redLineMax(p, k, box[1][k]);
        }
      }
      inputs = zone.build();
    }
    Inputs objective = inputs;
    int[] none = new int[0];
    ToDoubleFunction<double[]> f = z -> NashDraft.objective(objective, parties, none, z);
    // the exact solver: the global maximum when the utilities are concave, otherwise never worse
    // than Nelder-Mead (it runs that too and keeps the better point)
    double[] draft = NashDraft.exact(inputs, parties, none);
    if (separable.concave() && rational(point(draft))) return point(draft);
    double best = f.applyAsDouble(draft);
    // NashDraft starts once, from the weighted mean of the ideals; with risk < 0 the Nash product
    // can have several local maxima, so search from the frontier sample and the egalitarian
    // point too, and keep the draft unless something is clearly better
    List<double[]> starts = new ArrayList<>();
    for (Point p : supported()) starts.add(p.z);
    starts.add(egalitarianPoint().orElseThrow().z);
    starts.addAll(seeds());
    BoxSearch.Best b = search.maximise(f, starts, 3);
    if (b.value() > best + 1e-10 || !rational(point(draft))) draft = b.z();
    return point(draft);
  }

  /**
   * The egalitarian point: maximises the smallest gain {@code min_i (U_i - r_i)} over the zone.
   * Absent without a zone or when even the best smallest gain is negative (below -1e-9): then no
   * package gives every party its reservation.
   */
  public synchronized Optional<Outcome> egalitarian() {
    return egalitarianPoint().map(this::outcome);
  }

  private synchronized Optional<Point> egalitarianPoint() {
    if (egalitarian == null) {
      if (box == null) {
        egalitarian = Optional.empty();
      } else {
        double[] ones = new double[parties.length];
        Arrays.fill(ones, 1);
        BoxSearch.Best b = maximin(r, ones, List.of(), true);
        egalitarian = b.value() >= -TOL ? Optional.of(point(b.z())) : Optional.empty();
      }
    }
    return egalitarian;
  }

  /**
   * The ideal point of the bargaining set: {@code U_i^max = max U_i(z)} over the zone packages with
   * {@code U_j(z) >= r_j} for every party j, in the parties' order. Absent as {@link
   * #egalitarian()}.
   */
  public synchronized Optional<double[]> idealPoint() {
    if (ideal == null) ideal = rational() ? Optional.of(computeIdeal()) : Optional.empty();
    return ideal.map(this::out);
  }

  private double[] computeIdeal() {
    int n = parties.length;
    double[] best = new double[n];
    List<Point> rationalStarts = new ArrayList<>();
    rationalStarts.add(egalitarianPoint().orElseThrow());
    for (Point p : supported()) if (rational(p)) rationalStarts.add(p);
    for (int q = 0; q < n; q++) {
      int qq = q;
      // the best rational package known so far
      Point known =
          rationalStarts.stream().max(Comparator.comparingDouble(p -> p.u[qq])).orElseThrow();
      if (twoConcave) {
        // along the frontier party q gains while the other loses: stop where the other reaches its
        // reservation
        int o = 1 - q;
        double[][] pair = bracket(z -> qq == 0 ? r[o] - u(z)[o] : u(z)[o] - r[o]);
        double value = known.u[q];
        for (double[] z : pair) {
          double[] u = u(z);
          if (rational(u, 1e-12) && u[q] > value) value = u[q];
        }
        best[q] = value;
        continue;
      }
      List<double[]> starts = new ArrayList<>();
      starts.add(known.z);
      for (Point p : supported()) starts.add(p.z);
      starts.addAll(seeds());
      double[] z = known.z;
      double value = known.u[q];
      // from each of the three most promising starts, quadratic penalties growing stiffer, then
      // the exact (kinked) penalty; the constraint set can be disconnected when risk < 0
      for (double[] start : promising(x -> penalised(x, qq, 1e2, false), starts, 3)) {
        double[] at = start;
        for (double mu : new double[] {1e2, 1e4, 1e6}) {
          at = search.maximise(x -> penalised(x, qq, mu, false), List.of(at), 1).z();
        }
        double[] end = search.maximise(x -> penalised(x, qq, 1e3, true), List.of(at), 1).z();
        double[] u = u(end);
        if (rational(u, 1e-7) && u[q] > value) {
          value = u[q];
          z = end;
        }
      }
      best[q] = value;
    }
    return best;
  }

  /** The {@code count} distinct starts (clamped) where f is largest, best first. */
  private List<double[]> promising(ToDoubleFunction<double[]> f, List<double[]> starts, int count) {
    List<double[]> clamped = new ArrayList<>();
    for (double[] s : starts) clamped.add(search.clamp(s));
    double[] v = clamped.stream().mapToDouble(f).toArray();
    Integer[] order = java.util.stream.IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -v[i]).thenComparingInt(i -> i));
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < order.length && out.size() < count; i++) {
      double[] z = clamped.get(order[i]);
      if (out.stream().noneMatch(o -> BoxSearch.distance(o, z) < 1e-9)) out.add(z);
    }
    return out;
  }

  private double penalised(double[] z, int q, double mu, boolean exact) {
    double[] u = u(z);
    double f = u[q];
    for (int j = 0; j < u.length; j++) {
      double short_ = Math.max(0, r[j] - u[j]);
      f -= exact ? mu * short_ : mu * short_ * short_;
    }
    return f;
  }

  /**
   * The Kalai–Smorodinsky point: the zone package maximising {@code lambda} such that {@code U_i(z)
   * - r_i >= lambda (U_i^max - r_i)} for every party, {@code U^max} the {@link #idealPoint()}; that
   * is, the furthest point from the disagreement point towards the ideal point (for two parties,
   * where the line from r to U^max meets the frontier). A party whose best gain is 0 counts as
   * gaining 1e-9 at most. Absent as {@link #egalitarian()}.
   */
  public synchronized Optional<Outcome> kalaiSmorodinsky() {
    if (ks == null) {
      if (!rational()) {
        ks = Optional.empty();
      } else {
        double[] top = idealPoint().map(this::in).orElseThrow();
        double[] span = new double[parties.length];
        for (int q = 0; q < span.length; q++) span[q] = Math.max(top[q] - r[q], TOL);
        List<double[]> starts = new ArrayList<>();
        starts.add(egalitarianPoint().orElseThrow().z);
        nash().ifPresent(o -> starts.add(o.terms()));
        ks = Optional.of(point(maximin(r, span, starts, true).z()));
      }
    }
    return ks.map(this::outcome);
  }

  /**
   * The utilitarian point: a zone package maximising {@code sum_i U_i} (whether or not every party
   * gets its reservation), exactly. Where a whole stretch of an issue ties, its midpoint is taken.
   * Empty without a zone.
   */
  public synchronized Optional<Outcome> maxJointUtility() {
    if (maxJoint == null) {
      double[] w = new double[parties.length];
      Arrays.fill(w, 1);
      maxJoint =
          box == null ? Optional.empty() : Optional.of(point(separable.argmax(w, box[0], box[1])));
    }
    return maxJoint.map(this::outcome);
  }

  /** As {@link #maxJointUtility()} with each party's utility weighted by its capability. */
  public synchronized Optional<Outcome> maxWeightedJointUtility() {
    if (maxWeightedJoint == null) {
      double[] w = new double[parties.length];
      for (int q = 0; q < w.length; q++) w[q] = in.capability(parties[q]);
      maxWeightedJoint =
          box == null ? Optional.empty() : Optional.of(point(separable.argmax(w, box[0], box[1])));
    }
    return maxWeightedJoint.map(this::outcome);
  }

  // -------------------------------------------------------------------------------------------
  // Distances

  /**
   * How far package z lies inside the frontier: the largest t such that some zone package z' has
   * {@code U_i(z') >= U_i(z) + t} for every party (found by optimisation, so a lower bound of the
   * true value, within about 1e-7 of it). 0 on the frontier and positive inside it; for a package
   * outside the zone it can be negative. Empty without a zone.
   */
  public OptionalDouble distanceToFrontier(double[] z) {
    check(z);
    if (box == null) return OptionalDouble.empty();
    double[] ones = new double[parties.length];
    Arrays.fill(ones, 1);
    BoxSearch.Best b = maximin(u(z), ones, List.of(z), true);
    return OptionalDouble.of(b.value());
  }

  /** Package z against the outcome space: see {@link Assessment}. Empty without a zone. */
  public Optional<Assessment> assess(double[] z) {
    check(z);
    if (box == null) return Optional.empty();
    double[] u = u(z);
    double toFrontier = distanceToFrontier(z).orElseThrow();
    Optional<Outcome> n = nash();
    Optional<Outcome> k = kalaiSmorodinsky();
    double[] uc = out(u);
    return Optional.of(
        new Assessment(
            uc,
            rational(u, TOL),
            toFrontier,
            n.map(o -> BoxSearch.distance(o.utilities(), uc)).orElse(Double.NaN),
            n.map(o -> BoxSearch.distance(o.terms(), z)).orElse(Double.NaN),
            k.map(o -> BoxSearch.distance(o.utilities(), uc)).orElse(Double.NaN),
            k.map(o -> BoxSearch.distance(o.terms(), z)).orElse(Double.NaN)));
  }

  // -------------------------------------------------------------------------------------------
  // Machinery

  /**
   * {@code max_z min_i (U_i(z) - a_i) / b_i} over the zone (b &gt; 0): the furthest point along the
   * ray {@code a + t b} that the zone can still match or beat for every party. Starts: the given
   * packages, the weighted-sum frontier points, the zone's centre and (if {@code ideals}) the
   * parties' ideals; with two or more free issues the minimum is first smoothed (soft-min with
   * temperatures 0.02 and 0.002) so Nelder–Mead can follow the ridge where the minimum switches
   * party, then polished on the exact minimum.
   */
  private BoxSearch.Best maximin(double[] a, double[] b, List<double[]> extra, boolean ideals) {
    if (twoConcave) {
      // the answer is where the ray a + t b meets the frontier, or the frontier's end it misses by
      ToDoubleFunction<double[]> gap =
          z -> {
            double[] u = u(z);
            return (u[0] - a[0]) / b[0] - (u[1] - a[1]) / b[1];
          };
      double[] bestZ = null;
      double bestV = Double.NEGATIVE_INFINITY;
      List<double[]> candidates = new ArrayList<>();
      for (double[] z : extra)
        candidates.add(search.clamp(z)); // as the search would: never below a given package
      candidates.addAll(Arrays.asList(bracket(gap)));
      for (double[] z : candidates) {
        double[] u = u(z);
        double v = Math.min((u[0] - a[0]) / b[0], (u[1] - a[1]) / b[1]);
        if (bestZ == null || v > bestV) {
          bestV = v;
          bestZ = z;
        }
      }
      return new BoxSearch.Best(bestZ, bestV);
    }
    List<double[]> starts = new ArrayList<>(extra);
    for (Point p : supported()) starts.add(p.z);
    starts.add(search.centre());
    if (ideals) starts.addAll(seeds());
    ToDoubleFunction<double[]> hard =
        z -> {
          double[] u = u(z);
          double m = Double.POSITIVE_INFINITY;
          for (int q = 0; q < u.length; q++) m = Math.min(m, (u[q] - a[q]) / b[q]);
          return m;
        };
    if (search.freeIssues() <= 1) return search.maximise(hard, starts, 3);
    BoxSearch.Best best = null;
    List<double[]> next = starts;
    int polish = 3;
    for (double tau : new double[] {0.02, 0.002}) {
      best = search.maximise(z -> softMin(u(z), a, b, tau), next, polish);
      next = new ArrayList<>(List.of(best.z()));
      polish = 1;
    }
    next.addAll(starts);
    return search.maximise(hard, next, 2);
  }

  /** Weight on a party at the frontier's ends: ties there break towards the other party's gain. */
  private static final double END_WEIGHT = 1e-6;

  private static final int BISECTIONS = 64;

  /**
   * Two concave parties: their frontier, from the first party's worst end to its best, is z(w), the
   * exact maximiser of {@code w U_0 + (1 - w) U_1} ({@link Separable#argmax}), along which U_0
   * never falls and U_1 never rises; where z(w) jumps (a straight stretch of the frontier) the
   * packages between the two maximisers lie on that stretch too (concavity). Given g non-decreasing
   * along the frontier, returns the two packages that bracket its sign change, to about 1e-15 in w:
   * the last with g &lt; 0 and the first with g &gt;= 0 (both the same end when g keeps one sign).
   */
  private double[][] bracket(ToDoubleFunction<double[]> g) {
    double wl = END_WEIGHT;
    double wh = 1 - END_WEIGHT;
    double[] zl = along(wl);
    if (g.applyAsDouble(zl) >= 0) return new double[][] {zl, zl};
    double[] zh = along(wh);
    if (g.applyAsDouble(zh) < 0) return new double[][] {zh, zh};
    for (int i = 0; i < BISECTIONS && wh - wl > 1e-15; i++) {
      double w = (wl + wh) / 2;
      double[] z = along(w);
      if (g.applyAsDouble(z) < 0) {
        wl = w;
        zl = z;
      } else {
        wh = w;
        zh = z;
      }
    }
    if (BoxSearch.distance(zl, zh) <= 1e-12) return new double[][] {zl, zh};
    // a jump: follow the straight stretch between the two maximisers
    double[] a = zl;
    double[] b = zh;
    double ll = 0;
    double lh = 1;
    for (int i = 0; i < BISECTIONS && lh - ll > 1e-15; i++) {
      double l = (ll + lh) / 2;
      double[] z = mix(a, b, l);
      if (g.applyAsDouble(z) < 0) {
        ll = l;
        zl = z;
      } else {
        lh = l;
        zh = z;
      }
    }
    return new double[][] {zl, zh};
  }

  private double[] along(double w) {
    return separable.argmax(new double[] {w, 1 - w}, box[0], box[1]);
  }

  private static double[] mix(double[] a, double[] b, double l) {
    double[] z = new double[a.length];
    for (int k = 0; k < z.length; k++) z[k] = a[k] + l * (b[k] - a[k]);
    return z;
  }

  private static double softMin(double[] u, double[] a, double[] b, double tau) {
    double m = Double.POSITIVE_INFINITY;
    double[] g = new double[u.length];
    for (int q = 0; q < u.length; q++) m = Math.min(m, g[q] = (u[q] - a[q]) / b[q]);
    double s = 0;
    for (double v : g) s += Math.exp(-(v - m) / tau);
    return m - tau * Math.log(s);
  }

  /** Judged utilities in sorted-party order. */
  private double[] u(double[] z) {
    double[] u = new double[parties.length];
    for (int q = 0; q < u.length; q++) u[q] = Utility.judged(in, parties[q], z);
    return u;
  }

  private Point point(double[] z) {
    return new Point(z.clone(), u(z));
  }

  private boolean rational(Point p) {
    return rational(p.u, TOL);
  }

  private boolean rational(double[] u, double tol) {
    for (int q = 0; q < u.length; q++) if (u[q] < r[q] - tol) return false;
    return true;
  }

  private Outcome outcome(Point p) {
    return new Outcome(p.z, out(p.u));
  }

  /** Sorted-party order to the caller's order. */
  private double[] out(double[] v) {
    double[] o = new double[given.length];
    for (int q = 0; q < o.length; q++) o[q] = v[pos[q]];
    return o;
  }

  /** The caller's order to sorted-party order. */
  private double[] in(double[] v) {
    double[] o = new double[given.length];
    for (int q = 0; q < o.length; q++) o[pos[q]] = v[q];
    return o;
  }

  private void check(double[] z) {
    if (z == null || z.length != in.issues) {
      throw new IllegalArgumentException(
          "a package needs " + in.issues + " terms, got " + (z == null ? "null" : z.length));
    }
  }
}
