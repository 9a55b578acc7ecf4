package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.negotiate.scenario.ProtocolParameters;

class ProtocolsTest {
  @Test
  void everyProtocolAScenarioMayNameHasAnImplementation() {
    assertEquals(ProtocolParameters.PARAMS.keySet(), Protocols.names());
    for (String name : Protocols.names())
      assertEquals(name, Protocols.byName(name).orElseThrow().name());
  }
}
