package org.negotiate.scenario;

import java.util.List;

/** A scheduled or random shock that changes inputs mid-run (the earthquake, elections, riots). */
public record Event(
    String id,
    String label,
    Timing timing,
    List<Change> changes,
    List<String> evidence,
    String rationale)
    implements java.io.Serializable {}
