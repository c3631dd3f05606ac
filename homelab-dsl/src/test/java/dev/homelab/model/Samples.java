package dev.homelab.model;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A non-null argument of any type the DSL takes: {@code "a"}, 1, the first enum constant, a
 * one-element array or list, or a model value from its static factory with the fewest arguments.
 * Values do not check their contents when built (validation does), so these need not be sensible.
 */
final class Samples {
  private Samples() {}

  static Object of(Class<?> type) {
    if (type == String.class) {
      return "a";
    }
    if (type == int.class || type == Integer.class) {
      return 1;
    }
    if (type == long.class || type == Long.class) {
      return 1L;
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type.isArray()) {
      Object array = Array.newInstance(type.getComponentType(), 1);
      Array.set(array, 0, of(type.getComponentType()));
      return array;
    }
    if (type == List.class) {
      return List.of("a");
    }
    if (type == Optional.class) {
      return Optional.empty();
    }
    return fromFactory(type);
  }

  private static Object fromFactory(Class<?> type) {
    Method factory = Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()) && m.getReturnType() == type)
        .min(Comparator.comparingInt(Method::getParameterCount).thenComparing(Method::toString))
        .orElseThrow(() -> new IllegalArgumentException("no sample for " + type));
    Object[] args = Arrays.stream(factory.getParameterTypes()).map(Samples::of).toArray();
    try {
      return factory.invoke(null, args);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot build a sample " + type.getSimpleName(), e);
    }
  }
}
