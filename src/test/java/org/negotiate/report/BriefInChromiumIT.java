package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.cli.Main;

/**
 * report.html checked as a person would see it: Debian's Chromium, headless, renders the briefs of
 * odds, compare and forecast to PNG; the page must log nothing to the console (it has no script, so
 * any console line is an error: a blocked fetch reported by the page's Content-Security-Policy, a
 * parse or script error), the PNG must decode at the window's size and not be blank, and the DOM
 * Chromium built must hold every chart. Skipped, with a message, when no chromium is installed
 * ({@code .ci/run} installs Debian's package; only where that cannot be installed is this skipped).
 *
 * <p>What is filtered from Chromium's stderr: only lines about the page count. A line counts when
 * it is a {@code CONSOLE} message (console output, uncaught errors, CSP reports), mentions {@code
 * Uncaught} or a {@code net::ERR_} load failure, or names the page's file URL. Everything else is
 * Chromium's own start-up noise on a machine without a desktop session and is ignored: D-Bus (no
 * system bus), GPU and VA-API (no GPU), the sandbox warning of {@code --no-sandbox}, the
 * screen-saver idle probe, the Debian wrapper script's shell complaint, and the "bytes written"
 * line. Two control pages prove the filter does not hide what it is for.
 *
 * <p>The screenshots are kept in {@code target/brief-screenshots/} for a person to look at.
 */
@Tag("long") // the long suite (mvn -B verify -Plong): renders briefs in Chromium, ~30 s
class BriefInChromiumIT {
  static final int WIDTH = 1280;
  static final int HEIGHT = 4000;

  @TempDir static Path tmp;
  static Path chromium;

  @BeforeAll
  static void findChromium() {
    Optional<Path> c = onPath("chromium").or(() -> onPath("chromium-browser"));
    String why =
        "chromium not installed: the browser check of report.html is skipped. "
            + ".ci/run installs Debian's package (apt-get install chromium); it could not be installed here.";
    if (c.isEmpty())
      System.out.println(
          "BriefInChromiumIT: " + why); // the build log shows it, not only the report
    Assumptions.assumeTrue(c.isPresent(), why);
    chromium = c.get();
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) return Optional.empty();
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  static Path root() {
    return Path.of(System.getProperty("negotiate.root", ".")).toAbsolutePath();
  }

  record Rendered(Path png, List<String> pageLines, List<String> ignored, String dom) {}

