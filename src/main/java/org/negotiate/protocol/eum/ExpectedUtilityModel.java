package org.negotiate.protocol.eum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.negotiate.protocol.eum.EumOptions.Normalisation;
import org.negotiate.protocol.eum.EumOptions.OfferRule;
import org.negotiate.protocol.eum.EumOptions.Perspective;

/**
 * Bueno de Mesquita's expected utility model on one issue, as formalised by Scholz, Calbert &amp;
 * Smith (2011) ({@code docs/models.md} §1): pure mathematics, no engine, no I/O.
 *
 * <p>One {@link #step()} is one round: every risk exponent is reset to 1, the expected utilities of
 * all challenges give each actor's exposure and from it its risk exponent r_i; with the new r_i the
 * probabilities P and the expected utilities are recomputed, every actor classifies the threat of
 * every other actor standing elsewhere (confrontation, compromise, capitulation), picks one offer
 * by the {@link OfferRule}, and all actors move at once.
 *
 * <p>Conventions (the defaults reproduce Scholz's published numbers, see {@link EumOptions}):
 *
 * <ul>
 *   <li>Δ is the range of the initial positions, fixed for the run (1 when they all coincide, when
 *       nothing can move anyway).
 *   <li>Distances in votes and utilities are |x_a − x_b| / Δ. Votes in P use each voter's own r_k
 *       (all-pairs) or linear distances (per-pair, as dmasad).
 *   <li>E^v(U_ct), the value to viewer v of c challenging t, is s_t [P_ct U_s + (1 − P_ct) U_f] +
 *       (1 − s_t) U_s − Q U_sq − (1 − Q)[T U_b + (1 − T) U_w], with the utilities of §1.4 at the
 *       viewer's exponent r_v and δ = |x_c − x_t| / Δ; U_b and U_w use |x_c − μ| + |x_c − x_t| with
 *       μ the weighted median (they matter only when Q &lt; 1).
 *   <li>Exposure of i: Σ_{j≠i} E(U_ji) at r = 1 (the perspective does not matter there). When every
 *       actor is equally exposed R is 0/0; it is taken as 0 (r = 1).
 *   <li>The weighted median is the Condorcet winner of the current positions under linear votes c_k
 *       s_k (|x_k − x_b| − |x_k − x_a|): the lowest distinct position that no other position beats
 *       (in one dimension the weighted median; the lower one when two tie). This is what jmckib's
 *       sequential scan returns with its positions sorted ascending.
 *   <li>Every sum over actors runs in a canonical order (by position, capability, salience, then
 *       index), and ties between offers with the same key are broken by the lower resulting
 *       position, then that canonical order of the counterpart: results are bitwise independent of
 *       the order the actors are listed in. (jmckib sums and breaks ties in list order; over 10
 *       rounds of Case A this makes no visible difference, but the model is chaotic over hundreds
 *       of rounds, so where a long run first repeats itself depends on such last-bit details.)
 *   <li>The all-pairs P is computed in O(n²) per round rather than by its defining O(n³) sums: its
 *       numerator for the pair (i, j) is a sum over the voters nearer one of them, a prefix (or
 *       suffix) of the canonical order, so it is a difference of two running sums over the voters;
 *       the denominator, which counts each pair twice, is twice the sum of all the numerators.
 *       Products are exact and sums compensated, so each P is the exact value of its definition
 *       (from the same pow values) to within a few units in the last place, where the plain sums
 *       were off by up to some hundred units with 60 actors. Results therefore differ from the
 *       earlier direct sums in the last bits (Case A's positions by 6e-15 after 10 rounds), and,
 *       the model being chaotic, long runs drift apart (1e-5 after 100 rounds of Case A, unrelated
 *       after 150).
 * </ul>
 */
public final class ExpectedUtilityModel {

  /** What the actor does with the offer it takes. */
  public enum MoveKind {
    /** Both want to challenge and the other gains more: the actor moves to the other's position. */
    CONFRONTATION("loses confrontation to"),
    /** The actor expects to lose: it moves part of the way, by |eu_ij / eu_ji|. */
    COMPROMISE("compromises with"),
    /** The actor gives in and takes the other's position. */
    CAPITULATION("capitulates to");

    private final String words;

