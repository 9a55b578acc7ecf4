package org.negotiate.model;

import org.negotiate.scenario.Change;
import org.negotiate.scenario.Fields;

/**
 * One event change (or GUI edit) resolved to indices and a drawn value, ready to apply to {@link
 * Inputs}.
 *
 * @param row the field's row in {@link Fields}, whose clamp the change keeps
 * @param actor actor index
 * @param issue issue index for stance fields, -1 otherwise
 * @param other the other actor's index for ties and pressure, -1 otherwise
 */
public record InputChange(
    Fields.Field row, int actor, int issue, int other, Change.Op op, double value) {

  /** A change of one of the fields the model names. */
  public InputChange(Field field, int actor, int issue, int other, Change.Op op, double value) {
    this(field.row(), actor, issue, other, op, value);
  }

  /** Where the change lands in {@link Inputs}. */
  public Field field() {
    return Field.of(row);
  }

  /**
   * Where a change lands in {@link Inputs}: one constant per row of {@link Fields} the records
   * name, and {@link #ADDED} for every row added to the table, kept by its name.
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
    PRESSURE(Fields.PRESSURE),
    /** A field added with {@link Fields#register}: its value lives in the named vector. */
    ADDED(null);

    private static final Field[] ALL = values();

    private final Fields.Field row;

    Field(Fields.Field row) {
      this.row = row;
    }

    /** The field's row in the scenario's table. */
    public Fields.Field row() {
      if (row == null) throw new IllegalStateException("an added field is named by its own row");
      return row;
    }

    /** The model's place for a row of the table. */
    public static Field of(Fields.Field row) {
      if (row.added()) return ADDED;
      for (Field f : ALL) if (f.row == row) return f;
      throw new IllegalArgumentException("the model has no place for the field " + row.name());
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
