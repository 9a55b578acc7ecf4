package org.negotiate.protocol.smp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.negotiate.protocol.smp.SmpOptions.BargainModel;
import org.negotiate.protocol.smp.SmpOptions.StateTransition;
import org.negotiate.scenario.tables.ActorTable;

/**
 * KTAB's Spatial Model of Politics (docs/models.md §2), one turn per {@link #step()}: pure
 * mathematics, no I/O, no MASON.
 *
 * <p>A turn, as {@code SMPState::stepBCN} and {@code doBCN} run it, from state t to t+1:
 *
 * <ol>
 *   <li>Assess state t: salience-weighted distances between every actor's ideal (its current
 *       position: KTAB's identity accommodation matrix) and every position; a risk-neutral PCE over
 *       the actors' positions with capability-weighted votes; risk attitudes R from the PCE
 *       probabilities (BigRRange); each actor h's utility matrix with its estimates of the others'
 *       R (BigRAdjust). ({@link Assessment}, §2.2–§2.5.)
 *   <li>Each actor i finds, from its own perspective, the target j whose challenge gives it the
 *       largest expected gain over the status quo (third parties join the coalition they favour);
 *       if that gain exceeds 1e-5 it proposes a bargain (S2P2 interpolation by default), which
 *       enters both its own and j's queue. ({@link #proposeBargains}: {@link #bestTarget} by {@link
 *       #challenge}, §2.6; {@link #bargains} by {@link #interpolate}, §2.7.)
 *   <li>Each actor's queue (its status quo and every bargain it is party to) is valued by every
 *       actor as the mean utility of the resulting positions; a PCE over the queue picks one
 *       (deterministically the most probable); the actor moves to its position in that bargain.
 *       ({@link #chooseBargain} with {@link #bargainUtility}, §2.8.)
 *   <li>The distance moved, its fraction of the first turn's and KTAB's stopping rule ({@link
 *       #endTurn}, §2.9).
 * </ol>
 *
 * <p>Positions are held on KTAB's [0, 1] scale (the 0–100 inputs divided by 100, so that KTAB's
 * 4-decimal rounding of bargains and its distances apply unchanged) and reported on 0–100.
 * Saliences are in [0, 1] per dimension, as KTAB's 0–100 saliences divided by 100.
 *
 * <p>Departures from KTAB, all outside its valid inputs or its default path:
 *
 * <ul>
 *   <li>Bargain queues are in a canonical order (the actor's status quo, then bargains by initiator
 *       index; KTAB's order depends on thread timing). Only exact ties between different bargains
 *       could make this matter.
 *   <li>The stochastic transition draws from a {@link SplittableRandom} seeded with {@link
 *       SmpOptions#seed()}, not KTAB's PRNG; the default deterministic path draws nothing.
 *   <li>Where KTAB throws (an actor's saliences all zero, a total salience above 1, every PCE
 *       probability equal), this returns neutral values: equal dimension weights, a total salience
 *       capped at 1 in the challenge formula, all actors risk neutral.
 *   <li>The accommodation (ideal-adjustment) matrix is always the identity: ideals follow
 *       positions, KTAB's default for CSV input.
 * </ul>
 */
public final class SpatialModel {
  /** Positions closer than this (Euclidean, [0, 1] scale) are one option (KTAB {@code posTol}). */
  static final double POSITION_TOLERANCE = 1e-3;

  /** A challenge must be worth more than this to be made (KTAB {@code minSigEDU}). */
  static final double MIN_GAIN = 1e-5;

  private final List<String> names;
  private final int n;
  private final int dims;
  private final double[] capability;
  private final double[][] salience;
  private final SmpOptions opt;
  private final SplittableRandom rng;
  private double[][] pos;
  private final List<double[][]> history = new ArrayList<>();
  private final List<Double> fractional = new ArrayList<>();
  private double firstDistance = Double.NaN;
  private Assessment assessed;
  private Turn last;

