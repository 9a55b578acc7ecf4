package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioDiffTest {
  static final Path BASELINE = Path.of("scenarios/baseline.yaml");
  static final Path WHATIF = Path.of("scenarios/whatif");

  @Test
  void aScenarioDoesNotDifferFromItself() throws Exception {
    Scenario b = ScenarioLoader.load(BASELINE);
    assertEquals(List.of(), ScenarioDiff.of(b, b));
  }

  @Test
  void removedEventIsTheOnlyDifference() throws Exception {
    List<ScenarioDiff.Row> d =
        ScenarioDiff.of(
            ScenarioLoader.load(BASELINE),
            ScenarioLoader.load(WHATIF.resolve("no_earthquake.yaml")));
    assertEquals(1, d.size(), d.toString());
    assertEquals("events.earthquake", d.get(0).path());
    assertEquals(ScenarioDiff.ABSENT, d.get(0).b());
    assertTrue(d.get(0).a().startsWith("at 2023-02: turkey.cost_of_delay scale"), d.get(0).a());
  }

  @Test
  void changedStancesActorsAndTiesAreListed() throws Exception {
    Scenario base = ScenarioLoader.load(BASELINE);
    List<String> precondition =
        ScenarioDiff.of(
                base, ScenarioLoader.load(WHATIF.resolve("not_precondition_from_start.yaml")))
            .stream()
            .map(ScenarioDiff.Row::path)
            .toList();
    assertEquals(
        List.of("syria.withdrawal.red_line.min", "events.withdrawal_not_precondition"),
        precondition);
    List<ScenarioDiff.Row> us =
        ScenarioDiff.of(base, ScenarioLoader.load(WHATIF.resolve("us_spoiler.yaml")));
    assertEquals(
        List.of("turkey.ties.united_states", "actors.united_states"),
        us.stream().map(ScenarioDiff.Row::path).toList());
    assertEquals(ScenarioDiff.ABSENT, us.get(0).a());
    assertEquals("uniform(0.05, 0.15)", us.get(0).b());
    List<String> russia =
        ScenarioDiff.of(base, ScenarioLoader.load(WHATIF.resolve("russia_distracted.yaml")))
            .stream()
            .map(ScenarioDiff.Row::path)
            .toList();
    assertEquals(List.of("russia.capability", "russia.lean", "russia.pressure.syria"), russia);
    List<ScenarioDiff.Row> noise =
        ScenarioDiff.of(base, ScenarioLoader.load(BASELINE, List.of("protocol.noise=0")));
    assertEquals(List.of(new ScenarioDiff.Row("protocol.noise", "0.03", "0")), noise);
  }
}
