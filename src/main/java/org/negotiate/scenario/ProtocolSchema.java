package org.negotiate.scenario;

import java.util.List;
import java.util.Set;

/**
 * What the scenario layer knows of a protocol: its name, its parameters and whether it is the
 * default. Every {@code org.negotiate.protocol.Protocol} is one; they are registered in {@code
 * META-INF/services/org.negotiate.scenario.ProtocolSchema} (one line each) and found with {@link
 * java.util.ServiceLoader}, so this layer reads and validates a {@code protocol:} section without
 * naming any protocol (the protocols sit above it in the layering).
 */
public interface ProtocolSchema {

  /** The name a scenario's {@code protocol.name} gives. */
  String name();

  /** The parameters the protocol reads, in documentation order. */
  List<ProtocolParameters.Param> parameters();

  /**
   * Whether a scenario without {@code protocol.name} runs this protocol; exactly one protocol is.
   */
  default boolean isDefault() {
    return false;
  }

  /**
   * The actor-table formats ({@code TableScenarios.Format} names) whose anchor this protocol
   * replicates: {@code --protocol} defaults to it for such a table's native model.
   */
  default Set<String> nativeTables() {
    return Set.of();
  }
}
