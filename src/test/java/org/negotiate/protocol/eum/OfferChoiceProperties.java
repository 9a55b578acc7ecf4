package org.negotiate.protocol.eum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.negotiate.protocol.eum.ExpectedUtilityModel.Move;
import org.negotiate.protocol.eum.ExpectedUtilityModel.MoveKind;
import org.negotiate.protocol.eum.ExpectedUtilityModel.Offer;

/**
 * The offer each actor takes in a round, found by the model's fast path (offers classified once per
 * sender position, kept as they come, an actor like the one before it taking that one's offer), is
 * the offer rule applied to the whole list of offers it received, rebuilt pair by pair by {@link
 * ExpectedUtilityModel#offers(int)}: on tables where many actors share a position and some are
 * twins (the same position, capability and salience).
 */
class OfferChoiceProperties {
  private static final EumOptions[] OPTIONS = {
    EumOptions.scholz(),
    EumOptions.scholz().withCapitulation(true),
    EumOptions.scholz().withQ(0.6).withT(0.3),
    EumOptions.scholz().withOfferRule(EumOptions.OfferRule.SMALLEST_MOVE),
  };

  @Test
  void eachActorTakesTheRulesPickFromAllItsOffers() {
    qt().withFixedSeed(170503L)
        .withExamples(300)
        .forAll(longs().all(), integers().between(2, 12), integers().between(0, OPTIONS.length - 1))
        .checkAssert(
            (seed, n, o) -> {
              Random rnd = new Random(seed);
              double[] x = new double[n];
              double[] c = new double[n];
              double[] s = new double[n];
              for (int i = 0; i < n; i++) {
                if (i > 0 && rnd.nextInt(3) == 0) { // a twin of the actor before
                  x[i] = x[i - 1];
                  c[i] = c[i - 1];
                  s[i] = s[i - 1];
                } else {
                  x[i] = rnd.nextInt(5) * 2.5;
                  c[i] = 0.01 + rnd.nextDouble();
                  s[i] = 0.05 + 0.95 * rnd.nextDouble();
                }
              }
              EumOptions options = OPTIONS[o];
              ExpectedUtilityModel m = new ExpectedUtilityModel(null, x, c, s, options);
              for (int round = 1; round <= 8 && m.stop() == null; round++) {
                double[] before = m.positions();
                int[] rank = new int[n];
                int[] order = CanonicalOrder.of(before, c, s);
                for (int k = 0; k < n; k++) rank[order[k]] = k;
                m.step();
                for (int i = 0; i < n; i++) {
                  Offer expected = pick(m.offers(i), options.offerRule(), before, rank);
                  Move move = m.move(i);
                  assertEquals(
                      expected, move == null ? null : move.offer(), "round " + round + ", " + i);
                }
              }
            });
  }

  /** The offer rule read off docs/models.md §1.7, on the list of all offers. */
  private static Offer pick(List<Offer> offers, EumOptions.OfferRule rule, double[] x, int[] rank) {
    Comparator<Offer> byPosThenRank =
        Comparator.<Offer>comparingDouble(Offer::position).thenComparingInt(f -> rank[f.sender()]);
    Comparator<Offer> byMove =
        Comparator.<Offer>comparingDouble(f -> Math.abs(x[f.receiver()] - f.position()))
            .thenComparing(byPosThenRank);
    if (rule == EumOptions.OfferRule.SMALLEST_MOVE) {
      return offers.stream().min(byMove).orElse(null);
    }
    Offer confrontation =
        offers.stream().filter(f -> f.kind() == MoveKind.CONFRONTATION).min(byMove).orElse(null);
    if (confrontation != null) return confrontation;
    Comparator<Offer> byPoint =
        Comparator.<Offer>comparingDouble(
                f -> {
                  double a = Math.abs(f.euReceiver());
                  double b = Math.abs(f.euSender());
                  return (a * x[f.receiver()] + b * x[f.sender()]) / (a + b);
                })
            .thenComparing(byPosThenRank);
    Offer compromise =
        offers.stream().filter(f -> f.kind() == MoveKind.COMPROMISE).min(byPoint).orElse(null);
    if (compromise != null) return compromise;
    return offers.stream().filter(f -> f.kind() == MoveKind.CAPITULATION).min(byMove).orElse(null);
  }
}
