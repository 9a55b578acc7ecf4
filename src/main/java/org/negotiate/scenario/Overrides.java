package org.negotiate.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies {@code --set PATH=VALUE} overrides to a loaded scenario; see {@link ScenarioLoader}. */
final class Overrides {

  private Overrides() {}

  static final String FILE = "--set";

  /** Applies every override in order; problems are added to {@code problems}. */
  static Scenario apply(Scenario s, List<String> sets, List<Problem> problems) {
    for (String raw : sets) {
      String text = raw == null ? "" : raw.strip();
      int eq = text.indexOf('=');
      if (eq <= 0) {
        problems.add(
            new Problem(
                FILE, 0, 0, text, "expected PATH=VALUE, e.g. turkey.withdrawal.position=40"));
        continue;
      }
      String path = text.substring(0, eq).strip();
      String value = text.substring(eq + 1).strip();
      try {
        s = applyOne(s, path, value);
      } catch (InputPathException | QuantityException e) {
        problems.add(new Problem(FILE, 0, 0, text, e.getMessage()));
      }
    }
    return s;
  }

  private static Scenario applyOne(Scenario s, String path, String value)
      throws InputPathException, QuantityException {
    String[] seg = path.split("\\.", -1);
    switch (seg[0]) {
      case "protocol" -> {
        return protocol(s, path, seg, value);
      }
      case "agreement" -> {
        if (seg.length == 2 && seg[1].equals("tolerance")) {
          Quantity q = Quantities.parse(value, path, Range.POSITION);
          if (q.uncertain())
            throw new QuantityException(
                path, "expected " + Range.POSITION.expected() + ", got " + Quantities.quote(value));
          return copy(
              s,
              s.protocol(),
              new AgreementRule(s.agreement().rule(), q.nominal()),
              s.experiment());
        }
        if (seg.length == 2 && seg[1].equals("rule")) {
          if (!ProtocolParameters.AGREEMENT_RULES.contains(value)) {
            throw new QuantityException(
                path,
                "unknown agreement rule "
                    + Quantities.quote(value)
                    + "; valid rules: "
                    + String.join(", ", ProtocolParameters.AGREEMENT_RULES));
          }
          return copy(
              s, s.protocol(), new AgreementRule(value, s.agreement().tolerance()), s.experiment());
        }
        throw new InputPathException(
            "unknown agreement field "
                + Quantities.quote(path.substring(path.indexOf('.') + 1))
                + "; valid fields: rule, tolerance");
      }
      case "experiment" -> {
        ExperimentDefaults e = s.experiment();
        String f = seg.length == 2 ? seg[1] : "";
        long lo = f.equals("seed") ? Long.MIN_VALUE : 1;
        long hi =
            f.equals("replications") ? 10_000_000 : f.equals("rounds") ? 1200 : Long.MAX_VALUE;
        if (!List.of("replications", "rounds", "seed").contains(f)) {
          throw new InputPathException(
              "unknown experiment field "
                  + Quantities.quote(f)
                  + "; valid fields: replications, rounds, seed");
        }
        long v;
        try {
          v = Long.parseLong(value);
        } catch (NumberFormatException x) {
          throw new QuantityException(path, "expected an integer, got " + Quantities.quote(value));
        }
        if (v < lo || v > hi) {
          throw new QuantityException(
              path, "expected an integer in [" + lo + "," + hi + "], got " + v);
        }
        ExperimentDefaults n =
            switch (f) {
              case "replications" -> new ExperimentDefaults((int) v, e.rounds(), e.seed());
              case "rounds" -> new ExperimentDefaults(e.replications(), (int) v, e.seed());
              default -> new ExperimentDefaults(e.replications(), e.rounds(), v);
            };
        return copy(s, s.protocol(), s.agreement(), n);
      }
      default -> {
        InputPath p = InputPaths.resolve(s, path);
        Quantity q;
        if (value.equalsIgnoreCase("none") && removable(p)) {
          q = null;
        } else {
          q = Quantities.parse(value, path, Fields.rangeOf(p));
        }
        Scenario out = InputPaths.with(s, p, q);
        if (p.issue() != null && p.field().equals("salience")) out = renormalise(out, p, path);
        return out;
      }
    }
  }

  private static boolean removable(InputPath p) {
    return Fields.of(p).removable();
  }

