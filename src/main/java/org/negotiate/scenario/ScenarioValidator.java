package org.negotiate.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks on the scenario records that do not depend on where a value was written: valid ranges, the
 * cross-field rules (saliences sum to 1, red lines, ties) and the structure (a party exists, every
 * actor has a stance on every issue, ties name known actors). Runs after loading and again after
 * {@code --set}. Tolerates the nulls the binder leaves for values that failed their own check.
 */
final class ScenarioValidator {

  private ScenarioValidator() {}

  /** One failed check: the field path, whether the problem is the key itself, and the message. */
  record Finding(String path, boolean atKey, String message) {}

  static final double SALIENCE_TOLERANCE = 0.01;

  static List<Finding> validate(Scenario s) {
    List<Finding> out = new ArrayList<>();
    List<String> issueIds =
        s.issues() == null
            ? List.of()
            : s.issues().stream().map(Issue::id).filter(java.util.Objects::nonNull).toList();
    if (s.issues() != null) {
      for (Issue i : s.issues()) {
        if (i.id() != null)
          range(out, "issues[" + i.id() + "].status_quo", i.statusQuo(), Range.POSITION);
      }
    }
    List<Actor> actors = s.actors() == null ? List.of() : s.actors();
    List<String> actorIds =
        actors.stream().map(Actor::id).filter(java.util.Objects::nonNull).toList();
    if (s.actors() != null
        && actors.stream().noneMatch(a -> a.role() == Role.PARTY)
        && actors.stream().allMatch(a -> a.role() != null)) {
      out.add(
          new Finding(
              "actors",
              false,
              "a scenario needs at least one party (role: party); found "
                  + (actors.isEmpty()
                      ? "no actors"
                      : "only "
                          + actors.stream()
                              .map(a -> a.role().yamlName() + " " + a.id())
                              .collect(Collectors.joining(", ")))));
    }
    for (Actor a : actors) {
      if (a.id() == null) continue;
      String p = "actors[" + a.id() + "]";
      for (Fields.Field f : Fields.actor())
        range(out, p + "." + f.name(), f.get(a, null), f.range());
      relation(out, p, a, Fields.TIES.name(), a.ties(), Fields.TIES.range(), actorIds);
      relation(out, p, a, Fields.PRESSURE.name(), a.pressure(), Fields.PRESSURE.range(), actorIds);
      if (a.ties() != null && !a.ties().isEmpty()) {
        double max = a.ties().values().stream().mapToDouble(Quantity::max).sum();
        if (max >= 1) {
          out.add(
              new Finding(
                  p + ".ties",
                  false,
                  "the ties of "
                      + a.id()
                      + " can sum to "
                      + Quantity.fmt(round(max))
                      + " ("
                      + describe(a.ties())
                      + "); they must sum to less than 1"));
        }
      }
      stances(out, p, a, issueIds, s.saliences());
    }
    protocol(out, s.protocol());
    if (s.agreement() != null) {
      if (!ProtocolParameters.AGREEMENT_RULES.contains(s.agreement().rule())) {
        out.add(
            new Finding(
                "agreement.rule",
                false,
                "unknown agreement rule "
                    + Quantities.quote(s.agreement().rule())
                    + "; valid rules: "
                    + String.join(", ", ProtocolParameters.AGREEMENT_RULES)));
      }
      if (!Range.POSITION.contains(s.agreement().tolerance())) {
        out.add(
            new Finding(
                "agreement.tolerance",
                false,
                "expected "
                    + Range.POSITION.expected()
                    + ", got "
                    + Quantity.fmt(s.agreement().tolerance())));
      }
    }
    ExperimentDefaults e = s.experiment();
    if (e != null) {
      if (e.replications() < 1 || e.replications() > Limits.MAX_REPLICATIONS) {
        out.add(
            new Finding(
                "experiment.replications",
                false,
                "expected an integer in [1,"
                    + Limits.MAX_REPLICATIONS
                    + "], got "
                    + e.replications()));
      }
      if (e.rounds() < 1 || e.rounds() > Limits.MAX_ROUNDS) {
        out.add(
            new Finding(
                "experiment.rounds",
                false,
                "expected an integer in [1," + Limits.MAX_ROUNDS + "], got " + e.rounds()));
      } else if (s.issues() != null
          && s.actors() != null
          && s.actors().size() <= Limits.MAX_ACTORS
          && s.issues().size() <= Limits.MAX_ISSUES) {
        String cells = Limits.tooManyCells(s.actors().size(), s.issues().size(), e.rounds());
        if (cells != null) out.add(new Finding("experiment.rounds", false, cells));
      }
    }
    return out;
  }

