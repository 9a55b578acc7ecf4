package org.negotiate.scenario;

/** Defaults for a Monte Carlo experiment; the command line may override each. */
public record ExperimentDefaults(int replications, int rounds, long seed)
    implements java.io.Serializable {}
