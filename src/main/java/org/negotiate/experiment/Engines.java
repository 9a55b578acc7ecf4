package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Opens the engine {@code --engine} names. */
public final class Engines {
  /** Replications a cluster task runs by default: a few tenths of a second of baseline work. */
  public static final int DEFAULT_BLOCK = 5_000;

  private Engines() {}

  /**
   * @throws IllegalArgumentException naming the engines this jar has, and how to get the Spark one
   */
  public static Engine open(
      String name, String master, int threads, int blockReplications, String application) {
    if (name == null || name.equals("local")) {
      if (master != null)
        throw new IllegalArgumentException(
            "--master is for --engine spark; the local engine uses this machine's cores (--threads)");
      return new LocalEngine(threads);
    }
    List<String> known = new ArrayList<>(List.of("local"));
    Iterator<EngineProvider> providers = ServiceLoader.load(EngineProvider.class).iterator();
    while (true) {
      EngineProvider p;
      try {
        if (!providers.hasNext()) break;
        p = providers.next();
      } catch (ServiceConfigurationError unusable) {
        continue; // a provider listed on the class path but missing or broken: the others still
        // count
      }
      if (p.name().equals(name)) return p.open(master, blockReplications, application);
      known.add(p.name());
    }
    if (name.equals("spark")) {
      throw new IllegalArgumentException(
          "--engine spark: this jar has no Spark engine (the main jar stays free of Spark). "
              + "Use the job jar: `./negotiate ... --engine spark` builds it (mvn -Pspark package) and runs it with the Spark "
              + "jars, or on a cluster `spark-submit --class org.negotiate.cli.Main target/negotiate-spark.jar ...`");
    }
    throw new IllegalArgumentException(
        "--engine: expected one of " + String.join(", ", known) + ", got \"" + name + "\"");
  }
}
