package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

  @Test
  void parsesEveryForm() throws Exception {
    assertEquals(Quantity.of(40), Quantities.parse("40", "f", Range.POSITION));
    assertEquals(Quantity.of(-0.5), Quantities.parse(" -0.5 ", "f", Range.RISK));
    assertEquals(new Quantity.Uniform(1, 2), Quantities.parse("uniform(1,2)", "f", Range.POSITION));
    assertEquals(
        new Quantity.Triangular(5, 15, 30),
        Quantities.parse("triangular( 5 , 15, 30 )", "f", Range.POSITION));
    assertEquals(
        new Quantity.Normal(50, 10, 0, 100),
        Quantities.parse("normal(50, 10)", "f", Range.POSITION));
    assertEquals(
        new Quantity.Normal(50, 10, 20, 80),
        Quantities.parse("normal(50, 10, 20, 80)", "f", Range.POSITION));
    assertEquals(new Quantity.Beta(2, 5, 0, 1), Quantities.parse("beta(2, 5)", "f", Range.UNIT));
    assertEquals(
        new Quantity.Beta(2, 5, 10, 20),
        Quantities.parse("beta(2, 5, 10, 20)", "f", Range.POSITION));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      high                      | expected a number in [0,1], got "high"
      uniform(2, 1)             | needs lo <= hi
      uniform(1)                | expected uniform(lo, hi)
      triangular(0, 0.9, 0.5)   | needs lo <= mode <= hi
      normal(0.5, -1)           | needs sd >= 0
      beta(0, 1)                | needs a > 0 and b > 0
      uniform(0.5, 1.5)         | can take the value 1.5, outside the valid range [0,1]
      normal(0.5, 0.1, -1, 1)   | can take the value -1
      gamma(1, 2)               | unknown distribution "gamma"
      uniform(a, b)             | expected numbers separated by commas
      1.5                       | expected a number in [0,1], got 1.5
      """)
  void rejectsBadText(String text, String fragment) {
    QuantityException e =
        assertThrows(QuantityException.class, () -> Quantities.parse(text, "salience", Range.UNIT));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertEquals("salience", e.field());
  }

  @Test
  void openRangesNeedExplicitBoundsAndExcludeTheirEnds() throws Exception {
    assertThrows(
        QuantityException.class,
        () -> Quantities.parse("normal(1, 0.5)", "flexibility", Range.FLEXIBILITY));
    assertEquals(
        new Quantity.Normal(1, 0.5, 0.1, 3),
        Quantities.parse("normal(1, 0.5, 0.1, 3)", "f", Range.FLEXIBILITY));
    assertThrows(
        QuantityException.class, () -> Quantities.parse("0", "flexibility", Range.FLEXIBILITY));
    assertThrows(
        QuantityException.class,
        () -> Quantities.parse("uniform(0.5, 1)", "reservation", Range.RESERVATION));
  }

  @Test
  void integerRangesRejectDistributionsAndFractions() {
    Range r = Range.integers(0, 10);
    assertThrows(QuantityException.class, () -> Quantities.parse("uniform(1, 2)", "n", r));
    assertThrows(QuantityException.class, () -> Quantities.parse("1.5", "n", r));
  }

  @Test
  void describeRoundTrips() throws Exception {
    for (Quantity q :
        new Quantity[] {
          Quantity.of(0.3),
          new Quantity.Uniform(0.1, 0.30000000000000004),
          new Quantity.Triangular(1, 2.5, 3),
          new Quantity.Normal(5, 1e-7, 0, 100),
          new Quantity.Beta(0.5, 2, 1, 2)
        }) {
      assertEquals(q, Quantities.parse(q.describe(), "f", Range.POSITION));
    }
  }

  @Test
  void scaleScalesTheNominalValue() {
    for (Quantity q :
        new Quantity[] {
          Quantity.of(0.3),
          new Quantity.Uniform(0.1, 0.3),
          new Quantity.Triangular(0.1, 0.2, 0.6),
          new Quantity.Normal(0.5, 0.1, 0, 1),
          new Quantity.Beta(2, 3, 0.2, 0.4)
        }) {
      Quantity s = Quantities.scale(q, 0.5);
      assertEquals(q.nominal() * 0.5, s.nominal(), 1e-12);
      assertEquals(q.max() * 0.5, s.max(), 1e-12);
    }
  }
}
