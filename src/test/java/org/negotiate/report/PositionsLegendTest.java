package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.negotiate.experiment.ConvergenceOdds;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.protocol.Protocols;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/**
 * Issue 16 item 9: under the mediated protocol a party's line on the positions chart is the least
 * it would take toward the text (docs/mediated.md step 7), so it moves when only the text moved (in
 * the baseline, Türkiye's withdrawal line leaves its ideal in August 2024, when Syria drops its
 * withdrawal precondition and texts become possible). The chart says so: the series it is given
 * name that quantity, and its subtitle says what moves it.
 */
class PositionsLegendTest {

  /** Series name → the (x, median) points of the first panel (the first issue). */
  static Map<String, List<double[]>> firstPanel(JFreeChart chart) {
    XYPlot panel = (XYPlot) ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(0);
    XYDataset data = panel.getDataset();
    Map<String, List<double[]>> out = new LinkedHashMap<>();
    for (int s = 0; s < data.getSeriesCount(); s++) {
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < data.getItemCount(s); i++)
        points.add(new double[] {data.getXValue(s, i), data.getYValue(s, i)});
      out.put(data.getSeriesKey(s).toString(), points);
    }
    return out;
  }

  static List<String> subtitles(JFreeChart chart) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < chart.getSubtitleCount(); i++)
      if (chart.getSubtitle(i) instanceof TextTitle t) out.add(t.getText());
    return out;
  }

  @Test
  void theBaselinesPartyLinesSayTheyAreTheLeastEachWouldTakeTowardTheText() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
    ConvergenceOdds odds =
        MonteCarlo.run(
                s,
                Protocols.named(s.protocol().name()),
                new MonteCarlo.Options(100, 24, 20221201L, 1),
                null)
            .odds();
    JFreeChart chart = OddsCharts.positionsChart(odds, ActorPalette.of(odds), true);
    Map<String, List<double[]>> withdrawal = firstPanel(chart);
    assertEquals(
        List.of(
            "Türkiye: least it would take toward the text",
            "Syria (Assad government): least it would take toward the text",
            "Russia: its ideal",
            "Iran: its ideal",
            "Syrian opposition (SNC, SNC-Commission, Interim Government): its ideal",
            "Mediators' draft text"),
        List.copyOf(withdrawal.keySet()));
    // the line the legend explains does move: Türkiye's withdrawal median is not its first value
    List<double[]> turkey = withdrawal.get("Türkiye: least it would take toward the text");
    double spread =
        turkey.stream().mapToDouble(p -> p[1]).max().orElseThrow()
            - turkey.stream().mapToDouble(p -> p[1]).min().orElseThrow();
    assertTrue(spread > 10, "Türkiye's line moves by " + spread);
    assertTrue(
        subtitles(chart).contains(OddsCharts.PARTY_LINE_NOTE),
        "what moves a party's line: " + subtitles(chart));
    assertTrue(OddsCharts.PARTY_LINE_NOTE.contains("also when the text moves"));
    assertTrue(OddsCharts.PARTY_LINE_NOTE.contains("with no text it stands at its ideal"));
  }

  @Test
  void withoutATextTheLinesAreTheActorsOwnAndKeepTheirNames() {
    ConvergenceOdds typical = SyntheticOdds.typical(12);
    List<ConvergenceOdds.PositionBand> noText =
        typical.positions().stream()
            .filter(b -> !OddsCharts.TEXT_ACTOR_ID.equals(b.actorId()))
            .toList();
    ConvergenceOdds odds =
        new ConvergenceOdds(
            typical.scenario(),
            typical.replications(),
            typical.seed(),
            typical.byMonth(),
            typical.terms(),
            typical.blockers(),
            noText);
    JFreeChart chart = OddsCharts.positionsChart(odds, ActorPalette.of(odds), true);
    for (String key : firstPanel(chart).keySet())
      assertTrue(!key.contains(":"), "an actor's own position, its plain name: " + key);
    assertTrue(!subtitles(chart).contains(OddsCharts.PARTY_LINE_NOTE));
  }
}
