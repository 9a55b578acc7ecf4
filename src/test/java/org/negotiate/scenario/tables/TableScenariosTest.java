package org.negotiate.scenario.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.SalienceMode;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;

class TableScenariosTest {
  static ActorTable caseA() {
    String[] names = {
      "Netherlands",
      "Belgium",
      "Luxembourg",
      "Germany",
      "France",
      "Italy",
      "UK",
      "Ireland",
      "Denmark",
      "Greece"
    };
    double[] c = {0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08};
    double[] x = {4, 7, 4, 4, 10, 10, 10, 7, 4, 7};
    double[] s = {80, 40, 20, 80, 60, 60, 90, 10, 100, 70};
    List<ActorTable.Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      rows.add(
          new ActorTable.Row(
              i + 2, names[i], "", c[i], new double[] {x[i]}, new double[] {s[i] / 100}));
    }
    return new ActorTable(
        "EU emissions", "", List.of("Year standards take effect"), rows, "tables/case_a.csv");
  }

  @Test
  void caseAKeepsItsUnitsNamesAndIndependentSaliences() throws ScenarioException {
    Scenario s = TableScenarios.toScenario(caseA(), "mediated");
    assertEquals(SalienceMode.INDEPENDENT, s.saliences());
    assertEquals(1, s.issues().size());
    assertEquals("year_standards_take_effect", s.issues().get(0).id());
    assertEquals(10, s.actors().size());
    Actor be = s.actor("belgium").orElseThrow();
    assertEquals("Belgium", be.name());
    assertEquals(Role.PARTY, be.role());
    assertEquals(7, be.stances().get("year_standards_take_effect").position().nominal());
    assertEquals(0.4, be.stances().get("year_standards_take_effect").salience().nominal(), 1e-12);
    assertEquals(0.3, s.agreement().tolerance(), 1e-12, "5% of the table's range 4..10");
  }

  @Test
  void positionsOutsideTheScaleAreMappedOntoIt() throws ScenarioException {
    ActorTable t =
        new ActorTable(
            "years",
            "",
            List.of("year"),
            List.of(
                new ActorTable.Row(2, "A", "", 1, new double[] {1990}, new double[] {0.5}),
                new ActorTable.Row(3, "B", "", 1, new double[] {2010}, new double[] {0.5})),
            "y.csv");
    Scenario s = TableScenarios.toScenario(t, "mediated");
    assertEquals(0, s.actor("a").orElseThrow().stances().get("year").position().nominal());
    assertEquals(100, s.actor("b").orElseThrow().stances().get("year").position().nominal());
    assertTrue(s.issues().get(0).high().contains("2010"));
  }

  @Test
  void aTableThatBreaksAScenarioRuleIsABadInput() {
    ActorTable t =
        new ActorTable(
            "bad",
            "",
            List.of("x"),
            List.of(new ActorTable.Row(2, "A", "", 1, new double[] {10}, new double[] {1.5})),
            "bad.csv");
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> TableScenarios.toScenario(t, "mediated"));
    assertTrue(e.getMessage().contains("salience"), e.getMessage());
  }
}