    MoveKind(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /**
   * An offer made to {@code receiver} by {@code sender} in one round.
   *
   * @param euReceiver eu_ij: the receiver's expected utility of challenging the sender
   * @param euSender eu_ji: the sender's expected utility of challenging the receiver, from the
   *     options' perspective
   * @param position where the receiver would stand if it took the offer
   */
  public record Offer(
      int receiver,
      int sender,
      MoveKind kind,
      double euReceiver,
      double euSender,
      double position) {}

  /** The move an actor made in a round: the offer it took, with where it stood before. */
  public record Move(Offer offer, double from) {
    public int actor() {
      return offer.receiver();
    }

    public double to() {
      return offer.position();
    }
  }

  /** Why the model stopped by its own rule. */
  public enum Stop {
    /** No position moved by more than minChange × Δ in the last round. */
    CONVERGED,
    /** The positions repeat an earlier round's. */
    CYCLE
  }

  private final String[] names;
  private final double[] c;
  private final double[] s;
  private final double[] x;
  private final double delta;
  private final EumOptions options;
  private final int n;

  private int round;
  private final double[] r;
  private final double[] exposure;
  private final double[][] prob;

  /**
   * pw[mk·n + ma]: |x_k − x_a| / Δ raised to r_k for the voter k of canonical rank mk and the actor
   * a of rank ma: the vote distances of the current computation.
   */
  private final double[] pw;

  /** The positions in canonical order (of {@link #xr}). */
  private final double[] xs;

  /**
   * Σ c_k s_k pw[k][a] over the voters k of rank below m (pre) and of rank m or above (suf), as
   * unevaluated sums hi + lo at [m·n + ma] (lo the rounding errors, |lo| ≪ |hi|): P's numerator of
   * every pair is a difference of two. Stored by voter rank, so that the sums for all actors
   * advance together, one independent chain of additions per actor (a single chain waits on every
   * addition's latency), and one pair's look-ups are next to the previous pair's.
   */
  private final double[] preHi;

  private final double[] preLo;
  private final double[] sufHi;
  private final double[] sufLo;

  /** c s of the voters in canonical order. */
  private final double[] weights;

  /** The positions the last round's P and expected utilities were computed from. */
  private final double[] xr;

  /** 2 − 4·0.5^r_v for every viewer at the current exponents. */
  private final double[] usq;

  /** The weighted median of {@link #xr} (only computed when Q &lt; 1, the only case it is used). */
  private double mu = Double.NaN;

  /**
   * The expected utilities are computed on demand from P, the exponents and {@link #xr}: the round
   * reads only O(n²) of the n³ values. 0 before the first round (as before).
   */
  /**
   * Whether each actor received any offer in the last round (for the log). The offers themselves
   * are rebuilt on demand by {@link #offers(int)}: the round keeps only the one each actor takes.
   */
  private boolean[] hadOffers;

  /** The best offer of each kind seen so far for the receiver being classified (reused). */
  private final Best bestConfrontation = new Best();

  private final Best bestCompromise = new Best();
  private final Best bestCapitulation = new Best();
  private final Best bestAny = new Best();
  private Move[] moves;
  private double lastMaxChange = Double.NaN;
  private final List<double[]> history = new ArrayList<>();

  /**
   * Earlier states by a projection of the positions, to find a repeated state without a full scan.
   */
  private final java.util.TreeMap<Double, List<Integer>> byProjection = new java.util.TreeMap<>();

  private final double[] projectionWeights;
  private double projectionWeightSum;

  /** The actors sorted by (position, capability, salience, index): every sum runs in this order. */
  private int[] order;

  /** rank[i]: where actor i stands in {@link #order}; breaks the last ties between offers. */
  private final int[] rank;

  private Stop stop;
  private int repeatsRound = -1;

  /**
   * @param names actor names for the log (null: "actor 0", "actor 1", …)
   * @param positions initial positions on the issue's own scale
   * @param capabilities non-negative
   * @param saliences in [0, 1]
   */
  public ExpectedUtilityModel(
      String[] names,
      double[] positions,
      double[] capabilities,
      double[] saliences,
      EumOptions options) {
    this(names, positions, capabilities, saliences, options, rangeOf(positions));
  }

  /** As the other constructor, with the range Δ given (e.g. kept from before an event). */
  public ExpectedUtilityModel(
      String[] names,
      double[] positions,
      double[] capabilities,
      double[] saliences,
      EumOptions options,
      double delta) {
    n = positions.length;
    if (capabilities.length != n || saliences.length != n || (names != null && names.length != n)) {
      throw new IllegalArgumentException(
          "positions, capabilities, saliences and names must have the same length");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(positions[i]))
        throw new IllegalArgumentException("position " + i + " is not finite");
      if (!(capabilities[i] >= 0) || !Double.isFinite(capabilities[i])) {
        throw new IllegalArgumentException("capability " + i + " must be finite and non-negative");
      }
      if (!(saliences[i] >= 0 && saliences[i] <= 1)) {
        throw new IllegalArgumentException("salience " + i + " must lie in [0, 1]");
      }
    }
    this.names = new String[n];
    for (int i = 0; i < n; i++) this.names[i] = names == null ? "actor " + i : names[i];
    this.x = positions.clone();
    this.c = capabilities.clone();
    this.s = saliences.clone();
    this.options = options;
    this.delta = delta > 0 && Double.isFinite(delta) ? delta : 1;
    r = new double[n];
    Arrays.fill(r, Double.NaN);
    exposure = new double[n];
    Arrays.fill(exposure, Double.NaN);
    prob = new double[n][n];
    pw = new double[n * n];
    xs = new double[n];
    preHi = new double[(n + 1) * n];
    preLo = new double[(n + 1) * n];
    sufHi = new double[(n + 1) * n];
    sufLo = new double[(n + 1) * n];
    weights = new double[n];
    xr = x.clone();
    usq = new double[n];
    moves = new Move[n];
    rank = new int[n];
    hadOffers = new boolean[n];
    projectionWeights = new double[n];
    long seed = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < n; i++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      projectionWeights[i] = 1 + (seed >>> 11) * 0x1.0p-53;
      projectionWeightSum += projectionWeights[i];
    }
    addHistory(x.clone());
  }

