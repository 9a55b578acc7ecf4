package org.negotiate.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private final double[][] position;
  private final double[][] salience;
  private final double[][] redLineMin;
  private final double[][] redLineMax;
  private final double[][] flexibility;
  private final double[][] costOfDelay;
  private final double[] capability;
  private final double[] reservation;
  private final double[] risk;
  private final double[] lean;
  private final double[][] ties;
  private final double[][] pressure;
  private final double[][] statedMinLo;
  private final double[][] statedMinHi;
  private final double[][] statedMaxLo;
  private final double[][] statedMaxHi;
  private final double[] statedReservationLo;

  /**
   * The values of actor fields added to the table ({@link Fields#register}), one vector per field
   * name, for a protocol that reads them by name; empty otherwise.
   */
  private final Map<String, double[]> more = new LinkedHashMap<>();

  private Inputs(int actors, int issues, boolean salienceShares) {
    this.salienceShares = salienceShares;
    this.actors = actors;
    this.issues = issues;
    position = new double[actors][issues];
    salience = new double[actors][issues];
    redLineMin = new double[actors][issues];
    redLineMax = new double[actors][issues];
    flexibility = new double[actors][issues];
    costOfDelay = new double[actors][issues];
    capability = new double[actors];
    reservation = new double[actors];
    risk = new double[actors];
    lean = new double[actors];
    ties = new double[actors][actors];
    pressure = new double[actors][actors];
    for (double[] row : redLineMax) Arrays.fill(row, 100);
    statedMinLo = nans(actors, issues);
    statedMinHi = nans(actors, issues);
    statedMaxLo = nans(actors, issues);
    statedMaxHi = nans(actors, issues);
    statedReservationLo = new double[actors];
    Arrays.fill(statedReservationLo, Double.NaN);
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

  private static double[][] nans(int n, int k) {
    double[][] out = new double[n][k];
    for (double[] row : out) Arrays.fill(row, Double.NaN);
    return out;
  }

  public Inputs copy() {
    Inputs c = new Inputs(actors, issues, salienceShares);
    for (int i = 0; i < actors; i++) {
      System.arraycopy(position[i], 0, c.position[i], 0, issues);
      System.arraycopy(salience[i], 0, c.salience[i], 0, issues);
      System.arraycopy(redLineMin[i], 0, c.redLineMin[i], 0, issues);
      System.arraycopy(redLineMax[i], 0, c.redLineMax[i], 0, issues);
      System.arraycopy(flexibility[i], 0, c.flexibility[i], 0, issues);
      System.arraycopy(costOfDelay[i], 0, c.costOfDelay[i], 0, issues);
      System.arraycopy(ties[i], 0, c.ties[i], 0, actors);
      System.arraycopy(pressure[i], 0, c.pressure[i], 0, actors);
      System.arraycopy(statedMinLo[i], 0, c.statedMinLo[i], 0, issues);
      System.arraycopy(statedMinHi[i], 0, c.statedMinHi[i], 0, issues);
      System.arraycopy(statedMaxLo[i], 0, c.statedMaxLo[i], 0, issues);
      System.arraycopy(statedMaxHi[i], 0, c.statedMaxHi[i], 0, issues);
    }
    System.arraycopy(statedReservationLo, 0, c.statedReservationLo, 0, actors);
    System.arraycopy(capability, 0, c.capability, 0, actors);
    System.arraycopy(reservation, 0, c.reservation, 0, actors);
    System.arraycopy(risk, 0, c.risk, 0, actors);
    System.arraycopy(lean, 0, c.lean, 0, actors);
    more.forEach((k, v) -> c.more.put(k, v.clone()));
    return c;
  }

  // ---------------------------------------------------------------------------------------- reads

  /** Actor i's ideal outcome on issue k, on the issue's 0–100 scale. */
  public double position(int i, int k) {
    return position[i][k];
  }

  /** A copy of actor i's ideal outcomes, one per issue. */
  public double[] positions(int i) {
    return position[i].clone();
  }

  /**
   * Salience of issue k to actor i. With {@link #salienceShares} they are shares summing to 1 per
   * actor; otherwise each lies in [0, 1] on its own (BDM and KTAB tables).
   */
  public double salience(int i, int k) {
    return salience[i][k];
  }

  /** Lowest outcome on issue k actor i could sign (0 without a red line). */
  public double redLineMin(int i, int k) {
    return redLineMin[i][k];
  }

  /** Highest outcome on issue k actor i could sign (100 without a red line). */
  public double redLineMax(int i, int k) {
    return redLineMax[i][k];
  }

  /** Actor i's concession speed on issue k (its stance's, else the actor's). */
  public double flexibility(int i, int k) {
    return flexibility[i][k];
  }

  /** Actor i's cost of delay kappa on issue k, in [0, 1) (its stance's, else the actor's). */
  public double costOfDelay(int i, int k) {
    return costOfDelay[i][k];
  }

  /** Actor i's clout (only ratios between actors matter). */
  public double capability(int i) {
    return capability[i];
  }

  /** The utility below which actor i prefers no deal, in [0, 1). */
  public double reservation(int i) {
    return reservation[i];
  }

  /** Actor i's risk attitude in [-1, 1] (0 neutral, above 0 risk-averse). */
  public double risk(int i) {
    return risk[i];
  }

  /** For a mediator i, how strongly its own ideal pulls the draft, in [0, 1]. */
  public double lean(int i) {
    return lean[i];
  }

  /** The weight of actor j's utility in actor i's judgement of a text. */
  public double tie(int i, int j) {
    return ties[i][j];
  }

  /** What actor m adds to actor i's cost of delay, in [-1, 1] (negative: a spoiler). */
  public double pressure(int m, int i) {
    return pressure[m][i];
  }

  /**
   * What the mediators are told about each party's limits: the range the scenario states for each
   * red-line bound ({@code [lo, hi]} of its distribution) and for each reservation. NaN (e.g. for
   * actor tables): no stated range, the mediators know the true value. Events do not change these;
   * the protocol shifts its beliefs by an event's move.
   */
  public double statedMinLo(int i, int k) {
    return statedMinLo[i][k];
  }

  /** The stated range's top for actor i's lower red line on issue k (see {@link #statedMinLo}). */
  public double statedMinHi(int i, int k) {
    return statedMinHi[i][k];
  }

  /** The stated range's bottom for actor i's upper red line on issue k. */
  public double statedMaxLo(int i, int k) {
    return statedMaxLo[i][k];
  }

  /** The stated range's top for actor i's upper red line on issue k. */
  public double statedMaxHi(int i, int k) {
    return statedMaxHi[i][k];
  }

  /** The stated range's bottom for actor i's reservation (NaN: none stated). */
  public double statedReservationLo(int i) {
    return statedReservationLo[i];
  }

  /** Actor i's value of the added field {@code name}, or NaN when no value was drawn for it. */
  public double more(String name, int i) {
    double[] v = more.get(name);
    return v == null ? Double.NaN : v[i];
  }

  /** Effective flexibility of actor i: the salience-weighted mean of its stances' flexibilities. */
  public double flexibility(int i) {
    double f = 0;
    double w = 0;
    for (int k = 0; k < issues; k++) {
      f += salience[i][k] * flexibility[i][k];
      w += salience[i][k];
    }
    return w > 0 ? f / w : flexibility[i][0];
  }

  /**
   * Actor i's own cost of delay: the salience-weighted mean of its stances' (docs/mediated.md "cost
   * of delay").
   */
  public double costOfDelay(int i) {
    double f = 0;
    double w = 0;
    for (int k = 0; k < issues; k++) {
      f += salience[i][k] * costOfDelay[i][k];
      w += salience[i][k];
    }
    return w > 0 ? f / w : costOfDelay[i][0];
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
    for (int k = 0; k < issues; k++) w += salience[i][k];
    return w;
  }

  /** Sum of the pressure all others put on actor i. */
  public double pressureOn(int i) {
    double p = 0;
    for (int m = 0; m < actors; m++) p += pressure[m][i];
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
      case POSITION -> position[i][at];
      case SALIENCE -> salience[i][at];
      case RED_LINE_MIN -> redLineMin[i][at];
      case RED_LINE_MAX -> redLineMax[i][at];
      case STANCE_FLEXIBILITY -> flexibility[i][at];
      case FLEXIBILITY -> flexibility(i);
      case STANCE_COST_OF_DELAY -> costOfDelay[i][at];
      case COST_OF_DELAY -> costOfDelay(i);
      case CAPABILITY -> capability[i];
      case RESERVATION -> reservation[i];
      case RISK -> risk[i];
      case LEAN -> lean[i];
      case TIES -> ties[i][at];
      case PRESSURE -> pressure[i][at];
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
      case POSITION -> position[i][k] = row.clamp(c.applyTo(position[i][k]));
      case SALIENCE -> setSalience(i, k, row.clamp(c.applyTo(salience[i][k])));
      case RED_LINE_MIN ->
          redLineMin[i][k] = c.removes() ? 0 : row.clamp(c.applyTo(redLineMin[i][k]));
      case RED_LINE_MAX ->
          redLineMax[i][k] = c.removes() ? 100 : row.clamp(c.applyTo(redLineMax[i][k]));
      case STANCE_FLEXIBILITY -> flexibility[i][k] = row.clamp(c.applyTo(flexibility[i][k]));
      case FLEXIBILITY -> {
        for (int q = 0; q < issues; q++)
          flexibility[i][q] = row.clamp(c.applyTo(flexibility[i][q]));
      }
      case STANCE_COST_OF_DELAY -> costOfDelay[i][k] = row.clamp(c.applyTo(costOfDelay[i][k]));
      case COST_OF_DELAY -> {
        for (int q = 0; q < issues; q++)
          costOfDelay[i][q] = row.clamp(c.applyTo(costOfDelay[i][q]));
      }
      case CAPABILITY -> capability[i] = row.clamp(c.applyTo(capability[i]));
      case RESERVATION -> reservation[i] = row.clamp(c.applyTo(reservation[i]));
      case RISK -> risk[i] = row.clamp(c.applyTo(risk[i]));
      case LEAN -> lean[i] = row.clamp(c.applyTo(lean[i]));
      case TIES -> {
        ties[i][c.other()] = row.clamp(c.applyTo(ties[i][c.other()]));
        double sum = 0;
        for (double t : ties[i]) sum += t;
        if (sum >= 0.999) { // keep the actor's own utility in its judgement
          for (int j = 0; j < actors; j++) ties[i][j] *= 0.999 / sum;
        }
      }
      case PRESSURE -> pressure[i][c.other()] = row.clamp(c.applyTo(pressure[i][c.other()]));
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
      salience[i][k] = value;
      return;
    }
    double others = 0;
    for (int q = 0; q < issues; q++) if (q != k) others += salience[i][q];
    salience[i][k] = value;
    if (issues == 1) {
      salience[i][k] = 1;
      return;
    }
    for (int q = 0; q < issues; q++) {
      if (q == k) continue;
      salience[i][q] =
          others > 0 ? salience[i][q] * (1 - value) / others : (1 - value) / (issues - 1);
    }
  }

  private void setMore(String name, int i, double value) {
    more.computeIfAbsent(
                name,
                k -> {
                  double[] v = new double[actors];
                  Arrays.fill(v, Double.NaN);
                  return v;
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
      for (int i = 0; i < d.actors; i++) {
        System.arraycopy(from.position[i], 0, d.position[i], 0, d.issues);
        System.arraycopy(from.salience[i], 0, d.salience[i], 0, d.issues);
        System.arraycopy(from.redLineMin[i], 0, d.redLineMin[i], 0, d.issues);
        System.arraycopy(from.redLineMax[i], 0, d.redLineMax[i], 0, d.issues);
        System.arraycopy(from.flexibility[i], 0, d.flexibility[i], 0, d.issues);
        System.arraycopy(from.costOfDelay[i], 0, d.costOfDelay[i], 0, d.issues);
        System.arraycopy(from.ties[i], 0, d.ties[i], 0, d.actors);
        System.arraycopy(from.pressure[i], 0, d.pressure[i], 0, d.actors);
        System.arraycopy(from.statedMinLo[i], 0, d.statedMinLo[i], 0, d.issues);
        System.arraycopy(from.statedMinHi[i], 0, d.statedMinHi[i], 0, d.issues);
        System.arraycopy(from.statedMaxLo[i], 0, d.statedMaxLo[i], 0, d.issues);
        System.arraycopy(from.statedMaxHi[i], 0, d.statedMaxHi[i], 0, d.issues);
      }
      System.arraycopy(from.capability, 0, d.capability, 0, d.actors);
      System.arraycopy(from.reservation, 0, d.reservation, 0, d.actors);
      System.arraycopy(from.risk, 0, d.risk, 0, d.actors);
      System.arraycopy(from.lean, 0, d.lean, 0, d.actors);
      System.arraycopy(from.statedReservationLo, 0, d.statedReservationLo, 0, d.actors);
      if (from.more.isEmpty() && d.more.isEmpty()) return this; // no added fields: nothing to copy
      d.more.keySet().retainAll(from.more.keySet());
      from.more.forEach(
          (k, v) -> {
            double[] into = d.more.get(k);
            if (into == null) d.more.put(k, v.clone());
            else System.arraycopy(v, 0, into, 0, d.actors);
          });
      return this;
    }

    public Builder position(int i, int k, double v) {
      draft().position[i][k] = v;
      return this;
    }

    /** Actor i's positions, one per issue. */
    public Builder positions(int i, double... v) {
      System.arraycopy(v, 0, draft().position[i], 0, draft.issues);
      return this;
    }

    public Builder salience(int i, int k, double v) {
      draft().salience[i][k] = v;
      return this;
    }

    /** Actor i's saliences, one per issue, as given (not rescaled). */
    public Builder saliences(int i, double... v) {
      System.arraycopy(v, 0, draft().salience[i], 0, draft.issues);
      return this;
    }

    public Builder redLineMin(int i, int k, double v) {
      draft().redLineMin[i][k] = v;
      return this;
    }

    public Builder redLineMax(int i, int k, double v) {
      draft().redLineMax[i][k] = v;
      return this;
    }

    public Builder flexibility(int i, int k, double v) {
      draft().flexibility[i][k] = v;
      return this;
    }

    public Builder costOfDelay(int i, int k, double v) {
      draft().costOfDelay[i][k] = v;
      return this;
    }

    public Builder capability(int i, double v) {
      draft().capability[i] = v;
      return this;
    }

    public Builder reservation(int i, double v) {
      draft().reservation[i] = v;
      return this;
    }

    public Builder risk(int i, double v) {
      draft().risk[i] = v;
      return this;
    }

    public Builder lean(int i, double v) {
      draft().lean[i] = v;
      return this;
    }

    public Builder tie(int i, int j, double v) {
      draft().ties[i][j] = v;
      return this;
    }

    public Builder pressure(int m, int i, double v) {
      draft().pressure[m][i] = v;
      return this;
    }

    /** The range stated for actor i's lower red line on issue k. */
    public Builder statedMin(int i, int k, double lo, double hi) {
      draft().statedMinLo[i][k] = lo;
      draft.statedMinHi[i][k] = hi;
      return this;
    }

    /** The range stated for actor i's upper red line on issue k. */
    public Builder statedMax(int i, int k, double lo, double hi) {
      draft().statedMaxLo[i][k] = lo;
      draft.statedMaxHi[i][k] = hi;
      return this;
    }

    public Builder statedReservationLo(int i, double v) {
      draft().statedReservationLo[i] = v;
      return this;
    }

    /** Actor i's value of the added field {@code name}. */
    public Builder more(String name, int i, double v) {
      draft().setMore(name, i, v);
      return this;
    }
  }
}
