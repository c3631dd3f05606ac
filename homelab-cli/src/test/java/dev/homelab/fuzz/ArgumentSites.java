package dev.homelab.fuzz;

import dev.homelab.Homelab;
import dev.homelab.backend.Renderer;
import dev.homelab.cli.StandardBackends;
import dev.homelab.model.Lab;
import dev.homelab.validation.Validator;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every public String (and String varargs) argument of the DSL, found by reflection: the static
 * factories of {@link Homelab} and the public setters (instance methods returning their own type) of
 * every model type reachable from a lab. Each argument becomes a {@link Site} with valid values for
 * all arguments of its method, taken from the lab where it has them (the current value of the
 * attribute the method sets) or found among {@link #POOL} by trying them against validation, so a
 * new setter is fuzzed without editing a table.
 */
final class ArgumentSites {
  /**
   * Plausible valid values tried when the lab has none; varied so that most formats find one. The
   * WireGuard key (base64 of a placeholder) is no peer's: a new peer needs a name, an address and a
   * key of its own at once (vpn-peer-unique), which only the pair search finds, in the first 40 options.
   */
  private static final List<String> POOL = List.of(
      "fuzz", "/srv/fuzz", "/fuzz", "192.168.1.30", "10.8.0.9/32", "ZnV6ei1wdWJsaWMta2V5LXBsYWNlaG9sZGVyPT09PT0=",
      "https://s3.example.org", "fuzz.example.com",
      "example.com", "v1.33.4+k3s1", "15", "0 3 * * *", "daily", "03:00", "Europe/Paris", "1Gi", "100m", "64Mi",
      "128Mi", "homelab.dev/fuzz", "NoSchedule", "TCP", "admin@example.com", "ghcr.io/example/fuzz:1.0.0",
      "example/fuzz", "value", "/dev/disk/by-id/fuzz", "sh", "saturday", "192.168.1.0/24",
      "local-path", "/config/fuzz.yaml", "/usr/local/etc/php/conf.d/fuzz.ini", "websecure", "websecure-int");

  /** One argument of one DSL method, with the lab it is set in. */
  record Site(String name, String base, Invocation invocation) {
    Lab lab(String argument) {
      return invocation.lab(argument);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A lab with one argument of a DSL call set to the given text, the other arguments valid. */
  interface Invocation {
    Lab lab(String argument);
  }

  private final Lab root;
  private final Renderer renderer = Renderer.using(StandardBackends.all());
  private final Map<Class<?>, List<List<ModelGraph.Step>>> paths = new LinkedHashMap<>();
  private final Map<Class<?>, List<Object>> instances = new LinkedHashMap<>();
  private final List<String> unresolved = new ArrayList<>();
  /** The names of the lab's parts: what arguments that refer to a part (a node, a storage class) take. */
  private final Set<String> names = new LinkedHashSet<>();
  private String lastProblems = "";

  ArgumentSites(Lab root) {
    this.root = root;
    ModelGraph.walk(root, (path, value) -> {
      Class<?> type = ModelGraph.modelType(value.getClass());
      paths.computeIfAbsent(type, t -> new ArrayList<>()).add(path);
      instances.computeIfAbsent(type, t -> new ArrayList<>()).add(value);
      for (Method attribute : ModelGraph.attributes(value.getClass())) {
        if (attribute.getName().equals("name") && invoke(attribute, value) instanceof String name) {
          names.add(name);
        }
      }
    });
  }

  /** Methods whose String arguments have no valid values in the lab nor in the pool. */
  List<String> unresolved() {
    return unresolved;
  }

  /** Every site, sorted by name. */
  List<Site> all() {
    List<Site> sites = new ArrayList<>();
    for (Method factory : sorted(Homelab.class.getMethods())) {
      if (Modifier.isStatic(factory.getModifiers()) && hasText(factory)) {
        sites.addAll(factorySites(factory));
      }
    }
    for (Class<?> type : paths.keySet()) {
      for (Method setter : sorted(type.getMethods())) {
        if (!Modifier.isStatic(setter.getModifiers()) && setter.getReturnType() == type
            && setter.getDeclaringClass() == type && hasText(setter)) {
          sites.addAll(setterSites(type, setter));
        }
      }
    }
    sites.sort(Comparator.comparing(Site::name));
    return sites;
  }

  private static List<Method> sorted(Method[] methods) {
    return Arrays.stream(methods).sorted(Comparator.comparing(Method::toGenericString)).toList();
  }

  private static boolean hasText(Method m) {
    return Arrays.stream(m.getParameterTypes()).anyMatch(ArgumentSites::isText);
  }

  private static boolean isText(Class<?> type) {
    return type == String.class || type == String[].class;
  }

  // ---- setters -----------------------------------------------------------------------------------

  private List<Site> setterSites(Class<?> type, Method setter) {
    List<Object> candidates = instances.get(type);
    List<List<ModelGraph.Step>> candidatePaths = paths.get(type);
    // Prefer values that already have what the setter sets: their current values are valid ones.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> related(candidates.get(i), setter, setter.getParameters()[0], 0).isEmpty()));
    for (int i : order.subList(0, Math.min(3, order.size()))) {
      Object target = candidates.get(i);
      List<ModelGraph.Step> path = candidatePaths.get(i);
      Invoker invoker = args -> (Lab) ModelGraph.replace(root, path, call(setter, target, args));
      Optional<List<Site>> sites = sites(type.getSimpleName() + "." + setter.getName(), setter, target, invoker);
      if (sites.isPresent()) {
        return sites.get();
      }
    }
    unresolved.add(type.getSimpleName() + "." + setter.getName() + Arrays.toString(setter.getParameterTypes()) + lastProblems);
    return List.of();
  }

  // ---- factories ---------------------------------------------------------------------------------

  private List<Site> factorySites(Method factory) {
    Class<?> type = factory.getReturnType();
    List<Object> candidates = instances.getOrDefault(type, List.of());
    List<List<ModelGraph.Step>> candidatePaths = paths.getOrDefault(type, List.of());
    for (int i = 0; i < Math.min(3, candidates.size()); i++) {
      Object target = candidates.get(i);
      List<ModelGraph.Step> path = candidatePaths.get(i);
      Object[] reference = firstOptions(target, factory);
      Invoker invoker = args -> (Lab) ModelGraph.replace(root, path, overlay(target, factory, reference, args));
      Optional<List<Site>> sites = sites("Homelab." + factory.getName(), factory, target, invoker);
      if (sites.isPresent()) {
        return sites.get();
      }
    }
    unresolved.add("Homelab." + factory.getName() + Arrays.toString(factory.getParameterTypes()) + lastProblems);
    return List.of();
  }

  /**
   * {@code target} with what the factory call sets from {@code args}: the attributes of
   * {@code factory(args)} that differ from a call with {@code reference} arguments (the target's own
   * values where it has them), so the target keeps everything chained on it.
   */
  private Object overlay(Object target, Method factory, Object[] reference, Object[] args) {
    Object made = call(factory, null, args);
    Object plain = call(factory, null, reference);
    Object out = target;
    for (Method attribute : ModelGraph.attributes(made.getClass())) {
      Object value = invoke(attribute, made);
      if (!Objects.equals(value, invoke(attribute, plain))) {
        out = ModelGraph.with(out, attribute.getName(), value);
      }
    }
    return out;
  }

  private Object[] firstOptions(Object target, Method method) {
    Parameter[] parameters = method.getParameters();
    Object[] out = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      List<Object> options = options(target, method, parameters[i], i);
      out[i] = options.isEmpty() ? null : options.get(0);
    }
    return out;
  }

  // ---- finding valid arguments ------------------------------------------------------------------

  @FunctionalInterface
  interface Invoker {
    Lab lab(Object[] args);
  }

  private Optional<List<Site>> sites(String name, Method method, Object target, Invoker invoker) {
    Parameter[] parameters = method.getParameters();
    List<List<Object>> options = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      options.add(options(target, method, parameters[i], i));
    }
    Object[] args = options.stream().map(o -> o.isEmpty() ? null : o.get(0)).toArray();
    int best = problems(invoker, args);
    for (int pass = 0; pass < 3 && best > 0; pass++) {
      for (int i = 0; i < parameters.length && best > 0; i++) {
        for (Object option : options.get(i)) {
          Object[] tried = args.clone();
          tried[i] = option;
          int count = problems(invoker, tried);
          if (count < best) {
            best = count;
            args = tried;
            if (best == 0) {
              break;
            }
          }
        }
      }
    }
    // Two arguments that are only valid together (a port and its protocol): try them in pairs.
    for (int i = 0; i < parameters.length && best > 0; i++) {
      for (int j = i + 1; j < parameters.length && best > 0; j++) {
        for (Object a : head(options.get(i))) {
          for (Object b : head(options.get(j))) {
            Object[] tried = args.clone();
            tried[i] = a;
            tried[j] = b;
            int count = problems(invoker, tried);
            if (count < best) {
              best = count;
              args = tried;
            }
            if (best == 0) {
              break;
            }
          }
          if (best == 0) {
            break;
          }
        }
      }
    }
    if (best > 0) {
      lastProblems = describe(invoker, args);
      return Optional.empty();
    }
    List<Site> sites = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      if (isText(parameters[i].getType())) {
        int index = i;
        Object[] valid = args;
        String base = parameters[i].getType() == String.class ? (String) args[i] : ((String[]) args[i])[0];
        // The parameter list tells overloads apart: App.env(name, value) and App.env(name, secret).
        String label = name + Arrays.stream(parameters).map(Parameter::getName)
            .collect(java.util.stream.Collectors.joining(", ", "(", ")")) + "#" + parameters[i].getName();
        sites.add(new Site(label, base, text -> invoker.lab(with(valid, index, text))));
      }
    }
    return Optional.of(sites);
  }

  private static List<Object> head(List<Object> options) {
    return options.subList(0, Math.min(options.size(), 40));
  }

  private static Object[] with(Object[] args, int index, String text) {
    Object[] out = args.clone();
    if (out[index] instanceof String[] array) {
      String[] copy = array.clone();
      copy[0] = text;
      out[index] = copy;
    } else {
      out[index] = text;
    }
    return out;
  }

  private String describe(Invoker invoker, Object[] args) {
    try {
      return " " + Arrays.deepToString(args) + ": " + renderer.problems(invoker.lab(args));
    } catch (RuntimeException refused) {
      return " " + Arrays.deepToString(args) + ": " + refused;
    }
  }

  /** The model's problems, then (only for a valid model: they render) the backends'. */
  private int problems(Invoker invoker, Object[] args) {
    try {
      Lab lab = invoker.lab(args);
      int model = Validator.standard().problems(lab).size();
      return model > 0 ? model : renderer.problems(lab).size();
    } catch (RuntimeException refused) {
      return Integer.MAX_VALUE;
    }
  }

  /** Values to try for one parameter, the lab's own first. */
  private List<Object> options(Object target, Method method, Parameter parameter, int index) {
    Class<?> type = parameter.getType();
    Set<Object> out = new LinkedHashSet<>();
    List<Object> own = related(target, method, parameter, index);
    if (type == String.class || type == String[].class) {
      List<String> texts = new ArrayList<>();
      own.stream().filter(String.class::isInstance).map(String.class::cast).forEach(texts::add);
      // Setters that add to a list refuse a duplicate: variants of the lab's own values.
      new ArrayList<>(texts).forEach(t -> {
        texts.add(t + "x");
        texts.add(t + "/x");
      });
      texts.addAll(POOL);
      texts.addAll(names);
      texts.forEach(t -> out.add(type == String.class ? t : new String[] {t}));
    } else if (type == List.class) {
      own.stream().filter(List.class::isInstance).forEach(out::add);
      out.add(List.of("saturday"));
    } else if (type.isEnum()) {
      own.stream().filter(type::isInstance).forEach(out::add);
      out.addAll(Arrays.asList(type.getEnumConstants()));
    } else if (type == int.class || type == Integer.class || type == long.class) {
      own.stream().filter(o -> o instanceof Integer || o instanceof Long).forEach(out::add);
      for (int n : new int[] {1, 2, 8080, 5, 100, 7359}) {
        out.add(type == long.class ? (Object) (long) n : n);
      }
    } else if (type == boolean.class) {
      out.add(true);
      out.add(false);
    } else if (type == java.time.LocalTime.class) {
      own.stream().filter(type::isInstance).forEach(out::add);
      out.add(java.time.LocalTime.of(3, 0));
      out.add(java.time.LocalTime.of(6, 0));
    } else if (type.isArray() && type.getComponentType().isEnum()) {
      for (Object constant : type.getComponentType().getEnumConstants()) {
        Object array = Array.newInstance(type.getComponentType(), 1);
        Array.set(array, 0, constant);
        out.add(array);
      }
    } else if (type.isArray()) {
      Class<?> component = type.getComponentType();
      for (Object instance : instances.getOrDefault(component, List.of())) {
        Object array = Array.newInstance(component, 1);
        Array.set(array, 0, instance);
        out.add(array);
      }
    } else {
      own.stream().filter(type::isInstance).forEach(out::add);
      out.addAll(instances.getOrDefault(type, List.of()));
    }
    return new ArrayList<>(out).subList(0, Math.min(out.size(), 150));
  }

  /**
   * The target's current values for what {@code method}'s parameter sets: attributes named like the
   * method or the parameter (singular or plural), unwrapped from Optionals, lists, maps (keys for
   * the first parameter, values for later ones) and model values (their attribute of the
   * parameter's name).
   */
  private static List<Object> related(Object target, Method method, Parameter parameter, int index) {
    List<Object> out = new ArrayList<>();
    String p = parameter.getName();
    for (String name : List.of(method.getName(), method.getName() + "s", p, p + "s", stripDigits(p) + "s")) {
      for (Method attribute : ModelGraph.attributes(target.getClass())) {
        if (attribute.getName().equals(name)) {
          unwrap(invoke(attribute, target), p, index, out);
        }
      }
    }
    return out;
  }

  private static String stripDigits(String name) {
    return name.replaceAll("\\d+$", "");
  }

  private static void unwrap(Object value, String parameter, int index, List<Object> out) {
    if (value instanceof Optional<?> o) {
      o.ifPresent(v -> unwrap(v, parameter, index, out));
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.add(index == 0 ? k : v));
    } else if (value instanceof Collection<?> list) {
      out.add(value instanceof List<?> ? List.copyOf(list) : value);
      List<?> elements = new ArrayList<>(list);
      String digits = parameter.replaceAll("^\\D+", "");
      if (!digits.isEmpty() && Integer.parseInt(digits) <= elements.size()) {
        unwrap(elements.get(Integer.parseInt(digits) - 1), parameter, index, out);
      }
      elements.forEach(e -> unwrap(e, parameter, index, out));
    } else if (value != null && ModelGraph.isModel(value.getClass())) {
      for (Method attribute : ModelGraph.attributes(value.getClass())) {
        if (attribute.getName().equals(parameter) || attribute.getName().equals(stripDigits(parameter))) {
          unwrap(invoke(attribute, value), parameter, index, out);
        }
      }
      out.add(value);
    } else if (value != null) {
      out.add(value);
    }
  }

  private static Object invoke(Method attribute, Object value) {
    try {
      attribute.setAccessible(true);
      return attribute.invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Calls a DSL method; what it throws is thrown as is (a refusal is an outcome, not a test error). */
  static Object call(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
