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
    return run(alternatives, options, null);
  }

  /**
   * As {@link #run(List, MonteCarlo.Options)}, the first alternative's row read off {@code first}
   * when it is not null: a run of that alternative (its scenario and protocol) with the same seed,
   * rounds and exact-rounds flag, which kept the outcomes of at least {@code
   * options.replications()} replications (the caller vouches for it: the main odds of {@code
   * odds}). Its first replications are the very ones the band would run again.
   */
  public static Result run(
      List<Alternative> alternatives, MonteCarlo.Options options, MonteCarlo.Result first)
      throws InterruptedException {
    return run(alternatives, options, first, null);
  }

  /**
   * As {@link #run(List, MonteCarlo.Options, MonteCarlo.Result)}; {@code progress} (or null) is
   * told the alternatives done.
   */
  public static Result run(
      List<Alternative> alternatives,
      MonteCarlo.Options options,
      MonteCarlo.Result first,
      Progress progress)
      throws InterruptedException {
    List<Row> rows = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Alternative a : alternatives) {
      Row row;
      if (first != null && rows.isEmpty()) {
        row = rowOf(a.name(), first, options.replications());
      } else {
        ConvergenceOdds odds =
            MonteCarlo.run(a.scenario(), a.protocol(), options.withoutOutcomes(), null).odds();
        ConvergenceOdds.MonthOdds last = odds.byMonth().get(odds.byMonth().size() - 1);
        row =
            new Row(
                a.name(),
                last.agreed(),
                odds.replications(),
                last.odds(),
                last.lower(),
                last.upper());
      }
      rows.add(row);
      min = Math.min(min, row.odds());
      max = Math.max(max, row.odds());
      if (progress != null) progress.done(rows.size());
    }
    return new Result(List.copyOf(rows), min, max);
  }

  /**
   * The row of replications {@code 0 .. replications-1} of {@code run} (which kept its outcomes),
   * counted as {@link MonteCarlo} counts them: failed replications left out, every agreement by the
   * final month.
   */
  static Row rowOf(String name, MonteCarlo.Result run, int replications) {
    List<org.negotiate.sim.RunOutcome> outcomes = run.outcomes();
    if (outcomes.size() != run.odds().replications()
        // NONE itself, as the record's equality would say (its array compared by reference),
        // without linking that equality at first call
        || run.rejections() != MonteCarlo.Rejections.NONE)
      throw new IllegalArgumentException("the run kept no outcomes to read the band's row from");
    long agreed = 0;
    int counted = 0;
    for (int i = 0; i < outcomes.size() && run.indexOf(i) < replications; i++) {
      counted++;
      if (outcomes.get(i).agreed()) agreed++;
    }
    if (run.attempted() < replications)
      throw new IllegalArgumentException("the run has fewer replications than the band's");
    double[] ci = Proportions.wilson(counted, agreed);
    return new Row(
        name, agreed, counted, counted == 0 ? Double.NaN : (double) agreed / counted, ci[0], ci[1]);
  }
}
