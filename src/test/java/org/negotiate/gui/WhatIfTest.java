package org.negotiate.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.Protocols;
import org.negotiate.scenario.Fields;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioDiff;
import org.negotiate.scenario.ScenarioLoader;

/**
 * Edits made in the GUI: replayed on a new run, as --set for a Monte Carlo, and saved as a delta
 * that loads.
 */
class WhatIfTest {
  static final Path BASELINE = Path.of("scenarios/baseline.yaml");

  @TempDir Path tmp;

  static GuiConfig config(List<String> cliOverrides) throws Exception {
    Scenario file = ScenarioLoader.load(BASELINE);
    Scenario s = ScenarioLoader.load(BASELINE, cliOverrides);
    return new GuiConfig(
        BASELINE,
        file,
        s,
        cliOverrides,
        Protocols.byName(s.protocol().name()).orElseThrow(),
        s.experiment().rounds(),
        false,
        s.experiment().seed(),
        0,
        false,
        Path.of("results"),
        null);
  }

  @Test
  void aSalienceEditIsTheSameSetAsOnTheCommandLineAndRescalesTheOthers() throws Exception {
    WhatIf w = new WhatIf(config(List.of()));
    w.record(new WhatIf.Edit(Fields.SALIENCE, "turkey", "refugee_return", 0.5, 3));
    assertEquals(List.of("turkey.refugee_return.salience=0.5"), w.sets());
    Scenario edited = w.scenario();
    var st = edited.actor("turkey").orElseThrow().stances();
    assertEquals(0.5, st.get("refugee_return").salience().nominal(), 1e-12);
    assertEquals(0.3 * 0.5 / 0.7, st.get("withdrawal").salience().nominal(), 1e-12);
    assertEquals(0.4 * 0.5 / 0.7, st.get("counter_terrorism").salience().nominal(), 1e-12);
    assertEquals(
        ScenarioLoader.load(BASELINE, List.of("turkey.refugee_return.salience=0.5")).actors(),
        edited.actors());
  }

  @Test
  void aLaterEditOfTheSameInputReplacesTheEarlierOne() throws Exception {
    WhatIf w = new WhatIf(config(List.of()));
    w.record(new WhatIf.Edit(Fields.CAPABILITY, "russia", null, 40, 1));
    w.record(new WhatIf.Edit(Fields.POSITION, "syria", "withdrawal", 80, 2));
    w.record(new WhatIf.Edit(Fields.CAPABILITY, "russia", null, 55, 4));
    assertEquals(List.of("syria.withdrawal.position=80", "russia.capability=55"), w.sets());
  }

  @Test
  void theEditsReplayedOnNominalInputsGiveTheEditedScenariosNominalInputs() throws Exception {
    GuiConfig c = config(List.of());
    WhatIf w = new WhatIf(c);
    w.record(new WhatIf.Edit(Fields.SALIENCE, "turkey", "refugee_return", 0.5, 3));
    w.record(new WhatIf.Edit(Fields.RED_LINE_MAX, "turkey", "withdrawal", 85, 3));
    w.record(new WhatIf.Edit(Fields.CAPABILITY, "russia", null, 40, 5));
    w.record(new WhatIf.Edit(Fields.STANCE_FLEXIBILITY, "syria", "counter_terrorism", 1.5, 5));
    w.record(new WhatIf.Edit(Fields.RESERVATION, "syria", null, 0.3, 6));
    NegotiationSetup live = SetupSampler.nominal(c.scenario(), 24);
    Inputs in = live.initial().copy();
    w.applyTo(in, live);
    Inputs expected = SetupSampler.nominal(w.scenario(), 24).initial();
    for (int i = 0; i < in.actors; i++) {
      assertEquals(expected.capability(i), in.capability(i), 1e-9);
      assertEquals(expected.reservation(i), in.reservation(i), 1e-9);
      for (int k = 0; k < in.issues; k++) {
        assertEquals(expected.salience(i, k), in.salience(i, k), 1e-9, "salience " + i + "," + k);
        assertEquals(expected.position(i, k), in.position(i, k), 1e-9);
        assertEquals(expected.redLineMin(i, k), in.redLineMin(i, k), 1e-9);
        assertEquals(expected.redLineMax(i, k), in.redLineMax(i, k), 1e-9);
        assertEquals(expected.flexibility(i, k), in.flexibility(i, k), 1e-9);
      }
    }
  }

