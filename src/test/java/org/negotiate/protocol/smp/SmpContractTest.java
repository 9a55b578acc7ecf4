package org.negotiate.protocol.smp;

import org.negotiate.protocol.ProtocolContract;

/** KTAB's spatial model passes the protocol contract (order-dependent by design: KTAB's published runs). */
class SmpContractTest extends ProtocolContract {
  @Override
  protected String name() {
    return SpatialModelProtocol.NAME;
  }
}
