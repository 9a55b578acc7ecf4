package org.negotiate.protocol;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.scenario.ProtocolParameters.Param;

/**
 * Everything the rest of the program knows of a protocol, in one place: its name, its parameters
 * (range, default, meaning), what it can do and what the brief must say about it. Each protocol
 * holds one as a constant and returns it from {@link Protocol#descriptor()}.
 *
 * @param title the name a reader sees (the brief's model table)
 * @param caveats sentences the brief's caveats add for a run of this protocol
 * @param nativeTables actor-table formats whose anchor it replicates ({@code BDM}, {@code KTAB})
 */
public record ProtocolDescriptor(
    String name,
    String title,
    List<Param> parameters,
    Set<Capability> capabilities,
    List<String> caveats,
    boolean isDefault,
    Set<String> nativeTables)
    implements java.io.Serializable {

  public ProtocolDescriptor {
    parameters = List.copyOf(parameters);
    capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    caveats = List.copyOf(caveats);
    nativeTables = Set.copyOf(nativeTables);
  }

  public boolean has(Capability c) {
    return capabilities.contains(c);
  }

  /** The spec of a parameter; IllegalArgumentException for one the protocol does not declare. */
  public Param parameter(String param) {
    for (Param p : parameters) if (p.name().equals(param)) return p;
    throw new IllegalArgumentException("protocol " + name + " has no parameter " + param);
  }

  /**
   * The parameters of one replication: each drawn value, or its spec's default when the scenario
   * gives none. The one place a protocol's parameters are read and defaulted.
   *
   * <p>A value the protocol does not declare is left out: a setup drawn for another protocol may
   * carry it.
   *
   * @throws IllegalArgumentException when the setup holds a value outside a parameter's range
   */
  public Values read(NegotiationSetup setup) {
    Map<String, Double> v = new LinkedHashMap<>();
    for (Param p : parameters) v.put(p.name(), p.defaultValue());
    setup
        .params()
        .forEach(
            (k, x) -> {
              if (!v.containsKey(k)) return;
              Param p = parameter(k);
              if (!p.admits(x)) {
                throw new IllegalArgumentException(
                    name + " parameter " + k + " must be " + p.range().expected() + ", got " + x);
              }
              v.put(k, x);
            });
    return new Values(Map.copyOf(v));
  }

  /** A replication's parameter values, every declared parameter present. */
  public record Values(Map<String, Double> values) {
    public double get(String param) {
      Double v = values.get(param);
      if (v == null) throw new IllegalArgumentException("undeclared parameter " + param);
      return v;
    }

    /** An integer-valued parameter (its range admits only whole numbers). */
    public int integer(String param) {
      return (int) Math.round(get(param));
    }
  }
}