  @Test
  void theSavedDeltaExtendsTheScenarioListsOnlyTheChangesAndLoadsAsTheEditedScenario()
      throws Exception {
    GuiConfig c = config(List.of("russia.capability=50"));
    WhatIf w = new WhatIf(c);
    w.record(new WhatIf.Edit(Fields.SALIENCE, "turkey", "refugee_return", 0.5, 3));
    w.record(new WhatIf.Edit(Fields.RED_LINE_MAX, "turkey", "withdrawal", 85, 3));
    Path file = tmp.resolve("what ifs").resolve("my-whatif.yaml");
    Scenario loaded = w.save(file, Instant.parse("2026-01-02T03:04:05Z"));

    String text = Files.readString(file);
    assertTrue(
        text.startsWith("# What-if saved by `negotiate gui` at 2026-01-02T03:04:05Z."), text);
    assertTrue(
        text.contains("turkish_elections (2023-06, sets it)"),
        "warns that an event resets the edit: " + text);
    JsonNode root = new YAMLMapper().readTree(text);
    Path base = file.getParent().resolve(root.path("extends").asText()).normalize();
    assertEquals(BASELINE.toAbsolutePath().normalize(), base);
    assertEquals("my-whatif", root.path("name").asText());
    assertEquals("my-whatif", loaded.name());
    JsonNode actors = root.path("actors");
    assertEquals(2, actors.size(), text);
    assertEquals("turkey", actors.get(0).path("id").asText());
    JsonNode turkey = actors.get(0).path("stances");
    assertEquals(85, turkey.path("withdrawal").path("red_line").path("max").asInt());
    assertEquals(0.5, turkey.path("refugee_return").path("salience").asDouble(), 1e-12);
    assertEquals(
        3, turkey.size(), "every salience of the actor, since a delta's salience does not rescale");
    assertFalse(turkey.path("withdrawal").has("position"), "unchanged values are not listed");
    assertEquals("russia", actors.get(1).path("id").asText());
    assertEquals(50, actors.get(1).path("capability").asInt());
    assertEquals(2, actors.get(1).size(), "id and the command line's change only");
    assertFalse(root.has("events") || root.has("issues") || root.has("protocol"), text);

    assertEquals(List.of(), ScenarioDiff.of(w.scenario(), loaded), "loads as the edited scenario");
    assertEquals(loaded.actors(), ScenarioLoader.load(file).actors());
    assertFalse(Files.exists(file.resolveSibling(".my-whatif.yaml.saving")));
  }

  @Test
  void aPositionMovedPastARedLineTakesTheRedLineWithIt() throws Exception {
    WhatIf w = new WhatIf(config(List.of()));
    // Türkiye's withdrawal red line max is uniform(45, 70): a position of 80 must move it.
    w.record(new WhatIf.Edit(Fields.POSITION, "turkey", "withdrawal", 80, 0));
    assertEquals(
        List.of("turkey.withdrawal.position=80", "turkey.withdrawal.red_line.max=80"), w.sets());
    Scenario loaded = w.save(tmp.resolve("moved.yaml"), Instant.now());
    assertEquals(
        80,
        loaded.actor("turkey").orElseThrow().stances().get("withdrawal").redLine().max().nominal(),
        1e-12);
  }

  @Test
  void eventsThatChangeAnEditedInputAreNamed() throws Exception {
    WhatIf w = new WhatIf(config(List.of()));
    var e = new WhatIf.Edit(Fields.SALIENCE, "turkey", "refugee_return", 0.5, 3);
    List<String> touching = w.eventsTouching(e);
    assertTrue(touching.contains("turkish_elections (2023-06, sets it)"), touching.toString());
    assertTrue(touching.contains("anti_refugee_riots (2024-07, sets it)"), touching.toString());
    assertEquals(
        List.of(),
        w.eventsTouching(new WhatIf.Edit(Fields.RED_LINE_MAX, "turkey", "withdrawal", 85, 3)));
  }

  @Test
  void editsAreClampedToValidValues() throws Exception {
    NegotiationSetup s = SetupSampler.nominal(config(List.of()).scenario(), 24);
    Inputs in = s.initial().copy();
    int t = s.indexOf("turkey");
    int w = s.issueIds().indexOf("withdrawal");
    assertEquals(
        0,
        InputEditor.set(in, Fields.RED_LINE_MIN, t, w, 99) - in.position(t, w),
        1e-12,
        "min stays at most the position");
    assertEquals(100, InputEditor.set(in, Fields.POSITION, t, w, 140), 1e-12);
    assertEquals(100, in.redLineMax(t, w), 1e-12, "the red line widened to admit the position");
    assertEquals(1.0, in.salienceSum(t), 1e-12);
    assertEquals(1.0, InputEditor.set(in, Fields.SALIENCE, t, w, 1.5), 1e-12);
    assertEquals(1.0, in.salienceSum(t), 1e-12);
    assertEquals(0.999, InputEditor.set(in, Fields.RESERVATION, t, 0, 1), 1e-12);
  }
}
