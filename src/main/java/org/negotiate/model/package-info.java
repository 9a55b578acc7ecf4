/**
 * The second stage of the flow (scenario → model → protocol → sim → experiment → report → cli/gui):
 * one replication's numbers. {@link org.negotiate.model.SetupSampler} draws every uncertain input
 * of a scenario from named streams ({@link org.negotiate.model.Streams}, so a draw depends on the
 * seed and the input's path, never on the thread) into a {@link
 * org.negotiate.model.NegotiationSetup} of plain arrays, and events change its {@link
 * org.negotiate.model.Inputs}. It reads the scenario records and nothing later: no protocol, MASON,
 * files or charts.
 */
package org.negotiate.model;
