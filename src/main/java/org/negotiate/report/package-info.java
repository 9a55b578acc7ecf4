/**
 * The sixth stage of the flow (scenario → model → protocol → sim → experiment → report → cli/gui):
 * the result folder and what goes in it: CSV tables, JFreeChart PNG/SVG charts and the HTML policy
 * brief, from the experiment's results and the scenario's evidence. It owns every output format and
 * the rule that a result folder appears whole or not at all ({@link
 * org.negotiate.report.ResultFolder}). It holds no negotiation mathematics of its own (a chart's
 * Pareto frontier comes from {@code protocol.analysis}) and parses no command line.
 */
package org.negotiate.report;
