package org.negotiate.protocol.analysis;

/**
 * How one package compares with the outcome space ({@link OutcomeSpace#assess}). Utilities and
 * gains are in the parties' order; a distance whose reference point does not exist (no package
 * gives every party its reservation, so no Nash or Kalai–Smorodinsky point) is NaN.
 *
 * @param utilities the parties' judged utilities of the package
 * @param individuallyRational every party gets at least its reservation utility (within 1e-9)
 * @param toFrontier the largest gain every party could make at once by moving to another package in
 *     the red-line zone: {@code max t} such that some zone package z' has {@code U_i(z') >= U_i(z)
 *     + t} for every party. 0 on the Pareto frontier, positive inside it; negative only for a
 *     package outside the zone that some party prefers to everything inside it
 * @param toNashUtility Euclidean distance in utility space to the (capability-weighted) Nash point
 * @param toNashTerms Euclidean distance over the issues (0–100 scale) to the Nash point's terms
 * @param toKalaiSmorodinskyUtility Euclidean distance in utility space to the Kalai–Smorodinsky
 *     point
 * @param toKalaiSmorodinskyTerms Euclidean distance over the issues to the Kalai–Smorodinsky terms
 */
public record Assessment(
    double[] utilities,
    boolean individuallyRational,
    double toFrontier,
    double toNashUtility,
    double toNashTerms,
    double toKalaiSmorodinskyUtility,
    double toKalaiSmorodinskyTerms) {
  public Assessment {
    utilities = utilities.clone();
  }

  @Override
  public double[] utilities() {
    return utilities.clone();
  }
}
