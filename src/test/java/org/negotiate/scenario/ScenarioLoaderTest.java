package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioLoaderTest {

  static final Path BASELINE = Path.of("scenarios/baseline.yaml");
  static final Path FIXTURES = Path.of("src/test/resources/scenarios");
  static final Path TINY = FIXTURES.resolve("tiny.yaml");

  /** The real baseline loads with every evidence quote checked against scenarios/seeds/. */
  @Test
  void realBaselineLoadsWithoutProblems() throws Exception {
    assertEquals("baseline", ScenarioLoader.load(BASELINE).name());
  }

  @Test
  void baselineLoadsWithEvidenceCheckedAgainstSeeds(@TempDir Path dir) throws Exception {
    Scenario s = ScenarioLoader.load(BASELINE);
    assertEquals("baseline", s.name());
    assertEquals(
        List.of("withdrawal", "counter_terrorism", "refugee_return"),
        s.issues().stream().map(Issue::id).toList());
    assertEquals(5, s.actors().size());
    assertEquals(6, s.events().size());
    assertEquals(1, s.events().stream().filter(e -> e.timing() instanceof Timing.Random).count());
    Actor turkey = s.actor("turkey").orElseThrow();
    assertEquals(new Quantity.Uniform(45, 70), turkey.stances().get("withdrawal").redLine().max());
    assertNull(turkey.stances().get("withdrawal").redLine().min());
    assertEquals(new Quantity.Triangular(70, 80, 90), turkey.capability());
    assertEquals(Role.PARTY, turkey.role());
    assertEquals(
        List.of("withdrawal", "counter_terrorism", "refugee_return"),
        List.copyOf(turkey.stances().keySet()));
    assertEquals(Quantity.of(0.0), turkey.lean());
    assertEquals(new Quantity.Uniform(0.05, 0.20), turkey.ties().get("opposition"));
    assertEquals(Role.MEDIATOR, s.actor("russia").orElseThrow().role());
    assertEquals(
        new Quantity.Uniform(0.0, 0.012), s.actor("russia").orElseThrow().pressure().get("syria"));
    assertEquals(
        List.of("004#Turkey's, Syria's, and Iran's defense ministers"),
        s.actor("iran").orElseThrow().stances().get("counter_terrorism").evidence());
    assertEquals("mediated", s.protocol().name());
    assertEquals(Quantity.of(0.03), s.protocol().params().get("noise"));
    assertEquals(Quantity.of(0), s.protocol().params().get("breakdown_after"));
    assertEquals(new AgreementRule("unanimity", 5), s.agreement());
    assertEquals(new ExperimentDefaults(2000, 24, 20221201L), s.experiment());
    Event quake = s.events().get(0);
    assertEquals("earthquake", quake.id());
    assertEquals(new Timing.At(java.time.YearMonth.of(2023, 2)), quake.timing());
    assertEquals(
        new Change(
            new InputPath("turkey", null, "cost_of_delay"),
            Change.Op.SCALE,
            new Quantity.Uniform(1.0, 1.4)),
        quake.changes().get(0));
    Event last = s.events().get(5);
    assertEquals(
        new Timing.Random(0.03, java.time.YearMonth.of(2023, 1), java.time.YearMonth.of(2024, 11)),
        last.timing());
    assertEquals(
        new InputPath("syria", "withdrawal", "red_line.min"),
        s.events().get(4).changes().get(0).target());
    assertTrue(s.description().startsWith("Türkiye–Syria normalization talks"));
    assertThrows(UnsupportedOperationException.class, () -> s.actors().add(turkey));
    assertThrows(UnsupportedOperationException.class, () -> turkey.stances().remove("withdrawal"));
  }

  @Test
  void roundTripOfTheBaseline(@TempDir Path dir) throws Exception {
    Scenario s = ScenarioLoader.load(BASELINE);
    String yaml = ScenarioWriter.toYaml(s);
    assertEquals(s, ScenarioLoader.parse(yaml, "resolved.yaml"));
    Path written = dir.resolve("out").resolve("resolved.yaml");
    Files.createDirectories(written.getParent());
    Files.writeString(written, yaml);
    assertEquals(
        s, ScenarioLoader.load(written)); // seeds found in the parent: evidence still checks out
  }

  @Test
  void roundTripOfTinyAndOfOverriddenValues() throws Exception {
    Scenario s =
        ScenarioLoader.load(
            TINY,
            List.of(
                "turkey.withdrawal.position=normal(20, 5)",
                "turkey.capability=beta(2, 3, 10, 90)",
                "turkey.withdrawal.red_line.min=none",
                "russia.withdrawal.flexibility=0.4"));
    assertEquals(s, ScenarioLoader.parse(ScenarioWriter.toYaml(s), "x.yaml"));
  }

  @Test
  void tinyFixtureLoadsWithDefaults() throws Exception {
    Scenario s = ScenarioLoader.load(TINY);
    Actor russia = s.actor("russia").orElseThrow();
    assertEquals(Quantity.of(0), russia.risk());
    assertTrue(russia.ties().isEmpty());
    assertTrue(russia.pressure().isEmpty());
    assertEquals(RedLine.NONE, russia.stances().get("withdrawal").redLine());
    assertNull(russia.stances().get("withdrawal").flexibility());
    assertNull(s.issue("refugee_return").orElseThrow().statusQuo());
    assertEquals("", russia.rationale());
  }

  @Test
  void defaultsForOptionalSections() throws Exception {
    String text = Files.readString(TINY);
    text = text.substring(0, text.indexOf("protocol:")) + "experiment: {seed: 3}\n";
    Scenario s = ScenarioLoader.parse(text, "t.yaml");
    assertEquals(new ProtocolSpec("mediated", java.util.Map.of()), s.protocol());
    assertEquals(new AgreementRule("unanimity", 5), s.agreement());
    assertEquals(new ExperimentDefaults(2000, 24, 3), s.experiment());
    assertTrue(s.events().isEmpty());
  }

  @Test
  void testResourcesHaveNoSeedsFolder() {
    for (Path p = FIXTURES.resolve("bad").toAbsolutePath(); p != null; p = p.getParent()) {
      assertFalse(Files.isDirectory(p.resolve("seeds")), "unexpected seeds/ folder at " + p);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      syntax_unclosed_flow       | 30 | YAML syntax error
      tab_indentation            | 12 | tab
      duplicate_key              | 27 | actors[turkey].stances.withdrawal.position: duplicate key
      salience_high              | 27 | actors[turkey].stances.withdrawal.salience: expected a number in [0,1], got "high"
      position_out_of_range      | 32 | actors[turkey].stances.refugee_return.position
      salience_sum               | 25 | actors[turkey].stances: the saliences of turkey sum to 0.9
      tie_unknown_actor          | 23 | actors[turkey].ties.iran: unknown actor "iran"
      tie_to_self                | 23 | actors[turkey].ties.turkey
      event_unknown_issue        | 63 | events[earthquake].changes[0].target: unknown issue "withdrawl"; valid issues: withdrawal, refugee_return
      event_unknown_actor        | 63 | events[earthquake].changes[0].target: unknown actor "turkye"; valid actors: turkey, russia
      duplicate_actor_id         | 23 | actors[turkey].ties.russia
      red_line_excludes_position | 28 | actors[turkey].stances.withdrawal.red_line.max: red line [max 10] excludes the actor's own position 15
      red_line_min_above_max     | 28 | actors[turkey].stances.withdrawal.red_line
      no_party                   | 16 | actors: a scenario needs at least one party
      bad_role                   | 18 | actors[turkey].role
      missing_stance             | 44 | actors[russia].stances: russia has no stance on refugee_return
      stance_unknown_issue       | 44 | actors[russia].stances
      unknown_top_key            | 2  | inherits: unknown key "inherits"; valid keys here: name,
      unknown_actor_key          | 39 | actors[russia].capabilty: unknown key
      bad_distribution           | 19 | actors[turkey].capability: "triangular(90, 80, 70)" needs lo <= mode <= hi
      unknown_distribution       | 20 | actors[turkey].reservation: unknown distribution "lognormal"
      distribution_outside_range | 20 | actors[turkey].reservation: uniform(0.5, 1.5) can take the value 1.5
      empty                      | 1  | empty scenario file
      binary                     | 1  | not UTF-8
      latin1                     | 17 | not UTF-8
      alias_bomb                 | 3  | aliases
      deep_nesting               | 2  | nested more than 50 levels
      bad_month                  | 61 | events[earthquake].at: expected a month YYYY-MM
      event_before_start         | 61 | events[earthquake].at: 2022-06 is before the calendar start 2022-12
      bad_protocol               | 55 | protocol.name: unknown protocol "auction"; valid protocols: mediated
      unknown_protocol_param     | 56 | protocol.params.temperature: unknown parameter "temperature" for protocol mediated; valid parameters: noise, breakdown_after
      replications_zero          | 67 | experiment.replications
      rounds_not_integer         | 68 | experiment.rounds
      scale_zero                 | 63 | events[earthquake].changes[0].scale
      remove_on_position         | 63 | events[earthquake].changes[0].remove
      two_operations             | 63 | events[earthquake].changes[0]: give exactly one of set, shift, scale or remove
      bad_evidence_shape         | 64 | events[earthquake].evidence[0]: expected an evidence reference FILE#quote
      bad_id                     | 36 | actors[1].id
      bad_name                   | 1  | name: expected a name
      multi_document             | 71 | exactly one YAML document
      top_level_list             | 1  | at the top level
      issues_not_a_list          | 6  | YAML syntax error
      missing_required           | 36 | actors[russia].flexibility: missing required key
      several_problems           | 33 | actors[turkey].stances.refugee_return.salience
      """)
  void malformedFileIsReported(String name, int line, String fragment) {
    Path file = FIXTURES.resolve("bad").resolve(name + ".yaml");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    String msg = e.getMessage();
    Problem first = e.problems().get(0);
    assertTrue(msg.contains(file.toString()), msg);
    assertTrue(msg.contains(file + ":" + line + ":"), "expected line " + line + " in:\n" + msg);
    assertEquals(line, first.line(), msg);
    assertTrue(first.toString().contains(fragment), "expected '" + fragment + "' in:\n" + msg);
    assertFalse(
        msg.matches("(?s).*\\b(com|org|java)\\.[a-z]+\\.[A-Za-z.]*.*"), "class name in: " + msg);
    assertFalse(msg.contains("Source:"), msg);
  }

  @Test
  void atLeastTwentyFixturesAllCovered() throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES.resolve("bad"))) {
      assertTrue(s.count() >= 20);
    }
  }

  @Test
  void allProblemsReportedSortedByLine() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.load(FIXTURES.resolve("bad/several_problems.yaml")));
    List<Integer> lines = e.problems().stream().map(Problem::line).toList();
    assertEquals(List.of(33, 39, 68), lines, e.getMessage());
    assertEquals(3, e.getMessage().split("\n").length);
  }

  @Test
  void syntaxErrorIsReportedAlone() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.load(FIXTURES.resolve("bad/syntax_unclosed_flow.yaml")));
    assertEquals(1, e.problems().size());
  }

  @Test
  void problemFormat() {
    assertEquals(
        "scenarios/x.yaml:14:9: actors[turkey].stances.withdrawal.salience: expected a number in [0,1], got \"high\"",
        new Problem(
                "scenarios/x.yaml",
                14,
                9,
                "actors[turkey].stances.withdrawal.salience",
                "expected a number in [0,1], got \"high\"")
            .toString());
    assertEquals(
        "x.yaml: cannot read file: no such file",
        new Problem("x.yaml", 0, 0, "", "cannot read file: no such file").toString());
  }

  @Test
  void missingFileAndDirectoryAreProblems(@TempDir Path dir) {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("nope.yaml")));
    assertTrue(e.getMessage().contains("cannot read file"), e.getMessage());
    e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));
    assertTrue(e.getMessage().contains("cannot read file"), e.getMessage());
  }

  /** Truncations and byte flips of a valid file: success or a ScenarioException, nothing else. */
  @Test
  void noOtherExceptionEscapesForMangledInput(@TempDir Path dir) throws IOException {
    byte[] good = Files.readAllBytes(TINY);
    SplittableRandom rnd = new SplittableRandom(42);
    Path f = dir.resolve("m.yaml");
    for (int k = 0; k < 400; k++) {
      byte[] b;
      if (k < 150) {
        b = java.util.Arrays.copyOf(good, rnd.nextInt(good.length));
      } else {
        b = good.clone();
        for (int j = 0; j < 1 + rnd.nextInt(4); j++)
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      }
      Files.write(f, b);
      try {
        ScenarioLoader.load(f, List.of("turkey.capability=50"));
      } catch (ScenarioException e) {
        assertFalse(e.problems().isEmpty());
        for (Problem p : e.problems()) assertFalse(p.message().isBlank());
      } catch (Throwable t) {
        fail(
            "escaped for variant " + k + ": " + t + "\n" + new String(b, StandardCharsets.UTF_8),
            t);
      }
    }
  }

  @Test
  void flowCollectionsReadQuotedDistributionsAndRefuseOnesCutAtAComma() throws Exception {
    String cut =
        Files.readString(TINY)
            .replace(
                "red_line: {max: \"uniform(45, 70)\"}", "red_line: {min: triangular(1,5, 10)}");
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(cut, "t.yaml"));
    assertTrue(
        e.getMessage().contains("\"triangular(1\" is cut at a comma")
            && e.getMessage().contains("\"triangular(1,5, 10)\""),
        e.getMessage());
    String text =
        Files.readString(TINY)
            .replace(
                "red_line: {max: \"uniform(45, 70)\"}",
                "red_line: {min: \"triangular(1,5, 10)\", max: \"uniform(45, 70)\"}");
    Scenario s = ScenarioLoader.parse(text, "t.yaml");
    RedLine rl = s.actor("turkey").orElseThrow().stances().get("withdrawal").redLine();
    assertEquals(new Quantity.Triangular(1, 5, 10), rl.min());
    assertEquals(new Quantity.Uniform(45, 70), rl.max());
    assertInstanceOf(Quantity.Triangular.class, s.actor("turkey").orElseThrow().capability());
  }

  @Test
  void oversizedFileFailsFast(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("big.yaml");
    Files.write(f, ("# " + "x".repeat(99) + "\n").repeat(50_001).getBytes(StandardCharsets.UTF_8));
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
    assertTrue(e.getMessage().contains("file too large"), e.getMessage());
  }
}
