package org.negotiate.scenario;

import java.util.Locale;

/** What an actor does at the table. */
public enum Role {
  /** Must sign for a deal (Türkiye, Syria). */
  PARTY,
  /** Drafts and pushes texts (Russia, Iran). */
  MEDIATOR,
  /** Holds preferences and influence but does not sign (the opposition). */
  STAKEHOLDER;

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
