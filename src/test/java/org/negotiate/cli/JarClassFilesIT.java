package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The tool's jar holds no class file older than Java 6 (version 50), which Java 17's class-data
 * sharing would refuse to archive: the build step {@code src/build/java/OldClassFiles.java} raises
 * picocli's and Commons Math's Java 5 class files (docs/build.md). Without it every command loads
 * and verifies them again at each start.
 */
class JarClassFilesIT {
  @Test
  void everyClassFileOfTheJarIsJava6OrLater() throws Exception {
    Path jar = Path.of(System.getProperty("negotiate.jar", "target/negotiate.jar"));
    assertTrue(Files.isRegularFile(jar), "no jar at " + jar);
    List<String> old = new ArrayList<>();
    int picocli = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (!e.getName().endsWith(".class")) continue;
        if (e.getName().startsWith("picocli/")) picocli++;
        try (InputStream in = zip.getInputStream(e);
            DataInputStream data = new DataInputStream(in)) {
          assertEquals(0xCAFEBABE, data.readInt(), e.getName());
          data.readUnsignedShort(); // minor
          if (data.readUnsignedShort() < 50 && old.size() < 10) old.add(e.getName());
        }
      }
    }
    assertTrue(picocli > 100, "the jar should hold picocli's classes (" + picocli + ")");
    assertEquals(List.of(), old, "class files older than Java 6");
  }
}
