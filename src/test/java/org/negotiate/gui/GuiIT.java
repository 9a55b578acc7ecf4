package org.negotiate.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioLoader;

/**
 * The GUI end to end, from the packaged jar under Xvfb: the Console steps the baseline, a stance is
 * changed through the model inspector, the Monte Carlo runs, the what-if is saved, and screenshots
 * are taken. Skipped, with the reason, only where {@code xvfb-run} is not installed (.ci/run
 * installs it) or this Java has no X11 toolkit.
 */
class GuiIT {
  @TempDir Path tmp;

  static final String SCRIPT =
      String.join(
          ";",
          "tab=Console",
          "screenshot=start",
          "steps=3",
          "set=turkey.refugee_return.salience=0.5",
          "set=turkey.withdrawal.red_line.max=85",
          "set=syria.flexibility=0.9",
          "set=protocol.noise=0.2",
          "steps=2",
          "screenshot=after-edit",
          "montecarlo=200",
          "screenshot=montecarlo",
          "save=%s",
          "quit");

  record Proc(int exit, String out, String err) {}

  static Path root() {
    return Path.of(System.getProperty("negotiate.root", ".")).toAbsolutePath();
  }

  static Proc java(List<String> prefix, Map<String, String> env, Path prefs, String... args)
      throws Exception {
    String jar = System.getProperty("negotiate.jar", "target/negotiate.jar");
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.util.prefs.userRoot=" + prefs,
            "-jar",
            Path.of(jar).toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("gui-out", ".txt");
    Path err = Files.createTempFile("gui-err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(root().toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    env.forEach(
        (k, v) -> {
          if (v == null) pb.environment().remove(k);
          else pb.environment().put(k, v);
        });
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(
          "the GUI did not finish in 5 minutes: " + Files.readString(out) + Files.readString(err));
    }
    return new Proc(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) return true;
    }
    return false;
  }

  /** A JDK whose AWT can open X11 windows (a "headless" JRE package cannot). */
  static boolean hasX11Toolkit() {
    Path lib = Path.of(System.getProperty("java.home"), "lib");
    return !System.getProperty("os.name").toLowerCase().contains("linux")
        || Files.exists(lib.resolve("libawt_xawt.so"));
  }

  @Test
  void withoutADisplayTheJarSaysSoAndExitsTwo() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("DISPLAY", null);
    env.put("WAYLAND_DISPLAY", null);
    Proc p = java(List.of(), env, tmp.resolve("prefs"), "gui", "--out", tmp.toString());
    assertEquals(2, p.exit(), p.out() + p.err());
    assertTrue(p.err().contains("no display: run under xvfb-run or on a desktop"), p.err());
    assertFalse(p.err().contains("Exception"), p.err());
  }

  @Test
  void aBadScriptStepExitsTwoWithTheStepNamedAndNoStackTrace() throws Exception {
    Proc p =
        java(
            List.of(),
            Map.of(),
            tmp.resolve("prefs"),
            "gui",
            "scenarios/baseline.yaml",
            "--out",
            tmp.toString(),
            "--script",
            "steps=1;set=syria.flexibility=0.9x;quit");
    assertEquals(2, p.exit(), p.out() + p.err());
    assertTrue(
        p.err()
            .contains(
                "--script: step 2 \"set=syria.flexibility=0.9x\": syria.flexibility: expected a number in (0,10]"),
        p.err());
    assertFalse(
        p.err().contains("Exception") || p.err().contains("no inspector property"), p.err());
  }

  @Test
  void theGuiStepsTakesAnInspectorEditRunsMonteCarloSavesTheWhatIfAndTakesScreenshots()
      throws Exception {
    skipUnless(
        onPath("xvfb-run"),
        "GUI check skipped: xvfb-run is not installed (Debian: apt-get install xvfb xauth; .ci/run installs it)");
    skipUnless(
        hasX11Toolkit(),
        "GUI check skipped: this Java ("
            + System.getProperty("java.home")
            + ") has no X11 toolkit (libawt_xawt.so), as a headless JRE package (Debian: openjdk-17-jre; .ci/run installs it)");
    Path results = root().resolve("target").resolve("gui-it");
    Path whatIf = tmp.resolve("gui_whatif.yaml");
    Map<String, String> env = new HashMap<>();
    env.put("DISPLAY", null);
    Proc p =
        java(
            List.of("xvfb-run", "-a", "-s", "-screen 0 1920x1200x24"),
            env,
            tmp.resolve("prefs"),
            "gui",
            "scenarios/baseline.yaml",
            "--out",
            results.toString(),
            "--script",
            String.format(SCRIPT, whatIf));
    String all = p.out() + "\n" + p.err();
    assertEquals(0, p.exit(), all);
    assertFalse(p.err().contains("Exception"), p.err());
    assertTrue(
        p.out().contains("turkey.refugee_return.salience is now 0.5 (after round 2)"), p.out());
    assertTrue(
        p.out().contains("syria.flexibility is now 0.9 (after round 2)"),
        "the actor's flexibility, one value: " + p.out());
    assertTrue(
        p.out().contains("protocol.noise is now 0.2 (after round 2; from the next run)"),
        "the Protocol tab: " + p.out());
    assertTrue(
        Pattern.compile(
                "with the edits − as loaded \\(same draws\\): [-+]\\d\\.\\d{3} \\[[-+]\\d\\.\\d{3}, [-+]\\d\\.\\d{3}\\] by 2024-11 "
                    + "\\(paired 95% interval\\)")
            .matcher(p.out())
            .find(),
        "the paired difference with its interval: " + p.out());

    Matcher m = Pattern.compile("screenshots in (.+)/").matcher(p.out());
    assertTrue(m.find(), p.out());
    Path dir = Path.of(m.group(1));
    assertTrue(dir.startsWith(results.resolve("gui")), dir.toString());
    for (String shot : List.of("start", "after-edit", "montecarlo")) {
      for (String window : List.of("screen", "console", "positions", "utility", "whatif")) {
        assertPicture(dir.resolve(shot + "-" + window + ".png"));
      }
    }
    assertPicture(dir.resolve("montecarlo-montecarlo.png"));

    Scenario saved = ScenarioLoader.load(whatIf);
    assertEquals("gui_whatif", saved.name());
    var turkey = saved.actor("turkey").orElseThrow().stances();
    assertEquals(0.5, turkey.get("refugee_return").salience().nominal(), 1e-12);
    assertEquals(85, turkey.get("withdrawal").redLine().max().nominal(), 1e-12);
    assertEquals(0.9, saved.actor("syria").orElseThrow().flexibility().nominal(), 1e-12);
    assertEquals(0.2, saved.protocol().params().get("noise").nominal(), 1e-12);
    assertTrue(Files.readString(whatIf).contains("extends: "), "a delta");
  }

  /** Skips the test, saying why in the build log as well as in the report. */
  static void skipUnless(boolean condition, String reason) {
    if (!condition) System.out.println("[GuiIT] " + reason);
    Assumptions.assumeTrue(condition, reason);
  }

  /** Decodes as a PNG of a sensible size with something drawn on it: not one flat colour. */
  static void assertPicture(Path png) throws Exception {
    assertTrue(Files.isRegularFile(png), png + " written");
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, png + " decodes");
    assertTrue(
        img.getWidth() >= 200 && img.getHeight() >= 150,
        png + " size " + img.getWidth() + "x" + img.getHeight());
    Map<Integer, Integer> counts = new HashMap<>();
    int n = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        counts.merge(img.getRGB(x, y), 1, Integer::sum);
        n++;
      }
    }
    int dominant = counts.values().stream().max(Integer::compare).orElse(n);
    assertTrue(
        counts.size() >= 5 && n - dominant >= 0.02 * n,
        png
            + " is blank or nearly: "
            + counts.size()
            + " colours, "
            + (n - dominant)
            + " of "
            + n
            + " pixels off the background");
  }
}
