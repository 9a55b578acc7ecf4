package org.negotiate.scenario;

/**
 * One dimension of the negotiation on a 0–100 scale.
 *
 * @param low what 0 means on this issue
 * @param high what 100 means
 * @param statusQuo where things stand without a deal, or null when the scenario gives none
 */
public record Issue(String id, String label, String low, String high, Quantity statusQuo)
    implements java.io.Serializable {}
