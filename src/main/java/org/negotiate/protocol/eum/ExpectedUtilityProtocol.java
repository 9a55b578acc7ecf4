package org.negotiate.protocol.eum;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.protocol.Capability;
import org.negotiate.protocol.PositionAgreement;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.ProtocolDescriptor;
import org.negotiate.protocol.RoundClose;
import org.negotiate.protocol.Verdict;
import org.negotiate.protocol.eum.EumOptions.Normalisation;
import org.negotiate.protocol.eum.EumOptions.OfferRule;
import org.negotiate.protocol.eum.EumOptions.Perspective;
import org.negotiate.scenario.ProtocolParameters.Param;
import org.negotiate.scenario.Range;
import org.negotiate.scenario.Role;

/**
 * Bueno de Mesquita's expected utility model as a protocol ({@code docs/models.md} §1): every issue
 * is an independent one-dimensional {@link ExpectedUtilityModel} over all actors (parties,
 * mediators and stakeholders alike: in BDM everyone with a stake takes part), and all of them take
 * one EUM round in {@link Session#propose(int)}. Respond and concede only keep the log text. The
 * round closes with {@link PositionAgreement}: a deal when every party is within the agreement
 * tolerance of every other on every issue; otherwise STOPPED when every issue has stopped by the
 * model's own rule (unless the setup asks for exact rounds), or ROUND_LIMIT.
 *
 * <p>What the engine records: engine round t holds the positions after t + 1 EUM rounds (the state
 * after {@code propose(t)}); the initial positions are the setup's inputs and are never recorded as
 * a round. So a table with "round 0 = initial state" takes row 0 from the inputs and row k (k ≥ 1)
 * from engine round k − 1.
 *
 * <p>Parameters: see {@link #DESCRIPTOR} (their ranges, defaults and meaning are stated there
 * only).
 *
 * <p>Events: when inputs change, each issue's model is rebuilt from the current EUM positions,
 * except that an actor whose input position the event changed takes the new input position;
 * capabilities and saliences are read afresh. Δ stays the range of the initial positions, widened
 * only if an event puts a position outside it. The stopping rule starts afresh after an event.
 * Without exact rounds an issue that has stopped (converged or cycling) is frozen where it stopped.
 */
public final class ExpectedUtilityProtocol implements Protocol {
  public static final String NAME = "eum";

  public static final ProtocolDescriptor DESCRIPTOR =
      new ProtocolDescriptor(
          NAME,
          "Expected utility model (Bueno de Mesquita)",
          List.of(
              new Param(
                  "normalisation",
                  Range.integers(0, 2),
                  0,
                  "probability of prevailing: 0 all-pairs denominator (Scholz), 1 per-pair net votes (dmasad), 2 per-pair shares"),
              new Param(
                  "perspective",
                  Range.integers(0, 1),
                  0,
                  "whose expected utilities decide: 0 the receiver's, 1 the challenger's"),
              new Param(
                  "offer_rule",
                  Range.integers(0, 2),
                  0,
                  "which offer an actor takes: 0 Scholz, 1 the smallest move, 2 the sender with the highest expected utility"),
              new Param(
                  "capitulation",
                  Range.integers(0, 1),
                  0,
                  "1: BDM's capitulation case is on (0 as in Scholz)"),
              new Param(
                  "q",
                  Range.UNIT,
                  1,
                  "probability that the status quo persists without a challenge"),
              new Param(
                  "t",
                  Range.UNIT,
                  1,
                  "probability that things improve without a challenge (irrelevant when q = 1)"),
              new Param(
                  "min_change",
                  Range.UNIT,
                  EumOptions.DEFAULT_MIN_CHANGE,
                  "stop when no position moves more than this share of the range")),
          // not ORDER_DEPENDENT: sums and ties run in the model's own canonical order
          // (ExpectedUtilityModel)
          EnumSet.of(Capability.COMPARED),
          List.of(),
          false,
          Set.of("BDM"));

  @Override
  public ProtocolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Session open(NegotiationSetup setup, Inputs inputs, PerceptionNoise noise) {
    return new Run(setup, inputs);
  }

