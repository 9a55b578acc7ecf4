package org.negotiate.scenario.tables;

import java.util.List;

/**
 * An actor table as the published anchors write it (Bueno de Mesquita's actor table, KTAB's SMP
 * CSV): one row per actor with its capability and, per dimension, a position and a salience.
 * Readers produce this; {@code TableScenarios} turns it into a scenario.
 *
 * @param name the table's name (KTAB's row 1; the file name for a BDM table)
 * @param description KTAB's description, or empty
 * @param dimensions one name per dimension (issue), in column order
 * @param rows the actors, in file order
 * @param source the file, for messages
 */
public record ActorTable(
    String name, String description, List<String> dimensions, List<Row> rows, String source) {

  /**
   * One actor.
   *
   * @param line 1-based line of the row in the file, for messages
   * @param positions one per dimension, in the table's own units
   * @param saliences one per dimension, in [0, 1] (tables on a 0–100 scale are divided by 100)
   */
  public record Row(
      int line,
      String name,
      String description,
      double capability,
      double[] positions,
      double[] saliences) {}
}
