/**
 * Game-theoretic analysis of a negotiation's outcome space, as Genius and NegMAS offer it: the
 * Pareto frontier, the Nash, Kalai–Smorodinsky and utilitarian points, and how far any package (an
 * agreement, the last text, the status quo) lies from them. Pure: no MASON, no I/O.
 *
 * <h2>Definitions</h2>
 *
 * <ul>
 *   <li><b>Packages</b>: z with one term per issue inside every party's red lines, the box {@code
 *       NashDraft.zone(in, parties)}. No box: nothing is defined (empty results). {@code
 *       OutcomeSpace.unconstrained} ignores red lines (every package in [0, 100] per issue).
 *   <li><b>Utilities</b>: the parties' judged utilities {@code U_i(z) = Utility.judged(in, i, z)}
 *       (own utility mixed with tied actors'); <b>disagreement point</b> r: the reservation
 *       utilities {@code in.reservation(i)}. A package is <b>individually rational</b> when {@code
 *       U_i(z) >= r_i} for every party (within 1e-9); the <b>bargaining set</b> is the rational
 *       packages.
 *   <li><b>Pareto frontier</b>: the packages of the zone no other zone package beats for one party
 *       without hurting another (rational or not). Sampled: exact maximisers of weighted sums of
 *       the utilities (the utilities are sums over issues, so each issue is solved exactly on its
 *       own) and, for two parties, extra points found along rays into the gaps, which also reach
 *       the parts of a non-convex frontier no weighted sum reaches.
 *   <li><b>Nash point</b> ({@code nash()}): maximises {@code sum_i c_i log(U_i - r_i)}, c the
 *       capabilities: the asymmetric Nash solution, identical to the mediated single text's draft
 *       without mediators ({@code NashDraft.draft(in, parties, new int[0])}) unless a multi-start
 *       search finds a larger product (only possible when utilities are not concave, risk &lt; 0).
 *       <b>Symmetric Nash</b> ({@code symmetricNash()}): all {@code c_i = 1}, i.e. maximises {@code
 *       prod_i (U_i - r_i)}.
 *   <li><b>Ideal point</b>: {@code U_i^max = max U_i(z)} over the bargaining set (each party's best
 *       package that still gives every party its reservation).
 *   <li><b>Kalai–Smorodinsky point</b>: the zone package maximising {@code lambda} subject to
 *       {@code U_i(z) - r_i >= lambda (U_i^max - r_i)} for every party; for two parties, where the
 *       segment from r to the ideal point meets the frontier.
 *   <li><b>Egalitarian point</b>: maximises {@code min_i (U_i - r_i)}; the bargaining set is empty
 *       exactly when this is negative.
 *   <li><b>Maximum joint utility</b>: maximises {@code sum_i U_i} over the zone (rational or not);
 *       the weighted variant maximises {@code sum_i c_i U_i}. Solved exactly.
 *   <li><b>Distance to the frontier</b> of a package z: the largest t such that some zone package
 *       gives every party at least {@code U_i(z) + t}: the gain all parties could still make
 *       together. 0 on the frontier.
 *   <li><b>Distance to the Nash (or KS) point</b>: Euclidean, in utility space, and over the terms
 *       (0–100 scale per issue).
 * </ul>
 *
 * <p>Non-smooth and, with risk &lt; 0, non-concave problems (Nash, ideal point, KS, distance to the
 * frontier, two-party gap points) are solved by deterministic multi-start search: Nelder–Mead
 * (Brent with one free issue) from the weighted-sum frontier points, the zone's centre and the
 * parties' ideals, the minimum over parties smoothed first. Results are the best packages found.
 * Where every actor involved has risk &gt;= 0 the utilities are concave, every local optimum is
 * global and the answers are accurate to about 1e-7 in utility; with risk &lt; 0 they are the best
 * of several local optima, checked in the tests against random packages.
 */
package org.negotiate.protocol.analysis;
