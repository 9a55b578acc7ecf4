package org.negotiate.sim;

import java.util.List;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.RoundClose;

/** Watches a run round by round (the run log, the GUI). */
public interface RoundListener {
  void roundClosed(int round, List<ScheduledEvent> fired, Protocol.Session session, RoundClose close);
}
