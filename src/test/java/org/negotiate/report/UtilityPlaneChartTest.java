package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.model.Inputs;
import org.negotiate.protocol.analysis.OutcomeSpace;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class UtilityPlaneChartTest {

  @TempDir Path dir;

  /**
   * Türkiye-and-Syria-like: two parties, three issues, a mediator and a stakeholder Türkiye is tied
   * to.
   */
  static Inputs inputs() {
    Inputs.Builder in = Inputs.builder(4, 3);
    in.positions(0, 90, 80, 70); // turkey
    in.positions(1, 10, 30, 40); // syria
    in.positions(2, 50, 50, 50); // mediator
    in.positions(3, 95, 90, 20); // opposition
    in.saliences(0, 0.3, 0.5, 0.2);
    in.saliences(1, 0.6, 0.2, 0.2);
    in.saliences(2, 0.34, 0.33, 0.33);
    in.saliences(3, 0.5, 0.2, 0.3);
    in.risk(0, 0.3);
    in.risk(1, -0.2);
    in.capability(0, 2);
    in.capability(1, 1);
    in.capability(2, 1);
    in.capability(3, 0.5);
    in.reservation(0, 0.35);
    in.reservation(1, 0.3);
    in.redLineMin(0, 1, 30);
    in.redLineMax(1, 0, 80);
    in.tie(0, 3, 0.2);
    return in.build();
  }

  static List<double[]> agreed(Inputs in, int n) {
    SplittableRandom r = new SplittableRandom(7);
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++)
      out.add(new double[] {r.nextDouble(30, 80), r.nextDouble(30, 80), r.nextDouble(20, 70)});
    return out;
  }

  @Test
  void twoParties() throws Exception {
    Inputs in = inputs();
    OutcomeSpace space = OutcomeSpace.of(in, 0, 1);
    UtilityPlaneChart.Plane p =
        UtilityPlaneChart.plane(
            space, 0, 1, "Türkiye", "Syria", new double[] {100, 50, 0}, agreed(in, 300));
    assertTrue(p.frontier().size() > 10);
    assertNotNull(p.nash());
    assertNotNull(p.kalaiSmorodinsky());
    List<Path> files =
        UtilityPlaneChart.write(
            p, "Baseline", 300, 42L, "judged with the nominal inputs", dir, "utility-plane");
    assertEquals(
        List.of(dir.resolve("utility-plane.png"), dir.resolve("utility-plane.svg")), files);
    checkPng(files.get(0));
    String text = svgText(files.get(1));
    assertTrue(text.contains("Baseline"), text);
    assertTrue(text.contains("Nash"), text);
    assertTrue(text.contains("Pareto frontier"), text);
    assertTrue(text.contains("300 replications, seed 42"), text);
  }

  @Test
  void twoOfThreeParties() throws Exception {
    Inputs in = inputs();
    OutcomeSpace space = OutcomeSpace.of(in, 0, 1, 2);
    UtilityPlaneChart.Plane p =
        UtilityPlaneChart.plane(space, 1, 0, "Syria", "Türkiye", null, agreed(in, 50));
    assertEquals(3, p.parties());
    assertNull(p.statusQuo());
    List<Path> files = UtilityPlaneChart.write(p, "Three parties", null, dir, "plane3");
    checkPng(files.get(0));
    assertTrue(svgText(files.get(1)).contains("Two of 3 parties"));
    assertThrows(
        IllegalArgumentException.class,
        () -> UtilityPlaneChart.plane(space, 0, 3, "a", "b", null, List.of()));
  }

  @Test
  void noZone() throws Exception {
    // Türkiye's minimum on issue 1 is 30
    Inputs in = inputs().toBuilder().redLineMax(1, 1, 10).build();
    OutcomeSpace space = OutcomeSpace.of(in, 0, 1);
    UtilityPlaneChart.Plane p =
        UtilityPlaneChart.plane(space, 0, 1, "Türkiye", "Syria", null, List.of());
    assertTrue(p.frontier().isEmpty());
    assertNull(p.nash());
    List<Path> files = UtilityPlaneChart.write(p, "No zone", null, dir, "empty");
    BufferedImage img = ImageIO.read(files.get(0).toFile());
    assertNotNull(img);
    assertTrue(svgText(files.get(1)).contains("red lines leave no package"));
    // the same parties with the red lines ignored
    UtilityPlaneChart.Plane free =
        UtilityPlaneChart.plane(
            OutcomeSpace.unconstrained(in, 0, 1),
            0,
            1,
            "Türkiye",
            "Syria",
            new double[] {100, 50, 0},
            agreed(in, 40));
    assertFalse(free.redLines());
    assertNotNull(free.nash());
    List<Path> freeFiles = UtilityPlaneChart.write(free, "No zone", null, dir, "free");
    checkPng(freeFiles.get(0));
    String text = svgText(freeFiles.get(1));
    assertTrue(text.contains("Red lines ignored"), text);
    assertTrue(text.contains("red lines ignored)"), text);
  }

  /**
   * Renders previews for eyeballing: {@code mvn test -Dtest=UtilityPlaneChartTest
   * -Dcharts.preview=DIR}.
   */
  @Test
  void preview() throws Exception {
    String target = System.getProperty("charts.preview");
    Assumptions.assumeTrue(
        target != null && !target.isBlank(), "set -Dcharts.preview=DIR to render previews");
    Inputs in = inputs();
    UtilityPlaneChart.write(
        UtilityPlaneChart.plane(
            OutcomeSpace.of(in, 0, 1),
            0,
            1,
            "Türkiye",
            "Syria",
            new double[] {100, 50, 0},
            agreed(in, 300)),
        "Baseline",
        ChartKit.runLine(300, 42, null),
        Path.of(target),
        "utility-plane");
    UtilityPlaneChart.write(
        UtilityPlaneChart.plane(
            OutcomeSpace.of(in, 0, 1, 2), 0, 1, "Türkiye", "Syria", null, agreed(in, 300)),
        "Three parties",
        null,
        Path.of(target),
        "utility-plane-3");
  }

  private static void checkPng(Path png) throws Exception {
    assertTrue(Files.size(png) > 0);
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, png + " does not decode");
    assertEquals(UtilityPlaneChart.WIDTH, img.getWidth());
    assertEquals(UtilityPlaneChart.HEIGHT, img.getHeight());
    Set<Integer> colours = new HashSet<>();
    int nonWhite = 0;
    int samples = 0;
    for (int y = 0; y < img.getHeight(); y += 5) {
      for (int x = 0; x < img.getWidth(); x += 5) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        samples++;
        if (rgb != 0xFFFFFF) nonWhite++;
      }
    }
    assertTrue(colours.size() >= 8, "nearly one flat colour: " + colours.size());
    assertTrue(nonWhite > samples / 100, "almost blank");
    assertEquals(0xFFFFFF, img.getRGB(2, 2) & 0xFFFFFF, "background should be white");
  }

  private static String svgText(Path svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(svg.toFile());
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    NodeList texts = doc.getElementsByTagNameNS("*", "text");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < texts.getLength(); i++)
      sb.append(texts.item(i).getTextContent()).append('\n');
    return sb.toString();
  }
}
