package org.negotiate.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocols a scenario may name and the parameters each accepts. To add a protocol, add an
 * entry to {@link #PARAMS}; the loader, {@code --set} and the writer pick it up.
 */
public final class ProtocolParameters {

  private ProtocolParameters() {}

  /** One protocol parameter: its valid range (integer ranges admit no distributions). */
  public record Param(Range range, String description) {}

  /** The default protocol. */
  public static final String DEFAULT = "mediated";

  /** Protocol name to its parameters, in documentation order. */
  public static final Map<String, Map<String, Param>> PARAMS;

  static {
    Map<String, Param> mediated = new LinkedHashMap<>();
    mediated.put("noise", new Param(Range.UNIT, "sd of each party's perception noise on a text's utility"));
    mediated.put("breakdown_after", new Param(Range.integers(0, Integer.MAX_VALUE),
        "consecutive rounds below reservation before a party walks out (0: never)"));
    mediated.put("horizon", new Param(Range.closed(1, 1200),
        "months over which a party's aspiration falls to its reservation utility (default: the round limit)"));
    Map<String, Map<String, Param>> all = new LinkedHashMap<>();
    all.put("mediated", Collections.unmodifiableMap(mediated));
    PARAMS = Collections.unmodifiableMap(all);
  }

  /** Agreement rules the scenario may name. */
  public static final java.util.List<String> AGREEMENT_RULES = java.util.List.of("unanimity");
}
