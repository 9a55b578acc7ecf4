package org.negotiate.cli;

/**
 * Input a person must fix (an option out of range, an unknown protocol): exit 2 with this message,
 * no stack trace.
 */
final class BadInput extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInput(String message) {
    super(message);
  }
}
