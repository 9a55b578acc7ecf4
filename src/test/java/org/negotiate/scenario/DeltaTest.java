package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios that {@code extends:} another: merge semantics, removal, and where problems point. */
class DeltaTest {

  /**
   * A small base with two parties, a mediator, ties, pressure and two events (line numbers matter
   * below).
   */
  static final String BASE =
      """
      name: base
      description: The base.
      calendar: {start: 2022-12}
      issues:
        - {id: withdrawal, label: Withdrawal, low: none, high: full, status_quo: 0}
        - {id: refugee_return, label: Return, low: none, high: all}
      actors:
        - id: turkey
          name: Türkiye
          role: party
          capability: 80
          reservation: 0.3
          flexibility: 0.7
          ties: {russia: 0.1, syria: 0.05}
          stances:
            withdrawal:
              position: 15
              salience: 0.6
              red_line: {max: "uniform(45, 70)"}
              evidence: [001#reaffirmed commitment]
              rationale: Stays.
            refugee_return:
              position: 80
              salience: 0.4
              evidence: [002#return of Syrians]
              rationale: Wants return.
        - id: syria
          name: Syria
          role: party
          capability: 50
          reservation: 0.25
          flexibility: 0.5
          stances:
            withdrawal: {position: 95, salience: 0.7, red_line: {min: 40}, evidence: [002#withdraw], rationale: Out.}
            refugee_return: {position: 40, salience: 0.3, evidence: [002#refugee], rationale: Low.}
        - id: russia
          name: Russia
          role: mediator
          capability: 70
          reservation: 0
          flexibility: 1
          lean: 0.1
          pressure: {syria: 0.5}
          stances:
            withdrawal: {position: 50, salience: 0.5, evidence: [004#roadmap], rationale: Middle.}
            refugee_return: {position: 60, salience: 0.5, evidence: [004#roadmap], rationale: Middle.}
      protocol:
        name: mediated
        params: {noise: 0.03, breakdown_after: 2}
      events:
        - id: earthquake
          label: Earthquake
          at: 2023-02
          changes:
            - {target: turkey.flexibility, scale: "uniform(1.0, 1.4)"}
            - {target: russia.lean, set: 0.2}
          evidence: [002#earthquake]
          rationale: Faster.
        - id: statement
          label: Statement
          at: 2024-08
          changes:
            - {target: syria.withdrawal.red_line.min, set: 30}
          evidence: [001#not a precondition]
          rationale: Lower.
      experiment: {replications: 50, rounds: 12, seed: 7}
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private Scenario delta(String text) throws Exception {
    write("base.yaml", BASE);
    return ScenarioLoader.load(write("whatif/delta.yaml", text));
  }

  private ScenarioException deltaFails(String text) throws IOException {
    write("base.yaml", BASE);
    Path d = write("whatif/delta.yaml", text);
    return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(d));
  }

  @Test
  void baseLoadsAlone() throws Exception {
    assertEquals("base", ScenarioLoader.load(write("base.yaml", BASE)).name());
  }

  @Test
  void aDeltaWithOnlyANameIsTheBase() throws Exception {
    Scenario base = ScenarioLoader.load(write("base.yaml", BASE));
    Scenario d = delta("extends: ../base.yaml\nname: same\n");
    assertEquals("same", d.name());
    assertEquals(
        ScenarioWriter.toYaml(base).replace("name: base", "name: same"), ScenarioWriter.toYaml(d));
  }

  @Test
  void stanceChangeMergesKeyByKey() throws Exception {
    Scenario s =
        delta(
            """
        extends: ../base.yaml
        name: softer
        actors:
          - id: turkey
            stances:
              withdrawal:
                position: 40
                red_line: {max: 80}
                evidence: [000#respects sovereignty]
                rationale: Softer.
        """);
    Stance w = s.actor("turkey").orElseThrow().stances().get("withdrawal");
    assertEquals(Quantity.of(40), w.position());
    assertEquals(Quantity.of(0.6), w.salience()); // kept from the base
    assertEquals(Quantity.of(80), w.redLine().max());
    assertEquals(List.of("000#respects sovereignty"), w.evidence()); // lists replace
    assertEquals("Softer.", w.rationale());
    Stance r = s.actor("turkey").orElseThrow().stances().get("refugee_return");
    assertEquals(Quantity.of(80), r.position());
    assertEquals(List.of("002#return of Syrians"), r.evidence());
    assertEquals(Quantity.of(0.7), s.actor("turkey").orElseThrow().flexibility());
    assertEquals(List.of("turkey", "syria", "russia"), s.actors().stream().map(Actor::id).toList());
  }

  @Test
  void nullDeletesAKey() throws Exception {
    Scenario s =
        delta(
            """
        extends: ../base.yaml
        name: no_red_line
        actors:
          - id: syria
            stances: {withdrawal: {red_line: ~}}
          - id: turkey
            ties: {syria: ~}
        """);
    assertTrue(s.actor("syria").orElseThrow().stances().get("withdrawal").redLine().isNone());
    assertEquals(List.of("russia"), List.copyOf(s.actor("turkey").orElseThrow().ties().keySet()));
  }

  @Test
  void actorAddedAndRemovedWithItsTiesPressureAndEventChanges() throws Exception {
    Scenario s =
        delta(
            """
        extends: ../base.yaml
        name: swap
        remove: {actors: [russia]}
        actors:
          - id: iran
            name: Iran
            role: mediator
            capability: 40
            reservation: 0
            flexibility: 1
            lean: 0.2
            pressure: {syria: 0.1}
            stances:
              withdrawal: {position: 80, salience: 0.5, evidence: [004#Iran], rationale: Damascus side.}
              refugee_return: {position: 50, salience: 0.5, evidence: [004#Iran], rationale: Unknown.}
        """);
    assertEquals(List.of("turkey", "syria", "iran"), s.actors().stream().map(Actor::id).toList());
    // Türkiye's tie to the removed actor went with it; its other tie stays
    assertEquals(List.of("syria"), List.copyOf(s.actor("turkey").orElseThrow().ties().keySet()));
    // the earthquake's change targeting russia.lean is dropped, the other kept
    Event quake = s.events().get(0);
    assertEquals(1, quake.changes().size());
    assertEquals("turkey.flexibility", quake.changes().get(0).target().toString());
    assertEquals(Quantity.of(0.1), s.actor("iran").orElseThrow().pressure().get("syria"));
  }

  @Test
  void eventAddedRemovedAndChanged() throws Exception {
    Scenario s =
        delta(
            """
        extends: ../base.yaml
        name: events
        remove:
          events: [statement]
        events:
          - id: earthquake
            at: 2023-03
          - id: riots
            label: Riots
            random: {probability: 0.05, from: 2023-01, to: 2023-10}
            changes:
              - {target: turkey.refugee_return.salience, set: 0.5}
            evidence: [000#riots]
            rationale: Return matters more.
        """);
    assertEquals(List.of("earthquake", "riots"), s.events().stream().map(Event::id).toList());
    Event quake = s.events().get(0);
    assertEquals(java.time.YearMonth.of(2023, 3), ((Timing.At) quake.timing()).month());
    assertEquals(2, quake.changes().size()); // not given: kept
    assertEquals("Earthquake", quake.label());
    assertTrue(s.events().get(1).timing() instanceof Timing.Random);
  }

  @Test
  void issueRemovedWithEveryStanceOnIt() throws Exception {
    Scenario s =
        delta(
            """
        extends: ../base.yaml
        name: one_issue
        remove: {issues: [refugee_return]}
        actors:
          - {id: turkey, stances: {withdrawal: {salience: 1}}}
          - {id: syria, stances: {withdrawal: {salience: 1}}}
          - {id: russia, stances: {withdrawal: {salience: 1}}}
        """);
    assertEquals(List.of("withdrawal"), s.issues().stream().map(Issue::id).toList());
    for (Actor a : s.actors())
      assertEquals(List.of("withdrawal"), List.copyOf(a.stances().keySet()));
  }

  @Test
  void protocolParamsMergeAndExperimentFieldsReplace() throws Exception {
    Scenario s =
        delta(
            """
        extends: ../base.yaml
        name: noiseless
        protocol: {params: {noise: 0}}
        experiment: {replications: 20}
        """);
    assertEquals("mediated", s.protocol().name());
    assertEquals(Quantity.of(0), s.protocol().params().get("noise"));
    assertEquals(Quantity.of(2), s.protocol().params().get("breakdown_after"));
    assertEquals(new ExperimentDefaults(20, 12, 7), s.experiment());
  }

  @Test
  void aDeltaOfADeltaAppliesBothInOrder() throws Exception {
    write("base.yaml", BASE);
    write(
        "a.yaml",
        "extends: base.yaml\nname: a\nactors: [{id: turkey, capability: 60, reservation: 0.2}]\n");
    Scenario s =
        ScenarioLoader.load(
            write("b.yaml", "extends: a.yaml\nname: b\nactors: [{id: turkey, capability: 90}]\n"));
    assertEquals(Quantity.of(90), s.actor("turkey").orElseThrow().capability());
    assertEquals(Quantity.of(0.2), s.actor("turkey").orElseThrow().reservation());
  }

  @Test
  void aBadValueInTheDeltaIsReportedAtTheDeltasLine() throws IOException {
    ScenarioException e =
        deltaFails(
            """
        extends: ../base.yaml
        name: bad
        actors:
          - id: turkey
            capability: lots
        """);
    assertEquals(1, e.problems().size(), e.getMessage());
    Problem p = e.problems().get(0);
    assertEquals(dir.resolve("whatif/delta.yaml").toString(), p.file());
    assertEquals(5, p.line());
    assertEquals("actors[turkey].capability", p.field());
  }

  @Test
  void aValidationFindingPointsAtWhicheverFileWroteTheValue() throws IOException {
    // the delta moves Türkiye's position beyond the base's red line (max 45-70): the red line is
    // the base's
    ScenarioException e =
        deltaFails(
            """
        extends: ../base.yaml
        name: outside
        actors:
          - id: turkey
            stances:
              withdrawal: {position: 90}
              refugee_return: {salience: 0.5}
        """);
    String base = dir.resolve("whatif/../base.yaml").normalize().toString();
    String delta = dir.resolve("whatif/delta.yaml").toString();
    Problem redLine =
        e.problems().stream()
            .filter(p -> p.field().endsWith("red_line.max"))
            .findFirst()
            .orElseThrow();
    assertEquals(base, redLine.file(), e.getMessage());
    assertEquals(19, redLine.line(), e.getMessage());
    assertTrue(
        redLine.message().endsWith("(the position is set at " + delta + ":6:30)"),
        redLine.message());
    Problem sum =
        e.problems().stream().filter(p -> p.message().contains("sum to")).findFirst().orElseThrow();
    assertEquals(delta, sum.file(), e.getMessage());
    assertEquals(6, sum.line(), e.getMessage()); // the stances mapping the delta wrote
  }

  @Test
  void anUnknownKeyInTheDeltaAndABadIdToRemoveAreReportedInTheDelta() throws IOException {
    ScenarioException e =
        deltaFails(
            """
        extends: ../base.yaml
        name: typos
        remove:
          events: [earthquak]
        """);
    Problem p = e.problems().get(0);
    assertEquals(dir.resolve("whatif/delta.yaml").toString(), p.file());
    assertEquals(4, p.line());
    assertTrue(p.message().startsWith("no event \"earthquak\" in the base scenario"), p.message());
    assertTrue(p.message().contains("earthquake, statement"), p.message());

    ScenarioException k =
        deltaFails(
            "extends: ../base.yaml\nname: typo\nactors:\n  - id: turkey\n    capabilty: 3\n");
    assertEquals(5, k.problems().get(0).line(), k.getMessage());
    assertTrue(k.problems().get(0).message().contains("unknown key \"capabilty\""), k.getMessage());
  }

  @Test
  void listItemsWithoutAnIdCannotBeMerged() throws IOException {
    ScenarioException e =
        deltaFails("extends: ../base.yaml\nname: noid\nactors:\n  - capability: 3\n");
    assertEquals(4, e.problems().get(0).line(), e.getMessage());
    assertTrue(e.getMessage().contains("merged onto the base's by id"), e.getMessage());
  }

  @Test
  void aDeltaNeedsItsOwnName() throws IOException {
    ScenarioException e = deltaFails("extends: ../base.yaml\ndescription: nameless\n");
    assertTrue(e.getMessage().contains("needs its own name"), e.getMessage());
    assertEquals(dir.resolve("whatif/delta.yaml").toString(), e.problems().get(0).file());
  }

  @Test
  void aMissingBaseIsReportedAtTheExtendsLine() throws IOException {
    Path d = write("whatif/delta.yaml", "# a what-if\nname: lost\nextends: ../nowhere.yaml\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(d));
    Problem p = e.problems().get(0);
    assertEquals(d.toString(), p.file());
    assertEquals(3, p.line());
    assertEquals("extends", p.field());
    assertTrue(
        p.message().contains("nowhere.yaml") && p.message().contains("not found"), p.message());
  }

  @Test
  void anExtendsCycleIsNamed() throws IOException {
    Path a = write("a.yaml", "extends: b.yaml\nname: a\n");
    write("b.yaml", "name: b\nextends: a.yaml\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a));
    Problem p = e.problems().get(0);
    assertEquals(dir.resolve("b.yaml").toString(), p.file());
    assertEquals(2, p.line());
    assertEquals("extends cycle: " + a + " -> " + dir.resolve("b.yaml") + " -> " + a, p.message());

    Path self = write("self.yaml", "extends: self.yaml\nname: self\n");
    ScenarioException s = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(self));
    assertEquals("extends cycle: " + self + " -> " + self, s.problems().get(0).message());
  }

  @Test
  void removeWithoutExtendsIsAProblem() throws IOException {
    Path p = write("plain.yaml", BASE + "remove: {events: [earthquake]}\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(p));
    assertTrue(
        e.getMessage().contains("remove: applies only to a scenario that extends another"),
        e.getMessage());
  }

  @Test
  void overridesApplyAfterTheMerge() throws Exception {
    write("base.yaml", BASE);
    Scenario s =
        ScenarioLoader.load(
            write("whatif/d.yaml", "extends: ../base.yaml\nname: d\n"),
            List.of("turkey.capability=55"));
    assertEquals(Quantity.of(55), s.actor("turkey").orElseThrow().capability());
  }

  /** Evidence is checked against the seeds/ folder nearest to the file that cites it. */
  @Test
  void evidenceResolvesRelativeToTheFileThatContainsIt() throws Exception {
    Path baseDir = dir.resolve("one");
    write(
        "one/seeds/001_a.txt",
        "Ankara reaffirmed commitment to its allies. The return of Syrians. "
            + "They will withdraw. The refugee issue. A roadmap. An earthquake. It is not a precondition.");
    write("two/seeds/001_b.txt", "Something else entirely: Moscow's roadmap.");
    write("one/base.yaml", BASE.replace("[002#", "[001#").replace("[004#", "[001#"));
    assertEquals("base", ScenarioLoader.load(baseDir.resolve("base.yaml")).name());
    // the base's quotes resolve in one/seeds, the delta's in two/seeds
    Scenario ok =
        ScenarioLoader.load(
            write(
                "two/ok.yaml",
                """
        extends: ../one/base.yaml
        name: ok
        actors:
          - id: russia
            stances: {withdrawal: {position: 45, evidence: [001#Moscow's roadmap], rationale: Phased.}}
        """));
    assertEquals(
        Quantity.of(45), ok.actor("russia").orElseThrow().stances().get("withdrawal").position());
    Path bad =
        write(
            "two/bad.yaml",
            """
        extends: ../one/base.yaml
        name: bad
        actors:
          - id: russia
            stances: {withdrawal: {evidence: [001#not a precondition], rationale: Wrong file.}}
        """);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(bad));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(bad.toString(), e.problems().get(0).file());
    assertEquals(5, e.problems().get(0).line());
    assertTrue(e.getMessage().contains("not found in 001_b.txt"), e.getMessage());
  }

  @Test
  void parseRefusesExtendsWithoutAFile() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.parse("extends: base.yaml\nname: x\n", "text"));
    assertTrue(e.getMessage().contains("relative to the scenario's file"), e.getMessage());
  }
}
