package org.negotiate.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The training run of the launcher's class-data-sharing archive ({@code target/negotiate.jsa}): the
 * short commands users run most, each small, in one JVM, so that the archive holds the classes of
 * all of them and not only those of {@code odds} (docs/performance.md, session 6). Arguments: the
 * repository's root (for its scenarios) and a folder for the throw-away results.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: CdsTraining ROOT OUT");
      System.exit(Main.BAD_INPUT);
    }
    Path root = Path.of(args[0]);
    String out = args[1];
    String baseline = root.resolve("scenarios/baseline.yaml").toString();
    String whatIf = root.resolve("scenarios/whatif/election_pressure.yaml").toString();
    String table = root.resolve("scenarios/validation/seeds/dummyData_3Dim.csv").toString();
    // Each command for its classes, not its results: a failure (a scenario edited into an error)
    // leaves the archive with fewer classes, which is all the training is for.
    int failed = 0;
    failed += run("odds", baseline, "--runs", "50", "--analyse", "5", "--quiet", "--out", out);
    failed += run("run", baseline, "--out", out);
    failed += run("run", "--table", table, "--out", out);
    failed += run("compare", baseline, whatIf, "--runs", "50", "--quiet", "--out", out);
    failed += run("forecast", baseline, "--runs", "50", "--quiet", "--out", out);
    failed += run("validate", baseline);
    // the conditioned forecast, the study of inputs and the back-test load classes of their own
    failed += run("odds", baseline, "--as-of", "2024-08", "--runs", "20", "--quiet", "--out", out);
    failed +=
        run(
            "sensitivity",
            baseline,
            "--runs",
            "10",
            "--samples",
            "4",
            "--bootstrap",
            "10",
            "--quiet",
            "--out",
            out);
    failed += run("backtest", baseline, "--runs", "10", "--quiet", "--out", out);
    System.exit(failed == 0 ? 0 : Main.FAILURE);
  }

  private static int run(String... args) {
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    return Main.execute(args, discard, discard) == 0 ? 0 : 1;
  }
}