  /**
   * Renders a page to PNG with the check's flags; returns the PNG, the page's stderr lines and the
   * DOM.
   */
  static Rendered render(Path page, String name) throws IOException, InterruptedException {
    Path png = tmp.resolve(name + ".png");
    Path profile = Files.createTempDirectory(tmp, "profile-");
    String url = page.toAbsolutePath().toUri().toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--hide-scrollbars",
                "--enable-logging=stderr",
                "--v=0",
                "--screenshot=" + png,
                "--window-size=" + WIDTH + "," + HEIGHT,
                url));
    String err = run(cmd, null);
    List<String> fromPage = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (String line : err.split("\n")) {
      if (line.isBlank()) continue;
      if (aboutThePage(line, url)) fromPage.add(line);
      else ignored.add(line);
    }
    Path profile2 = Files.createTempDirectory(tmp, "profile-");
    Path dom = tmp.resolve(name + ".dom.html");
    run(
        List.of(
            chromium.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile2,
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--dump-dom",
            url),
        dom);
    return new Rendered(png, fromPage, ignored, Files.readString(dom, StandardCharsets.UTF_8));
  }

  /**
   * Whether a stderr line is about the page rather than Chromium's own start-up (see the class
   * comment).
   */
  static boolean aboutThePage(String line, String url) {
    return line.contains(":CONSOLE")
        || line.contains("CONSOLE(")
        || line.contains("Uncaught")
        || line.contains("net::ERR_")
        || line.contains(url);
  }

  private static String run(List<String> cmd, Path stdout)
      throws IOException, InterruptedException {
    Path err = Files.createTempFile(tmp, "stderr-", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
    pb.redirectOutput(
        stdout == null
            ? ProcessBuilder.Redirect.DISCARD
            : ProcessBuilder.Redirect.to(stdout.toFile()));
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 180 s: " + cmd);
    }
    String text = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "chromium exit code; stderr:\n" + text);
    return text;
  }

  static void cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit, err.toString());
  }

  static Path report(Path root, String name, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(root.resolve(name))) {
      return s.filter(
              p ->
                  p.getFileName().toString().endsWith(suffix)
                      && !p.getFileName().toString().startsWith("."))
          .findFirst()
          .orElseThrow()
          .resolve("report.html");
    }
  }

  /** Checks a rendering and keeps its screenshot; returns the image. */
  static BufferedImage check(Rendered r, String name, int charts) throws IOException {
    assertEquals(
        List.of(), r.pageLines(), "no console message, error or load failure from the page");
    assertTrue(Files.isRegularFile(r.png()), "screenshot written");
    BufferedImage img = ImageIO.read(r.png().toFile());
    assertTrue(img != null, "screenshot decodes as PNG");
    assertEquals(WIDTH, img.getWidth(), "screenshot width");
    assertEquals(HEIGHT, img.getHeight(), "screenshot height");
    // not blank: ink on a good part of the page, and many colours (text, charts, bands)
    Set<Integer> colours = new HashSet<>();
    long ink = 0;
    long samples = 0;
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) ink++;
        samples++;
      }
    }
    double share = (double) ink / samples;
    assertTrue(colours.size() >= 50, "pixel variety: " + colours.size() + " colours");
    assertTrue(share > 0.03 && share < 0.9, "share of non-white pixels " + share);
    // the top of the page (title and headline) is not empty
    long topInk = 0;
    for (int y = 0; y < 400; y += 2)
      for (int x = 0; x < WIDTH; x += 2) if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) topInk++;
    assertTrue(topInk > 500, "title and headline drawn at the top: " + topInk);
    // the DOM Chromium built holds every chart and section
    assertEquals(charts, PolicyBriefTest.count(r.dom(), "<svg"), "charts in the rendered DOM");
    assertTrue(r.dom().contains("id=\"reproduce\""), "the last section rendered");
    Path keep = root().resolve("target/brief-screenshots");
    Files.createDirectories(keep);
    Files.copy(r.png(), keep.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    System.out.println(
        "report.html ("
            + name
            + ") rendered by "
            + chromium
            + ": "
            + keep.resolve(name + ".png")
            + "; ignored "
            + r.ignored().size()
            + " lines of Chromium's own start-up noise");
    return img;
  }

  @Test
  void theOddsBriefOfTheBaselineRendersCleanly() throws Exception {
    Path out = tmp.resolve("odds");
    cli(
        "odds",
        root().resolve("scenarios/baseline.yaml").toString(),
        "--runs",
        "300",
        "--out",
        out.toString(),
        "--quiet");
    Path report = report(out, "odds-baseline", "");
    check(
        render(report, "odds-baseline"),
        "odds-baseline",
        7); // odds, back-test, blockers, movers, terms, positions, utility plane
  }

  @Test
  void theCompareAndForecastBriefsRenderCleanly() throws Exception {
    Path out = tmp.resolve("other");
    cli(
        "compare",
        root().resolve("scenarios/baseline.yaml").toString(),
        root().resolve("scenarios/whatif/no_earthquake.yaml").toString(),
        "--runs",
        "200",
        "--out",
        out.toString(),
        "--quiet");
    check(
        render(report(out, "compare-baseline-vs-no_earthquake", ""), "compare"),
        "compare-baseline-vs-no_earthquake",
        2);
    cli(
        "forecast",
        root().resolve("scenarios/baseline.yaml").toString(),
        "--runs",
        "20",
        "--out",
        out.toString());
    check(render(report(out, "forecast-baseline", ""), "forecast"), "forecast-baseline", 1);
  }

  @Test
  void theFilterCatchesWhatItIsFor() throws Exception {
    // a page with a script error and console output
    Path scripted = tmp.resolve("control-script.html");
    Files.writeString(
        scripted,
        "<!DOCTYPE html><html><body><h1>control</h1><script>console.error('control error');"
            + "undefinedFunction();</script></body></html>",
        StandardCharsets.UTF_8);
    Rendered r = render(scripted, "control-script");
    assertTrue(
        r.pageLines().stream().anyMatch(l -> l.contains("control error")),
        "console.error caught: " + r.pageLines());
    assertTrue(
        r.pageLines().stream().anyMatch(l -> l.contains("Uncaught")),
        "uncaught error caught: " + r.pageLines());
    // a real brief with a remote image slipped in: its Content-Security-Policy blocks it and says
    // so
    Path out = tmp.resolve("control");
    cli(
        "odds",
        root().resolve("scenarios/baseline.yaml").toString(),
        "--runs",
        "50",
        "--out",
        out.toString(),
        "--quiet");
    Path report = report(out, "odds-baseline", "");
    Path tampered = report.resolveSibling("tampered.html");
    Files.writeString(
        tampered,
        Files.readString(report, StandardCharsets.UTF_8)
            .replace("<body>", "<body><img src=\"http://example.invalid/x.png\">"),
        StandardCharsets.UTF_8);
    Rendered t = render(tampered, "control-remote");
    assertFalse(t.pageLines().isEmpty(), "a remote load is reported");
    assertTrue(
        t.pageLines().stream().anyMatch(l -> l.contains("example.invalid")),
        t.pageLines().toString());
  }
}
