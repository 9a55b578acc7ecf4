package org.negotiate.protocol.eum;

/**
 * The actors in canonical order split into runs of equal position ({@code ==}, so −0 and 0 are one
 * position, as every comparison of positions in the model has them). Every quantity of a round that
 * depends on an actor only through its position (a vote distance, the all-pairs P, the expected
 * utility of a challenge against a given target) is the same for the whole run, so it is computed
 * once per group and used for each member: the same operations on the same values, so the same
 * bits. Holds its arrays, recomputed every round: recomputing allocates nothing.
 */
final class PositionGroups {
  /** groupOf[i]: the group of actor i. */
  final int[] groupOf;

  /**
   * start[g]: the canonical rank of group g's first actor; start[count] is the number of actors.
   */
  final int[] start;

  /** x[g]: the position of group g (its first actor's). */
  final double[] x;

  /** The number of groups. */
  int count;

  PositionGroups(int n) {
    groupOf = new int[n];
    start = new int[n + 1];
    x = new double[n];
  }

  /**
   * The groups of the positions {@code positions} with the actors in canonical order {@code order}
   * (equal positions are neighbours there).
   */
  void group(int[] order, double[] positions) {
    int g = -1;
    double last = Double.NaN;
    for (int m = 0; m < order.length; m++) {
      double p = positions[order[m]];
      if (g < 0 || p != last) {
        g++;
        start[g] = m;
        x[g] = p;
        last = p;
      }
      groupOf[order[m]] = g;
    }
    count = g + 1;
    start[count] = order.length;
  }

  /** The number of actors in group g. */
  int size(int g) {
    return start[g + 1] - start[g];
  }
}
