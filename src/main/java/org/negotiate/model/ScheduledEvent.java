package org.negotiate.model;

import java.util.List;

/**
 * An event of one replication: the round it fires in (already drawn for random events) and its
 * changes.
 */
public record ScheduledEvent(String id, String label, int round, List<InputChange> changes) {}
