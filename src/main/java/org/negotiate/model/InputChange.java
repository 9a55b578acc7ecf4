package org.negotiate.model;

import org.negotiate.scenario.Change;
import org.negotiate.scenario.Fields;

/**
 * One event change resolved to indices and a drawn value, ready to apply to {@link Inputs}.
 *
 * @param actor actor index
 * @param issue issue index for stance fields, -1 otherwise
 * @param other the other actor's index for ties and pressure, -1 otherwise
 */
public record InputChange(
    Field field, int actor, int issue, int other, Change.Op op, double value) {

  /**
   * Where a change lands in {@link Inputs}: one constant per row of {@link Fields}, whose clamp it
   * keeps.
   */
  public enum Field {
    POSITION(Fields.POSITION),
    SALIENCE(Fields.SALIENCE),
    RED_LINE_MIN(Fields.RED_LINE_MIN),
    RED_LINE_MAX(Fields.RED_LINE_MAX),
    STANCE_FLEXIBILITY(Fields.STANCE_FLEXIBILITY),
    FLEXIBILITY(Fields.FLEXIBILITY),
    STANCE_COST_OF_DELAY(Fields.STANCE_COST_OF_DELAY),
    COST_OF_DELAY(Fields.COST_OF_DELAY),
    CAPABILITY(Fields.CAPABILITY),
    RESERVATION(Fields.RESERVATION),
    RISK(Fields.RISK),
    LEAN(Fields.LEAN),
    TIES(Fields.TIES),
    PRESSURE(Fields.PRESSURE);

    /** The field's row in the scenario's table. */
    public final Fields.Field row;

    Field(Fields.Field row) {
      this.row = row;
    }

    /** The model's place for a row of the table. */
    public static Field of(Fields.Field row) {
      for (Field f : values()) if (f.row == row) return f;
      throw new IllegalArgumentException("the model has no place for the field " + row.name());
    }

    /** Keeps {@code v} inside the row's clamp. */
    double clamp(double v) {
      return row.clamp(v);
    }
  }

  double applyTo(double current) {
    return switch (op) {
      case SET -> value;
      case SHIFT -> current + value;
      case SCALE -> current * value;
      case REMOVE -> current;
    };
  }

  boolean removes() {
    return op == Change.Op.REMOVE;
  }
}
