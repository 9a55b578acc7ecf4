package org.negotiate.experiment;

import java.io.Serializable;
import java.util.List;

/**
 * Engines for the command-line tests, found the way the Spark engine is (ServiceLoader): {@code
 * serializing}, a {@link SerializingEngine} of 3 workers (every task and result through Java
 * serialization, blocks shuffled, every third task dies once), and {@code broken}, whose every job
 * fails as a lost cluster would.
 */
public final class TestEngineProvider implements EngineProvider {
  @Override
  public String name() {
    return "serializing";
  }

  @Override
  public Engine open(String master, int blockReplications, String application) {
    return new SerializingEngine(3, blockReplications, 11, 3);
  }

  /** The engine whose jobs all fail. */
  public static final class Broken implements EngineProvider {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public Engine open(String master, int blockReplications, String application) {
      return new SerializingEngine(2, blockReplications, 1, 0) {
        @Override
        public <T extends Serializable> List<T> map(
            int n, long replicationsEach, Task<T> task, Progress progress) {
          throw new EngineFailure("the test cluster went away", new IllegalStateException("lost"));
        }
      };
    }
  }
}
