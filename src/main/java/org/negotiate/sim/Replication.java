package org.negotiate.sim;

import org.negotiate.model.NegotiationSetup;
import org.negotiate.protocol.Protocol;

/** Runs one replication on MASON and returns its outcome. */
public final class Replication {
  private Replication() {}

  public static RunOutcome run(NegotiationSetup setup, Protocol protocol, boolean recordTrajectory) {
    return new NegotiationModel(setup, protocol, recordTrajectory, null).runToEnd();
  }

  public static RunOutcome run(NegotiationSetup setup, Protocol protocol, RoundListener listener) {
    return new NegotiationModel(setup, protocol, true, listener).runToEnd();
  }
}
