package org.negotiate.protocol.smp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.Streams;
import org.negotiate.protocol.PositionAgreement;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.RoundClose;
import org.negotiate.protocol.smp.SmpOptions.BargainModel;
import org.negotiate.protocol.smp.SmpOptions.BigRAdjust;
import org.negotiate.protocol.smp.SmpOptions.BigRRange;
import org.negotiate.protocol.smp.SmpOptions.InterVecBargain;
import org.negotiate.protocol.smp.SmpOptions.PceModel;
import org.negotiate.protocol.smp.SmpOptions.StateTransition;
import org.negotiate.protocol.smp.SmpOptions.ThirdPartyCommit;
import org.negotiate.protocol.smp.SmpOptions.VictoryProb;
import org.negotiate.protocol.smp.SmpOptions.VotingRule;
import org.negotiate.scenario.Role;

/**
 * KTAB's Spatial Model of Politics as a protocol (models.md §2): each round's {@code propose} runs
 * one SMP turn over all issues at once; respond and concede do nothing; {@code close} ends the run
 * with a deal when every party stands within the agreement tolerance of every other, else when
 * KTAB's stopping rule fires (STOPPED) or at the round limit.
 *
 * <p>Rounds and KTAB's states: KTAB's state 0 is the inputs. Round r's propose makes turn r+1, so
 * the positions recorded for round r are KTAB's state r+1 (round 0 = state 1, after the first
 * turn). KTAB's stopping rule is checked on turn t = r+1: stop when t ≥ {@code max_turns}, or
 * t ≥ {@code min_turns} and the turn's fractional change is below {@code stop_fraction}. With
 * {@code exactRounds} the rule is off and exactly {@code rounds} turns run.
 *
 * <p>Every actor, whatever its role, is an SMP actor: it votes, challenges and moves. Saliences are
 * used as given per issue (tables with {@code salience: independent}); an actor's total salience is
 * its resolve in a challenge (KTAB requires it ≤ 1; above 1 it is capped at 1 there). Events that
 * change an input position move the actor there; capability and salience changes apply from the
 * next turn.
 *
 * <p>Parameters (doubles; the option codes are KTAB's enum ordinals, defaults KTAB's):
 * {@code victory_prob_model} 0–4 (0 Linear), {@code voting_rule} 0–5 (2 Proportional),
 * {@code pce_model} 0–2 (0 Conditional), {@code state_transition} 0–1 (0 Deterministic),
 * {@code big_r_range} 0–2 (1 Mid), {@code big_r_adjust} 0–4 (1 OneThird),
 * {@code third_party_commit} 0–2 (1 SemiCommit), {@code bargain_interpolation} 0–2 (1 S2P2),
 * {@code bargain_model} 0–2 (0 InitOnlyInterp), {@code min_turns} (2), {@code max_turns} (100),
 * {@code stop_fraction} (0.02).
 *
 * <p>Diagnostics after each round: {@code risk_attitude} and {@code pce_probability} per actor,
 * inferred from the state the turn started from (round 0: KTAB's "iteration 1" values);
 * {@code fractional_change}, one value; {@code position_probability} per actor, KTAB's "winning
 * probability" of each actor's position in the state the turn produced.
 */
public final class SpatialModelProtocol implements Protocol {
  public static final String NAME = "smp";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Session open(NegotiationSetup setup, Inputs inputs, PerceptionNoise noise) {
    return new Run(setup, inputs);
  }

  /** The SMP options a setup's parameters ask for. */
  public static SmpOptions options(NegotiationSetup setup) {
    SmpOptions d = SmpOptions.KTAB_DEFAULTS;
    int minTurns = (int) Math.round(setup.param("min_turns", d.minTurns()));
    int maxTurns = (int) Math.round(setup.param("max_turns", d.maxTurns()));
    return new SmpOptions(
        code(setup, VictoryProb.class, "victory_prob_model", d.victoryProb()),
        code(setup, VotingRule.class, "voting_rule", d.votingRule()),
        code(setup, PceModel.class, "pce_model", d.pce()),
        code(setup, StateTransition.class, "state_transition", d.transition()),
        code(setup, BigRRange.class, "big_r_range", d.bigRRange()),
        code(setup, BigRAdjust.class, "big_r_adjust", d.bigRAdjust()),
        code(setup, ThirdPartyCommit.class, "third_party_commit", d.thirdParty()),
        code(setup, InterVecBargain.class, "bargain_interpolation", d.interpolation()),
        code(setup, BargainModel.class, "bargain_model", d.bargainModel()),
        Math.max(1, minTurns), Math.max(Math.max(1, minTurns), maxTurns),
        setup.param("stop_fraction", d.stopFraction()), d.minSigDelta(),
        Streams.streamSeed(setup.seed(), "smp.transition"));
  }

  /** A parameter given as a KTAB option code; a drawn value is rounded to the nearest code. */
  private static <E extends Enum<E>> E code(NegotiationSetup setup, Class<E> type, String name, E fallback) {
    double v = setup.param(name, fallback.ordinal());
    return SmpOptions.code(type, name, Double.isNaN(v) ? v : Math.rint(v));
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
      for (int i = 0; i < n; i++) cap[i] = capability(in.capability[i]);
      double[][] sal = new double[n][];
      for (int i = 0; i < n; i++) {
        sal[i] = new double[in.issues];
        for (int k = 0; k < in.issues; k++) sal[i][k] = salience(in.salience[i][k]);
      }
      double[][] x = new double[n][];
      for (int i = 0; i < n; i++) {
        x[i] = new double[in.issues];
        for (int k = 0; k < in.issues; k++) x[i][k] = position(in.position[i][k]);
      }
      this.model = new SpatialModel(setup.actorNames(), cap, x, sal, options(setup));
      this.seenPositions = x;
      this.positions = model.positions();
    }

    private static double capability(double c) {
      // a vanishing capability is floored (never promoted): the weakest actor must not become all-powerful
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
        model.setCapability(i, capability(in.capability[i]));
        for (int k = 0; k < in.issues; k++) {
          model.setSalience(i, k, salience(in.salience[i][k]));
          double x = position(in.position[i][k]);
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
        return String.format(Locale.ROOT, "SMP turn %d: keeps its position (risk attitude %+.3f)",
            turn.number(), turn.riskAttitudes()[i]);
      }
      SpatialModel.Bargain bargain = turn.bargains().get(b);
      StringBuilder at = new StringBuilder();
      for (int k = 0; k < positions[i].length; k++) {
        at.append(k > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", positions[i][k]));
      }
      return String.format(Locale.ROOT, "SMP turn %d: moves to (%s) in a bargain of %s with %s (risk attitude %+.3f)",
          turn.number(), at, model.name(bargain.initiator()), model.name(bargain.receiver()), turn.riskAttitudes()[i]);
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
      return PositionAgreement.close(in, positions, parties, setup.tolerance(), round, setup.rounds(), stopped);
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
    public String verdict(int party) {
      return verdictTurn == null ? "" : verdictOf(party);
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
