package org.negotiate.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A whole scenario as loaded, overridden and validated: immutable.
 *
 * @param saliences whether saliences are shares summing to 1 per actor (the default) or independent
 * @param caseFile source dates, priors, observations, the outcome and caveats ({@link CaseFile#NONE} if none)
 */
public record Scenario(
    String name,
    String description,
    Calendar calendar,
    List<Issue> issues,
    List<Actor> actors,
    ProtocolSpec protocol,
    AgreementRule agreement,
    List<Event> events,
    ExperimentDefaults experiment,
    SalienceMode saliences,
    CaseFile caseFile) implements java.io.Serializable {

  public Optional<Actor> actor(String id) {
    return actors.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The same scenario with other actors (what-ifs and tests reorder, add or remove them). */
  public Scenario withActors(List<Actor> newActors) {
    return new Scenario(name, description, calendar, issues, newActors, protocol, agreement, events, experiment, saliences, caseFile);
  }

  /** The same scenario with another case file (as-of forecasts narrow it). */
  public Scenario withCaseFile(CaseFile c) {
    return new Scenario(name, description, calendar, issues, actors, protocol, agreement, events, experiment, saliences, c);
  }

  /** The same scenario with other events. */
  public Scenario withEvents(List<Event> newEvents) {
    return new Scenario(name, description, calendar, issues, actors, protocol, agreement, newEvents, experiment, saliences,
        caseFile);
  }

  public Optional<Issue> issue(String id) {
    return issues.stream().filter(i -> i.id().equals(id)).findFirst();
  }
}
