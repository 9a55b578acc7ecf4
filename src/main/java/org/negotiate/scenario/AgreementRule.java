package org.negotiate.scenario;

/**
 * When a negotiation counts as agreed.
 *
 * @param rule {@code unanimity}: every party accepts the same text in the same round
 * @param tolerance for protocols with no accept step: every party's position within this distance
 *     (0–100 scale) of every other party's on every issue
 */
public record AgreementRule(String rule, double tolerance) implements java.io.Serializable {}
