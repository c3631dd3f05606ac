package dev.homelab.cli.source;

import dev.homelab.model.Lab;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Loads JShell's snippet classes in this JVM below the CLI's own class loader, so a script's
 * {@code Lab} is the CLI's {@code Lab} and its value can be read back. (JShell's own local engine
 * loads snippets below the system class loader, which is not the CLI's inside a build tool.)
 */
final class SnippetClasses implements LoaderDelegate {
  private final Map<String, byte[]> declared = new HashMap<>();
  private final Map<String, Class<?>> loaded = new LinkedHashMap<>();
  private final ClassLoader loader;

  SnippetClasses(ClassLoader parent) {
    this.loader = new ClassLoader(parent) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] code = declared.get(name);
        if (code == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, code, 0, code.length);
      }
    };
  }

  ExecutionControlProvider provider() {
    return new ExecutionControlProvider() {
      @Override
      public String name() {
        return "homelab-local";
      }

      @Override
      public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new LocalExecutionControl(SnippetClasses.this);
      }
    };
  }

  @Override
  public void load(ClassBytecodes[] classes) throws ExecutionControl.ClassInstallException {
    for (ClassBytecodes c : classes) {
      declared.put(c.name(), c.bytecodes());
    }
    boolean[] installed = new boolean[classes.length];
    for (int i = 0; i < classes.length; i++) {
      try {
        Class<?> type = loader.loadClass(classes[i].name());
        type.getDeclaredMethods(); // link now, so a bad class fails here and not on first use
        loaded.put(classes[i].name(), type);
        installed[i] = true;
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ExecutionControl.ClassInstallException("cannot load " + classes[i].name() + ": " + e, installed);
      }
    }
  }

  @Override
  public void classesRedefined(ClassBytecodes[] classes) {
    for (ClassBytecodes c : classes) {
      declared.put(c.name(), c.bytecodes());
    }
  }

  @Override
  public void addToClasspath(String path) {
    // The parent loader is the CLI's: the model and the DSL are already there.
  }

  @Override
  public Class<?> findClass(String name) throws ClassNotFoundException {
    Class<?> type = loaded.get(name);
    return type != null ? type : loader.loadClass(name);
  }

  /**
   * The value of the script's variable {@code name} of type {@code Lab}: JShell keeps a variable as
   * a static field of its snippet's class; the latest definition wins.
   */
  Lab lab(String name) {
    List<Class<?>> newestFirst = new ArrayList<>(loaded.values());
    java.util.Collections.reverse(newestFirst);
    for (Class<?> type : newestFirst) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getName().equals(name) && Modifier.isStatic(field.getModifiers())
            && Lab.class.isAssignableFrom(field.getType())) {
          try {
            field.setAccessible(true);
            return (Lab) field.get(null);
          } catch (IllegalAccessException | RuntimeException e) {
            return null;
          }
        }
      }
    }
    return null;
  }
}
