package org.negotiate.experiment;

/**
 * A journal that cannot be taken up: a file whose checksum does not match (a flipped bit, a torn
 * copy), fewer records than it claims, or a journal written for another experiment. Refused as a
 * bad input (exit 2) rather than resumed into wrong numbers; the folder is left as it is.
 */
public final class JournalDamaged extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalDamaged(String message) {
    super(message);
  }
}
