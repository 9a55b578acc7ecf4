/**
 * The first stage of the flow (scenario → model → protocol → sim → experiment → report → cli/gui):
 * a scenario file as immutable records ({@link org.negotiate.scenario.Scenario}, actors, stances,
 * issues, events, uncertain quantities with their evidence), read, overridden ({@code --set}),
 * validated and written back. It owns the YAML format and every input error's file, line, column
 * and field. It knows nothing of the later stages: no replication, protocol mathematics, MASON,
 * chart or command line.
 */
package org.negotiate.scenario;
