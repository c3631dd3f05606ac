package dev.homelab.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLabJarTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ClassLoader context = Thread.currentThread().getContextClassLoader();

  @AfterEach
  void restoreContextClassLoader() {
    Thread.currentThread().setContextClassLoader(context);
  }

  @Test
  void should_run_the_main_class_of_the_jar_with_the_other_arguments_and_the_library_from_the_class_path()
      throws Exception {
    // Lab.main records its arguments, and the loaders of itself and of a library class it uses.
    Path jar = jar("lab.jar", "Lab", "Lab",
        "public class Lab { public static void main(String[] a) {"
            + " System.setProperty(\"lab.ran\", String.join(\",\", a) + \"|\" + (Lab.class.getClassLoader()"
            + " == Thread.currentThread().getContextClassLoader()) + \"|\""
            + " + (dev.homelab.cli.launcher.RunLabJar.class.getClassLoader() == ClassLoader.getSystemClassLoader())); } }");

    Method main = RunLabJar.mainOf(new String[] {jar.toString(), "render", "--out", "out"}, new PrintStream(err));
    main.invoke(null, (Object) new String[] {"render", "--out", "out"});

    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(System.clearProperty("lab.ran")).isEqualTo("render,--out,out|true|true");
  }

  @Test
  void should_name_a_missing_jar() throws IOException {
    Method main = RunLabJar.mainOf(new String[] {tmp.resolve("target/lab.jar").toString()}, new PrintStream(err));

    assertThat(main).isNull();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("error: " + tmp.resolve("target/lab.jar") + " does not exist. Pass the path of a built jar\n");
  }

  @Test
  void should_name_a_jar_without_a_main_class() throws Exception {
    Path jar = jar("lib.jar", null, "Lib", "public class Lib {}");

    Method main = RunLabJar.mainOf(new String[] {jar.toString()}, new PrintStream(err));

    assertThat(main).isNull();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("error: " + jar + " names no Main-Class in its manifest. Build it as a runnable jar\n");
  }

  @Test
  void should_name_a_main_class_without_a_static_main() throws Exception {
    Path jar = jar("odd.jar", "Odd", "Odd", "public class Odd { public void main(String[] a) {} }");

    Method main = RunLabJar.mainOf(new String[] {jar.toString()}, new PrintStream(err));

    assertThat(main).isNull();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: " + jar
        + " names Odd as its Main-Class, which has no static main(String[]). Build it with its lab's main class\n");
  }

  /** A jar of one class compiled from {@code source} against the test class path, with that Main-Class (or none). */
  private Path jar(String name, String mainClass, String className, String source) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src-" + name));
    Path classes = Files.createDirectories(tmp.resolve("classes-" + name));
    Files.writeString(src.resolve(className + ".java"), source);
    int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"), src.resolve(className + ".java").toString());
    assertThat(code).as("compiling " + className).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    }
    Path jar = tmp.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry(className + ".class"));
      out.write(Files.readAllBytes(classes.resolve(className + ".class")));
      out.closeEntry();
    }
    return jar;
  }
}
