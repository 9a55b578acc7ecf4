package org.negotiate.protocol.eum;

import org.negotiate.protocol.ProtocolContract;

/** The expected utility model passes the protocol contract (order-dependent by design: Scholz's tables). */
class EumContractTest extends ProtocolContract {
  @Override
  protected String name() {
    return ExpectedUtilityProtocol.NAME;
  }
}
