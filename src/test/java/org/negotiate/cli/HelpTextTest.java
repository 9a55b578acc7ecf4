package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's --help, rendered by the real command line at 80 and 120 columns, reads as wrapped
 * prose: no line ends mid-sentence while the next line's first word would have fitted on it (a hard
 * line break colliding with picocli's wrapping, or a summary in the command list cut short), and no
 * line holds a lone word fragment.
 */
class HelpTextTest {
  private static final Pattern COMMAND_ROW = Pattern.compile("^  ([a-z]+) {2,}\\S");

  @ParameterizedTest
  @ValueSource(ints = {80, 120})
  void everyCommandsHelpIsWrappedProse(int width) {
    String old = System.getProperty("picocli.usage.width");
    System.setProperty("picocli.usage.width", Integer.toString(width));
    try {
      String top = help();
      List<String> commands = new ArrayList<>();
      boolean inCommands = false;
      for (String line : top.lines().toList()) {
        if (line.equals("Commands:")) inCommands = true;
        else if (inCommands) {
          Matcher m = COMMAND_ROW.matcher(line);
          if (m.find()) commands.add(m.group(1));
        }
      }
      assertTrue(
          commands.containsAll(List.of("odds", "run", "compare", "validate", "forecast", "sweep")),
          top);
      List<String> problems = new ArrayList<>(problems("negotiate", top, width));
      for (String c : commands) {
        if (c.equals("help")) continue;
        problems.addAll(problems(c, help(c), width));
      }
      assertEquals(List.of(), problems);
    } finally {
      if (old == null) System.clearProperty("picocli.usage.width");
      else System.setProperty("picocli.usage.width", old);
    }
  }

  /**
   * A command named first on the command line gets only its own model (Main.COMMANDS); its help
   * must read exactly as when every command is built (`negotiate help X` builds them all), a bad
   * option still exits 2, and the top-level help lists every command in the order of Main.COMMANDS.
   */
  @org.junit.jupiter.api.Test
  void aCommandBuiltAloneReadsAsWhenAllAreBuilt() {
    for (String c : Main.COMMANDS.keySet()) {
      if (c.equals("help")) continue;
      CliTest.Run all = CliTest.cli("help", c);
      assertEquals(0, all.exit(), all.err());
      assertEquals(all.out(), help(c), c);
      CliTest.Run alone = CliTest.cli(c, "--no-such-option");
      assertEquals(Main.BAD_INPUT, alone.exit(), c);
    }
    List<String> listed = new ArrayList<>();
    boolean inCommands = false;
    for (String line : help().lines().toList()) {
      if (line.equals("Commands:")) inCommands = true;
      else if (inCommands) {
        Matcher m = COMMAND_ROW.matcher(line);
        if (m.find()) listed.add(m.group(1));
      }
    }
    assertEquals(List.copyOf(Main.COMMANDS.keySet()), listed);
  }

  private static String help(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.add("--help");
    CliTest.Run r = CliTest.cli(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err(), "no warnings from the help renderer");
    return r.out();
  }

  /** Lines of the help (after the usage synopsis) that break prose where picocli would not have. */
  static List<String> problems(String command, String help, int width) {
    List<String> lines = help.lines().toList();
    int start = 0;
    while (start < lines.size()
        && (lines.get(start).startsWith("Usage:") || lines.get(start).startsWith(" "))) start++;
    List<String> found = new ArrayList<>();
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i).stripTrailing();
      String content = line.strip();
      if (content.isEmpty() || isOptionNameOnly(content)) continue;
      assertTrue(line.length() <= width, command + " at " + width + ": too long: " + line);
      boolean sentenceEnd = content.matches(".*[.:!?]$");
      if (i + 1 >= lines.size()) continue;
      String nextLine = lines.get(i + 1);
      String next = nextLine.strip();
      if (next.isEmpty()) continue;
      String nextWord = next.split("\\s+")[0];
      int indent = nextLine.length() - nextLine.stripLeading().length();
      boolean continues = indent == 0 || indent >= 10; // not a new option, parameter or command row
      // "forecast." / "csv", "--min-" / "coverage": a word cut at its own punctuation
      if (continues
          && ((content.matches(".*\\w\\.$")
                  && !content.matches(".*\\b(e\\.g|i\\.e)\\.$")
                  && nextWord.matches("[a-z].*"))
              || content.matches(".*[\\w-]-$"))) {
        found.add(command + " at " + width + ": word cut: \"" + line + "\" / \"" + nextLine + "\"");
        continue;
      }
      // picocli leaves the last column free; a word that would have fitted means the text was
      // broken by hand
      if (!sentenceEnd && line.length() + 1 + nextWord.length() < width) {
        String what = content.contains(" ") ? "broken mid-sentence" : "lone word";
        found.add(
            command + " at " + width + ": " + what + ": \"" + line + "\" / \"" + nextLine + "\"");
      }
    }
    return found;
  }

  /** An option whose name fills its column puts its description on the next line. */
  private static boolean isOptionNameOnly(String content) {
    return content.startsWith("-") && !content.contains("  ");
  }
}
