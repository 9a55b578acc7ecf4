package org.negotiate.protocol.smp;

import java.util.Locale;

/**
 * The option set of KTAB's Spatial Model of Politics (docs/models.md §2.10) with KTAB's defaults,
 * plus the stopping rule of {@code SMPModel::configExec}.
 *
 * <p>Every option is an enum whose ordinal is KTAB's own integer code (the order of KTAB's enum
 * classes and of its {@code updateModelParameters} vector), so a parameter given as a double can be
 * mapped with {@link #code}.
 *
 * @param victoryProb how coalition strengths become a probability of victory (default Linear)
 * @param votingRule how a utility difference becomes a vote (default Proportional)
 * @param pce the probabilistic Condorcet election (default Conditional)
 * @param transition how each actor's queue of bargains is resolved (default Deterministic)
 * @param bigRRange how PCE probabilities map to risk attitudes (default Mid, R in [-1/2, 1])
 * @param bigRAdjust how actor h estimates actor i's risk attitude (default OneThird)
 * @param thirdParty how third parties weigh a contest (default SemiCommit)
 * @param interpolation how a bargain's positions are interpolated (default S2P2)
 * @param bargainModel which interpolated bargain enters the queues (default InitOnlyInterp)
 * @param minTurns the stopping rule never fires before this turn (KTAB: 2)
 * @param maxTurns the run always stops at this turn (KTAB: 100)
 * @param stopFraction stop when the turn's change is below this fraction of the first turn's (KTAB:
 *     0.02)
 * @param minSigDelta added to the first turn's change (on the [0, 1] scale) against 0/0 (KTAB:
 *     1e-4)
 * @param seed seed of the draws made only by the {@link StateTransition#STOCHASTIC} transition
 */
