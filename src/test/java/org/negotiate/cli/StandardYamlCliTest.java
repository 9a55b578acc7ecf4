package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 12: a scenario means what the YAML specification says. An unquoted flow item that
 * YAML splits at its comma is an error naming file, line and column, with the quoted text to write;
 * quoted, it loads.
 */
class StandardYamlCliTest {
  @TempDir Path tmp;

  private Path delta(String name, String stance) throws IOException {
    String base = Path.of("scenarios/baseline.yaml").toAbsolutePath().toString();
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(
        f,
        "extends: "
            + base
            + "\nname: "
            + name
            + "\nactors:\n  - id: syria\n    stances:\n"
            + "      withdrawal:\n"
            + stance);
    return f;
  }

  @Test
  void aDistributionSplitAtItsCommaIsAnErrorWithTheQuotedTextToWrite() throws IOException {
    Path f = delta("cut", "        red_line: {min: uniform(25, 50)}\n");
    CliTest.Run r = CliTest.cli("validate", f.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().startsWith(f + ":7:25: "), r.err());
    assertTrue(r.err().contains("the value \"uniform(25\" is cut at a comma"), r.err());
    assertTrue(r.err().contains("put the whole value in quotes: \"uniform(25, 50)\""), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());

    Path quoted = delta("quoted", "        red_line: {min: \"uniform(25, 50)\"}\n");
    CliTest.Run ok = CliTest.cli("validate", quoted.toString());
    assertEquals(0, ok.exit(), ok.out() + ok.err());
    Path block = delta("block", "        red_line:\n          min: uniform(25, 50)\n");
    assertEquals(0, CliTest.cli("validate", block.toString()).exit());
  }

  @Test
  void anEvidenceQuoteSplitAtItsCommaIsAnErrorWithTheQuotedTextToWrite() throws IOException {
    Path f =
        delta(
            "evidence",
            "        evidence: [000#talks sponsored by Assad's main backers, Russia and Iran]\n"
                + "        rationale: r\n");
    CliTest.Run r = CliTest.cli("validate", f.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().startsWith(f + ":7:"), r.err());
    assertTrue(
        r.err()
            .contains(
                "\"Russia and Iran\" is not a reference FILE#quote: inside [ ... ] YAML ends an unquoted "
                    + "item at each comma"),
        r.err());
    assertTrue(
        r.err().contains("[\"000#talks sponsored by Assad's main backers, Russia and Iran\"]"),
        r.err());

    Path quoted =
        delta(
            "evidence_quoted",
            "        evidence: [\"000#talks sponsored by Assad's main backers, Russia and Iran\"]\n"
                + "        rationale: r\n");
    CliTest.Run ok = CliTest.cli("validate", quoted.toString());
    assertEquals(0, ok.exit(), ok.out() + ok.err());
  }
}
