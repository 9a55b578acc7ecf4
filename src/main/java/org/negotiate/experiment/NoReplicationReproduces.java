package org.negotiate.experiment;

import java.time.YearMonth;

/**
 * No replication tried reproduced the observations a forecast is conditioned on: the inputs, as the
 * scenario states their uncertainty, cannot produce what was observed (or only too rarely to find).
 * Names the observation that turned most of them away (the first one contradicted most often), how
 * many replications it turned away and how many were tried, for an error pointing at it.
 */
public final class NoReplicationReproduces extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String observationId;
  private final long rejected;
  private final long attempted;

  NoReplicationReproduces(String observationId, long rejected, long attempted, String message) {
    super(message);
    this.observationId = observationId;
    this.rejected = rejected;
    this.attempted = attempted;
  }

  public String observationId() {
    return observationId;
  }

  public long rejected() {
    return rejected;
  }

  public long attempted() {
    return attempted;
  }

  /** From a conditioned run that kept nothing. */
  public static NoReplicationReproduces of(MonteCarlo.Result r, Conditions c, YearMonth asOf) {
    long[] by = r.rejections().byObservation();
    int worst = 0;
    for (int j = 1; j < by.length; j++) if (by[j] > by[worst]) worst = j;
    String id = c == null || by.length == 0 ? "" : c.observations().get(worst).source().id();
    long n = r.attempted();
    String msg =
        by.length == 0
            ? "no replication of " + n + " could be kept"
            : String.format(
                java.util.Locale.ROOT,
                "no replication of %,d tried reproduces the observations known by %s; "
                    + "observation %s was the first one contradicted in %,d of them%s: the inputs' stated uncertainty cannot "
                    + "produce it (widen the inputs it depends on, or check the observation)",
                n,
                asOf,
                id,
                by[worst],
                r.rejections().soft() > 0
                    ? " ("
                        + r.rejections().soft()
                        + " more turned away by the soft observations' kernel)"
                    : "");
    return new NoReplicationReproduces(id, by.length == 0 ? 0 : by[worst], n, msg);
  }
}
