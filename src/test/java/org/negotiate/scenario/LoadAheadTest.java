package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load started ahead ({@link ScenarioLoader#ahead}, the CLI's warm-up thread) is the command's
 * own load: the same scenario, overrides applied after it as a load applies them, and whatever
 * changed on disk or went wrong in between gives what a load of its own would give.
 */
class LoadAheadTest {

  private static Path small(Path dir, int seed) throws Exception {
    Path file = dir.resolve("small.yaml");
    Files.writeString(
        file, ScenarioLoader.WARM_UP.replace("  seed: 1\n", "  seed: " + seed + "\n"));
    return file;
  }

  @Test
  void theLoadAheadIsTheLoad() throws Exception {
    Path baseline = Path.of("scenarios/baseline.yaml");
    Scenario alone = ScenarioLoader.load(baseline);
    ScenarioLoader.ahead(baseline).run();
    assertEquals(alone, ScenarioLoader.load(baseline));
    List<String> sets = List.of("turkey.withdrawal.position=50", "experiment.seed=7");
    Scenario overridden = ScenarioLoader.load(baseline, sets);
    ScenarioLoader.ahead(baseline).run();
    assertEquals(overridden, ScenarioLoader.load(baseline, sets));
  }

  @Test
  void aLoadAheadOnAnotherThreadIsWaitedFor() throws Exception {
    Path whatIf = Path.of("scenarios/whatif/us_spoiler.yaml");
    Scenario alone = ScenarioLoader.load(whatIf);
    Thread t = new Thread(ScenarioLoader.ahead(whatIf));
    t.start();
    assertEquals(alone, ScenarioLoader.load(whatIf));
    t.join();
  }

  @Test
  void aFileChangedAfterTheLoadAheadIsReadAgain(@TempDir Path dir) throws Exception {
    Path file = small(dir, 1);
    Runnable ahead = ScenarioLoader.ahead(file);
    ahead.run();
    small(dir, 5);
    assertEquals(5, ScenarioLoader.load(file).experiment().seed());
  }

  @Test
  void aBaseChangedAfterTheLoadAheadIsReadAgain(@TempDir Path dir) throws Exception {
    small(dir, 1);
    Path delta = dir.resolve("delta.yaml");
    Files.writeString(delta, "extends: small.yaml\nname: delta\n");
    ScenarioLoader.ahead(delta).run();
    small(dir, 6);
    assertEquals(6, ScenarioLoader.load(delta).experiment().seed());
  }

  @Test
  void aProblemIsReportedAsTheCommandsOwnLoadReportsIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, ScenarioLoader.WARM_UP.replace("    risk: 0\n", "    risk: lots\n"));
    String alone =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file)).getMessage();
    ScenarioLoader.ahead(file).run();
    assertEquals(
        alone, assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file)).getMessage());
    // a bad override after a good load ahead: the override's own problem
    Path good = small(dir, 1);
    List<String> bad = List.of("a.i.position=500");
    String own =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(good, bad)).getMessage();
    ScenarioLoader.ahead(good).run();
    assertEquals(
        own,
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(good, bad)).getMessage());
  }

  @Test
  void theLoadAheadIsTakenOnceAndOnlyUnderItsName(@TempDir Path dir) throws Exception {
    Path file = small(dir, 1);
    ScenarioLoader.ahead(file).run();
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, ScenarioLoader.WARM_UP.replace("  seed: 1\n", "  seed: 3\n"));
    assertEquals(3, ScenarioLoader.load(other).experiment().seed());
    assertEquals(1, ScenarioLoader.load(file).experiment().seed());
    // taken: a file changed now is read again by the next load
    small(dir, 8);
    assertEquals(8, ScenarioLoader.load(file).experiment().seed());
  }
}
