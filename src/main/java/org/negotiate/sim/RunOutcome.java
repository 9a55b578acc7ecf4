package org.negotiate.sim;

import org.negotiate.protocol.RoundClose.BlockReason;
import org.negotiate.protocol.RoundClose.Ending;

/**
 * How one replication ended.
 *
 * @param round the round of agreement or of the end (0-based)
 * @param terms the agreed package per issue, or null
 * @param utilities each actor's own utility of the agreed terms, or of the last text on the table
 *     when there was no deal (NaN when there never was a text)
 * @param blocker index of the blocking party for a failed run, -1 otherwise
 * @param trajectory positions by [round][actor][issue], with one extra actor row for the text (NaN
 *     when none); rounds after the end repeat the final positions. Null unless recorded.
 */
public record RunOutcome(
    long seed,
    Ending ending,
    int round,
    double[] terms,
    double[] utilities,
    int blocker,
    BlockReason reason,
    float[][][] trajectory) {

  public boolean agreed() {
    return ending == Ending.AGREED;
  }
}
