package org.negotiate.protocol;

/**
 * What a protocol does, for callers that would otherwise ask for it by name: the run log, the GUI,
 * the brief, {@code compare}'s model table and the structural band read these, never the name.
 */
public enum Capability {
  /**
   * The mediators draft one text a round ({@link Protocol.Session#text()}); a run's forecast is its
   * last text.
   */
  DRAFTS_TEXT,
  /**
   * Parties accept or refuse each text ({@link Verdict.Kind#ACCEPTS}, {@link
   * Verdict.Kind#REFUSES}), against an aspiration; without it a deal is the parties' positions
   * meeting within the tolerance.
   */
  ACCEPT_STEP,
  /**
   * A model of the talks in its own right: {@code compare}'s model table and the odds' structural
   * band run it beside the scenario's own protocol. A protocol still being built leaves it out.
   */
  COMPARED,
  /**
   * Its results may depend on the order of the actors, by design: it replicates a table model whose
   * published numbers depend on the row order (KTAB's SMP breaks exact ties between bargains and
   * draws its stochastic transitions by row). The canonical actor order still makes every run
   * reproducible; the contract test skips order independence for it.
   */
  ORDER_DEPENDENT
}
