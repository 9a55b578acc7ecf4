package org.negotiate.scenario;

import java.util.Locale;

/** What a salience means in a scenario. */
public enum SalienceMode {
  /**
   * Each actor's share of attention across the issues: an actor's saliences sum to 1 (the default).
   */
  SHARES,
  /**
   * How much each issue matters to the actor, each in [0, 1] on its own, as in Bueno de Mesquita's
   * and KTAB's tables (one issue per table, or dimensions weighted independently). The mediated
   * protocol uses them as shares (divided by their sum); the expected utility and spatial models
   * use them as given.
   */
  INDEPENDENT;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
