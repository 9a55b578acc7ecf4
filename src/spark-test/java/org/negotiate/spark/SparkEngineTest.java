package org.negotiate.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.experiment.Engine;
import org.negotiate.experiment.Engines;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.experiment.SameOutcome;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/**
 * The Spark engine on {@code local[2]} (two executor threads in this JVM; one SparkContext for the
 * class).
 */
class SparkEngineTest {
  private static Engine engine;

  @BeforeAll
  static void start() {
    // Through the ServiceLoader, as --engine spark does; block 0 means the default.
    engine = Engines.open("spark", "local[2]", 1, 0, "SparkEngineTest");
  }

  @AfterAll
  static void stop() {
    if (engine != null) engine.close();
  }

  /** What a piece computed and where: its index, its square, the Spark partition that ran it. */
  record Piece(int index, long square, int partition, int attempt)
      implements java.io.Serializable {}

  @Test
  void opensTheSparkEngineThroughTheServiceLoader() {
    assertInstanceOf(SparkEngine.class, engine);
    assertEquals("spark", engine.name());
    assertEquals("local[2]", engine.master());
    assertTrue(engine.distributed());
    assertEquals(Engines.DEFAULT_BLOCK, engine.blockReplications());
    assertEquals(2, engine.parallelism());
  }

  @Test
  void mastersAndLoopback() {
    assertEquals("local[2,4]", SparkEngine.withRetries("local[2]"));
    assertEquals("local[*,4]", SparkEngine.withRetries("local[*]"));
    assertEquals("local[1,4]", SparkEngine.withRetries("local"));
    assertEquals("local[3,2]", SparkEngine.withRetries("local[3,2]"));
    assertEquals("spark://10.0.0.5:7077", SparkEngine.withRetries("spark://10.0.0.5:7077"));
    assertEquals("local[2]", SparkEngine.effectiveMaster(" local[2] "));
    assertTrue(SparkEngine.loopback("spark://127.0.0.1:7077"));
    assertTrue(SparkEngine.loopback("spark://localhost:7077"));
    assertTrue(SparkEngine.loopback("local[*]"));
    assertFalse(SparkEngine.loopback("spark://node1:7077"));
    assertFalse(SparkEngine.loopback("yarn"));
  }

