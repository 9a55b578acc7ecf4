package org.negotiate.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocols a scenario may name and the parameters each accepts. To add a protocol, add an
 * entry to {@link #PARAMS}; the loader, {@code --set} and the writer pick it up.
 */
public final class ProtocolParameters {

  private ProtocolParameters() {}

  /** One protocol parameter: its valid range (integer ranges admit no distributions). */
  public record Param(Range range, String description) {}

  /** The default protocol. */
  public static final String DEFAULT = "mediated";

  /** Protocol name to its parameters, in documentation order. */
  public static final Map<String, Map<String, Param>> PARAMS;

  static {
    Map<String, Param> mediated = new LinkedHashMap<>();
    mediated.put("noise", new Param(Range.UNIT,
        "sd of each party's uncertainty about a text's worth, taken as a discount noise·|e| (default 0)"));
    mediated.put("breakdown_after", new Param(Range.integers(0, Integer.MAX_VALUE),
        "consecutive rounds below reservation before a party walks out (0: never)"));
    mediated.put("walkout_hazard", new Param(Range.UNIT,
        "monthly probability that a party the text leaves below its reservation walks out (default 0)"));
    mediated.put("revision", new Param(Range.closed(0, 100),
        "weight added to a party in the mediators' draft each time it refuses, its starting weight being 1 (default 1)"));
    Map<String, Param> eum = new LinkedHashMap<>();
    eum.put("normalisation", new Param(Range.integers(0, 2),
        "probability of prevailing: 0 all-pairs denominator (Scholz; default), 1 per-pair net votes (dmasad), 2 per-pair shares"));
    eum.put("perspective", new Param(Range.integers(0, 1), "whose expected utilities decide: 0 the receiver's (default), 1 the challenger's"));
    eum.put("offer_rule", new Param(Range.integers(0, 2),
        "which offer an actor takes: 0 Scholz (default), 1 the smallest move, 2 the sender with the highest expected utility"));
    eum.put("capitulation", new Param(Range.integers(0, 1), "1: BDM's capitulation case is on (default 0, as in Scholz)"));
    eum.put("q", new Param(Range.UNIT, "probability that the status quo persists without a challenge (default 1)"));
    eum.put("t", new Param(Range.UNIT, "probability that things improve without a challenge (default 1; irrelevant when q = 1)"));
    eum.put("min_change", new Param(Range.UNIT, "stop when no position moves more than this share of the range (default 1e-6)"));
    Map<String, Param> smp = new LinkedHashMap<>();
    smp.put("victory_prob_model", new Param(Range.integers(0, 4), "KTAB VictoryProbModel: 0 Linear (default), 1 Square, 2 Quartic, 3 Octic, 4 Binary"));
    smp.put("voting_rule", new Param(Range.integers(0, 5), "KTAB VotingRule: 0 Binary, 1 PropBin, 2 Prop (default), 3 PropCbc, 4 Cubic, 5 ASymProsp"));
    smp.put("pce_model", new Param(Range.integers(0, 2), "KTAB PCEModel: 0 Conditional (default), 1 MarkovIncentive, 2 MarkovUniform"));
    smp.put("state_transition", new Param(Range.integers(0, 1), "KTAB StateTransMode: 0 Deterministic (default), 1 Stochastic"));
    smp.put("big_r_range", new Param(Range.integers(0, 2), "KTAB BigRRange: 0 Min, 1 Mid (default), 2 Max"));
    smp.put("big_r_adjust", new Param(Range.integers(0, 4), "KTAB BigRAdjust: 0 None, 1 OneThird (default), 2 Half, 3 TwoThirds, 4 Full"));
    smp.put("third_party_commit", new Param(Range.integers(0, 2), "KTAB ThirdPartyCommit: 0 No, 1 Semi (default), 2 Full"));
    smp.put("bargain_interpolation", new Param(Range.integers(0, 2), "KTAB InterVecBrgn: 0 S1P1, 1 S2P2 (default), 2 S2PMax"));
    smp.put("bargain_model", new Param(Range.integers(0, 2), "KTAB BargnModel: 0 InitOnly (default), 1 InitRcvrInterp, 2 PWCompInterp"));
    smp.put("min_turns", new Param(Range.integers(1, 1200), "fewest turns before the stopping rule may end a run (default 2)"));
    smp.put("max_turns", new Param(Range.integers(1, 1200), "most turns the stopping rule allows (default 100)"));
    smp.put("stop_fraction", new Param(Range.UNIT, "stop when a turn's change is below this fraction of the first turn's (default 0.02)"));
    Map<String, Map<String, Param>> all = new LinkedHashMap<>();
    all.put("mediated", Collections.unmodifiableMap(mediated));
    all.put("eum", Collections.unmodifiableMap(eum));
    all.put("smp", Collections.unmodifiableMap(smp));
    PARAMS = Collections.unmodifiableMap(all);
  }

  /** Agreement rules the scenario may name. */
  public static final java.util.List<String> AGREEMENT_RULES = java.util.List.of("unanimity");
}
