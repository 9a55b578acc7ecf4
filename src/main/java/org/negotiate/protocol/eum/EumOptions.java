package org.negotiate.protocol.eum;

/**
 * The switches of the expected utility model ({@code docs/models.md} §1). The defaults ({@link
 * #scholz()}) are the conventions of jmckib's replication, which reproduces Scholz, Calbert &amp;
 * Smith's (2011) published rounds 1–10 of the EU car-emission case; {@link #dmasad()} is the other
 * published replication, kept as a negative control.
 *
 * @param normalisation how P(i prevails over j) is normalised
 * @param perspective whose eyes (whose risk exponent) value the two challenges of a dyad when an
 *     actor weighs an offer
 * @param q probability that the status quo persists if no challenge is made (Scholz: 1)
 * @param t probability that, absent a challenge, things get better (irrelevant when q = 1)
 * @param offerRule how an actor picks one of the offers it receives
 * @param capitulation whether the capitulation octant makes an offer at all: false reproduces
 *     Scholz (jmckib's test {@code eu_ji < abs(eu_ji)} never holds); true is BDM's written rule
 * @param minChange the run has converged when no position moved by more than {@code minChange × Δ}
 *     in a round
 * @param cycleTolerance two states are the same (a cycle) when no position differs by more than
 *     this, on the issue's own scale
 */
public record EumOptions(
    Normalisation normalisation,
    Perspective perspective,
    double q,
    double t,
    OfferRule offerRule,
    boolean capitulation,
    double minChange,
    double cycleTolerance) {

  /** Default convergence threshold, as a fraction of the initial range Δ. */
  public static final double DEFAULT_MIN_CHANGE = 1e-6;

  /** Default tolerance for recognising a repeated state. */
  public static final double DEFAULT_CYCLE_TOLERANCE = 1e-9;

  public EumOptions {
    if (normalisation == null || perspective == null || offerRule == null) {
      throw new IllegalArgumentException("normalisation, perspective and offer rule are required");
    }
    if (!(q >= 0 && q <= 1) || !(t >= 0 && t <= 1)) {
      throw new IllegalArgumentException("q and t must lie in [0, 1], got q=" + q + ", t=" + t);
    }
    if (!(minChange >= 0) || !(cycleTolerance >= 0)) {
      throw new IllegalArgumentException("minChange and cycleTolerance must be non-negative");
    }
  }

  /** The normalisation of P(i prevails over j), {@code docs/models.md} §1.3. */
  public enum Normalisation {
    /**
     * jmckib / Scholz's code: numerator Σ_k max(0, c_k s_k (d_kj^r_k − d_ki^r_k)); denominator the
     * sum of |c_k s_k (d_ka^r_k − d_kb^r_k)| over every voter k and every ordered pair (a, b).
     */
    ALL_PAIRS,
    /**
     * dmasad's final code (the one whose first-round numbers {@code docs/models.md} §5.1 quotes):
     * per pair, linear votes of every actor, the net vote for i over the total, max(0, Σ_k c_k s_k
     * (|x_k − x_j| − |x_k − x_i|)) / Σ_k c_k s_k ||x_k − x_j| − |x_k − x_i||. Then P(i, j) + P(j,
     * i) is not 1: the loser of the vote gets 0.
     */
    PER_PAIR,
    /**
     * The formula as printed (§1.3) read per pair: the share of the pair's linear votes that side
     * with i, Σ_k max(0, c_k s_k (|x_k − x_j| − |x_k − x_i|)) / Σ_k |…|, so P(i, j) + P(j, i) = 1.
     */
    PER_PAIR_SHARE
  }

  /**
   * Whose risk exponent values E(U_ji) when actor i weighs j's threat, {@code docs/models.md} §1.5.
   */
  public enum Perspective {
    /** jmckib: the receiver i values both E(U_ij) and E(U_ji) with its own exponent. */
    RECEIVER,
    /** dmasad: each challenge is valued by its challenger, E(U_ij) by i and E(U_ji) by j. */
    CHALLENGER
  }

  /** How an actor picks among the offers it receives, {@code docs/models.md} §1.7. */
  public enum OfferRule {
    /**
     * Scholz's code as jmckib reports it: the confrontation that moves the actor least; else the
     * compromise with the smallest weighted point (|eu_ij| x_i + |eu_ji| x_j) / (|eu_ij| +
     * |eu_ji|); else the capitulation that moves it least.
     */
    SCHOLZ,
    /** BDM's written rule: of all offers, the one that moves the actor least. */
    SMALLEST_MOVE,
    /**
     * dmasad: every actor with E(U) &gt; 0 of challenging i sends a challenge; i takes the sender
     * with the highest E(U) (ties: the nearer) and then resolves it by the octant; a challenge it
     * would win moves nobody.
     */
    HIGHEST_SENDER_EU
  }

  /** Scholz's conventions as replicated by jmckib: the defaults. */
  public static EumOptions scholz() {
    return new EumOptions(
        Normalisation.ALL_PAIRS,
        Perspective.RECEIVER,
        1,
        1,
        OfferRule.SCHOLZ,
        false,
        DEFAULT_MIN_CHANGE,
        DEFAULT_CYCLE_TOLERANCE);
  }

  /**
   * dmasad's replication (per-pair P, challenger's perspective, highest-EU sender, capitulation
   * on).
   */
  public static EumOptions dmasad() {
    return new EumOptions(
        Normalisation.PER_PAIR,
        Perspective.CHALLENGER,
        1,
        1,
        OfferRule.HIGHEST_SENDER_EU,
        true,
        DEFAULT_MIN_CHANGE,
        DEFAULT_CYCLE_TOLERANCE);
  }

  public EumOptions withNormalisation(Normalisation n) {
    return new EumOptions(n, perspective, q, t, offerRule, capitulation, minChange, cycleTolerance);
  }

  public EumOptions withPerspective(Perspective p) {
    return new EumOptions(
        normalisation, p, q, t, offerRule, capitulation, minChange, cycleTolerance);
  }

  public EumOptions withQ(double newQ) {
    return new EumOptions(
        normalisation, perspective, newQ, t, offerRule, capitulation, minChange, cycleTolerance);
  }

  public EumOptions withT(double newT) {
    return new EumOptions(
        normalisation, perspective, q, newT, offerRule, capitulation, minChange, cycleTolerance);
  }

  public EumOptions withOfferRule(OfferRule r) {
    return new EumOptions(
        normalisation, perspective, q, t, r, capitulation, minChange, cycleTolerance);
  }

  public EumOptions withCapitulation(boolean c) {
    return new EumOptions(
        normalisation, perspective, q, t, offerRule, c, minChange, cycleTolerance);
  }

  public EumOptions withMinChange(double m) {
    return new EumOptions(
        normalisation, perspective, q, t, offerRule, capitulation, m, cycleTolerance);
  }

  public EumOptions withCycleTolerance(double c) {
    return new EumOptions(normalisation, perspective, q, t, offerRule, capitulation, minChange, c);
  }
}
