package org.negotiate.scenario;

/** Defaults for a Monte Carlo experiment; the command line may override each. */
public record ExperimentDefaults(int replications, int rounds, long seed)
    implements java.io.Serializable {
  // the record's own equality and hash, written out: the generated ones are linked through
  // ObjectMethods at their first call, tens of ms at start-up (RecordEqualityTest)
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof ExperimentDefaults that
            && replications == that.replications
            && rounds == that.rounds
            && seed == that.seed;
  }

  @Override
  public int hashCode() {
    int h = replications;
    h = 31 * h + rounds;
    h = 31 * h + Long.hashCode(seed);
    return h;
  }
}
