package org.negotiate.protocol.eum;

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
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.RoundClose.BlockReason;
import org.negotiate.protocol.RoundClose.Ending;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.AgreementRule;
import org.negotiate.scenario.Calendar;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.Event;
import org.negotiate.scenario.ExperimentDefaults;
import org.negotiate.scenario.InputPath;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.ProtocolSpec;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.SalienceMode;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Timing;
import org.negotiate.sim.NegotiationModel;
import org.negotiate.sim.RunOutcome;

/** The protocol on the real MASON engine. */
class ExpectedUtilityProtocolTest {
  private static final YearMonth START = YearMonth.of(1994, 1);

  /** One round as the engine recorded it. */
  private record Recorded(
      int round,
      double[][] positions,
      Map<String, double[]> diagnostics,
      Ending ending,
      List<String> verdicts) {}

  private static Actor actor(
      String id,
      String name,
      double c,
      Map<String, Double> positions,
      Map<String, Double> saliences) {
    Map<String, org.negotiate.scenario.Stance> stances = new LinkedHashMap<>();
    positions.forEach(
        (issue, x) -> stances.put(issue, TestScenarios.stance(x, saliences.get(issue))));
    return new Actor(
        id,
        name,
        Role.PARTY,
        Quantity.of(c),
        Quantity.of(0),
        Quantity.of(1),
        Quantity.of(0),
        Quantity.of(0),
        Quantity.of(0),
        stances,
        Map.of(),
        Map.of(),
        List.of(),
        "");
  }

