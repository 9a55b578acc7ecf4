package org.negotiate.sim;

import java.util.List;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.RoundClose;

/** Watches a run round by round (the run log, the GUI). */
public interface RoundListener {
  void roundClosed(
      int round, List<ScheduledEvent> fired, Protocol.Session session, RoundClose close);

  /**
   * Asked after each round the run goes on from: true when this listener has seen all it needs and
   * the run may stop there (a conditioned run's replication that the observations already reject:
   * the rounds after it cannot change that, and nothing of a rejected run is kept).
   */
  default boolean enough() {
    return false;
  }
}
