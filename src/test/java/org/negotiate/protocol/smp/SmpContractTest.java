package org.negotiate.protocol.smp;

import org.negotiate.protocol.ProtocolContract;

/**
 * KTAB's spatial model passes the protocol contract. It declares ORDER_DEPENDENT: as KTAB, exact ties
 * between bargains and the stochastic transition's draws follow the row order.
 */
class SmpContractTest extends ProtocolContract {
  @Override
  protected String name() {
    return SpatialModelProtocol.NAME;
  }
}