public record SmpOptions(
    VictoryProb victoryProb,
    VotingRule votingRule,
    PceModel pce,
    StateTransition transition,
    BigRRange bigRRange,
    BigRAdjust bigRAdjust,
    ThirdPartyCommit thirdParty,
    InterVecBargain interpolation,
    BargainModel bargainModel,
    int minTurns,
    int maxTurns,
    double stopFraction,
    double minSigDelta,
    long seed) {

  /** KTAB's defaults, as printed in its reference logs. */
  public static final SmpOptions KTAB_DEFAULTS =
      new SmpOptions(
          VictoryProb.LINEAR,
          VotingRule.PROPORTIONAL,
          PceModel.CONDITIONAL,
          StateTransition.DETERMINISTIC,
          BigRRange.MID,
          BigRAdjust.ONE_THIRD,
          ThirdPartyCommit.SEMI_COMMIT,
          InterVecBargain.S2P2,
          BargainModel.INIT_ONLY_INTERP,
          2,
          100,
          0.02,
          1e-4,
          0L);

  public SmpOptions {
    if (victoryProb == null
        || votingRule == null
        || pce == null
        || transition == null
        || bigRRange == null
        || bigRAdjust == null
        || thirdParty == null
        || interpolation == null
        || bargainModel == null) {
      throw new IllegalArgumentException("every SMP option needs a value");
    }
    if (minTurns < 1 || maxTurns < minTurns) {
      throw new IllegalArgumentException(
          "need 1 <= min turns <= max turns, got " + minTurns + ", " + maxTurns);
    }
    if (!(stopFraction >= 0) || !(minSigDelta >= 0)) {
      throw new IllegalArgumentException(
          "stop fraction and minimum significant change must be >= 0");
    }
  }

  /** Victory probability from coalition strengths (KTAB {@code VPModel}). */
  public enum VictoryProb {
    LINEAR,
    SQUARE,
    QUARTIC,
    OCTIC,
    BINARY
  }

  /** Vote from a utility difference (KTAB {@code VotingRule}). */
  public enum VotingRule {
    BINARY,
    PROP_BIN,
    PROPORTIONAL,
    PROP_CUBIC,
    CUBIC,
    ASYM_PROSPECT
  }

  /** Probabilistic Condorcet election (KTAB {@code PCEModel}). */
  public enum PceModel {
    CONDITIONAL,
    MARKOV_INCENTIVE,
    MARKOV_UNIFORM
  }

  /** Resolution of each actor's bargain queue (KTAB {@code StateTransMode}). */
  public enum StateTransition {
    DETERMINISTIC,
    STOCHASTIC
  }

  /** Risk attitude from PCE probability (KTAB {@code BigRRange}). */
  public enum BigRRange {
    MIN,
    MID,
    MAX
  }

  /** h's estimate of i's risk attitude (KTAB {@code BigRAdjust}). */
  public enum BigRAdjust {
    NONE,
    ONE_THIRD,
    HALF,
    TWO_THIRDS,
    FULL
  }

  /** Third-party commitment (KTAB {@code ThirdPartyCommit}). */
  public enum ThirdPartyCommit {
    NO_COMMIT,
    SEMI_COMMIT,
    FULL_COMMIT
  }

  /** Interpolation of a bargain (KTAB {@code InterVecBrgn}). */
  public enum InterVecBargain {
    S1P1,
    S2P2,
    S2P_MAX
  }

  /** Which bargains enter the queues (KTAB {@code SMPBargnModel}). */
  public enum BargainModel {
    INIT_ONLY_INTERP,
    INIT_RCVR_INTERP,
    PW_COMP_INTERP
  }

  /**
   * The enum constant with KTAB's integer code {@code value} (a parameter given as a double).
   *
   * @throws IllegalArgumentException when the value is not one of the codes
   */
  public static <E extends Enum<E>> E code(Class<E> type, String name, double value) {
    E[] all = type.getEnumConstants();
    long v = Math.round(value);
    if (Double.isNaN(value) || Math.abs(value - v) > 1e-9 || v < 0 || v >= all.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s must be an integer code in [0, %d], got %s",
              name,
              all.length - 1,
              value));
    }
    return all[(int) v];
  }

  public SmpOptions withVictoryProb(VictoryProb v) {
    return new SmpOptions(
        v,
        votingRule,
        pce,
        transition,
        bigRRange,
        bigRAdjust,
        thirdParty,
        interpolation,
        bargainModel,
        minTurns,
        maxTurns,
        stopFraction,
        minSigDelta,
        seed);
  }

  public SmpOptions withVotingRule(VotingRule v) {
    return new SmpOptions(
        victoryProb,
        v,
        pce,
        transition,
        bigRRange,
        bigRAdjust,
        thirdParty,
        interpolation,
        bargainModel,
        minTurns,
        maxTurns,
        stopFraction,
        minSigDelta,
        seed);
  }

  public SmpOptions withPce(PceModel v) {
    return new SmpOptions(
        victoryProb,
        votingRule,
        v,
        transition,
        bigRRange,
        bigRAdjust,
        thirdParty,
        interpolation,
        bargainModel,
        minTurns,
        maxTurns,
        stopFraction,
        minSigDelta,
        seed);
  }

  public SmpOptions withTransition(StateTransition v, long newSeed) {
    return new SmpOptions(
        victoryProb,
        votingRule,
        pce,
        v,
        bigRRange,
        bigRAdjust,
        thirdParty,
        interpolation,
        bargainModel,
        minTurns,
        maxTurns,
        stopFraction,
        minSigDelta,
        newSeed);
  }

  public SmpOptions withBigR(BigRRange range, BigRAdjust adjust) {
    return new SmpOptions(
        victoryProb,
        votingRule,
        pce,
        transition,
        range,
        adjust,
        thirdParty,
        interpolation,
        bargainModel,
        minTurns,
        maxTurns,
        stopFraction,
        minSigDelta,
        seed);
  }

  public SmpOptions withBargaining(ThirdPartyCommit tp, InterVecBargain ivb, BargainModel bm) {
    return new SmpOptions(
        victoryProb,
        votingRule,
        pce,
        transition,
        bigRRange,
        bigRAdjust,
        tp,
        ivb,
        bm,
        minTurns,
        maxTurns,
        stopFraction,
        minSigDelta,
        seed);
  }

  public SmpOptions withStopping(int min, int max, double fraction, double sigDelta) {
    return new SmpOptions(
        victoryProb,
        votingRule,
        pce,
        transition,
        bigRRange,
        bigRAdjust,
        thirdParty,
        interpolation,
        bargainModel,
        min,
        max,
        fraction,
        sigDelta,
        seed);
  }
}
