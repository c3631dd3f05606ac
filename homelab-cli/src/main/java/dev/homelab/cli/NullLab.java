package dev.homelab.cli;

import dev.homelab.cli.source.LabSourceException;
import dev.homelab.model.Lab;
import dev.homelab.validation.ValidationException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A program's lab supplier ({@code HomelabCli.run(MyLab::lab, args)}) that returned null or whose own
 * code threw: the user's mistake, reported with the method to fix (exit 1), not a bug of homelab.
 */
final class NullLab {
  private NullLab() {}

  /**
   * {@code lab}'s model, or a {@link LabSourceException} naming what returned null, or what threw when
   * the program's own code threw (an exception of homelab's code is left as it is: a bug).
   */
  static Lab of(Supplier<Lab> lab) {
    Lab model;
    try {
      model = lab.get();
    } catch (RuntimeException | ExceptionInInitializerError e) {
      java.util.Optional<LabSourceException> theirs = thrownByTheProgram(lab.getClass(), e);
      if (theirs.isPresent()) {
        throw theirs.get();
      }
      throw e;
    }
    if (model == null) {
      throw new LabSourceException(HomelabCli.INVALID_MODEL, message(lab.getClass()));
    }
    return model;
  }

  /**
   * {@code error: com.example.MyLab.lab() returned null ...} when the class that wrote the supplier
   * (a lambda's or method reference's host: {@code MyLab} for {@code MyLab::lab} in {@code MyLab.main})
   * has exactly one static {@code Lab} method without parameters; else that class is named.
   */
  static String message(Class<?> supplier) {
    String host = host(supplier);
    List<Method> labMethods = labMethods(supplier, host);
    String what;
    if (host.equals(HomelabCli.class.getName())) {
      what = "the Lab passed to HomelabCli.run(lab, args) is null";
    } else if (labMethods.size() == 1) {
      what = host + "." + labMethods.get(0).getName() + "() returned null";
    } else {
      what = "the Supplier<Lab> that " + host + " hands to HomelabCli.run returned null";
    }
    return "error: " + what + ", so there is no model to work on. "
        + "Return the homelab(...) model, e.g. return homelab(\"home\").domain(\"example.com\")...;";
  }

  /**
   * {@code File.java:line: error: com.example.MyLab.lab() threw ...} when the innermost frame of
   * {@code e} that is not the JDK's belongs to the program (not to homelab's own packages); empty
   * otherwise, and for a {@link ValidationException} (a model problem, reported as one).
   */
  static java.util.Optional<LabSourceException> thrownByTheProgram(Class<?> supplier, Throwable e) {
    Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof ValidationException || cause instanceof LabSourceException) {
      return java.util.Optional.empty();
    }
    String host = host(supplier);
    String hostPackage = host.contains(".") ? host.substring(0, host.lastIndexOf('.') + 1) : "";
    for (StackTraceElement frame : cause.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
        continue;
      }
      boolean homelab = type.startsWith("dev.homelab.") && (hostPackage.isEmpty() || !type.startsWith(hostPackage));
      if (homelab) {
        return java.util.Optional.empty();
      }
      List<Method> labMethods = labMethods(supplier, host);
      String what = labMethods.size() == 1 ? host + "." + labMethods.get(0).getName() + "()" : "the Supplier<Lab> of " + host;
      String where = frame.getFileName() != null && frame.getLineNumber() > 0 ? frame.getFileName() + ":" + frame.getLineNumber() + ": " : "";
      return java.util.Optional.of(new LabSourceException(HomelabCli.INVALID_MODEL, where + "error: " + what
          + (cause == e ? "" : ", initializing " + type + ",") + " threw " + cause.getClass().getName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
    }
    return java.util.Optional.empty();
  }

  private static String host(Class<?> supplier) {
    String name = supplier.getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : name.substring(0, lambda);
  }

  private static List<Method> labMethods(Class<?> supplier, String host) {
    try {
      Class<?> type = Class.forName(host, false, supplier.getClassLoader());
      return Arrays.stream(type.getDeclaredMethods())
          .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == Lab.class)
          .filter(m -> !m.isSynthetic())
          .toList();
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
      return List.of();
    }
  }
}
