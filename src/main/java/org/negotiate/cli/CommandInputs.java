package org.negotiate.cli;

import java.util.List;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.Protocols;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.scenario.tables.TableScenarios;

/** Loading and checking what a command was given, one way for every command. */
final class CommandInputs {
  static final int MAX_REPLICATIONS = org.negotiate.scenario.Limits.MAX_REPLICATIONS;
  static final int MAX_ROUNDS = org.negotiate.scenario.Limits.MAX_ROUNDS;

  private CommandInputs() {}

  static Scenario scenario(ScenarioOptions o) throws ScenarioException {
    if ((o.scenario == null) == (o.table == null))
      throw new BadInput("give either a SCENARIO file or --table FILE");
    Scenario s;
    if (o.table == null) {
      s = ScenarioLoader.load(o.scenario, o.allOverrides());
    } else {
      org.negotiate.scenario.tables.ActorTable t = TableScenarios.read(o.table, o.tableFormat);
      s =
          ScenarioLoader.override(
              TableScenarios.toScenario(t, org.negotiate.scenario.ProtocolParameters.DEFAULT),
              o.allOverrides());
    }
    java.time.YearMonth month = asOf(o.asOf, s);
    o.cut = null;
    o.loaded = s;
    if (month == null) return s;
    o.cut = org.negotiate.scenario.AsOf.cut(s, month, s.experiment().rounds());
    return o.cut.scenario();
  }

  /**
   * The error for a conditioned run that kept nothing, pointing at the observation that turned most
   * replications away (its line in the scenario file, where it can be found there).
   */
  static BadInput unreproduced(
      ScenarioOptions o, org.negotiate.experiment.NoReplicationReproduces e) {
    String where = String.valueOf(o.source());
    if (o.scenario != null && !e.observationId().isEmpty()) {
      try {
        List<String> lines = java.nio.file.Files.readAllLines(o.scenario);
        boolean inObservations = false;
        for (int i = 0; i < lines.size(); i++) {
          String l = lines.get(i);
          if (l.startsWith("observations:")) inObservations = true;
          else if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#"))
            inObservations = false;
          java.util.regex.Matcher m =
              java.util.regex.Pattern.compile(
                      "^(\\s*-?\\s*)id:\\s*"
                          + java.util.regex.Pattern.quote(e.observationId())
                          + "\\s*$")
                  .matcher(l);
          if (inObservations && m.find()) {
            where +=
                ":"
                    + (i + 1)
                    + ":"
                    + (m.group(1).length() + 1)
                    + ": observations["
                    + e.observationId()
                    + "]";
            break;
          }
        }
      } catch (java.io.IOException | RuntimeException ignored) {
        // the message stands without a line
      }
    }
    if (e.observationId().equals(org.negotiate.scenario.AsOf.NO_DEAL_SO_FAR)
        && !where.contains("observations[")) {
      where += ": outcome (no deal so far)";
    }
    return new BadInput(where + ": " + e.getMessage());
  }

  /** The as-of month: the option's (none: a run as written), else the scenario's own default. */
  static java.time.YearMonth asOf(String option, Scenario s) {
    if (option == null) return s.caseFile().asOf();
    if (option.strip().equals("none")) return null;
    try {
      return java.time.YearMonth.parse(option.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadInput(
          "--as-of: expected a month YYYY-MM (e.g. 2023-06) or none, got \"" + option + "\"");
    }
  }

  /**
   * The conditions of an as-of run: the observations known by its month, or null for a run as
   * written or one with nothing observed.
   */
  static org.negotiate.experiment.Conditions conditions(
      ScenarioOptions o, Scenario s, int rounds, int kept) {
    if (o.cut == null || o.cut.observations().isEmpty()) return null;
    try {
      int attempts =
          (int)
              Math.min(
                  MAX_REPLICATIONS,
                  (long) kept * org.negotiate.experiment.Conditions.DEFAULT_ATTEMPTS_PER_KEPT);
      return org.negotiate.experiment.Conditions.of(
          s, o.cut.observations(), org.negotiate.model.SetupSampler.nominal(s, rounds), attempts);
    } catch (IllegalArgumentException e) {
      throw new BadInput(o.source() + ": " + e.getMessage());
    }
  }

  static Protocol protocol(Scenario s) {
    return Protocols.byName(s.protocol().name())
        .orElseThrow(
            () ->
                new BadInput(
                    "unknown protocol \""
                        + s.protocol().name()
                        + "\"; valid: "
                        + String.join(", ", Protocols.names())));
  }

  /** Refuses, before anything runs, an experiment that would exceed the limits or the heap. */
  static void checkRun(Scenario s, int rounds, long replications, int threads) {
    List<String> problems =
        org.negotiate.scenario.Limits.checkRun(
            s.actors().size(),
            s.issues().size(),
            rounds,
            replications,
            threads,
            Runtime.getRuntime().maxMemory(),
            s.protocol().name());
    if (!problems.isEmpty()) throw new BadInput(String.join("\n", problems));
  }

  /**
   * Refuses, before anything runs, an experiment of {@code replications} in all that would keep
   * about {@code bytes} in memory, when either is more than the ceiling or the heap allows; the
   * message gives the numbers and what to change.
   */
  static void checkBudget(String what, long replications, long bytes, String remedy) {
    java.util.List<String> problems = new java.util.ArrayList<>();
    if (replications > org.negotiate.scenario.Limits.MAX_TOTAL_REPLICATIONS) {
      problems.add(
          String.format(
              java.util.Locale.ROOT,
              "%s: %,d replications in all; at most %,d are run by one command "
                  + "(see the README's Limits); %s",
              what,
              replications,
              org.negotiate.scenario.Limits.MAX_TOTAL_REPLICATIONS,
              remedy));
    }
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > org.negotiate.scenario.Limits.HEAP_SHARE * heap) {
      problems.add(
          String.format(
              java.util.Locale.ROOT,
              "%s: needs about %,d MB of memory; this JVM has %,d MB (raise it with "
                  + "NEGOTIATE_JAVA_OPTS=-Xmx...), or %s",
              what,
              bytes >> 20,
              heap >> 20,
              remedy));
    }
    if (!problems.isEmpty()) throw new BadInput(String.join("\n", problems));
  }

  /**
   * The results root: created if missing; a path that exists but is not a folder is a bad input.
   */
  static java.nio.file.Path outputRoot(java.nio.file.Path out) {
    if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
      throw new BadInput("--out " + out + ": not a folder");
    }
    return out;
  }

  static int inRange(String option, Integer value, int fallback, int min, int max) {
    int v = value == null ? fallback : value;
    if (v < min || v > max)
      throw new BadInput(option + ": expected an integer in [" + min + ", " + max + "], got " + v);
    return v;
  }

  /**
   * The command line as typed, for the manifest (the parse result's arguments start with the
   * command's name).
   */
  static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
    return "negotiate " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
