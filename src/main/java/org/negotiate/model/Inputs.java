package org.negotiate.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.negotiate.scenario.Fields;

/**
 * The numbers one replication negotiates with, indexed [actor][issue] in canonical actor order.
 * Read through accessors named as the negotiation names them ({@code position(i, k)}, {@code tie(i,
 * j)}); made by a {@link Builder} (the sampler's draw, an actor table, a protocol's view of what
 * its mediators believe, a test), then changed only through {@link #apply}, which events and GUI
 * edits use and which keeps every value inside its row's clamp in {@link Fields}. No caller holds
 * an array of these inputs, so none can move a value behind the table's clamps. Saliences that are
 * shares always sum to 1 per actor.
 */
public final class Inputs {
  public final int actors;
  public final int issues;

  /** Whether saliences are shares (an event that raises one lowers the others) or independent. */
  public final boolean salienceShares;

  /**
   * Every number in one array, so that a copy (a replication copies its drawn inputs once, and its
   * mediators' view once more) is one allocation and one array copy rather than 89 of each: the ten
   * stance fields [actor][issue] (row-major, one block each), then the five actor fields [actor],
   * then ties and pressure [actor][actor]. The offsets below say where each block starts.
   */
  private final double[] v;

  private final int position;
  private final int salience;
  private final int redLineMin;
  private final int redLineMax;
  private final int flexibility;
  private final int costOfDelay;
  private final int statedMinLo;
  private final int statedMinHi;
  private final int statedMaxLo;
  private final int statedMaxHi;
  private final int capability;
  private final int reservation;
  private final int risk;
  private final int lean;
  private final int statedReservationLo;
  private final int ties;
  private final int pressure;

  /**
   * The values of actor fields added to the table ({@link Fields#register}), one vector per field
   * name, for a protocol that reads them by name; null until one is set (most inputs have none).
   */
  private Map<String, double[]> more;

  /** Inputs of this size holding {@code v}, laid out as {@link #v} says (not filled). */
  private Inputs(int actors, int issues, boolean salienceShares, double[] v) {
    this.salienceShares = salienceShares;
    this.actors = actors;
    this.issues = issues;
    int ak = actors * issues;
    position = 0;
    salience = ak;
    redLineMin = 2 * ak;
    redLineMax = 3 * ak;
    flexibility = 4 * ak;
    costOfDelay = 5 * ak;
    statedMinLo = 6 * ak;
    statedMinHi = 7 * ak;
    statedMaxLo = 8 * ak;
    statedMaxHi = 9 * ak;
    capability = 10 * ak;
    reservation = capability + actors;
    risk = reservation + actors;
    lean = risk + actors;
    statedReservationLo = lean + actors;
    ties = statedReservationLo + actors;
    pressure = ties + actors * actors;
    this.v = v;
  }

  /** Every number 0, no red lines (0 and 100), no stated ranges (NaN). */
  private Inputs(int actors, int issues, boolean salienceShares) {
    this(actors, issues, salienceShares, new double[size(actors, issues)]);
    Arrays.fill(v, redLineMax, flexibility, 100);
    Arrays.fill(v, statedMinLo, capability, Double.NaN); // the four stated ranges, one block
    Arrays.fill(v, statedReservationLo, ties, Double.NaN);
  }

  private static int size(int actors, int issues) {
    return Math.addExact(
        Math.multiplyExact(10, Math.multiplyExact(actors, issues)),
        Math.addExact(5 * actors, Math.multiplyExact(2, Math.multiplyExact(actors, actors))));
  }

  /**
   * Where stance field {@code at}'s value for actor i on issue k lies. An index out of range
   * throws, as the arrays of arrays this replaced did, rather than read another actor's or field's
   * value; checkIndex rather than an explicit test keeps these small enough for C1 to inline.
   */
  private int stance(int at, int i, int k) {
    return at + Objects.checkIndex(i, actors) * issues + Objects.checkIndex(k, issues);
  }

  /** Where actor i's row of stance field {@code at} starts. */
  private int row(int at, int i) {
    return at + Objects.checkIndex(i, actors) * issues;
  }

  /** Where actor field {@code at}'s value for actor i lies. */
  private int actor(int at, int i) {
    return at + Objects.checkIndex(i, actors);
  }

  /** Where relation field {@code at}'s value from actor i to actor j lies. */
  private int relation(int at, int i, int j) {
    return at + Objects.checkIndex(i, actors) * actors + Objects.checkIndex(j, actors);
  }

