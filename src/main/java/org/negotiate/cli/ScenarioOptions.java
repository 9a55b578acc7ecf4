package org.negotiate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that reads a scenario accepts. */
final class ScenarioOptions {
  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML), e.g. scenarios/baseline.yaml.")
  Path scenario;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = {
        "Override one input, e.g. turkey.withdrawal.position=40, turkey.capability=uniform(60,90),",
        "syria.withdrawal.red_line.min=30, protocol.noise=0. Repeatable. Setting a salience rescales",
        "the actor's other saliences so they still sum to 1."
      })
  List<String> overrides = new ArrayList<>();
}
