package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 11: a README a newcomer reads in a clone: no links outside the repository, every
 * link resolves, the launcher's own variable, internals in docs/, a licence and a citation file.
 */
class ReadmeTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

  @Test
  void theReadmeAndDocsLinkOnlyToFilesACloneHas() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      String text = Files.readString(page);
      assertFalse(
          text.contains("../shared/"), page + " points outside the repository (../shared/)");
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) continue; // http(s), mailto
        Path resolved = page.toAbsolutePath().getParent().resolve(target).normalize();
        if (!Files.exists(resolved)) broken.add(page + ": " + target);
      }
    }
    assertTrue(broken.isEmpty(), "links to missing files: " + broken);
  }

  @Test
  void theReadmeNamesTheLaunchersVariableAndKeepsInternalsInDocs() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertFalse(
        Pattern.compile("(?<!NEGOTIATE_)JAVA_OPTS").matcher(readme).find(),
        "the launcher reads NEGOTIATE_JAVA_OPTS, not JAVA_OPTS");
    assertFalse(readme.contains("## Scaling on Spark"), "Spark internals belong in docs/spark.md");
    assertTrue(
        readme.lines().count() < 600,
        "a README a newcomer reads: " + readme.lines().count() + " lines");
    assertTrue(
        readme.contains("## The two commands")
            && readme.contains("## Reading the results")
            && readme.contains("## Writing or changing a scenario")
            && readme.contains("## Commands"),
        "the newcomer's sections stay");
    assertTrue(Files.readString(Path.of("LICENSE")).startsWith("MIT License"));
    String cff = Files.readString(Path.of("CITATION.cff"));
    assertTrue(
        cff.contains("cff-version:") && cff.contains("title:") && cff.contains("license: MIT"),
        cff);
  }
}
