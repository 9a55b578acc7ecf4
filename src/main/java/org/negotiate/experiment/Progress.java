package org.negotiate.experiment;

/**
 * Told how much of an experiment is done: replications, points or pieces, or as-of months, as the
 * method that takes it says. The one progress callback of every experiment; it may be called from
 * any thread, so what it updates must be thread-safe (a progress bar is).
 */
@FunctionalInterface
public interface Progress {
  void done(long count);

  /**
   * After each stage of a run conditioned on observations: of the {@code tried} replications so
   * far, {@code kept} reproduced them. {@link #done} counts tries, and the tries a conditioned run
   * needs are known only from its acceptance, so a progress bar can size itself from this.
   */
  default void kept(long kept, long tried) {}
}