  /**
   * @param names actor names for the turn log (null: "actor i")
   * @param capability per actor, > 0
   * @param position [actor][dimension] on 0–100
   * @param salience [actor][dimension] in [0, 1] (KTAB's percentages divided by 100)
   */
  public SpatialModel(
      List<String> names,
      double[] capability,
      double[][] position,
      double[][] salience,
      SmpOptions options) {
    this.n = capability.length;
    if (n < 2) throw new IllegalArgumentException("the SMP needs at least two actors");
    if (position.length != n || salience.length != n)
      throw new IllegalArgumentException("one row per actor");
    this.dims = position[0].length;
    if (dims < 1) throw new IllegalArgumentException("the SMP needs at least one dimension");
    this.names = names == null ? null : List.copyOf(names);
    if (this.names != null && this.names.size() != n)
      throw new IllegalArgumentException("one name per actor");
    this.opt = options;
    this.rng = new SplittableRandom(options.seed());
    this.capability = new double[n];
    this.salience = new double[n][dims];
    this.pos = new double[n][dims];
    for (int i = 0; i < n; i++) {
      if (position[i].length != dims || salience[i].length != dims) {
        throw new IllegalArgumentException("one position and one salience per dimension");
      }
      setCapability(i, capability[i]);
      for (int k = 0; k < dims; k++) {
        setSalience(i, k, salience[i][k]);
        pos[i][k] = check(position[i][k], 0, 100, "position") / 100.0;
      }
    }
    history.add(copy(pos));
  }

