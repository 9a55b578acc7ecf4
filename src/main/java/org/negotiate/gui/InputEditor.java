package org.negotiate.gui;

import org.negotiate.model.InputChange;
import org.negotiate.model.Inputs;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.Fields;

/**
 * Reads and writes one editable input of a running replication, a row of {@link Fields}. A value is
 * set as an event sets it (kept in the row's clamp; an actor's flexibility or cost of delay sets
 * every stance's, as {@code --set syria.flexibility} does for stances without their own; a tie
 * keeps the actor's ties below 1) and kept valid the way the model keeps drawn values valid: a
 * salience rescales the actor's other saliences (as {@code --set} does), a position outside the
 * actor's red line widens the line (an actor can always sign its own ideal), a red line is held on
 * the far side of the actor's position.
 */
public final class InputEditor {
  private InputEditor() {}

  /**
   * The live value; {@code at} is the issue's index for a stance field, the other actor's for a tie
   * or pressure (ignored otherwise).
   */
  public static double get(Inputs in, Fields.Field f, int actor, int at) {
    if (f == Fields.FLEXIBILITY || f == Fields.COST_OF_DELAY) {
      // The one value an edit gave every stance, exactly (the weighted mean would round it); else
      // the mean.
      Fields.Field stance =
          f == Fields.FLEXIBILITY ? Fields.STANCE_FLEXIBILITY : Fields.STANCE_COST_OF_DELAY;
      double first = in.issues > 0 ? in.get(stance, actor, 0) : Double.NaN;
      boolean same = in.issues > 0;
      for (int k = 1; k < in.issues; k++) same &= in.get(stance, actor, k) == first;
      if (same) return first;
    }
    return in.get(f, actor, at);
  }

  /** Sets the input (clamped to what is valid) and returns the value it now has. */
  public static double set(Inputs in, Fields.Field f, int actor, int at, double value) {
    if (Double.isNaN(value)) throw new IllegalArgumentException("not a number");
    int i = actor;
    double v = f.clamp(value);
    if (f == Fields.RED_LINE_MIN) v = Math.min(v, in.position(i, at));
    if (f == Fields.RED_LINE_MAX) v = Math.max(v, in.position(i, at));
    int issue = f.level() == Fields.Level.STANCE ? at : -1;
    int other = f.level() == Fields.Level.RELATION ? at : -1;
    in.apply(new InputChange(f, i, issue, other, Change.Op.SET, v));
    if (f == Fields.POSITION) {
      double p = in.position(i, at);
      in.apply(
          new InputChange(
              Fields.RED_LINE_MIN, i, at, -1, Change.Op.SET, Math.min(in.redLineMin(i, at), p)));
      in.apply(
          new InputChange(
              Fields.RED_LINE_MAX, i, at, -1, Change.Op.SET, Math.max(in.redLineMax(i, at), p)));
    }
    return get(in, f, i, at);
  }
}
