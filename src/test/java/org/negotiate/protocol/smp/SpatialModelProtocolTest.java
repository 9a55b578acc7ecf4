package org.negotiate.protocol.smp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiate.TestScenarios;
import org.negotiate.model.InputChange;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.RoundClose.Ending;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.AgreementRule;
import org.negotiate.scenario.Calendar;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.ExperimentDefaults;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.ProtocolSpec;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.SalienceMode;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;
import org.negotiate.scenario.tables.ActorTable;
import org.negotiate.sim.NegotiationModel;
import org.negotiate.sim.RunOutcome;

/** The protocol through the real MASON engine, against the pure model. */
class SpatialModelProtocolTest {

  /** Case C as a scenario: every actor a party, saliences independent, protocol "smp". */
  static Scenario caseC(Map<String, Double> params) {
    ActorTable t = CaseC.table();
    List<Issue> issues = new ArrayList<>();
    for (String d : t.dimensions()) issues.add(TestScenarios.issue(d));
    List<Actor> actors = new ArrayList<>();
    for (ActorTable.Row r : t.rows()) {
      Map<String, Stance> stances = new LinkedHashMap<>();
      for (int k = 0; k < issues.size(); k++) {
        stances.put(issues.get(k).id(), TestScenarios.stance(r.positions()[k], r.saliences()[k]));
      }
      actors.add(TestScenarios.actor(r.name(), Role.PARTY, r.capability(), 0, 1, stances));
    }
    Map<String, Quantity> q = new LinkedHashMap<>();
    params.forEach((k, v) -> q.put(k, Quantity.of(v)));
    return new Scenario(
        "caseC",
        "",
        new Calendar(YearMonth.of(2022, 12)),
        issues,
        actors,
        new ProtocolSpec(SpatialModelProtocol.NAME, q),
        new AgreementRule("unanimity", 5),
        List.of(),
        new ExperimentDefaults(1, 30, 1),
        SalienceMode.INDEPENDENT);
  }

  private static void assertSameTrajectory(SpatialModel pure, RunOutcome out) {
    for (int r = 0; r <= out.round(); r++) {
      double[][] x = pure.positionsAt(r + 1);
      for (int a = 0; a < x.length; a++) {
        for (int k = 0; k < x[a].length; k++) {
          assertEquals(
              (float) x[a][k],
              out.trajectory()[r][a][k],
              0.0f,
              "round " + r + ", actor " + a + ", issue " + k);
        }
      }
    }
  }

  @Test
  void engineRunStopsByTheTwoPercentRuleAfterTenTurns() {
    NegotiationSetup setup = SetupSampler.nominal(caseC(Map.of()), 30, false);
    List<Map<String, double[]>> diagnostics = new ArrayList<>();
    NegotiationModel sim =
        new NegotiationModel(
            setup,
            new SpatialModelProtocol(),
            true,
            (round, fired, session, close) -> {
              diagnostics.add(session.diagnostics());
              assertNull(session.text());
            });
    RunOutcome out = sim.runToEnd();

    assertEquals(Ending.STOPPED, out.ending());
    assertEquals(
        9, out.round(), "round r holds KTAB's state r+1: the rule fires on turn 10, round 9");
    assertEquals(2, out.blocker(), "SActor-02 never moves: it stands furthest from the rest");

    SpatialModel pure = SpatialModel.of(CaseC.table(), SmpOptions.KTAB_DEFAULTS);
    pure.run();
    assertEquals(10, pure.turns());
    assertSameTrajectory(pure, out);

    assertEquals(10, diagnostics.size());
    assertArrayEquals(CaseC.R1, CaseC.printf(diagnostics.get(0).get("risk_attitude"), 3), 1e-12);
    assertArrayEquals(
        CaseC.PCE1, CaseC.printf(diagnostics.get(0).get("pce_probability"), 4), 1e-12);
    for (int r = 0; r < 10; r++) {
      assertEquals(
          CaseC.TRACE[r], CaseC.printf(diagnostics.get(r).get("fractional_change")[0], 4), 1e-12);
      double[] w = CaseC.printf(diagnostics.get(r).get("position_probability"), 4);
      for (int a = 0; a < 7; a++) assertEquals(CaseC.WINNING[a][r + 1], w[a], 1e-12);
    }
  }

  @Test
  void exactRoundsTurnTheRuleOff() {
    NegotiationSetup setup = SetupSampler.nominal(caseC(Map.of()), 15, true);
    RunOutcome out = new NegotiationModel(setup, new SpatialModelProtocol(), true, null).runToEnd();
    assertEquals(Ending.ROUND_LIMIT, out.ending());
    assertEquals(14, out.round());
    SpatialModel pure = SpatialModel.of(CaseC.table(), SmpOptions.KTAB_DEFAULTS);
    for (int t = 0; t < 15; t++) pure.step();
    assertSameTrajectory(pure, out);
  }

  @Test
  void roundLimitBeforeTheRuleFires() {
    NegotiationSetup setup = SetupSampler.nominal(caseC(Map.of()), 5, false);
    RunOutcome out = new NegotiationModel(setup, new SpatialModelProtocol(), true, null).runToEnd();
    assertEquals(Ending.ROUND_LIMIT, out.ending());
    assertEquals(4, out.round());
  }