  /**
   * A builder of inputs for this many actors and issues, saliences as shares: every number 0, no
   * red lines (0 and 100), no stated ranges.
   */
  public static Builder builder(int actors, int issues) {
    return builder(actors, issues, true);
  }

  /** As {@link #builder(int, int)}, saliences shares or independent (BDM and KTAB tables). */
  public static Builder builder(int actors, int issues, boolean salienceShares) {
    return new Builder(new Inputs(actors, issues, salienceShares));
  }

  /** A builder that starts from a copy of these inputs (they stay as they are). */
  public Builder toBuilder() {
    return new Builder(copy());
  }

  /**
   * A builder of a view its owner rewrites in place round after round: {@link Builder#build}
   * returns the same inputs each time, changed by the setters since. For what a protocol believes
   * (the mediators' view of the parties' limits), which it alone holds and never hands to a run; an
   * actor's own inputs are never made this way. Refill it with {@link Builder#copyOf}.
   */
  public Builder toView() {
    Builder b = new Builder(copy());
    b.inPlace = true;
    return b;
  }

  public Inputs copy() {
    Inputs c = new Inputs(actors, issues, salienceShares, v.clone());
    if (more != null) {
      c.more = new LinkedHashMap<>();
      more.forEach((k, x) -> c.more.put(k, x.clone()));
    }
    return c;
  }

  // ---------------------------------------------------------------------------------------- reads

  /** Actor i's ideal outcome on issue k, on the issue's 0–100 scale. */
  public double position(int i, int k) {
    return v[stance(position, i, k)];
  }

  /** A copy of actor i's ideal outcomes, one per issue. */
  public double[] positions(int i) {
    int at = row(position, i);
    return Arrays.copyOfRange(v, at, at + issues);
  }

  /**
   * Salience of issue k to actor i. With {@link #salienceShares} they are shares summing to 1 per
   * actor; otherwise each lies in [0, 1] on its own (BDM and KTAB tables).
   */
  public double salience(int i, int k) {
    return v[stance(salience, i, k)];
  }

  /** Lowest outcome on issue k actor i could sign (0 without a red line). */
  public double redLineMin(int i, int k) {
    return v[stance(redLineMin, i, k)];
  }

  /** Highest outcome on issue k actor i could sign (100 without a red line). */
  public double redLineMax(int i, int k) {
    return v[stance(redLineMax, i, k)];
  }

  /** Actor i's concession speed on issue k (its stance's, else the actor's). */
  public double flexibility(int i, int k) {
    return v[stance(flexibility, i, k)];
  }

  /** Actor i's cost of delay kappa on issue k, in [0, 1) (its stance's, else the actor's). */
  public double costOfDelay(int i, int k) {
    return v[stance(costOfDelay, i, k)];
  }

  /** Actor i's clout (only ratios between actors matter). */
  public double capability(int i) {
    return v[actor(capability, i)];
  }

  /** The utility below which actor i prefers no deal, in [0, 1). */
  public double reservation(int i) {
    return v[actor(reservation, i)];
  }

  /** Actor i's risk attitude in [-1, 1] (0 neutral, above 0 risk-averse). */
  public double risk(int i) {
    return v[actor(risk, i)];
  }

  /** For a mediator i, how strongly its own ideal pulls the draft, in [0, 1]. */
  public double lean(int i) {
    return v[actor(lean, i)];
  }

  /** The weight of actor j's utility in actor i's judgement of a text. */
  public double tie(int i, int j) {
    return v[relation(ties, i, j)];
  }

  /** What actor m adds to actor i's cost of delay, in [-1, 1] (negative: a spoiler). */
  public double pressure(int m, int i) {
    return v[relation(pressure, m, i)];
  }

  /**
   * What the mediators are told about each party's limits: the range the scenario states for each
   * red-line bound ({@code [lo, hi]} of its distribution) and for each reservation. NaN (e.g. for
   * actor tables): no stated range, the mediators know the true value. Events do not change these;
   * the protocol shifts its beliefs by an event's move.
   */
  public double statedMinLo(int i, int k) {
    return v[stance(statedMinLo, i, k)];
  }

  /** The stated range's top for actor i's lower red line on issue k (see {@link #statedMinLo}). */
  public double statedMinHi(int i, int k) {
    return v[stance(statedMinHi, i, k)];
  }

