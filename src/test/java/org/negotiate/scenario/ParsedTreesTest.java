package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trees the loader keeps between loads of one process (a brief loads every what-if, each
 * extending the scenario): a load from them is the load from the file, whatever was loaded before
 * and on however many threads, and a file whose bytes changed is read again.
 */
class ParsedTreesTest {

  @AfterEach
  void forget() {
    ScenarioLoader.forgetParsed();
  }

  private static List<Path> whatIfs() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("scenarios/whatif"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** Each file loaded with nothing kept: the reference. */
  private static List<Scenario> alone(List<Path> files) throws Exception {
    List<Scenario> out = new ArrayList<>();
    for (Path f : files) {
      ScenarioLoader.forgetParsed();
      out.add(ScenarioLoader.load(f));
    }
    return out;
  }

  @Test
  void whatIfsLoadedAfterTheirBaseAreTheWhatIfsLoadedAlone() throws Exception {
    List<Path> files = new ArrayList<>();
    files.add(Path.of("scenarios/baseline.yaml"));
    files.addAll(whatIfs());
    files.add(Path.of("scenarios/readings/aug2024_procedural.yaml"));
    assertTrue(files.size() >= 8, "the baseline's what-ifs: " + files);
    List<Scenario> reference = alone(files);
    ScenarioLoader.forgetParsed();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < files.size(); i++) {
        assertEquals(
            reference.get(i), ScenarioLoader.load(files.get(i)), files.get(i) + ", pass " + round);
      }
    }
  }

  @Test
  void loadsOnSeveralThreadsAtOnceAreTheLoadsAlone() throws Exception {
    List<Path> files = whatIfs();
    List<Scenario> reference = alone(files);
    ScenarioLoader.forgetParsed();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<Scenario>> loads = new ArrayList<>();
        for (int k = 0; k < 4; k++)
          for (Path f : files) loads.add(pool.submit(() -> ScenarioLoader.load(f)));
        for (int i = 0; i < loads.size(); i++) {
          assertEquals(reference.get(i % files.size()), loads.get(i).get());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBaseChangedOnDiskIsReadAgain(@TempDir Path dir) throws Exception {
    Path base = dir.resolve("base.yaml");
    String text = ScenarioLoader.WARM_UP;
    assertTrue(text.contains("  seed: 1\n"));
    Files.writeString(base, text);
    Path delta = dir.resolve("delta.yaml");
    Files.writeString(delta, "extends: base.yaml\nname: delta\n");
    assertEquals(1, ScenarioLoader.load(delta).experiment().seed());
    Files.writeString(base, text.replace("  seed: 1\n", "  seed: 7\n"));
    assertEquals(7, ScenarioLoader.load(delta).experiment().seed());
    assertEquals(7, ScenarioLoader.load(base).experiment().seed());
    Files.writeString(delta, "extends: base.yaml\nname: delta\nexperiment:\n  seed: 9\n");
    assertEquals(9, ScenarioLoader.load(delta).experiment().seed());
  }

  @Test
  void aSeedsFolderMadeBetweenTwoLoadsIsChecked(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cited.yaml");
    Files.writeString(
        file,
        ScenarioLoader.WARM_UP.replace(
            "    changes:\n", "    evidence: [\"001#a quake\"]\n    changes:\n"));
    assertEquals("warm-up", ScenarioLoader.load(file).name(), "no seeds folder: shape only");
    Files.createDirectories(dir.resolve("seeds"));
    Files.writeString(dir.resolve("seeds/001_x.txt"), "Nothing of the kind.");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().contains("quote \"a quake\" not found"), e.getMessage());
  }
}
