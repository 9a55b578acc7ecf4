package org.negotiate.protocol.smp;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Capability;
import org.negotiate.protocol.PositionAgreement;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.ProtocolDescriptor;
import org.negotiate.protocol.RoundClose;
import org.negotiate.protocol.Verdict;
import org.negotiate.protocol.smp.SmpOptions.BargainModel;
import org.negotiate.protocol.smp.SmpOptions.BigRAdjust;
import org.negotiate.protocol.smp.SmpOptions.BigRRange;
import org.negotiate.protocol.smp.SmpOptions.InterVecBargain;
import org.negotiate.protocol.smp.SmpOptions.PceModel;
import org.negotiate.protocol.smp.SmpOptions.StateTransition;
import org.negotiate.protocol.smp.SmpOptions.ThirdPartyCommit;
import org.negotiate.protocol.smp.SmpOptions.VictoryProb;
import org.negotiate.protocol.smp.SmpOptions.VotingRule;
import org.negotiate.scenario.ProtocolParameters.Param;
import org.negotiate.scenario.Range;
import org.negotiate.scenario.Role;

/**
 * KTAB's Spatial Model of Politics as a protocol (docs/models.md §2): each round's {@code propose}
 * runs one SMP turn over all issues at once; respond and concede do nothing; {@code close} ends the
 * run with a deal when every party stands within the agreement tolerance of every other, else when
 * KTAB's stopping rule fires (STOPPED) or at the round limit.
 *
 * <p>Rounds and KTAB's states: KTAB's state 0 is the inputs. Round r's propose makes turn r+1, so
 * the positions recorded for round r are KTAB's state r+1 (round 0 = state 1, after the first
 * turn). KTAB's stopping rule is checked on turn t = r+1: stop when t ≥ {@code max_turns}, or t ≥
 * {@code min_turns} and the turn's fractional change is below {@code stop_fraction}. With {@code
 * exactRounds} the rule is off and exactly {@code rounds} turns run.
 *
 * <p>Every actor, whatever its role, is an SMP actor: it votes, challenges and moves. Saliences are
 * used as given per issue (tables with {@code salience: independent}); an actor's total salience is
 * its resolve in a challenge (KTAB requires it ≤ 1; above 1 it is capped at 1 there). Events that
 * change an input position move the actor there; capability and salience changes apply from the
 * next turn.
 *
 * <p>Parameters: see {@link #DESCRIPTOR} (the option codes are KTAB's enum ordinals, the defaults
 * KTAB's, {@link SmpOptions#KTAB_DEFAULTS}).
 *
 * <p>Diagnostics after each round: {@code risk_attitude} and {@code pce_probability} per actor,
 * inferred from the state the turn started from (round 0: KTAB's "iteration 1" values); {@code
 * fractional_change}, one value; {@code position_probability} per actor, KTAB's "winning
 * probability" of each actor's position in the state the turn produced.
 */
public final class SpatialModelProtocol implements Protocol {
  public static final String NAME = "smp";

  private static final SmpOptions KTAB = SmpOptions.KTAB_DEFAULTS;

