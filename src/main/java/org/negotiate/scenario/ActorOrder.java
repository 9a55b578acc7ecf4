package org.negotiate.scenario;

import java.util.Locale;

/** The order in which a replication sees the actors. */
public enum ActorOrder {
  /**
   * Sorted by id (the default): the order a scenario lists its actors in cannot change a result.
   */
  ID,
  /**
   * As listed. For scenarios made from an anchor's actor table: KTAB's spatial model is not
   * order-free (positions within its tolerance of each other are one option, represented by the
   * first row that holds it; tied bargains go to the first initiator), so its numbers are KTAB's
   * only in the file's row order.
   */
  LISTED;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
