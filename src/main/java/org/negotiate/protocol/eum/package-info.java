/**
 * A protocol of the protocol stage: Bueno de Mesquita's expected utility model as Scholz, Calbert
 * &amp; Smith (2011) formalise it ({@code docs/models.md} §1). {@link
 * org.negotiate.protocol.eum.ExpectedUtilityModel} is the pure one-issue model, checked against the
 * published rounds of Case A (§5.1); {@link org.negotiate.protocol.eum.ExpectedUtilityProtocol}
 * runs one per issue as a {@link org.negotiate.protocol.Protocol}. No MASON, files or charts.
 */
package org.negotiate.protocol.eum;
