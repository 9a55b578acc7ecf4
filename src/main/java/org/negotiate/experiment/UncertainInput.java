package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.negotiate.model.Streams;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.Event;
import org.negotiate.scenario.Fields;
import org.negotiate.scenario.InputPath;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.Scenario;

/**
 * One uncertain input of a scenario (a {@link Quantity} that is a distribution), named by the key
 * of the stream {@code SetupSampler} draws it from: {@code turkey.withdrawal.position}, {@code
 * syria.withdrawal.red_line.min}, {@code turkey.ties.opposition}, {@code protocol.horizon}, {@code
 * events.earthquake.turkey.flexibility}. For actor and protocol inputs the key is also the {@code
 * --set} path; an event's change value has no {@code --set} path ({@link #settable()} false).
 *
 * <p>The drawn value of the input in a replication is {@code quantity.quantile(u)} with {@code u =
 * Streams.uniform(replicationSeed, key)}: exactly what the sampler draws (before it widens a red
 * line to admit the drawn position or rescales saliences to sum to 1).
 *
 * @param key the stream key (and, when {@link #settable()}, the {@code --set} path)
 * @param kind where the input lives
 * @param quantity its distribution
 * @param path the actor or stance path (null for protocol and event inputs)
 * @param eventId the event (null unless {@link Kind#EVENT})
 * @param changeIndex the change's index in the event's list (-1 unless {@link Kind#EVENT})
 */
public record UncertainInput(
    String key, Kind kind, Quantity quantity, InputPath path, String eventId, int changeIndex)
    implements java.io.Serializable {

  /** Where an uncertain input lives. */
  public enum Kind {
    ACTOR,
    PROTOCOL,
    EVENT
  }

  public boolean settable() {
    return kind != Kind.EVENT;
  }

  /** The value this input takes in the replication with this seed. */
  public double drawn(long replicationSeed) {
    return quantity.quantile(Streams.uniform(replicationSeed, key));
  }

  /**
   * {@link #drawn} with the stream's name hashed once, for many replications (the same numbers:
   * {@code Streams.uniform(seed, key) == Streams.uniform(seed, Streams.keyMix(key))}).
   */
  public java.util.function.LongToDoubleFunction drawer() {
    long mixed = Streams.keyMix(key);
    return seed -> quantity.quantile(Streams.uniform(seed, mixed));
  }

  /**
   * Every uncertain input of the scenario, in a fixed order: actors in the scenario's order (their
   * own fields, then each stance in issue order, then ties and pressure), the protocol's
   * parameters, then the events' change values.
   *
   * @param withEvents whether to include events' change values
   */
  public static List<UncertainInput> of(Scenario s, boolean withEvents) {
    List<UncertainInput> out = new ArrayList<>();
    List<String> issues = s.issues().stream().map(Issue::id).toList();
    for (Actor a : s.actors()) {
      for (InputPath p : Fields.paths(a, issues)) {
        Quantity q = Fields.of(p).get(a, Fields.key(p));
        if (q != null && q.uncertain())
          out.add(new UncertainInput(p.toString(), Kind.ACTOR, q, p, null, -1));
      }
    }
    s.protocol()
        .params()
        .forEach(
            (name, q) -> {
              if (q != null && q.uncertain()) {
                out.add(new UncertainInput("protocol." + name, Kind.PROTOCOL, q, null, null, -1));
              }
            });
    if (withEvents) {
      for (Event e : s.events()) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int c = 0; c < e.changes().size(); c++) {
          Change ch = e.changes().get(c);
          // The same key as SetupSampler: a second change of the same target gets "#1", and so on.
          String key = "events." + e.id() + "." + ch.target();
          int n = seen.merge(key, 1, Integer::sum) - 1;
          if (ch.value() == null || !ch.value().uncertain()) continue;
          out.add(
              new UncertainInput(
                  n == 0 ? key : key + "#" + n, Kind.EVENT, ch.value(), null, e.id(), c));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The inputs whose key equals one of {@code patterns} or starts with one followed by a dot (all
   * when empty).
   */
  public static List<UncertainInput> select(List<UncertainInput> all, List<String> patterns) {
    if (patterns == null || patterns.isEmpty()) return all;
    List<UncertainInput> out = new ArrayList<>();
    for (UncertainInput u : all) {
      for (String p : patterns) {
        if (matches(u.key(), p)) {
          out.add(u);
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code turkey} matches {@code turkey.capability}; {@code *} in a pattern matches any run of
   * characters.
   */
  static boolean matches(String key, String pattern) {
    String p = pattern.strip();
    if (p.contains("*")) {
      String regex =
          java.util.Arrays.stream(p.split("\\*", -1))
              .map(java.util.regex.Pattern::quote)
              .reduce((x, y) -> x + ".*" + y)
              .orElse("");
      return key.matches(regex);
    }
    return key.equals(p) || key.startsWith(p + ".");
  }
}
