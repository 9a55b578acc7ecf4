package org.negotiate.protocol;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The protocols a scenario can name. */
public final class Protocols {
  private static final Map<String, Supplier<Protocol>> ALL = new TreeMap<>(Map.of(
      MediatedSingleText.NAME, MediatedSingleText::new,
      org.negotiate.protocol.eum.ExpectedUtilityProtocol.NAME, org.negotiate.protocol.eum.ExpectedUtilityProtocol::new,
      org.negotiate.protocol.smp.SpatialModelProtocol.NAME, org.negotiate.protocol.smp.SpatialModelProtocol::new));

  private Protocols() {}

  public static Optional<Protocol> byName(String name) {
    return Optional.ofNullable(ALL.get(name)).map(Supplier::get);
  }

  public static java.util.Set<String> names() {
    return ALL.keySet();
  }
}
