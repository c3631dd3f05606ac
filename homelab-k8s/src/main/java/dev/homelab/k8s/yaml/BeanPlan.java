package dev.homelab.k8s.yaml;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
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

  /** Reads a value from a bean: the getter Jackson prefers, else the field. */
  static final class Accessor {
    private final Method method;
    private final Field field;

    Accessor(Method method) {
      this.method = method;
      this.field = null;
    }

    Accessor(Field field) {
      this.method = null;
      this.field = field;
    }

    Object get(Object bean) {
      try {
        return method != null ? method.invoke(bean) : field.get(bean);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String toString() {
      return method != null ? method.toString() : field.toString();
    }
  }
}
