/**
 * {@code negotiate gui [SCENARIO] [--set PATH=VALUE ...] [--seed S] [--replication I] [--rounds R]
 * [--nominal]}: a desktop GUI on MASON's {@code Console}.
 *
 * <ul>
 *   <li>{@link org.negotiate.gui.NegotiationGui} is the {@code GUIState}: each start runs
 *       replication I of the Console's seed S (as {@code negotiate run --seed S --replication I})
 *       with the edits made so far. Its model inspector (the Console's Model tab) has one tab per
 *       actor listing the actor's capability, reservation and every stance field (position,
 *       salience, red lines, flexibility) as properties named by their {@code --set} paths, with
 *       sliders over their valid ranges ({@link org.negotiate.gui.InputProperties}).
 *   <li>An edit changes the running replication's {@code Inputs} from the next round (clamped as
 *       {@link org.negotiate.gui.InputEditor} says; a salience rescales the actor's others) and is
 *       remembered by {@link org.negotiate.gui.WhatIf}, which replays it on new runs, turns the
 *       edits into {@code --set} overrides for a Monte Carlo with the current settings, and saves
 *       them as a delta scenario ({@code extends:} the scenario file, only the changed values) that
 *       is loaded back before it is kept.
 *   <li>Live JFreeChart 1.5 windows, registered with the Console (its Displays tab lists them):
 *       positions per issue by round, each party's utility of the text against its aspiration with
 *       accept/refuse marks, the what-if window and the Monte Carlo odds (curve and 95% Wilson
 *       band, beside the unedited scenario's over the same draws).
 *   <li>A hidden {@code --script} option drives the GUI for tests ({@link
 *       org.negotiate.gui.GuiScript}) and writes screenshots to {@code results/gui/<run-id>/}.
 * </ul>
 */
package org.negotiate.gui;
