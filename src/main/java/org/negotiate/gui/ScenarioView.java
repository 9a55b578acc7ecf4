package org.negotiate.gui;

import java.util.List;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Calendar;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;

/**
 * The names the GUI shows, in the scenario's order (the model works in canonical, sorted order).
 */
record ScenarioView(
    String name,
    List<String> actorIds,
    List<String> actorNames,
    List<Role> roles,
    List<String> issueIds,
    List<String> issueLabels,
    Calendar calendar) {

  static ScenarioView of(Scenario s) {
    return new ScenarioView(
        s.name(),
        s.actors().stream().map(Actor::id).toList(),
        s.actors().stream().map(Actor::name).toList(),
        s.actors().stream().map(Actor::role).toList(),
        s.issues().stream().map(Issue::id).toList(),
        s.issues().stream().map(Issue::label).toList(),
        s.calendar());
  }

  int actors() {
    return actorIds.size();
  }

  int issues() {
    return issueIds.size();
  }

  boolean isParty(int a) {
    return roles.get(a) == Role.PARTY;
  }

  String nameOf(String actorId) {
    int i = actorIds.indexOf(actorId);
    return i < 0 ? actorId : actorNames.get(i);
  }
}
