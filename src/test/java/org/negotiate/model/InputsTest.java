package org.negotiate.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.negotiate.scenario.Change;
import org.negotiate.scenario.Fields;

/** Inputs once built change only through {@link Inputs#apply}, inside the table's clamps. */
class InputsTest {

  @Test
  void aBuilderDoesNotChangeInputsItAlreadyBuilt() {
    Inputs.Builder b = Inputs.builder(2, 2).positions(0, 10, 20).capability(0, 3);
    Inputs first = b.build();
    Inputs second = b.position(0, 0, 90).capability(0, 5).build();
    assertEquals(10, first.position(0, 0), 0);
    assertEquals(3, first.capability(0), 0);
    assertEquals(90, second.position(0, 0), 0);
    assertEquals(5, second.capability(0), 0);
    Inputs derived = first.toBuilder().redLineMax(1, 1, 40).build();
    assertEquals(100, first.redLineMax(1, 1), 0, "toBuilder starts from a copy");
    assertEquals(40, derived.redLineMax(1, 1), 0);
  }

  @Test
  void aViewIsRewrittenInPlaceFromTheLiveInputs() {
    Inputs live = Inputs.builder(2, 1).capability(0, 2).position(1, 0, 60).build();
    Inputs.Builder b = live.toView();
    Inputs view = b.copyOf(live).capability(0, 4).build();
    assertEquals(4, view.capability(0), 0);
    assertEquals(2, live.capability(0), 0, "the live inputs are not the view");
    live.apply(new InputChange(Fields.POSITION, 1, 0, -1, Change.Op.SET, 70));
    assertSame(view, b.copyOf(live).build(), "the same view, refilled");
    assertEquals(70, view.position(1, 0), 0);
    assertEquals(2, view.capability(0), 0);
  }

  @Test
  void positionsIsACopy() {
    Inputs in = Inputs.builder(1, 2).positions(0, 30, 70).build();
    double[] row = in.positions(0);
    row[0] = 99;
    assertArrayEquals(new double[] {30, 70}, in.positions(0), 0);
  }

  @Test
  void applyKeepsEachRowsClamp() {
    Inputs in =
        Inputs.builder(2, 2).capability(0, 2).saliences(0, 0.5, 0.5).reservation(1, 0.5).build();
    in.apply(new InputChange(Fields.CAPABILITY, 0, -1, -1, Change.Op.SCALE, 0));
    assertEquals(1e-9, in.capability(0), 0, "capability keeps its floor");
    in.apply(new InputChange(Fields.RESERVATION, 1, -1, -1, Change.Op.SHIFT, 0.9));
    assertEquals(0.999, in.reservation(1), 0);
    in.apply(new InputChange(Fields.SALIENCE, 0, 0, -1, Change.Op.SET, 0.8));
    assertEquals(0.8, in.salience(0, 0), 1e-12);
    assertEquals(0.2, in.salience(0, 1), 1e-12, "the other share gives way");
    in.apply(new InputChange(Fields.TIES, 0, -1, 1, Change.Op.SET, 2));
    assertEquals(0.999, in.tie(0, 1), 1e-12);
  }

  /**
   * The numbers live in one array: an index outside the inputs throws, as with arrays of arrays,
   * rather than reading the next actor's or the next field's value.
   */
  @Test
  void anIndexOutsideTheInputsThrowsRatherThanReadANeighbour() {
    Inputs in =
        Inputs.builder(2, 3)
            .positions(0, 10, 20, 30)
            .positions(1, 40, 50, 60)
            .capability(1, 7)
            .tie(0, 1, 0.5)
            .build();
    assertEquals(60, in.position(1, 2), 0);
    assertThrows(IndexOutOfBoundsException.class, () -> in.position(0, 3), "actor 1's first");
    assertThrows(IndexOutOfBoundsException.class, () -> in.position(2, 0), "the saliences");
    assertThrows(IndexOutOfBoundsException.class, () -> in.position(-1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> in.capability(2), "a reservation");
    assertThrows(IndexOutOfBoundsException.class, () -> in.tie(0, 2), "actor 1's ties");
    assertThrows(IndexOutOfBoundsException.class, () -> in.positions(2));
    assertThrows(IndexOutOfBoundsException.class, () -> Inputs.builder(2, 3).salience(1, 3, 0.5));
  }

  /** A copy and a refilled view carry the added fields' values, and only those of their source. */
  @Test
  void addedFieldsAreCopiedAndRefilled() {
    Inputs with = Inputs.builder(2, 1).more("patience", 1, 0.7).build();
    Inputs without = Inputs.builder(2, 1).capability(0, 3).build();
    Inputs copy = with.copy();
    assertEquals(0.7, copy.more("patience", 1), 0);
    assertTrue(Double.isNaN(copy.more("patience", 0)));
    copy.apply(new InputChange(Fields.CAPABILITY, 0, -1, -1, Change.Op.SET, 2));
    assertEquals(0, with.capability(0), 0, "the copy is not the original");

    Inputs.Builder view = without.toView();
    assertTrue(Double.isNaN(view.build().more("patience", 1)));
    assertEquals(0.7, view.copyOf(with).build().more("patience", 1), 0);
    Inputs refilled = view.copyOf(without).build();
    assertTrue(Double.isNaN(refilled.more("patience", 1)), "refilled from inputs without it");
    assertEquals(3, refilled.capability(0), 0);
  }
}
