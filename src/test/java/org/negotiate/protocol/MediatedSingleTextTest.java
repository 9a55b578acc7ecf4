package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.negotiate.TestScenarios.actor;
import static org.negotiate.TestScenarios.issue;
import static org.negotiate.TestScenarios.scenario;
import static org.negotiate.TestScenarios.stance;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.negotiate.TestScenarios;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.Event;
import org.negotiate.scenario.InputPath;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;
import org.negotiate.scenario.Timing;
import org.negotiate.sim.Replication;
import org.negotiate.sim.RunOutcome;

/** The checks that follow from the protocol's equations (docs/mediated.md). */
class MediatedSingleTextTest {
  private final Protocol protocol = new MediatedSingleText();

  @ParameterizedTest
  @ValueSource(ints = {4, 10, 24, 25, 99})
  void symmetricPartiesMeetInTheMiddleWhenAspirationFallsToItsWorth(int rounds) {
    Scenario s = TestScenarios.symmetric(rounds);
    List<Double> texts = new java.util.ArrayList<>();
    RunOutcome out =
        Replication.run(
            SetupSampler.nominal(s, rounds),
            protocol,
            (t, fired, session, close) -> texts.add(session.text()[0]));
    for (double z : texts) assertEquals(50, z, 1e-6, "the text is 50 at every round");
    // a(t) = r + (1 - r)(1 - kappa)^t with r = 0, kappa = 0.1: the first t with 0.9^t <= u(50) =
    // 0.5
    int expected = (int) Math.ceil(Math.log(0.5) / Math.log(1 - TestScenarios.COST_OF_DELAY));
    assertEquals(7, expected);
    if (rounds <= expected) {
      assertTrue(!out.agreed(), "no deal before aspiration falls to the text's worth");
      return;
    }
    assertTrue(out.agreed());
    assertEquals(expected, out.round());
    assertEquals(50, out.terms()[0], 1e-6);
  }

  /** The run reads its parameters by place (MediatedSingleText's NOISE ... REVISION). */
  @Test
  void parametersAreDeclaredInTheOrderTheRunReadsThem() {
    assertEquals(
        List.of("noise", "breakdown_after", "walkout_hazard", "revision"),
        MediatedSingleText.DESCRIPTOR.parameters().stream()
            .map(org.negotiate.scenario.ProtocolParameters.Param::name)
            .toList());
  }

  @Test
  void raisingCapabilityMovesTheDraftTowardThatParty() {
    for (double cap : new double[] {1.5, 2, 4, 10}) {
      double[] base = draftOf(threeIssueScenario(1));
      double[] stronger = draftOf(threeIssueScenario(cap));
      double[] ideal = {10, 80, 70};
      for (int k = 0; k < 3; k++) {
        assertTrue(
            Math.abs(stronger[k] - ideal[k])
                <= Math.abs(base[k] - ideal[k])
                    + 1e-3, // the solver is exact to about 1e-4 on the 0-100 scale at a kink
            "issue " + k + ": " + base[k] + " -> " + stronger[k] + " with capability " + cap);
      }
    }
  }

  @Test
  void disjointRedLinesGiveNoTextAndNoDeal() {
    Scenario s = redLineScenario(List.of());
    RunOutcome out = Replication.run(SetupSampler.nominal(s, 12), protocol, false);
    assertNull(out.terms());
    assertEquals(RoundClose.Ending.ROUND_LIMIT, out.ending());
    assertEquals(RoundClose.BlockReason.RED_LINE, out.reason());
  }

  @Test
  void anEventThatWidensARedLineOpensTheZoneOnlyFromItsMonth() {
    Event widen =
        new Event(
            "concession",
            "b drops its red line",
            new Timing.At(YearMonth.of(2023, 5)),
            List.of(new Change(new InputPath("b", "x", "red_line.min"), Change.Op.REMOVE, null)),
            List.of(),
            "");
    Scenario s = redLineScenario(List.of(widen));
    RunOutcome out = Replication.run(SetupSampler.nominal(s, 24), protocol, false);
    assertTrue(out.agreed(), "a deal once the zone opens");
    // No concession while no text was on the table: from round 5 the text is 40 (a's red line),
    // worth 0.5 to b, whose aspiration starts falling only then: 0.9^7 <= 0.5, so round 5 + 7.
    assertEquals(12, out.round(), "seven months of talks after the zone opens in round 5");
  }

  /**
   * An event that raises the parties' cost of delay changes their concession rate from its month on
   * (the run reads each party's rate once, and again after the inputs change): the symmetric
   * parties' aspirations 1, 0.9, 0.81, 0.729 fall at rate 0.5 from round 3 to 0.3645, below the
   * text's worth 0.5, so they agree in round 4 rather than 7.
   */
  @Test
  void anEventOnTheCostOfDelayChangesTheConcessionRateFromItsMonth() {
    Scenario base = TestScenarios.symmetric(24);
    List<Change> faster = new java.util.ArrayList<>();
    for (String party : List.of("a", "b"))
      faster.add(
          new Change(
              new InputPath(party, null, "cost_of_delay"), Change.Op.SET, new Quantity.Fixed(0.5)));
    Event impatience =
        new Event(
            "impatience",
            "both parties' cost of delay rises",
            new Timing.At(YearMonth.of(2023, 3)),
            faster,
            List.of(),
            "");
    Scenario s = scenario(List.of(issue("x")), base.actors(), List.of(impatience), 24, 0);
    RunOutcome out = Replication.run(SetupSampler.nominal(s, 24), protocol, false);
    assertTrue(out.agreed());
    assertEquals(4, out.round(), "the faster rate from round 3 on");
    RunOutcome without = Replication.run(SetupSampler.nominal(base, 24), protocol, false);
    assertEquals(7, without.round(), "rate 0.1 throughout");
  }

