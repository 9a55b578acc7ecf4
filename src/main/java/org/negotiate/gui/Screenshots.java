package org.negotiate.gui;

import java.awt.AWTException;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;

/** PNG screenshots: the whole screen (as a user sees it) and each window painted on its own. */
final class Screenshots {
  private Screenshots() {}

  /**
   * Writes {@code NAME-screen.png} (the screen, by {@link Robot}) and {@code NAME-<window>.png} for
   * each visible window, and returns the files written. Call off the Swing thread.
   */
  static List<Path> take(Path dir, String name, List<Named> windows) throws Exception {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    AtomicReference<List<BufferedImage>> painted = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          List<BufferedImage> images = new ArrayList<>();
          for (Named w : windows) {
            if (w.frame() == null || !w.frame().isShowing()) {
              images.add(null);
              continue;
            }
            JRootPane root = w.frame().getRootPane();
            root.paintImmediately(0, 0, root.getWidth(), root.getHeight());
            images.add(paint(w.frame()));
          }
          painted.set(images);
        });
    Toolkit.getDefaultToolkit().sync();
    Thread.sleep(300); // let the X server finish drawing before the screen is read
    Rectangle screen = new Rectangle();
    for (var d : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
      screen = screen.union(d.getDefaultConfiguration().getBounds());
    }
    try {
      BufferedImage shot = new Robot().createScreenCapture(screen);
      out.add(write(shot, dir.resolve(name + "-screen.png")));
    } catch (AWTException | SecurityException e) {
      System.err.println(
          "negotiate gui: no screen capture ("
              + e.getMessage()
              + "); windows are saved one by one");
    }
    for (int i = 0; i < windows.size(); i++) {
      BufferedImage img = painted.get().get(i);
      if (img != null)
        out.add(write(img, dir.resolve(name + "-" + windows.get(i).name() + ".png")));
    }
    return out;
  }

  /** A window and the short name its screenshot file gets. */
  record Named(String name, JFrame frame) {}

  /**
   * Paints a window's contents (without the window manager's frame) into an image; Swing thread.
   */
  static BufferedImage paint(Frame f) {
    JRootPane root = ((JFrame) f).getRootPane();
    int w = Math.max(1, root.getWidth());
    int h = Math.max(1, root.getHeight());
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    try {
      root.printAll(g);
    } finally {
      g.dispose();
    }
    return img;
  }

  private static Path write(BufferedImage img, Path file) throws IOException {
    // in memory: ImageIO's file cache fails on a full disk, in a thread of its own
    ImageIO.setUseCache(false);
    if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer");
    return file;
  }

  /** A short lower-case file name for a window title. */
  static String slug(String s) {
    String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return t.isEmpty() ? "window" : t;
  }
}
