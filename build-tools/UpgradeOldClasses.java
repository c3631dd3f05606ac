import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the classes of a runnable jar whose class-file version is older than Java 6 (picocli is
 * compiled for Java 5) as Java 8 classes, with the stack map frames the JVM's split verifier reads.
 *
 * <p>Why: the JVM's class cache (JDK 25's AOT cache, and CDS archives before it) skips a class that
 * was verified by the old, pre-Java-6 verifier ("Skipping picocli/CommandLine: Old class has been
 * linked", {@code -Xlog:aot}). picocli's ~200 classes were then read, parsed and verified from the
 * jar at every start of {@code bin/homelab}: about 0.07-0.1 s of a 0.25 s {@code homelab --version}.
 * The bytecode is unchanged; only the version and the frames (computed by ASM) are new, and the
 * Java 5 to Java 8 versions mean the same for these instructions.
 *
 * <p>Run from the build (exec-maven-plugin, after the shade plugin) as a source file:
 * {@code java -cp asm.jar build-tools/UpgradeOldClasses.java JAR}. The jar is replaced only once
 * every rewritten class has been loaded and verified from a copy; any failure stops the build.
 *
 * <p>The rewritten classes also go into {@code JAR}'s name with {@code .upgraded.jar} for
 * {@code .jar}, written only when its bytes change: when the launcher runs the library from its own
 * class path (the lab's {@code .classpath} file, see {@code dev.homelab.cli.launcher.RunLabJar}),
 * it puts that jar first, so the cache it keeps across rebuilds of the lab holds picocli too. The
 * file stays as it is while the old classes do, and the cache is only valid for unchanged jars.
 */
public final class UpgradeOldClasses {
  private static final int JAVA_6 = 50;

  private UpgradeOldClasses() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -cp asm.jar UpgradeOldClasses.java JAR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgrading");
    Path side = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".upgraded.jar");
    List<String> names = upgrade(jar, upgraded);
    if (names.isEmpty()) {
      Files.delete(upgraded); // nothing old: the jar stays byte for byte as the shade plugin wrote it
      Files.deleteIfExists(side);
      return;
    }
    verify(upgraded, names);
    writeIfChanged(side, onlyThese(upgraded, names));
    // Silent on success, like the rest of a `mvn -q` build (the exec plugin does not pass -q on).
    Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The entries of the classes {@code names} of {@code jar}, in its order, as the bytes of a jar. */
  static byte[] onlyThese(Path jar, List<String> names) throws IOException {
    Set<String> wanted = new LinkedHashSet<>();
    names.forEach(name -> wanted.add(name.replace('.', '/') + ".class"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        if (wanted.contains(entry.getName())) {
          ZipEntry copy = new ZipEntry(entry.getName());
          copy.setTime(entry.getTime());
          zip.putNextEntry(copy);
          try (InputStream stream = in.getInputStream(entry)) {
            stream.transferTo(zip);
          }
          zip.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  /** Writes {@code bytes} to {@code file} unless it holds them already (its time then stays too). */
  private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return;
    }
    Path staged = file.resolveSibling(file.getFileName() + ".writing");
    Files.write(staged, bytes);
    Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Copies {@code jar} to {@code out}, entry by entry in the same order, upgrading old classes. */
  static List<String> upgrade(Path jar, Path out) throws IOException {
    List<String> upgradedNames = new ArrayList<>();
    try (ZipFile in = new ZipFile(jar.toFile())) {
      Superclasses superclasses = new Superclasses(in);
      try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
        for (ZipEntry entry : Collections.list(in.entries())) {
          byte[] bytes;
          try (InputStream stream = in.getInputStream(entry)) {
            bytes = stream.readAllBytes();
          }
          if (isOldClass(entry, bytes)) {
            bytes = rewrite(bytes, superclasses);
            upgradedNames.add(entry.getName().substring(0, entry.getName().length() - ".class".length()).replace('/', '.'));
          }
          ZipEntry copy = new ZipEntry(entry.getName());
          copy.setTime(entry.getTime()); // the same jar for the same inputs
          zip.putNextEntry(copy);
          zip.write(bytes);
          zip.closeEntry();
        }
      }
    }
    return upgradedNames;
  }

  private static boolean isOldClass(ZipEntry entry, byte[] bytes) {
    return entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")
        && bytes.length > 8 && (((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff)) < JAVA_6;
  }

  /**
   * The superclass of a class of the jar, read from the jar when frame computation first asks (a
   * class of the JDK otherwise): only the types some frame merges are read, not every class twice.
   */
  private static final class Superclasses {
    private static final String NONE = "";
    private final ZipFile jar;
    private final Map<String, String> known = new HashMap<>();

    Superclasses(ZipFile jar) {
      this.jar = jar;
    }

    /** The superclass of {@code type} (internal name), or null for {@code java/lang/Object}. */
    String of(String type) {
      String found = known.computeIfAbsent(type, this::read);
      return found.equals(NONE) ? null : found;
    }

    private String read(String type) {
      ZipEntry entry = jar.getEntry(type + ".class");
      if (entry != null) {
        try (InputStream stream = jar.getInputStream(entry)) {
          String superName = new ClassReader(stream).getSuperName();
          return superName == null ? NONE : superName;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      try {
        Class<?> jdk = Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        return jdk.getSuperclass() == null ? NONE : jdk.getSuperclass().getName().replace('.', '/');
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot compute frames: " + type + " is neither in the jar nor in the JDK", e);
      }
    }
  }

  private static byte[] rewrite(byte[] bytes, Superclasses superclasses) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        Set<String> ancestorsOfA = ancestors(a, superclasses);
        for (String type : ancestors(b, superclasses)) {
          if (ancestorsOfA.contains(type)) {
            return type;
          }
        }
        return "java/lang/Object";
      }
    };
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
      }
    }, ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  /**
   * {@code type} and its superclasses, nearest first. An interface merges to {@code java/lang/Object},
   * as the verifier itself treats interfaces.
   */
  private static Set<String> ancestors(String type, Superclasses superclasses) {
    Set<String> out = new LinkedHashSet<>();
    for (String t = type; t != null; t = superclasses.of(t)) {
      out.add(t);
    }
    return out;
  }

  /** Loads, links and so verifies every rewritten class; a class with wrong frames fails here, not at a user's start. */
  static void verify(Path jar, List<String> names) throws IOException, ReflectiveOperationException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : names) {
        Class<?> type = Class.forName(name, false, loader);
        if (type.getClassLoader() != loader) {
          throw new IllegalStateException(name + " was not loaded from " + jar);
        }
        // Loading does not verify; initializing does, since the JVM links (and so verifies) a class
        // first. The rewritten classes are a command-line parser's: their initializers fill tables.
        Class.forName(name, true, loader);
      }
    }
  }
}
