package org.negotiate.model;

import java.util.List;
import java.util.Map;
import org.negotiate.scenario.Role;

/**
 * Everything one replication needs, as plain arrays: no YAML, no distributions. Actors are in
 * canonical order (sorted by id), so the order a scenario lists them in cannot change a result; a
 * scenario with {@code actor_order: listed} (one made from an actor table) keeps its own order.
 *
 * @param exactRounds the run lasts exactly {@code rounds} rounds: a forecasting protocol's own
 *     stopping rule is off (as the published replications run a fixed 10 rounds)
 * @param seed the replication's seed
 * @param events the replication's events, sorted by round (random ones already drawn)
 * @param params the protocol's parameters, drawn (a protocol reads them, with their defaults,
 *     through its descriptor: {@code ProtocolDescriptor.read})
 * @param tolerance the agreement rule's tolerance on the 0–100 scale
 */
public record NegotiationSetup(
    List<String> actorIds,
    List<String> actorNames,
    List<Role> roles,
    List<String> issueIds,
    Inputs initial,
    List<ScheduledEvent> events,
    int rounds,
    boolean exactRounds,
    String protocol,
    Map<String, Double> params,
    double tolerance,
    long seed) {

  public NegotiationSetup {
    // immutable (Map.copyOf returns a map that already is one as it is): a protocol may keep what
    // it read from a setup's parameters by the map's identity
    params = Map.copyOf(params);
  }

  public int actors() {
    return actorIds.size();
  }

  public int issues() {
    return issueIds.size();
  }

  public int[] indicesOf(Role role) {
    // indexed loops, not a stream or an iterator: a protocol asks this three times a replication
    int n = roles.size();
    int count = 0;
    for (int i = 0; i < n; i++) if (roles.get(i) == role) count++;
    int[] out = new int[count];
    count = 0;
    for (int i = 0; i < n; i++) if (roles.get(i) == role) out[count++] = i;
    return out;
  }

  public int indexOf(String actorId) {
    return actorIds.indexOf(actorId);
  }
}
