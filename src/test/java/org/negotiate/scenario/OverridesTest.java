package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {

  static final Path TINY = ScenarioLoaderTest.TINY;

  static Scenario load(String... sets) throws ScenarioException {
    return ScenarioLoader.load(TINY, List.of(sets));
  }

  static String problems(String... sets) {
    return assertThrows(ScenarioException.class, () -> load(sets)).getMessage();
  }

  @Test
  void setsValues() throws Exception {
    Scenario s =
        load(
            "turkey.withdrawal.position=40",
            "turkey.capability=uniform(60,80)",
            "protocol.noise=0",
            "agreement.tolerance=3",
            "turkey.ties.russia=0.2",
            "russia.pressure.turkey=beta(2, 2, 0, 1)",
            "experiment.replications=50",
            "turkey.withdrawal.red_line.min=5");
    Actor t = s.actor("turkey").orElseThrow();
    assertEquals(Quantity.of(40), t.stances().get("withdrawal").position());
    assertEquals(new Quantity.Uniform(60, 80), t.capability());
    assertEquals(Quantity.of(0), s.protocol().params().get("noise"));
    assertEquals(3, s.agreement().tolerance());
    assertEquals(Quantity.of(0.2), t.ties().get("russia"));
    assertEquals(
        new Quantity.Beta(2, 2, 0, 1), s.actor("russia").orElseThrow().pressure().get("turkey"));
    assertEquals(50, s.experiment().replications());
    assertEquals(Quantity.of(5), t.stances().get("withdrawal").redLine().min());
  }

  @Test
  void noneRemovesOptionalValues() throws Exception {
    Scenario s = load("turkey.withdrawal.red_line.max=none", "turkey.ties.russia=none");
    Actor t = s.actor("turkey").orElseThrow();
    assertEquals(RedLine.NONE, t.stances().get("withdrawal").redLine());
    assertTrue(t.ties().isEmpty());
  }

  @Test
  void settingASalienceRenormalisesTheOthers() throws Exception {
    // tiny: turkey withdrawal 0.6, refugee_return 0.4
    Scenario s = load("turkey.withdrawal.salience=0.8");
    Actor t = s.actor("turkey").orElseThrow();
    assertEquals(0.8, t.stances().get("withdrawal").salience().nominal(), 1e-12);
    assertEquals(0.2, t.stances().get("refugee_return").salience().nominal(), 1e-12);
    // a distribution: its nominal value counts, the others scale with their spread
    s = ScenarioLoader.load(TINY, List.of("russia.withdrawal.salience=uniform(0.2, 0.4)"));
    Actor r = s.actor("russia").orElseThrow();
    assertEquals(new Quantity.Uniform(0.2, 0.4), r.stances().get("withdrawal").salience());
    assertEquals(0.7, r.stances().get("refugee_return").salience().nominal(), 1e-12);
    double sum = r.stances().values().stream().mapToDouble(x -> x.salience().nominal()).sum();
    assertEquals(1, sum, 1e-12);
  }

  @Test
  void renormalisedDistributionsAreRangeChecked(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    String text =
        java.nio.file.Files.readString(TINY)
            .replace("salience: 0.6", "salience: uniform(0.5, 0.7)");
    Path f = dir.resolve("t.yaml");
    java.nio.file.Files.writeString(f, text);
    // others: uniform(0.5,0.7) nominal 0.6 -> scaled by 0.99/0.6 = 1.65 -> max 1.155 > 1
    String msg =
        assertThrows(
                ScenarioException.class,
                () -> ScenarioLoader.load(f, List.of("turkey.refugee_return.salience=0.01")))
            .getMessage();
    assertTrue(msg.contains("--set actors[turkey].stances.withdrawal.salience:"), msg);
    assertTrue(msg.contains("outside the valid range [0,1]"), msg);
  }

  @Test
  void unknownNamesListTheValidOnes() {
    assertEquals(
        "--set turkey.withdrawl.position=40: unknown issue \"withdrawl\"; valid issues: withdrawal, refugee_return",
        problems("turkey.withdrawl.position=40"));
    String msg = problems("turky.capability=3");
    assertTrue(msg.contains("unknown actor \"turky\"; valid actors: turkey, russia"), msg);
    msg = problems("turkey.capabilty=3");
    assertTrue(
        msg.contains(
            "unknown field \"capabilty\" of actor turkey; valid fields: capability, reservation,"),
        msg);
    msg = problems("turkey.withdrawal.postion=3");
    assertTrue(
        msg.contains(
            "unknown stance field \"postion\"; valid fields: position, salience, flexibility, cost_of_delay, red_line.min, red_line.max"),
        msg);
    msg = problems("protocol.temperature=3");
    assertTrue(
        msg.contains(
            "unknown parameter \"temperature\" for protocol mediated; valid parameters: noise, breakdown_after"),
        msg);
    msg = problems("turkey.ties.iran=0.1");
    assertTrue(msg.contains("unknown actor \"iran\" in ties; valid actors: russia"), msg);
    msg = problems("agreement.quorum=3");
    assertTrue(msg.contains("valid fields: rule, tolerance"), msg);
  }

  @Test
  void malformedOverrides() {
    assertTrue(problems("turkey.capability").contains("expected PATH=VALUE"));
    assertTrue(
        problems("turkey.capability=lots")
            .contains(
                "--set turkey.capability=lots: expected a number in (0,1000000], got \"lots\""));
    assertTrue(
        problems("turkey.withdrawal.position=140")
            .contains("expected a number in [0,100], got 140"));
    assertTrue(problems("protocol.breakdown_after=1.5").contains("expected an integer"));
    assertTrue(problems("experiment.rounds=0").contains("[1,1200]"));
    assertTrue(problems("turkey.withdrawal.position=uniform(50, 40)").contains("needs lo <= hi"));
  }

  @Test
  void allOverrideProblemsReported() {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> load("a=1", "turkey.capability=0", "x"));
    assertEquals(3, e.problems().size(), e.getMessage());
    for (Problem p : e.problems()) assertEquals("--set", p.file());
  }

  @Test
  void crossFieldChecksRunAfterOverrides() {
    String msg = problems("turkey.withdrawal.position=80");
    assertTrue(msg.contains("red line [max 57.5] excludes the actor's own position 80"), msg);
    assertNull(null);
  }

  @Test
  void inputPathsResolve() throws Exception {
    Scenario s = ScenarioLoader.load(TINY);
    assertEquals(
        new InputPath("turkey", "withdrawal", "red_line.min"),
        InputPaths.resolve(s, "turkey.withdrawal.red_line.min"));
    assertEquals(
        new InputPath("turkey", null, "ties.russia"), InputPaths.resolve(s, "turkey.ties.russia"));
    assertEquals("turkey.ties.russia", InputPaths.resolve(s, "turkey.ties.russia").toString());
    assertEquals(Quantity.of(0.1), InputPaths.get(s, InputPaths.resolve(s, "turkey.ties.russia")));
    assertThrows(InputPathException.class, () -> InputPaths.resolve(s, "turkey"));
    assertThrows(InputPathException.class, () -> InputPaths.resolve(s, "turkey..position"));
    assertThrows(InputPathException.class, () -> InputPaths.resolve(s, "turkey.capability.x"));
  }
}