  /** Case A; ids sort into the table's order, so canonical order is the table's. */
  static Scenario caseA(Map<String, Double> params, double tolerance, List<Event> events) {
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      actors.add(
          actor(
              String.format("a%02d", i),
              CaseA.NAMES[i],
              CaseA.CAPABILITY[i],
              Map.of("emissions", CaseA.POSITION[i]),
              Map.of("emissions", CaseA.SALIENCE[i])));
    }
    return scenario(List.of(TestScenarios.issue("emissions")), actors, params, tolerance, events);
  }

  static Scenario scenario(
      List<Issue> issues,
      List<Actor> actors,
      Map<String, Double> params,
      double tolerance,
      List<Event> events) {
    Map<String, Quantity> p = new LinkedHashMap<>();
    params.forEach((k, v) -> p.put(k, Quantity.of(v)));
    return new Scenario(
        "case-a",
        "",
        new Calendar(START),
        issues,
        actors,
        new ProtocolSpec(ExpectedUtilityProtocol.NAME, p),
        new AgreementRule("unanimity", tolerance),
        events,
        new ExperimentDefaults(1, 10, 1),
        SalienceMode.INDEPENDENT);
  }

  private static List<Recorded> run(NegotiationSetup setup, RunOutcome[] out) {
    List<Recorded> rec = new ArrayList<>();
    NegotiationModel model =
        new NegotiationModel(
            setup,
            new ExpectedUtilityProtocol(),
            true,
            (t, fired, session, close) -> {
              double[][] pos = session.positions();
              double[][] copy = new double[pos.length][];
              for (int i = 0; i < pos.length; i++) copy[i] = pos[i].clone();
              List<String> verdicts = new ArrayList<>();
              for (int i = 0; i < pos.length; i++) verdicts.add(session.verdict(i).words());
              assertNull(session.text());
              rec.add(
                  new Recorded(
                      t,
                      copy,
                      new LinkedHashMap<>(session.diagnostics()),
                      close.ending(),
                      verdicts));
            });
    out[0] = model.runToEnd();
    return rec;
  }

  @Test
  void caseAThroughTheEngineMatchesThePureModelRoundByRound() {
    NegotiationSetup setup = SetupSampler.nominal(caseA(Map.of(), 0.01, List.of()), 10, true);
    assertEquals(
        List.of(
            "Netherlands",
            "Belgium",
            "Luxembourg",
            "Germany",
            "France",
            "Italy",
            "UK",
            "Ireland",
            "Denmark",
            "Greece"),
        setup.actorNames());
    RunOutcome[] out = new RunOutcome[1];
    List<Recorded> rec = run(setup, out);
    assertEquals(10, rec.size());
    ExpectedUtilityModel pure = CaseA.model(EumOptions.scholz());
    for (int t = 0; t < 10; t++) {
      pure.step(); // engine round t = the state after EUM round t + 1
      Recorded r = rec.get(t);
      assertEquals(t, r.round());
      double[] x = pure.positions();
      for (int i = 0; i < 10; i++)
        assertEquals(x[i], r.positions()[i][0], 1e-9, "round " + t + " actor " + i);
      assertArrayEquals(
          pure.riskExponents(), r.diagnostics().get("risk_exponent.emissions"), 1e-12);
      assertEquals(pure.weightedMean(), r.diagnostics().get("weighted_mean.emissions")[0], 1e-12);
      assertEquals(CaseA.MEAN[t + 1], r.diagnostics().get("weighted_mean.emissions")[0], 0.5e-4);
      assertEquals(pure.weightedMedian(), r.diagnostics().get("weighted_median.emissions")[0], 0);
      for (int i = 0; i < 10; i++) assertEquals(pure.describeMove(i), r.verdicts().get(i));
      assertEquals(t < 9 ? Ending.CONTINUE : Ending.ROUND_LIMIT, r.ending());
    }
    assertArrayEquals(
        CaseA.ROUND1_R, rec.get(0).diagnostics().get("risk_exponent.emissions"), 0.5e-4);
    double[][] last = rec.get(9).positions();
    double w = 0;
    double s = 0;
    for (int i = 0; i < 10; i++) {
      w += CaseA.CAPABILITY[i] * CaseA.SALIENCE[i];
      s += CaseA.CAPABILITY[i] * CaseA.SALIENCE[i] * last[i][0];
    }
    assertEquals(7.2421, s / w, 0.5e-4, "round 10 of docs/models.md §5.1");
    assertEquals(Ending.ROUND_LIMIT, out[0].ending());
    assertEquals(9, out[0].round());
    assertEquals(BlockReason.DISTANCE, out[0].reason());
    assertNull(out[0].terms());
    // the float trajectory agrees too
    for (int t = 0; t < 10; t++) {
      for (int i = 0; i < 10; i++)
        assertEquals(rec.get(t).positions()[i][0], out[0].trajectory()[t][i][0], 1e-5);
    }
  }

  @Test
  void dmasadOptionsThroughTheEngine() {
    Map<String, Double> params =
        Map.of("normalisation", 1.0, "perspective", 1.0, "offer_rule", 2.0, "capitulation", 1.0);
    NegotiationSetup setup = SetupSampler.nominal(caseA(params, 0.01, List.of()), 1, true);
    EumOptions o = ExpectedUtilityProtocol.options(setup);
    assertEquals(EumOptions.dmasad(), o);
    RunOutcome[] out = new RunOutcome[1];
    List<Recorded> rec = run(setup, out);
    assertEquals(
        7.444520171019051, rec.get(0).diagnostics().get("weighted_mean.emissions")[0], 1e-12);
  }

  @Test
  void defaultParametersAreScholzs() {
    NegotiationSetup setup = SetupSampler.nominal(caseA(Map.of(), 0.01, List.of()), 1, true);
    assertEquals(EumOptions.scholz(), ExpectedUtilityProtocol.options(setup));
    NegotiationSetup tuned =
        SetupSampler.nominal(
            caseA(Map.of("q", 0.7, "t", 0.2, "min_change", 0.01), 0.01, List.of()), 1, true);
    EumOptions o = ExpectedUtilityProtocol.options(tuned);
    assertEquals(0.7, o.q());
    assertEquals(0.2, o.t());
    assertEquals(0.01, o.minChange());
    NegotiationSetup bad =
        SetupSampler.nominal(caseA(Map.of("normalisation", 3.0), 0.01, List.of()), 1, true);
    assertThrows(IllegalArgumentException.class, () -> ExpectedUtilityProtocol.options(bad));
    NegotiationSetup half =
        SetupSampler.nominal(caseA(Map.of("perspective", 0.5), 0.01, List.of()), 1, true);
    assertThrows(IllegalArgumentException.class, () -> ExpectedUtilityProtocol.options(half));
  }

  @Test
  void caseAWithoutExactRoundsStopsOnItsCycle() {
    NegotiationSetup setup = SetupSampler.nominal(caseA(Map.of(), 0.01, List.of()), 400, false);
    RunOutcome[] out = new RunOutcome[1];
    List<Recorded> rec = run(setup, out);
    ExpectedUtilityModel pure = CaseA.model(EumOptions.scholz());
    while (pure.stop() == null) pure.step();
    assertEquals(Ending.STOPPED, out[0].ending());
    // EUM round k is engine round k - 1
    int end = pure.round() - 1;
    int repeats = pure.repeatsRound() - 1;
    assertEquals(end, out[0].round());
    assertEquals(end + 1, rec.size());
    assertArrayEquals(new double[] {2, repeats}, rec.get(end).diagnostics().get("stop.emissions"));
    for (int i = 0; i < 10; i++)
      assertEquals(rec.get(repeats).positions()[i][0], rec.get(end).positions()[i][0], 1e-9);
    assertTrue(rec.get(end).verdicts().get(0).startsWith("Netherlands"));
  }

  @Test
  void aConvergingTableStopsEarlyWithoutExactRounds() {
    Scenario s =
        small(new double[] {40, 100, 50}, new double[] {5, 4, 5}, new double[] {1, 0.7, 0.5});
    RunOutcome[] out = new RunOutcome[1];
    List<Recorded> rec = run(SetupSampler.nominal(s, 50, false), out);
    assertEquals(Ending.STOPPED, out[0].ending());
    assertEquals(5, out[0].round(), "EUM round 6 moved nobody");
    assertArrayEquals(new double[] {1, Double.NaN}, rec.get(5).diagnostics().get("stop.emissions"));
    // with exact rounds the same table runs to the limit
    RunOutcome exact =
        org.negotiate.sim.Replication.run(
            SetupSampler.nominal(s, 50, true), new ExpectedUtilityProtocol(), false);
    assertEquals(Ending.ROUND_LIMIT, exact.ending());
    assertEquals(49, exact.round());
  }

  @Test
  void partiesThatMeetAgree() {
    // 30, 50, 40 all end on 30 after five EUM rounds
    Scenario s =
        small(new double[] {30, 50, 40}, new double[] {5, 4, 3}, new double[] {0.5, 0.1, 0.5});
    RunOutcome out =
        org.negotiate.sim.Replication.run(
            SetupSampler.nominal(s, 50, true), new ExpectedUtilityProtocol(), false);
    assertEquals(Ending.AGREED, out.ending());
    assertEquals(30, out.terms()[0], 1e-9);
    assertTrue(out.round() < 5);
  }

  @Test
  void anEventMovesAPositionAndTheModelCarriesOnFromThere() {
    // Belgium's input position is set to 4 in month 3 (engine round 3)
    Event e =
        new Event(
            "shift",
            "Belgium gives in",
            new Timing.At(START.plusMonths(3)),
            List.of(
                new Change(
                    new InputPath("a01", "emissions", "position"), Change.Op.SET, Quantity.of(4))),
            List.of(),
            "");
    NegotiationSetup setup = SetupSampler.nominal(caseA(Map.of(), 0.01, List.of(e)), 6, true);
    RunOutcome[] out = new RunOutcome[1];
    List<Recorded> rec = run(setup, out);
    for (int t = 0; t < 3; t++)
      assertEquals(CaseA.POSITIONS[t + 1][1], rec.get(t).positions()[1][0], 0.5e-4);
    double[] before = new double[10];
    for (int i = 0; i < 10; i++) before[i] = rec.get(2).positions()[i][0];
    before[1] = 4;
    ExpectedUtilityModel pure =
        new ExpectedUtilityModel(
            CaseA.NAMES, before, CaseA.CAPABILITY, CaseA.SALIENCE, EumOptions.scholz(), 6);
    for (int t = 3; t < 6; t++) {
      pure.step();
      for (int i = 0; i < 10; i++)
        assertEquals(pure.positions()[i], rec.get(t).positions()[i][0], 1e-9, "round " + t);
    }
  }

  @Test
  void issuesRunIndependently() {
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double flipped = 14 - CaseA.POSITION[i];
      actors.add(
          actor(
              String.format("a%02d", i),
              CaseA.NAMES[i],
              CaseA.CAPABILITY[i],
              Map.of("emissions", CaseA.POSITION[i], "mirror", flipped),
              Map.of("emissions", CaseA.SALIENCE[i], "mirror", CaseA.SALIENCE[i])));
    }
    Scenario s =
        scenario(
            List.of(TestScenarios.issue("emissions"), TestScenarios.issue("mirror")),
            actors,
            Map.of(),
            0.01,
            List.of());
    RunOutcome[] out = new RunOutcome[1];
    List<Recorded> rec = run(SetupSampler.nominal(s, 10, true), out);
    ExpectedUtilityModel pure = CaseA.model(EumOptions.scholz());
    for (int t = 0; t < 10; t++) {
      pure.step();
      for (int i = 0; i < 10; i++)
        assertEquals(pure.positions()[i], rec.get(t).positions()[i][0], 1e-9);
      assertEquals(
          2,
          rec.get(t).diagnostics().keySet().stream()
              .filter(k -> k.startsWith("risk_exponent."))
              .count());
      assertTrue(rec.get(t).verdicts().get(1).startsWith("emissions: Belgium"));
      assertTrue(rec.get(t).verdicts().get(1).contains("; mirror: Belgium"));
    }
  }

  private static Scenario small(double[] x, double[] c, double[] sal) {
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      actors.add(
          actor("p" + i, "P" + i, c[i], Map.of("emissions", x[i]), Map.of("emissions", sal[i])));
    }
    return scenario(List.of(TestScenarios.issue("emissions")), actors, Map.of(), 0.5, List.of());
  }
}
