package org.negotiate.protocol;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.negotiate.scenario.ProtocolParameters;
import org.negotiate.scenario.ProtocolSchema;

/**
 * The protocols a scenario can name: the one registry, read from {@code
 * META-INF/services/org.negotiate.scenario.ProtocolSchema} (one line per protocol, the scenario
 * layer reads the same list through {@link ProtocolParameters}).
 */
public final class Protocols {
  private static final List<Protocol> ALL =
      ProtocolParameters.SCHEMAS.stream().map(Protocols::protocol).toList();

  private Protocols() {}

  private static Protocol protocol(ProtocolSchema s) {
    if (s instanceof Protocol p) return p;
    throw new IllegalStateException(
        s.getClass().getName()
            + " is registered as a protocol but does not implement "
            + Protocol.class.getName());
  }

  /**
   * The protocol of that name; protocols hold no state (their sessions do), so one instance serves
   * every run.
   */
  public static Optional<Protocol> byName(String name) {
    return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The protocol of that name, or IllegalArgumentException naming the valid ones. */
  public static Protocol named(String name) {
    return byName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown protocol " + name + "; valid: " + String.join(", ", names())));
  }

  /** The descriptor of the protocol of that name. */
  public static ProtocolDescriptor descriptor(String name) {
    return named(name).descriptor();
  }

  /** Every registered protocol, in registration order. */
  public static List<Protocol> all() {
    return ALL;
  }

  /** The registered names, sorted. */
  public static Set<String> names() {
    TreeSet<String> n = new TreeSet<>();
    for (Protocol p : ALL) n.add(p.name());
    return java.util.Collections.unmodifiableSet(n);
  }

  /** The sorted names of the protocols with a capability. */
  public static List<String> with(Capability c) {
    return names().stream().filter(n -> named(n).descriptor().has(c)).toList();
  }
}
