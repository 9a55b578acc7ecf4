package org.negotiate.gui;

import org.negotiate.model.Inputs;

/**
 * Reads and writes one editable input of a running replication. Every value is kept valid the way
 * the model keeps drawn values valid: a salience rescales the actor's other saliences (as
 * {@code --set} does), a position outside the actor's red line widens the line (an actor can always
 * sign its own ideal), a red line is held on the far side of the actor's position.
 */
public final class InputEditor {
  private InputEditor() {}

  public static double get(Inputs in, InputField f, int actor, int issue) {
    return switch (f) {
      case CAPABILITY -> in.capability[actor];
      case RESERVATION -> in.reservation[actor];
      case POSITION -> in.position[actor][issue];
      case SALIENCE -> in.salience[actor][issue];
      case RED_LINE_MIN -> in.redLineMin[actor][issue];
      case RED_LINE_MAX -> in.redLineMax[actor][issue];
      case FLEXIBILITY -> in.flexibility[actor][issue];
      case COST_OF_DELAY -> in.costOfDelay[actor][issue];
    };
  }

  /** Sets the input (clamped to what is valid) and returns the value it now has. */
  public static double set(Inputs in, InputField f, int actor, int issue, double value) {
    if (Double.isNaN(value)) throw new IllegalArgumentException("not a number");
    int i = actor;
    int k = issue;
    switch (f) {
      case CAPABILITY -> in.capability[i] = clamp(value, 1e-6, 1e6);
      case RESERVATION -> in.reservation[i] = clamp(value, 0, 0.999);
      case POSITION -> {
        double p = clamp(value, 0, 100);
        in.position[i][k] = p;
        in.redLineMin[i][k] = Math.min(in.redLineMin[i][k], p);
        in.redLineMax[i][k] = Math.max(in.redLineMax[i][k], p);
      }
      case SALIENCE -> in.setSalience(i, k, clamp(value, 0, 1));
      case RED_LINE_MIN -> in.redLineMin[i][k] = clamp(value, 0, in.position[i][k]);
      case RED_LINE_MAX -> in.redLineMax[i][k] = clamp(value, in.position[i][k], 100);
      case FLEXIBILITY -> in.flexibility[i][k] = clamp(value, 1e-3, 10);
      case COST_OF_DELAY -> in.costOfDelay[i][k] = clamp(value, 0, 0.999);
    }
    return get(in, f, i, k);
  }

  static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }
}