  /** The stated range's bottom for actor i's upper red line on issue k. */
  public double statedMaxLo(int i, int k) {
    return v[stance(statedMaxLo, i, k)];
  }

  /** The stated range's top for actor i's upper red line on issue k. */
  public double statedMaxHi(int i, int k) {
    return v[stance(statedMaxHi, i, k)];
  }

  /** The stated range's bottom for actor i's reservation (NaN: none stated). */
  public double statedReservationLo(int i) {
    return v[actor(statedReservationLo, i)];
  }

  /** Actor i's value of the added field {@code name}, or NaN when no value was drawn for it. */
  public double more(String name, int i) {
    double[] x = more == null ? null : more.get(name);
    return x == null ? Double.NaN : x[i];
  }

  /** Effective flexibility of actor i: the salience-weighted mean of its stances' flexibilities. */
  public double flexibility(int i) {
    double f = 0;
    double w = 0;
    for (int k = 0; k < issues; k++) {
      f += v[stance(salience, i, k)] * v[stance(flexibility, i, k)];
      w += v[stance(salience, i, k)];
    }
    return w > 0 ? f / w : v[stance(flexibility, i, 0)];
  }

  /**
   * Actor i's own cost of delay: the salience-weighted mean of its stances' (docs/mediated.md "cost
   * of delay").
   */
  public double costOfDelay(int i) {
    double f = 0;
    double w = 0;
    for (int k = 0; k < issues; k++) {
      f += v[stance(salience, i, k)] * v[stance(costOfDelay, i, k)];
      w += v[stance(salience, i, k)];
    }
    return w > 0 ? f / w : v[stance(costOfDelay, i, 0)];
  }

  /** The most of its remaining gap a party gives up in one month, however hard it is pushed. */
  public static final double MAX_CONCESSION_RATE = 0.95;

  /**
   * The share of the gap between aspiration and reservation that actor i gives up in a month of
   * talks: its cost of delay plus the pressure on it (any sign), kept in [0, 0.95], then shaped by
   * its flexibility as {@code 1 - (1 - kappa)^flexibility} (flexibility 1 leaves kappa as it is; 2
   * concedes in one month what kappa gives in two).
   */
  public double concessionRate(int i) {
    double kappa = clamp(costOfDelay(i) + pressureOn(i), 0, MAX_CONCESSION_RATE);
    double f = flexibility(i);
    return f == 1 ? kappa : clamp(1 - Math.pow(1 - kappa, f), 0, MAX_CONCESSION_RATE);
  }

  /** Sum of actor i's saliences: 1 for shares. */
  public double salienceSum(int i) {
    double w = 0;
    for (int k = 0; k < issues; k++) w += v[stance(salience, i, k)];
    return w;
  }

  /** Sum of the pressure all others put on actor i. */
  public double pressureOn(int i) {
    double p = 0;
    for (int m = 0; m < actors; m++) p += v[relation(pressure, m, i)];
    return p;
  }

  /**
   * The current value of a row of {@link Fields} for actor i, {@code at} the issue (stance field)
   * or the other actor's index (tie, pressure); for an actor's flexibility or cost of delay, which
   * live per stance, its effective value (the salience-weighted mean); for an added field, its
   * named value.
   */
  public double get(Fields.Field row, int i, int at) {
    return switch (InputChange.Field.of(row)) {
      case POSITION -> v[stance(position, i, at)];
      case SALIENCE -> v[stance(salience, i, at)];
      case RED_LINE_MIN -> v[stance(redLineMin, i, at)];
      case RED_LINE_MAX -> v[stance(redLineMax, i, at)];
      case STANCE_FLEXIBILITY -> v[stance(flexibility, i, at)];
      case FLEXIBILITY -> flexibility(i);
      case STANCE_COST_OF_DELAY -> v[stance(costOfDelay, i, at)];
      case COST_OF_DELAY -> costOfDelay(i);
      case CAPABILITY -> v[actor(capability, i)];
      case RESERVATION -> v[actor(reservation, i)];
      case RISK -> v[actor(risk, i)];
      case LEAN -> v[actor(lean, i)];
      case TIES -> v[relation(ties, i, at)];
      case PRESSURE -> v[relation(pressure, i, at)];
      case ADDED -> more(row.name(), i);
    };
  }

  // --------------------------------------------------------------------------------------- change

