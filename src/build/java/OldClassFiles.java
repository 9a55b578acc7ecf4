import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step (pom.xml, phase package, after the shade plugin): raises the class files of Java 5
 * libraries in the tool's jar (picocli and Commons Math are compiled for Java 5, class-file version
 * 49) to Java 6 (50), with stack-map frames computed. Java 17's class-data sharing refuses class
 * files older than Java 6, so without this the launcher's archive (target/negotiate.jsa) holds none
 * of their classes and every command loads and verifies about 250 of them again, with the old
 * type-inferring verifier: about 0.1 s of every start (docs/performance.md, session 7). The code
 * itself is unchanged: only the version number and the frames that version 50 adds.
 *
 * <p>Run in source-file mode by the JDK that runs Maven: {@code java -cp asm.jar OldClassFiles.java
 * JAR}. The jar is rewritten beside itself and moved into place only when every class was
 * rewritten; entries keep their order and times, so the jar stays reproducible.
 */
public final class OldClassFiles {
  private static final int JAVA_6 = 50;

  private OldClassFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -cp asm.jar OldClassFiles.java JAR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path next = jar.resolveSibling(jar.getFileName() + ".upgrading");
    try (ZipFile in = new ZipFile(jar.toFile());
        URLClassLoader classes =
            new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        OutputStream file = Files.newOutputStream(next);
        ZipOutputStream out = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        if (e.getName().endsWith(".class") && major(bytes) < JAVA_6) {
          bytes = raise(bytes, classes);
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        if (e.getComment() != null) copy.setComment(e.getComment());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    } catch (RuntimeException | IOException failed) {
      Files.deleteIfExists(next);
      throw failed;
    }
    Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int major(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  private static byte[] raise(byte[] classFile, ClassLoader classes) {
    ClassReader reader = new ClassReader(classFile);
    // Frames need the common superclass of two types: asked of the jar's own classes, loaded
    // without being initialised.
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return classes;
          }
        };
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(JAVA_6, access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
