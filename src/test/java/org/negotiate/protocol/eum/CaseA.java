package org.negotiate.protocol.eum;

/**
 * Case A of {@code docs/models.md} §5.1: the EU car-emission standard (BDM 1994; Scholz, Calbert
 * &amp; Smith 2011, Table 1), with the published round-by-round output of jmckib's replication.
 */
final class CaseA {
  private CaseA() {}

  static final String[] NAMES = {
    "Netherlands",
    "Belgium",
    "Luxembourg",
    "Germany",
    "France",
    "Italy",
    "UK",
    "Ireland",
    "Denmark",
    "Greece"
  };
  static final double[] CAPABILITY = {0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08};
  static final double[] POSITION = {4, 7, 4, 4, 10, 10, 10, 7, 4, 7};
  static final double[] SALIENCE = {0.80, 0.40, 0.20, 0.80, 0.60, 0.60, 0.90, 0.10, 1.00, 0.70};

  static final int NL = 0;
  static final int BE = 1;
  static final int LU = 2;
  static final int DE = 3;
  static final int FR = 4;
  static final int IT = 5;
  static final int UK = 6;
  static final int IE = 7;
  static final int DK = 8;
  static final int GR = 9;

  /** Round-1 risk exponents, jmckib/Scholz convention. */
  static final double[] ROUND1_R = {
    1.4057, 0.7542, 0.5089, 1.4057, 1.0465, 1.0465, 1.9649, 0.5000, 2.0000, 1.1121
  };

  /** Weighted mean after rounds 0 (initial) to 10. */
  static final double[] MEAN = {
    7.3900, 7.4613, 7.5525, 7.5901, 7.3581, 7.3492, 7.4149, 7.5105, 7.5724, 7.3250, 7.2421
  };

  /**
   * Scholz's "Original" mean per round read off dmasad's Figures/MeanPositions.png (about ±0.05).
   */
  static final double[] ORIGINAL_PLOT = {7.4, 7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6, 7.3, 7.2};

  /** Positions after rounds 0 to 10, in the order of {@link #NAMES}. */
  static final double[][] POSITIONS = {
    {4, 7, 4, 4, 10, 10, 10, 7, 4, 7},
    {4, 8.4159, 7, 4, 10, 10, 10, 4, 4, 7},
    {4, 9.6109, 8.4159, 4, 10, 10, 10, 7, 4, 7},
    {4, 9.9620, 9.6109, 4, 10, 10, 10, 8.4159, 4, 7},
    {4, 4.8009, 9.9620, 4, 10, 10, 10, 9.6109, 4, 7},
    {4, 5.5242, 4.8009, 4, 10, 10, 10, 9.9620, 4, 7},
    {4, 7.4720, 5.5242, 4, 10, 10, 10, 5.5242, 4, 7},
    {4, 8.8246, 7.4720, 4, 10, 10, 10, 7.4720, 4, 7},
    {4, 9.6711, 8.8246, 4, 10, 10, 10, 8.8246, 4, 7},
    {4, 4.1448, 9.6711, 4, 10, 10, 10, 9.6711, 4, 7},
    {4, 4.2915, 4.1448, 4, 10, 10, 10, 4.1448, 4, 7},
  };

  static ExpectedUtilityModel model(EumOptions options) {
    return new ExpectedUtilityModel(NAMES, POSITION, CAPABILITY, SALIENCE, options);
  }
}
