package org.negotiate.spark;

import org.negotiate.experiment.Engine;
import org.negotiate.experiment.EngineProvider;

/** {@code --engine spark}: found by {@link java.util.ServiceLoader} in negotiate-spark.jar only. */
public final class SparkEngineProvider implements EngineProvider {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Engine open(String master, int blockReplications, String application) {
    return new SparkEngine(master, blockReplications, application);
  }
}
