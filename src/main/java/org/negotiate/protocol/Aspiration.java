package org.negotiate.protocol;

/**
 * A party's aspiration as a state (docs/mediated.md, per round 4): it starts at 1 (the party's
 * ideal) and, in each month with a text on the table, gives up the share {@code rate} of its gap to
 * the reservation utility: {@code a(t+1) = a(t) - rate (a(t) - r)}. In a month without a text it
 * does not move, so concession is paid for by talks and nothing accumulates while there is nothing
 * to accept. A rate changed by an event changes the next step, never the level already reached.
 */
public final class Aspiration {
  private Aspiration() {}

  /** The aspiration after one month of talks at this rate. */
  public static double step(double aspiration, double reservation, double rate) {
    return aspiration - rate * (aspiration - reservation);
  }

  /**
   * The aspiration after {@code months} months of talks at a constant rate from 1: {@code r + (1 -
   * r)(1 - rate)^months} (the closed form of {@link #step} repeated).
   */
  public static double after(double reservation, double rate, int months) {
    return reservation + (1 - reservation) * Math.pow(1 - rate, months);
  }
}
