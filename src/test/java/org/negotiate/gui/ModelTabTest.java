package org.negotiate.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.experiment.Comparison;
import org.negotiate.experiment.Proportions;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.report.ChartLook;
import org.negotiate.scenario.Fields;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioDiff;

/** The Model tab's inputs, the script's checks and the what-if window's marks, headless. */
class ModelTabTest {
  @TempDir Path tmp;

  @Test
  void theActorsFlexibilityIsOneValueAsSetAndSensitivityUseIt() throws Exception {
    NegotiationSetup s = SetupSampler.nominal(WhatIfTest.config(List.of()).scenario(), 24);
    Inputs in = s.initial().copy();
    int syria = s.indexOf("syria");
    assertEquals(0.9, InputEditor.set(in, Fields.FLEXIBILITY, syria, 0, 0.9), 1e-12);
    for (int k = 0; k < in.issues; k++)
      assertEquals(0.9, in.flexibility(syria, k), 1e-12, "every stance's");
    assertEquals(0.9, InputEditor.get(in, Fields.FLEXIBILITY, syria, 0), 1e-12);
  }

  @Test
  void tiesPressureRiskAndLeanAreEditableByTheirPaths() throws Exception {
    NegotiationSetup s = SetupSampler.nominal(WhatIfTest.config(List.of()).scenario(), 24);
    Inputs in = s.initial().copy();
    int turkey = s.indexOf("turkey");
    int russia = s.indexOf("russia");
    assertEquals(0.3, InputEditor.set(in, Fields.TIES, turkey, russia, 0.3), 1e-12);
    assertEquals(0.3, in.tie(turkey, russia), 1e-12);
    assertEquals(-0.2, InputEditor.set(in, Fields.PRESSURE, russia, turkey, -0.2), 1e-12);
    assertEquals(
        1, InputEditor.set(in, Fields.RISK, turkey, 0, 3), 1e-12, "clamped to the table's [-1, 1]");
    assertEquals(0.4, InputEditor.set(in, Fields.LEAN, russia, 0, 0.4), 1e-12);
    assertEquals(
        1e-9,
        InputEditor.set(in, Fields.CAPABILITY, turkey, 0, 0),
        0,
        "the model's floor, the table's one");
  }

  @Test
  void editsOfTheNewFieldsAreSetOverridesAndASavedDeltaLoadsAsTheEditedScenario() throws Exception {
    WhatIf w = new WhatIf(WhatIfTest.config(List.of()));
    w.record(new WhatIf.Edit(Fields.FLEXIBILITY, "syria", null, 0.9, 2));
    w.record(new WhatIf.Edit(Fields.TIES, "turkey", "russia", 0.2, 2));
    w.record(new WhatIf.Edit(Fields.LEAN, "russia", null, 0.3, 2));
    assertEquals(
        List.of("syria.flexibility=0.9", "turkey.ties.russia=0.2", "russia.lean=0.3"), w.sets());
    Scenario loaded = w.save(tmp.resolve("edits.yaml"), Instant.parse("2026-01-02T03:04:05Z"));
    assertEquals(List.of(), ScenarioDiff.of(w.scenario(), loaded));
    assertEquals(0.9, loaded.actor("syria").orElseThrow().flexibility().nominal(), 1e-12);
    assertEquals(0.2, loaded.actor("turkey").orElseThrow().ties().get("russia").nominal(), 1e-12);
  }

