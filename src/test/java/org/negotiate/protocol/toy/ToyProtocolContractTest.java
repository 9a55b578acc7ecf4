package org.negotiate.protocol.toy;

import org.negotiate.protocol.ProtocolContract;

/** The toy protocol, registered by one line, passes the same contract as the real ones. */
class ToyProtocolContractTest extends ProtocolContract {
  @Override
  protected String name() {
    return "toy_halfway";
  }
}
