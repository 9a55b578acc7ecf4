package org.negotiate.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.experiment.UncertainInput;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.Protocols;
import org.negotiate.scenario.Fields;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.Range;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioDiff;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.sim.NegotiationModel;
import org.negotiate.sim.RoundListener;

/**
 * Issue 15 item 2's check: a toy actor field added as one row of {@link Fields} is parsed,
 * validated, {@code --set}, drawn, shown and edited in the GUI's Model tab, and written in a delta,
 * with no other code touched.
 */
class ToyFieldTest {
  static final Path BASELINE = Path.of("scenarios/baseline.yaml").toAbsolutePath();

  /** The one row: how patient an actor is, a share in [0, 1], 0.5 when a scenario does not say. */
  static final Fields.Field PATIENCE =
      Fields.actorField(
          "patience",
          Range.UNIT,
          0,
          1,
          Quantity.of(0.5),
          "toy field: how patient the actor is, in [0, 1]");

  @TempDir Path tmp;

  private Path scenario(String syriaPatience) throws Exception {
    Path f = tmp.resolve("toy.yaml");
    Files.writeString(
        f,
        "extends: "
            + BASELINE
            + "\nname: toy\nactors:\n  - id: syria\n    patience: "
            + syriaPatience
            + "\n");
    return f;
  }

  @Test
  void aToyFieldIsParsedValidatedSetDrawnShownAndWrittenInADelta() throws Exception {
    try (AutoCloseable added = Fields.register(PATIENCE)) {
      // parsed, with the row's default where the file does not give it
      Path file = scenario("uniform(0.2, 0.6)");
      Scenario s = ScenarioLoader.load(file);
      assertEquals(
          "uniform(0.2, 0.6)", PATIENCE.get(s.actor("syria").orElseThrow(), null).describe());
      assertEquals(0.5, PATIENCE.get(s.actor("turkey").orElseThrow(), null).nominal(), 0);

      // validated against the row's range, in a file and in --set
      ScenarioException bad =
          assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario("2")));
      assertTrue(bad.getMessage().contains("patience"), bad.getMessage());
      file = scenario("uniform(0.2, 0.6)");
      Path ok = file;
      ScenarioException badSet =
          assertThrows(
              ScenarioException.class,
              () -> ScenarioLoader.load(ok, List.of("turkey.patience=-1")));
      assertTrue(badSet.getMessage().contains("turkey.patience"), badSet.getMessage());

      // --set by its path
      Scenario set = ScenarioLoader.load(file, List.of("turkey.patience=0.8"));
      assertEquals(0.8, PATIENCE.get(set.actor("turkey").orElseThrow(), null).nominal(), 0);

      // drawn from its own stream into the model's inputs, as the uncertainty streams name it
      UncertainInput u =
          UncertainInput.of(s, false).stream()
              .filter(x -> x.key().equals("syria.patience"))
              .findFirst()
              .orElseThrow();
      NegotiationSetup setup = SetupSampler.draw(s, 24, 12345L);
      int syria = setup.indexOf("syria");
      double drawn = setup.initial().more("patience", syria);
      assertEquals(u.drawn(12345L), drawn, 0);
      assertTrue(drawn >= 0.2 && drawn <= 0.6, "drawn " + drawn);
      assertEquals(0.4, SetupSampler.nominal(s, 24).initial().more("patience", syria), 1e-12);
      assertEquals(0.5, setup.initial().more("patience", setup.indexOf("turkey")), 0);

      // shown in the GUI's Model tab by its path and edited within its clamp
      GuiConfig config =
          new GuiConfig(
              file,
              s,
              s,
              List.of(),
              Protocols.byName(s.protocol().name()).orElseThrow(),
              s.experiment().rounds(),
              false,
              s.experiment().seed(),
              0,
              false,
              tmp,
              null);
      NegotiationGui gui = new NegotiationGui(config);
      List<String> names = new ArrayList<>();
      for (InputProperties p : gui.properties())
        for (int i = 0; i < p.numProperties(); i++) names.add(p.getName(i));
      assertTrue(names.contains("syria.patience"), names.toString());
      Inputs in = setup.initial().copy();
      assertEquals(0.9, InputEditor.set(in, PATIENCE, syria, 0, 0.9), 0);
      assertEquals(1, InputEditor.set(in, PATIENCE, syria, 0, 1.7), 0, "clamped by the row");
      assertEquals(
          drawn, setup.initial().more("patience", syria), 0, "the copy was edited, not the setup");
      assertTrue(GuiScript.check("set=syria.patience=0.7", s).isEmpty());