  @Test
  void aVetoPlayersRedLineBindsEveryTextAndTheDeal() {
    Actor a = actor("a", Role.PARTY, 1, 0, 1, Map.of("x", stance(0, 1)));
    Actor b = actor("b", Role.PARTY, 1, 0, 1, Map.of("x", stance(100, 1)));
    Actor v = actor("v", Role.VETO, 1, 0, 1, Map.of("x", stance(10, 1, null, 30.0)));
    Scenario s = scenario(List.of(issue("x")), List.of(a, b, v), List.of(), 36, 0);
    List<Double> texts = new java.util.ArrayList<>();
    RunOutcome out =
        Replication.run(
            SetupSampler.nominal(s, 36),
            protocol,
            (t, fired, session, close) -> texts.add(session.text()[0]));
    for (double z : texts)
      assertTrue(z <= 30 + 1e-6, "text " + z + " outside the veto player's red line");
    assertTrue(out.agreed(), "a deal inside the veto player's line");
    assertTrue(out.terms()[0] <= 30 + 1e-6);
    // without the veto the parties meet at 50
    RunOutcome free =
        Replication.run(
            SetupSampler.nominal(
                scenario(List.of(issue("x")), List.of(a, b), List.of(), 36, 0), 36),
            protocol,
            false);
    assertEquals(50, free.terms()[0], 1e-6);
  }

  @Test
  void aVetoPlayerWhoseLineLeavesNoZoneIsTheBlocker() {
    Actor a = actor("a", Role.PARTY, 1, 0, 1, Map.of("x", stance(10, 1, null, 40.0)));
    Actor b = actor("b", Role.PARTY, 1, 0, 1, Map.of("x", stance(90, 1)));
    Actor v = actor("v", Role.VETO, 1, 0, 1, Map.of("x", stance(80, 1, 60.0, null)));
    Scenario s = scenario(List.of(issue("x")), List.of(a, b, v), List.of(), 12, 0);
    NegotiationSetup setup = SetupSampler.nominal(s, 12);
    RunOutcome out = Replication.run(setup, protocol, false);
    assertNull(out.terms());
    assertEquals(RoundClose.BlockReason.RED_LINE, out.reason());
  }

  @Test
  void aPartyLeftBelowItsReservationWalksOutAtTheStatedHazard() {
    // b's reservation (0.9) is above anything a can let it have: every month the text leaves b
    // below it.
    Actor a = actor("a", Role.PARTY, 1, 0, 1, Map.of("x", stance(0, 1, null, 50.0)));
    Actor b = actor("b", Role.PARTY, 1, 0.9, 1, Map.of("x", stance(100, 1)));
    Map<String, Quantity> params = new LinkedHashMap<>();
    params.put("walkout_hazard", Quantity.of(1));
    Scenario base = scenario(List.of(issue("x")), List.of(a, b), List.of(), 24, 0);
    Scenario s =
        new Scenario(
            base.name(),
            base.description(),
            base.calendar(),
            base.issues(),
            base.actors(),
            new org.negotiate.scenario.ProtocolSpec("mediated", params),
            base.agreement(),
            base.events(),
            base.experiment(),
            base.saliences());
    NegotiationSetup setup = SetupSampler.nominal(s, 24);
    RunOutcome out = Replication.run(setup, protocol, false);
    assertEquals(RoundClose.Ending.BREAKDOWN, out.ending());
    assertEquals(RoundClose.BlockReason.WALKED_OUT, out.reason());
    assertEquals(setup.indexOf("b"), out.blocker());
    assertEquals(0, out.round(), "hazard 1: the first month below its reservation");
    RunOutcome never = Replication.run(SetupSampler.nominal(base, 24), protocol, false);
    assertEquals(RoundClose.Ending.ROUND_LIMIT, never.ending(), "hazard 0: nobody walks out");
  }

  private Scenario redLineScenario(List<Event> events) {
    Actor a = actor("a", Role.PARTY, 1, 0, 1, Map.of("x", stance(10, 1, null, 40.0)));
    Actor b = actor("b", Role.PARTY, 1, 0, 1, Map.of("x", stance(90, 1, 60.0, null)));
    return scenario(List.of(issue("x")), List.of(a, b), events, 12, 0);
  }

  private double[] draftOf(Scenario s) {
    NegotiationSetup setup = SetupSampler.nominal(s, 10);
    org.negotiate.model.Inputs in = setup.initial().copy();
    return NashDraft.draft(in, setup.indicesOf(Role.PARTY), setup.indicesOf(Role.MEDIATOR));
  }

  static Scenario threeIssueScenario(double capabilityOfA) {
    Map<String, Stance> sa = new LinkedHashMap<>();
    sa.put("w", stance(10, 0.3));
    sa.put("c", stance(80, 0.4));
    sa.put("r", stance(70, 0.3));
    Map<String, Stance> sb = new LinkedHashMap<>();
    sb.put("w", stance(90, 0.5));
    sb.put("c", stance(50, 0.25));
    sb.put("r", stance(40, 0.25));
    Actor a = actor("a", Role.PARTY, capabilityOfA, 0.3, 0.7, sa);
    Actor b = actor("b", Role.PARTY, 1, 0.25, 0.5, sb);
    return scenario(List.of(issue("w"), issue("c"), issue("r")), List.of(a, b), List.of(), 24, 0);
  }
}
