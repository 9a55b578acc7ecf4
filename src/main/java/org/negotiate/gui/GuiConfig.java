package org.negotiate.gui;

import java.nio.file.Path;
import java.util.List;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;

/**
 * What {@code negotiate gui} was started with.
 *
 * @param scenarioFile the scenario file, or null for an actor table (then no delta can be saved)
 * @param fileScenario the scenario as the file writes it, without {@code --set}: what a saved
 *     what-if {@code extends}; null for an actor table
 * @param scenario the scenario as run: the file with the command line's {@code --set} overrides
 * @param cliOverrides the command line's overrides, in order (they belong to a saved what-if too)
 * @param rounds rounds of a run (one per month)
 * @param exactRounds an explicit {@code --rounds}: protocols' own stopping rules are off
 * @param seed base seed S: the GUI runs replication {@code replication} of S, exactly the run
 *     {@code negotiate run --seed S --replication I} shows, until inputs are edited
 * @param nominal run the nominal inputs (fixed values, modes, means; no random events) instead of
 *     replication I's draw
 * @param out results root: Monte Carlo odds and the script's screenshots go to {@code
 *     out/gui/<run-id>/}
 * @param script test hook, e.g. {@code
 *     steps=3;set=turkey.refugee_return.salience=0.5;screenshot=a;quit}, or null
 */
public record GuiConfig(
    Path scenarioFile,
    Scenario fileScenario,
    Scenario scenario,
    List<String> cliOverrides,
    Protocol protocol,
    int rounds,
    boolean exactRounds,
    long seed,
    int replication,
    boolean nominal,
    Path out,
    String script) {

  public GuiConfig {
    cliOverrides = List.copyOf(cliOverrides);
  }
}
