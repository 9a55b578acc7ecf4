package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.ReferencePoints;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;

/**
 * The compromise and Nash reference points of a scenario at its start (before any event): at the
 * nominal inputs and their spread over the draws of the first replications of the experiment.
 *
 * @param point {@code compromise} or {@code nash}
 * @param withoutZone draws in which the parties' red lines left no Nash point
 */
public record ReferenceSummary(
    String issueId,
    String label,
    String point,
    double nominal,
    double p10,
    double p50,
    double p90,
    int draws,
    int withoutZone) {

  /** At most this many draws: enough for the 10–90% spread, and cheap beside the experiment. */
  static final int MAX_DRAWS = 1000;

  public static List<ReferenceSummary> of(Scenario s, int rounds, long seed, int replications) {
    int n = Math.min(replications, MAX_DRAWS);
    int issues = s.issues().size();
    double[][] compromise = new double[issues][n];
    double[][] nash = new double[issues][n];
    int nashDraws = 0;
    SetupSampler.Plan plan = SetupSampler.plan(s);
    for (int i = 0; i < n; i++) {
      NegotiationSetup setup = plan.draw(rounds, false, Streams.replicationSeed(seed, i));
      double[] c = ReferencePoints.compromise(setup.initial());
      double[] z = ReferencePoints.nash(setup.initial(), setup.indicesOf(Role.PARTY));
      for (int k = 0; k < issues; k++) compromise[k][i] = c[k];
      if (z != null) {
        for (int k = 0; k < issues; k++) nash[k][nashDraws] = z[k];
        nashDraws++;
      }
    }
    NegotiationSetup nominal = SetupSampler.nominal(s, rounds);
    double[] c0 = ReferencePoints.compromise(nominal.initial());
    double[] z0 = ReferencePoints.nash(nominal.initial(), nominal.indicesOf(Role.PARTY));
    List<ReferenceSummary> out = new ArrayList<>();
    for (int k = 0; k < issues; k++) {
      String id = s.issues().get(k).id();
      String label = s.issues().get(k).label();
      out.add(summary(id, label, "compromise", c0[k], compromise[k], n, 0));
      out.add(
          summary(
              id,
              label,
              "nash",
              z0 == null ? Double.NaN : z0[k],
              Arrays.copyOf(nash[k], nashDraws),
              n,
              n - nashDraws));
    }
    return out;
  }

  private static ReferenceSummary summary(
      String id,
      String label,
      String point,
      double nominal,
      double[] values,
      int draws,
      int withoutZone) {
    double[] v = values.clone();
    Arrays.sort(v);
    return new ReferenceSummary(
        id,
        label,
        point,
        nominal,
        Quantiles.nearestRank(v, 0.1),
        Quantiles.nearestRank(v, 0.5),
        Quantiles.nearestRank(v, 0.9),
        draws,
        withoutZone);
  }
}
