package dev.homelab.k8s.yaml;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Function;

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
   * Reads a value from a bean: the getter Jackson prefers, else the field. First through a method
   * handle (handles of one shape share their generated code, so a short run defines no class per
   * getter); a getter read {@value #PROMOTE_AFTER} times becomes a {@link Function} through
   * {@link LambdaMetafactory}, which the JIT then calls like the getter itself (a method handle held
   * in a field, or a reflective call, stays several times slower), the way the JDK inflates
   * reflective calls.
   */
  static final class Accessor {
    static final int PROMOTE_AFTER = 100;
    private static final MethodType SHAPE = MethodType.methodType(Object.class, Object.class);
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private final Method method;
    /** For {@link #toString} only: its text is made when an error message asks for it. */
    private final java.lang.reflect.Member member;
    /** Replaced once, by an equivalent reader: a racing thread may still use the first one. */
    private Function<Object, Object> read;
    /** Not exact under races, which only delays the promotion. */
    private int reads;

    Accessor(Method method) {
      this.method = method;
      this.read = viaHandle(unreflect(method));
      this.member = method;
    }

    Accessor(Field field) {
      this.method = null;
      this.read = viaHandle(unreflect(field));
      this.member = field;
    }

    Object get(Object bean) {
      if (method != null && reads < PROMOTE_AFTER && ++reads == PROMOTE_AFTER) {
        read = function(method);
      }
      return read.apply(bean);
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> function(Method m) {
      MethodHandle handle = unreflect(m);
      if (Modifier.isPublic(m.getDeclaringClass().getModifiers()) && Modifier.isPublic(m.getModifiers())) {
        try {
          CallSite site = LambdaMetafactory.metafactory(LOOKUP, "apply", MethodType.methodType(Function.class),
              MethodType.methodType(Object.class, Object.class), handle,
              MethodType.methodType(m.getReturnType(), m.getDeclaringClass()).wrap());
          return (Function<Object, Object>) site.getTarget().invokeExact();
        } catch (Throwable e) {
          // e.g. a class this module cannot see for a lambda: the handle below
        }
      }
      return viaHandle(handle);
    }

    private static Function<Object, Object> viaHandle(MethodHandle handle) {
      MethodHandle shaped = handle.asType(SHAPE);
      return bean -> {
        try {
          return (Object) shaped.invokeExact(bean);
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      };
    }

    /** Access was granted by {@code setAccessible} when the plan was made. */
    private static MethodHandle unreflect(Method m) {
      try {
        return LOOKUP.unreflect(m);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static MethodHandle unreflect(Field f) {
      try {
        return LOOKUP.unreflectGetter(f);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String toString() {
      return member.toString();
    }
  }
}
