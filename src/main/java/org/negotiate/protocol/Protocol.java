package org.negotiate.protocol;

import java.util.List;
import java.util.Set;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.scenario.ProtocolParameters;
import org.negotiate.scenario.ProtocolSchema;

/**
 * A rule by which positions move each round. A protocol is pure negotiation mathematics: the MASON
 * agents call the phases of a {@link Session} in order each round (propose, respond per party,
 * concede per party, close) and know nothing of how they work. What the rest of the program knows
 * of it is its {@link #descriptor()}; it is registered by one line in {@code
 * META-INF/services/org.negotiate.scenario.ProtocolSchema} (see {@code docs/protocols.md}).
 *
 * <p>Serializable so a cluster task can carry it: a protocol holds no state of its own (sessions
 * do), and a registered one needs a public no-argument constructor.
 */
public interface Protocol extends ProtocolSchema, java.io.Serializable {

  /** Its name, parameters, capabilities and caveats. */
  ProtocolDescriptor descriptor();

  @Override
  default String name() {
    return descriptor().name();
  }

  @Override
  default List<ProtocolParameters.Param> parameters() {
    return descriptor().parameters();
  }

  @Override
  default boolean isDefault() {
    return descriptor().isDefault();
  }

  @Override
  default Set<String> nativeTables() {
    return descriptor().nativeTables();
  }

  default boolean has(Capability c) {
    return descriptor().has(c);
  }

  /**
   * Opens one negotiation. The session reads {@code inputs} live: events change them between
   * rounds.
   */
  Session open(NegotiationSetup setup, Inputs inputs, PerceptionNoise noise);

  /** Per-actor perception noise, drawn from a stream of the actor's own. */
  interface PerceptionNoise {
    /** A standard normal draw for actor i. */
    double gaussian(int actor);
  }

  interface Session {
    /** Inputs changed (an event fired): anything derived from them must be recomputed. */
    void inputsChanged();

    /** The mediators draft (or, for forecasting protocols, positions are challenged). */
    void propose(int round);

    /** Party i evaluates the current text. */
    void respond(int party, int round);

    /** Actor i updates its aspiration and reported position. */
    void concede(int actor, int round);

    /** Ends the round: agreement, breakdown, the round limit, or continue. */
    RoundClose close(int round);

    /** Current reported position of every actor on every issue, [actor][issue]. */
    double[][] positions();

    /** The text on the table, or null when there is none. */
    double[] text();

    /**
     * Whether party i accepted the text this round: false when there was no text or it refused.
     * What observations of a refusal are checked against (protocols without an accept step never
     * accept).
     */
    default boolean accepted(int party) {
      return false;
    }

    /**
     * Party i's aspiration this round (the least a text must be worth to it), or NaN for protocols
     * without one.
     */
    default double aspiration(int party) {
      return Double.NaN;
    }

    /** Party i's verdict this round, typed, with its reason in words for the run log. */
    Verdict verdict(int party);

    /**
     * The protocol's own per-round diagnostics for the run log and tables, e.g. {@code
     * risk_exponent.withdrawal} with one value per actor (canonical order).
     */
    default java.util.Map<String, double[]> diagnostics() {
      return java.util.Map.of();
    }
  }
}
