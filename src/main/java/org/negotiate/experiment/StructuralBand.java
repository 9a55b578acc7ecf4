package org.negotiate.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.negotiate.protocol.Capability;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.Protocols;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;

/**
 * The model's own uncertainty (issue 14, item 5): P(deal by the final month) under each structural
 * alternative of a scenario (the protocols, the named readings of contested evidence, and the
 * mediated protocol's uncertain parameters fixed at each end of their argued range), over the same
 * seed and draws, and the band they span beside the Monte Carlo interval of any one of them. Every
 * protocol counts a deal the same way (inside every party's red lines and above its reservation),
 * so the odds compare like with like.
 */
public final class StructuralBand {
  private StructuralBand() {}

  /**
   * One alternative: a name for the table, the scenario as it runs, and the protocol that runs it.
   */
  public record Alternative(String name, Scenario scenario, Protocol protocol) {}

  /** One alternative's odds by the final month with its 95% Wilson interval. */
  public record Row(
      String name, long agreed, int replications, double odds, double lower, double upper) {}

  /** Every alternative's row and the range of their odds. */
  public record Result(List<Row> rows, double min, double max) {}

  /**
   * The standard alternatives of a scenario: as it stands; each named reading (a delta scenario
   * file); the mediated protocol with each uncertain parameter at the ends of its range; and each
   * other protocol.
   */
  public static List<Alternative> standard(Scenario s, List<Path> readings)
      throws ScenarioException {
    List<Alternative> out = new ArrayList<>();
    out.add(new Alternative(s.name(), s, protocol(s)));
    for (Path r : readings) {
      Scenario alt = ScenarioLoader.load(r);
      out.add(new Alternative("reading " + alt.name(), alt, protocol(alt)));
    }
    if (protocol(s).isDefault()) {
      for (var e : s.protocol().params().entrySet()) {
        Quantity q = e.getValue();
        if (!q.uncertain()) continue;
        for (double end : new double[] {q.min(), q.max()}) {
          String set =
              "protocol."
                  + e.getKey()
                  + "="
                  + java.math.BigDecimal.valueOf(end).stripTrailingZeros().toPlainString();
          Scenario alt = ScenarioLoader.override(s, List.of(set));
          out.add(new Alternative(set, alt, protocol(alt)));
        }
      }
    }
    for (String name : Protocols.with(Capability.COMPARED)) {
      if (name.equals(s.protocol().name())) continue;
      Scenario alt = ScenarioLoader.override(s, List.of("protocol.name=" + name));
      out.add(new Alternative("protocol " + name, alt, protocol(alt)));
    }
    return out;
  }

  private static Protocol protocol(Scenario s) {
    return Protocols.byName(s.protocol().name())
        .orElseThrow(() -> new IllegalArgumentException("unknown protocol " + s.protocol().name()));
  }

  /**
   * Runs every alternative with the same options (seed, replications, rounds) and gathers the band.
   */
  public static Result run(List<Alternative> alternatives, MonteCarlo.Options options)
      throws InterruptedException {
    List<Row> rows = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Alternative a : alternatives) {
      ConvergenceOdds odds =
          MonteCarlo.run(a.scenario(), a.protocol(), options.withoutOutcomes(), null).odds();
      ConvergenceOdds.MonthOdds last = odds.byMonth().get(odds.byMonth().size() - 1);
      rows.add(
          new Row(
              a.name(),
              last.agreed(),
              odds.replications(),
              last.odds(),
              last.lower(),
              last.upper()));
      min = Math.min(min, last.odds());
      max = Math.max(max, last.odds());
    }
    return new Result(List.copyOf(rows), min, max);
  }
}
