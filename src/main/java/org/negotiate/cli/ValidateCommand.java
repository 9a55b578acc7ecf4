package org.negotiate.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code negotiate validate}: the scenario's errors, or a table of its actors and stances. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a scenario (with any --set overrides) and prints its actors and stances, or every problem found.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ScenarioOptions scenario;

  @Override
  public Integer call() throws Exception {
    Scenario s = CommandInputs.scenario(scenario);
    CommandInputs.protocol(s);
    PrintWriter out = spec.commandLine().getOut();
    long parties = s.actors().stream().filter(a -> a.role() == Role.PARTY).count();
    out.printf(
        Locale.ROOT,
        "%s: OK: scenario \"%s\": %d issues, %d actors (%d parties), %d events, protocol %s, "
            + "%d rounds from %s, %d replications, seed %d%n",
        scenario.source(),
        s.name(),
        s.issues().size(),
        s.actors().size(),
        parties,
        s.events().size(),
        s.protocol().name(),
        s.experiment().rounds(),
        s.calendar().start(),
        s.experiment().replications(),
        s.experiment().seed());
    if (s.draft()) {
      int n = s.unsourced();
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "%s: warning: status: draft: unsourced: %d %s (stances and events that "
                  + "cite no evidence); the brief lists the count. Remove status: draft once every value cites its source.%n",
              scenario.source(),
              n,
              n == 1 ? "value" : "values");
    }
    out.println();
    String actorRow = "%-12s %-11s %-24s %-22s %-24s %-8s%n";
    out.printf(actorRow, "actor", "role", "capability", "reservation", "flexibility", "risk");
    for (Actor a : s.actors()) {
      out.printf(
          actorRow,
          a.id(),
          a.role().yamlName(),
          a.capability().describe(),
          a.reservation().describe(),
          a.flexibility().describe(),
          a.risk().describe());
    }
    out.println();
    String stanceRow = "%-12s %-18s %-24s %-20s %s%n";
    out.printf(stanceRow, "actor", "issue", "position", "salience", "red line");
    for (Actor a : s.actors()) {
      for (Issue i : s.issues()) {
        Stance st = a.stances().get(i.id());
        out.printf(
            stanceRow,
            a.id(),
            i.id(),
            st.position().describe(),
            st.salience().describe(),
            redLine(st.redLine()));
      }
    }
    protocolParameters(s, out);
    return 0;
  }

  /**
   * The protocol's parameters from their specs: the scenario's value or the default, the range, the
   * meaning.
   */
  private static void protocolParameters(Scenario s, PrintWriter out) {
    var specs = org.negotiate.scenario.ProtocolParameters.PARAMS.get(s.protocol().name());
    if (specs == null || specs.isEmpty()) return;
    out.println();
    out.printf("protocol %s parameters (--set protocol.NAME=VALUE):%n", s.protocol().name());
    String row = "  %-22s %-20s %-28s %s%n";
    for (var p : specs.values()) {
      Quantity q = s.protocol().params().get(p.name());
      out.printf(
          row,
          p.name(),
          q != null ? q.describe() : "default " + p.defaultText(),
          p.range().expected(),
          p.description());
    }
  }

  private static String redLine(RedLine r) {
    if (r == null || r.isNone()) return "-";
    return (r.min() == null ? "" : "min " + r.min().describe())
        + (r.min() != null && r.max() != null ? ", " : "")
        + (r.max() == null ? "" : "max " + r.max().describe());
  }

  static String describe(Quantity q) {
    return q == null ? "-" : q.describe();
  }
}
