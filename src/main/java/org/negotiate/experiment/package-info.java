/**
 * The fifth stage of the flow (scenario → model → protocol → sim → experiment → report → cli/gui):
 * many replications and what they add up to: Monte Carlo odds with Wilson intervals, sweeps,
 * sensitivity (Sobol), what-it-takes, comparisons, back-tests, and the engines they run on (this
 * machine's cores, or a cluster engine found by {@link java.util.ServiceLoader}). A piece's result
 * depends on its index alone, never on the engine or thread count. It keeps journals so a run can
 * resume, but draws no chart, writes no brief and parses no command line.
 */
package org.negotiate.experiment;