  private double projection(double[] state) {
    double p = 0;
    for (int i = 0; i < n; i++) p += projectionWeights[i] * state[i];
    return p;
  }

  private double projectionScale(double[] state) {
    double p = 0;
    for (int i = 0; i < n; i++) p += projectionWeights[i] * Math.abs(state[i]);
    return p;
  }

  private void addHistory(double[] state) {
    byProjection.computeIfAbsent(projection(state), key -> new ArrayList<>(1)).add(history.size());
    history.add(state);
  }

  /**
   * The latest earlier state (before {@code below}) within the cycle tolerance of {@code state}, or
   * -1. Candidates are those whose projection lies within a window that every state within the
   * tolerance must fall into (with a wide margin for rounding); equality is confirmed as before.
   */
  private int latestSame(double[] state, int below) {
    double p = projection(state);
    double half =
        2 * options.cycleTolerance() * projectionWeightSum
            + 1e-12 * projectionScale(state)
            + Double.MIN_NORMAL;
    int best = -1;
    for (List<Integer> ts : byProjection.subMap(p - half, true, p + half, true).values()) {
      for (int t : ts) {
        if (t < below && t > best && same(history.get(t), state)) best = t;
      }
    }
    return best;
  }

  /** Range of the positions (max − min). */
  public static double rangeOf(double[] positions) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double p : positions) {
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
    }
    return positions.length == 0 ? 0 : hi - lo;
  }

  // ---------------------------------------------------------------- the round

  /**
   * Performs one round: risk exponents, probabilities, expected utilities, offers, simultaneous
   * moves.
   */
  public void step() {
    beginStep();
    midStep();
    endStep();
  }

  /**
   * Steps every model once, exactly as {@link #step()} on each: the issues are independent within a
   * round and a model shares nothing with another, so when there are several large ones (at least
   * {@link #PARALLEL_ACTORS} actors) they are stepped in parallel on the common fork-join pool (the
   * calling thread takes part), with bitwise the same results.
   */
  public static void stepAll(List<ExpectedUtilityModel> models) {
    int large = 0;
    for (ExpectedUtilityModel m : models) if (m.n >= PARALLEL_ACTORS) large++;
    if (large < 2
        || ForkJoinPool.getCommonPoolParallelism() < 2
            && Runtime.getRuntime().availableProcessors() < 2) {
      for (ExpectedUtilityModel m : models) m.step();
      return;
    }
    List<ForkJoinTask<?>> tasks = new ArrayList<>(models.size());
    for (ExpectedUtilityModel m : models) tasks.add(ForkJoinTask.adapt(m::step));
    ForkJoinTask.invokeAll(tasks);
  }

  /**
   * Models with at least this many actors are worth a task of their own in {@link #stepAll}: a
   * round of one costs some 100 µs or more, against a few µs to hand it to another thread.
   */
  static final int PARALLEL_ACTORS = 40;

  private boolean allPairs() {
    return options.normalisation() == Normalisation.ALL_PAIRS;
  }

  /** Orders the actors and computes the pow table for the first pass (every r = 1). */
  private void beginStep() {
    order = reorder(order);
    for (int k = 0; k < n; k++) rank[order[k]] = k;
    System.arraycopy(x, 0, xr, 0, n);
    // 1-3. Exposure and risk exponents with every r = 1.
    Arrays.fill(r, 1.0);
    mu = options.q() < 1 ? weightedMedian(order) : Double.NaN;
    fillPow();
  }

  /** P at r = 1 from the all-pairs sum, exposures, the new exponents and their pow table. */
  private void midStep() {
    computeProbabilities();
    computeUsq();
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    // Every actor's exposure summed over the challengers in canonical order, all at once (a row
    // of P at a time rather than a column).
    Arrays.fill(exposure, 0);
    for (int j : order) addExposures(j);
    for (int i = 0; i < n; i++) {
      max = Math.max(max, exposure[i]);
      min = Math.min(min, exposure[i]);
    }
    double[] newR = new double[n];
    for (int i = 0; i < n; i++) {
      double big = (max - min);
      double rr = big > 0 ? (2 * exposure[i] - max - min) / big : 0;
      rr = Math.max(-1, Math.min(1, rr));
      newR[i] = (1 - rr / 3) / (1 + rr / 3);
    }
    System.arraycopy(newR, 0, r, 0, n);
    fillPow();
  }

  /** P with the new exponents, the offers, the moves and the stopping rule. */
  private void endStep() {
    // 5. Everything again with the new exponents.
    computeProbabilities();
    computeUsq();

    // 6. Offers and the choice of one.
    double[] next = x.clone();
    hadOffers = new boolean[n];
    moves = new Move[n];
    for (int i = 0; i < n; i++) {
      hadOffers[i] = receive(i);
      Offer chosen = choose(i);
      moves[i] = chosen == null ? null : new Move(chosen, x[i]);
      if (chosen != null) next[i] = chosen.position();
    }

    // 7. Simultaneous update and the stopping rule.
    double change = 0;
    for (int i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i] - x[i]));
    System.arraycopy(next, 0, x, 0, n);
    round++;
    lastMaxChange = change;
    if (stop == null) {
      if (change <= options.minChange() * delta) {
        stop = Stop.CONVERGED;
        repeatsRound = round - 1;
      } else {
        int t = latestSame(x, history.size() - 1); // the state just before is excluded: it moved
        if (t >= 0) {
          stop = Stop.CYCLE;
          repeatsRound = t;
        }
      }
    }
    addHistory(x.clone());
  }

  /** What challenger j's challenges add to every actor's exposure. */
  private void addExposures(int j) {
    for (int i = 0; i < n; i++) {
      if (j == i) continue;
      // At r = 1 every viewer values a challenge alike (x^1 = x exactly).
      exposure[i] += eu(1.0, usq[i], j, i);
    }
  }

  private void computeUsq() {
    for (int v = 0; v < n; v++) usq[v] = 2 - 4 * Math.pow(0.5, r[v]);
  }

  /**
   * E^v(U_ab) at viewer exponent rv (usqV = 2 − 4·0.5^rv) from this round's P and positions: the
   * same expression, in the same order, as the full table it replaces.
   */
  private double eu(double rv, double usqV, int a, int b) {
    if (a == b) return 0;
    double d = Math.abs(xr[a] - xr[b]) / delta;
    return euTail(rv, usqV, a, b, d, success(rv, d), failure(rv, d));
  }

  private double euTail(double rv, double usqV, int a, int b, double d, double us, double uf) {
    double q = options.q();
    double t = options.t();
    double p = prob[a][b];
    double value = s[b] * (p * us + (1 - p) * uf) + (1 - s[b]) * us - q * usqV;
    if (q < 1) {
      double m = 0.25 * (Math.abs(xr[a] - mu) / delta + d);
      double ub = 2 - 4 * Math.pow(Math.max(0, 0.5 - m), rv);
      double uw = 2 - 4 * Math.pow(0.5 + m, rv);
      value -= (1 - q) * (t * ub + (1 - t) * uw);
    }
    return value;
  }

  /** eu_ij and eu_ji as i weighs them against j, from the options' perspective. */
  /**
   * U_s: the utility of a challenge that succeeds at distance d, with risk exponent rv (Math.pow(y,
   * 1.0) is y exactly).
   */
  private static double success(double rv, double d) {
    return rv == 1.0 ? 2 - 4 * (0.5 - 0.5 * d) : 2 - 4 * Math.pow(0.5 - 0.5 * d, rv);
  }

  /** U_f: the utility of a challenge that fails at distance d. */
  private static double failure(double rv, double d) {
    return rv == 1.0 ? 2 - 4 * (0.5 + 0.5 * d) : 2 - 4 * Math.pow(0.5 + 0.5 * d, rv);
  }

  private void pair(int i, int j, double[] out) {
    if (options.perspective() == Perspective.RECEIVER) {
      // Same viewer, same distance: U_s and U_f are shared.
      double rv = r[i];
      double d = Math.abs(xr[i] - xr[j]) / delta;
      double us = success(rv, d);
      double uf = failure(rv, d);
      out[0] = euTail(rv, usq[i], i, j, d, us, uf);
      out[1] = euTail(rv, usq[i], j, i, Math.abs(xr[j] - xr[i]) / delta, us, uf);
    } else {
      out[0] = eu(r[i], usq[i], i, j);
      out[1] = eu(r[j], usq[j], j, i);
    }
  }

  /**
   * Actors sorted by position, capability, salience, then index. Summing in this order makes every
   * result bitwise independent of the order the actors were listed in (actors equal in all three
   * are interchangeable), so exact position ties are decided the same way whatever the listing.
   */
  private int[] canonicalOrder() {
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    Arrays.sort(
        idx,
        (a, b) -> {
          int k = Double.compare(x[a], x[b]);
          if (k == 0) k = Double.compare(c[a], c[b]);
          if (k == 0) k = Double.compare(s[a], s[b]);
          return k != 0 ? k : Integer.compare(a, b);
        });
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = idx[i];
    return out;
  }

  /**
   * {@link #canonicalOrder()} by insertion sort from the last round's order (the positions change
   * little from one round to the next, so it is nearly sorted already); the order is a total one,
   * so the result is the same whatever the start.
   */
  private int[] reorder(int[] previous) {
    int[] out;
    if (previous == null) {
      out = new int[n];
      for (int i = 0; i < n; i++) out[i] = i;
    } else {
      out = previous.clone();
    }
    for (int m = 1; m < n; m++) {
      int a = out[m];
      int q = m - 1;
      while (q >= 0 && before(a, out[q])) {
        out[q + 1] = out[q];
        q--;
      }
      out[q + 1] = a;
    }
    return out;
  }

  /** Whether actor a comes before actor b in the canonical order. */
  private boolean before(int a, int b) {
    int k = Double.compare(x[a], x[b]);
    if (k == 0) k = Double.compare(c[a], c[b]);
    if (k == 0) k = Double.compare(s[a], s[b]);
    return k != 0 ? k < 0 : a < b;
  }

  private boolean same(double[] a, double[] b) {
    for (int i = 0; i < n; i++) if (Math.abs(a[i] - b[i]) > options.cycleTolerance()) return false;
    return true;
  }

  /** The offer j makes to i, or null: {@code docs/models.md} §1.7 from i's side. */
  private final double[] pairScratch = new double[2];

  private Offer classify(int i, int j) {
    pair(i, j, pairScratch);
    double eij = pairScratch[0];
    double eji = pairScratch[1];
    MoveKind kind = kindOf(eij, eji);
    return kind == null
        ? null
        : new Offer(i, j, kind, eij, eji, offerPosition(kind, i, j, eij, eji));
  }

  /** What j's offer to i is, from the pair (eu_ij, eu_ji), or null when there is none. */
  private MoveKind kindOf(double eij, double eji) {
    if (eji > eij && eij > 0) return MoveKind.CONFRONTATION;
    if (eji > 0 && 0 > eij) {
      if (eji > Math.abs(eij)) return MoveKind.COMPROMISE;
      if (options.capitulation() && eji < Math.abs(eij)) return MoveKind.CAPITULATION;
    }
    return null;
  }

  /** Where i would stand if it took j's offer (positions as the round began). */
  private double offerPosition(MoveKind kind, int i, int j, double eij, double eji) {
    return kind == MoveKind.COMPROMISE ? xr[i] + (xr[j] - xr[i]) * Math.abs(eij / eji) : xr[j];
  }

  /**
   * Classifies every other actor's offer to i and keeps the best of each kind the offer rule picks
   * from (of all, for the smallest move), as the lowest key would be picked from the list of all of
   * them (the ties are broken by rank, so the order the offers are seen in does not matter). The
   * senders are visited by rank, so that with the receiver's perspective the viewer's U_s and U_f
   * are computed once per distinct position. Returns whether i received any offer.
   */
  private boolean receive(int i) {
    bestConfrontation.clear();
    bestCompromise.clear();
    bestCapitulation.clear();
    bestAny.clear();
    boolean receiver = options.perspective() == Perspective.RECEIVER;
    OfferRule rule = options.offerRule(); // only the offers this rule picks from are kept
    double xi = xr[i];
    double rv = r[i];
    double usqI = usq[i];
    double lastPos = Double.NaN;
    double d = 0;
    double us = 0;
    double uf = 0;
    boolean any = false;
    for (int mj = 0; mj < n; mj++) {
      int j = order[mj];
      double xj = xr[j];
      if (j == i || xj == xi) continue;
      double eij;
      double eji;
      if (receiver) {
        if (xj != lastPos) {
          lastPos = xj;
          d = Math.abs(xi - xj) / delta;
          us = success(rv, d);
          uf = failure(rv, d);
        }
        eij = euTail(rv, usqI, i, j, d, us, uf);
        eji = euTail(rv, usqI, j, i, Math.abs(xj - xi) / delta, us, uf);
      } else {
        eij = eu(r[i], usq[i], i, j);
        eji = eu(r[j], usq[j], j, i);
      }
      MoveKind kind = kindOf(eij, eji);
      if (kind == null) continue;
      any = true;
      if (rule == OfferRule.HIGHEST_SENDER_EU)
        continue; // chosen from the senders' side in choose()
      double pos = offerPosition(kind, i, j, eij, eji);
      double move = Math.abs(xi - pos);
      if (rule == OfferRule.SMALLEST_MOVE) {
        bestAny.offer(move, pos, j, kind, eij, eji, rank);
        continue;
      }
      switch (kind) {
        case CONFRONTATION -> bestConfrontation.offer(move, pos, j, kind, eij, eji, rank);
        case COMPROMISE ->
            bestCompromise.offer(
                (Math.abs(eij) * xi + Math.abs(eji) * xj) / (Math.abs(eij) + Math.abs(eji)),
                pos,
                j,
                kind,
                eij,
                eji,
                rank);
        case CAPITULATION -> bestCapitulation.offer(move, pos, j, kind, eij, eji, rank);
        default -> throw new IllegalStateException();
      }
    }
    return any;
  }

  /**
   * The least offer by (key, resulting position, sender's rank), as the rule picks it from a list.
   */
  private static final class Best {
    int sender = -1;
    MoveKind kind;
    double key;
    double position;
    double eij;
    double eji;

    void clear() {
      sender = -1;
    }

    void offer(
        double k, double pos, int j, MoveKind kd, double eReceiver, double eSender, int[] rank) {
      if (sender < 0
          || k < key
          || (k == key && (pos < position || (pos == position && rank[j] < rank[sender])))) {
        sender = j;
        kind = kd;
        key = k;
        position = pos;
        eij = eReceiver;
        eji = eSender;
      }
    }

    Offer toOffer(int receiver) {
      return sender < 0 ? null : new Offer(receiver, sender, kind, eij, eji, position);
    }
  }

  /** The offer i takes, from what {@link #receive(int)} kept. */
  private Offer choose(int i) {
    switch (options.offerRule()) {
      case SCHOLZ -> {
        Offer best = bestConfrontation.toOffer(i);
        if (best == null) best = bestCompromise.toOffer(i);
        if (best == null) best = bestCapitulation.toOffer(i);
        return best;
      }
      case SMALLEST_MOVE -> {
        return bestAny.toOffer(i);
      }
      case HIGHEST_SENDER_EU -> {
        // Every actor that gains from challenging i (from its own side of the perspective) sends a
        // challenge.
        int sender = -1;
        double best = 0;
        for (int j = 0; j < n; j++) {
          if (j == i || x[j] == x[i]) continue;
          double eji =
              options.perspective() == Perspective.RECEIVER
                  ? eu(r[i], usq[i], j, i)
                  : eu(r[j], usq[j], j, i);
          if (!(eji > 0)) continue;
          if (sender < 0 || eji > best || (eji == best && better(i, x[j], j, x[sender], sender))) {
            sender = j;
            best = eji;
          }
        }
        return sender < 0 ? null : classify(i, sender);
      }
      default -> throw new IllegalStateException();
    }
  }

  /** Nearer to x_i first, then the lower position, then the lower index. */
  private boolean better(int i, double pa, int a, double pb, int b) {
    double da = Math.abs(x[i] - pa);
    double db = Math.abs(x[i] - pb);
    if (da != db) return da < db;
    if (pa != pb) return pa < pb;
    return rank[a] < rank[b];
  }

  private double dist(int a, double xb) {
    return Math.abs(x[a] - xb) / delta;
  }

  /**
   * pow(dist, r_k) once per (voter, distinct position), in canonical order (equal positions are
   * neighbours there); pow(y, 1.0) is y exactly.
   */
  private void fillPow() {
    if (!allPairs()) return;
    for (int m = 0; m < n; m++) xs[m] = xr[order[m]];
    for (int mk = 0; mk < n; mk++) fillPowRow(mk);
  }

  // The rounds' loops are split into one method per row: each is compiled once, early, by its
  // calls, rather than once in the middle of a long loop (on-stack replacement) and again whole.
  private void fillPowRow(int mk) {
    double rk = r[order[mk]];
    double xk = xs[mk];
    int row = mk * n;
    if (rk == 1.0) {
      for (int ma = 0; ma < n; ma++) pw[row + ma] = Math.abs(xk - xs[ma]) / delta;
    } else {
      double last = Double.NaN;
      double v = 0;
      for (int ma = 0; ma < n; ma++) {
        double xa = xs[ma];
        if (xa != last) {
          last = xa;
          v = Math.pow(Math.abs(xk - xa) / delta, rk);
        }
        pw[row + ma] = v;
      }
    }
  }

  /**
   * Prefix and suffix sums over the voters (canonical order) of c s pw, with exact products and
   * each addition's rounding error kept in lo.
   */
  private void fillVoterSums() {
    double[] w = weights;
    for (int mk = 0; mk < n; mk++) w[mk] = c[order[mk]] * s[order[mk]];
    Arrays.fill(preHi, 0, n, 0);
    Arrays.fill(preLo, 0, n, 0);
    for (int mk = 0; mk < n; mk++) addVoter(preHi, preLo, mk * n, mk * n + n, mk);
    Arrays.fill(sufHi, n * n, n * n + n, 0);
    Arrays.fill(sufLo, n * n, n * n + n, 0);
    for (int mk = n - 1; mk >= 0; mk--) addVoter(sufHi, sufLo, mk * n + n, mk * n, mk);
  }

  /**
   * Row {@code to} of the running sums: row {@code from} plus voter mk's c s pw for every actor,
   * the rounding errors of the product and of the sum added to lo.
   */
  private void addVoter(double[] hiSums, double[] loSums, int from, int to, int mk) {
    double wk = weights[mk];
    int row = mk * n;
    for (int a = 0; a < n; a++) {
      double hi = hiSums[from + a];
      double d = pw[row + a];
      double p = wk * d;
      double t = hi + p;
      double bb = t - hi;
      hiSums[to + a] = t;
      loSums[to + a] = loSums[from + a] + (((hi - (t - bb)) + (p - bb)) + Math.fma(wk, d, -p));
    }
  }

  /** Σ of the numerators so far, as hi + lo (see {@link #pairsFrom}). */
  private double topsHi;

  private double topsLo;

  /**
   * P's numerators for the pairs of the actor of rank a with every actor ranked above it, added to
   * {@link #topsHi} + {@link #topsLo}.
   */
  private void pairsFrom(int a) {
    int i = order[a];
    prob[i][i] = 0;
    double allHi = topsHi;
    double allLo = topsLo;
    int b = 0; // voters with x_k − x_i < x_j − x_k: nearer i
    int e = 0; // voters with x_k − x_i ≤ x_j − x_k: nearer i or halfway
    for (int h = a + 1; h < n; h++) {
      int j = order[h];
      double xi = xs[a];
      double xj = xs[h];
      if (xj == xi) {
        prob[i][j] = 0;
        prob[j][i] = 0;
        continue;
      }
      while (b < n && xs[b] - xi < xj - xs[b]) b++;
      if (e < b) e = b;
      while (e < n && xs[e] - xi <= xj - xs[e]) e++;
      // top_ij: (ah + al) − (bh + bl) = t + err, t = ah − bh rounded, err exact plus al − bl.
      int at = b * n;
      double ah = preHi[at + h];
      double bh = preHi[at + a];
      double t = ah - bh;
      double bb = t - ah;
      double err = ((ah - (t - bb)) + (-bh - bb)) + (preLo[at + h] - preLo[at + a]);
      prob[i][j] = Math.max(0, t + err);
      double sum = allHi + t;
      bb = sum - allHi;
      allLo += ((allHi - (sum - bb)) + (t - bb)) + err;
      allHi = sum;
      // top_ji likewise from the suffix sums.
      at = e * n;
      ah = sufHi[at + a];
      bh = sufHi[at + h];
      t = ah - bh;
      bb = t - ah;
      err = ((ah - (t - bb)) + (-bh - bb)) + (sufLo[at + a] - sufLo[at + h]);
      prob[j][i] = Math.max(0, t + err);
      sum = allHi + t;
      bb = sum - allHi;
      allLo += ((allHi - (sum - bb)) + (t - bb)) + err;
      allHi = sum;
    }
    topsHi = allHi;
    topsLo = allLo;
  }

  private void computeProbabilities() {
    if (allPairs()) {
      // top_ij = Σ_k c_k s_k (pw_kj − pw_ki)^+. For x_i < x_j the voters with pw_kj > pw_ki are
      // those nearer x_i: the ranks below the first voter at or past the midpoint (a voter exactly
      // there votes 0). So top_ij is a difference of two prefix sums, top_ji of two suffix sums,
      // found for every pair in O(n²) with two pointers that only move up as x_j grows. Each
      // difference is taken exactly before it is rounded (the high parts by TwoSum, then the
      // errors). The denominator Σ_k c_k s_k Σ_{a≠b} |pw_ka − pw_kb| counts every pair of
      // positions twice, once in each order, where the numerators count it once in the order
      // that gains: it is 2 Σ_{i≠j} top_ij, summed from the unrounded differences.
      fillVoterSums();
      topsHi = 0;
      topsLo = 0;
      for (int a = 0; a < n; a++) pairsFrom(a);
      double all = 2 * (topsHi + topsLo);
      for (double[] pi : prob) {
        if (all == 0) {
          Arrays.fill(pi, 0);
        } else {
          for (int j = 0; j < n; j++) pi[j] /= all;
        }
      }
    } else {
      // Per pair, linear votes of every actor (the challenger included, as dmasad's final code).
      boolean net = options.normalisation() == Normalisation.PER_PAIR;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (x[i] == x[j]) {
            prob[i][j] = 0;
            continue;
          }
          double positive = 0;
          double sum = 0;
          double bottom = 0;
          for (int k : order) {
            double v = c[k] * s[k] * (Math.abs(x[k] - x[j]) - Math.abs(x[k] - x[i]));
            if (v > 0) positive += v;
            sum += v;
            bottom += Math.abs(v);
          }
          double top = net ? Math.max(0, sum) : positive;
          prob[i][j] = bottom > 0 ? top / bottom : 0;
        }
      }
    }
  }

  // ---------------------------------------------------------------- what the round exposes

  /** Current positions (after the last round). */
  public double[] positions() {
    return x.clone();
  }

  public int actors() {
    return n;
  }

  public String name(int i) {
    return names[i];
  }

  /** Rounds performed so far. */
  public int round() {
    return round;
  }

  /** Δ, the range used for distances. */
  public double range() {
    return delta;
  }

  public EumOptions options() {
    return options;
  }

  /** Σ c s x / Σ c s of the current positions (the plain mean when every weight is 0). */
  public double weightedMean() {
    double w = 0;
    double sum = 0;
    for (int i : canonicalOrder()) {
      w += c[i] * s[i];
      sum += c[i] * s[i] * x[i];
    }
    if (w > 0) return sum / w;
    double plain = 0;
    for (double p : x) plain += p;
    return plain / n;
  }

  /**
   * The Condorcet winner of the current positions with linear votes: the lowest distinct position
   * that no other position beats (the weighted median; the lower one on a tie).
   */
  public double weightedMedian() {
    return weightedMedian(canonicalOrder());
  }

  private double weightedMedian(int[] order) {
    double[] candidates = Arrays.stream(x).distinct().sorted().toArray();
    for (double a : candidates) {
      boolean beaten = false;
      for (double b : candidates) {
        if (b == a) continue;
        double votes = 0; // for b over a
        for (int k : order)
          votes += c[k] * s[k] * (Math.abs(x[k] - a) - Math.abs(x[k] - b)) / delta;
        if (votes > 0) {
          beaten = true;
          break;
        }
      }
      if (!beaten) return a;
    }
    return candidates[0]; // unreachable in one dimension
  }

  /** The risk exponents of the last round, in [0.5, 2] (NaN before the first round). */
  public double[] riskExponents() {
    return r.clone();
  }

  /** Σ_{j≠i} E(U_ji) at r = 1, the exposure the last round's risk exponents came from. */
  public double[] exposures() {
    return exposure.clone();
  }

  /** P(i prevails over j) in the last round, with that round's risk exponents. */
  public double probability(int i, int j) {
    return prob[i][j];
  }

  /** E^viewer(U_challenger,target) in the last round, at that round's risk exponents. */
  public double expectedUtility(int viewer, int challenger, int target) {
    if (round == 0) return 0;
    return eu(r[viewer], usq[viewer], challenger, target);
  }

  /**
   * The pair (eu_ij, eu_ji) actor i weighed against actor j in the last round, from the options'
   * perspective: with the receiver's perspective both are i's view (the BDM quadrant chart of i).
   */
  public double[] dyad(int i, int j) {
    if (round == 0) return new double[2];
    double[] out = new double[2];
    if (i == j) return out;
    out[0] = eu(r[i], usq[i], i, j);
    out[1] =
        options.perspective() == Perspective.RECEIVER
            ? eu(r[i], usq[i], j, i)
            : eu(r[j], usq[j], j, i);
    return out;
  }

  /** The offers actor i received in the last round. */
  public List<Offer> offers(int i) {
    if (round == 0) return List.of();
    List<Offer> received = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      if (j == i || xr[j] == xr[i]) continue;
      Offer o = classify(i, j);
      if (o != null) received.add(o);
    }
    return Collections.unmodifiableList(received);
  }

  /** The move actor i made in the last round, or null when it stayed. */
  public Move move(int i) {
    return moves[i];
  }

  /**
   * Actor i's last move in words, e.g. {@code Belgium compromises with France (eu -0.1148 vs
   * 0.2433): 7 -> 8.4159}.
   */
  public String describeMove(int i) {
    return lastRound().describeMove(i);
  }

  /**
   * What the last round did, kept so that its words can be built later, only if someone asks: the
   * model formats nothing while it runs. Later rounds do not change it.
   */
  public RoundLog lastRound() {
    return new RoundLog(names, round, moves, hadOffers, history.get(history.size() - 1));
  }

  /** The data behind {@link #describeMove(int)} for one round (shared arrays: read only). */
  public static final class RoundLog {
    private final String[] names;
    private final int round;
    private final Move[] moves;
    private final boolean[] hadOffers;
    private final double[] after;

    private RoundLog(String[] names, int round, Move[] moves, boolean[] hadOffers, double[] after) {
      this.names = names;
      this.round = round;
      this.moves = moves;
      this.hadOffers = hadOffers;
      this.after = after;
    }

    /** As {@link ExpectedUtilityModel#describeMove(int)} at the time this log was taken. */
    public String describeMove(int i) {
      Move m = moves[i];
      if (round == 0) return names[i] + " has not moved yet";
      if (m == null) {
        return names[i]
            + (!hadOffers[i]
                ? " receives no credible offer and stays at "
                : " takes no offer and stays at ")
            + fmt(after[i]);
      }
      Offer o = m.offer();
      return String.format(
          Locale.ROOT,
          "%s %s %s (eu %.4f vs %.4f): %s -> %s",
          names[i],
          o.kind().words(),
          names[o.sender()],
          o.euReceiver(),
          o.euSender(),
          fmt(m.from()),
          fmt(m.to()));
    }
  }

  /** Every move of the last round in words, one per moving actor. */
  public List<String> describeMoves() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) if (moves[i] != null) out.add(describeMove(i));
    return out;
  }

  private static String fmt(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** Largest |Δx| of the last round (NaN before the first). */
  public double lastMaxChange() {
    return lastMaxChange;
  }

  /** Why the model stopped by its own rule, or null if it has not. */
  public Stop stop() {
    return stop;
  }

  /**
   * For {@link Stop#CYCLE}, the earlier round whose positions the state repeats (0 = initial); for
   * {@link Stop#CONVERGED} the round the state barely differs from; -1 otherwise.
   */
  public int repeatsRound() {
    return repeatsRound;
  }

  /** Positions after each round so far, index 0 the initial state. */
  public List<double[]> history() {
    List<double[]> out = new ArrayList<>();
    for (double[] h : history) out.add(h.clone());
    return out;
  }
}
