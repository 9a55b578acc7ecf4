package org.negotiate.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A whole scenario as loaded, overridden and validated: immutable.
 *
 * @param saliences whether saliences are shares summing to 1 per actor (the default) or independent
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
    SalienceMode saliences) implements java.io.Serializable {

  public Optional<Actor> actor(String id) {
    return actors.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The same scenario with other actors (what-ifs and tests reorder, add or remove them). */
  public Scenario withActors(List<Actor> newActors) {
    return new Scenario(name, description, calendar, issues, newActors, protocol, agreement, events, experiment, saliences);
  }

  public Optional<Issue> issue(String id) {
    return issues.stream().filter(i -> i.id().equals(id)).findFirst();
  }
}
