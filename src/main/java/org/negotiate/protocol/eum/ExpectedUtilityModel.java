package org.negotiate.protocol.eum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.negotiate.protocol.eum.EumOptions.Normalisation;
import org.negotiate.protocol.eum.EumOptions.OfferRule;
import org.negotiate.protocol.eum.EumOptions.Perspective;

/**
 * Bueno de Mesquita's expected utility model on one issue, as formalised by Scholz, Calbert &amp;
 * Smith (2011) ({@code models.md} §1): pure mathematics, no engine, no I/O.
 *
 * <p>One {@link #step()} is one round: every risk exponent is reset to 1, the expected utilities of
 * all challenges give each actor's exposure and from it its risk exponent r_i; with the new r_i the
 * probabilities P and the expected utilities are recomputed, every actor classifies the threat of
 * every other actor standing elsewhere (confrontation, compromise, capitulation), picks one offer by
 * the {@link OfferRule}, and all actors move at once.
 *
 * <p>Conventions (the defaults reproduce Scholz's published numbers, see {@link EumOptions}):
 *
 * <ul>
 *   <li>Δ is the range of the initial positions, fixed for the run (1 when they all coincide, when
 *       nothing can move anyway).
 *   <li>Distances in votes and utilities are |x_a − x_b| / Δ. Votes in P use each voter's own r_k
 *       (all-pairs) or linear distances (per-pair, as dmasad).
 *   <li>E^v(U_ct), the value to viewer v of c challenging t, is
 *       s_t [P_ct U_s + (1 − P_ct) U_f] + (1 − s_t) U_s − Q U_sq − (1 − Q)[T U_b + (1 − T) U_w],
 *       with the utilities of §1.4 at the viewer's exponent r_v and δ = |x_c − x_t| / Δ; U_b and U_w
 *       use |x_c − μ| + |x_c − x_t| with μ the weighted median (they matter only when Q &lt; 1).
 *   <li>Exposure of i: Σ_{j≠i} E(U_ji) at r = 1 (the perspective does not matter there). When every
 *       actor is equally exposed R is 0/0; it is taken as 0 (r = 1).
 *   <li>The weighted median is the Condorcet winner of the current positions under linear votes
 *       c_k s_k (|x_k − x_b| − |x_k − x_a|): the lowest distinct position that no other position
 *       beats (in one dimension the weighted median; the lower one when two tie). This is what
 *       jmckib's sequential scan returns with its positions sorted ascending.
 *   <li>Every sum over actors runs in a canonical order (by position, capability, salience, then
 *       index), and ties between offers with the same key are broken by the lower resulting
 *       position, then that canonical order of the counterpart: results are bitwise independent of
 *       the order the actors are listed in. (jmckib sums and breaks ties in list order; over 10
 *       rounds of Case A this makes no visible difference, but the model is chaotic over hundreds
 *       of rounds, so where a long run first repeats itself depends on such last-bit details.)
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
  public record Offer(int receiver, int sender, MoveKind kind, double euReceiver, double euSender, double position) {}

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
  /** pw[k][a]: |x_k − x_a| / Δ raised to r_k, the vote distances of the current computation. */
  private final double[][] pw;
  /** Scratch: one row of {@link #pw} in canonical order; the numerators of one row of P. */
  private final double[] rowScratch;
  private final double[] topScratch;
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
  private List<List<Offer>> offers = new ArrayList<>();
  private Move[] moves;
  private double lastMaxChange = Double.NaN;
  private final List<double[]> history = new ArrayList<>();
  /** Earlier states by a projection of the positions, to find a repeated state without a full scan. */
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
  public ExpectedUtilityModel(String[] names, double[] positions, double[] capabilities, double[] saliences,
      EumOptions options) {
    this(names, positions, capabilities, saliences, options, rangeOf(positions));
  }

  /** As the other constructor, with the range Δ given (e.g. kept from before an event). */
  public ExpectedUtilityModel(String[] names, double[] positions, double[] capabilities, double[] saliences,
      EumOptions options, double delta) {
    n = positions.length;
    if (capabilities.length != n || saliences.length != n || (names != null && names.length != n)) {
      throw new IllegalArgumentException("positions, capabilities, saliences and names must have the same length");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(positions[i])) throw new IllegalArgumentException("position " + i + " is not finite");
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
    pw = new double[n][n];
    rowScratch = new double[n];
    topScratch = new double[n];
    xr = x.clone();
    usq = new double[n];
    moves = new Move[n];
    rank = new int[n];
    for (int i = 0; i < n; i++) offers.add(List.of());
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
    double half = 2 * options.cycleTolerance() * projectionWeightSum + 1e-12 * projectionScale(state) + Double.MIN_NORMAL;
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

  /** Performs one round: risk exponents, probabilities, expected utilities, offers, simultaneous moves. */
  public void step() {
    beginStep();
    midStep(allPairs() ? allSum() : Double.NaN);
    endStep(allPairs() ? allSum() : Double.NaN);
  }

  /**
   * Steps every model once, exactly as {@link #step()} on each, but with the long sequential sums
   * of the all-pairs normalisation of up to four models interleaved (each still summed in its own
   * order, so every result is bitwise the same; the interleaving only hides the adder's latency).
   */
  public static void stepAll(List<ExpectedUtilityModel> models) {
    for (ExpectedUtilityModel m : models) m.beginStep();
    double[] sums = allSums(models);
    for (int g = 0; g < models.size(); g++) models.get(g).midStep(sums[g]);
    sums = allSums(models);
    for (int g = 0; g < models.size(); g++) models.get(g).endStep(sums[g]);
  }

  private boolean allPairs() {
    return options.normalisation() == Normalisation.ALL_PAIRS;
  }

  private static double[] allSums(List<ExpectedUtilityModel> models) {
    double[] out = new double[models.size()];
    Arrays.fill(out, Double.NaN);
    List<Integer> pending = new ArrayList<>();
    for (int g = 0; g < models.size(); g++) {
      if (models.get(g).allPairs()) pending.add(g);
    }
    // Groups of four models of the same size; the rest one at a time.
    while (!pending.isEmpty()) {
      int first = pending.get(0);
      int size = models.get(first).n;
      List<Integer> group = new ArrayList<>(4);
      for (int g : pending) {
        if (models.get(g).n == size && group.size() < 4) group.add(g);
      }
      pending.removeAll(group);
      if (group.size() == 1 || size < 8) {
        for (int g : group) out[g] = models.get(g).allSum();
        continue;
      }
      ExpectedUtilityModel[] ms = new ExpectedUtilityModel[4];
      for (int q = 0; q < 4; q++) ms[q] = models.get(group.get(Math.min(q, group.size() - 1)));
      double[] s = allSums4(ms[0], ms[1], ms[2], ms[3]);
      for (int q = 0; q < group.size(); q++) out[group.get(q)] = s[q];
    }
    return out;
  }

  /** The rows of {@link #pw} in canonical order, weighted by c s of each voter (0: skipped). */
  private double[] voterRow(int mk, double[] into) {
    int k = order[mk];
    double[] row = pw[k];
    for (int m = 0; m < n; m++) into[m] = row[order[m]];
    return into;
  }

  private static double[] allSums4(ExpectedUtilityModel m0, ExpectedUtilityModel m1, ExpectedUtilityModel m2,
      ExpectedUtilityModel m3) {
    int n = m0.n;
    double[] d0 = new double[n];
    double[] d1 = new double[n];
    double[] d2 = new double[n];
    double[] d3 = new double[n];
    double[] t0 = new double[n];
    double[] t1 = new double[n];
    double[] t2 = new double[n];
    double[] t3 = new double[n];
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int mk = 0; mk < n; mk++) {
      // A voter with c s = 0 is skipped by the single sum; here it adds +0 terms, which leave a
      // sum that is never -0 unchanged.
      double w0 = m0.c[m0.order[mk]] * m0.s[m0.order[mk]];
      double w1 = m1.c[m1.order[mk]] * m1.s[m1.order[mk]];
      double w2 = m2.c[m2.order[mk]] * m2.s[m2.order[mk]];
      double w3 = m3.c[m3.order[mk]] * m3.s[m3.order[mk]];
      m0.voterRow(mk, d0);
      m1.voterRow(mk, d1);
      m2.voterRow(mk, d2);
      m3.voterRow(mk, d3);
      for (int ma = 0; ma < n; ma++) {
        double a0 = d0[ma];
        double a1 = d1[ma];
        double a2 = d2[ma];
        double a3 = d3[ma];
        for (int mb = 0; mb < n; mb++) t0[mb] = Math.abs(w0 * (a0 - d0[mb]));
        for (int mb = 0; mb < n; mb++) t1[mb] = Math.abs(w1 * (a1 - d1[mb]));
        for (int mb = 0; mb < n; mb++) t2[mb] = Math.abs(w2 * (a2 - d2[mb]));
        for (int mb = 0; mb < n; mb++) t3[mb] = Math.abs(w3 * (a3 - d3[mb]));
        for (int mb = 0; mb < ma; mb++) {
          s0 += t0[mb];
          s1 += t1[mb];
          s2 += t2[mb];
          s3 += t3[mb];
        }
        for (int mb = ma + 1; mb < n; mb++) {
          s0 += t0[mb];
          s1 += t1[mb];
          s2 += t2[mb];
          s3 += t3[mb];
        }
      }
    }
    return new double[] {s0, s1, s2, s3};
  }

  /** Orders the actors and computes the pow table for the first pass (every r = 1). */
  private void beginStep() {
    order = canonicalOrder();
    for (int k = 0; k < n; k++) rank[order[k]] = k;
    System.arraycopy(x, 0, xr, 0, n);
    // 1-3. Exposure and risk exponents with every r = 1.
    Arrays.fill(r, 1.0);
    mu = options.q() < 1 ? weightedMedian(order) : Double.NaN;
    fillPow();
  }

  /** P at r = 1 from the all-pairs sum, exposures, the new exponents and their pow table. */
  private void midStep(double all) {
    computeProbabilities(all);
    computeUsq();
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j : order) {
        if (j == i) continue;
        // At r = 1 every viewer values a challenge alike (x^1 = x exactly).
        sum += eu(1.0, usq[i], j, i);
      }
      exposure[i] = sum;
      max = Math.max(max, sum);
      min = Math.min(min, sum);
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
  private void endStep(double all) {
    // 5. Everything again with the new exponents.
    computeProbabilities(all);
    computeUsq();

    // 6. Offers and the choice of one.
    double[] next = x.clone();
    List<List<Offer>> newOffers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) newOffers.add(List.of());
    offers = newOffers;
    moves = new Move[n];
    for (int i = 0; i < n; i++) {
      List<Offer> received = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (j == i || x[j] == x[i]) continue;
        Offer o = classify(i, j);
        if (o != null) received.add(o);
      }
      offers.set(i, Collections.unmodifiableList(received));
      Offer chosen = choose(i, received);
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
    double us;
    double uf;
    if (rv == 1.0) { // Math.pow(y, 1.0) is y exactly
      us = 2 - 4 * (0.5 - 0.5 * d);
      uf = 2 - 4 * (0.5 + 0.5 * d);
    } else {
      us = 2 - 4 * Math.pow(0.5 - 0.5 * d, rv);
      uf = 2 - 4 * Math.pow(0.5 + 0.5 * d, rv);
    }
    return euTail(rv, usqV, a, b, d, us, uf);
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
  private void pair(int i, int j, double[] out) {
    if (options.perspective() == Perspective.RECEIVER) {
      // Same viewer, same distance: U_s and U_f are shared.
      double rv = r[i];
      double d = Math.abs(xr[i] - xr[j]) / delta;
      double us;
      double uf;
      if (rv == 1.0) {
        us = 2 - 4 * (0.5 - 0.5 * d);
        uf = 2 - 4 * (0.5 + 0.5 * d);
      } else {
        us = 2 - 4 * Math.pow(0.5 - 0.5 * d, rv);
        uf = 2 - 4 * Math.pow(0.5 + 0.5 * d, rv);
      }
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
    Arrays.sort(idx, (a, b) -> {
      int k = Double.compare(x[a], x[b]);
      if (k == 0) k = Double.compare(c[a], c[b]);
      if (k == 0) k = Double.compare(s[a], s[b]);
      return k != 0 ? k : Integer.compare(a, b);
    });
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = idx[i];
    return out;
  }

  private boolean same(double[] a, double[] b) {
    for (int i = 0; i < n; i++) if (Math.abs(a[i] - b[i]) > options.cycleTolerance()) return false;
    return true;
  }

  /** The offer j makes to i, or null: {@code models.md} §1.7 from i's side. */
  private final double[] pairScratch = new double[2];

  private Offer classify(int i, int j) {
    pair(i, j, pairScratch);
    double eij = pairScratch[0];
    double eji = pairScratch[1];
    if (eji > eij && eij > 0) {
      return new Offer(i, j, MoveKind.CONFRONTATION, eij, eji, x[j]);
    }
    if (eji > 0 && 0 > eij) {
      if (eji > Math.abs(eij)) {
        return new Offer(i, j, MoveKind.COMPROMISE, eij, eji, x[i] + (x[j] - x[i]) * Math.abs(eij / eji));
      }
      if (options.capitulation() && eji < Math.abs(eij)) {
        return new Offer(i, j, MoveKind.CAPITULATION, eij, eji, x[j]);
      }
    }
    return null;
  }

  private Offer choose(int i, List<Offer> received) {
    switch (options.offerRule()) {
      case SCHOLZ -> {
        Offer best = least(received, MoveKind.CONFRONTATION, i, false);
        if (best == null) best = least(received, MoveKind.COMPROMISE, i, true);
        if (best == null) best = least(received, MoveKind.CAPITULATION, i, false);
        return best;
      }
      case SMALLEST_MOVE -> {
        return least(received, null, i, false);
      }
      case HIGHEST_SENDER_EU -> {
        // Every actor that gains from challenging i (from its own side of the perspective) sends a challenge.
        int sender = -1;
        double best = 0;
        for (int j = 0; j < n; j++) {
          if (j == i || x[j] == x[i]) continue;
          double eji = options.perspective() == Perspective.RECEIVER ? eu(r[i], usq[i], j, i) : eu(r[j], usq[j], j, i);
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

  private Offer least(List<Offer> received, MoveKind kind, int i, boolean weightedPoint) {
    Offer best = null;
    double bestKey = 0;
    for (Offer o : received) {
      if (kind != null && o.kind() != kind) continue;
      double key = weightedPoint
          ? (Math.abs(o.euReceiver()) * x[o.receiver()] + Math.abs(o.euSender()) * x[o.sender()])
              / (Math.abs(o.euReceiver()) + Math.abs(o.euSender()))
          : Math.abs(x[i] - o.position());
      if (best == null || key < bestKey
          || (key == bestKey && (o.position() < best.position()
              || (o.position() == best.position() && rank[o.sender()] < rank[best.sender()])))) {
        best = o;
        bestKey = key;
      }
    }
    return best;
  }

  private double dist(int a, double xb) {
    return Math.abs(x[a] - xb) / delta;
  }

  /** pow(dist, r_k) once per (voter, position); pow(y, 1.0) is y exactly. */
  private void fillPow() {
    if (!allPairs()) return;
    for (int k = 0; k < n; k++) {
      double rk = r[k];
      double[] row = pw[k];
      if (rk == 1.0) {
        for (int a = 0; a < n; a++) row[a] = dist(k, x[a]);
      } else {
        for (int a = 0; a < n; a++) row[a] = Math.pow(dist(k, x[a]), rk);
      }
    }
  }

  /**
   * The all-pairs denominator: over every voter and every ordered pair of actors, summed in the
   * canonical order (terms with a = b are +0 and leave it unchanged).
   */
  private double allSum() {
    double all = 0;
    double[] d = rowScratch;
    for (int mk = 0; mk < n; mk++) {
      int k = order[mk];
      double w = c[k] * s[k];
      if (w == 0) continue;
      voterRow(mk, d);
      for (int ma = 0; ma < n; ma++) {
        double da = d[ma];
        for (int mb = 0; mb < ma; mb++) all += Math.abs(w * (da - d[mb]));
        for (int mb = ma + 1; mb < n; mb++) all += Math.abs(w * (da - d[mb]));
      }
    }
    return all;
  }

  private void computeProbabilities(double all) {
    if (allPairs()) {
      // top_ij for all j at once: each still summed over the voters in canonical order. Voters
      // with c s = 0 and votes ≤ 0 add nothing (adding +0 leaves a sum that is never -0 unchanged).
      double[] top = topScratch;
      for (int i = 0; i < n; i++) {
        double[] pi = prob[i];
        if (all == 0) {
          Arrays.fill(pi, 0);
          continue;
        }
        Arrays.fill(top, 0);
        for (int k : order) {
          double w = c[k] * s[k];
          if (w == 0) continue;
          double[] row = pw[k];
          double di = row[i];
          if (w < 0x1p1000) {
            // Branch-free positive part: (v + |v|) / 2 is exactly v for v > 0 (no overflow below
            // 2^1000) and +0 otherwise, which leaves a sum that is never -0 unchanged.
            for (int j = 0; j < n; j++) {
              double v = w * (row[j] - di);
              top[j] += (v + Math.abs(v)) * 0.5;
            }
          } else {
            for (int j = 0; j < n; j++) {
              double v = w * (row[j] - di);
              if (v > 0) top[j] += v;
            }
          }
        }
        for (int j = 0; j < n; j++) pi[j] = x[i] == x[j] ? 0 : top[j] / all;
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
        for (int k : order) votes += c[k] * s[k] * (Math.abs(x[k] - a) - Math.abs(x[k] - b)) / delta;
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
    out[1] = options.perspective() == Perspective.RECEIVER ? eu(r[i], usq[i], j, i) : eu(r[j], usq[j], j, i);
    return out;
  }

  /** The offers actor i received in the last round. */
  public List<Offer> offers(int i) {
    return offers.get(i);
  }

  /** The move actor i made in the last round, or null when it stayed. */
  public Move move(int i) {
    return moves[i];
  }

  /** Actor i's last move in words, e.g. {@code Belgium compromises with France (eu -0.1148 vs 0.2433): 7 -> 8.4159}. */
  public String describeMove(int i) {
    return lastRound().describeMove(i);
  }

  /**
   * What the last round did, kept so that its words can be built later, only if someone asks: the
   * model formats nothing while it runs. Later rounds do not change it.
   */
  public RoundLog lastRound() {
    return new RoundLog(names, round, moves, offers, history.get(history.size() - 1));
  }

  /** The data behind {@link #describeMove(int)} for one round (shared arrays: read only). */
  public static final class RoundLog {
    private final String[] names;
    private final int round;
    private final Move[] moves;
    private final List<List<Offer>> offers;
    private final double[] after;

    private RoundLog(String[] names, int round, Move[] moves, List<List<Offer>> offers, double[] after) {
      this.names = names;
      this.round = round;
      this.moves = moves;
      this.offers = offers;
      this.after = after;
    }

    /** As {@link ExpectedUtilityModel#describeMove(int)} at the time this log was taken. */
    public String describeMove(int i) {
      Move m = moves[i];
      if (round == 0) return names[i] + " has not moved yet";
      if (m == null) {
        return names[i] + (offers.get(i).isEmpty() ? " receives no credible offer and stays at " : " takes no offer and stays at ")
            + fmt(after[i]);
      }
      Offer o = m.offer();
      return String.format(Locale.ROOT, "%s %s %s (eu %.4f vs %.4f): %s -> %s", names[i], o.kind().words(),
          names[o.sender()], o.euReceiver(), o.euSender(), fmt(m.from()), fmt(m.to()));
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