  @Test
  void aBadScriptStepIsNamedBeforeTheGuiOpens() throws Exception {
    Scenario s = WhatIfTest.config(List.of()).scenario();
    assertEquals(
        List.of(),
        GuiScript.check(
            "steps=3;set=syria.flexibility=0.9;set=turkey.ties.russia=0.2;"
                + "set=turkey.refugee_return.salience=0.5;tab=Model;screenshot=a;montecarlo=50;save=x.yaml;play;quit",
            s));
    List<String> p =
        GuiScript.check(
            "steps=3;set=syria.flexibilty=0.9;set=syria.flexibility=abc;set=agreement.tolerance=1;"
                + "set=syria.flexibility=20;steps=x;tab=Nope;dance",
            s);
    assertEquals(7, p.size(), p.toString());
    assertTrue(
        p.get(0)
            .startsWith(
                "step 2 \"set=syria.flexibilty=0.9\": unknown field \"flexibilty\" of actor syria"),
        p.get(0));
    assertTrue(
        p.get(1).contains("syria.flexibility: expected a number in (0,10], got \"abc\""), p.get(1));
    assertTrue(p.get(2).contains("give agreement.tolerance with --set"), p.get(2));
    assertTrue(p.get(3).contains("got \"20\""), p.get(3));
    assertTrue(p.get(4).startsWith("step 6 \"steps=x\""), p.get(4));
    assertTrue(
        p.get(5).contains("valid tabs: Console, Displays, Inspectors, Model, About"), p.get(5));
    assertTrue(p.get(6).contains("unknown step \"dance\""), p.get(6));
  }

  @Test
  void theProtocolsParametersAreScriptStepsCheckedAgainstTheirSpecs() throws Exception {
    Scenario s = WhatIfTest.config(List.of()).scenario();
    assertEquals(
        List.of(),
        GuiScript.check(
            "set=protocol.noise=0.2;set=protocol.breakdown_after=6;set=protocol.revision=2;quit",
            s));
    List<String> p =
        GuiScript.check(
            "set=protocol.noise=1.5;set=protocol.breakdown_after=2.5;set=protocol.nois=0;"
                + "set=protocol.name=eum;set=protocol.noise=x",
            s);
    assertEquals(5, p.size(), p.toString());
    assertEquals(
        "step 1 \"set=protocol.noise=1.5\": protocol.noise: expected a number in [0,1], got \"1.5\"",
        p.get(0));
    assertTrue(
        p.get(1)
            .contains(
                "protocol.breakdown_after: expected an integer in [0,2147483647], got \"2.5\""),
        p.get(1));
    assertTrue(
        p.get(2)
            .contains(
                "unknown parameter \"nois\" for protocol mediated; valid parameters: noise, breakdown_after, "
                    + "walkout_hazard, revision"),
        p.get(2));
    assertTrue(p.get(3).contains("give protocol.name with --set"), p.get(3));
    assertTrue(
        p.get(4).contains("protocol.noise: expected a number in [0,1], got \"x\""), p.get(4));
  }

  @Test
  void theProtocolTabHasEveryParameterOfTheSpecsByItsSetPath() throws Exception {
    NegotiationGui gui = new NegotiationGui(WhatIfTest.config(List.of()));
    InputProperties tab = gui.properties().get(gui.properties().size() - 1);
    assertEquals("Protocol (mediated)", tab.getObject());
    var specs = org.negotiate.protocol.Protocols.descriptor("mediated").parameters();
    assertEquals(
        specs.stream().map(q -> "protocol." + q.name()).toList(),
        tab.entries().stream().map(InputProperties.Entry::name).toList());
    for (int i = 0; i < specs.size(); i++) {
      assertTrue(tab.getDescription(i).contains(specs.get(i).description()), tab.getDescription(i));
      assertTrue(
          tab.getDescription(i)
              .contains(
                  specs.get(i).range().expected() + ", default " + specs.get(i).defaultText()),
          tab.getDescription(i));
    }
    // noise: the scenario's 0.03; walkout_hazard: not given, the spec's default; revision: uniform,
    // this run's draw
    assertEquals(0.03, (Double) tab.getValue(0), 1e-12);
    assertTrue(tab.getDescription(0).contains("in the scenario: 0.03"), tab.getDescription(0));
    assertEquals(specs.get(2).defaultValue(), (Double) tab.getValue(2), 1e-12);
    assertTrue(tab.getDescription(2).contains("not given: the default"), tab.getDescription(2));
    double revision = gui.model().setup().params().get("revision");
    assertTrue(revision >= 0.5 && revision <= 2, "drawn from uniform(0.5, 2): " + revision);
    assertEquals(
        revision, (Double) tab.getValue(3), 0.005, "shown to 2 decimals on the wide [0,100]");
    // breakdown_after's slider runs over the run's rounds, not up to 2^31
    assertEquals(gui.config.rounds(), ((sim.util.Interval) tab.getDomain(1)).getMax().longValue());
  }

