package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, item 5: one CSV writer, "\n" everywhere, quoting only where a field needs it. */
class CsvTableTest {
  @TempDir Path tmp;

  @Test
  void linesEndInNewlineAndOnlyFieldsThatNeedItAreQuoted() throws Exception {
    Path f = tmp.resolve("t.csv");
    try (CsvTable t = CsvTable.open(f, "a", "b", "c")) {
      t.row("P(deal by 2024-11)", "-1.5", null);
      t.row("x,y", "say \"no\"", "two\nlines");
      t.cell(3).cell(Numbers.fixed(Double.NaN, 2)).cell(Numbers.fixed(0.25, 1)).end();
    }
    assertEquals(
        "a,b,c\nP(deal by 2024-11),-1.5,\n\"x,y\",\"say \"\"no\"\"\",\"two\nlines\"\n3,,0.3\n",
        Files.readString(f, StandardCharsets.UTF_8));
  }

  @Test
  void numbersArePlainAsciiWhateverTheLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertEquals("-1234.500", Numbers.fixed(-1234.5, 3));
      assertEquals("0.000000", Numbers.fixedUnsignedZero(-1e-9, 6));
      assertEquals("-0.000001", Numbers.fixedUnsignedZero(-1e-6, 6));
      assertEquals("57.5", Numbers.plain(57.5));
      assertEquals("40", Numbers.plain(40));
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