  @Test
  void anUnknownMasterIsABadInputBeforeSparkStarts() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SparkEngine("bogus", 0, "test"));
    assertTrue(e.getMessage().startsWith("--master: expected local"), e.getMessage());
  }

  @Test
  void groupsIndicesIntoTasksOfAboutABlock() {
    assertEquals(
        1, SparkEngine.indicesPerTask(100, 5_000, 5_000, 2)); // MonteCarlo: one block per index
    assertEquals(
        17,
        SparkEngine.indicesPerTask(100, 300, 5_000, 2)); // sweep points of 300 runs: at least 5,000
    assertEquals(1, SparkEngine.indicesPerTask(100, 10_000, 5_000, 2)); // never less than one index
    assertEquals(4, SparkEngine.indicesPerTask(4, 1, 5_000, 1)); // never more than all of them
    assertEquals(2, SparkEngine.indicesPerTask(4, 1, 5_000, 2)); // every worker gets a task
    assertEquals(
        10, SparkEngine.indicesPerTask(20, 100, 1_000, 2)); // a short run uses the whole cluster
  }

  @Test
  void resultsComeBackInIndexOrderFromTasksOfConsecutiveIndices() throws Exception {
    SparkEngine small = (SparkEngine) engine;
    long tasksBefore = small.tasks();
    List<Long> reported = Collections.synchronizedList(new ArrayList<>());
    // 10 pieces of 3 replications with blocks of 7: 3 pieces (9 replications) per task, 4 tasks.
    List<Piece> out =
        withBlock(7)
            .map(
                10,
                3,
                i ->
                    new Piece(
                        i,
                        (long) i * i,
                        TaskContext.getPartitionId(),
                        TaskContext.get().attemptNumber()),
                reported::add);
    assertEquals(10, out.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(i, out.get(i).index());
      assertEquals((long) i * i, out.get(i).square());
      assertEquals(
          i / 3,
          out.get(i).partition(),
          "piece " + i + " ran in partition " + out.get(i).partition());
    }
    assertEquals(
        10L,
        reported.get(reported.size() - 1),
        "the last progress report is all pieces: " + reported);
    for (int i = 1; i < reported.size(); i++)
      assertTrue(reported.get(i) > reported.get(i - 1), "progress only grows: " + reported);
    assertTrue(small.tasks() >= tasksBefore, "tasks counted");
    assertEquals(List.of(), engine.map(0, 1, i -> i, null));
  }

  @Test
  void aFailingTaskIsRethrownWithItsOwnMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                withBlock(1)
                    .map(
                        8,
                        1,
                        i -> {
                          if (i == 5) throw new IllegalArgumentException("piece 5 is broken");
                          return i;
                        },
                        null));
    assertEquals("piece 5 is broken", e.getMessage());

    IllegalStateException checked =
        assertThrows(
            IllegalStateException.class,
            () ->
                withBlock(1)
                    .map(
                        4,
                        1,
                        i -> {
                          if (i == 2) throw new IOException("disk gone at piece 2");
                          return i;
                        },
                        null));
    assertTrue(checked.getMessage().contains("disk gone at piece 2"), checked.getMessage());
    assertInstanceOf(IOException.class, checked.getCause());
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndTheResultIsUnchanged(@TempDir Path dir) throws Exception {
    List<Piece> clean = withBlock(1).map(6, 1, i -> new Piece(i, (long) i * i, 0, 0), null);
    String marker = dir.resolve("failed-once").toString();
    List<Piece> retried =
        withBlock(1)
            .map(
                6,
                1,
                i -> {
                  if (i == 4 && !Files.exists(Path.of(marker))) {
                    Files.createFile(Path.of(marker));
                    throw new IllegalStateException("first attempt of piece 4 fails");
                  }
                  return new Piece(i, (long) i * i, 0, TaskContext.get().attemptNumber());
                },
                null);
    assertTrue(Files.exists(Path.of(marker)), "the first attempt failed");
    assertEquals(1, retried.get(4).attempt(), "piece 4 came from the second attempt");
    for (int i = 0; i < 6; i++) {
      assertEquals(clean.get(i).index(), retried.get(i).index());
      assertEquals(clean.get(i).square(), retried.get(i).square());
    }
  }

  @Test
  void monteCarloOnSparkGivesTheLocalResults() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
    MonteCarlo.Options o = new MonteCarlo.Options(450, 24, 7, 2);
    MonteCarlo.Result local = MonteCarlo.run(s, new MediatedSingleText(), o, null, null, null);
    List<Long> reported = Collections.synchronizedList(new ArrayList<>());
    // Blocks of 100: 5 tasks, the last one of 50 replications.
    MonteCarlo.Result spark =
        MonteCarlo.run(s, new MediatedSingleText(), o, reported::add, null, withBlock(100));
    assertEquals(local.odds().byMonth(), spark.odds().byMonth());
    assertEquals(local.odds().positions(), spark.odds().positions());
    assertEquals(local.odds().blockers(), spark.odds().blockers());
    assertEquals(local.failures(), spark.failures());
    assertEquals(local.outcomes().size(), spark.outcomes().size());
    for (int i = 0; i < local.outcomes().size(); i++) {
      SameOutcome.assertSameOutcome(local.outcomes().get(i), spark.outcomes().get(i));
    }
    assertEquals(450L, reported.get(reported.size() - 1));
  }

  @Test
  void masterDefaultsToLocalStar() {
    assertNull(System.getProperty("spark.master"), "the test JVM is not under spark-submit");
    assertEquals("local[*]", SparkEngine.effectiveMaster(null));
    assertEquals("local[*]", SparkEngine.effectiveMaster(" "));
  }

  /**
   * The shared context with another block size (the block is a setting of the engine, not the
   * context).
   */
  private static Engine withBlock(int block) {
    SparkEngine shared = (SparkEngine) engine;
    return shared.withBlock(block);
  }
}
