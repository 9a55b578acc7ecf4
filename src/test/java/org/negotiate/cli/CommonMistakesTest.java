package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16, item 6: the mistakes people make get one message that says what to fix, with file, line
 * and column.
 */
class CommonMistakesTest {
  @TempDir Path tmp;

  private CliTest.Run validate(String name, String yaml) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, yaml);
    CliTest.Run r = CliTest.cli("validate", f.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().startsWith(f + ":"), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    return r;
  }

  @Test
  void aMisspeltActorInADeltaIsOneMessageWithTheClosestId() throws IOException {
    String base = Path.of("scenarios/baseline.yaml").toAbsolutePath().toString();
    CliTest.Run r =
        validate(
            "typo.yaml",
            "extends: "
                + base
                + "\nname: typo\nactors:\n  - id: turkye\n"
                + "    capability: triangular(40, 50, 60)\n");
    assertEquals(
        1, r.err().strip().lines().count(), "one message, not one per missing key: " + r.err());
    assertTrue(
        r.err()
            .contains(
                ":4:9: actors[turkye].id: unknown actor turkye: did you mean turkey? "
                    + "(a delta adds an actor only with every required key"),
        r.err());
    CliTest.Run far =
        validate(
            "far.yaml",
            "extends: " + base + "\nname: far\nactors:\n  - id: ankara\n    capability: 50\n");
    assertTrue(
        far.err().contains("unknown actor ankara: the base's actors are turkey, syria,"),
        far.err());
    CliTest.Run issue =
        validate(
            "issue.yaml",
            "extends: " + base + "\nname: issue\nissues:\n  - id: withdrawl\n    label: x\n");
    assertTrue(
        issue.err().contains("unknown issue withdrawl: did you mean withdrawal?"), issue.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      name: x\\nactors:\\n  - id: a\\n    name: "unclosed\\n  - id: b\\n | 6:1  | the quoted text that starts at line 4, column 11 is never closed
      name: x\\nactors: [a, b\\nissues: 3\\n                          | 3:7  | the list [ ... ] that starts at line 2, column 9 is not closed with ]
      name: x\\n  calendar: 3\\n                                      | 2:11 | indent this key like the keys above it
      name: x\\nactors:\\n- id: a\\n  - b\\n                          | 4:3  | this list item (-) does not line up
      name: x\\nactors:\\n  - id: a\\n    name: b\\n   c: d\\n        | 5:4  | this line's indentation does not match the lines above
      name: x\\ndescription: a\\nb\\nfoo: 1\\n                        | 4:1  | line 3 is neither "key: value" nor a list item
      """)
  void yamlSyntaxErrorsSayWhatToFix(String yaml, String at, String words) throws IOException {
    CliTest.Run r = validate("syntax.yaml", yaml.replace("\\n", "\n"));
    assertTrue(r.err().contains("syntax.yaml:" + at + ": YAML syntax error: "), r.err());
    assertTrue(r.err().contains(words), r.err());
    for (String parser :
        new String[] {
          "<block end>",
          "mapping values are not allowed",
          "end of stream",
          "expected ','",
          "could not find expected"
        }) {
      assertFalse(r.err().contains(parser), "the parser's own words: " + r.err());
    }
  }
}
