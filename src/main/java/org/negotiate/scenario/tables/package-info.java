/**
 * Part of the scenario stage: the published actor tables the validation cases come in, Bueno de
 * Mesquita's {@code Actor,Capability,Position,Salience} CSV and KTAB's SMP CSV ({@code
 * docs/models.md} §2.1), read with the same line-and-column errors as a scenario file and turned
 * into a {@link org.negotiate.scenario.Scenario}. It depends only on {@code scenario}: no model,
 * protocol, engine or output.
 */
package org.negotiate.scenario.tables;