  @Test
  void aProtocolEditAppliesFromTheNextRunAndIsTheSameSetAsOnTheCommandLine() throws Exception {
    GuiConfig c = WhatIfTest.config(List.of());
    NegotiationGui gui = new NegotiationGui(c);
    var noise = org.negotiate.protocol.Protocols.descriptor("mediated").parameter("noise");
    assertEquals(0.2, gui.editProtocol(noise, 0.2), 0);
    assertEquals(
        1, gui.editProtocol(noise, 7), 0, "clamped to the spec's [0,1], as the actors' rows clamp");
    assertEquals(0.2, gui.editProtocol(noise, 0.2), 0);
    var breakdown =
        org.negotiate.protocol.Protocols.descriptor("mediated").parameter("breakdown_after");
    assertEquals(6, gui.editProtocol(breakdown, 5.6), 0, "an integer parameter is rounded");
    assertEquals(
        0.03, gui.model().setup().params().get("noise"), 1e-12, "the current run keeps its value");
    assertEquals(0.2, gui.protocolValue(noise), 0, "the row shows the value the next run uses");
    assertEquals(List.of("protocol.noise=0.2", "protocol.breakdown_after=6"), gui.whatIf.sets());

    // The next run's setup is the --set one's, draw for draw.
    var next = NegotiationGui.build(c, gui.whatIf.runScenario(), 7, null).setup();
    var viaSet =
        org.negotiate.experiment.MonteCarlo.setupOf(
            ScenarioLoaderHelper.load(List.of("protocol.noise=0.2", "protocol.breakdown_after=6")),
            c.rounds(),
            false,
            7,
            0);
    assertEquals(viaSet.params(), next.params());
    assertEquals(0.2, next.params().get("noise"), 0);

    // The what-if's Monte Carlo runs the --set scenario; the saved delta loads as it.
    assertEquals(
        ScenarioLoaderHelper.load(List.of("protocol.noise=0.2", "protocol.breakdown_after=6"))
            .protocol(),
        gui.whatIf.scenario().protocol());
    Path file = tmp.resolve("noisy.yaml");
    Scenario loaded = gui.whatIf.save(file, Instant.parse("2026-01-02T03:04:05Z"));
    assertEquals(List.of(), ScenarioDiff.of(gui.whatIf.scenario(), loaded));
    assertEquals(0.2, loaded.protocol().params().get("noise").nominal(), 0);
    String yaml = java.nio.file.Files.readString(file);
    assertTrue(
        yaml.contains(
            "#   protocol.noise=0.2 (before the first round); in the GUI from the next run"),
        yaml);

    // Through the inspector, as a user types it: the current run goes on with its value, a new run
    // starts with the edit.
    gui.start();
    for (int i = 0; i < 2; i++) assertTrue(gui.step());
    assertEquals(
        0.2, gui.model().setup().params().get("noise"), 0, "this run started after the edit");
    InputProperties tab = gui.properties().get(gui.properties().size() - 1);
    tab.setValue(0, 0.25);
    assertEquals(
        0.2,
        gui.model().setup().params().get("noise"),
        0,
        "the running replication keeps its noise");
    assertEquals(0.25, (Double) tab.getValue(0), 0);
    gui.finish();
    gui.start();
    assertEquals(0.25, gui.model().setup().params().get("noise"), 0, "the next run uses the edit");
    assertEquals(6, gui.model().setup().params().get("breakdown_after"), 0);
    gui.finish();
  }

