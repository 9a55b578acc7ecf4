package org.negotiate.gui;

import java.time.YearMonth;
import java.util.List;
import org.negotiate.protocol.RoundClose;
import org.negotiate.protocol.Verdict;

/**
 * What one round left, captured on the model thread for the charts (which draw on the Swing
 * thread). Arrays are indexed in the scenario's actor order.
 *
 * @param positions [actor][issue] reported position (a party stands on the terms once a deal is
 *     signed)
 * @param text the text on the table (the terms once agreed), or null when there is none
 * @param utility each party's judged utility of the text (NaN for non-parties or without a text)
 * @param aspiration each party's aspiration this round (NaN where the protocol has none)
 * @param accepted each party's verdict: TRUE accepts, FALSE refuses, null no verdict / not a party
 * @param verdicts each party's verdict, typed ({@link Verdict#NONE} for non-parties)
 * @param events labels of the events that fired this round
 * @param blocker id of the blocking party when the run ended without a deal, else null
 */
record RoundRecord(
    int round,
    YearMonth month,
    double[][] positions,
    double[] text,
    double[] utility,
    double[] aspiration,
    Boolean[] accepted,
    Verdict[] verdicts,
    List<String> events,
    RoundClose.Ending ending,
    String blocker) {}
