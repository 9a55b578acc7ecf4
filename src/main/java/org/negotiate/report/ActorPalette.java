package org.negotiate.report;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.negotiate.experiment.ConvergenceOdds;

/**
 * One colour per actor, keyed by the actor's order in the scenario, so an actor has the same colour
 * in every chart. The order is taken from {@link ConvergenceOdds#positions()} (scenario order);
 * actors that appear only among the blockers are appended after them. The mediators' draft text
 * ({@value OddsCharts#TEXT_ACTOR_ID}) is always black.
 */
final class ActorPalette {

  static final Color TEXT_COLOR = ChartLook.TEXT_COLOR;

  private final Map<String, Color> byActor = new LinkedHashMap<>();

  private ActorPalette() {}

  static ActorPalette of(ConvergenceOdds odds) {
    ActorPalette p = new ActorPalette();
    for (ConvergenceOdds.PositionBand b : odds.positions()) {
      p.register(b.actorId());
    }
    for (ConvergenceOdds.BlockerShare b : odds.blockers()) {
      p.register(b.actorId());
    }
    return p;
  }

  private void register(String actorId) {
    if (OddsCharts.TEXT_ACTOR_ID.equals(actorId) || byActor.containsKey(actorId)) {
      return;
    }
    byActor.put(actorId, ChartLook.actorColor(byActor.size()));
  }

  /** The actor's colour; black for the draft text, grey for an actor the palette has not seen. */
  Color color(String actorId) {
    if (OddsCharts.TEXT_ACTOR_ID.equals(actorId)) {
      return TEXT_COLOR;
    }
    return byActor.getOrDefault(actorId, Color.GRAY);
  }

  /** Actor ids in palette order (the draft text excluded). */
  List<String> actorIds() {
    return List.copyOf(byActor.keySet());
  }
}
