package org.negotiate.scenario;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario as it could have been written at the end of a month: only evidence dated by then sets
 * a value, only events known by then (happened, and reported by a source dated by then) are
 * scheduled, and only observations known by then are kept. A block (an actor's own values, or a
 * stance) whose evidence is all later takes its stated {@code prior:}; without one it follows the
 * scenario's {@code as_of.without_evidence} rule: {@code uninformed} (the position, and the bound
 * of a red line the actor holds, anywhere on the scale) or {@code keep} (the value stands, listed
 * as unsupported). Later events are not foreseen: a scenario that wants them possible lists them as
 * random events with their own probability and evidence.
 *
 * <p>The cut is idempotent: the resolved scenario it writes (with {@code as_of.forecast} set to the
 * month, and the priors it applied) gives the same scenario when cut again at the same month.
 */
public final class AsOf {

  private AsOf() {}

  /** Where a command-line as-of month is reported. */
  public static final String OPTION = "--as-of";

  /**
   * The cut and what it did, for the brief and the manifest.
   *
   * @param scenario the scenario as of the month (its case file's {@code asOf} is the month)
   * @param month the as-of month
   * @param laterEvidence citations dropped because their source is later
   * @param fromPriors blocks that took their stated prior
   * @param uninformed blocks spread over the whole scale (no evidence, no prior)
   * @param unsupported blocks kept as written without evidence dated by the month
   * @param unknownEvents events not yet known (dropped)
   * @param noDealThrough the month through which no deal had been signed, from the recorded outcome
   *     (null when the scenario records none)
   */
  public record Cut(
      Scenario scenario,
      YearMonth month,
      int laterEvidence,
      List<String> fromPriors,
      List<String> uninformed,
      List<String> unsupported,
      List<String> unknownEvents,
      YearMonth noDealThrough)
      implements java.io.Serializable {

    /**
     * The observations a forecast as of the month conditions on (the scenario's, and no deal so
     * far).
     */
    public List<Observation> observations() {
      List<Observation> out = new ArrayList<>(scenario.caseFile().observations());
      if (noDealThrough != null) {
        out.add(
            new Observation.NoDeal(
                NO_DEAL_SO_FAR,
                noDealThrough,
                List.of(),
                "no agreement had been signed by the end of "
                    + noDealThrough
                    + " (the recorded outcome)"));
      }
      return out;
    }
  }

  /** The id of the observation an outcome implies: no deal signed up to the as-of month. */
  public static final String NO_DEAL_SO_FAR = "no_deal_so_far";

  /** The last month a scenario simulates with {@code rounds} rounds. */
  public static YearMonth lastMonth(Scenario s, int rounds) {
    return s.calendar().month(rounds - 1);
  }