  /** A model of a KTAB actor table (saliences already on [0, 1]). */
  public static SpatialModel of(ActorTable table, SmpOptions options) {
    int n = table.rows().size();
    double[] cap = new double[n];
    double[][] x = new double[n][];
    double[][] s = new double[n][];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ActorTable.Row r = table.rows().get(i);
      names.add(r.name());
      cap[i] = r.capability();
      x[i] = r.positions().clone();
      s[i] = r.saliences().clone();
    }
    return new SpatialModel(names, cap, x, s, options);
  }

  private static double check(double v, double lo, double hi, String what) {
    if (!(v >= lo && v <= hi)) {
      throw new IllegalArgumentException(what + " must be in [" + lo + ", " + hi + "], got " + v);
    }
    return v;
  }

  // ----------------------------------------------------------------------------------------------
  // Inputs that events may change between turns

  public void setCapability(int actor, double value) {
    if (!(value > 0) || Double.isInfinite(value))
      throw new IllegalArgumentException("capability must be > 0, got " + value);
    capability[actor] = value;
    assessed = null;
  }

  /** Salience of one dimension, in [0, 1]. */
  public void setSalience(int actor, int dim, double value) {
    salience[actor][dim] = check(value, 0, 1, "salience");
    assessed = null;
  }

  /** Moves an actor (its stance changed), on 0–100; its ideal follows. */
  public void setPosition(int actor, int dim, double value) {
    pos[actor][dim] = check(value, 0, 100, "position") / 100.0;
    assessed = null;
  }

  // ----------------------------------------------------------------------------------------------
  // Reading the state

  public int actors() {
    return n;
  }

  public int dimensions() {
    return dims;
  }

  public SmpOptions options() {
    return opt;
  }

  public String name(int i) {
    return names == null ? "actor " + i : names.get(i);
  }

  /** Turns made so far; the current state is KTAB's state number {@code turns()} (0 = initial). */
  public int turns() {
    return history.size() - 1;
  }

  /** Current positions, [actor][dimension] on 0–100. */
  public double[][] positions() {
    return scaled(pos);
  }

  /** Positions of state t (0 = initial), on 0–100. */
  public double[][] positionsAt(int state) {
    return scaled(history.get(state));
  }

  /**
   * Risk attitudes R inferred from the current state, which the next turn uses (before the first
   * turn: KTAB's "iteration 1" values).
   */
  public double[] riskAttitudes() {
    return assess().r.clone();
  }

  /**
   * The risk-neutral PCE probabilities of the actors' current positions, from which R is inferred.
   */
  public double[] pceProbabilities() {
    return assess().p.clone();
  }

  /**
   * KTAB's "winning probability" of each actor's current position (its {@code showVPHistory}): a
   * PCE over the distinct positions with each actor's own risk-aware utilities; actors sharing a
   * position share its probability, so these can sum to more than 1.
   */
  public double[] positionProbabilities() {
    return assess().positionProbabilities().clone();
  }

  /** Fractional change of every turn so far (KTAB's "Fractional change compared to first step"). */
  public List<Double> fractionalChanges() {
    return Collections.unmodifiableList(fractional);
  }

  /** The last turn, or null before the first. */
  public Turn lastTurn() {
    return last;
  }

  /** Whether KTAB's stopping rule ends the run after the last turn. */
  public boolean stopRuleMet() {
    return last != null && last.stop();
  }

  /** Runs turns until the stopping rule fires (at most {@link SmpOptions#maxTurns()} turns). */
  public void run() {
    while (!stopRuleMet()) step();
  }

  // ----------------------------------------------------------------------------------------------
  // The assessment of a state

  private final class Assessment {
    final double[][] diff = new double[n][n];
    final double[] p;
    final double[] r;

    /** util[h][i][j]: h's estimate of the utility to i of j's position. */
    final double[][][] util = new double[n][n][n];

    final double[][] at;
    private double[] positionProb;

    Assessment() {
      at = pos;
      // §2.2: salience-weighted distances from every ideal (= position) to every position.
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) diff[i][j] = SmpMath.distance(pos[i], pos[j], salience[i]);
      }
      // §2.5 steps 1–3: a risk-neutral PCE over the positions, capability-weighted votes.
      double[][] neutral = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) neutral[i][j] = SmpMath.util(diff[i][j], 0.0);
      }
      p = SmpMath.scalarPce(opt, capability, neutral, n);
      // §2.5 step 4: big_r_range; step 5: big_r_adjust, one utility matrix per perspective h.
      r = SmpMath.bigR(p, opt.bigRRange());
      for (int h = 0; h < n; h++) {
        for (int i = 0; i < n; i++) {
          double rhi = SmpMath.estimateR(r[h], r[i], opt.bigRAdjust());
          for (int j = 0; j < n; j++) util[h][i][j] = SmpMath.util(diff[i][j], rhi);
        }
      }
    }

    double[] positionProbabilities() {
      if (positionProb != null) return positionProb;
      List<Integer> unique = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        boolean found = false;
        for (int u : unique) found |= equivalent(i, u);
        if (!found) unique.add(i);
      }
      double[][] u = new double[n][unique.size()];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < unique.size(); c++) u[i][c] = util[i][i][unique.get(c)];
      }
      double[] pu = SmpMath.scalarPce(opt, capability, u, unique.size());
      positionProb = new double[n];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < unique.size(); c++)
          if (equivalent(i, unique.get(c))) positionProb[i] = pu[c];
      }
      return positionProb;
    }

    private boolean equivalent(int i, int j) {
      return SmpMath.norm(at[i], at[j]) < POSITION_TOLERANCE;
    }
  }

  private Assessment assess() {
    if (assessed == null) assessed = new Assessment();
    return assessed;
  }

  /**
   * h's estimate of the probability that i beats j and of the change in k's expected utility if i
   * challenges j, against the status quo (KTAB {@code SMPState::probEduChlg}).
   */
  private double[] challenge(Assessment a, int h, int k, int i, int j) {
    double[][] u = a.util[h];
    var vr = opt.votingRule();
    double uii = u[i][i];
    double uij = u[i][j];
    double uji = u[j][i];
    double ujj = u[j][j];
    double euSq = u[k][i] + u[k][j];
    double uhkij = u[k][i] + u[k][i];
    double uhkji = u[k][j] + u[k][j];
    double si = sum(salience[i]);
    double sj = sum(salience[j]);
    final double minCltn = 1e-10;
    double ci = SmpMath.vote(vr, si * capability[i], uii, uij);
    double cj = SmpMath.vote(vr, sj * capability[j], uji, ujj);
    double chij = minCltn;
    double chji = minCltn;
    if (ci > 0.0) chij = chij + ci;
    if (ci < 0.0) chji = chji - ci;
    if (cj > 0.0) chij = chij + cj;
    if (cj < 0.0) chji = chji - cj;
    double principalsI = chij;
    double principalsJ = chji;
    for (int m = 0; m < n; m++) {
      if (m == i || m == j) continue;
      double wm = sum(salience[m]) * capability[m];
      double umi = u[m][i];
      double umj = u[m][j];
      double umm = u[m][m];
      double pim = littleContest(wm, umi, umj, principalsI, principalsJ);
      double vm = thirdPartyVote(wm, pim, 1.0 - pim, umi, umj, umm);
      chij = vm > 0 ? chij + vm : chij;
      chji = vm < 0 ? chji - vm : chji;
    }
    double phij = chij / (chij + chji);
    double phji = chji / (chij + chji);
    double euVict = uhkij;
    double euContest = phij * uhkij + phji * uhkji;
    double resist = Math.min(sj, 1.0);
    double euChlg = (1 - resist) * euVict + resist * euContest;
    return new double[] {phij, euChlg - euSq};
  }

  /**
   * Third party m's estimate of P[i ≻ j] in the little contest of i, j and m (KTAB {@code
   * vProbLittle}).
   */
  private double littleContest(double wm, double umi, double umj, double ci, double cj) {
    double v = SmpMath.vote(opt.votingRule(), wm, umi, umj);
    double cmi = v > 0 ? ci + v : ci;
    double cmj = v < 0 ? cj - v : cj;
    return cmi / (cmi + cmj);
  }

  /**
   * Third party's vote on i:j from the expected sums of utilities (KTAB {@code thirdPartyVoteSU}).
   */
  private double thirdPartyVote(
      double wk, double pik, double pjk, double uki, double ukj, double ukk) {
    double ikDefJ;
    double jDefIk;
    double iDefJk;
    double jkDefI;
    switch (opt.thirdParty()) {
      case FULL_COMMIT -> {
        ikDefJ = uki + uki + uki;
        jDefIk = ukj + ukj + ukj;
        iDefJk = uki + uki + uki;
        jkDefI = ukj + ukj + ukj;
      }
      case SEMI_COMMIT -> {
        ikDefJ = uki + uki + ukk;
        jDefIk = ukj + ukj + ukj;
        iDefJk = uki + uki + uki;
        jkDefI = ukj + ukj + ukk;
      }
      default -> {
        ikDefJ = uki + uki + ukk;
        jDefIk = ukj + ukj + ukk;
        iDefJk = uki + uki + ukk;
        jkDefI = ukj + ukj + ukk;
      }
    }
    double withI = (pik * ikDefJ) + (pjk * jDefIk);
    double withJ = (pik * iDefJk) + (pjk * jkDefI);
    return SmpMath.vote(opt.votingRule(), wk, withI, withJ);
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) s = s + x;
    return s;
  }

  // ----------------------------------------------------------------------------------------------
  // Bargains

  /**
   * One bargain: the initiator and receiver and the positions each would adopt (0–100), with the
   * challenge that led to it. A status-quo bargain has initiator == receiver.
   *
   * @param victoryProbability the initiator's estimate that it would win the challenge
   * @param gain the initiator's expected gain from the challenge
   * @param perspective whose estimate of the victory probability shaped the interpolation
   *     (initiator, receiver, or -1 for a power-weighted compromise of both)
   */
  public record Bargain(
      int initiator,
      int receiver,
      double[] initiatorPosition,
      double[] receiverPosition,
      double victoryProbability,
      double gain,
      int perspective) {

    public boolean statusQuo() {
      return initiator == receiver;
    }
  }

  /** Internal bargain on the [0, 1] scale. */
  private record B(
      int init, int rcvr, double[] pi, double[] pr, double prob, double gain, int persp) {
    Bargain report() {
      return new Bargain(init, rcvr, scale(pi), scale(pr), prob, gain, persp);
    }
  }

  private static double round4(double x) {
    final double s = 10000.0;
    int y = (int) (0.5 + (x * s));
    return ((double) y) / s;
  }

  /**
   * The bargain i proposes to j when i's chance of winning is prbI (KTAB {@code interpolateBrgn}).
   */
  private B interpolate(int i, int j, double prbI, double prbJ, double gain, int persp) {
    double[] bi = new double[dims];
    double[] bj = new double[dims];
    for (int k = 0; k < dims; k++) {
      double tik = pos[i][k];
      double sik = salience[i][k];
      double tjk = pos[j][k];
      double sjk = salience[j][k];
      switch (opt.interpolation()) {
        case S1P1, S2P2 -> {
          boolean two = opt.interpolation() == SmpOptions.InterVecBargain.S2P2;
          double wik = (two ? sik * sik : sik) * (two ? prbI * prbI : prbI);
          double wjk = (two ? sjk * sjk : sjk) * (two ? prbJ * prbJ : prbJ);
          final double minW = 1e-6;
          bi[k] = round4(((wik + minW) * tik + wjk * tjk) / (wik + minW + wjk));
          bj[k] = round4((wik * tik + (minW + wjk) * tjk) / (wik + minW + wjk));
        }
        case S2P_MAX -> {
          double di = (prbJ > prbI) ? (prbJ - prbI) : 0;
          double dj = (prbI > prbJ) ? (prbI - prbJ) : 0;
          double sik2 = sik * sik;
          double sjk2 = sjk * sjk;
          final double minW = 1e-6;
          double dik = (di * sjk2) / ((di * sjk2) + minW + ((1 - di) * sik2));
          double djk = (dj * sik2) / ((dj * sik2) + minW + ((1 - dj) * sjk2));
          bi[k] = tik + dik * (tjk - tik);
          bj[k] = tjk + djk * (tik - tjk);
        }
      }
    }
    return new B(i, j, bi, bj, prbI, gain, persp);
  }

  /** Mean utility to actor m of the state after bargain b (KTAB {@code brgnUtil}). */
  private double bargainUtility(Assessment a, B b, int m) {
    double u = 0.0;
    if (b.init == b.rcvr) {
      for (int q = 0; q < n; q++) u = u + a.util[m][m][q];
    } else {
      u = u + SmpMath.util(SmpMath.distance(pos[m], b.pi, salience[m]), a.r[m]);
      u = u + SmpMath.util(SmpMath.distance(pos[m], b.pr, salience[m]), a.r[m]);
      for (int q = 0; q < n; q++) {
        if (q != b.init && q != b.rcvr) u = u + a.util[m][m][q];
      }
    }
    return u / n;
  }

  // ----------------------------------------------------------------------------------------------
  // A turn

  /**
   * What one turn did.
   *
   * @param number the turn, 1-based; it led from state number−1 to state number
   * @param riskAttitudes R inferred from the state the turn started from
   * @param pceProbabilities the risk-neutral PCE probabilities R was inferred from
   * @param bargains every bargain proposed, in initiator order
   * @param chosen per actor, the index in {@code bargains} of the bargain it adopted, or -1 for its
   *     status quo
   * @param chosenProbability per actor, the PCE probability of the bargain it adopted
   * @param queues per actor, its queue: indices in {@code bargains}, -1 for its status quo (first)
   * @param queueProbabilities per actor, the PCE probability of each bargain in its queue
   * @param distance Σ_i ‖x_i(t) − x_i(t−1)‖ on the [0, 1] scale
   * @param fractionalChange distance / (first turn's distance + minSigDelta)
   * @param stop whether KTAB's stopping rule ends the run here
   * @param log the turn in words
   */
  public record Turn(
      int number,
      double[] riskAttitudes,
      double[] pceProbabilities,
      List<Bargain> bargains,
      int[] chosen,
      double[] chosenProbability,
      int[][] queues,
      double[][] queueProbabilities,
      double distance,
      double fractionalChange,
      boolean stop,
      List<String> log) {}

  /**
   * Performs one KTAB turn ({@code SMPState::stepBCN}), from state t to t + 1, in the stages of
   * {@code docs/models.md} §2: assess the state (§2.2–§2.5), let every actor challenge its best
   * target with a bargain (§2.6–§2.7), let every actor choose from its queue (§2.8), then measure
   * the change for the stopping rule (§2.9). Returns what the turn did.
   */
  public Turn step() {
    Assessment a = assess();
    List<Supplier<String>> log = new ArrayList<>();
    Proposals proposals = proposeBargains(a, log);
    Choice[] choices = new Choice[n];
    for (int k = 0; k < n; k++) choices[k] = chooseBargain(a, k, proposals, log);
    return endTurn(a, proposals, choices, log);
  }

  /** The bargains of a turn: all of them in initiator order, and every actor's queue. */
  private record Proposals(List<B> proposed, List<List<B>> queue) {}

  /**
   * §2.6–§2.7: each actor in turn finds its best target and proposes its bargain(s) to it; each
   * bargain joins the queues of both parties, after their status quo.
   */
  private Proposals proposeBargains(Assessment a, List<Supplier<String>> log) {
    List<B> proposed = new ArrayList<>();
    List<List<B>> queue = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<B> q = new ArrayList<>();
      q.add(new B(k, k, pos[k], pos[k], Double.NaN, 0, k));
      queue.add(q);
    }
    for (int i = 0; i < n; i++) {
      Target target = bestTarget(a, i);
      if (target == null) {
        int who = i;
        log.add(() -> name(who) + " has no advantageous target");
        continue;
      }
      int j = target.actor();
      for (B b : bargains(a, i, target)) {
        proposed.add(b);
        queue.get(i).add(b);
        queue.get(j).add(b);
        log.add(challengeWords(i, target, b));
      }
    }
    return new Proposals(proposed, queue);
  }

  /** The target of a challenge, with the challenger's estimates of victory and of its gain. */
  private record Target(int actor, double victoryProbability, double gain) {}

  /**
   * §2.6 step 5: the target j whose challenge gives actor i, from its own perspective (h = k = i),
   * the largest gain Δ over the status quo (the first on a tie), or null when no gain exceeds
   * {@link #MIN_GAIN}.
   */
  private Target bestTarget(Assessment a, int i) {
    int bestJ = -1;
    double pIJ = 0;
    double bestEu = -1.0;
    for (int j = 0; j < n; j++) {
      if (j == i) continue;
      double[] e = challenge(a, i, i, i, j);
      if (MIN_GAIN < e[1] && bestEu < e[1]) {
        bestJ = j;
        pIJ = e[0];
        bestEu = e[1];
      }
    }
    return bestJ < 0 ? null : new Target(bestJ, pIJ, bestEu);
  }

  /**
   * §2.7: the bargain(s) i proposes to its target, by {@code bargain_model}: the initiator's
   * interpolation only (the default), both parties' interpolations, or their power-weighted mean.
   */
  private List<B> bargains(Assessment a, int i, Target target) {
    int j = target.actor();
    double pIJ = target.victoryProbability();
    double bestEu = target.gain();
    B iij = interpolate(i, j, pIJ, 1 - pIJ, bestEu, i);
    if (opt.bargainModel() == BargainModel.INIT_ONLY_INTERP) return List.of(iij);
    // KTAB passes j's estimated gain from the challenge, not its probability, as the probability
    // (get<1> of probEduChlg(j, i, i, j)); reproduced as KTAB computes it.
    double pji = challenge(a, j, i, i, j)[1];
    B jij = interpolate(i, j, pji, 1 - pji, bestEu, j);
    if (opt.bargainModel() == BargainModel.INIT_RCVR_INTERP) return List.of(iij, jij);
    // KTAB weighs both with the initiator's capability: c_i·Σs_i and c_i·Σs_j.
    double wi = capability[i] * sum(salience[i]);
    double wj = capability[i] * sum(salience[j]);
    if (!(wi + wj > 0)) {
      wi = 1;
      wj = 1;
    }
    double[] bpi = new double[dims];
    double[] bpj = new double[dims];
    for (int k = 0; k < dims; k++) {
      bpi[k] = (wi * iij.pi[k] + wj * jij.pi[k]) / (wi + wj);
      bpj[k] = (wi * iij.pr[k] + wj * jij.pr[k]) / (wi + wj);
    }
    return List.of(new B(i, j, bpi, bpj, pIJ, bestEu, -1));
  }

  /** The log line of i's challenge that produced bargain b (formatted only when read). */
  private Supplier<String> challengeWords(int i, Target target, B b) {
    int j = target.actor();
    double cp = target.victoryProbability();
    double cg = target.gain();
    double[] bpi = b.pi.clone();
    double[] bpr = b.pr.clone();
    return () ->
        String.format(
            Locale.ROOT,
            "%s challenges %s (P[win] %.4f, gain %+.4f): bargain %s to %s, %s to %s",
            name(i),
            name(j),
            cp,
            cg,
            name(i),
            vector(bpi),
            name(j),
            vector(bpr));
  }

  /**
   * What actor k chose from its queue.
   *
   * @param next k's position in the next state
   * @param chosen the index in the turn's bargains of the one adopted, -1 for the status quo
   * @param probability the PCE probability of the bargain adopted
   * @param queue k's queue as indices in the turn's bargains, -1 for its status quo (first)
   * @param queueProbabilities the PCE probability of each bargain in the queue
   */
  private record Choice(
      double[] next, int chosen, double probability, int[] queue, double[] queueProbabilities) {}

  /**
   * §2.8: actor k values every bargain in its queue by every actor's mean utility of the resulting
   * positions, runs a PCE over the queue, takes the likeliest (or draws one, by {@code
   * state_transition}) and moves to its own side of it.
   */
  private Choice chooseBargain(
      Assessment a, int k, Proposals proposals, List<Supplier<String>> log) {
    List<B> proposed = proposals.proposed();
    List<B> q = proposals.queue().get(k);
    int nb = q.size();
    int[] indices = new int[nb];
    for (int b = 0; b < nb; b++) indices[b] = b == 0 ? -1 : proposed.indexOf(q.get(b));
    double[][] u = new double[n][nb];
    for (int m = 0; m < n; m++) {
      for (int b = 0; b < nb; b++) u[m][b] = bargainUtility(a, q.get(b), m);
    }
    double[] p = SmpMath.scalarPce(opt, capability, u, nb);
    int pick = opt.transition() == StateTransition.DETERMINISTIC ? argMax(p) : draw(p);
    B b = q.get(pick);
    if (b.init == b.rcvr) return new Choice(pos[k].clone(), -1, p[pick], indices, p);
    double[] next = (b.init == k ? b.pi : b.pr).clone();
    double[] adopted = next.clone();
    double cp = p[pick];
    log.add(
        () ->
            String.format(
                Locale.ROOT,
                "%s adopts %s from the bargain %s-%s (probability %.4f of %d)",
                name(k),
                vector(adopted),
                name(b.init),
                name(b.rcvr),
                cp,
                nb));
    return new Choice(next, proposed.indexOf(b), p[pick], indices, p);
  }

  /**
   * §2.9 and the record of the turn: the distance moved Σ_k ‖x_k(t + 1) − x_k(t)‖, its fraction of
   * the first turn's (+ minSigDelta), KTAB's stopping rule, then the new state.
   */
  private Turn endTurn(
      Assessment a, Proposals proposals, Choice[] choices, List<Supplier<String>> log) {
    double[][] next = new double[n][];
    int[] chosen = new int[n];
    double[] chosenProb = new double[n];
    int[][] queues = new int[n][];
    double[][] queueProb = new double[n][];
    for (int k = 0; k < n; k++) {
      next[k] = choices[k].next();
      chosen[k] = choices[k].chosen();
      chosenProb[k] = choices[k].probability();
      queues[k] = choices[k].queue();
      queueProb[k] = choices[k].queueProbabilities();
    }

    double distance = 0;
    for (int k = 0; k < n; k++) distance = distance + SmpMath.norm(next[k], pos[k]);
    int t = history.size();
    if (t == 1) firstDistance = distance;
    double ratio = distance / (firstDistance + opt.minSigDelta());
    boolean stop = t >= opt.maxTurns() || (t >= opt.minTurns() && ratio < opt.stopFraction());
    double dist = distance;
    log.add(
        () ->
            String.format(
                Locale.ROOT,
                "turn %d: change %.4g, fractional change compared to first step %.4f%s",
                t,
                dist,
                ratio,
                stop ? " (stop)" : ""));

    pos = next;
    history.add(copy(next));
    fractional.add(ratio);
    assessed = null;
    List<Bargain> reported = proposals.proposed().stream().map(B::report).toList();
    last =
        new Turn(
            t,
            a.r.clone(),
            a.p.clone(),
            reported,
            chosen,
            chosenProb,
            queues,
            queueProb,
            distance,
            ratio,
            stop,
            new LazyLog(log));
    return last;
  }

  /** First index of the largest probability (KTAB {@code ndxMaxAbs}). */
  private static int argMax(double[] p) {
    int best = 0;
    double max = -1.0;
    for (int i = 0; i < p.length; i++) {
      double v = Math.abs(p[i]);
      if (max < v) {
        max = v;
        best = i;
      }
    }
    return best;
  }

  /** A draw with probabilities p (KTAB {@code PRNG::probSel}, with this model's own stream). */
  private int draw(double[] p) {
    double x = rng.nextDouble();
    double sum = 0.0;
    for (int i = 0; i < p.length; i++) {
      sum = sum + p[i];
      if (x <= sum) return i;
    }
    return p.length - 1;
  }

  // ----------------------------------------------------------------------------------------------

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
    return c;
  }

  private static double[] scale(double[] v) {
    double[] s = new double[v.length];
    for (int k = 0; k < v.length; k++) s[k] = v[k] * 100.0;
    return s;
  }

  private static double[][] scaled(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) c[i] = scale(m[i]);
    return c;
  }

  private static String vector(double[] v) {
    StringBuilder s = new StringBuilder("(");
    for (int k = 0; k < v.length; k++)
      s.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", v[k] * 100));
    return s.append(')').toString();
  }
}
