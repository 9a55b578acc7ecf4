package org.negotiate.protocol.toy;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.protocol.PositionAgreement;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.ProtocolDescriptor;
import org.negotiate.protocol.RoundClose;
import org.negotiate.protocol.Verdict;
import org.negotiate.scenario.ProtocolParameters.Param;
import org.negotiate.scenario.Range;
import org.negotiate.scenario.Role;

/**
 * A toy protocol that lives only in the tests, to show what adding one takes: this class and one
 * line in {@code src/test/resources/META-INF/services/org.negotiate.scenario.ProtocolSchema}. Each
 * round every actor moves a share {@code step} of the way to the capability × salience weighted
 * mean of all positions; a deal when the parties are within the tolerance. It claims no capability
 * (no text, no accept step, not compared with the models of the case).
 */
public final class MeetHalfway implements Protocol {
  public static final ProtocolDescriptor DESCRIPTOR =
      new ProtocolDescriptor(
          "toy_halfway",
          "Meet halfway (a test's toy)",
          List.of(
              new Param(
                  "step",
                  Range.closed(0, 1),
                  0.5,
                  "share of the way to the weighted mean an actor moves each round")),
          EnumSet.noneOf(org.negotiate.protocol.Capability.class),
          List.of("The toy protocol of the tests."),
          false,
          Set.of());

  @Override
  public ProtocolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Session open(NegotiationSetup setup, Inputs in, PerceptionNoise noise) {
    double step = DESCRIPTOR.read(setup).get("step");
    int[] parties = setup.indicesOf(Role.PARTY);
    double[][] x = new double[in.actors][];
    for (int i = 0; i < in.actors; i++) x[i] = in.positions(i);
    return new Session() {
      @Override
      public void inputsChanged() {}

      @Override
      public void propose(int round) {
        for (int k = 0; k < in.issues; k++) {
          double w = 0;
          double sum = 0;
          for (int i = 0; i < in.actors; i++) {
            w += in.capability(i) * in.salience(i, k);
            sum += in.capability(i) * in.salience(i, k) * x[i][k];
          }
          double mean = w > 0 ? sum / w : x[0][k];
          for (int i = 0; i < in.actors; i++) x[i][k] += step * (mean - x[i][k]);
        }
      }

      @Override
      public void respond(int party, int round) {}

      @Override
      public void concede(int actor, int round) {}

      @Override
      public RoundClose close(int round) {
        return PositionAgreement.close(
            in, x, parties, setup.tolerance(), round, setup.rounds(), false);
      }

      @Override
      public double[][] positions() {
        return x;
      }

      @Override
      public double[] text() {
        return null;
      }

      @Override
      public Verdict verdict(int party) {
        return Verdict.moves(String.format(Locale.ROOT, "moves to %.2f", x[party][0]));
      }
    };
  }
}
