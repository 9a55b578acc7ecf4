package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The as-of cut on the real baseline: what it keeps, what it replaces, and that it is idempotent.
 */
class AsOfTest {
  static final Path BASELINE = Path.of("scenarios/baseline.yaml");

  @TempDir Path tmp;

  static AsOf.Cut cut(Scenario s, String month) throws ScenarioException {
    return AsOf.cut(s, YearMonth.parse(month), 24);
  }

  @Test
  void sourcesAreDatedFromTheArticles() throws Exception {
    CaseFile c = ScenarioLoader.load(BASELINE).caseFile();
    assertEquals(YearMonth.of(2023, 1), c.dateOf("003#anything"));
    assertEquals(YearMonth.of(2023, 5), c.dateOf("004#anything"));
    assertEquals(YearMonth.of(2024, 8), c.dateOf("001#anything"));
  }

  @Test
  void asOfTheStartNothingIsKnownSoEveryStanceIsUninformed() throws Exception {
    Scenario full = ScenarioLoader.load(BASELINE);
    AsOf.Cut c = cut(full, "2022-12");
    Scenario s = c.scenario();
    assertTrue(s.events().isEmpty(), "no event is known in December 2022");
    Quantity anywhere = new Quantity.Uniform(0, 100);
    for (Actor a : s.actors()) {
      assertTrue(a.evidence().isEmpty());
      for (var e : a.stances().entrySet()) {
        Stance st = e.getValue();
        RedLine stated = full.actor(a.id()).orElseThrow().stances().get(e.getKey()).redLine();
        assertEquals(anywhere, st.position());
        // a red line the actor holds keeps its side; where it lies is unknown
        assertEquals(
            stated.min() == null ? null : anywhere, st.redLine().min(), a.id() + "." + e.getKey());
        assertEquals(
            stated.max() == null ? null : anywhere, st.redLine().max(), a.id() + "." + e.getKey());
      }
    }
    assertEquals(15, c.uninformed().size());
    assertEquals(YearMonth.of(2022, 12), c.noDealThrough());
  }

  @Test
  void asOfAugust2024EverythingIsKnownAndValuesAreAsWritten() throws Exception {
    Scenario full = ScenarioLoader.load(BASELINE);
    AsOf.Cut c = cut(full, "2024-08");
    assertEquals(0, c.laterEvidence());
    assertTrue(c.uninformed().isEmpty() && c.fromPriors().isEmpty());
    assertEquals(full.actors(), c.scenario().actors());
    assertEquals(full.events().size(), c.scenario().events().size());
  }

  @Test
  void anEventIsKnownOnlyOnceASourceDatedByThenReportsIt() throws Exception {
    AsOf.Cut c = cut(ScenarioLoader.load(BASELINE), "2023-04");
    // the earthquake happened in February 2023, but the seeds report it only in May
    assertTrue(c.unknownEvents().contains("earthquake"), c.unknownEvents().toString());
    AsOf.Cut may = cut(ScenarioLoader.load(BASELINE), "2023-05");
    assertFalse(may.unknownEvents().contains("earthquake"));
    assertTrue(
        may.unknownEvents().contains("turkish_elections"), "June's elections are not known in May");
  }

  @Test
  void aStatedPriorIsUsedBeforeTheEvidenceAndTheCutIsIdempotent() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("case"));
    Path seeds = Files.createDirectories(dir.resolve("seeds"));
    try (Stream<Path> s = Files.list(Path.of("scenarios/seeds"))) {
      for (Path p : s.toList()) Files.copy(p, seeds.resolve(p.getFileName()));
    }
    String text = Files.readString(BASELINE);
    // a prior for Syria's withdrawal stance: before May 2023 the seeds say nothing of it
    text =
        text.replaceFirst(
            "(?s)(  - id: syria.*?    stances:\\n      withdrawal:\\n)",
            "$1        prior:\n"
                + "          position: uniform(50, 100)\n          red_line: none\n"
                + "          rationale: Damascus had long called the Turkish presence an occupation.\n");
    Path f = dir.resolve("baseline.yaml");
    Files.writeString(f, text);
    Scenario s = ScenarioLoader.load(f);
    AsOf.Cut c = cut(s, "2023-02");
    assertTrue(c.fromPriors().contains("syria.withdrawal"), c.fromPriors().toString());
    Stance st = c.scenario().actor("syria").orElseThrow().stances().get("withdrawal");
    assertEquals(new Quantity.Uniform(50, 100), st.position());
    assertTrue(st.redLine().isNone(), "the prior says red_line: none");
    // the resolved scenario, loaded and cut again at the same month, is the same scenario
    Path resolved = tmp.resolve("resolved.yaml");
    Files.writeString(resolved, ScenarioWriter.toYaml(c.scenario()));
    Scenario again = ScenarioLoader.load(resolved);
    assertEquals(c.scenario().actors(), again.actors());
    assertEquals(c.scenario(), cut(again, "2023-02").scenario());
  }

  @Test
  void aMonthOutsideTheCalendarIsRefused() throws Exception {
    Scenario s = ScenarioLoader.load(BASELINE);
    ScenarioException e = assertThrows(ScenarioException.class, () -> cut(s, "2022-11"));
    assertTrue(e.getMessage().contains("2022-12 to 2024-11"), e.getMessage());
  }

  @Test
  void aScenarioWithoutDatesCannotBeCut() throws Exception {
    Scenario tiny = ScenarioLoader.load(Path.of("src/test/resources/scenarios/tiny.yaml"));
    assertNull(tiny.caseFile().outcome());
    if (tiny.actors().stream().anyMatch(a -> !a.evidence().isEmpty())) {
      ScenarioException e =
          assertThrows(ScenarioException.class, () -> AsOf.cut(tiny, tiny.calendar().start(), 2));
      assertTrue(e.getMessage().contains("undated"), e.getMessage());
    }
    List<Observation> none = tiny.caseFile().observations();
    assertTrue(none.isEmpty());
  }
}