  /**
   * The options a setup's protocol parameters select; throws IllegalArgumentException when out of
   * range.
   */
  public static EumOptions options(NegotiationSetup setup) {
    OptionsRead last = lastRead;
    if (last != null && last.params() == setup.params()) return last.options();
    EumOptions options = read(setup);
    lastRead = new OptionsRead(setup.params(), options);
    return options;
  }

  /**
   * The options last read, by the identity of the setup's (immutable) parameter map: a plan whose
   * parameters are all fixed hands every draw the same map, so they are read once, not once a
   * replication (as {@code MediatedSingleText} does; reading them was about 2% of a replication of
   * case A).
   */
  private static volatile OptionsRead lastRead;

  private record OptionsRead(Map<String, Double> params, EumOptions options) {}

  private static EumOptions read(NegotiationSetup setup) {
    ProtocolDescriptor.Values p = DESCRIPTOR.read(setup);
    return new EumOptions(
        Normalisation.values()[p.integer("normalisation")],
        Perspective.values()[p.integer("perspective")],
        p.get("q"),
        p.get("t"),
        OfferRule.values()[p.integer("offer_rule")],
        p.integer("capitulation") == 1,
        p.get("min_change"),
        EumOptions.DEFAULT_CYCLE_TOLERANCE);
  }

  private static final class Run implements Session {
    private final NegotiationSetup setup;
    private final Inputs in;
    private final EumOptions options;
    private final int n;
    private final int issues;
    private final int[] parties;
    private final String[] names;
    private final List<String> issueIds;
    private final ExpectedUtilityModel[] models;

    /** The engine round before which each issue's model was (re)built. */
    private final int[] builtAt;

    private final double[] lo;
    private final double[] hi;
    private final double[][] seenInput;
    private final double[][] positions;

    /** Whether each issue's model took a round in the current engine round. */
    private final boolean[] steppedNow;

    /**
     * What each actor's verdict describes: the round view current when it last responded or
     * conceded. The words are built only when {@link #verdict(int)} asks for them.
     */
    private final View[] why;

    /** The state after the last propose (or the initial state). */
    private View current;

    private boolean stale;
    private int lastRound = -1;

    Run(NegotiationSetup setup, Inputs in) {
      this.setup = setup;
      this.in = in;
      this.options = options(setup);
      this.n = in.actors;
      this.issues = in.issues;
      this.parties = setup.indicesOf(Role.PARTY);
      this.names = setup.actorNames().toArray(new String[0]);
      this.issueIds = setup.issueIds();
      models = new ExpectedUtilityModel[issues];
      builtAt = new int[issues];
      lo = new double[issues];
      hi = new double[issues];
      seenInput = new double[n][];
      positions = new double[n][]; // each row is the inputs' copy, below
      steppedNow = new boolean[issues];
      why = new View[n];
      for (int i = 0; i < n; i++) {
        seenInput[i] = in.positions(i);
        positions[i] = in.positions(i);
      }
      for (int k = 0; k < issues; k++) {
        lo[k] = Double.POSITIVE_INFINITY;
        hi[k] = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          lo[k] = Math.min(lo[k], in.position(i, k));
          hi[k] = Math.max(hi[k], in.position(i, k));
        }
        models[k] = build(k, 0);
      }
      current = view();
    }

    /** Everything {@link #describe} reads, as of now; the later rounds do not change it. */
    private record View(
        boolean[] stepped,
        ExpectedUtilityModel.RoundLog[] logs,
        String[] stopWords,
        double[][] stayed) {}

    private View view() {
      boolean[] stepped = steppedNow.clone();
      ExpectedUtilityModel.RoundLog[] logs = new ExpectedUtilityModel.RoundLog[issues];
      String[] stops = new String[issues];
      double[][] stayed = new double[issues][];
      for (int k = 0; k < issues; k++) {
        if (stepped[k]) {
          logs[k] = models[k].lastRound();
        } else {
          stops[k] = stopWords(k);
          double[] col = new double[n];
          for (int i = 0; i < n; i++) col[i] = positions[i][k];
          stayed[k] = col;
        }
      }
      return new View(stepped, logs, stops, stayed);
    }

