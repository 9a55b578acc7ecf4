package org.negotiate.sim;

import org.negotiate.model.NegotiationSetup;
import org.negotiate.protocol.Protocol;

/** Runs one replication on MASON and returns its outcome. */
public final class Replication {
  private Replication() {}

  public static RunOutcome run(
      NegotiationSetup setup, Protocol protocol, boolean recordTrajectory) {
    return new NegotiationModel(setup, protocol, recordTrajectory, null).runToEnd();
  }

  /**
   * Runs one replication recording its trajectory into {@code trajectory} ([rounds][actors +
   * 1][issues]), which the outcome then refers to: for a worker that runs many replications one
   * after another and tallies each before the next.
   */
  public static RunOutcome run(NegotiationSetup setup, Protocol protocol, float[][][] trajectory) {
    return new NegotiationModel(setup, protocol, trajectory, null).runToEnd();
  }

  /** As {@link #run(NegotiationSetup, Protocol, float[][][])}, watched round by round. */
  public static RunOutcome run(
      NegotiationSetup setup, Protocol protocol, float[][][] trajectory, RoundListener listener) {
    return new NegotiationModel(setup, protocol, trajectory, listener).runToEnd();
  }

  public static RunOutcome run(NegotiationSetup setup, Protocol protocol, RoundListener listener) {
    return new NegotiationModel(setup, protocol, true, listener).runToEnd();
  }
}