  /**
   * Scales the actor's other saliences by {@code (1 - s) / (their nominal sum)} so the nominal
   * saliences again sum to 1.
   */
  static Scenario renormalise(Scenario s, InputPath set, String path) throws QuantityException {
    Actor a = s.actor(set.actor()).orElseThrow();
    double target = a.stances().get(set.issue()).salience().nominal();
    double others = 0;
    for (Map.Entry<String, Stance> e : a.stances().entrySet()) {
      if (!e.getKey().equals(set.issue())) others += e.getValue().salience().nominal();
    }
    if (a.stances().size() == 1) return s;
    if (others <= 0) {
      throw new QuantityException(
          path, "cannot renormalise: the other saliences of " + a.id() + " are all 0");
    }
    double f = (1 - target) / others;
    Map<String, Stance> m = new LinkedHashMap<>();
    for (Map.Entry<String, Stance> e : a.stances().entrySet()) {
      Stance st = e.getValue();
      m.put(
          e.getKey(),
          e.getKey().equals(set.issue())
              ? st
              : new Stance(
                  st.position(),
                  Quantities.scale(st.salience(), f),
                  st.redLine(),
                  st.flexibility(),
                  st.costOfDelay(),
                  st.evidence(),
                  st.rationale()));
    }
    return InputPaths.withActor(
        s,
        new Actor(
            a.id(),
            a.name(),
            a.role(),
            a.capability(),
            a.reservation(),
            a.flexibility(),
            a.costOfDelay(),
            a.risk(),
            a.lean(),
            Collections.unmodifiableMap(m),
            a.ties(),
            a.pressure(),
            a.evidence(),
            a.rationale(),
            a.more()));
  }

  private static Scenario protocol(Scenario s, String path, String[] seg, String value)
      throws InputPathException, QuantityException {
    ProtocolSpec p = s.protocol();
    if (seg.length != 2 || seg[1].isEmpty()) {
      throw new InputPathException(
          "expected protocol.name or protocol.PARAM, got " + Quantities.quote(path));
    }
    if (seg[1].equals("name")) {
      if (!ProtocolParameters.PARAMS.containsKey(value)) {
        throw new QuantityException(
            path,
            "unknown protocol "
                + Quantities.quote(value)
                + "; valid protocols: "
                + String.join(", ", ProtocolParameters.PARAMS.keySet()));
      }
      // Parameters the new protocol does not take belong to the old one: they are dropped.
      Map<String, ProtocolParameters.Param> accepted = ProtocolParameters.PARAMS.get(value);
      Map<String, Quantity> kept = new LinkedHashMap<>();
      p.params()
          .forEach(
              (k, q) -> {
                if (accepted.containsKey(k)) kept.put(k, q);
              });
      return copy(
          s,
          new ProtocolSpec(value, Collections.unmodifiableMap(kept)),
          s.agreement(),
          s.experiment());
    }
    Map<String, ProtocolParameters.Param> specs = ProtocolParameters.PARAMS.get(p.name());
    ProtocolParameters.Param spec = specs.get(seg[1]);
    if (spec == null) {
      throw new InputPathException(
          "unknown parameter "
              + Quantities.quote(seg[1])
              + " for protocol "
              + p.name()
              + "; valid parameters: "
              + String.join(", ", specs.keySet())
              + " (or protocol.name)");
    }
    Map<String, Quantity> params = new LinkedHashMap<>(p.params());
    params.put(seg[1], Quantities.parse(value, path, spec.range()));
    return copy(
        s,
        new ProtocolSpec(p.name(), Collections.unmodifiableMap(params)),
        s.agreement(),
        s.experiment());
  }

  private static Scenario copy(Scenario s, ProtocolSpec p, AgreementRule a, ExperimentDefaults e) {
    return new Scenario(
        s.name(),
        s.description(),
        s.calendar(),
        s.issues(),
        s.actors(),
        p,
        a,
        s.events(),
        e,
        s.saliences(),
        s.draft(),
        s.caseFile(),
        s.actorOrder());
  }

  /** Findings on the overridden scenario, reported against {@code --set}. */
  static List<Problem> revalidate(Scenario s) {
    List<Problem> out = new ArrayList<>();
    for (ScenarioValidator.Finding f : ScenarioValidator.validate(s)) {
      out.add(new Problem(FILE, 0, 0, f.path(), f.message()));
    }
    return out;
  }
}
