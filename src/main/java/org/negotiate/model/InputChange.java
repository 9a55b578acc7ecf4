package org.negotiate.model;

import org.negotiate.scenario.Change;

/**
 * One event change resolved to indices and a drawn value, ready to apply to {@link Inputs}.
 *
 * @param actor actor index
 * @param issue issue index for stance fields, -1 otherwise
 * @param other the other actor's index for ties and pressure, -1 otherwise
 */
public record InputChange(Field field, int actor, int issue, int other, Change.Op op, double value) {

  public enum Field {
    POSITION, SALIENCE, RED_LINE_MIN, RED_LINE_MAX, STANCE_FLEXIBILITY,
    FLEXIBILITY, STANCE_COST_OF_DELAY, COST_OF_DELAY, CAPABILITY, RESERVATION, RISK, LEAN, TIES, PRESSURE
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
