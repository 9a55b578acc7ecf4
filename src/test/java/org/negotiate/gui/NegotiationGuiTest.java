package org.negotiate.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.scenario.Fields;
import org.negotiate.sim.RunOutcome;
import sim.util.Interval;

/**
 * The GUIState without a display: its inspector properties, edits between rounds, and a whole run.
 */
class NegotiationGuiTest {

  @Test
  void theInspectorListsEverySetPathOfEveryActorWithSliderRanges() throws Exception {
    NegotiationGui gui = new NegotiationGui(WhatIfTest.config(List.of()));
    List<String> names = new ArrayList<>();
    for (InputProperties p : gui.properties()) {
      for (int i = 0; i < p.numProperties(); i++) {
        names.add(p.getName(i));
        Interval d = assertInstanceOf(Interval.class, p.getDomain(i), p.getName(i));
        double v = (Double) p.getValue(i);
        assertTrue(
            d.getMin().doubleValue() <= v && v <= d.getMax().doubleValue(),
            p.getName(i) + "=" + v + " in its slider range");
        assertTrue(p.isReadWrite(i));
        assertEquals(Double.TYPE, p.getType(i));
      }
    }
    assertEquals(6, gui.properties().size(), "one tab per actor, then the protocol's");
    // per actor: its 6 own fields, 6 per stance on 3 issues, ties and pressure towards each of the
    // 4 others;
    // then the mediated protocol's 4 parameters
    assertEquals(5 * (6 + 3 * 6 + 2 * 4) + 4, names.size());
    assertTrue(names.contains("protocol.noise"));
    assertTrue(names.contains("syria.flexibility"), "one value, as --set and sensitivity use it");
    assertTrue(names.contains("turkey.ties.russia"));
    assertTrue(names.contains("russia.pressure.syria"));
    assertTrue(names.contains("russia.lean"));
    assertTrue(names.contains("turkey.risk"));
    assertTrue(names.contains("syria.withdrawal.cost_of_delay"));
    assertTrue(names.contains("turkey.refugee_return.salience"));
    assertTrue(names.contains("syria.withdrawal.red_line.min"));
    assertTrue(names.contains("russia.capability"));
    assertTrue(names.contains("opposition.counter_terrorism.flexibility"));
  }

  private static int indexOf(InputProperties p, String name) {
    for (int i = 0; i < p.numProperties(); i++) if (p.getName(i).equals(name)) return i;
    throw new AssertionError("no " + name);
  }

  @Test
  void setAsTheInspectorDoesChangesTheRunningInputsFromTheNextRoundAndIsRemembered()
      throws Exception {
    NegotiationGui gui = new NegotiationGui(WhatIfTest.config(List.of()));
    gui.start();
    for (int i = 0; i < 3; i++) assertTrue(gui.step());
    assertEquals(2, gui.lastRound());
    InputProperties turkey = gui.properties().get(0);
    int idx = indexOf(turkey, "turkey.refugee_return.salience");
    synchronized (gui.state.schedule) { // as SimpleInspector does
      assertEquals(0.5, (Double) turkey.setValue(idx, "0.5"), 1e-12);
    }
    var m = gui.model();
    int t = m.setup().indexOf("turkey");
    assertEquals(
        0.5, m.inputs().salience(t, m.setup().issueIds().indexOf("refugee_return")), 1e-12);
    assertEquals(1.0, m.inputs().salienceSum(t), 1e-12);
    assertEquals(List.of("turkey.refugee_return.salience=0.5"), gui.whatIf.sets());
    assertEquals(2, gui.whatIf.edits().get(0).round());

    // the slider's own echo of a value the model changed is not an edit
    int other = indexOf(turkey, "turkey.withdrawal.salience");
    double shown = (Double) turkey.getValue(other);
    Interval d = (Interval) turkey.getDomain(other);
    int pos =
        (int)
            ((shown - d.getMin().doubleValue())
                / (d.getMax().doubleValue() - d.getMin().doubleValue())
                * 1000);
    String echo = new java.text.DecimalFormat("0.000").format(pos / 1000.0);
    turkey.setValue(other, echo);
    assertEquals(1, gui.whatIf.edits().size(), "echo " + echo + " of " + shown + " ignored");

    while (gui.step()) {} // to the end: the run stops itself
    assertTrue(gui.lastRound() <= 23);
  }

  @Test
  void withoutEditsTheGuiRunsExactlyReplicationIOfSeedS() throws Exception {
    GuiConfig c = WhatIfTest.config(List.of());
    NegotiationGui gui = new NegotiationGui(c);
    gui.start();
    while (gui.step()) {}
    RunOutcome expected =
        MonteCarlo.single(c.scenario(), c.protocol(), c.rounds(), false, c.seed(), 0, null)
            .outcomes()
            .get(0);
    RunOutcome got = gui.model().outcome();
    assertEquals(expected.ending(), got.ending());
    assertEquals(expected.round(), got.round());
    assertEquals(expected.blocker(), got.blocker());
    assertEquals(expected.round(), gui.lastRound());
  }

  @Test
  void aNewRunStartsWithTheEditsAndTheConsolesSeed() throws Exception {
    NegotiationGui gui = new NegotiationGui(WhatIfTest.config(List.of()));
    gui.edit(Fields.CAPABILITY, "russia", null, 12.5);
    assertEquals(-1, gui.whatIf.edits().get(0).round(), "made before the first round");
    var before = gui.model();
    gui.state.setSeed(7); // as the Console does before a start
    gui.start();
    assertNotEquals(before, gui.model());
    assertEquals(7, gui.baseSeed());
    var m = gui.model();
    assertEquals(12.5, m.inputs().capability(m.setup().indexOf("russia")), 1e-12);
    assertEquals(org.negotiate.model.Streams.replicationSeed(7, 0), m.setup().seed());
    assertFalse(gui.whatIf.isEmpty());
  }

  @Test
  void nominalRunsTheScenariosNominalInputs() throws Exception {
    GuiConfig c = WhatIfTest.config(List.of());
    GuiConfig nominal =
        new GuiConfig(
            c.scenarioFile(),
            c.fileScenario(),
            c.scenario(),
            c.cliOverrides(),
            c.protocol(),
            c.rounds(),
            false,
            c.seed(),
            0,
            true,
            c.out(),
            null);
    NegotiationGui gui = new NegotiationGui(nominal);
    gui.start();
    var m = gui.model();
    int t = m.setup().indexOf("turkey");
    assertEquals(80, m.inputs().capability(t), 1e-12, "triangular(70, 80, 90) at its mode");
    assertEquals(
        0.3, m.inputs().salience(t, m.setup().issueIds().indexOf("refugee_return")), 1e-12);
    while (gui.step()) {}
  }
}
