package org.negotiate.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on this machine: a master and two workers (one core each) as
 * separate JVMs from Spark's own jars (target/spark/jars, SPARK_HOME=target/spark), the real CLI
 * with the job jar as the driver. A sweep on the cluster gives the local engine's CSVs byte for
 * byte, and still does when a worker and its executor are killed once the job is under way (Spark
 * runs the lost tasks again elsewhere; a block's result depends on its indices only).
 */
@Tag("long") // the long suite (mvn -B verify -Plong): starts a Spark cluster, ~60 s
class SparkClusterIT {
  /**
   * 18 points of 150 replications: one point per task with --block 150, 18 tasks of a fraction of a
   * second.
   */
  private static final List<String> SWEEP =
      List.of(
          "sweep",
          "scenarios/baseline.yaml",
          "--vary",
          "turkey.withdrawal.red_line.max=50:90:9",
          "--vary",
          "syria.flexibility=0.3:0.9:2",
          "--runs",
          "150",
          "--quiet");

  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  @TempDir Path tmp;
  private final List<Process> started = new ArrayList<>();

  private static Path root() {
    return Path.of(System.getProperty("negotiate.root", ".")).toAbsolutePath();
  }

  private static Path sparkHome() {
    return Path.of(System.getProperty("negotiate.spark.home", "target/spark")).toAbsolutePath();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void aSweepOnATwoWorkerClusterGivesTheLocalCsvsEvenWhenAWorkerIsKilled() throws Exception {
    Path jobJar =
        Path.of(System.getProperty("negotiate.spark.jar", "target/negotiate-spark.jar"))
            .toAbsolutePath();
    Path mainJar =
        Path.of(System.getProperty("negotiate.jar", "target/negotiate.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jobJar), jobJar + " is built by mvn package (profile spark)");
    assertTrue(
        Files.isDirectory(sparkHome().resolve("jars")),
        sparkHome() + "/jars is copied by mvn package (profile spark)");

    // The cluster: the master first (workers that find no master wait 5-15 s to try again), then
    // both workers.
    long t0 = System.nanoTime();
    int port = freePort();
    String url = "spark://127.0.0.1:" + port;
    Path masterLog = tmp.resolve("master.log");
    start(
        masterLog,
        "org.apache.spark.deploy.master.Master",
        "--host",
        "127.0.0.1",
        "--port",
        String.valueOf(port),
        "--webui-port",
        "0");
    awaitLog(masterLog, "I have been elected leader", 1, MINUTE, "the master to start");
    Path[] workDirs = {tmp.resolve("work-1"), tmp.resolve("work-2")};
    Process[] workers = new Process[2];
    for (int w = 0; w < 2; w++) {
      Files.createDirectories(workDirs[w]);
      workers[w] =
          start(
              tmp.resolve("worker-" + (w + 1) + ".log"),
              "org.apache.spark.deploy.worker.Worker",
              url,
              "--host",
              "127.0.0.1",
              "--cores",
              "1",
              "--memory",
              "1g",
              "--webui-port",
              "0",
              "--work-dir",
              workDirs[w].toString());
    }
    awaitLog(masterLog, "Registering worker", 2, 2 * MINUTE, "both workers to register");
    long t1 = System.nanoTime();

    // The reference: the main jar, local engine.
    Path local = tmp.resolve("local");
    Run ref =
        cli(
            List.of(java(), "-Djava.awt.headless=true", "-jar", mainJar.toString()),
            local,
            "--engine",
            "local");
    assertEquals(0, ref.waitFor(3 * MINUTE), ref.err());
    long t2 = System.nanoTime();

    // On the cluster.
    Path spark = tmp.resolve("spark");
    Run onCluster =
        cli(driver(jobJar), spark, "--engine", "spark", "--master", url, "--block", "150");
    assertEquals(0, onCluster.waitFor(3 * MINUTE), onCluster.err());
    long t3 = System.nanoTime();
    assertSameCsvs(local, spark);
    String manifest = Files.readString(only(spark).resolve("manifest.json"));
    assertTrue(
        manifest.replaceAll("\\s", "").contains("\"name\":\"spark\",\"master\":\"" + url + "\""),
        manifest);
    assertTrue(
        manifest.replaceAll("\\s", "").contains("\"block_replications\":150,\"tasks\":18"),
        manifest);

    // Again, killing a worker (and its executor) as soon as its executor has finished a task.
    List<Path> before = apps(workDirs);
    Path killed = tmp.resolve("killed");
    Run withKill =
        cli(driver(jobJar), killed, "--engine", "spark", "--master", url, "--block", "150");
    int victim = -1;
    long deadline = System.nanoTime() + 2 * MINUTE;
    while (victim < 0 && withKill.process().isAlive() && System.nanoTime() < deadline) {
      for (int w = 0; w < 2 && victim < 0; w++) {
        if (finishedATask(workDirs[w], before)) victim = w;
      }
      if (victim < 0) Thread.sleep(50);
    }
    if (victim < 0) fail("no executor finished a task while the job ran: " + withKill.err());
    assertTrue(
        withKill.process().isAlive(), "the job was still running when the worker was killed");
    killTree(workers[victim]);
    assertEquals(0, withKill.waitFor(3 * MINUTE), withKill.err());
    assertTrue(
        withKill.err().contains("Lost executor"),
        "the driver saw the executor go: " + withKill.err());
    assertSameCsvs(local, killed);
    System.out.printf(
        "SparkClusterIT: cluster up in %.1f s; the sweep took %.1f s locally, %.1f s on the cluster, "
            + "%.1f s with worker %d killed after its first task%n",
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        (t3 - t2) / 1e9,
        (System.nanoTime() - t3) / 1e9,
        victim + 1);
  }

  /** The driver as ./negotiate --engine spark runs it: the job jar on Spark's jars. */
  private static List<String> driver(Path jobJar) {
    return List.of(
        java(),
        "-Djava.awt.headless=true",
        "-cp",
        sparkHome().resolve("jars") + "/*:" + jobJar,
        "org.negotiate.cli.Main");
  }

  record Run(Process process, Path errFile) {
    int waitFor(long nanos) throws InterruptedException {
      if (!process.waitFor(nanos, TimeUnit.NANOSECONDS)) {
        killTree(process);
        fail("the run did not finish in time: " + err());
      }
      return process.exitValue();
    }

    String err() {
      try {
        return Files.readString(errFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(" + e + ")";
      }
    }
  }

  private Run cli(List<String> java, Path out, String... engine) throws IOException {
    List<String> cmd = new ArrayList<>(java);
    cmd.addAll(SWEEP);
    cmd.addAll(List.of(engine));
    cmd.addAll(List.of("--out", out.toString()));
    Path err = tmp.resolve(out.getFileName() + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(root().toFile())
            .redirectOutput(tmp.resolve(out.getFileName() + ".out").toFile())
            .redirectError(err.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    started.add(p);
    return new Run(p, err);
  }

  /**
   * A Spark daemon from target/spark/jars, as sbin/start-master.sh and start-worker.sh would start
   * it.
   */
  private Process start(Path log, String mainClass, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java(),
                "-Xmx256m",
                "-cp",
                sparkHome().resolve("jars") + "/*",
                "-Dspark.master.rest.enabled=false",
                mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put(
        "SPARK_HOME",
        sparkHome().toString()); // the worker builds its executors' class path from SPARK_HOME/jars
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.remove("SPARK_CONF_DIR");
    Process p = pb.start();
    started.add(p);
    return p;
  }

  @AfterEach
  void stopEverything() {
    for (Process p : started) killTree(p);
  }

  static void killTree(Process p) {
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    all.add(p.toHandle());
    for (ProcessHandle h : all) h.destroyForcibly();
    for (ProcessHandle h : all)
      h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> h).join();
  }

  private static void awaitLog(Path log, String line, int times, long nanos, String what)
      throws Exception {
    long deadline = System.nanoTime() + nanos;
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && count(Files.readString(log, StandardCharsets.UTF_8), line) >= times)
        return;
      Thread.sleep(100);
    }
    fail(
        "timed out waiting for "
            + what
            + ":\n"
            + (Files.exists(log) ? Files.readString(log) : "(no log)"));
  }

  private static int count(String text, String line) {
    int n = 0;
    for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + 1)) n++;
    return n;
  }

  /** Application folders the workers made (work-dir/app-*), in order. */
  private static List<Path> apps(Path[] workDirs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path w : workDirs) {
      try (Stream<Path> s = Files.list(w)) {
        s.filter(p -> p.getFileName().toString().startsWith("app-")).forEach(out::add);
      }
    }
    return out;
  }

  /** Whether an executor of a new application on this worker has logged a finished task. */
  private static boolean finishedATask(Path workDir, List<Path> old) throws IOException {
    try (Stream<Path> s = Files.walk(workDir, 3)) {
      for (Path stderr : s.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
        if (old.contains(stderr.getParent().getParent())) continue;
        if (Files.readString(stderr, StandardCharsets.ISO_8859_1).contains("Finished task"))
          return true;
      }
    }
    return false;
  }

  private static Path only(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve("sweep-baseline"))) {
      List<Path> runs = s.toList();
      assertEquals(1, runs.size(), "one result folder in " + out);
      return runs.get(0);
    }
  }

  private static void assertSameCsvs(Path expectedOut, Path actualOut) throws IOException {
    Path expected = only(expectedOut);
    Path actual = only(actualOut);
    List<String> names;
    try (Stream<Path> s = Files.list(expected)) {
      names =
          s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
    }
    try (Stream<Path> s = Files.list(actual)) {
      assertEquals(
          names,
          s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList());
    }
    assertTrue(!names.isEmpty(), "the sweep wrote CSVs");
    for (String n : names) {
      byte[] a = Files.readAllBytes(expected.resolve(n));
      byte[] b = Files.readAllBytes(actual.resolve(n));
      assertTrue(
          java.util.Arrays.equals(a, b),
          n
              + " differs:\n"
              + new String(a, StandardCharsets.UTF_8)
              + "\n---\n"
              + new String(b, StandardCharsets.UTF_8));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
