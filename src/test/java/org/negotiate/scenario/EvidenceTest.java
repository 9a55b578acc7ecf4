package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceTest {

  /** tiny.yaml under dir/scenarios/, with a seeds/ folder in dir (found by walking up). */
  static Path setUp(Path dir, String tinyText) throws Exception {
    Path seeds = Files.createDirectories(dir.resolve("seeds"));
    Files.writeString(
        seeds.resolve("001_aaaa.txt"),
        "Fidan recently   reaffirmed\nTurkey\u2019s commitment to its proxies.");
    Files.writeString(
        seeds.resolve("002_bbbb.txt"), "\u201CThe return of Syrians\u201D after the Earthquake.");
    Files.writeString(seeds.resolve("004_cccc.txt"), "a ROADMAP for relations");
    Path file = Files.createDirectories(dir.resolve("scenarios")).resolve("tiny.yaml");
    Files.writeString(file, tinyText);
    return file;
  }

  static String tiny() throws Exception {
    return Files.readString(ScenarioLoaderTest.TINY)
        .replace("001#reaffirmed commitment", "001#Reaffirmed Turkey's commitment");
  }

  @Test
  void quotesAreFoundIgnoringCaseWhitespaceAndTypographicQuotes(@TempDir Path dir)
      throws Exception {
    Scenario s = ScenarioLoader.load(setUp(dir, tiny()));
    assertEquals("tiny", s.name());
  }

  @Test
  void missingQuoteAndMissingFileAreErrors(@TempDir Path dir) throws Exception {
    String text = tiny().replace("[002#earthquake]", "[002#tsunami, 009#anything]");
    Path file = setUp(dir, text);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "events[earthquake].evidence[0]: quote \"tsunami\" not found in 002_bbbb.txt"),
        e.getMessage());
    assertTrue(e.getMessage().contains("evidence file \"009\" not found"), e.getMessage());
    assertTrue(e.getMessage().contains("(reference \"009#anything\")"), e.getMessage());
  }

  @Test
  void aSeedFileChangedBetweenTwoLoadsIsReadAgain(@TempDir Path dir) throws Exception {
    // seed texts are normalised once per process, keyed by path and bytes: never a stale one
    Path file = setUp(dir, tiny());
    ScenarioLoader.load(file);
    Path seed = dir.resolve("seeds/002_bbbb.txt");
    Files.writeString(seed, "The return of Syrians after the flood.");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().contains("quote \"earthquake\" not found"), e.getMessage());
    Files.writeString(seed, "The return of Syrians after the EARTHQUAKE.");
    assertEquals("tiny", ScenarioLoader.load(file).name());
  }

  @Test
  void aResolverResolvesAsResolveDoes(@TempDir Path dir) throws Exception {
    Path file = setUp(dir, tiny());
    java.util.function.Function<String, EvidenceRef> resolver = EvidenceRef.resolver(file);
    for (String ref : java.util.List.of("002#the return", "001_aaaa.txt#x", "007#x", "00#y"))
      assertEquals(EvidenceRef.resolve(ref, file), resolver.apply(ref), ref);
    assertThrows(IllegalArgumentException.class, () -> resolver.apply("no reference"));
    Path alone = Files.createDirectories(dir.getParent().resolve("alone-" + dir.getFileName()));
    Path loose = alone.resolve("x.yaml");
    assertEquals(EvidenceRef.resolve("002#x", loose), EvidenceRef.resolver(loose).apply("002#x"));
  }

  @Test
  void withoutSeedsOnlyTheShapeIsChecked() throws Exception {
    // tiny.yaml's quotes are not in any real article; without a seeds/ folder nearby it loads
    ScenarioLoader.load(ScenarioLoaderTest.TINY);
  }

  @Test
  void evidenceRefParsesAndResolves(@TempDir Path dir) throws Exception {
    Path file = setUp(dir, tiny());
    EvidenceRef r = EvidenceRef.resolve("002#the return", file);
    assertEquals("002", r.file());
    assertEquals("the return", r.quote());
    assertEquals(dir.resolve("seeds/002_bbbb.txt").toAbsolutePath().normalize(), r.resolved());
    assertEquals(
        dir.resolve("seeds/001_aaaa.txt").toAbsolutePath().normalize(),
        EvidenceRef.resolve("001_aaaa.txt#x", file).resolved());
    assertNull(EvidenceRef.resolve("007#x", file).resolved());
    assertNull(EvidenceRef.parse("002#x").resolved());
    assertThrows(IllegalArgumentException.class, () -> EvidenceRef.parse("no reference"));
    assertThrows(IllegalArgumentException.class, () -> EvidenceRef.parse("002#  "));
    assertEquals("it's \"so\" a b", EvidenceRef.normalise("It\u2019s \u201Cso\u201D\n a   B "));
  }

  @Test
  void ambiguousPrefixIsAnError(@TempDir Path dir) throws Exception {
    Path file = setUp(dir, tiny());
    Files.writeString(dir.resolve("seeds/002_other.txt"), "the earthquake");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
  }
}
