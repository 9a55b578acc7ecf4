/**
 * A protocol of the protocol stage: KTAB's Spatial Model of Politics ({@code docs/models.md} §2).
 * {@link org.negotiate.protocol.smp.SpatialModel} is the pure model with KTAB's options and
 * defaults ({@link org.negotiate.protocol.smp.SmpOptions}), checked against KTAB's reference run of
 * Case C (§5.3); {@link org.negotiate.protocol.smp.SpatialModelProtocol} runs it as a {@link
 * org.negotiate.protocol.Protocol}. No MASON, files or charts.
 */
package org.negotiate.protocol.smp;
