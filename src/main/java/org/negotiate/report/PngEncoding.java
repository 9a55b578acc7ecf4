package org.negotiate.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The PNG of an ARGB image, byte for byte what JDK 17's ImageIO writer ({@code ImageIO.write(image,
 * "png", out)}, which JFreeChart's {@code ChartUtils.saveChartAsPNG} calls) makes of a {@code
 * TYPE_INT_ARGB} image, at a fraction of its cost: ImageIO fetches every row through the generic
 * {@code Raster.getPixels} and copies it sample by sample through scaling tables; here the ints are
 * read straight from the image's array.
 *
 * <p>What ImageIO writes for such an image, with no metadata and no write parameters (read from
 * {@code com.sun.imageio.plugins.png.PNGImageWriter}, {@code RowFilter} and {@code PNGMetadata}):
 *
 * <ul>
 *   <li>the signature, then IHDR: width, height, bit depth 8, colour type 6 (RGBA), compression,
 *       filter and interlace method 0. No ancillary chunk: a fresh {@code PNGMetadata} has none
 *       present, and {@code initialize} adds PLTE/tRNS only for indexed images.
 *   <li>every row as filter byte 0 and the samples R, G, B, A: {@code RowFilter.filterRow} tries
 *       the five filters only for palette images (colour type 3) and returns 0 (None) for every
 *       other one, so there is no per-row choice to mirror for this image type.
 *   <li>the rows through one {@code new Deflater(4)} (default level 4, default strategy, zlib
 *       wrapper) fed without flushing, then finished. zlib's output under {@code NO_FLUSH} does not
 *       depend on how the input is cut up, so the rows go in several at a time.
 *   <li>the compressed stream in IDAT chunks of exactly 32,768 bytes, the last one shorter (never
 *       empty), then IEND.
 * </ul>
 *
 * <p>The byte equality is checked by {@code PngEncodingTest} against ImageIO on this JDK.
 */
final class PngEncoding {

  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

  /** ImageIO's IDAT payload size ({@code PNGImageWriter.write_IDAT}). */
  static final int IDAT_LENGTH = 32_768;

  /** ImageIO's default deflate level ({@code PNGImageWriter.DEFAULT_COMPRESSION_LEVEL}). */
  static final int LEVEL = 4;

  /** Rows go to the deflater in batches of about this many bytes: fewer native calls. */
  private static final int BATCH_BYTES = 64 * 1024;

  private PngEncoding() {}

  /**
   * The PNG of a {@code TYPE_INT_ARGB} image, as ImageIO writes it.
   *
   * @throws IllegalArgumentException for any other image type or layout
   */
  static byte[] encode(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_ARGB
        || !(image.getRaster().getDataBuffer() instanceof DataBufferInt data)
        || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel model)) {
      throw new IllegalArgumentException("not a TYPE_INT_ARGB image: " + image);
    }
    Raster raster = image.getRaster();
    // pixel (0, 0) of the image is (0, 0) of its raster, which the sample model shifts
    int offset =
        data.getOffset()
            + model.getOffset(
                -raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
    return encode(
        data.getData(), offset, model.getScanlineStride(), image.getWidth(), image.getHeight());
  }

  /**
   * The PNG of a {@code width}×{@code height} image whose pixel (x, y) is the non-premultiplied
   * ARGB int {@code argb[offset + y * scanline + x]}.
   */
  static byte[] encode(int[] argb, int offset, int scanline, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("empty image " + width + "×" + height);
    }
    if (scanline < width
        || offset < 0
        || offset + (long) (height - 1) * scanline + width > argb.length) {
      throw new IllegalArgumentException("pixels outside the array");
    }
    byte[] z = deflate(argb, offset, scanline, width, height);
    int zlen = z.length;
    int chunks = (zlen + IDAT_LENGTH - 1) / IDAT_LENGTH;
    byte[] out = new byte[SIGNATURE.length + (12 + 13) + chunks * 12 + zlen + 12];
    System.arraycopy(SIGNATURE, 0, out, 0, SIGNATURE.length);
    CRC32 crc = new CRC32();
    int at = SIGNATURE.length;
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, width);
    putInt(ihdr, 4, height);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 6; // RGBA; compression, filter and interlace methods stay 0
    at = chunk(out, at, "IHDR", ihdr, 0, 13, crc);
    for (int from = 0; from < zlen; from += IDAT_LENGTH) { // a zlib stream is never empty
      at = chunk(out, at, "IDAT", z, from, Math.min(IDAT_LENGTH, zlen - from), crc);
    }
    at = chunk(out, at, "IEND", z, 0, 0, crc);
    assert at == out.length;
    return out;
  }

  /** The zlib stream of the filtered rows (filter byte 0, then R, G, B, A per pixel). */
  private static byte[] deflate(int[] argb, int offset, int scanline, int width, int height) {
    int rowBytes = 1 + 4 * width;
    int rowsPerBatch = Math.max(1, Math.min(height, BATCH_BYTES / rowBytes));
    byte[] rows = new byte[rowsPerBatch * rowBytes]; // filter bytes stay 0
    byte[] z = new byte[Math.max(1024, width * height / 8)];
    int zlen = 0;
    Deflater deflater = new Deflater(LEVEL);
    try {
      for (int y0 = 0; y0 < height; y0 += rowsPerBatch) {
        int n = Math.min(rowsPerBatch, height - y0);
        for (int r = 0; r < n; r++) {
          int k = r * rowBytes + 1;
          int i = offset + (y0 + r) * scanline;
          int end = i + width;
          while (i < end) {
            int p = argb[i++];
            rows[k] = (byte) (p >>> 16);
            rows[k + 1] = (byte) (p >>> 8);
            rows[k + 2] = (byte) p;
            rows[k + 3] = (byte) (p >>> 24);
            k += 4;
          }
        }
        deflater.setInput(rows, 0, n * rowBytes);
        while (!deflater.needsInput()) {
          if (zlen == z.length) z = Arrays.copyOf(z, 2 * z.length);
          zlen += deflater.deflate(z, zlen, z.length - zlen);
        }
      }
      deflater.finish();
      while (!deflater.finished()) {
        if (zlen == z.length) z = Arrays.copyOf(z, 2 * z.length);
        zlen += deflater.deflate(z, zlen, z.length - zlen);
      }
    } finally {
      deflater.end();
    }
    return zlen == z.length ? z : Arrays.copyOf(z, zlen);
  }

  /** Writes one chunk (length, type, data, CRC of type and data) at {@code at}; returns its end. */
  private static int chunk(
      byte[] out, int at, String type, byte[] data, int from, int length, CRC32 crc) {
    putInt(out, at, length);
    for (int c = 0; c < 4; c++) out[at + 4 + c] = (byte) type.charAt(c);
    System.arraycopy(data, from, out, at + 8, length);
    crc.reset();
    crc.update(out, at + 4, 4 + length);
    putInt(out, at + 8 + length, (int) crc.getValue());
    return at + 12 + length;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
