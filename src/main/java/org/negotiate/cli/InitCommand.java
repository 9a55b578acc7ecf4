package org.negotiate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code negotiate init}: a commented skeleton scenario that validates, to start one's own case
 * from.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a commented skeleton scenario of your own, ready to validate and run.",
      "Writes NAME.yaml with the actors and issues given: every actor a party, every number a placeholder range, "
          + "and status: draft, under which stances and events without evidence are counted as unsourced (a warning, "
          + "and a line in the brief) instead of refused. Edit the numbers, cite the evidence, then remove the draft "
          + "status. An existing file is never overwritten."
    })
final class InitCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The scenario's name: letters, digits, _ and - (it names the results folder).")
  String name;

  @Option(
      names = "--actors",
      paramLabel = "A,B,...",
      split = ",",
      description =
          "Actor ids, lower-case (default: side_a,side_b). Every one starts as a party; make one a mediator by its role.")
  List<String> actors = new ArrayList<>(List.of("side_a", "side_b"));

  @Option(
      names = "--issues",
      paramLabel = "X,Y,...",
      split = ",",
      description =
          "Issue ids, lower-case (default: issue_1). Each is a 0 to 100 scale whose ends you describe.")
  List<String> issues = new ArrayList<>(List.of("issue_1"));

  @Option(
      names = "--start",
      paramLabel = "YYYY-MM",
      description = "The first month of the talks (default: this month).")
  String start;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to write NAME.yaml (default: the current folder).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (!NAME.matcher(name).matches()) {
      throw new BadInput(
          "init: expected a NAME of letters, digits, _ and - (it becomes a folder name), got \""
              + name
              + "\"");
    }
    List<String> a = ids("--actors", actors);
    List<String> k = ids("--issues", issues);
    if (a.size() < 2)
      throw new BadInput("--actors: a negotiation needs at least two actors, got " + a.size());
    YearMonth from;
    try {
      from = start == null ? YearMonth.now(ZoneOffset.UTC) : YearMonth.parse(start.strip());
    } catch (DateTimeParseException e) {
      throw new BadInput("--start: expected YYYY-MM, got \"" + start + "\"");
    }
    Path file = dir.resolve(name + ".yaml");
    if (Files.exists(file))
      throw new BadInput(
          file + ": exists already; init never overwrites a file (give another NAME or --dir)");
    Files.createDirectories(dir);
    Files.writeString(
        file, skeleton(name, a, k, from), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    spec.commandLine()
        .getOut()
        .println(
            "wrote "
                + file
                + ": "
                + a.size()
                + " actors, "
                + k.size()
                + " issues, status: draft. "
                + "Next: negotiate validate "
                + file
                + ", then negotiate odds "
                + file);
    return 0;
  }

  private static List<String> ids(String option, List<String> given) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String g : given) {
      String id = g.strip();
      if (!ID.matcher(id).matches()) {
        throw new BadInput(
            option
                + ": expected ids of lower-case letters, digits and _ starting with a letter, got \""
                + g
                + "\"");
      }
      if (!out.add(id)) throw new BadInput(option + ": " + id + " is given twice");
    }
    if (out.isEmpty()) throw new BadInput(option + ": give at least one id");
    return List.copyOf(out);
  }

  /** The skeleton: valid as written, every placeholder marked, every key explained once. */
  static String skeleton(String name, List<String> actors, List<String> issues, YearMonth start) {
    StringBuilder y = new StringBuilder();
    y.append("# ")
        .append(name)
        .append(": a scenario skeleton written by negotiate init.\n")
        .append(
            "# Every number below is a placeholder. Replace each with a value argued from a source, cite it under\n")
        .append(
            "# evidence (FILE#quote, FILE an article in scenarios/seeds/ or its number) and say how it became a\n")
        .append(
            "# number under rationale. Any number may be a range: uniform(lo, hi), triangular(lo, mode, hi),\n")
        .append("# normal(mean, sd), beta(a, b); each replication draws its own value.\n\n")
        .append("name: ")
        .append(name)
        .append('\n')
        .append(
            "# draft: stances and events without evidence are counted as unsourced (validate warns, the brief says\n")
        .append(
            "# how many) instead of refused. Remove this line when every value cites its source.\n")
        .append("status: draft\n")
        .append("description: >\n  TODO: what is negotiated, between whom, from when to when.\n\n")
        .append("calendar:\n  start: ")
        .append(start)
        .append("      # round 0; one round = one month\n\n")
        .append("issues:                 # each a 0-100 scale with both ends described\n");
    for (String k : issues) {
      y.append("  - id: ")
          .append(k)
          .append('\n')
          .append("    label: TODO ")
          .append(k.replace('_', ' '))
          .append('\n')
          .append("    low: TODO what 0 means\n")
          .append("    high: TODO what 100 means\n")
          .append("    status_quo: 0         # where things stand without a deal\n");
    }
    y.append("\nactors:\n");
    String[] saliences = saliences(issues.size());
    for (int i = 0; i < actors.size(); i++) {
      String id = actors.get(i);
      // placeholder ideals spread over the scale, so that the parties start apart and the skeleton
      // has something to settle
      int ideal = actors.size() == 1 ? 50 : 20 + (60 * i) / (actors.size() - 1);
      y.append("  - id: ")
          .append(id)
          .append('\n')
          .append("    name: TODO ")
          .append(id.replace('_', ' '))
          .append('\n')
          .append(
              "    role: party                  # party (must sign) | mediator (drafts) | stakeholder (does not sign)\n")
          .append(
              "    capability: uniform(40, 60)  # clout, any positive scale shared by all actors\n")
          .append("    reservation: uniform(0.2, 0.4)  # utility of no deal, in [0, 1)\n")
          .append("    flexibility: 1               # below 1 holds out, above 1 concedes early\n")
          .append("    stances:\n");
      for (int k = 0; k < issues.size(); k++) {
        y.append("      ")
            .append(issues.get(k))
            .append(":\n")
            .append(
                String.format(
                    Locale.ROOT,
                    "        position: uniform(%d, %d)   # the outcome it wants on 0-100%n",
                    Math.max(0, ideal - 10),
                    Math.min(100, ideal + 10)))
            .append("        salience: ")
            .append(saliences[k])
            .append("               # its weight; an actor's saliences sum to 1\n")
            .append(
                "        # red_line: {max: 70}          # outcomes it could ever sign: {min: ..}, {max: ..} or both\n")
            .append("        # evidence: [001#a quote from the article]\n")
            .append("        # rationale: how the quote became these numbers\n");
      }
    }
    y.append("\n# events:                # shocks that change inputs at a month, or at random\n")
        .append("#   - id: shock\n")
        .append("#     label: TODO\n")
        .append("#     at: ")
        .append(start.plusMonths(6))
        .append('\n')
        .append("#     changes:\n")
        .append("#       - {target: ")
        .append(actors.get(0))
        .append(".flexibility, scale: 1.2}\n\n")
        .append("protocol: {name: mediated}   # mediated | eum | smp\n")
        .append("experiment: {replications: 1000, rounds: 24, seed: 1}\n");
    return y.toString();
  }

  /** Equal saliences in hundredths that sum to exactly 1. */
  private static String[] saliences(int n) {
    String[] out = new String[n];
    int each = 100 / n;
    for (int k = 0; k < n; k++) {
      int v = k == n - 1 ? 100 - each * (n - 1) : each;
      out[k] = String.format(Locale.ROOT, "%.2f", v / 100.0);
    }
    return out;
  }
}