  /**
   * Applies one event change (or GUI edit), keeping the value inside its field's clamp ({@link
   * Fields}). The one way inputs change once made.
   */
  public void apply(InputChange c) {
    int i = c.actor();
    int k = c.issue();
    Fields.Field row = c.row();
    switch (c.field()) {
      case POSITION -> v[stance(position, i, k)] = row.clamp(c.applyTo(v[stance(position, i, k)]));
      case SALIENCE -> setSalience(i, k, row.clamp(c.applyTo(v[stance(salience, i, k)])));
      case RED_LINE_MIN ->
          v[stance(redLineMin, i, k)] =
              c.removes() ? 0 : row.clamp(c.applyTo(v[stance(redLineMin, i, k)]));
      case RED_LINE_MAX ->
          v[stance(redLineMax, i, k)] =
              c.removes() ? 100 : row.clamp(c.applyTo(v[stance(redLineMax, i, k)]));
      case STANCE_FLEXIBILITY ->
          v[stance(flexibility, i, k)] = row.clamp(c.applyTo(v[stance(flexibility, i, k)]));
      case FLEXIBILITY -> {
        for (int q = 0; q < issues; q++)
          v[stance(flexibility, i, q)] = row.clamp(c.applyTo(v[stance(flexibility, i, q)]));
      }
      case STANCE_COST_OF_DELAY ->
          v[stance(costOfDelay, i, k)] = row.clamp(c.applyTo(v[stance(costOfDelay, i, k)]));
      case COST_OF_DELAY -> {
        for (int q = 0; q < issues; q++)
          v[stance(costOfDelay, i, q)] = row.clamp(c.applyTo(v[stance(costOfDelay, i, q)]));
      }
      case CAPABILITY -> v[actor(capability, i)] = row.clamp(c.applyTo(v[actor(capability, i)]));
      case RESERVATION -> v[actor(reservation, i)] = row.clamp(c.applyTo(v[actor(reservation, i)]));
      case RISK -> v[actor(risk, i)] = row.clamp(c.applyTo(v[actor(risk, i)]));
      case LEAN -> v[actor(lean, i)] = row.clamp(c.applyTo(v[actor(lean, i)]));
      case TIES -> {
        v[relation(ties, i, c.other())] = row.clamp(c.applyTo(v[relation(ties, i, c.other())]));
        double sum = 0;
        for (int j = 0; j < actors; j++) sum += v[relation(ties, i, j)];
        if (sum >= 0.999) { // keep the actor's own utility in its judgement
          for (int j = 0; j < actors; j++) v[relation(ties, i, j)] *= 0.999 / sum;
        }
      }
      case PRESSURE ->
          v[relation(pressure, i, c.other())] =
              row.clamp(c.applyTo(v[relation(pressure, i, c.other())]));
      case ADDED -> setMore(row.name(), i, row.clamp(c.applyTo(more(row.name(), i))));
    }
  }

  /**
   * Sets one salience and, for shares, rescales the actor's other saliences proportionally, so that
   * they keep summing to 1 (an event that makes refugee return more salient takes attention from
   * the rest).
   */
  private void setSalience(int i, int k, double value) {
    if (!salienceShares) {
      v[stance(salience, i, k)] = value;
      return;
    }
    double others = 0;
    for (int q = 0; q < issues; q++) if (q != k) others += v[stance(salience, i, q)];
    v[stance(salience, i, k)] = value;
    if (issues == 1) {
      v[stance(salience, i, k)] = 1;
      return;
    }
    for (int q = 0; q < issues; q++) {
      if (q == k) continue;
      v[stance(salience, i, q)] =
          others > 0
              ? v[stance(salience, i, q)] * (1 - value) / others
              : (1 - value) / (issues - 1);
    }
  }

  private void setMore(String name, int i, double value) {
    if (more == null) more = new LinkedHashMap<>();
    more.computeIfAbsent(
                name,
                k -> {
                  double[] x = new double[actors];
                  Arrays.fill(x, Double.NaN);
                  return x;
                })[i] =
        value;
  }