  @Test
  void anotherProtocolsTabHoldsItsOwnParametersWithIntegerSliders() throws Exception {
    GuiConfig c = WhatIfTest.config(List.of("protocol.name=eum"));
    NegotiationGui gui = new NegotiationGui(c);
    InputProperties tab = gui.properties().get(gui.properties().size() - 1);
    assertEquals("Protocol (eum)", tab.getObject());
    var specs = org.negotiate.protocol.Protocols.descriptor("eum").parameters();
    assertEquals(specs.size(), tab.numProperties());
    for (int i = 0; i < specs.size(); i++) {
      var d = (sim.util.Interval) tab.getDomain(i);
      assertEquals(
          !specs.get(i).range().integer(),
          d.isDouble(),
          tab.getName(i) + ": a whole-number slider for an integer");
      assertEquals(
          specs.get(i).defaultValue(),
          (Double) tab.getValue(i),
          1e-4,
          tab.getName(i) + ": the default, none given");
    }
    assertEquals(
        List.of(),
        GuiScript.check("set=protocol.q=0.5;set=protocol.normalisation=2", c.scenario()));
    assertTrue(
        GuiScript.check("set=protocol.normalisation=3", c.scenario())
            .get(0)
            .endsWith("protocol.normalisation: expected an integer in [0,2], got \"3\""));
    assertTrue(
        GuiScript.check("set=protocol.noise=0.1", c.scenario())
            .get(0)
            .contains("unknown parameter \"noise\" for protocol eum"));
    gui.editProtocol(org.negotiate.protocol.Protocols.descriptor("eum").parameter("q"), 0.5);
    assertEquals(List.of("protocol.q=0.5"), gui.whatIf.sets());
    assertEquals(0.5, gui.whatIf.scenario().protocol().params().get("q").nominal(), 0);
  }

  /** The baseline with {@code --set} overrides, as the command line loads it. */
  private static final class ScenarioLoaderHelper {
    static Scenario load(List<String> sets) throws Exception {
      return org.negotiate.scenario.ScenarioLoader.load(WhatIfTest.BASELINE, sets);
    }
  }

  @Test
  void yourEditHasAColourNoActorAndNoOtherMarkHas() {
    for (int a = 0; a < 40; a++) assertFar(GuiCharts.EDIT, ChartLook.actorColor(a), "actor " + a);
    for (Color c :
        List.of(
            GuiCharts.ACCEPT,
            GuiCharts.REFUSE,
            GuiCharts.EVENT,
            ChartLook.TEXT_COLOR,
            OddsView.WITH_EDITS,
            OddsView.SCENARIO)) {
      assertFar(GuiCharts.EDIT, c, c.toString());
    }
  }

  private static void assertFar(Color x, Color y, String what) {
    double d =
        Math.sqrt(
            Math.pow(x.getRed() - y.getRed(), 2)
                + Math.pow(x.getGreen() - y.getGreen(), 2)
                + Math.pow(x.getBlue() - y.getBlue(), 2));
    assertTrue(d > 120, "the edit colour is too close to " + what + ": distance " + d);
  }

  @Test
  void theIssueNameIsShownWholeNotCut() {
    String label = "Counter-terrorism cooperation against the PKK/YPG";
    assertEquals(
        label,
        ((org.jfree.chart.title.TextTitle) LiveCharts.issueTitle(label).getTitle()).getText());
  }

  @Test
  void theWhatIfDifferenceCarriesThePairedInterval() {
    Proportions.Interval paired = Proportions.paired(40, 15, 5, 40);
    var month =
        new Comparison.MonthDifference(
            0,
            YearMonth.of(2024, 11),
            40,
            15,
            5,
            40,
            0.55,
            0.45,
            0.65,
            0.45,
            0.35,
            0.55,
            paired,
            Proportions.unpaired(55, 100, 45, 100));
    String line =
        OddsView.difference(
            new Comparison("baseline", "edited", 100, 1, List.of(month), List.of()));
    assertTrue(
        line.startsWith(
            String.format(
                java.util.Locale.ROOT,
                "with the edits − as loaded (same draws): %+.3f [%+.3f, %+.3f] by 2024-11",
                paired.estimate(),
                paired.lower(),
                paired.upper())),
        line);
    assertTrue(
        paired.lower() < paired.estimate() && paired.estimate() < paired.upper(),
        paired.toString());
    assertFalse(line.contains("NaN"), line);
  }
}
