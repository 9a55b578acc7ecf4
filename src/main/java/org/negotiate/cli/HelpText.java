package org.negotiate.cli;

import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help that wraps only between words. Picocli wraps with the JDK's line BreakIterator, which breaks
 * inside "forecast.csv", "--min-coverage" and "uniform(60,90)"; so before rendering, every '.', '-'
 * and '(' inside a word is swapped for a private-use character the iterator treats as a letter, and
 * swapped back in the output.
 */
final class HelpText {
  private static final char DOT = '\uE000';
  private static final char HYPHEN = '\uE001';
  private static final char PAREN = '\uE002';

  /** Picocli variables (${DEFAULT-VALUE}) must keep their spelling. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

  private HelpText() {}

  /** Applies to the command and every subcommand, at any depth. */
  static void install(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    spec.usageMessage().description(glue(spec.usageMessage().description()));
    for (OptionSpec o : new ArrayList<>(spec.options())) {
      spec.remove(o);
      spec.addOption(o.toBuilder().description(glue(o.description())).build());
    }
    for (PositionalParamSpec p : new ArrayList<>(spec.positionalParameters())) {
      spec.remove(p);
      spec.addPositional(p.toBuilder().description(glue(p.description())).build());
    }
    Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
    sections.replaceAll((key, renderer) -> help -> unglue(renderer.render(help)));
    cl.setHelpSectionMap(sections);
    cl.getSubcommands().values().stream().distinct().forEach(HelpText::install);
  }

  static String[] glue(String[] lines) {
    String[] out = new String[lines.length];
    for (int i = 0; i < lines.length; i++) out[i] = glue(lines[i]);
    return out;
  }

  static String glue(String s) {
    StringBuilder b = new StringBuilder();
    Matcher m = VARIABLE.matcher(s);
    int at = 0;
    while (m.find()) {
      b.append(glueWords(s.substring(at, m.start()))).append(m.group());
      at = m.end();
    }
    return b.append(glueWords(s.substring(at))).toString();
  }

  private static String glueWords(String s) {
    char[] c = escapeLonePercents(s).toCharArray();
    for (int i = 0; i < c.length; i++) {
      boolean nextInWord = i + 1 < c.length && !Character.isWhitespace(c[i + 1]);
      boolean prevInWord = i > 0 && !Character.isWhitespace(c[i - 1]);
      if (c[i] == '.' && nextInWord) c[i] = DOT;
      else if (c[i] == '-' && nextInWord) c[i] = HYPHEN;
      else if (c[i] == '(' && prevInWord) c[i] = PAREN;
    }
    return new String(c);
  }

  /**
   * Picocli hands some descriptions back already formatted ("95% interval"): escaped again for its
   * next format.
   */
  private static String escapeLonePercents(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c);
      if (c != '%') continue;
      char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      if (next == '%' || next == 'n') {
        b.append(next);
        i++;
      } else {
        b.append('%');
      }
    }
    return b.toString();
  }

  static String unglue(String s) {
    return s.replace(DOT, '.').replace(HYPHEN, '-').replace(PAREN, '(');
  }
}