  static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }

  /**
   * Makes inputs: the values as drawn or given, unclamped (a draw lies in its field's range, which
   * the validator checked; a protocol's view holds beliefs, not an actor's inputs). {@link #build}
   * hands over what was set; setting more afterwards starts from a copy, so inputs once built
   * change only through {@link Inputs#apply}.
   */
  public static final class Builder {
    private Inputs draft;
    private boolean built;
    private boolean inPlace;

    private Builder(Inputs draft) {
      this.draft = draft;
    }

    private Inputs draft() {
      if (built) {
        draft = draft.copy();
        built = false;
      }
      return draft;
    }

    /** The inputs set so far. */
    public Inputs build() {
      built = !inPlace;
      return draft;
    }

    /**
     * Sets every value to that of {@code from} (same actors and issues), without allocating when
     * the view is rewritten in place.
     */
    public Builder copyOf(Inputs from) {
      Inputs d = draft();
      if (from.actors != d.actors || from.issues != d.issues)
        throw new IllegalArgumentException("inputs of another size");
      System.arraycopy(from.v, 0, d.v, 0, d.v.length);
      if (from.more == null && d.more == null) return this; // no added fields: nothing to copy
      if (from.more == null) {
        d.more = null;
        return this;
      }
      if (d.more == null) d.more = new LinkedHashMap<>();
      else d.more.keySet().retainAll(from.more.keySet());
      from.more.forEach(
          (k, x) -> {
            double[] into = d.more.get(k);
            if (into == null) d.more.put(k, x.clone());
            else System.arraycopy(x, 0, into, 0, d.actors);
          });
      return this;
    }

    public Builder position(int i, int k, double v) {
      Inputs d = draft();
      d.v[d.stance(d.position, i, k)] = v;
      return this;
    }

    /** Actor i's positions, one per issue. */
    public Builder positions(int i, double... v) {
      Inputs d = draft();
      System.arraycopy(v, 0, d.v, d.row(d.position, i), d.issues);
      return this;
    }

    public Builder salience(int i, int k, double v) {
      Inputs d = draft();
      d.v[d.stance(d.salience, i, k)] = v;
      return this;
    }

    /** Actor i's saliences, one per issue, as given (not rescaled). */
    public Builder saliences(int i, double... v) {
      Inputs d = draft();
      System.arraycopy(v, 0, d.v, d.row(d.salience, i), d.issues);
      return this;
    }

    public Builder redLineMin(int i, int k, double v) {
      Inputs d = draft();
      d.v[d.stance(d.redLineMin, i, k)] = v;
      return this;
    }

    public Builder redLineMax(int i, int k, double v) {
      Inputs d = draft();
      d.v[d.stance(d.redLineMax, i, k)] = v;
      return this;
    }

    public Builder flexibility(int i, int k, double v) {
      Inputs d = draft();
      d.v[d.stance(d.flexibility, i, k)] = v;
      return this;
    }

    public Builder costOfDelay(int i, int k, double v) {
      Inputs d = draft();
      d.v[d.stance(d.costOfDelay, i, k)] = v;
      return this;
    }

    public Builder capability(int i, double v) {
      Inputs d = draft();
      d.v[d.actor(d.capability, i)] = v;
      return this;
    }

    public Builder reservation(int i, double v) {
      Inputs d = draft();
      d.v[d.actor(d.reservation, i)] = v;
      return this;
    }

    public Builder risk(int i, double v) {
      Inputs d = draft();
      d.v[d.actor(d.risk, i)] = v;
      return this;
    }

    public Builder lean(int i, double v) {
      Inputs d = draft();
      d.v[d.actor(d.lean, i)] = v;
      return this;
    }

    public Builder tie(int i, int j, double v) {
      Inputs d = draft();
      d.v[d.relation(d.ties, i, j)] = v;
      return this;
    }

    public Builder pressure(int m, int i, double v) {
      Inputs d = draft();
      d.v[d.relation(d.pressure, m, i)] = v;
      return this;
    }

    /** The range stated for actor i's lower red line on issue k. */
    public Builder statedMin(int i, int k, double lo, double hi) {
      Inputs d = draft();
      d.v[d.stance(d.statedMinLo, i, k)] = lo;
      d.v[d.stance(d.statedMinHi, i, k)] = hi;
      return this;
    }

    /** The range stated for actor i's upper red line on issue k. */
    public Builder statedMax(int i, int k, double lo, double hi) {
      Inputs d = draft();
      d.v[d.stance(d.statedMaxLo, i, k)] = lo;
      d.v[d.stance(d.statedMaxHi, i, k)] = hi;
      return this;
    }

    public Builder statedReservationLo(int i, double v) {
      Inputs d = draft();
      d.v[d.actor(d.statedReservationLo, i)] = v;
      return this;
    }

    /** Actor i's value of the added field {@code name}. */
    public Builder more(String name, int i, double v) {
      draft().setMore(name, i, v);
      return this;
    }
  }
}
