package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.negotiate.scenario.Quantities;
import org.negotiate.scenario.Range;

/** The split of a run's own draws by each input's thirds (issue 16 item 8). */
class InputThirdsTest {

  static UncertainInput input(String key) throws Exception {
    return new UncertainInput(
        "protocol." + key,
        UncertainInput.Kind.PROTOCOL,
        Quantities.parse("uniform(0, 1)", key, Range.UNIT),
        null,
        null,
        -1);
  }

  @Test
  void anInputThatDecidesTheDealHasTheWidestGapAndOneThatDoesNotNone() throws Exception {
    int n = 300;
    double[][] draws = new double[3][n];
    boolean[] deal = new boolean[n];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      draws[0][i] = random.nextDouble(); // unrelated to the deal
      draws[1][i] = i / (double) n; // a deal exactly when it is above one half
      draws[2][i] = 0.5; // one value: cannot be split
      deal[i] = draws[1][i] > 0.5;
    }
    InputThirds t =
        InputThirds.of(List.of(input("noise"), input("decides"), input("fixed")), draws, deal);
    assertEquals(n, t.runs());
    assertEquals(149, t.deals());
    InputThirds.Row top = t.rows().get(0);
    assertEquals("protocol.decides", top.input().key(), "the widest gap first");
    assertEquals(0, top.lowOdds());
    assertEquals(1, top.highOdds());
    assertEquals(1, top.gap().estimate(), 1e-12);
    assertEquals(100, top.lowRuns());
    assertEquals(101, top.highRuns(), "the 2/3 quantile and every draw above it");
    InputThirds.Row noise = t.rows().get(1);
    assertEquals("protocol.noise", noise.input().key());
    assertTrue(noise.gap().lower() < 0 && noise.gap().upper() > 0, "no gap: " + noise.gap());
    InputThirds.Row fixed = t.rows().get(2);
    assertFalse(fixed.split(), "a single value has no thirds");
    assertEquals(List.of(top, noise), t.splitRows());
  }

  @Test
  void tooFewRunsLeaveEveryInputUnsplit() throws Exception {
    InputThirds t =
        InputThirds.of(
            List.of(input("a")), new double[][] {{0.2, 0.7}}, new boolean[] {true, false});
    assertTrue(t.splitRows().isEmpty(), "two runs have no middle third");
    assertEquals(
        1,
        InputThirds.of(
                List.of(input("a")),
                new double[][] {{0.2, 0.5, 0.7}},
                new boolean[] {true, false, false})
            .splitRows()
            .size(),
        "three runs do");
    assertTrue(
        InputThirds.of(List.of(), new double[0][], new boolean[0]).rows().isEmpty(),
        "no input, no row");
  }

  @Test
  void theCountsAddUpTheIntervalsHoldTheOddsAndTheWidestGapComesFirst() throws Exception {
    List<UncertainInput> inputs = List.of(input("a"), input("b"), input("c"), input("d"));
    qt().withFixedSeed(20221204L)
        .withExamples(300)
        .forAll(integers().between(3, 400), integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            // Commons Math's Wilson bound at 0 deals can be 5e-17, not 0: hence the 1e-12
            (n, seed) -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[][] draws = new double[inputs.size()][n];
              boolean[] deal = new boolean[n];
              for (int i = 0; i < n; i++) {
                // coarse draws too, so ties and unsplit inputs occur
                for (int j = 0; j < inputs.size(); j++)
                  draws[j][i] = j % 2 == 0 ? r.nextDouble() : r.nextInt(1 + j);
                deal[i] = r.nextDouble() < draws[0][i];
              }
              InputThirds t = InputThirds.of(inputs, draws, deal);
              assertEquals(inputs.size(), t.rows().size());
              double last = Double.POSITIVE_INFINITY;
              for (InputThirds.Row row : t.splitRows()) {
                assertTrue(row.lowMax() < row.highMin(), "edges " + row);
                assertTrue(row.lowRuns() + row.highRuns() <= n, "sum " + row);
                assertTrue(row.lowRuns() >= n / 3 && row.highRuns() >= n / 3, "a third at least");
                assertTrue(
                    row.lowDeals() <= row.lowRuns() && row.highDeals() <= row.highRuns(), "deals");
                assertTrue(
                    row.low()[0] <= row.lowOdds() + 1e-12 && row.lowOdds() <= row.low()[1] + 1e-12,
                    "low " + row.lowOdds() + " " + java.util.Arrays.toString(row.low()));
                assertTrue(
                    row.high()[0] <= row.highOdds() + 1e-12
                        && row.highOdds() <= row.high()[1] + 1e-12,
                    "high " + row.highOdds() + " " + java.util.Arrays.toString(row.high()));
                assertEquals(row.highOdds() - row.lowOdds(), row.gap().estimate(), 1e-12);
                assertTrue(Math.abs(row.gap().estimate()) <= last + 1e-15, "widest first");
                last = Math.abs(row.gap().estimate());
              }
            });
  }
}
