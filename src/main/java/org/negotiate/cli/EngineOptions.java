package org.negotiate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.Engines;
import picocli.CommandLine.Option;

/** Where an experiment runs: this machine's cores, or a Spark cluster. The results are the same. */
final class EngineOptions {
  @Option(
      names = "--engine",
      paramLabel = "local|spark",
      description = {
        "Where the replications run: local (this machine's cores; the default, except under "
            + "spark-submit, where it is spark) or spark (a Spark cluster, with the job jar: see README "
            + "\"Scaling on Spark\"). The CSVs are byte-identical."
      })
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = {
        "The Spark master for --engine spark: local[2], spark://host:7077 (default: spark-submit's "
            + "--master, else local[*])."
      })
  String master;

  @Option(
      names = "--block",
      paramLabel = "N",
      description =
          "Replications one Spark task runs at least (default: " + Engines.DEFAULT_BLOCK + ").")
  Integer block;

  /** Opens the engine; {@code application} names the job on the cluster. */
  Engine open(int threads, String application) {
    int b =
        CommandInputs.inRange(
            "--block", block, Engines.DEFAULT_BLOCK, 1, CommandInputs.MAX_REPLICATIONS);
    checkLocalMaster(master);
    try {
      return Engines.open(engineName(), master, threads, b, application);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
  }

  private static final java.util.regex.Pattern LOCAL_MASTER =
      java.util.regex.Pattern.compile("local(?:\\[\\s*(\\*|\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\])?");

  /**
   * A local master needs at least one thread (and one attempt per task): Spark takes {@code
   * local[0]} and fails only later, inside the run.
   */
  static void checkLocalMaster(String master) {
    if (master == null
        || !master.strip().startsWith("local")
        || master.strip().startsWith("local-cluster")) return;
    java.util.regex.Matcher m = LOCAL_MASTER.matcher(master.strip());
    boolean ok = m.matches();
    for (int g = 1; ok && g <= 2; g++) {
      String n = m.group(g);
      if (n != null && !n.equals("*")) {
        try {
          ok = Integer.parseInt(n) >= 1;
        } catch (NumberFormatException tooLarge) {
          ok = false;
        }
      }
    }
    if (!ok) {
      throw new BadInput(
          "--master: expected local, local[*], local[N] or local[N,F] with N and F at least 1, got \""
              + master
              + "\"");
    }
  }

  /**
   * The engine asked for: {@code --engine}, else spark under spark-submit (which sets
   * spark.master), else local.
   */
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
