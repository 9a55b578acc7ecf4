package org.negotiate.protocol.eum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The positions after every round (index 0 the initial state), and the search for an earlier round
 * they repeat: the cycle half of the stopping rule ({@code docs/models.md} §1.8).
 *
 * <p>States are indexed by a projection (a fixed weighted sum of the positions), so a repeated
 * state is found without scanning every earlier round: any state within the tolerance of another
 * has a projection within a window of the other's.
 */
final class PositionHistory {
  private final int n;
  private final double tolerance;
  private final List<double[]> states = new ArrayList<>();

  /**
   * The states' projections in ascending order ({@link Double#compare}), and the state of each:
   * sorted arrays rather than a tree map of boxed keys (a model adds a state every round and
   * searches once).
   */
  private double[] keys = new double[16];

  private int[] ids = new int[16];
  private final double[] weights;
  private double weightSum;

  /**
   * @param n actors
   * @param tolerance positions within this of each other (every one) are the same state
   */
  PositionHistory(int n, double tolerance) {
    this.n = n;
    this.tolerance = tolerance;
    weights = new double[n];
    // A fixed pseudo-random weight in [1, 2) per actor (a 64-bit LCG), so that distinct states
    // rarely share a projection.
    long seed = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < n; i++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      weights[i] = 1 + (seed >>> 11) * 0x1.0p-53;
      weightSum += weights[i];
    }
  }

  /** Appends a state; the history keeps the array (the caller must not change it). */
  void add(double[] state) {
    double p = projection(state);
    int size = states.size();
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, 2 * size);
      ids = Arrays.copyOf(ids, 2 * size);
    }
    int at = firstAbove(p, size);
    System.arraycopy(keys, at, keys, at + 1, size - at);
    System.arraycopy(ids, at, ids, at + 1, size - at);
    keys[at] = p;
    ids[at] = size;
    states.add(state);
  }

  /** The first index below {@code size} whose key is above p (by Double.compare), or size. */
  private int firstAbove(double p, int size) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Double.compare(keys[mid], p) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first index whose key is at or above p (by Double.compare), or the number of states. */
  private int firstAtOrAbove(double p) {
    int lo = 0;
    int hi = states.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Double.compare(keys[mid], p) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  int size() {
    return states.size();
  }

  /** State t (shared: read only). */
  double[] get(int t) {
    return states.get(t);
  }

  /** The latest state. */
  double[] last() {
    return states.get(states.size() - 1);
  }

  /** Copies of every state, index 0 the initial one. */
  List<double[]> copies() {
    List<double[]> out = new ArrayList<>();
    for (double[] h : states) out.add(h.clone());
    return out;
  }

  /**
   * The latest earlier state (before {@code below}) within the tolerance of {@code state}, or -1.
   * Candidates are those whose projection lies within a window that every state within the
   * tolerance must fall into (with a wide margin for rounding); equality is then confirmed position
   * by position.
   */
  int latestSame(double[] state, int below) {
    double p = projection(state);
    double half = 2 * tolerance * weightSum + 1e-12 * projectionScale(state) + Double.MIN_NORMAL;
    double from = p - half;
    double to = p + half;
    // as TreeMap.subMap(from, true, to, true), which this replaced, refuses it
    if (Double.compare(from, to) > 0) throw new IllegalArgumentException("fromKey > toKey");
    int best = -1;
    for (int k = firstAtOrAbove(from); k < states.size() && Double.compare(keys[k], to) <= 0; k++) {
      int t = ids[k];
      if (t < below && t > best && same(states.get(t), state)) best = t;
    }
    return best;
  }

  private double projection(double[] state) {
    double p = 0;
    for (int i = 0; i < n; i++) p += weights[i] * state[i];
    return p;
  }

  private double projectionScale(double[] state) {
    double p = 0;
    for (int i = 0; i < n; i++) p += weights[i] * Math.abs(state[i]);
    return p;
  }

  private boolean same(double[] a, double[] b) {
    for (int i = 0; i < n; i++) if (Math.abs(a[i] - b[i]) > tolerance) return false;
    return true;
  }
}