  @Test
  void stoppingParametersAreHonoured() {
    NegotiationSetup setup = SetupSampler.nominal(caseC(Map.of("max_turns", 3.0)), 30, false);
    RunOutcome out = new NegotiationModel(setup, new SpatialModelProtocol(), true, null).runToEnd();
    assertEquals(Ending.STOPPED, out.ending());
    assertEquals(2, out.round());

    // A stop fraction of 0.1 stops on turn 4 (0.0801).
    setup = SetupSampler.nominal(caseC(Map.of("stop_fraction", 0.1)), 30, false);
    out = new NegotiationModel(setup, new SpatialModelProtocol(), true, null).runToEnd();
    assertEquals(3, out.round());
  }

  @Test
  void parametersMapToKtabOptionCodes() {
    Map<String, Double> p = new LinkedHashMap<>();
    p.put("victory_prob_model", 1.0);
    p.put("voting_rule", 3.0);
    p.put("pce_model", 2.0);
    p.put("state_transition", 1.0);
    p.put("big_r_range", 2.0);
    p.put("big_r_adjust", 4.0);
    p.put("third_party_commit", 0.0);
    p.put("bargain_interpolation", 2.0);
    p.put("bargain_model", 1.0);
    SmpOptions o = SpatialModelProtocol.options(SetupSampler.nominal(caseC(p), 30, false));
    assertEquals(SmpOptions.VictoryProb.SQUARE, o.victoryProb());
    assertEquals(SmpOptions.VotingRule.PROP_CUBIC, o.votingRule());
    assertEquals(SmpOptions.PceModel.MARKOV_UNIFORM, o.pce());
    assertEquals(SmpOptions.StateTransition.STOCHASTIC, o.transition());
    assertEquals(SmpOptions.BigRRange.MAX, o.bigRRange());
    assertEquals(SmpOptions.BigRAdjust.FULL, o.bigRAdjust());
    assertEquals(SmpOptions.ThirdPartyCommit.NO_COMMIT, o.thirdParty());
    assertEquals(SmpOptions.InterVecBargain.S2P_MAX, o.interpolation());
    assertEquals(SmpOptions.BargainModel.INIT_RCVR_INTERP, o.bargainModel());
    assertEquals(
        SmpOptions.KTAB_DEFAULTS
            .withTransition(SmpOptions.StateTransition.DETERMINISTIC, 0)
            .withVictoryProb(SmpOptions.VictoryProb.LINEAR),
        SpatialModelProtocol.options(SetupSampler.nominal(caseC(Map.of()), 30, false))
            .withTransition(SmpOptions.StateTransition.DETERMINISTIC, 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SpatialModelProtocol.options(
                SetupSampler.nominal(caseC(Map.of("voting_rule", 6.0)), 30, false)));
  }

  @Test
  void everyOptionRunsAndKeepsPositionsInRange() {
    String[] names = {
      "victory_prob_model",
      "voting_rule",
      "pce_model",
      "state_transition",
      "big_r_range",
      "big_r_adjust",
      "third_party_commit",
      "bargain_interpolation",
      "bargain_model"
    };
    int[] sizes = {5, 6, 3, 2, 3, 5, 3, 3, 3};
    for (int o = 0; o < names.length; o++) {
      for (int v = 0; v < sizes[o]; v++) {
        NegotiationSetup setup =
            SetupSampler.nominal(caseC(Map.of(names[o], (double) v)), 20, false);
        RunOutcome out =
            new NegotiationModel(setup, new SpatialModelProtocol(), true, null).runToEnd();
        for (int r = 0; r <= out.round(); r++) {
          for (float[] a : out.trajectory()[r]) {
            for (float x : a)
              assertTrue(Float.isNaN(x) || (x >= 0 && x <= 100), names[o] + "=" + v + ": " + x);
          }
        }
      }
    }
  }

  @Test
  void anEventMovesAnActorAndTheRunFollowsFromThere() {
    NegotiationSetup base = SetupSampler.nominal(caseC(Map.of()), 8, true);
    ScheduledEvent moved =
        new ScheduledEvent(
            "shift",
            "SActor-02 moves",
            3,
            List.of(
                new InputChange(InputChange.Field.POSITION, 2, 0, -1, Change.Op.SET, 20.0),
                new InputChange(InputChange.Field.CAPABILITY, 5, -1, -1, Change.Op.SCALE, 2.0)));
    NegotiationSetup setup =
        new NegotiationSetup(
            base.actorIds(),
            base.actorNames(),
            base.roles(),
            base.issueIds(),
            base.initial(),
            List.of(moved),
            base.rounds(),
            base.exactRounds(),
            base.protocol(),
            base.params(),
            base.tolerance(),
            base.seed());
    RunOutcome out = new NegotiationModel(setup, new SpatialModelProtocol(), true, null).runToEnd();

    SpatialModel pure = SpatialModel.of(CaseC.table(), SmpOptions.KTAB_DEFAULTS);
    for (int t = 0; t < 3; t++) pure.step();
    pure.setPosition(2, 0, 20.0);
    pure.setCapability(5, 2 * CaseC.table().rows().get(5).capability());
    for (int t = 3; t < 8; t++) pure.step();
    assertSameTrajectory(pure, out);
    assertEquals(
        20.0f,
        out.trajectory()[3][2][0],
        1e-4f,
        "SActor-02 never moves, so it stays where the event put it");
  }
}
