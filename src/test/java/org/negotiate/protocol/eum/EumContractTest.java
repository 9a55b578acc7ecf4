package org.negotiate.protocol.eum;

import org.negotiate.protocol.ProtocolContract;

/** The expected utility model passes the protocol contract, actor-order independence included. */
class EumContractTest extends ProtocolContract {
  @Override
  protected String name() {
    return ExpectedUtilityProtocol.NAME;
  }
}
