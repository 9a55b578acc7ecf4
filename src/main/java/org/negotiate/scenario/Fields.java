package org.negotiate.scenario;

import java.util.List;

/** The names and valid ranges of the scenario inputs an {@link InputPath} can address. */
public final class Fields {

  private Fields() {}

  /** Actor fields addressable as {@code ACTOR.FIELD}. */
  public static final List<String> ACTOR_FIELDS =
      List.of("capability", "reservation", "flexibility", "cost_of_delay", "risk", "lean");

  /** Stance fields addressable as {@code ACTOR.ISSUE.FIELD}. */
  public static final List<String> STANCE_FIELDS =
      List.of("position", "salience", "flexibility", "cost_of_delay", "red_line.min", "red_line.max");

  /** Prefixes of the per-other-actor fields {@code ACTOR.ties.OTHER}, {@code ACTOR.pressure.OTHER}. */
  public static final List<String> RELATION_FIELDS = List.of("ties", "pressure");

  /** The valid range of an actor field ({@code ties.X} and {@code pressure.X} included). */
  public static Range actorRange(String field) {
    if (field.startsWith("ties.")) return Range.TIE;
    if (field.startsWith("pressure.")) return Range.PRESSURE;
    return switch (field) {
      case "capability" -> Range.CAPABILITY;
      case "reservation" -> Range.RESERVATION;
      case "flexibility" -> Range.FLEXIBILITY;
      case "cost_of_delay" -> Range.COST_OF_DELAY;
      case "risk" -> Range.RISK;
      case "lean" -> Range.UNIT;
      default -> throw new IllegalArgumentException("not an actor field: " + field);
    };
  }

  /** The valid range of a stance field. */
  public static Range stanceRange(String field) {
    return switch (field) {
      case "position", "red_line.min", "red_line.max" -> Range.POSITION;
      case "salience" -> Range.UNIT;
      case "flexibility" -> Range.FLEXIBILITY;
      case "cost_of_delay" -> Range.COST_OF_DELAY;
      default -> throw new IllegalArgumentException("not a stance field: " + field);
    };
  }

  /** The valid range of the input a path names. */
  public static Range rangeOf(InputPath path) {
    return path.issue() == null ? actorRange(path.field()) : stanceRange(path.field());
  }

  /** The valid range of an event's {@code shift} on a field: plus or minus the field's width. */
  public static Range shiftRange(InputPath path) {
    double w = rangeOf(path).width();
    return Range.closed(-w, w);
  }
}
