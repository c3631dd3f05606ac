package dev.homelab.k8s.yaml;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/**
 * How Jackson writes one class, read once from its annotations by {@link BeanPlans}: the properties
 * in the order Jackson writes them, each with its inclusion, and the {@code @JsonAnyGetter} whose
 * entries follow them.
 */
record BeanPlan(List<Property> properties, Accessor anyGetter) {

  /** The {@code @JsonInclude} values a plan supports; others make the class fall back. */
  enum Inclusion { ALWAYS, NON_NULL, NON_EMPTY }

  /** A property: its written name, how it reads the value and when it is left out. */
  record Property(String name, Accessor accessor, Inclusion inclusion) {
    Object get(Object bean) {
      return accessor.get(bean);
    }
  }

  /**
   * Reads a value from a bean: the getter Jackson prefers, else the field. Through a method handle
   * of the shape {@code Object(Object)}: handles of one shape share their generated code, where
   * each reflective {@code Method} would get an accessor class of its own once called often.
   */
  static final class Accessor {
    private static final MethodType SHAPE = MethodType.methodType(Object.class, Object.class);
    private final MethodHandle handle;
    private final String name;

    Accessor(Method method) {
      this(unreflect(method), method.toString());
    }

    Accessor(Field field) {
      this(unreflect(field), field.toString());
    }

    private Accessor(MethodHandle handle, String name) {
      this.handle = handle.asType(SHAPE);
      this.name = name;
    }

    Object get(Object bean) {
      try {
        return (Object) handle.invokeExact(bean);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(name, e);
      }
    }

    /** Access was granted by {@code setAccessible} when the plan was made. */
    private static MethodHandle unreflect(Method m) {
      try {
        return MethodHandles.lookup().unreflect(m);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static MethodHandle unreflect(Field f) {
      try {
        return MethodHandles.lookup().unreflectGetter(f);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
