package org.negotiate.protocol;

/**
 * How a round ended.
 *
 * @param terms the agreed package when {@link Ending#AGREED}, else null
 * @param blocker the party that blocked, for a failed end; -1 otherwise
 */
public record RoundClose(Ending ending, double[] terms, int blocker, BlockReason reason) {
  public static final RoundClose CONTINUE = new RoundClose(Ending.CONTINUE, null, -1, null);

  public enum Ending {
    CONTINUE,
    AGREED,
    BREAKDOWN,
    ROUND_LIMIT,
    /**
     * A forecasting protocol's own stopping rule (small change, a cycle) ended the run with no
     * deal.
     */
    STOPPED;

    public boolean over() {
      return this != CONTINUE;
    }
  }

  /** Why the blocker blocked. */
  public enum BlockReason {
    /** Its red lines leave no package every party could sign. */
    RED_LINE,
    /** The text is inside its red lines but worth less to it than it still demands. */
    ASPIRATION,
    /** It walked out: the text stayed below its reservation utility too long. */
    WALKED_OUT,
    /** For protocols with no accept step: its position stayed furthest from the other parties'. */
    DISTANCE
  }
}
