/**
 * The fourth stage of the flow (scenario → model → protocol → sim → experiment → report → cli/gui):
 * one replication on MASON's schedule. {@link org.negotiate.sim.NegotiationModel} steps the round's
 * phases in a fixed order (events, draft, responses, concessions, recorder) and {@link
 * org.negotiate.sim.Replication} returns its {@link org.negotiate.sim.RunOutcome}. It is the only
 * stage that knows MASON; the agents only call the protocol's phases and hold no mathematics of
 * their own. No files, statistics over runs or charts.
 */
package org.negotiate.sim;
