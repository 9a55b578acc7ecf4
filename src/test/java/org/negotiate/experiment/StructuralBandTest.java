package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiate.protocol.MediatedSingleText;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/**
 * The band across the baseline's structural alternatives: protocols, readings, protocol parameters.
 */
class StructuralBandTest {
  private static final Path BASELINE = Path.of("scenarios/baseline.yaml");
  private static final Path PROCEDURAL = Path.of("scenarios/readings/aug2024_procedural.yaml");

  @Test
  void everyAlternativeRunsOnTheSameDrawsAndTheBandSpansThem() throws Exception {
    Scenario s = ScenarioLoader.load(BASELINE);
    List<StructuralBand.Alternative> alts = StructuralBand.standard(s, List.of(PROCEDURAL));
    assertEquals(
        List.of(
            "baseline",
            "reading aug2024_procedural",
            "protocol.revision=0.5",
            "protocol.revision=2",
            "protocol eum",
            "protocol smp"),
        alts.stream().map(StructuralBand.Alternative::name).toList());
    MonteCarlo.Options o = new MonteCarlo.Options(120, 24, 20221201L, 2);
    StructuralBand.Result r = StructuralBand.run(alts, o);
    assertEquals(6, r.rows().size());
    for (StructuralBand.Row row : r.rows()) {
      assertTrue(r.min() <= row.odds() && row.odds() <= r.max(), row.toString());
      assertTrue(row.lower() <= row.odds() && row.odds() <= row.upper(), row.toString());
    }
    // the first row is exactly the scenario's own Monte Carlo
    ConvergenceOdds own = MonteCarlo.run(s, new MediatedSingleText(), o, null).odds();
    assertEquals(own.byMonth().get(23).agreed(), r.rows().get(0).agreed());
    // the positional protocols hardly ever meet inside both red lines and above both reservations
    // here,
    // so the band is wider than any one Monte Carlo interval
    assertTrue(r.max() - r.min() > r.rows().get(0).upper() - r.rows().get(0).lower(), r.toString());
  }

  /**
   * The first row read off a longer run of the scenario as it stands (as odds does with its main
   * run) equals the row the band runs itself.
   */
  @Test
  void theFirstRowReadOffTheMainRunIsTheRowTheBandRuns() throws Exception {
    Scenario s = ScenarioLoader.load(BASELINE);
    List<StructuralBand.Alternative> alts = StructuralBand.standard(s, List.of()).subList(0, 1);
    MonteCarlo.Options o = new MonteCarlo.Options(150, 24, 20221201L, 2);
    MonteCarlo.Result main =
        MonteCarlo.run(
            s, new MediatedSingleText(), new MonteCarlo.Options(400, 24, 20221201L, 2), null);
    assertEquals(StructuralBand.run(alts, o).rows(), StructuralBand.run(alts, o, main).rows());
  }
}
