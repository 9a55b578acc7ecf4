package org.negotiate.scenario;

/** A number or distribution text that is malformed or outside its field's valid range. */
public class QuantityException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String field;

  public QuantityException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  /** The field the value was meant for (may be empty). */
  public String field() {
    return field;
  }
}
