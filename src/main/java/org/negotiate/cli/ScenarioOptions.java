package org.negotiate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that reads a scenario accepts. */
final class ScenarioOptions {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      description = "Scenario file (YAML), e.g. scenarios/baseline.yaml.")
  Path scenario;

  @Option(
      names = "--table",
      paramLabel = "FILE",
      description = {
        "Instead of a scenario: an actor table as published, Bueno de Mesquita's "
            + "(Actor,Capability,Position,Salience) or KTAB's SMP CSV. Runs with the table's own model "
            + "(eum for BDM, smp for KTAB) unless --protocol says otherwise."
      })
  Path table;

  @Option(
      names = "--table-format",
      paramLabel = "bdm|ktab",
      description = "The table's format (default: guessed from its first cell).")
  org.negotiate.scenario.tables.TableScenarios.Format tableFormat;

  /** The file the scenario comes from, for messages and the manifest. */
  Path source() {
    return table != null ? table : scenario;
  }

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = {
        "Override one input, e.g. turkey.withdrawal.position=40, turkey.capability=uniform(60,90), "
            + "syria.withdrawal.red_line.min=30, protocol.noise=0. Repeatable. Setting a salience rescales "
            + "the actor's other saliences so they still sum to 1."
      })
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--protocol",
      paramLabel = "NAME",
      description =
          "Run with this protocol instead of the scenario's (its parameters that the new protocol does not take are dropped).")
  String protocol;

  /** What --as-of does, for every command that takes it. */
  static final String AS_OF =
      "As of the end of this month: only evidence dated by then sets a value and only events "
          + "known by then are scheduled; odds and backtest also keep only the runs that reproduce what had been observed "
          + "by then (the scenario's observations, and no deal so far where it records the outcome). 'none' runs the "
          + "scenario as written, with hindsight. Default: the scenario's as_of.forecast, else none.";

  @Option(names = "--as-of", paramLabel = "YYYY-MM", description = AS_OF)
  String asOf;

  /**
   * The as-of cut the scenario was loaded with (null for a run as written); set by
   * CommandInputs.scenario.
   */
  org.negotiate.scenario.AsOf.Cut cut;

  /**
   * The scenario as loaded, before any as-of cut (a back-test cuts it month by month); set by
   * CommandInputs.scenario.
   */
  org.negotiate.scenario.Scenario loaded;

  /**
   * The overrides in the order they apply: the protocol switch first, so --set can then set its
   * parameters.
   */
  List<String> allOverrides() {
    List<String> all = new ArrayList<>();
    if (protocol != null) all.add("protocol.name=" + protocol);
    else if (table != null)
      all.add(
          "protocol.name="
              + org.negotiate.scenario.tables.TableScenarios.nativeProtocol(table, tableFormat));
    all.addAll(overrides);
    return all;
  }
}
