package org.negotiate.protocol;

import java.nio.file.Path;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;

/**
 * The mediated single text passes the protocol contract, on the baseline (mediators, red lines,
 * events).
 */
class MediatedContractTest extends ProtocolContract {
  @Override
  protected String name() {
    return "mediated";
  }

  @Override
  protected Scenario scenario() throws ScenarioException {
    return ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
  }
}
