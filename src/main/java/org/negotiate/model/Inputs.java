package org.negotiate.model;

/**
 * The numbers one replication negotiates with, indexed [actor][issue] in canonical actor order.
 * Mutable only through {@link #apply}, which events use; every value is kept inside its valid
 * range. Saliences of an actor always sum to 1.
 */
public final class Inputs {
  public final int actors;
  public final int issues;
  public final double[][] position;

  /**
   * Salience of each issue to each actor. With {@link #salienceShares} they are shares summing to 1
   * per actor; otherwise each lies in [0, 1] on its own (BDM and KTAB tables).
   */
  public final double[][] salience;

  /** Whether saliences are shares (an event that raises one lowers the others) or independent. */
  public final boolean salienceShares;

  /**
   * Lowest and highest outcome the actor could sign on each issue (0 and 100 without a red line).
   */
  public final double[][] redLineMin;

  public final double[][] redLineMax;

  /**
   * Concession speed per stance; the actor's effective flexibility is their salience-weighted mean.
   */
  public final double[][] flexibility;

  /** Cost of delay kappa per stance, in [0, 1); the actor's is their salience-weighted mean. */
  public final double[][] costOfDelay;

  public final double[] capability;
  public final double[] reservation;
  public final double[] risk;
  public final double[] lean;

  /** ties[i][j]: weight of j's utility in i's judgement of a text. */
  public final double[][] ties;

  /** pressure[m][i]: what m adds to i's cost of delay, in [-1, 1] (negative: a spoiler). */
  public final double[][] pressure;

  /**
   * What the mediators are told about each party's limits: the range the scenario states for each
   * red-line bound ({@code [lo, hi]} of its distribution) and for each reservation, indexed like
   * the true values. NaN (the default, e.g. for actor tables): no stated range, the mediators know
   * the true value. Events do not change these; the protocol shifts its beliefs by an event's move.
   */
  public final double[][] statedMinLo;

  public final double[][] statedMinHi;
  public final double[][] statedMaxLo;
  public final double[][] statedMaxHi;
  public final double[] statedReservationLo;

  /**
   * The values of actor fields added to the table ({@link org.negotiate.scenario.Fields#register}),
   * one vector per field name, for a protocol that reads them by name; empty otherwise.
   */
  private final java.util.Map<String, double[]> more = new java.util.LinkedHashMap<>();

  /** Actor i's value of the added field {@code name}, or NaN when no value was drawn for it. */
  public double more(String name, int i) {
    double[] v = more.get(name);
    return v == null ? Double.NaN : v[i];
  }

  /** Sets actor i's value of the added field {@code name}. */
  public void setMore(String name, int i, double value) {
    more.computeIfAbsent(
                name,
                k -> {
                  double[] v = new double[actors];
                  java.util.Arrays.fill(v, Double.NaN);
                  return v;
                })[i] =
        value;
  }

  public Inputs(int actors, int issues) {
    this(actors, issues, true);
  }

  public Inputs(int actors, int issues, boolean salienceShares) {
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
    for (double[] row : redLineMax) java.util.Arrays.fill(row, 100);
    statedMinLo = nans(actors, issues);
    statedMinHi = nans(actors, issues);
    statedMaxLo = nans(actors, issues);
    statedMaxHi = nans(actors, issues);
    statedReservationLo = new double[actors];
    java.util.Arrays.fill(statedReservationLo, Double.NaN);
  }

  private static double[][] nans(int n, int k) {
    double[][] out = new double[n][k];
    for (double[] row : out) java.util.Arrays.fill(row, Double.NaN);
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
   * Applies one event change, keeping the value inside its field's clamp ({@link
   * org.negotiate.scenario.Fields}).
   */
  public void apply(InputChange c) {
    int i = c.actor();
    int k = c.issue();
    InputChange.Field f = c.field();
    switch (f) {
      case POSITION -> position[i][k] = f.clamp(c.applyTo(position[i][k]));
      case SALIENCE -> setSalience(i, k, f.clamp(c.applyTo(salience[i][k])));
      case RED_LINE_MIN ->
          redLineMin[i][k] = c.removes() ? 0 : f.clamp(c.applyTo(redLineMin[i][k]));
      case RED_LINE_MAX ->
          redLineMax[i][k] = c.removes() ? 100 : f.clamp(c.applyTo(redLineMax[i][k]));
      case STANCE_FLEXIBILITY -> flexibility[i][k] = f.clamp(c.applyTo(flexibility[i][k]));
      case FLEXIBILITY -> {
        for (int q = 0; q < issues; q++) flexibility[i][q] = f.clamp(c.applyTo(flexibility[i][q]));
      }
      case STANCE_COST_OF_DELAY -> costOfDelay[i][k] = f.clamp(c.applyTo(costOfDelay[i][k]));
      case COST_OF_DELAY -> {
        for (int q = 0; q < issues; q++) costOfDelay[i][q] = f.clamp(c.applyTo(costOfDelay[i][q]));
      }
      case CAPABILITY -> capability[i] = f.clamp(c.applyTo(capability[i]));
      case RESERVATION -> reservation[i] = f.clamp(c.applyTo(reservation[i]));
      case RISK -> risk[i] = f.clamp(c.applyTo(risk[i]));
      case LEAN -> lean[i] = f.clamp(c.applyTo(lean[i]));
      case TIES -> {
        ties[i][c.other()] = f.clamp(c.applyTo(ties[i][c.other()]));
        double sum = 0;
        for (double t : ties[i]) sum += t;
        if (sum >= 0.999) { // keep the actor's own utility in its judgement
          for (int j = 0; j < actors; j++) ties[i][j] *= 0.999 / sum;
        }
      }
      case PRESSURE -> pressure[i][c.other()] = f.clamp(c.applyTo(pressure[i][c.other()]));
    }
  }

  /**
   * The current value of a field for actor i, {@code at} the issue (stance field) or the other
   * actor's index (tie, pressure); for an actor's flexibility or cost of delay, which live per
   * stance, its effective value (the salience-weighted mean).
   */
  public double get(InputChange.Field f, int i, int at) {
    return switch (f) {
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
    };
  }

  /**
   * Sets one salience and, for shares, rescales the actor's other saliences proportionally, so that
   * they keep summing to 1 (an event that makes refugee return more salient takes attention from
   * the rest).
   */
  public void setSalience(int i, int k, double value) {
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

  static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }
}
