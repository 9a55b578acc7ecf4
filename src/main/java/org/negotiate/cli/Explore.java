package org.negotiate.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.negotiate.scenario.Scenario;

/** What the exploration commands (sweep, sensitivity, discover, whatittakes) share. */
final class Explore {
  private Explore() {}

  /**
   * The round by whose end a deal counts: the last one, the month given by {@code --month} (a dated
   * scenario), or the round given by {@code --round} (an undated one: an actor table, whose months
   * are a placeholder). Each option is refused where the results do not name rounds its way.
   */
  static int round(Scenario s, String month, Integer round, int rounds) {
    if (month != null && round != null) {
      throw new BadInput(
          "--month and --round: give one (--month for a dated scenario, --round for an actor table)");
    }
    if (round != null) {
      if (s.calendar().dated()) {
        throw new BadInput(
            "--round: "
                + s.name()
                + " is dated (its results count months): give --month YYYY-MM, from "
                + s.calendar().month(0)
                + " to "
                + s.calendar().month(rounds - 1));
      }
      if (round < 0 || round >= rounds) {
        throw new BadInput(
            "--round: " + round + " is outside the run (round 0 to round " + (rounds - 1) + ")");
      }
      return round;
    }
    if (month == null) return rounds - 1;
    if (!s.calendar().dated()) {
      throw new BadInput(
          "--month: "
              + s.name()
              + " is an actor table without dates (its results count rounds): give --round N, from 0 to "
              + (rounds - 1));
    }
    YearMonth m;
    try {
      m = YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw new BadInput("--month: expected YYYY-MM, got \"" + month + "\"");
    }
    int r = s.calendar().round(m);
    if (r < 0 || r >= rounds) {
      throw new BadInput(
          "--month: "
              + m
              + " is outside the run ("
              + s.calendar().month(0)
              + " to "
              + s.calendar().month(rounds - 1)
              + ")");
    }
    return r;
  }

  private static final java.util.regex.Pattern BY_MONTH =
      java.util.regex.Pattern.compile("\\bby (\\d{4}-\\d{2})\\b");

  /**
   * A summary line as an undated scenario (an actor table) shows it: "by round N" for "by YYYY-MM",
   * its months being a placeholder calendar. A dated scenario's line is returned as it is.
   */
  static String countRounds(Scenario s, String line) {
    if (s.calendar().dated()) return line;
    java.util.regex.Matcher m = BY_MONTH.matcher(line);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, "by round " + s.calendar().round(YearMonth.parse(m.group(1))));
    }
    return m.appendTail(b).toString();
  }

  /**
   * A manifest's summary as an undated scenario gives it: {@code by_round} for {@code by_month}.
   */
  static Map<String, Object> countRounds(Scenario s, Map<String, Object> summary) {
    if (s.calendar().dated() || !(summary.get("by_month") instanceof String month)) return summary;
    Map<String, Object> m = new LinkedHashMap<>();
    summary.forEach(
        (k, v) -> {
          if (k.equals("by_month")) m.put("by_round", s.calendar().round(YearMonth.parse(month)));
          else m.put(k, v);
        });
    return m;
  }

  /** The manifest's {@code as_of} entry: the month, what the cut did, and the conditioning. */
  static Map<String, Object> asOf(
      org.negotiate.scenario.AsOf.Cut cut,
      org.negotiate.experiment.MonteCarlo.Result result,
      org.negotiate.experiment.Posterior posterior) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("month", cut.month().toString());
    m.put("evidence_after_cut_off", cut.laterEvidence());
    m.put("values_from_priors", cut.fromPriors());
    m.put("values_uninformed", cut.uninformed());
    m.put("values_unsupported", cut.unsupported());
    m.put("events_not_yet_known", cut.unknownEvents());
    List<String> obs = new java.util.ArrayList<>();
    for (org.negotiate.scenario.Observation o : cut.observations()) obs.add(o.id());
    m.put("observations", obs);
    if (result != null) {
      m.put("replications_tried", result.attempted());
      m.put("replications_kept", result.odds().replications());
      m.put("effective_sample_size", result.odds().replications());
      m.put(
          "acceptance_rate",
          result.attempted() == 0 ? 0 : (double) result.odds().replications() / result.attempted());
      Map<String, Object> rejected = new LinkedHashMap<>();
      long[] by = result.rejections().byObservation();
      for (int j = 0; j < by.length && j < obs.size(); j++) rejected.put(obs.get(j), by[j]);
      if (result.rejections().soft() > 0) rejected.put("soft_kernel", result.rejections().soft());
      m.put("rejected_first_by", rejected);
    }
    if (posterior != null) {
      List<Map<String, Object>> taught = new java.util.ArrayList<>();
      for (org.negotiate.experiment.Posterior.Input in : posterior.inputs()) {
        if (taught.size() == 5) break;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("input", in.key());
        e.put("prior_mean", in.priorMean());
        e.put("posterior_mean", in.posteriorMean());
        e.put("reading", in.reading());
        taught.add(e);
      }
      m.put("largest_posterior_shifts", taught);
    }
    return m;
  }

  /**
   * The summary line's as-of part, e.g. "as of 2023-06: kept 2000 of 9000 replications that
   * reproduce 3 observations".
   */
  static String asOfLine(
      org.negotiate.scenario.AsOf.Cut cut, org.negotiate.experiment.MonteCarlo.Result result) {
    int obs = cut.observations().size();
    if (obs == 0)
      return "as of " + cut.month() + " (evidence dated by then; nothing observed to condition on)";
    return String.format(
        java.util.Locale.ROOT,
        "as of %s: kept %,d of %,d replications that reproduce %d observation%s",
        cut.month(),
        result.odds().replications(),
        result.attempted(),
        obs,
        obs == 1 ? "" : "s");
  }

  /**
   * The uncertain inputs a study varies: every one ({@code events}: the events' change values too),
   * or those {@code --inputs} patterns select; a clear error when none is left.
   */
  static java.util.List<org.negotiate.experiment.UncertainInput> inputs(
      String command, Scenario s, boolean events, java.util.List<String> patterns) {
    java.util.List<org.negotiate.experiment.UncertainInput> all =
        org.negotiate.experiment.UncertainInput.of(s, events);
    java.util.List<org.negotiate.experiment.UncertainInput> inputs =
        org.negotiate.experiment.UncertainInput.select(all, patterns);
    if (inputs.isEmpty()) {
      throw new BadInput(
          all.isEmpty()
              ? command + ": the scenario has no uncertain inputs (every number is fixed)"
              : "--inputs: no uncertain input matches "
                  + patterns
                  + "; the uncertain inputs are: "
                  + String.join(
                      ", ",
                      all.stream().map(org.negotiate.experiment.UncertainInput::key).toList()));
    }
    return inputs;
  }
}
