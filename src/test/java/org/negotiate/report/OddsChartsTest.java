package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnitType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.experiment.ConvergenceOdds;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class OddsChartsTest {

  @TempDir Path dir;

  @Test
  void writesEightReadableFiles() throws Exception {
    ConvergenceOdds odds = SyntheticOdds.typical(24);
    List<Path> files = OddsCharts.writeAll(odds, dir);
    checkAll(odds, files, dir);
  }

  @Test
  void noRunAgreed() throws Exception {
    ConvergenceOdds odds = SyntheticOdds.noneAgreed();
    List<Path> files = OddsCharts.writeAll(odds, dir);
    checkAll(odds, files, dir);
    assertTrue(svgText(dir.resolve("terms.svg")).contains("no run reached agreement"));
  }

  @Test
  void noRunFailed() throws Exception {
    ConvergenceOdds odds = SyntheticOdds.noneFailed();
    List<Path> files = OddsCharts.writeAll(odds, dir);
    checkAll(odds, files, dir);
    assertTrue(svgText(dir.resolve("blockers.svg")).contains("no failed runs"));
  }

  @Test
  void emptyResult() throws Exception {
    ConvergenceOdds odds = SyntheticOdds.empty();
    List<Path> files = OddsCharts.writeAll(odds, dir.resolve("nested/out"));
    assertEquals(8, files.size());
    for (Path f : files) {
      assertTrue(Files.size(f) > 0, f + " is empty");
    }
  }

  /**
   * The largest tables (issue 18.10): 250 actors on 50 issues give charts a person can read and a
   * size that does not grow with the table; each says what it leaves out and where it is.
   */
  @Test
  void largeTablesGiveBoundedChartsThatSaySoWhatIsLeftOut() throws Exception {
    ConvergenceOdds odds = SyntheticOdds.large(250, 50, 12);
    List<Path> files = OddsCharts.writeAll(odds, dir);
    assertEquals(8, files.size());
    checkPng(
        dir.resolve("positions.png"),
        ChartKit.WIDTH,
        OddsCharts.stackedHeight(OddsCharts.MAX_PANELS));
    checkPng(
        dir.resolve("terms.png"), ChartKit.WIDTH, OddsCharts.stackedHeight(OddsCharts.MAX_PANELS));
    for (Path f : files)
      assertTrue(Files.size(f) < 2_000_000, f + " is " + Files.size(f) + " bytes");
    String positions = svgText(dir.resolve("positions.svg"));
    assertTrue(positions.contains("the first 12 of 50 issues"), positions);
    assertTrue(positions.contains("250 actors summarised"), positions);
    assertTrue(svgText(dir.resolve("terms.svg")).contains("the first 12 of 50 issues"));
    String blockers = svgText(dir.resolve("blockers.svg"));
    assertTrue(blockers.contains("the 15 of 250 parties with the largest shares"), blockers);
    // the largest share is among the bars, the smallest is not
    assertTrue(blockers.contains("Actor 249"), blockers);
    assertFalse(blockers.contains("Actor 000"), blockers);
    // the baseline-sized result keeps its charts as they were: no note
    OddsCharts.writeAll(SyntheticOdds.typical(24), dir);
    assertFalse(svgText(dir.resolve("positions.svg")).contains("Shown:"));
  }

  @Test
  void longHorizon() throws Exception {
    ConvergenceOdds odds = SyntheticOdds.typical(120);
    checkAll(odds, OddsCharts.writeAll(odds, dir), dir);
  }

  @Test
  void monthLabelsThinOutWithTheHorizon() {
    assertEquals(2, monthStep(24));
    assertEquals(3, monthStep(36));
    assertEquals(6, monthStep(60));
    assertEquals(12, monthStep(120));
    assertEquals(1, monthStep(6));
  }

  @Test
  void rejectsBlockerSharesGivenInPercent() {
    ConvergenceOdds typical = SyntheticOdds.typical(24);
    ConvergenceOdds bad =
        new ConvergenceOdds(
            typical.scenario(),
            typical.replications(),
            typical.seed(),
            typical.byMonth(),
            typical.terms(),
            List.of(new ConvergenceOdds.BlockerShare("syria", "Syria", 100, 46.0)),
            typical.positions());
    assertThrows(IllegalArgumentException.class, () -> OddsCharts.writeAll(bad, dir));
  }

  /**
   * Renders the typical charts for eyeballing: {@code mvn -o test
   * -Dcharts.preview=/tmp/charts-preview}.
   */
  @Test
  void preview() throws IOException {
    String target = System.getProperty("charts.preview");
    Assumptions.assumeTrue(
        target != null && !target.isBlank(), "set -Dcharts.preview=DIR to render previews");
    Path base = Path.of(target);
    OddsCharts.writeAll(SyntheticOdds.typical(24), base);
    OddsCharts.writeAll(SyntheticOdds.typical(120), base.resolve("120-months"));
    OddsCharts.writeAll(SyntheticOdds.noneAgreed(), base.resolve("none-agreed"));
    OddsCharts.writeAll(SyntheticOdds.noneFailed(), base.resolve("none-failed"));
  }

  // ---------------------------------------------------------------------------------------------

  private static int monthStep(int months) {
    List<YearMonth> ms = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      ms.add(SyntheticOdds.START.plusMonths(i));
    }
    DateAxis axis = ChartKit.monthAxis("m", ms);
    assertEquals(DateTickUnitType.MONTH, axis.getTickUnit().getUnitType());
    return axis.getTickUnit().getMultiple();
  }

  private static void checkAll(ConvergenceOdds odds, List<Path> files, Path dir) throws Exception {
    List<Path> expected = new ArrayList<>();
    for (String name : OddsCharts.CHART_NAMES) {
      expected.add(dir.resolve(name + ".png"));
      expected.add(dir.resolve(name + ".svg"));
    }
    assertEquals(expected, files);
    int issues = OddsCharts.issueOrder(odds).size();
    for (String name : OddsCharts.CHART_NAMES) {
      int height =
          name.equals("positions") || name.equals("terms")
              ? OddsCharts.stackedHeight(issues)
              : ChartKit.HEIGHT;
      checkPng(dir.resolve(name + ".png"), ChartKit.WIDTH, height);
      checkSvg(dir.resolve(name + ".svg"), odds.scenario());
    }
  }

  private static void checkPng(Path png, int width, int height) throws IOException {
    assertTrue(Files.exists(png), png + " missing");
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, png + " does not decode");
    assertEquals(width, img.getWidth(), png + " width");
    assertEquals(height, img.getHeight(), png + " height");
    Set<Integer> colours = new HashSet<>();
    int nonWhite = 0;
    int samples = 0;
    for (int y = 0; y < height; y += 7) {
      for (int x = 0; x < width; x += 7) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        samples++;
        if (rgb != 0xFFFFFF) {
          nonWhite++;
        }
      }
    }
    assertTrue(
        colours.size() >= 5,
        png + " is (nearly) one flat colour: " + colours.size() + " colours sampled");
    assertTrue(nonWhite > samples / 100, png + " is almost blank");
    assertEquals(0xFFFFFF, img.getRGB(2, 2) & 0xFFFFFF, png + " background should be white");
  }

  private static void checkSvg(Path svg, String scenario) throws Exception {
    assertTrue(Files.exists(svg), svg + " missing");
    String text = svgText(svg);
    assertTrue(text.contains(scenario), svg + " has no <text> naming the scenario");
  }

  /** Concatenated content of the SVG's {@code <text>} elements (parses the file as XML). */
  private static String svgText(Path svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    // SVGUtils.writeToSVG writes a DOCTYPE naming the SVG 1.1 DTD on w3.org: do not fetch it
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(svg.toFile());
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    NodeList texts = doc.getElementsByTagNameNS("*", "text");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < texts.getLength(); i++) {
      sb.append(texts.item(i).getTextContent()).append('\n');
    }
    return sb.toString();
  }
}
