package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link ScenarioWriter} writes its tree through Jackson's streaming YAML generator: the text must
 * be, byte for byte, what the {@code YAMLMapper} it replaces (same features) writes, since the text
 * is a run's identity (its result folder's name) and its {@code scenario.resolved.yaml}.
 */
class ScenarioWriterTest {

  /** The mapper the writer used before, with the same features. */
  static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .build();

  static void same(Object tree) {
    try {
      assertEquals(MAPPER.writeValueAsString(tree), ScenarioWriter.write(tree), tree::toString);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyScenarioInTheRepositoryAndEveryBaselineCutIsWrittenAsTheMapperWroteIt()
      throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
      files =
          s.filter(p -> p.toString().endsWith(".yaml"))
              .filter(p -> !p.getFileName().toString().equals("sources.yaml"))
              .sorted()
              .toList();
    }
    List<Scenario> all = new ArrayList<>();
    for (Path f : files) {
      try {
        all.add(ScenarioLoader.load(f));
      } catch (ScenarioException e) {
        // a reading or a what-if that only loads beside its scenario
      }
    }
    Scenario baseline = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
    for (int t = 0; t < 24; t++)
      all.add(AsOf.cut(baseline, baseline.calendar().month(t), 24).scenario());
    all.add(baseline.withDraft(true));
    assertTrue(all.size() > 30, "scenarios found: " + all.size());
    for (Scenario s : all) {
      Map<String, Object> tree = ScenarioWriter.tree(s);
      same(tree);
      assertEquals(ScenarioWriter.write(tree), ScenarioWriter.toYaml(s));
    }
  }

  @Test
  void awkwardValuesAreQuotedAndBlockedAsTheMapperDid() {
    List<Object> values =
        Arrays.asList(
            "",
            " ",
            "plain",
            "yes",
            "no",
            "n",
            "Y",
            "true",
            "False",
            "null",
            "~",
            "NULL",
            "0",
            "-1",
            "1.5",
            "1e5",
            ".inf",
            "0x1F",
            "012",
            "2024-08",
            "a: b",
            "a:b",
            "# not a comment",
            "a #b",
            "- item",
            "? key",
            "[x]",
            "{x}",
            "&anchor",
            "*alias",
            "!tag",
            "|",
            ">",
            "'quoted'",
            "\"double\"",
            "%directive",
            "@at",
            "`tick",
            " leading",
            "trailing ",
            "line\nbreak",
            "line\nbreak\n",
            "\ttab",
            "ünïcödé — dash",
            "x".repeat(300),
            "several words, and a comma: then a colon",
            0L,
            -7L,
            Long.MAX_VALUE,
            12,
            0.25,
            -0.0,
            1e-7,
            1.0e20,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            true,
            false,
            null);
    Map<String, Object> tree = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) tree.put("k" + i, values.get(i));
    tree.put("list", values);
    tree.put("nested", Map.of("inner", List.of(Map.of("a", 1L), List.of(), Map.of())));
    tree.put("empty list", List.of());
    tree.put("empty map", Map.of());
    for (Object v : values) if (v instanceof String s) tree.put(s, "key");
    same(tree);
  }

  @Test
  void anyTextFromAwkwardCharactersIsWrittenAsTheMapperDid() {
    Gen<String> text =
        lists()
            .of(integers().between(0, AWKWARD.length() - 1))
            .ofSizeBetween(0, 12)
            .map(
                ix -> {
                  StringBuilder b = new StringBuilder();
                  for (int i : ix) b.append(AWKWARD.charAt(i));
                  return b.toString();
                });
    qt().withFixedSeed(20261207L)
        .withExamples(400)
        .forAll(text, text, doubles().any())
        .checkAssert(
            (k, v, d) -> {
              Map<String, Object> tree = new LinkedHashMap<>();
              tree.put("k" + k, v);
              tree.put("list", List.of(v, d, Map.of("x", v)));
              same(tree);
            });
  }

  private static final String AWKWARD = "aZ09 :#-?[]{},&*!|>'\"%@`\n\t.~+eE_\\/é";
}
