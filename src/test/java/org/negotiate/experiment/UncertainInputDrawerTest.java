package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.negotiate.model.Streams;

/** The posterior's drawer (the stream's name hashed once) draws what the sampler draws. */
class UncertainInputDrawerTest {
  @Test
  void theDrawerGivesTheSameBitsAsDrawn() throws Exception {
    List<UncertainInput> inputs = UncertainInput.of(ConditioningTest.baseline(), true);
    assertTrue(inputs.size() > 5, "the baseline has uncertain inputs");
    for (UncertainInput in : inputs) {
      LongToDoubleFunction drawer = in.drawer();
      for (int i = 0; i < 200; i++) {
        long seed = Streams.replicationSeed(20221201L, i);
        assertEquals(
            Double.doubleToRawLongBits(in.drawn(seed)),
            Double.doubleToRawLongBits(drawer.applyAsDouble(seed)),
            in.key() + " replication " + i);
      }
    }
  }
}
