package dev.homelab.cli;

import dev.homelab.cli.source.LabSourceException;
import dev.homelab.model.Lab;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A program's lab supplier ({@code HomelabCli.run(MyLab::lab, args)}) that returned null: the user's
 * mistake, reported with the method to fix (exit 1), not a bug of homelab.
 */
final class NullLab {
  private NullLab() {}

  /** {@code lab}'s model, or a {@link LabSourceException} naming what returned null. */
  static Lab of(Supplier<Lab> lab) {
    Lab model = lab.get();
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
    String name = supplier.getName();
    int lambda = name.indexOf("$$Lambda");
    String host = lambda < 0 ? name : name.substring(0, lambda);
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
