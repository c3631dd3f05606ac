package dev.homelab.cli.source;

import dev.homelab.model.Lab;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** A lab class in one Java source file, compiled in memory and asked for its {@code static Lab lab()}. */
final class JavaLabSource {
  private JavaLabSource() {}

  static Lab load(Path file) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new LabSourceException(LabSources.USAGE, "error: --lab " + file
          + ": compiling Java needs a JDK, and this Java runtime has no compiler. Run homelab with the java of a JDK 17 or newer");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    InMemoryClasses classes = new InMemoryClasses(files);
    // -proc:none: annotation processors that happen to be on the classpath (Immutables) have no say here.
    List<String> options = List.of("-classpath", ClassPath.current(), "-proc:none", "-encoding", "UTF-8", "-g");
    boolean compiled = compiler.getTask(null, classes, diagnostics, options, null, files.getJavaFileObjects(file)).call();
    if (!compiled) {
      throw new LabSourceException(LabSources.INVALID, Diagnostics.javac(file, diagnostics.getDiagnostics()));
    }
    String simpleName = file.getFileName().toString().replaceFirst("\\.java$", "");
    Class<?> type = classes.load(simpleName, JavaLabSource.class.getClassLoader());
    if (type == null) {
      throw new LabSourceException(LabSources.INVALID, "error: " + file + ": declares no class " + simpleName
          + ". Name the class after its file, with a static Lab lab() method");
    }
    Method lab = labMethod(type);
    if (lab == null) {
      throw new LabSourceException(LabSources.INVALID, "error: " + file + ": class " + simpleName
          + " has no public static Lab lab() method. Add one that returns the homelab(...) model");
    }
    try {
      Lab model = (Lab) lab.invoke(null);
      if (model == null) {
        throw new LabSourceException(LabSources.INVALID, "error: " + file + ": " + simpleName
            + ".lab() returned null, so there is no model to work on. "
            + "Return the homelab(...) model, e.g. return homelab(\"home\").domain(\"example.com\")...;");
      }
      return model;
    } catch (InvocationTargetException e) {
      throw Diagnostics.thrown(file, "lab()", e.getCause());
    } catch (ExceptionInInitializerError e) {
      // Method.invoke initializes the class first: a static field's initializer threw, not lab() itself
      throw Diagnostics.thrown(file, "a static initializer of " + simpleName, e.getCause() == null ? e : e.getCause());
    } catch (IllegalAccessException e) {
      throw new LabSourceException(LabSources.INVALID, "error: " + file + ": " + simpleName
          + ".lab() cannot be called from outside. Make the class and the method public");
    }
  }

  private static Method labMethod(Class<?> type) {
    try {
      Method m = type.getMethod("lab");
      return Modifier.isStatic(m.getModifiers()) && Lab.class.isAssignableFrom(m.getReturnType()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Keeps the compiled classes in memory and loads them, the CLI's classes as their parent. */
  private static final class InMemoryClasses extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, ByteArrayOutputStream> bytes = new TreeMap<>();

    InMemoryClasses(StandardJavaFileManager files) {
      super(files);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
        FileObject sibling) {
      URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
      return new SimpleJavaFileObject(uri, kind) {
        @Override
        public OutputStream openOutputStream() {
          return bytes.computeIfAbsent(className, c -> new ByteArrayOutputStream());
        }
      };
    }

    /** The top-level class called {@code simpleName} (in whatever package), or null. */
    Class<?> load(String simpleName, ClassLoader parent) {
      Map<String, byte[]> compiled = new TreeMap<>();
      bytes.forEach((name, out) -> compiled.put(name, out.toByteArray()));
      ClassLoader loader = new ClassLoader(parent) {
        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
          byte[] code = compiled.get(name);
          if (code == null) {
            throw new ClassNotFoundException(name);
          }
          return defineClass(name, code, 0, code.length);
        }
      };
      for (String name : compiled.keySet()) {
        if (name.equals(simpleName) || name.endsWith("." + simpleName)) {
          try {
            return loader.loadClass(name);
          } catch (ClassNotFoundException | LinkageError e) {
            throw new UncheckedIOException(new IOException("cannot load the compiled " + name, e));
          }
        }
      }
      return null;
    }
  }
}
