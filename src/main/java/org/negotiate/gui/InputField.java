package org.negotiate.gui;

import java.util.Locale;

/** The inputs the GUI lets a user edit between rounds, with their {@code --set} names. */
public enum InputField {
  CAPABILITY("capability", false),
  RESERVATION("reservation", false),
  POSITION("position", true),
  SALIENCE("salience", true),
  RED_LINE_MIN("red_line.min", true),
  RED_LINE_MAX("red_line.max", true),
  FLEXIBILITY("flexibility", true),
  COST_OF_DELAY("cost_of_delay", true);

  /** The field as {@code --set} and scenario files name it. */
  public final String yamlName;
  /** Whether the field belongs to a stance (actor.issue.field) or to the actor (actor.field). */
  public final boolean stance;

  InputField(String yamlName, boolean stance) {
    this.yamlName = yamlName;
    this.stance = stance;
  }

  /** {@code turkey.capability} or {@code turkey.refugee_return.salience}. */
  public String path(String actor, String issue) {
    return stance ? actor + "." + issue + "." + yamlName : actor + "." + yamlName;
  }

  /** What the field means, for the inspector's tool tips. */
  public String meaning() {
    return switch (this) {
      case CAPABILITY -> "clout (only ratios between actors matter)";
      case RESERVATION -> "utility below which no deal beats a deal, in [0, 1)";
      case POSITION -> "ideal outcome on the issue's 0–100 scale (a red line widens to admit it)";
      case SALIENCE -> "share of the actor's attention; the actor's other saliences rescale so they still sum to 1";
      case RED_LINE_MIN -> "lowest outcome the actor could sign (0 = no lower red line); at most its position";
      case RED_LINE_MAX -> "highest outcome the actor could sign (100 = no upper red line); at least its position";
      case FLEXIBILITY -> "shapes the monthly concession: 1 - (1 - cost of delay)^flexibility (1 leaves it as it is)";
      case COST_OF_DELAY -> "share of the gap to its reservation the actor gives up per month of talks, in [0, 1)";
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
