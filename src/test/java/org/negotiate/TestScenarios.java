package org.negotiate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.AgreementRule;
import org.negotiate.scenario.Calendar;
import org.negotiate.scenario.Event;
import org.negotiate.scenario.ExperimentDefaults;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.ProtocolSpec;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.SalienceMode;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;

/** Small scenarios built in code, for tests of the mathematics and the engine. */
public final class TestScenarios {
  private TestScenarios() {}

  public static Issue issue(String id) {
    return new Issue(id, id, "low", "high", null);
  }

  public static Stance stance(double position, double salience) {
    return new Stance(
        Quantity.of(position), Quantity.of(salience), RedLine.NONE, null, null, List.of(), "");
  }

  public static Stance stance(double position, double salience, Double min, Double max) {
    return new Stance(
        Quantity.of(position),
        Quantity.of(salience),
        new RedLine(min == null ? null : Quantity.of(min), max == null ? null : Quantity.of(max)),
        null,
        null,
        List.of(),
        "");
  }

  /** A month of talks costs a test party a tenth of the gap to its reservation (kappa 0.1). */
  public static final double COST_OF_DELAY = 0.1;

  public static Actor actor(
      String id,
      Role role,
      double capability,
      double reservation,
      double flexibility,
      Map<String, Stance> stances) {
    return actor(
        id,
        role,
        capability,
        reservation,
        flexibility,
        role == Role.PARTY ? COST_OF_DELAY : 0,
        stances);
  }

  public static Actor actor(
      String id,
      Role role,
      double capability,
      double reservation,
      double flexibility,
      double costOfDelay,
      Map<String, Stance> stances) {
    return new Actor(
        id,
        id,
        role,
        Quantity.of(capability),
        Quantity.of(reservation),
        Quantity.of(flexibility),
        Quantity.of(costOfDelay),
        Quantity.of(0),
        Quantity.of(0),
        stances,
        Map.of(),
        Map.of(),
        List.of(),
        "");
  }

  public static Actor withCapability(Actor a, Quantity capability) {
    return new Actor(
        a.id(),
        a.name(),
        a.role(),
        capability,
        a.reservation(),
        a.flexibility(),
        a.costOfDelay(),
        a.risk(),
        a.lean(),
        a.stances(),
        a.ties(),
        a.pressure(),
        a.evidence(),
        a.rationale());
  }

  public static Actor withFlexibility(Actor a, Quantity flexibility) {
    return new Actor(
        a.id(),
        a.name(),
        a.role(),
        a.capability(),
        a.reservation(),
        flexibility,
        a.costOfDelay(),
        a.risk(),
        a.lean(),
        a.stances(),
        a.ties(),
        a.pressure(),
        a.evidence(),
        a.rationale());
  }

  public static Scenario scenario(
      List<Issue> issues, List<Actor> actors, List<Event> events, int rounds, double noise) {
    Map<String, Quantity> params = new LinkedHashMap<>();
    params.put("noise", Quantity.of(noise));
    return new Scenario(
        "test",
        "",
        new Calendar(YearMonth.of(2022, 12)),
        issues,
        actors,
        new ProtocolSpec("mediated", params),
        new AgreementRule("unanimity", 5),
        events,
        new ExperimentDefaults(100, rounds, 1),
        SalienceMode.SHARES);
  }

  /** Two symmetric parties on one issue, ideals 0 and 100, equal everything. */
  public static Scenario symmetric(int rounds) {
    List<Actor> actors = new ArrayList<>();
    actors.add(actor("a", Role.PARTY, 1, 0, 1, Map.of("x", stance(0, 1))));
    actors.add(actor("b", Role.PARTY, 1, 0, 1, Map.of("x", stance(100, 1))));
    return scenario(List.of(issue("x")), actors, List.of(), rounds, 0);
  }
}
