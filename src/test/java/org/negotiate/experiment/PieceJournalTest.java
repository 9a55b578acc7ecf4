package org.negotiate.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting a journal only reads it: it may be the journal of a run still appending to it. */
class PieceJournalTest {
  @TempDir Path tmp;

  @Test
  void countingPiecesLeavesAHalfWrittenEntryForItsWriter() throws Exception {
    Path dir = tmp.resolve("journal");
    List<Double> whole = new PieceJournal(dir).map(new LocalEngine(1), 6, 1, i -> i / 3.0, null);
    Path file = dir.resolve("pieces.bin");
    byte[] full = Files.readAllBytes(file);
    // the journal as a reader may see it while the writer's append of a stage is half done
    Files.write(
        file, new byte[] {0x4e, 0x47, 0x50, 0x31, 0, 0, 0, 6, 0, 0}, StandardOpenOption.APPEND);
    byte[] torn = Files.readAllBytes(file);

    assertEquals(6, PieceJournal.piecesIn(dir), "whole entries only");
    assertArrayEquals(torn, Files.readAllBytes(file), "counting changed the file under its writer");

    // taking the journal up to append to it (a resumed run, which holds the lock) cuts the torn
    // tail
    AtomicInteger ran = new AtomicInteger();
    List<Double> more =
        new PieceJournal(dir)
            .map(
                new LocalEngine(1),
                8,
                1,
                i -> {
                  ran.incrementAndGet();
                  return i / 3.0;
                },
                null);
    assertEquals(2, ran.get(), "only pieces 6 and 7 run");
    assertEquals(whole, more.subList(0, 6));
    byte[] after = Files.readAllBytes(file);
    assertArrayEquals(
        full,
        Arrays.copyOf(after, full.length),
        "the whole entries are kept, the torn one is gone");
    assertEquals(8, PieceJournal.piecesIn(dir));
  }

  @Test
  void aLocalStageHoldsAboutASecondOfWorkPerWorkerAndAtLeastFourPiecesEach() throws Exception {
    // 2 workers, pieces of 1,000 replications: stages of 2 × 10,000 / 1,000 = 20 pieces, so a
    // failure in piece 25 leaves the first stage journalled (not 24, as stages of 8 would)
    assertEquals(20, journalledBeforeAFailureAt(25, 1_000));
    // pieces of 100,000 replications: 4 per worker, so a failure in piece 13 leaves one stage
    assertEquals(8, journalledBeforeAFailureAt(13, 100_000));
  }

  private int journalledBeforeAFailureAt(int failing, long replicationsEach) throws Exception {
    Path dir = tmp.resolve("failing-" + failing);
    Engine.Task<Double> dies =
        i -> {
          if (i >= failing) throw new IllegalStateException("power cut");
          return i / 3.0;
        };
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class,
        () -> new PieceJournal(dir).map(new LocalEngine(2), 60, replicationsEach, dies, null));
    return PieceJournal.piecesIn(dir);
  }
}
