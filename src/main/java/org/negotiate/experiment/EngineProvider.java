package org.negotiate.experiment;

/**
 * A cluster engine packaged apart from the main jar (the Spark one in {@code negotiate-spark.jar}),
 * found with {@link java.util.ServiceLoader} so that the main jar needs none of its libraries.
 */
public interface EngineProvider {
  /** The name {@code --engine} selects, e.g. {@code spark}. */
  String name();

  /**
   * Starts the engine.
   *
   * @param master the cluster's master URL, or null for the engine's default (spark-submit's {@code
   *     --master}, else {@code local[*]})
   * @param blockReplications replications each task runs at least
   * @param application a name for the cluster's UI and logs, e.g. {@code negotiate sweep baseline}
   */
  Engine open(String master, int blockReplications, String application);
}
