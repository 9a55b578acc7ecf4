package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one table of input fields: every consumer reads the same rows. */
class FieldsTest {
  static final Path BASELINE = Path.of("scenarios/baseline.yaml");

  @Test
  void everyRowOfEveryActorIsAPathThatResolvesReadsAndWritesBackThroughSet() throws Exception {
    Scenario s = ScenarioLoader.load(BASELINE);
    List<String> issues = s.issues().stream().map(Issue::id).toList();
    int checked = 0;
    for (Actor a : s.actors()) {
      for (InputPath p : Fields.paths(a, issues)) {
        InputPath resolved = InputPaths.resolve(s, p.toString());
        assertEquals(p, resolved, "the table's path is the --set path");
        Fields.Field f = Fields.of(p);
        Quantity q = InputPaths.get(s, p);
        assertEquals(f.get(a, Fields.key(p)), q);
        if (q == null) continue;
        // A value inside the range, given by --set, is read back by the same row.
        boolean halve =
            f.level() != Fields.Level.STANCE
                || f == Fields.STANCE_FLEXIBILITY
                || f == Fields.STANCE_COST_OF_DELAY;
        double v = halve ? q.nominal() * 0.5 : q.nominal();
        Scenario set = ScenarioLoader.override(s, List.of(p + "=" + Quantity.fmt(v)));
        assertEquals(v, InputPaths.get(set, p).nominal(), 1e-9, p.toString());
        checked++;
      }
    }
    assertTrue(checked > 50, "the baseline has many inputs: " + checked);
  }

  @Test
  void theNamesAndOrderOthersPrintComeFromTheTable() {
    assertEquals(
        List.of("capability", "reservation", "flexibility", "cost_of_delay", "risk", "lean"),
        Fields.actorFields());
    assertEquals(
        List.of(
            "position", "salience", "flexibility", "cost_of_delay", "red_line.min", "red_line.max"),
        Fields.STANCE_FIELDS);
    assertEquals(List.of("ties", "pressure"), Fields.RELATION_FIELDS);
    assertEquals(
        Fields.actor().size() + Fields.STANCE.size() + Fields.RELATION.size(), Fields.all().size());
    assertEquals("syria.flexibility", Fields.FLEXIBILITY.path("syria", null));
    assertEquals("syria.withdrawal.red_line.min", Fields.RED_LINE_MIN.path("syria", "withdrawal"));
    assertEquals("russia.pressure.syria", Fields.PRESSURE.path("russia", "syria"));
  }

  @Test
  void everyClampLiesInsideItsRangeSoAClampedValueIsValid() {
    for (Fields.Field f : Fields.all()) {
      assertTrue(
          f.range().contains(f.clampLo()), f + " clamp low " + f.clampLo() + " in " + f.range());
      assertTrue(
          f.range().contains(f.clampHi()), f + " clamp high " + f.clampHi() + " in " + f.range());
      assertEquals(f.clampLo(), f.clamp(-1e12));
      assertEquals(f.clampHi(), f.clamp(1e12));
    }
    // One capability floor, the model's: only ratios matter, an actor keeps a weight above 0.
    assertEquals(1e-9, Fields.CAPABILITY.clamp(0));
    assertEquals(0.999, Fields.RESERVATION.clamp(1));
  }

  @Test
  void optionalFieldsAreRemovedAndRequiredOnesRefuseIt() throws Exception {
    Scenario s = ScenarioLoader.load(BASELINE);
    Scenario removed = ScenarioLoader.override(s, List.of("turkey.withdrawal.red_line.max=none"));
    assertNull(InputPaths.get(removed, new InputPath("turkey", "withdrawal", "red_line.max")));
    Actor turkey = s.actor("turkey").orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> Fields.CAPABILITY.with(turkey, null, null));
    List<String> removable = new ArrayList<>();
    for (Fields.Field f : Fields.all()) if (f.removable()) removable.add(f.toString());
    assertEquals(
        List.of(
            "flexibility",
            "cost_of_delay",
            "red_line.min",
            "red_line.max",
            "ties.ACTOR",
            "pressure.ACTOR"),
        removable);
  }

  @Test
  void theValidatorChecksEveryRowsRange() {
    assertTrue(
        ScenarioLoaderProblem.of(BASELINE, "turkey.lean=2").contains("turkey.lean"),
        "lean out of its range");
    assertTrue(
        ScenarioLoaderProblem.of(BASELINE, "turkey.withdrawal.cost_of_delay=1")
            .contains("cost_of_delay"));
  }

  /** The message of a --set the loader refuses. */
  static final class ScenarioLoaderProblem {
    static String of(Path file, String set) {
      ScenarioException e =
          assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(set)));
      return e.getMessage();
    }
  }
}
