package org.negotiate.scenario;

/** An input path such as {@code turkey.withdrawl.position} that names nothing in the scenario. */
public class InputPathException extends Exception {

  private static final long serialVersionUID = 1L;

  public InputPathException(String message) {
    super(message, null, false, false);
  }
}
