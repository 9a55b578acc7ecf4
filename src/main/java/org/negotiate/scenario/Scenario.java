package org.negotiate.scenario;

import java.util.List;
import java.util.Optional;

/** A whole scenario as loaded, overridden and validated: immutable. */
public record Scenario(
    String name,
    String description,
    Calendar calendar,
    List<Issue> issues,
    List<Actor> actors,
    ProtocolSpec protocol,
    AgreementRule agreement,
    List<Event> events,
    ExperimentDefaults experiment) {

  public Optional<Actor> actor(String id) {
    return actors.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public Optional<Issue> issue(String id) {
    return issues.stream().filter(i -> i.id().equals(id)).findFirst();
  }
}
