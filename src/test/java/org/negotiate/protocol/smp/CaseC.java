package org.negotiate.protocol.smp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.tables.ActorTable;
import org.negotiate.scenario.tables.KtabCsvReader;

/**
 * Case C of docs/models.md §5.3: KTAB's {@code dummyData_3Dim} (7 actors, 3 dimensions) with KTAB's
 * default options, and the numbers of KTAB's reference run {@code 20170530_ref-dummyData_3Dim.txt}
 * (lsyaseen/KTAB 3b5b063), typed in from the log.
 */
final class CaseC {
  private CaseC() {}

  static Path fixture() {
    try {
      return Path.of(CaseC.class.getResource("/models/smp/dummyData_3Dim.csv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ActorTable table() {
    try {
      return KtabCsvReader.read(fixture());
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** "Inferred risk attitudes" of iteration 1. */
  static final double[] R1 = {-0.500, -0.459, -0.499, -0.274, +1.000, -0.232, -0.430};

  /** The risk-neutral PCE probabilities R1 is inferred from (docs/models.md §5.3). */
  static final double[] PCE1 = {0.0018, 0.0209, 0.0021, 0.1078, 0.7054, 0.1276, 0.0345};

  /** "Fractional change compared to first step", iterations 1 to 10; the run stops at 10. */
  static final double[] TRACE = {
    0.9999, 0.7631, 0.1780, 0.0801, 0.0853, 0.0686, 0.0639, 0.1058, 0.0398, 0.0045
  };

  /** "History of actor positions over time" (%5.1f): [state][actor][dimension]. */
  static final double[][][] POSITIONS = {
    {
      {75.8, 6.4, 70.5},
      {82.7, 73.5, 64.0},
      {82.5, 90.9, 0.1},
      {62.5, 50.8, 62.3},
      {82.3, 45.8, 73.3},
      {84.5, 33.7, 88.1},
      {71.0, 33.5, 90.4}
    },
    {
      {79.5, 44.7, 72.0},
      {78.9, 56.3, 72.5},
      {82.5, 90.9, 0.1},
      {65.8, 50.8, 63.0},
      {79.5, 44.7, 72.0},
      {84.4, 34.1, 86.3},
      {75.6, 24.8, 72.0}
    },
    {
      {80.6, 34.2, 75.9},
      {76.0, 27.5, 72.0},
      {82.5, 90.9, 0.1},
      {66.7, 50.2, 63.5},
      {81.5, 35.8, 79.1},
      {80.6, 34.2, 75.9},
      {76.0, 27.5, 72.0}
    },
    {
      {80.6, 35.0, 76.1},
      {78.3, 30.5, 73.8},
      {82.5, 90.9, 0.1},
      {66.7, 50.2, 63.5},
      {78.3, 30.5, 73.8},
      {80.7, 34.3, 76.3},
      {77.4, 28.7, 73.0}
    },
    {
      {78.5, 30.5, 74.0},
      {79.0, 30.6, 74.2},
      {82.5, 90.9, 0.1},
      {66.7, 50.2, 63.5},
      {78.5, 30.5, 74.0},
      {80.6, 34.7, 76.1},
      {77.4, 28.7, 73.0}
    },
    {
      {78.5, 30.5, 74.0},
      {79.0, 30.6, 74.2},
      {82.5, 90.9, 0.1},
      {66.7, 50.2, 63.5},
      {78.5, 30.5, 74.0},
      {80.5, 34.6, 75.9},
      {80.5, 34.6, 75.9}
    },
    {
      {78.5, 31.2, 74.0},
      {79.1, 30.9, 74.3},
      {82.5, 90.9, 0.1},
      {67.1, 50.1, 63.7},
      {78.6, 30.6, 74.1},
      {80.5, 34.6, 75.9},
      {78.5, 31.2, 74.0}
    },
    {
      {78.5, 31.2, 74.0},
      {78.5, 31.2, 74.0},
      {82.5, 90.9, 0.1},
      {67.1, 50.1, 63.7},
      {80.5, 34.6, 75.9},
      {80.5, 34.6, 75.9},
      {78.5, 31.2, 74.0}
    },
    {
      {78.6, 31.5, 74.0},
      {79.9, 34.4, 75.2},
      {82.5, 90.9, 0.1},
      {67.1, 50.1, 63.7},
      {78.6, 31.6, 74.0},
      {79.9, 34.4, 75.2},
      {78.7, 31.3, 74.1}
    },
    {
      {78.6, 31.8, 74.1},
      {78.6, 31.8, 74.1},
      {82.5, 90.9, 0.1},
      {67.1, 50.1, 63.7},
      {78.6, 31.6, 74.1},
      {79.9, 34.4, 75.2},
      {78.7, 31.3, 74.1}
    },
    {
      {78.6, 31.8, 74.1},
      {78.6, 31.8, 74.1},
      {82.5, 90.9, 0.1},
      {67.1, 50.1, 63.7},
      {78.6, 31.6, 74.1},
      {79.9, 34.4, 75.2},
      {78.6, 31.6, 74.1}
    },
  };

  /** "History of actors' winning probabilities" (%.4f): [actor][state]. */
  static final double[][] WINNING = {
    {0.0047, 0.6059, 0.3618, 0.2234, 0.2420, 0.4040, 0.4031, 0.3546, 0.4593, 0.3962, 0.3340},
    {0.0302, 0.0509, 0.3087, 0.3684, 0.2457, 0.1811, 0.1290, 0.3546, 0.2960, 0.3962, 0.3340},
    {0.0054, 0.0096, 0.0256, 0.0158, 0.0096, 0.0339, 0.0072, 0.0571, 0.0194, 0.0074, 0.0183},
    {0.1492, 0.1406, 0.1887, 0.1674, 0.0823, 0.2564, 0.0533, 0.2768, 0.1131, 0.0507, 0.0957},
    {0.6001, 0.6059, 0.1152, 0.3684, 0.2420, 0.4040, 0.0446, 0.3115, 0.4593, 0.1730, 0.1512},
    {0.1447, 0.1217, 0.3618, 0.0649, 0.3687, 0.1246, 0.3628, 0.3115, 0.2960, 0.3530, 0.4009},
    {0.0656, 0.0713, 0.3087, 0.1602, 0.0517, 0.1246, 0.4031, 0.3546, 0.1123, 0.0198, 0.1512},
  };

  /**
   * Turn 1's challenges ("In turn 0 actor i has most advantageous target j", "Est by i of prob p
   * ... expected gain g", "i proposes i adopt", "i proposes j adopt"): {i, j, p, g, bargain for i
   * (3 values), bargain for j (3 values)}, per initiator 0..6.
   */
  static final double[][] CHALLENGES_1 = {
    {0, 6, 0.7643, 0.0947, 75.610, 24.780, 71.950, 75.610, 24.790, 71.950},
    {1, 0, 0.7964, 0.2810, 81.690, 73.160, 64.500, 81.690, 73.160, 64.500},
    {2, 6, 0.8334, 0.4711, 82.260, 82.560, 2.060, 82.260, 82.560, 2.060},
    {3, 0, 0.8056, 0.2839, 65.820, 50.760, 63.020, 65.820, 50.760, 63.020},
    {4, 0, 0.5836, 0.0116, 79.540, 44.720, 72.050, 79.540, 44.710, 72.050},
    {5, 1, 0.8510, 0.2986, 84.390, 34.050, 86.340, 84.390, 34.050, 86.340},
    {6, 1, 0.3970, 0.0286, 78.930, 56.330, 72.520, 78.930, 56.330, 72.520},
  };

  /** x printed as C's printf does it (the exact binary value, rounded half-even). */
  static double printf(double x, int decimals) {
    return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
  }

  static double[] printf(double[] x, int decimals) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) r[i] = printf(x[i], decimals);
    return r;
  }
}
