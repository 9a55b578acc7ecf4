package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.experiment.ConvergenceOdds;

/**
 * {@link PngEncoding} writes the very bytes ImageIO's PNG writer writes for a {@code TYPE_INT_ARGB}
 * image, so every chart comes out as before. The byte equality is asserted on JDK 17, the JDK whose
 * writer it mirrors (this project's); on another JDK only the decoded pixels are compared, since
 * that JDK's writer or zlib may make other (equally valid) bytes.
 */
class PngEncodingTest {

  private static final boolean MIRRORED_JDK = Runtime.version().feature() == 17;

  @TempDir Path dir;

  @BeforeAll
  static void inMemory() {
    ImageIO.setUseCache(false);
  }

  @Test
  void oddSizesAndAlphasAreEncodedAsImageIoEncodesThem() {
    SplittableRandom random = new SplittableRandom(17);
    for (int[] size : new int[][] {{1, 1}, {3, 5}, {1000, 3}, {3, 1000}, {2, 1}, {1, 2}}) {
      for (int alpha = 0; alpha < 4; alpha++) {
        check(randomImage(size[0], size[1], alpha, random));
      }
    }
  }

  @Test
  void rowsOfEqualPixelsAndEqualRows() {
    // every filter scores the same on such rows: ties, had the writer a choice to make
    BufferedImage flat = new BufferedImage(40, 7, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 7; y++) {
      for (int x = 0; x < 40; x++) flat.setRGB(x, y, y % 2 == 0 ? 0x80336699 : 0);
    }
    check(flat);
    check(new BufferedImage(1200, 700, BufferedImage.TYPE_INT_ARGB)); // all transparent black
  }

  @Test
  void noisyImagesSpanSeveralIdatChunks() {
    BufferedImage noise = randomImage(300, 200, 3, new SplittableRandom(5));
    byte[] ours = check(noise);
    assertTrue(ours.length > 5 * PngEncoding.IDAT_LENGTH, "several IDAT chunks: " + ours.length);
  }

  @Test
  void aSubimageIsReadWhereItLiesInTheSharedArray() {
    BufferedImage whole = randomImage(50, 40, 3, new SplittableRandom(9));
    check(whole.getSubimage(7, 11, 23, 19));
    check(whole.getSubimage(0, 39, 50, 1));
  }

  @Test
  void otherImageTypesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PngEncoding.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)));
    assertThrows(
        IllegalArgumentException.class,
        () -> PngEncoding.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB_PRE)));
    assertThrows(IllegalArgumentException.class, () -> PngEncoding.encode(new int[4], 0, 2, 2, 3));
  }

  @Test
  void theReportsChartsAreEncodedAsImageIoEncodesThem() {
    ConvergenceOdds odds = SyntheticOdds.typical(24);
    check(OddsCharts.oddsChart(odds).createBufferedImage(ChartKit.WIDTH, ChartKit.HEIGHT));
    check(
        OddsCharts.positionsChart(odds, ActorPalette.of(odds))
            .createBufferedImage(ChartKit.WIDTH, ChartKit.HEIGHT));
    check(OddsCharts.termsChart(odds).createBufferedImage(ChartKit.WIDTH, 333));
  }

  /** The whole of ChartKit.save's PNG against JFreeChart's own saveChartAsPNG, as files. */
  @Test
  void savedChartIsTheFileJFreeChartWrote() throws IOException {
    ConvergenceOdds odds = SyntheticOdds.typical(30);
    JFreeChart chart = OddsCharts.blockersChart(odds, ActorPalette.of(odds));
    List<Path> saved = ChartKit.save(chart, dir.resolve("new"), "blockers", 900, 800);
    Path png = saved.get(0);
    assertEquals(dir.resolve("new").resolve("blockers.png"), png);
    Path old = dir.resolve("old.png");
    ChartUtils.saveChartAsPNG(old.toFile(), chart, 900, 800);
    byte[] ours = Files.readAllBytes(png);
    if (MIRRORED_JDK) assertArrayEquals(Files.readAllBytes(old), ours);
    assertSamePixels(decode(Files.readAllBytes(old)), decode(ours));
    try (Stream<Path> files = Files.list(dir.resolve("new"))) {
      // no temporary file left beside the chart
      assertEquals(
          List.of("blockers.png", "blockers.svg"), files.map(this::name).sorted().toList());
    }
  }

  @Test
  void aFailedWriteLeavesTheFinishedPngAndNoTemporaryFile() throws IOException {
    JFreeChart chart = OddsCharts.oddsChart(SyntheticOdds.typical(12));
    Path png = dir.resolve("odds.png");
    ChartKit.writePng(chart, png, 300, 200);
    byte[] before = Files.readAllBytes(png);
    // a directory where the temporary file would go: the write fails
    Files.createDirectories(dir.resolve(".odds.png.part").resolve("x"));
    assertThrows(IOException.class, () -> ChartKit.writePng(chart, png, 320, 200));
    assertArrayEquals(before, Files.readAllBytes(png));
    try (Stream<Path> files = Files.list(dir)) {
      // the blocking directory is not a file of ours: left as it was
      assertEquals(List.of(".odds.png.part", "odds.png"), files.map(this::name).sorted().toList());
    }
  }

  @Test
  void randomSmallImagesDecodeToTheirPixels() {
    qt().withFixedSeed(20261207L)
        .withExamples(300)
        .forAll(
            integers().between(1, 40),
            integers().between(1, 40),
            integers().between(0, 3),
            longs().all())
        .checkAssert(
            (w, h, alpha, seed) -> check(randomImage(w, h, alpha, new SplittableRandom(seed))));
  }

  // ---------------------------------------------------------------------------------------------

  /** Our bytes against ImageIO's (on JDK 17) and decoded against the pixels (everywhere). */
  private static byte[] check(BufferedImage image) {
    byte[] ours = PngEncoding.encode(image);
    String what = image.getWidth() + "×" + image.getHeight();
    if (MIRRORED_JDK) assertArrayEquals(imageIo(image), ours, what);
    assertSamePixels(image, decode(ours));
    return ours;
  }

  private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
    assertEquals(expected.getWidth(), actual.getWidth());
    assertEquals(expected.getHeight(), actual.getHeight());
    int w = expected.getWidth();
    int h = expected.getHeight();
    assertArrayEquals(
        expected.getRGB(0, 0, w, h, null, 0, w), actual.getRGB(0, 0, w, h, null, 0, w));
  }

  /**
   * Random pixels; alpha 0: all transparent (colours kept), 1: all opaque, 2: partial, 3: rows
   * mixing 0, 255 and partial.
   */
  private static BufferedImage randomImage(int w, int h, int alpha, SplittableRandom random) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int a =
            switch (alpha) {
              case 0 -> 0;
              case 1 -> 255;
              case 2 -> random.nextInt(1, 255);
              default -> new int[] {0, 255, random.nextInt(256)}[random.nextInt(3)];
            };
        image.setRGB(x, y, a << 24 | random.nextInt(1 << 24));
      }
    }
    return image;
  }

  private static byte[] imageIo(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertTrue(ImageIO.write(image, "png", out));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage decode(byte[] png) {
    try {
      return ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String name(Path p) {
    return p.getFileName().toString();
  }
}