  public static final ProtocolDescriptor DESCRIPTOR =
      new ProtocolDescriptor(
          NAME,
          "Spatial model of politics (KTAB)",
          List.of(
              code(
                  "victory_prob_model",
                  4,
                  KTAB.victoryProb(),
                  "KTAB VictoryProbModel: 0 Linear, 1 Square, 2 Quartic, 3 Octic, 4 Binary"),
              code(
                  "voting_rule",
                  5,
                  KTAB.votingRule(),
                  "KTAB VotingRule: 0 Binary, 1 PropBin, 2 Prop, 3 PropCbc, 4 Cubic, 5 ASymProsp"),
              code(
                  "pce_model",
                  2,
                  KTAB.pce(),
                  "KTAB PCEModel: 0 Conditional, 1 MarkovIncentive, 2 MarkovUniform"),
              code(
                  "state_transition",
                  1,
                  KTAB.transition(),
                  "KTAB StateTransMode: 0 Deterministic, 1 Stochastic"),
              code("big_r_range", 2, KTAB.bigRRange(), "KTAB BigRRange: 0 Min, 1 Mid, 2 Max"),
              code(
                  "big_r_adjust",
                  4,
                  KTAB.bigRAdjust(),
                  "KTAB BigRAdjust: 0 None, 1 OneThird, 2 Half, 3 TwoThirds, 4 Full"),
              code(
                  "third_party_commit",
                  2,
                  KTAB.thirdParty(),
                  "KTAB ThirdPartyCommit: 0 No, 1 Semi, 2 Full"),
              code(
                  "bargain_interpolation",
                  2,
                  KTAB.interpolation(),
                  "KTAB InterVecBrgn: 0 S1P1, 1 S2P2, 2 S2PMax"),
              code(
                  "bargain_model",
                  2,
                  KTAB.bargainModel(),
                  "KTAB BargnModel: 0 InitOnly, 1 InitRcvrInterp, 2 PWCompInterp"),
              new Param(
                  "min_turns",
                  Range.integers(1, 1200),
                  KTAB.minTurns(),
                  "fewest turns before the stopping rule may end a run"),
              new Param(
                  "max_turns",
                  Range.integers(1, 1200),
                  KTAB.maxTurns(),
                  "most turns the stopping rule allows"),
              new Param(
                  "stop_fraction",
                  Range.UNIT,
                  KTAB.stopFraction(),
                  "stop when a turn's change is below this fraction of the first turn's")),
          // As KTAB: bargain queues are by initiator row, so exact ties between bargains, and the
          // stochastic transition's draws, follow the row order (SpatialModel).
          EnumSet.of(Capability.COMPARED, Capability.ORDER_DEPENDENT),
          List.of(),
          false,
          Set.of("KTAB"));

  private static Param code(String name, int last, Enum<?> ktabDefault, String doc) {
    return new Param(name, Range.integers(0, last), ktabDefault.ordinal(), doc);
  }

  @Override
  public ProtocolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Session open(NegotiationSetup setup, Inputs inputs, PerceptionNoise noise) {
    return new Run(setup, inputs);
  }

  /** The SMP options a setup's parameters ask for. */
  public static SmpOptions options(NegotiationSetup setup) {
    ProtocolDescriptor.Values p = DESCRIPTOR.read(setup);
    int minTurns = p.integer("min_turns");
    int maxTurns = p.integer("max_turns");
    return new SmpOptions(
        code(p, VictoryProb.class, "victory_prob_model"),
        code(p, VotingRule.class, "voting_rule"),
        code(p, PceModel.class, "pce_model"),
        code(p, StateTransition.class, "state_transition"),
        code(p, BigRRange.class, "big_r_range"),
        code(p, BigRAdjust.class, "big_r_adjust"),
        code(p, ThirdPartyCommit.class, "third_party_commit"),
        code(p, InterVecBargain.class, "bargain_interpolation"),
        code(p, BargainModel.class, "bargain_model"),
        Math.max(1, minTurns),
        Math.max(Math.max(1, minTurns), maxTurns),
        p.get("stop_fraction"),
        KTAB.minSigDelta(),
        Streams.streamSeed(setup.seed(), "smp.transition"));
  }

  /** A parameter given as a KTAB option code (its spec's range admits only the codes). */
  private static <E extends Enum<E>> E code(
      ProtocolDescriptor.Values p, Class<E> type, String name) {
    return SmpOptions.code(type, name, p.get(name));
  }

  private static final class Run implements Session {
    private final NegotiationSetup setup;
    private final Inputs in;
    private final int[] parties;
    private final SpatialModel model;
    private final double[][] seenPositions;
    private double[][] positions;
    private SpatialModel.Turn turn;

    /** The turn and positions the verdicts describe (words built only when asked). */
    private SpatialModel.Turn verdictTurn;

    private double[][] verdictPositions;

