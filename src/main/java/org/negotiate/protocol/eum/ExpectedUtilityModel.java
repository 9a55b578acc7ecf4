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
 * <p>One {@link #step()} is one round, and reads as the paper runs it, one method per step: every
 * risk exponent is reset to 1 (§1.6 step 1); the probabilities of success P ({@link
 * #probabilitiesOfSuccess}, §1.3) and the expected utilities of all challenges ({@link #eu}, §1.4–
 * §1.5) give each actor's exposure ({@link #computeExposures}, §1.6 step 2) and from it its risk
 * exponent r_i ({@link #computeRiskExponents}, §1.6 steps 3–4); with the new r_i, P and the
 * expected utilities are recomputed (§1.6 step 5); every actor classifies the threat of every other
 * actor standing elsewhere (confrontation, compromise, capitulation) and picks one offer by the
 * {@link OfferRule} ({@link #offersTaken}, §1.7); all actors move at once ({@link #moveAll}) and
 * the stopping rule is applied ({@link #stoppingRule}, §1.8). The numerical machinery lives in
 * helpers of this package: {@link AllPairsProbabilities} (the O(n²) all-pairs P with {@link
 * Compensated} sums), {@link CanonicalOrder}, {@link BestOffer} and {@link PositionHistory} (the
 * cycle search); the words of a round are built only on demand by {@link RoundLog}.
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
 *   <li>The all-pairs P is computed in O(n²) per round rather than by its defining O(n³) sums (see
 *       {@link AllPairsProbabilities}), each P exact to within a few units in the last place, where
 *       the plain sums were off by up to some hundred units with 60 actors. Results therefore
 *       differ from the earlier direct sums in the last bits (Case A's positions by 6e-15 after 10
 *       rounds), and, the model being chaotic, long runs drift apart (1e-5 after 100 rounds of Case
 *       A, unrelated after 150).
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

  /**
   * Models with at least this many actors are worth a task of their own in {@link #stepAll}: a
   * round of one costs some 100 µs or more, against a few µs to hand it to another thread.
   */
  static final int PARALLEL_ACTORS = 40;

  // ---------------------------------------------------------------- inputs (§1.1)

  private final String[] names;
  private final double[] c;
  private final double[] s;
  private final double delta;
  private final EumOptions options;
  private final int n;

  // ---------------------------------------------------------------- the state of the round

  /** The current positions. */
  private final double[] x;

  /** The positions the round's P and expected utilities are computed from (x as it began). */
  private final double[] xr;

  private int round;

  /** The actors in {@link CanonicalOrder}: every sum runs in this order. */
  private int[] order;

  /** rank[i]: where actor i stands in {@link #order}; breaks the last ties between offers. */
  private final int[] rank;

  /** The actors at each distinct position of {@link #xr}, in {@link #order}. */
  private final PositionGroups groups;

  /** r_i, the risk exponents (§1.6). */
  private final double[] r;

  /** Σ_{j≠i} E(U_ji) at r = 1 (§1.6 step 2). */
  private final double[] exposure;

  /** P(i, j) (§1.3). */
  private final double[][] prob;

  /** Whether P is jmckib's all-pairs one ({@link AllPairsProbabilities}), else per pair. */
  private final boolean allPairs;

  /** U_sq = 2 − 4·0.5^r_v for every viewer at the current exponents (§1.4). */
  private final double[] usq;

  /**
   * μ, the weighted median of {@link #xr} (only computed when Q &lt; 1, the only case it is used).
   */
  private double mu = Double.NaN;

  // ---------------------------------------------------------------- what the round did

  /**
   * Whether each actor received any offer in the last round (for the log). The offers themselves
   * are rebuilt on demand by {@link #offers(int)}: the round keeps only the one each actor takes. A
   * new array every round: a {@link RoundLog} keeps the old one.
   */
  private boolean[] hadOffers;

  /** The offer each actor took in the last round (null: it stayed); a new array every round. */
  private Move[] moves;

  /** The best offer of each kind seen so far for the receiver being classified (reused). */
  private final BestOffer bestConfrontation = new BestOffer();

  private final BestOffer bestCompromise = new BestOffer();
  private final BestOffer bestCapitulation = new BestOffer();
  private final BestOffer bestAny = new BestOffer();

  /** (eu_ij, eu_ji) of the pair being classified (reused). */
  private final double[] pairScratch = new double[2];

  private double lastMaxChange = Double.NaN;
  private final PositionHistory history;
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
    // row by row: a two-dimensional new is a call into the VM (multianewarray), a row is inline
    prob = new double[n][];
    for (int i = 0; i < n; i++) prob[i] = new double[n];
    allPairs = options.normalisation() == Normalisation.ALL_PAIRS;
    xr = x.clone();
    usq = new double[n];
    moves = new Move[n];
    rank = new int[n];
    groups = new PositionGroups(n);
    hadOffers = new boolean[n];
    history = new PositionHistory(n, options.cycleTolerance());
    history.add(x.clone());
  }

  /** Range of the positions (max − min): Δ of §1.1. */
  public static double rangeOf(double[] positions) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double p : positions) {
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
    }
    return positions.length == 0 ? 0 : hi - lo;
  }

  // ---------------------------------------------------------------- the round, step by step

  /**
   * Performs one round: risk exponents, probabilities, expected utilities, offers, simultaneous
   * moves, the stopping rule ({@code docs/models.md} §1.3–§1.8).
   */
  public void step() {
    startRound();
    // §1.6 steps 1–4: the exposures with every r = 1 give the round's risk exponents.
    Arrays.fill(r, 1.0);
    mu = options.q() < 1 ? weightedMedian(order) : Double.NaN;
    probabilitiesOfSuccess();
    statusQuoUtilities();
    computeExposures();
    computeRiskExponents();
    // §1.6 step 5: everything again with the new exponents.
    probabilitiesOfSuccess();
    statusQuoUtilities();
    // §1.7: every actor takes one offer, and all move at once.
    double[] next = offersTaken();
    double change = moveAll(next);
    // §1.8.
    stoppingRule(change);
    history.add(x.clone());
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
   * The canonical order of this round's positions, and the positions the round works from: all
   * actors move at once, so every offer is valued from where the actors stood as it began.
   */
  private void startRound() {
    order = CanonicalOrder.resort(order, x, c, s);
    for (int k = 0; k < n; k++) rank[order[k]] = k;
    System.arraycopy(x, 0, xr, 0, n);
    groups.group(order, xr);
  }

  /**
   * §1.3: P(i, j), the probability that i prevails over j, for every ordered pair, at the current
   * exponents: jmckib's all-pairs denominator by default, else the per-pair formula.
   */
  private void probabilitiesOfSuccess() {
    if (allPairs) {
      AllPairsProbabilities.workspace(n).compute(order, groups, xr, c, s, r, delta, prob);
    } else {
      perPairProbabilities();
    }
  }

  /**
   * §1.3 read per pair, with linear votes of every actor (the challenger included, as dmasad's
   * final code): P(i, j) = max(0, Σ_k v_k) / Σ_k |v_k| ({@code PER_PAIR}) or Σ_k max(0, v_k) / Σ_k
   * |v_k| ({@code PER_PAIR_SHARE}), v_k = c_k s_k (|x_k − x_j| − |x_k − x_i|).
   */
  private void perPairProbabilities() {
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

  /** §1.4: U_sq = 2 − 4·(0.5)^r_v for every viewer v at the current exponents. */
  private void statusQuoUtilities() {
    // in canonical order, where actors alike (with the same exponent) are neighbours
    double lastR = Double.NaN;
    double u = 0;
    for (int m = 0; m < n; m++) {
      int v = order[m];
      if (r[v] != lastR) {
        lastR = r[v];
        u = 2 - 4 * Powers.pow(0.5, lastR);
      }
      usq[v] = u;
    }
  }

  /**
   * §1.6 step 2: every actor's exposure Σ_{j≠i} E(U_ji) at r = 1, summed over the challengers j in
   * canonical order (a group of challengers at a time: all the actors' sums advance together).
   * E(U_ji) depends on j only through its position, so it is computed once per group of equal
   * positions and added once per member.
   */
  private void computeExposures() {
    Arrays.fill(exposure, 0);
    // The groups in canonical order, so their members are the challengers in canonical order.
    for (int g = 0; g < groups.count; g++) addExposures(g);
  }

  /**
   * What the challengers of group g add to every actor's exposure: E(U_ji) once, added once per
   * member other than i. Computed with the group's first actor as j also against itself (distance 0
   * and P = 0, as for any other actor of the group, which is what the value is used for).
   */
  private void addExposures(int g) {
    int j = order[groups.start[g]];
    int size = groups.size(g);
    for (int i = 0; i < n; i++) {
      // At r = 1 every viewer values a challenge alike (x^1 = x exactly).
      double d = Math.abs(xr[j] - xr[i]) / delta;
      double e = euTail(1.0, usq[i], j, i, d, success(1.0, d), failure(1.0, d));
      double sum = exposure[i];
      for (int k = groups.groupOf[i] == g ? size - 1 : size; k > 0; k--) sum += e;
      exposure[i] = sum;
    }
  }

  /**
   * §1.6 steps 3–4: R_i = (2·exposure_i − max − min) / (max − min), in [−1, 1] (0 when every actor
   * is equally exposed), and r_i = (1 − R_i/3) / (1 + R_i/3), in [0.5, 2].
   */
  private void computeRiskExponents() {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, exposure[i]);
      min = Math.min(min, exposure[i]);
    }
    double big = (max - min);
    for (int i = 0; i < n; i++) {
      double rr = big > 0 ? (2 * exposure[i] - max - min) / big : 0;
      rr = Math.max(-1, Math.min(1, rr));
      r[i] = (1 - rr / 3) / (1 + rr / 3);
    }
  }

  /**
   * §1.7: the offer every actor takes (by the {@link OfferRule}) and where it would stand then.
   * Records the round's moves and who received offers; returns the next positions.
   */
  private double[] offersTaken() {
    double[] next = x.clone();
    hadOffers = new boolean[n];
    moves = new Move[n];
    // Where the offer kept depends only on the receiver's position, exponent and salience (the
    // receiver's perspective, an offer rule that keeps the least offer), an actor equal to the
    // one before it in canonical order in all three receives the same offers from the same
    // senders and takes the same one.
    boolean same =
        options.perspective() == Perspective.RECEIVER
            && options.offerRule() != OfferRule.HIGHEST_SENDER_EU;
    int prev = -1;
    for (int m = 0; m < n; m++) {
      int i = order[m];
      Offer chosen;
      if (same && prev >= 0 && sameReceiver(i, prev)) {
        hadOffers[i] = hadOffers[prev];
        Offer o = moves[prev] == null ? null : moves[prev].offer();
        chosen =
            o == null
                ? null
                : new Offer(i, o.sender(), o.kind(), o.euReceiver(), o.euSender(), o.position());
      } else {
        hadOffers[i] = receiveOffers(i);
        chosen = chooseOffer(i);
      }
      moves[i] = chosen == null ? null : new Move(chosen, x[i]);
      if (chosen != null) next[i] = chosen.position();
      prev = i;
    }
    return next;
  }

  /** Whether actors a and b have bit for bit the same position, exponent and salience. */
  private boolean sameReceiver(int a, int b) {
    return Double.doubleToRawLongBits(xr[a]) == Double.doubleToRawLongBits(xr[b])
        && Double.doubleToRawLongBits(r[a]) == Double.doubleToRawLongBits(r[b])
        && Double.doubleToRawLongBits(s[a]) == Double.doubleToRawLongBits(s[b]);
  }

  /** §1.7: all actors move at once. Returns the largest |Δx|. */
  private double moveAll(double[] next) {
    double change = 0;
    for (int i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i] - x[i]));
    System.arraycopy(next, 0, x, 0, n);
    round++;
    lastMaxChange = change;
    return change;
  }

  /**
   * §1.8: the model stops ({@link Stop#CONVERGED}) when no position moved by more than minChange·Δ,
   * or ({@link Stop#CYCLE}) when the positions repeat an earlier round's within the cycle
   * tolerance. Once stopped, it stays stopped.
   */
  private void stoppingRule(double change) {
    if (stop != null) return;
    if (change <= options.minChange() * delta) {
      stop = Stop.CONVERGED;
      repeatsRound = round - 1;
    } else {
      // The state just before is excluded: it moved.
      int t = history.latestSame(x, history.size() - 1);
      if (t >= 0) {
        stop = Stop.CYCLE;
        repeatsRound = t;
      }
    }
  }

  // ---------------------------------------------------------------- utilities (§1.4, §1.5)

  /**
   * §1.5: E^v(U_ab), the expected utility to a viewer of exponent rv (usqV = 2 − 4·0.5^rv) of a
   * challenging b, from this round's P and positions; 0 when a = b.
   */
  private double eu(double rv, double usqV, int a, int b) {
    if (a == b) return 0;
    double d = Math.abs(xr[a] - xr[b]) / delta;
    return euTail(rv, usqV, a, b, d, success(rv, d), failure(rv, d));
  }

  /**
   * §1.5 from the utilities already at hand: s_b [P_ab U_s + (1 − P_ab) U_f] + (1 − s_b) U_s − Q
   * U_sq − (1 − Q)[T U_b + (1 − T) U_w], the last term (§1.4's U_b and U_w, at distance d) only
   * when Q &lt; 1.
   */
  private double euTail(double rv, double usqV, int a, int b, double d, double us, double uf) {
    double q = options.q();
    double t = options.t();
    double p = prob[a][b];
    double value = s[b] * (p * us + (1 - p) * uf) + (1 - s[b]) * us - q * usqV;
    if (q < 1) {
      double m = 0.25 * (Math.abs(xr[a] - mu) / delta + d);
      double ub = 2 - 4 * Powers.pow(Math.max(0, 0.5 - m), rv);
      double uw = 2 - 4 * Powers.pow(0.5 + m, rv);
      value -= (1 - q) * (t * ub + (1 - t) * uw);
    }
    return value;
  }

  /**
   * §1.4: U_s = 2 − 4·(0.5 − 0.5·d)^rv, the utility of a challenge that succeeds at distance d
   * (Math.pow(y, 1.0) is y exactly).
   */
  private static double success(double rv, double d) {
    return rv == 1.0 ? 2 - 4 * (0.5 - 0.5 * d) : 2 - 4 * Powers.pow(0.5 - 0.5 * d, rv);
  }

  /** §1.4: U_f = 2 − 4·(0.5 + 0.5·d)^rv, the utility of a challenge that fails at distance d. */
  private static double failure(double rv, double d) {
    return rv == 1.0 ? 2 - 4 * (0.5 + 0.5 * d) : 2 - 4 * Powers.pow(0.5 + 0.5 * d, rv);
  }

  /** (eu_ij, eu_ji) as i weighs them against j, from the options' perspective, into out. */
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

  // ---------------------------------------------------------------- offers (§1.7)

  /** The offer j makes to i, or null: {@code docs/models.md} §1.7 from i's side. */
  private Offer classify(int i, int j) {
    pair(i, j, pairScratch);
    double eij = pairScratch[0];
    double eji = pairScratch[1];
    MoveKind kind = kindOf(eij, eji);
    return kind == null
        ? null
        : new Offer(i, j, kind, eij, eji, offerPosition(kind, i, j, eij, eji));
  }

  /** §1.7's table: what j's offer to i is, from the pair (eu_ij, eu_ji), or null when none. */
  private MoveKind kindOf(double eij, double eji) {
    if (eji > eij && eij > 0) return MoveKind.CONFRONTATION;
    if (eji > 0 && 0 > eij) {
      if (eji > Math.abs(eij)) return MoveKind.COMPROMISE;
      if (options.capitulation() && eji < Math.abs(eij)) return MoveKind.CAPITULATION;
    }
    return null;
  }

  /**
   * §1.7: where i would stand if it took j's offer (positions as the round began): x_i + (x_j −
   * x_i)·|eu_ij / eu_ji| for a compromise, x_j otherwise.
   */
  private double offerPosition(MoveKind kind, int i, int j, double eij, double eji) {
    return kind == MoveKind.COMPROMISE ? xr[i] + (xr[j] - xr[i]) * Math.abs(eij / eji) : xr[j];
  }

  /**
   * Classifies every other actor's offer to i and keeps the best of each kind the offer rule picks
   * from (of all, for the smallest move), as the lowest key would be picked from the list of all of
   * them. The senders are visited by rank, so that with the receiver's perspective the viewer's U_s
   * and U_f are computed once per distinct position. Returns whether i received any offer.
   */
  private boolean receiveOffers(int i) {
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
    double ejiAtPos = 0;
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
          // eu_ji depends on j only through its position (|x_j − x_i| is |x_i − x_j| exactly)
          ejiAtPos = euTail(rv, usqI, j, i, d, us, uf);
        }
        eij = euTail(rv, usqI, i, j, d, us, uf);
        eji = ejiAtPos;
      } else {
        eij = eu(r[i], usq[i], i, j);
        eji = eu(r[j], usq[j], j, i);
      }
      MoveKind kind = kindOf(eij, eji);
      if (kind == null) continue;
      any = true;
      if (rule == OfferRule.HIGHEST_SENDER_EU)
        continue; // chosen from the senders' side in chooseOffer()
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
   * §1.7: the offer i takes, from what {@link #receiveOffers(int)} kept: Scholz's rule (the
   * confrontation moving i least, else the compromise with the smallest weighted point, else a
   * capitulation), BDM's smallest move, or dmasad's sender with the highest EU.
   */
  private Offer chooseOffer(int i) {
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

  /** Nearer to x_i first, then the lower position, then the lower rank. */
  private boolean better(int i, double pa, int a, double pb, int b) {
    double da = Math.abs(x[i] - pa);
    double db = Math.abs(x[i] - pb);
    if (da != db) return da < db;
    if (pa != pb) return pa < pb;
    return rank[a] < rank[b];
  }

  // ---------------------------------------------------------------- what the model reports (§1.2)

  /** Current positions (after the last round). */
  public double[] positions() {
    return x.clone();
  }

  /** Actor i's current position (after the last round): {@link #positions()} without the copy. */
  double position(int i) {
    return x[i];
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

  /** §1.2: Σ c s x / Σ c s of the current positions (the plain mean when every weight is 0). */
  public double weightedMean() {
    double w = 0;
    double sum = 0;
    for (int i : CanonicalOrder.of(x, c, s)) {
      w += c[i] * s[i];
      sum += c[i] * s[i] * x[i];
    }
    if (w > 0) return sum / w;
    double plain = 0;
    for (double p : x) plain += p;
    return plain / n;
  }

  /**
   * §1.2: the Condorcet winner of the current positions with linear votes: the lowest distinct
   * position that no other position beats (the weighted median; the lower one on a tie).
   */
  public double weightedMedian() {
    return weightedMedian(CanonicalOrder.of(x, c, s));
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
    return history.copies();
  }

  // ---------------------------------------------------------------- the round log

  /**
   * Actor i's last move in words, e.g. {@code Belgium compromises with France (eu -0.1148 vs
   * 0.2433): 7 -> 8.4159}.
   */
  public String describeMove(int i) {
    return lastRound().describeMove(i);
  }

  /** Every move of the last round in words, one per moving actor. */
  public List<String> describeMoves() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) if (moves[i] != null) out.add(describeMove(i));
    return out;
  }

  /**
   * What the last round did, kept so that its words can be built later, only if someone asks: the
   * model formats nothing while it runs. Later rounds do not change it.
   */
  public RoundLog lastRound() {
    return new RoundLog(names, round, moves, hadOffers, history.last());
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

    /** Up to 4 decimals, without trailing zeros. */
    private static String fmt(double v) {
      String s = String.format(Locale.ROOT, "%.4f", v);
      return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
  }
}