    private ExpectedUtilityModel build(int k, int round) {
      double[] x = new double[n];
      double[] c = new double[n];
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = positions[i][k];
        c[i] = in.capability(i);
        s[i] = in.salience(i, k);
        lo[k] = Math.min(lo[k], x[i]);
        hi[k] = Math.max(hi[k], x[i]);
      }
      builtAt[k] = round;
      return new ExpectedUtilityModel(names, x, c, s, options, hi[k] - lo[k]);
    }

    @Override
    public void inputsChanged() {
      stale = true;
    }

    @Override
    public void propose(int round) {
      lastRound = round;
      if (stale) {
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < issues; k++) {
            if (in.position(i, k) != seenInput[i][k]) positions[i][k] = in.position(i, k);
          }
          seenInput[i] = in.positions(i);
        }
        for (int k = 0; k < issues; k++) models[k] = build(k, round);
        stale = false;
      }
      List<ExpectedUtilityModel> stepping = new ArrayList<>(issues);
      for (int k = 0; k < issues; k++) {
        steppedNow[k] = setup.exactRounds() || models[k].stop() == null;
        if (steppedNow[k]) stepping.add(models[k]);
      }
      ExpectedUtilityModel.stepAll(stepping); // bitwise as stepping each in turn
      for (int k = 0; k < issues; k++) {
        if (!steppedNow[k]) continue;
        ExpectedUtilityModel m = models[k];
        for (int i = 0; i < n; i++) positions[i][k] = m.position(i);
      }
      current = view();
    }

    @Override
    public void respond(int party, int round) {
      why[party] = current;
    }

    @Override
    public void concede(int actor, int round) {
      why[actor] = current;
    }

    private String describe(View v, int i) {
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < issues; k++) {
        String prefix = issues > 1 ? issueIds.get(k) + ": " : "";
        if (!v.stepped()[k]) {
          parts.add(
              prefix + "stopped (" + v.stopWords()[k] + "), stays at " + fmt(v.stayed()[k][i]));
        } else {
          parts.add(prefix + v.logs()[k].describeMove(i));
        }
      }
      return String.join("; ", parts);
    }

    private String stopWords(int k) {
      ExpectedUtilityModel m = models[k];
      if (m.stop() == ExpectedUtilityModel.Stop.CYCLE) {
        int r = repeatsEngineRound(k);
        return "cycle: the positions repeat " + (r < 0 ? "the initial state" : "round " + r);
      }
      return "converged";
    }

    /** The engine round whose state the model's repeat refers to (-1: the state before round 0). */
    private int repeatsEngineRound(int k) {
      return builtAt[k] + models[k].repeatsRound() - 1;
    }

    @Override
    public RoundClose close(int round) {
      boolean stopped = !setup.exactRounds() && issues > 0;
      for (int k = 0; k < issues && stopped; k++) stopped = models[k].stop() != null;
      return PositionAgreement.close(
          in, positions, parties, setup.tolerance(), round, setup.rounds(), stopped);
    }

    @Override
    public double[][] positions() {
      return positions;
    }

    @Override
    public double[] text() {
      return null;
    }

    @Override
    public Verdict verdict(int party) {
      return Verdict.moves(describe(why[party] != null ? why[party] : current, party));
    }

    @Override
    public Map<String, double[]> diagnostics() {
      Map<String, double[]> d = new LinkedHashMap<>();
      if (lastRound < 0) return d;
      for (int k = 0; k < issues; k++) {
        ExpectedUtilityModel m = models[k];
        String id = issueIds.get(k);
        double[] r = steppedNow[k] ? m.riskExponents() : nan(n);
        d.put("risk_exponent." + id, r);
        d.put("weighted_mean." + id, new double[] {m.weightedMean()});
        d.put("weighted_median." + id, new double[] {m.weightedMedian()});
        double code =
            m.stop() == null ? 0 : (m.stop() == ExpectedUtilityModel.Stop.CONVERGED ? 1 : 2);
        d.put(
            "stop." + id,
            new double[] {
              code, m.stop() == ExpectedUtilityModel.Stop.CYCLE ? repeatsEngineRound(k) : Double.NaN
            });
      }
      return d;
    }

    private static double[] nan(int n) {
      double[] a = new double[n];
      java.util.Arrays.fill(a, Double.NaN);
      return a;
    }

    private static String fmt(double v) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
  }
}
