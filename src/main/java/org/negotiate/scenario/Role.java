package org.negotiate.scenario;

import java.util.Locale;

/** What an actor does at the table. */
public enum Role {
  /** Must sign for a deal (Türkiye, Syria). */
  PARTY,
  /** Drafts and pushes texts (Russia, Iran). */
  MEDIATOR,
  /** Holds preferences and influence but does not sign (the opposition). */
  STAKEHOLDER,
  /**
   * A veto player: does not sign or concede, but no text outside its red lines can be agreed (its
   * red lines bind like a party's, and the mediators, who hear them stated, draft inside them).
   */
  VETO;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
