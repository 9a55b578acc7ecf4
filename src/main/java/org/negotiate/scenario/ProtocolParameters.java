package org.negotiate.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The protocols a scenario may name and the parameters each accepts: a read-only view of the
 * registered protocols' own descriptors ({@link ProtocolSchema}). To add a protocol, write it in
 * its own package and add its class to {@code
 * META-INF/services/org.negotiate.scenario.ProtocolSchema}; the loader, {@code --set}, the
 * validator and the writer pick it up from here.
 */
public final class ProtocolParameters {

  private ProtocolParameters() {}

  /**
   * One protocol parameter: the one place its range, default and meaning are stated. Scenario files
   * and {@code --set} are parsed against {@link #range()}; the protocol reads the drawn value, or
   * {@link #defaultValue()} when the scenario gives none.
   *
   * @param range the valid values (integer ranges admit no distributions)
   * @param description one line, without the range or the default ({@link #help()} adds them)
   */
  public record Param(String name, Range range, double defaultValue, String description)
      implements java.io.Serializable {
    public Param {
      if (!range.contains(defaultValue)) {
        throw new IllegalArgumentException(
            "parameter " + name + ": default " + defaultValue + " outside " + range);
      }
    }

    /** {@code noise: <description>; a number in [0,1], default 0}. */
    public String help() {
      return name + ": " + description + "; " + range.expected() + ", default " + defaultText();
    }

    /** The default as a scenario file would write it ({@code 0}, {@code 0.02}, {@code 1e-06}). */
    public String defaultText() {
      return Quantity.fmt(defaultValue);
    }

    /** Whether a value is valid for this parameter. */
    public boolean admits(double v) {
      return range.contains(v);
    }
  }

  /** Every registered protocol: the default first, then in registration order. */
  public static final List<ProtocolSchema> SCHEMAS;

  /** The default protocol's name. */
  public static final String DEFAULT;

  /**
   * Protocol name to its parameters, in the order of {@link #SCHEMAS} and of their documentation.
   */
  public static final Map<String, Map<String, Param>> PARAMS;

  static {
    // The default first, then the registration order (files in class-path order, e.g. the tests'
    // after the main one's).
    List<ProtocolSchema> schemas =
        ServiceLoader.load(ProtocolSchema.class, ProtocolSchema.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .sorted(java.util.Comparator.comparing((ProtocolSchema p) -> !p.isDefault()))
            .toList();
    Map<String, Map<String, Param>> all = new LinkedHashMap<>();
    String dflt = null;
    for (ProtocolSchema p : schemas) {
      Map<String, Param> params = new LinkedHashMap<>();
      for (Param q : p.parameters()) {
        if (params.put(q.name(), q) != null)
          throw new IllegalStateException(
              "protocol " + p.name() + " names parameter " + q.name() + " twice");
      }
      if (all.put(p.name(), Collections.unmodifiableMap(params)) != null) {
        throw new IllegalStateException("two protocols are registered as " + p.name());
      }
      if (p.isDefault()) {
        if (dflt != null)
          throw new IllegalStateException("two default protocols: " + dflt + " and " + p.name());
        dflt = p.name();
      }
    }
    if (dflt == null)
      throw new IllegalStateException("no registered protocol is the default: " + all.keySet());
    SCHEMAS = schemas;
    DEFAULT = dflt;
    PARAMS = Collections.unmodifiableMap(all);
  }

  /**
   * The protocol that replicates the anchor of an actor-table format ({@code BDM}, {@code KTAB}),
   * else the default.
   */
  public static String nativeTo(String tableFormat) {
    String f = tableFormat.toUpperCase(Locale.ROOT);
    return SCHEMAS.stream()
        .filter(p -> p.nativeTables().contains(f))
        .map(ProtocolSchema::name)
        .findFirst()
        .orElse(DEFAULT);
  }

  /** One line per parameter of a protocol, from its specs: name, meaning, range and default. */
  public static List<String> help(String protocol) {
    return PARAMS.getOrDefault(protocol, Map.of()).values().stream().map(Param::help).toList();
  }

  /** Agreement rules the scenario may name. */
  public static final List<String> AGREEMENT_RULES = List.of("unanimity");
}
