package org.negotiate.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A whole scenario as loaded, overridden and validated: immutable.
 *
 * @param saliences whether saliences are shares summing to 1 per actor (the default) or independent
 * @param draft a draft ({@code status: draft}): stances and events may go without evidence, listed
 *     as unsourced
 * @param caseFile source dates, priors, observations, the outcome and caveats ({@link
 *     CaseFile#NONE} if none)
 * @param actorOrder the order a replication sees the actors in: by id (the default) or as listed
 *     (actor tables)
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
    boolean draft,
    CaseFile caseFile,
    ActorOrder actorOrder)
    implements java.io.Serializable {

  public Scenario {
    if (actorOrder == null) actorOrder = ActorOrder.ID;
  }

  /** A scenario whose actors are seen in id order. */
  public Scenario(
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
      boolean draft,
      CaseFile caseFile) {
    this(
        name,
        description,
        calendar,
        issues,
        actors,
        protocol,
        agreement,
        events,
        experiment,
        saliences,
        draft,
        caseFile,
        ActorOrder.ID);
  }

  /** A scenario that is not a draft and records nothing beyond its inputs. */
  public Scenario(
      String name,
      String description,
      Calendar calendar,
      List<Issue> issues,
      List<Actor> actors,
      ProtocolSpec protocol,
      AgreementRule agreement,
      List<Event> events,
      ExperimentDefaults experiment,
      SalienceMode saliences) {
    this(
        name,
        description,
        calendar,
        issues,
        actors,
        protocol,
        agreement,
        events,
        experiment,
        saliences,
        false,
        CaseFile.NONE);
  }

  /** The same scenario under another name (compare's B changed by --set-b). */
  public Scenario withName(String newName) {
    return new Scenario(
        newName,
        description,
        calendar,
        issues,
        actors,
        protocol,
        agreement,
        events,
        experiment,
        saliences,
        draft,
        caseFile,
        actorOrder);
  }

  /** The same scenario marked as a draft or not. */
  public Scenario withDraft(boolean isDraft) {
    return new Scenario(
        name,
        description,
        calendar,
        issues,
        actors,
        protocol,
        agreement,
        events,
        experiment,
        saliences,
        isDraft,
        caseFile,
        actorOrder);
  }

  /**
   * Values that cite no evidence: stances and events without an evidence reference (only a draft,
   * or a scenario made from an actor table, has any).
   */
  public int unsourced() {
    int n = 0;
    for (Actor a : actors) for (Stance st : a.stances().values()) if (st.evidence().isEmpty()) n++;
    for (Event e : events) if (e.evidence().isEmpty()) n++;
    return n;
  }

  public Optional<Actor> actor(String id) {
    return actors.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The same scenario with other actors (what-ifs and tests reorder, add or remove them). */
  public Scenario withActors(List<Actor> newActors) {
    return new Scenario(
        name,
        description,
        calendar,
        issues,
        newActors,
        protocol,
        agreement,
        events,
        experiment,
        saliences,
        draft,
        caseFile,
        actorOrder);
  }

  /** The same scenario with another case file (as-of forecasts narrow it). */
  public Scenario withCaseFile(CaseFile c) {
    return new Scenario(
        name,
        description,
        calendar,
        issues,
        actors,
        protocol,
        agreement,
        events,
        experiment,
        saliences,
        draft,
        c,
        actorOrder);
  }

  /** The same scenario with other events. */
  public Scenario withEvents(List<Event> newEvents) {
    return new Scenario(
        name,
        description,
        calendar,
        issues,
        actors,
        protocol,
        agreement,
        newEvents,
        experiment,
        saliences,
        draft,
        caseFile,
        actorOrder);
  }

  /** The same scenario with its actors seen in another order. */
  public Scenario withActorOrder(ActorOrder order) {
    return new Scenario(
        name,
        description,
        calendar,
        issues,
        actors,
        protocol,
        agreement,
        events,
        experiment,
        saliences,
        draft,
        caseFile,
        order);
  }

  public Optional<Issue> issue(String id) {
    return issues.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Scenario that
            && java.util.Objects.equals(name, that.name)
            && java.util.Objects.equals(description, that.description)
            && java.util.Objects.equals(calendar, that.calendar)
            && java.util.Objects.equals(issues, that.issues)
            && java.util.Objects.equals(actors, that.actors)
            && java.util.Objects.equals(protocol, that.protocol)
            && java.util.Objects.equals(agreement, that.agreement)
            && java.util.Objects.equals(events, that.events)
            && java.util.Objects.equals(experiment, that.experiment)
            && saliences == that.saliences
            && draft == that.draft
            && java.util.Objects.equals(caseFile, that.caseFile)
            && actorOrder == that.actorOrder;
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(name);
    h = 31 * h + java.util.Objects.hashCode(description);
    h = 31 * h + java.util.Objects.hashCode(calendar);
    h = 31 * h + java.util.Objects.hashCode(issues);
    h = 31 * h + java.util.Objects.hashCode(actors);
    h = 31 * h + java.util.Objects.hashCode(protocol);
    h = 31 * h + java.util.Objects.hashCode(agreement);
    h = 31 * h + java.util.Objects.hashCode(events);
    h = 31 * h + java.util.Objects.hashCode(experiment);
    h = 31 * h + java.util.Objects.hashCode(saliences);
    h = 31 * h + Boolean.hashCode(draft);
    h = 31 * h + java.util.Objects.hashCode(caseFile);
    h = 31 * h + java.util.Objects.hashCode(actorOrder);
    return h;
  }
}
