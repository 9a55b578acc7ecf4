package org.negotiate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.Engines;
import picocli.CommandLine.Option;

/** Where an experiment runs: this machine's cores, or a Spark cluster. The results are the same. */
final class EngineOptions {
  @Option(names = "--engine", paramLabel = "local|spark",
      description = {"Where the replications run: local (this machine's cores; the default, except under "
          + "spark-submit, where it is spark) or spark (a Spark cluster, with the job jar: see README "
          + "\"Scaling on Spark\"). The CSVs are byte-identical."})
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = {"The Spark master for --engine spark: local[2], spark://host:7077 (default: spark-submit's "
          + "--master, else local[*])."})
  String master;

  @Option(names = "--block", paramLabel = "N",
      description = "Replications one Spark task runs at least (default: " + Engines.DEFAULT_BLOCK + ").")
  Integer block;

  /** Opens the engine; {@code application} names the job on the cluster. */
  Engine open(int threads, String application) {
    int b = Inputs.inRange("--block", block, Engines.DEFAULT_BLOCK, 1, Inputs.MAX_REPLICATIONS);
    try {
      return Engines.open(engineName(), master, threads, b, application);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
  }

  /** The engine asked for: {@code --engine}, else spark under spark-submit (which sets spark.master), else local. */
  String engineName() {
    return engine != null ? engine : System.getProperty("spark.master") != null ? "spark" : "local";
  }

  /** The manifest's entry: which engine, where, and how the work was split. */
  static Map<String, Object> describe(Engine e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", e.name());
    if (e.distributed()) {
      m.put("master", e.master());
      m.put("parallelism", e.parallelism());
      m.put("block_replications", e.blockReplications());
      m.put("tasks", e.tasks());
    } else {
      m.put("threads", e.parallelism());
    }
    return m;
  }
}
