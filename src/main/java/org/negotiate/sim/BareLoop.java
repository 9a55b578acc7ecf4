package org.negotiate.sim;

import java.util.List;
import org.negotiate.model.InputChange;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.RoundClose;

/**
 * The same negotiation as {@link NegotiationModel}, phase for phase and with the same noise
 * streams, in a plain loop: no MASON schedule, no agents, no trajectory, no outcome record. It
 * exists to measure what the engine costs on top of the protocol's arithmetic (benchmarks and
 * {@code negotiate bench}); its ending is the engine's.
 */
public final class BareLoop {
  private BareLoop() {}

  /** Runs one replication and returns how it closed. */
  public static RoundClose run(NegotiationSetup setup, Protocol protocol) {
    Inputs in = setup.initial().copy();
    // the same streams as the engine's, borrowed from the thread's spares as the engine's are
    NoiseStreams noise = new NoiseStreams(setup);
    noise.borrow();
    try {
      return run(setup, in, protocol.open(setup, in, noise));
    } finally {
      noise.close();
    }
  }

  private static RoundClose run(NegotiationSetup setup, Inputs in, Protocol.Session session) {
    int[] parties = setup.indicesOf(org.negotiate.scenario.Role.PARTY);
    List<ScheduledEvent> events = setup.events();
    int next = 0;
    RoundClose close = RoundClose.CONTINUE;
    for (int t = 0; t < setup.rounds() && !close.ending().over(); t++) {
      boolean changed = false;
      while (next < events.size() && events.get(next).round() <= t) {
        List<InputChange> changes = events.get(next++).changes();
        for (int c = 0; c < changes.size(); c++) in.apply(changes.get(c));
        changed = true;
      }
      if (changed) session.inputsChanged();
      session.propose(t);
      for (int p : parties) session.respond(p, t);
      for (int a = 0; a < setup.actors(); a++) session.concede(a, t);
      close = session.close(t);
    }
    return close;
  }
}
