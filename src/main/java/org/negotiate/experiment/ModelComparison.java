package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Capability;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.Protocols;
import org.negotiate.protocol.ReferencePoints;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.sim.Replication;
import org.negotiate.sim.RunOutcome;

/**
 * Where the models put the outcome of one scenario, issue by issue, over the same draws of its
 * uncertain inputs: the compromise and Nash reference points, and the forecast of every protocol. A
 * protocol's forecast is, for the mediated protocol, the agreed terms (or the last text on the
 * table when there is no deal); for the expected utility and spatial models, the capability ×
 * salience weighted mean of every actor's final position, as those models forecast.
 */
public final class ModelComparison {
  private ModelComparison() {}

  /**
   * One method's forecast on one issue over the draws.
   *
   * @param method {@code compromise}, {@code nash} or a protocol name
   * @param agreed share of draws that ended in a deal (NaN for reference points)
   * @param missing draws with no forecast (no zone for Nash; no text ever for the mediated
   *     protocol)
   */
  public record Forecast(
      String issueId,
      String label,
      String method,
      double p10,
      double median,
      double p90,
      double agreed,
      int draws,
      int missing) {}

  public static List<Forecast> compare(Scenario scenario, int rounds, long seed, int draws)
      throws ScenarioException {
    List<String> methods = new ArrayList<>(List.of("compromise", "nash"));
    methods.addAll(Protocols.with(Capability.COMPARED));
    int issues = scenario.issues().size();
    List<Forecast> out = new ArrayList<>();
    double[][][] values = new double[methods.size()][issues][draws];
    int[] counts = new int[methods.size()];
    int[] agreed = new int[methods.size()];
    for (int m = 0; m < methods.size(); m++) {
      String method = methods.get(m);
      Scenario s =
          m < 2 ? scenario : ScenarioLoader.override(scenario, List.of("protocol.name=" + method));
      Protocol protocol = m < 2 ? null : Protocols.byName(method).orElseThrow();
      // the seed-independent part once per method, not once per draw
      SetupSampler.Plan plan = SetupSampler.plan(s);
      for (int i = 0; i < draws; i++) {
        NegotiationSetup setup = plan.draw(rounds, false, Streams.replicationSeed(seed, i));
        double[] z;
        if (m == 0) z = ReferencePoints.compromise(setup.initial());
        else if (m == 1) z = ReferencePoints.nash(setup.initial(), setup.indicesOf(Role.PARTY));
        else {
          RunOutcome r = Replication.run(setup, protocol, true);
          if (r.agreed()) agreed[m]++;
          z = forecast(setup, protocol, r);
        }
        if (z == null) continue;
        for (int k = 0; k < issues; k++) values[m][k][counts[m]] = z[k];
        counts[m]++;
      }
    }
    for (int k = 0; k < issues; k++) {
      for (int m = 0; m < methods.size(); m++) {
        double[] v = Arrays.copyOf(values[m][k], counts[m]);
        Arrays.sort(v);
        out.add(
            new Forecast(
                scenario.issues().get(k).id(),
                scenario.issues().get(k).label(),
                methods.get(m),
                Quantiles.nearestRank(v, 0.1),
                Quantiles.nearestRank(v, 0.5),
                Quantiles.nearestRank(v, 0.9),
                m < 2 ? Double.NaN : (double) agreed[m] / draws,
                draws,
                draws - counts[m]));
      }
    }
    return out;
  }

  private static double[] forecast(NegotiationSetup setup, Protocol protocol, RunOutcome r) {
    if (r.terms() != null) return r.terms();
    float[][] last = r.trajectory()[r.round()];
    int n = setup.actors();
    if (protocol.has(Capability.DRAFTS_TEXT)) { // its forecast is the last text
      if (Float.isNaN(last[n][0])) return null;
      double[] text = new double[setup.issues()];
      for (int k = 0; k < text.length; k++) text[k] = last[n][k];
      return text;
    }
    double[][] positions = new double[n][setup.issues()];
    for (int a = 0; a < n; a++)
      for (int k = 0; k < setup.issues(); k++) positions[a][k] = last[a][k];
    return ReferencePoints.weightedMean(setup.initial(), positions);
  }
}
