package org.negotiate.experiment;

/**
 * The engine itself failed (a cluster lost its master, a task kept dying): not a bad input and not
 * a defect of the tool, so it is reported as what it is.
 */
public final class EngineFailure extends RuntimeException {
  public EngineFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