  private static void protocol(List<Finding> out, ProtocolSpec p) {
    if (p == null || p.name() == null) return;
    Map<String, ProtocolParameters.Param> specs = ProtocolParameters.PARAMS.get(p.name());
    if (specs == null) {
      out.add(
          new Finding(
              "protocol.name",
              false,
              "unknown protocol "
                  + Quantities.quote(p.name())
                  + "; valid protocols: "
                  + String.join(", ", ProtocolParameters.PARAMS.keySet())));
      return;
    }
    p.params()
        .forEach(
            (k, q) -> {
              ProtocolParameters.Param spec = specs.get(k);
              if (spec == null) {
                out.add(
                    new Finding(
                        "protocol.params." + k,
                        true,
                        "unknown parameter "
                            + Quantities.quote(k)
                            + " for protocol "
                            + p.name()
                            + "; valid parameters: "
                            + String.join(", ", specs.keySet())));
              } else {
                range(out, "protocol.params." + k, q, spec.range());
              }
            });
  }

  private static void relation(
      List<Finding> out,
      String p,
      Actor a,
      String what,
      Map<String, Quantity> m,
      Range range,
      List<String> actorIds) {
    if (m == null) return;
    m.forEach(
        (other, q) -> {
          String path = p + "." + what + "." + other;
          if (other.equals(a.id())) {
            out.add(new Finding(path, true, what + " cannot name the actor itself"));
          } else if (!actorIds.contains(other)) {
            List<String> valid = new ArrayList<>(actorIds.stream().distinct().toList());
            valid.remove(a.id());
            out.add(
                new Finding(
                    path,
                    true,
                    "unknown actor "
                        + Quantities.quote(other)
                        + " in "
                        + what
                        + "; valid actors: "
                        + InputPaths.join(valid)));
          }
          range(out, path, q, range);
        });
  }

  private static void stances(
      List<Finding> out, String p, Actor a, List<String> issueIds, SalienceMode mode) {
    Map<String, Stance> st = a.stances();
    if (st == null) return;
    String sp = p + ".stances";
    List<String> missing = issueIds.stream().filter(i -> !st.containsKey(i)).toList();
    if (!missing.isEmpty()) {
      out.add(
          new Finding(
              sp,
              false,
              a.id()
                  + " has no stance on "
                  + String.join(", ", missing)
                  + "; every actor needs a stance on every issue"));
    }
    boolean unknown = false;
    for (Map.Entry<String, Stance> e : st.entrySet()) {
      String ip = sp + "." + e.getKey();
      if (!issueIds.contains(e.getKey())) {
        unknown = true;
        out.add(
            new Finding(
                ip,
                true,
                "stance on unknown issue "
                    + Quantities.quote(e.getKey())
                    + "; valid issues: "
                    + InputPaths.join(issueIds)));
      }
      Stance s = e.getValue();
      for (Fields.Field f : Fields.STANCE)
        range(out, ip + "." + f.name(), f.get(a, e.getKey()), f.range());
      RedLine rl = s.redLine();
      if (rl == null) continue;
      if (rl.min() != null && rl.max() != null && rl.min().max() > rl.max().min()) {
        out.add(
            new Finding(
                ip + ".red_line",
                false,
                "red line min ("
                    + rl.min().describe()
                    + ") can exceed max ("
                    + rl.max().describe()
                    + "); min must not exceed max"));
      } else if (s.position() != null) {
        double pos = s.position().nominal();
        boolean belowMin = rl.min() != null && pos < rl.min().nominal();
        boolean aboveMax = rl.max() != null && pos > rl.max().nominal();
        if (belowMin || aboveMax) {
          List<String> b = new ArrayList<>();
          if (rl.min() != null) b.add("min " + Quantity.fmt(round(rl.min().nominal())));
          if (rl.max() != null) b.add("max " + Quantity.fmt(round(rl.max().nominal())));
          out.add(
              new Finding(
                  ip + ".red_line." + (belowMin ? "min" : "max"),
                  false,
                  "red line ["
                      + String.join(", ", b)
                      + "] excludes the actor's own position "
                      + Quantity.fmt(round(pos))));
        }
      }
    }
    if (mode == SalienceMode.SHARES
        && missing.isEmpty()
        && !unknown
        && !st.isEmpty()
        && st.values().stream().allMatch(x -> x.salience() != null)) {
      double sum = st.values().stream().mapToDouble(x -> x.salience().nominal()).sum();
      if (Math.abs(sum - 1) > SALIENCE_TOLERANCE) {
        String each =
            st.entrySet().stream()
                .map(x -> x.getKey() + " " + Quantity.fmt(round(x.getValue().salience().nominal())))
                .collect(Collectors.joining(", "));
        out.add(
            new Finding(
                sp,
                false,
                "the saliences of "
                    + a.id()
                    + " sum to "
                    + Quantity.fmt(round(sum))
                    + " ("
                    + each
                    + "; nominal values), not 1"));
      }
    }
  }

  private static void range(List<Finding> out, String path, Quantity q, Range range) {
    if (q == null) return;
    try {
      Quantities.checkSupport(q, path, range);
    } catch (QuantityException e) {
      out.add(new Finding(path, false, e.getMessage()));
    }
  }

  private static String describe(Map<String, Quantity> m) {
    return m.entrySet().stream()
        .map(e -> e.getKey() + " up to " + Quantity.fmt(round(e.getValue().max())))
        .collect(Collectors.joining(", "));
  }

  /** Rounded for messages: 0.30000000000000004 reads as 0.3. */
  static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
