package org.negotiate.protocol;

/**
 * Time-dependent aspiration (Faratin, Sierra &amp; Jennings 1998), mediated.md step 4:
 * {@code a(t) = r + (1 - r)(1 - (t/T)^(1/beta'))}, {@code beta' = beta (1 + pressure)}. A party
 * starts demanding its ideal (a = 1) and reaches its reservation utility at the round limit;
 * flexibility below 1 holds out (Boulware), above 1 concedes early (Conceder); pressure from
 * mediators and patrons speeds concession.
 */
public final class Aspiration {
  private Aspiration() {}

  public static double at(double reservation, double flexibility, double pressure, int round, double horizon) {
    double tau = Math.min(1.0, Math.max(0.0, round / horizon));
    double exponent = 1.0 / (flexibility * (1 + pressure));
    return reservation + (1 - reservation) * (1 - Math.pow(tau, exponent));
  }
}