      // written in a delta that loads back as the edited scenario
      WhatIf w = new WhatIf(config);
      w.record(new WhatIf.Edit(PATIENCE, "turkey", null, 0.7, 2));
      assertEquals(List.of("turkey.patience=0.7"), w.sets());
      Path delta = tmp.resolve("toy_whatif.yaml");
      Scenario loaded = w.save(delta, Instant.parse("2026-01-02T03:04:05Z"));
      assertTrue(Files.readString(delta).contains("patience: 0.7"), Files.readString(delta));
      assertEquals(List.of(), ScenarioDiff.of(w.scenario(), loaded));
      assertEquals(0.7, PATIENCE.get(loaded.actor("turkey").orElseThrow(), null).nominal(), 0);
      assertEquals(
          List.of(new ScenarioDiff.Row("turkey.patience", "0.5", "0.7")),
          ScenarioDiff.of(s, loaded));
    }
    // without the row the key is unknown again: nothing else knew it
    ScenarioException unknown =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario("0.3")));
    assertTrue(unknown.getMessage().contains("patience"), unknown.getMessage());
    assertFalse(Fields.actorFields().contains("patience"));
  }

  /**
   * Events target an added field through the same table: a scheduled event shifts Syria's patience
   * from its month on, a random one (certain in its one month) scales Türkiye's, and the row's
   * clamp holds the result (0.5 x 3 stays at 1).
   */
  @Test
  void anEventOnAToyFieldChangesItFromItsMonthOn() throws Exception {
    try (AutoCloseable added = Fields.register(PATIENCE)) {
      Path file = tmp.resolve("toy_events.yaml");
      Files.writeString(
          file,
          "extends: "
              + BASELINE
              + "\nname: toy_events\nactors:\n  - id: syria\n    patience: 0.3\n"
              + "events:\n"
              + "  - id: patience_wears_thin\n    label: Syria's patience wears thin\n"
              + "    at: 2023-03\n"
              + "    changes:\n      - {target: syria.patience, shift: 0.4}\n"
              + "    evidence: ['002#marking a significant thaw in the regional isolation of Damascus']\n"
              + "    rationale: toy\n"
              + "  - id: ankara_waits\n    label: Ankara waits\n"
              + "    random: {probability: 1, from: 2023-02, to: 2023-02}\n"
              + "    changes:\n      - {target: turkey.patience, scale: 3}\n"
              + "    evidence: ['002#marking a significant thaw in the regional isolation of Damascus']\n"
              + "    rationale: toy\n");
      Scenario s = ScenarioLoader.load(file);
      NegotiationSetup setup = SetupSampler.draw(s, 6, true, 7L);
      int syria = setup.indexOf("syria");
      int turkey = setup.indexOf("turkey");
      assertEquals(0.3, setup.initial().more("patience", syria), 0);
      assertEquals(0.5, setup.initial().more("patience", turkey), 0);

      Protocol protocol = Protocols.byName(s.protocol().name()).orElseThrow();
      List<double[]> seen = new ArrayList<>();
      NegotiationModel[] model = new NegotiationModel[1];
      RoundListener watch =
          (round, fired, session, close) ->
              seen.add(
                  new double[] {
                    model[0].inputs().more("patience", syria),
                    model[0].inputs().more("patience", turkey)
                  });
      model[0] = new NegotiationModel(setup, protocol, false, watch);
      model[0].runToEnd();
      assertTrue(seen.size() > 3, "the run reached 2023-03: " + seen.size() + " rounds");
      for (int round = 0; round < seen.size(); round++) {
        double[] v = seen.get(round);
        // rounds are months from 2022-12: 2023-02 is round 2, 2023-03 round 3
        assertEquals(round < 3 ? 0.3 : 0.7, v[0], 1e-12, "syria's patience in round " + round);
        assertEquals(round < 2 ? 0.5 : 1.0, v[1], 0, "turkey's patience in round " + round);
      }
      assertEquals(0.3, setup.initial().more("patience", syria), 0, "the setup is unchanged");
    }
  }
}
