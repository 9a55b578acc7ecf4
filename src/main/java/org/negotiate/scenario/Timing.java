package org.negotiate.scenario;

import java.time.YearMonth;

/** When an event happens: at a fixed month, or at random within a window. */
public sealed interface Timing extends java.io.Serializable permits Timing.At, Timing.Random {

  record At(YearMonth month) implements Timing {}

  /** Fires at most once: in each round of [from, to] with the given probability until it has. */
  record Random(double probability, YearMonth from, YearMonth to) implements Timing {}
}
