package dev.homelab.cli.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What the launcher ({@code bin/homelab}, a lab's {@code ./lab}) starts when the build left the
 * lab's library class path beside its jar: {@code java -cp <library> RunLabJar <jar> <arguments>}.
 *
 * <p>Why: the JVM's class cache (an AOT cache from JDK 25, a CDS archive before) is valid only for
 * the class path it was made with, the size and time of every jar included. A lab's runnable jar is
 * rebuilt on every change of the lab, so a cache of that jar had to be made again after every edit,
 * and making one costs two to five times a plain run. The library's jars change only when the lab
 * moves to another version of them. So the class path holds the library alone, and the lab's jar
 * is opened here by a class loader whose parent is the class path's: parents are asked first, so
 * every class the library has comes from the cached class path, and only the lab's own classes
 * come from the jar. The jar's {@code Main-Class} then runs as {@code java -jar} runs it.
 */
public final class RunLabJar {
  private RunLabJar() {}

  /**
   * Runs the {@code main} of the jar {@code args[0]} with the other arguments; exits with 2 when
   * there is no such jar or it names no main class.
   */
  public static void main(String[] args) throws Throwable {
    Method main = mainOf(args, System.err);
    if (main == null) {
      System.exit(2);
    }
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause(); // reported by the JVM as java -jar would report it
    }
  }

  /**
   * The static {@code main(String[])} of the {@code Main-Class} of the jar {@code args[0]}, loaded
   * by a class loader of that jar (which it also makes the thread's context class loader), or
   * {@code null} after telling {@code err} why there is none.
   */
  static Method mainOf(String[] args, PrintStream err) throws IOException {
    if (args.length == 0) {
      err.println("error: no jar given. Usage: RunLabJar <jar> [arguments...]");
      return null;
    }
    Path jar = Path.of(args[0]);
    if (!Files.isRegularFile(jar)) {
      err.println("error: " + jar + " does not exist. Pass the path of a built jar");
      return null;
    }
    String mainClass;
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      mainClass = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
    }
    if (mainClass == null) {
      err.println("error: " + jar + " names no Main-Class in its manifest. Build it as a runnable jar");
      return null;
    }
    // Never closed: the lab's classes load from it until the JVM exits.
    ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, RunLabJar.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    try {
      Method main = Class.forName(mainClass, true, loader).getMethod("main", String[].class);
      if (Modifier.isStatic(main.getModifiers())) {
        main.setAccessible(true); // java -jar runs the main of a class that is not public, too
        return main;
      }
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      // told below
    }
    err.println("error: " + jar + " names " + mainClass + " as its Main-Class, which has no static main(String[])."
        + " Build it with its lab's main class");
    return null;
  }
}
