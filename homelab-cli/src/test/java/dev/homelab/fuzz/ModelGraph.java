package dev.homelab.fuzz;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The model values reachable from a lab through their attribute accessors, each with the path that
 * reaches it, and a copy of the lab with the value at a path replaced (through the generated
 * {@code with*} methods, so the copy is built as the DSL builds values).
 */
final class ModelGraph {
  private static final String MODEL = "dev.homelab.model";

  /** One step down: an attribute, then an element of it when it is a collection or an Optional. */
  record Step(String attribute, Object key) {}

  private ModelGraph() {}

  static boolean isModel(Class<?> type) {
    return type.getName().startsWith(MODEL) && !type.isEnum() && !type.isRecord() && !type.isInterface();
  }

  /** Every model value under {@code root} (itself first), depth first, with its path. */
  static void walk(Object root, BiConsumer<List<Step>, Object> visitor) {
    walk(root, List.of(), visitor);
  }

  private static void walk(Object value, List<Step> path, BiConsumer<List<Step>, Object> visitor) {
    if (path.size() > 12) {
      throw new IllegalStateException("model graph deeper than 12: " + path);
    }
    visitor.accept(path, value);
    for (Method attribute : attributes(value.getClass())) {
      Object child = get(attribute, value);
      children(child).forEach((key, element) -> {
        if (element != null && isModel(element.getClass())) {
          List<Step> next = new ArrayList<>(path);
          next.add(new Step(attribute.getName(), key));
          walk(element, List.copyOf(next), visitor);
        }
      });
    }
  }

  /** {@code root} with the value at {@code path} replaced by {@code replacement}. */
  static Object replace(Object root, List<Step> path, Object replacement) {
    if (path.isEmpty()) {
      return replacement;
    }
    Step step = path.get(0);
    Method attribute = attribute(root.getClass(), step.attribute());
    Object current = get(attribute, root);
    Object element = children(current).get(step.key());
    Object replaced = replace(element, path.subList(1, path.size()), replacement);
    return with(root, step.attribute(), swap(current, step.key(), replaced));
  }

  /** The public no-argument accessors of a model type that return its attributes. */
  static List<Method> attributes(Class<?> type) {
    Class<?> model = modelType(type);
    List<Method> out = new ArrayList<>();
    for (Method m : model.getMethods()) {
      // A no-argument setter (node.arm64()) returns its own type; it is no attribute.
      if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() != model
          && m.getDeclaringClass().getName().startsWith(MODEL) && hasWith(type, m.getName())) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName));
    return out;
  }

  /** The public abstract model type of a generated {@code Immutable*} class. */
  static Class<?> modelType(Class<?> type) {
    Class<?> t = type;
    while (t != null && !Modifier.isPublic(t.getModifiers())) {
      t = t.getSuperclass();
    }
    return t == null ? type : t;
  }

  private static boolean hasWith(Class<?> type, String attribute) {
    String with = "with" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(with) && m.getParameterCount() == 1);
  }

  private static Method attribute(Class<?> type, String name) {
    try {
      return modelType(type).getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object get(Method attribute, Object value) {
    try {
      return attribute.invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(attribute + " of " + value.getClass(), e);
    }
  }

  /** A value's elements by key: itself under "", an Optional's content, list indexes, set members, map keys. */
  private static Map<Object, Object> children(Object value) {
    Map<Object, Object> out = new LinkedHashMap<>();
    if (value instanceof Optional<?> o) {
      o.ifPresent(v -> out.put("", v));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.put(i, list.get(i));
      }
    } else if (value instanceof Set<?> set) {
      int i = 0;
      for (Object v : set) {
        out.put(i++, v);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach(out::put);
    } else if (value != null) {
      out.put("", value);
    }
    return out;
  }

  private static Object swap(Object current, Object key, Object replaced) {
    if (current instanceof Optional<?>) {
      return Optional.of(replaced);
    } else if (current instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list);
      copy.set((Integer) key, replaced);
      return copy;
    } else if (current instanceof Set<?> set) {
      List<Object> copy = new ArrayList<>(set);
      copy.set((Integer) key, replaced);
      return new LinkedHashSet<>(copy);
    } else if (current instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      copy.put(key, replaced);
      return copy;
    }
    return replaced;
  }

  static Object with(Object value, String attribute, Object newValue) {
    String with = "with" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    for (Method m : value.getClass().getMethods()) {
      // A primitive attribute (App.port) takes its boxed value too: a factory that sets it (app("nextcloud")).
      if (m.getName().equals(with) && m.getParameterCount() == 1
          && java.lang.invoke.MethodType.methodType(m.getParameterTypes()[0]).wrap().returnType().isInstance(newValue)) {
        try {
          m.setAccessible(true);
          return m.invoke(value, newValue);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(with + " of " + value.getClass(), e);
        }
      }
    }
    throw new IllegalStateException("no " + with + " for " + newValue.getClass() + " in " + value.getClass());
  }
}