    Run(NegotiationSetup setup, Inputs in) {
      this.setup = setup;
      this.in = in;
      this.parties = setup.indicesOf(Role.PARTY);
      int n = in.actors;
      double[] cap = new double[n];
      for (int i = 0; i < n; i++) cap[i] = capability(in.capability(i));
      double[][] sal = new double[n][];
      for (int i = 0; i < n; i++) {
        sal[i] = new double[in.issues];
        for (int k = 0; k < in.issues; k++) sal[i][k] = salience(in.salience(i, k));
      }
      double[][] x = new double[n][];
      for (int i = 0; i < n; i++) {
        x[i] = new double[in.issues];
        for (int k = 0; k < in.issues; k++) x[i][k] = position(in.position(i, k));
      }
      this.model = new SpatialModel(setup.actorNames(), cap, x, sal, options(setup));
      this.seenPositions = x;
      this.positions = model.positions();
    }

    private static double capability(double c) {
      // a vanishing capability is floored (never promoted): the weakest actor must not become
      // all-powerful
      if (!(c > 1e-12)) return 1e-12;
      return c < Double.POSITIVE_INFINITY ? c : Double.MAX_VALUE;
    }

    private static double salience(double s) {
      return s >= 0 ? Math.min(s, 1) : 0;
    }

    private static double position(double x) {
      return x >= 0 ? Math.min(x, 100) : 0;
    }

    @Override
    public void inputsChanged() {
      for (int i = 0; i < in.actors; i++) {
        model.setCapability(i, capability(in.capability(i)));
        for (int k = 0; k < in.issues; k++) {
          model.setSalience(i, k, salience(in.salience(i, k)));
          double x = position(in.position(i, k));
          if (x != seenPositions[i][k]) {
            model.setPosition(i, k, x);
            seenPositions[i][k] = x;
          }
        }
      }
      positions = model.positions();
    }

    @Override
    public void propose(int round) {
      turn = model.step();
      positions = model.positions();
      verdictTurn = turn;
      verdictPositions = new double[positions.length][];
      for (int i = 0; i < positions.length; i++) verdictPositions[i] = positions[i].clone();
    }

    private String verdictOf(int i) {
      SpatialModel.Turn turn = verdictTurn;
      double[][] positions = verdictPositions;
      int b = turn.chosen()[i];
      if (b < 0) {
        return String.format(
            Locale.ROOT,
            "SMP turn %d: keeps its position (risk attitude %+.3f)",
            turn.number(),
            turn.riskAttitudes()[i]);
      }
      SpatialModel.Bargain bargain = turn.bargains().get(b);
      StringBuilder at = new StringBuilder();
      for (int k = 0; k < positions[i].length; k++) {
        at.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", positions[i][k]));
      }
      return String.format(
          Locale.ROOT,
          "SMP turn %d: moves to (%s) in a bargain of %s with %s (risk attitude %+.3f)",
          turn.number(),
          at,
          model.name(bargain.initiator()),
          model.name(bargain.receiver()),
          turn.riskAttitudes()[i]);
    }

    @Override
    public void respond(int party, int round) {
      // The SMP has no accept step.
    }

    @Override
    public void concede(int actor, int round) {
      // Positions moved in propose.
    }

    @Override
    public RoundClose close(int round) {
      boolean stopped = !setup.exactRounds() && model.stopRuleMet();
      return PositionAgreement.close(
          in, positions, parties, setup.tolerance(), round, setup.rounds(), stopped);
    }

    @Override
    public double[][] positions() {
      return positions;
    }

    @Override
    public double[] text() {
      return null;
    }

    @Override
    public Verdict verdict(int party) {
      return verdictTurn == null ? Verdict.NONE : Verdict.moves(verdictOf(party));
    }

    @Override
    public Map<String, double[]> diagnostics() {
      if (turn == null) return Map.of();
      Map<String, double[]> d = new LinkedHashMap<>();
      d.put("risk_attitude", turn.riskAttitudes().clone());
      d.put("pce_probability", turn.pceProbabilities().clone());
      d.put("fractional_change", new double[] {turn.fractionalChange()});
      d.put("position_probability", model.positionProbabilities());
      return d;
    }
  }
}
