/**
 * The last stage of the flow (scenario → model → protocol → sim → experiment → report → cli/gui):
 * {@code negotiate}'s commands on picocli ({@link org.negotiate.cli.Main}). A command parses its
 * options, loads the scenario, runs an experiment and hands the results to {@code report}; it turns
 * bad input into one clear message and exit code 2. It holds no negotiation mathematics or
 * statistics of its own: those belong to the stages before it.
 */
package org.negotiate.cli;