  /**
   * The scenario as of the end of {@code month}.
   *
   * @throws ScenarioException when the month is outside the simulated calendar, a cited source is
   *     undated, or what the cut leaves is not a valid scenario
   */
  public static Cut cut(Scenario s, YearMonth month, int rounds) throws ScenarioException {
    YearMonth start = s.calendar().start();
    YearMonth last = lastMonth(s, rounds);
    if (month.isBefore(start) || month.isAfter(last)) {
      throw new ScenarioException(
          new Problem(
              OPTION,
              0,
              0,
              month.toString(),
              "the as-of month must lie in the simulated "
                  + "calendar, "
                  + start
                  + " to "
                  + last
                  + " ("
                  + rounds
                  + " rounds)"));
    }
    CaseFile c = s.caseFile();
    List<String> undated = new ArrayList<>();
    forEachCitation(
        s,
        e -> {
          if (c.dateOf(e) == null && !undated.contains(e)) undated.add(e);
        });
    if (!undated.isEmpty()) {
      throw new ScenarioException(
          new Problem(
              OPTION,
              0,
              0,
              month.toString(),
              "a forecast as of a date needs the date of "
                  + "every cited source; undated: "
                  + String.join("; ", undated.subList(0, Math.min(3, undated.size())))
                  + (undated.size() > 3 ? " and " + (undated.size() - 3) + " more" : "")
                  + " (date them in the seeds folder's "
                  + Sources.FILE
                  + ")"));
    }
    int[] later = {0};
    List<String> fromPriors = new ArrayList<>();
    List<String> uninformed = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    Map<String, CaseFile.Prior> priors = new LinkedHashMap<>(c.priors());
    Scenario out = s;
    // values first (each through InputPaths, the one way a value is replaced), then the records
    List<Actor> actors = new ArrayList<>();
    for (Actor a : s.actors()) {
      List<String> ev = known(c, a.evidence(), month, later);
      String rationale = a.rationale();
      CaseFile.Prior prior = c.priors().get(a.id());
      boolean unsupportedNow = !a.evidence().isEmpty() && ev.isEmpty();
      Map<String, Stance> stances = new LinkedHashMap<>();
      for (Map.Entry<String, Stance> e : a.stances().entrySet()) {
        Stance st = e.getValue();
        String block = a.id() + "." + e.getKey();
        List<String> sev = known(c, st.evidence(), month, later);
        CaseFile.Prior sp = c.priors().get(block);
        if (!sev.isEmpty()) {
          stances.put(e.getKey(), st.with(sev, st.rationale()));
        } else if (sp != null) {
          fromPriors.add(block);
          stances.put(e.getKey(), st.with(known(c, sp.evidence(), month, later), sp.rationale()));
        } else if (c.withoutEvidence() == CaseFile.WithoutEvidence.KEEP) {
          unsupported.add(block);
          stances.put(e.getKey(), st.with(List.of(), st.rationale()));
          priors.put(
              block,
              new CaseFile.Prior(
                  Map.of(),
                  List.of(),
                  "Kept as written: no evidence dated by "
                      + month
                      + " (as_of.without_evidence: keep). "
                      + st.rationale()));
        } else {
          uninformed.add(block);
          Map<String, Quantity> v = new LinkedHashMap<>();
          // where the bound lies is unknown, not that there is none: a stated bound keeps its side,
          // anywhere on the scale
          v.put(block + ".position", new Quantity.Uniform(0, 100));
          v.put(
              block + ".red_line.min",
              st.redLine().min() == null ? null : new Quantity.Uniform(0, 100));
          v.put(
              block + ".red_line.max",
              st.redLine().max() == null ? null : new Quantity.Uniform(0, 100));
          CaseFile.Prior u =
              new CaseFile.Prior(
                  Collections.unmodifiableMap(v),
                  List.of(),
                  "Uninformed: no evidence "
                      + "dated by "
                      + month
                      + ", so the position may lie anywhere on the scale"
                      + (st.redLine().isNone()
                          ? ""
                          : ", and so may the red line the actor is known to hold")
                      + " (as_of.without_evidence: uninformed).");
          priors.put(block, u);
          stances.put(e.getKey(), st.with(List.of(), u.rationale()));
        }
      }
      if (unsupportedNow) {
        if (prior != null) {
          fromPriors.add(a.id());
          rationale = prior.rationale();
          ev = known(c, prior.evidence(), month, later);
        } else {
          unsupported.add(a.id());
        }
      }
      actors.add(a.with(Collections.unmodifiableMap(stances), ev, rationale));
    }
    out = out.withActors(List.copyOf(actors));
    for (String block : fromPriors) out = apply(out, c.priors().get(block));
    for (String block : uninformed) out = apply(out, priors.get(block));
    List<Event> events = new ArrayList<>();
    List<String> unknownEvents = new ArrayList<>();
    for (Event e : s.events()) {
      List<String> ev = known(c, e.evidence(), month, later);
      boolean happened = !(e.timing() instanceof Timing.At at) || !at.month().isAfter(month);
      if (happened && !ev.isEmpty()) {
        events.add(new Event(e.id(), e.label(), e.timing(), e.changes(), ev, e.rationale()));
      } else {
        unknownEvents.add(e.id());
      }
    }
    out = out.withEvents(List.copyOf(events));
    List<Observation> obs = new ArrayList<>();
    for (Observation o : c.observations()) {
      List<String> ev = known(c, o.evidence(), month, later);
      if (!o.month().isAfter(month) && !ev.isEmpty()) obs.add(withEvidence(o, ev));
    }
    YearMonth noDeal = null;
    CaseFile.Outcome outcome = c.outcome();
    if (outcome != null && (!outcome.agreement() || outcome.month().isAfter(month))) noDeal = month;
    out =
        out.withCaseFile(
            new CaseFile(
                month,
                c.withoutEvidence(),
                c.asOfRationale(),
                c.sourceDates(),
                Collections.unmodifiableMap(priors),
                List.copyOf(obs),
                outcome,
                c.caveats()));
    // only the dates of the sources still cited: the cut scenario names no later source at all
    Map<String, YearMonth> dates = new LinkedHashMap<>();
    forEachCitation(
        out,
        e -> {
          String file = e.substring(0, Math.max(0, e.indexOf('#'))).strip();
          YearMonth d = c.dateOf(e);
          if (d != null) dates.putIfAbsent(file, d);
        });
    CaseFile cut = out.caseFile();
    out =
        out.withCaseFile(
            new CaseFile(
                cut.asOf(),
                cut.withoutEvidence(),
                cut.asOfRationale(),
                Collections.unmodifiableMap(dates),
                cut.priors(),
                cut.observations(),
                cut.outcome(),
                cut.caveats()));
    List<Problem> problems = new ArrayList<>();
    for (ScenarioValidator.Finding f : ScenarioValidator.validate(out)) {
      problems.add(
          new Problem(
              OPTION,
              0,
              0,
              month + " " + f.path(),
              f.message() + " (in the scenario as of " + month + ": check the priors)"));
    }
    if (!problems.isEmpty()) throw new ScenarioException(problems);
    return new Cut(
        out,
        month,
        later[0],
        List.copyOf(fromPriors),
        List.copyOf(uninformed),
        List.copyOf(unsupported),
        List.copyOf(unknownEvents),
        noDeal);
  }

