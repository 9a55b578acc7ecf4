package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The one-pass {@link EvidenceRef#normalise} gives what the regular expressions it replaced gave,
 * so no quote that matched an article before stops matching, or starts to.
 */
class EvidenceNormaliseProperties {

  /** The normalisation as it was written before session 7: four replaces and a regex. */
  private static String reference(String text) {
    String t =
        text.replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .replace('\u201C', '"')
            .replace('\u201D', '"');
    return t.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  /** Letters, the characters the normalisation treats specially, and other blanks it does not. */
  private static final char[] ALPHABET = {
    'a', 'B', 'z', 'İ', 'ß', 'Ş', '1', '.', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u2019',
    '\u2018', '\u201C', '\u201D', '\u00A0', '\u2003', '\u001C', '\u0085', '"', '\''
  };

  private static Gen<String> texts() {
    return lists()
        .of(integers().between(0, ALPHABET.length - 1))
        .ofSizeBetween(0, 40)
        .map(
            (List<Integer> ix) -> {
              StringBuilder b = new StringBuilder();
              for (int i : ix) b.append(ALPHABET[i]);
              return b.toString();
            });
  }

  @Test
  void givesWhatTheRegularExpressionsGave() {
    qt().withExamples(5_000)
        .forAll(texts())
        .checkAssert(t -> assertEquals(reference(t), EvidenceRef.normalise(t), () -> show(t)));
  }

  @Test
  void theSeedArticlesNormaliseAsBefore() throws Exception {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("scenarios/seeds"))) {
      for (var f : (Iterable<java.nio.file.Path>) files::iterator) {
        if (!f.toString().endsWith(".txt")) continue;
        String text = java.nio.file.Files.readString(f);
        assertEquals(reference(text), EvidenceRef.normalise(text), f.toString());
      }
    }
  }

  private static String show(String t) {
    StringBuilder b = new StringBuilder();
    for (char c : t.toCharArray()) b.append(String.format("\\u%04x", (int) c));
    return b.toString();
  }
}
