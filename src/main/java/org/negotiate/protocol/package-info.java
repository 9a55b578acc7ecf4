/**
 * The third stage of the flow (scenario → model → protocol → sim → experiment → report → cli/gui):
 * the negotiation mathematics. A {@link org.negotiate.protocol.Protocol} opens a {@link
 * org.negotiate.protocol.Protocol.Session} on one replication's inputs whose phases (propose,
 * respond, concede, close) the engine calls each round; here live the default mediated single text
 * ({@code docs/mediated.md}), its utility, draft and aspiration, and the reference points. Pure: it
 * reads {@code model} (and the scenario's role names) and knows nothing of MASON, files, charts or
 * the command line, so every equation is testable on its own.
 */
package org.negotiate.protocol;