  private static Scenario apply(Scenario s, CaseFile.Prior p) throws ScenarioException {
    for (Map.Entry<String, Quantity> e : p.values().entrySet()) {
      try {
        s = InputPaths.with(s, InputPaths.resolve(s, e.getKey()), e.getValue());
      } catch (InputPathException x) {
        throw new ScenarioException(new Problem(OPTION, 0, 0, e.getKey(), x.getMessage()));
      }
    }
    return s;
  }

  private static List<String> known(
      CaseFile c, List<String> evidence, YearMonth month, int[] later) {
    List<String> out = new ArrayList<>();
    for (String e : evidence) {
      YearMonth d = c.dateOf(e);
      if (d != null && !d.isAfter(month)) out.add(e);
      else later[0]++;
    }
    return List.copyOf(out);
  }

  private static Observation withEvidence(Observation o, List<String> ev) {
    if (o instanceof Observation.NoDeal n)
      return new Observation.NoDeal(n.id(), n.through(), ev, n.rationale());
    if (o instanceof Observation.Talks t)
      return new Observation.Talks(t.id(), t.month(), t.held(), t.level(), ev, t.rationale());
    if (o instanceof Observation.Demand d) {
      return new Observation.Demand(
          d.id(),
          d.actor(),
          d.issue(),
          d.month(),
          d.min(),
          d.max(),
          d.tolerance(),
          ev,
          d.rationale());
    }
    Observation.Refusal r = (Observation.Refusal) o;
    return new Observation.Refusal(r.id(), r.actor(), r.month(), ev, r.rationale());
  }

  /** Every citation of the scenario: actors, stances, priors, events, observations. */
  static void forEachCitation(Scenario s, java.util.function.Consumer<String> f) {
    for (Actor a : s.actors()) {
      a.evidence().forEach(f);
      for (Stance st : a.stances().values()) st.evidence().forEach(f);
    }
    for (CaseFile.Prior p : s.caseFile().priors().values()) p.evidence().forEach(f);
    for (Event e : s.events()) e.evidence().forEach(f);
    for (Observation o : s.caseFile().observations()) o.evidence().forEach(f);
  }
}
