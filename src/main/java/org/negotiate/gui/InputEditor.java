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
    if (f.added()) return in.more(f.name(), actor);
    if (f == Fields.FLEXIBILITY || f == Fields.COST_OF_DELAY) {
      // The one value an edit gave every stance, exactly (the weighted mean would round it); else
      // the mean.
      double[] perStance = f == Fields.FLEXIBILITY ? in.flexibility[actor] : in.costOfDelay[actor];
      boolean same = true;
      for (double v : perStance) same &= v == perStance[0];
      if (same && perStance.length > 0) return perStance[0];
    }
    return in.get(InputChange.Field.of(f), actor, at);
  }

  /** Sets the input (clamped to what is valid) and returns the value it now has. */
  public static double set(Inputs in, Fields.Field f, int actor, int at, double value) {
    if (Double.isNaN(value)) throw new IllegalArgumentException("not a number");
    if (f.added()) {
      in.setMore(f.name(), actor, f.clamp(value));
      return get(in, f, actor, at);
    }
    InputChange.Field m = InputChange.Field.of(f);
    int i = actor;
    double v = f.clamp(value);
    if (f == Fields.RED_LINE_MIN) v = Math.min(v, in.position[i][at]);
    if (f == Fields.RED_LINE_MAX) v = Math.max(v, in.position[i][at]);
    int issue = f.level() == Fields.Level.STANCE ? at : -1;
    int other = f.level() == Fields.Level.RELATION ? at : -1;
    in.apply(new InputChange(m, i, issue, other, Change.Op.SET, v));
    if (f == Fields.POSITION) {
      double p = in.position[i][at];
      in.redLineMin[i][at] = Math.min(in.redLineMin[i][at], p);
      in.redLineMax[i][at] = Math.max(in.redLineMax[i][at], p);
    }
    return get(in, f, i, at);
  }
}
