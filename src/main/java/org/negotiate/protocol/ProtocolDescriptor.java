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
    double[] x = values(setup);
    Map<String, Double> v = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) v.put(parameters.get(i).name(), x[i]);
    return new Values(Map.copyOf(v));
  }

  /**
   * As {@link #read}, the values in the order of {@link #parameters()}: for a protocol that reads
   * them once a replication, without the maps (a few percent of a short replication on C1).
   *
   * @throws IllegalArgumentException when the setup holds a value outside a parameter's range
   */
  public double[] values(NegotiationSetup setup) {
    double[] v = new double[parameters.size()];
    for (int i = 0; i < v.length; i++) v[i] = parameters.get(i).defaultValue();
    setup
        .params()
        .forEach(
            (k, x) -> {
              int i = indexOf(k);
              if (i < 0) return;
              Param p = parameters.get(i);
              if (!p.admits(x)) {
                throw new IllegalArgumentException(
                    name + " parameter " + k + " must be " + p.range().expected() + ", got " + x);
              }
              v[i] = x;
            });
    return v;
  }

  /** The index of a declared parameter in {@link #parameters()}, or -1. */
  private int indexOf(String param) {
    for (int i = 0; i < parameters.size(); i++)
      if (parameters.get(i).name().equals(param)) return i;
    return -1;
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
