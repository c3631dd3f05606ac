package dev.homelab.k8s.yaml;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonIgnoreType;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link BeanPlans} reads of a class's Jackson annotations, the way jackson-databind reads
 * them: the class's hierarchy, the annotations allowed on it and on its members (any other means
 * {@link NoPlan}), the inclusions and visibilities modelled, getter names, and a method's
 * annotations with those of the methods it overrides.
 */
final class JacksonAnnotations {
  private JacksonAnnotations() {}

  /** Jackson annotations allowed on a class or its supertypes; any other means no plan. */
  static final Set<String> CLASS_ANNOTATIONS = Set.of("JsonPropertyOrder", "JsonInclude", "JsonAutoDetect",
      "JsonIgnoreProperties", "JsonDeserialize", "JsonClassDescription", "JsonPOJOBuilder");
  /** Jackson annotations allowed on fields and methods; the rest change what is written. */
  static final Set<String> MEMBER_ANNOTATIONS = Set.of("JsonProperty", "JsonInclude", "JsonIgnore",
      "JsonAnyGetter", "JsonAnySetter", "JsonSetter", "JsonDeserialize", "JsonPropertyDescription", "JsonAlias");


  /** {@code type}, its superclasses up to Object (excluded), then every interface they implement. */
  static List<Class<?>> hierarchy(Class<?> type) {
    return HIERARCHY.get(type);
  }

  static final ClassValue<List<Class<?>>> HIERARCHY = new ClassValue<>() {
    @Override
    protected List<Class<?>> computeValue(Class<?> type) {
      return computeHierarchy(type);
    }
  };

  static List<Class<?>> computeHierarchy(Class<?> type) {
    Set<Class<?>> out = new LinkedHashSet<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      out.add(c);
    }
    List<Class<?>> queue = new ArrayList<>(out);
    for (int i = 0; i < queue.size(); i++) {
      for (Class<?> itf : queue.get(i).getInterfaces()) {
        if (out.add(itf)) {
          queue.add(itf);
        }
      }
    }
    return List.copyOf(out);
  }

  record ClassAnnotations(JsonPropertyOrder order, JsonInclude include, JsonAutoDetect autoDetect) {}

  static ClassAnnotations classAnnotations(Class<?> type, List<Class<?>> hierarchy) {
    for (Class<?> c : hierarchy) {
      for (Annotation a : c.getDeclaredAnnotations()) {
        String simple = a.annotationType().getSimpleName();
        if (isJackson(a) && !CLASS_ANNOTATIONS.contains(simple)) {
          throw new NoPlan(c.getName() + " has @" + simple);
        }
      }
      JsonIgnoreProperties ignore = c.getDeclaredAnnotation(JsonIgnoreProperties.class);
      if (ignore != null && ignore.value().length > 0) {
        throw new NoPlan(c.getName() + " ignores properties by name");
      }
      for (java.lang.reflect.Constructor<?> k : c.getDeclaredConstructors()) {
        if (Arrays.stream(k.getDeclaredAnnotations()).anyMatch(JacksonAnnotations::isJackson)
            || Arrays.stream(k.getParameterAnnotations()).flatMap(Arrays::stream).anyMatch(JacksonAnnotations::isJackson)) {
          throw new NoPlan(c.getName() + " has an annotated constructor (creator properties come first)");
        }
      }
    }
    JsonPropertyOrder order = nearest(hierarchy, JsonPropertyOrder.class);
    if (order != null && order.alphabetic()) {
      throw new NoPlan(type.getName() + " orders properties alphabetically");
    }
    JsonAutoDetect detect = nearest(hierarchy, JsonAutoDetect.class);
    JsonInclude include = nearest(hierarchy, JsonInclude.class);
    checkInclude(include, type.getName());
    return new ClassAnnotations(order, include, detect);
  }

  /** The annotation on the class itself, else the one all its supertypes agree on. */
  static <A extends Annotation> A nearest(List<Class<?>> hierarchy, Class<A> annotation) {
    A own = hierarchy.get(0).getDeclaredAnnotation(annotation);
    if (own != null) {
      return own;
    }
    A found = null;
    for (Class<?> c : hierarchy) {
      A a = c.getDeclaredAnnotation(annotation);
      if (a != null && found != null && !a.equals(found)) {
        throw new NoPlan(hierarchy.get(0).getName() + " inherits differing @" + annotation.getSimpleName());
      }
      found = a != null ? a : found;
    }
    return found;
  }

  /** Fields and methods carry only annotations this reader models, and only public methods any. */
  static void checkMembers(Class<?> type, List<Class<?>> hierarchy) {
    for (Class<?> c : hierarchy) {
      for (Field f : c.getDeclaredFields()) {
        for (Annotation a : f.getDeclaredAnnotations()) {
          if (isJackson(a) && !MEMBER_ANNOTATIONS.contains(a.annotationType().getSimpleName())) {
            throw new NoPlan(f + " has @" + a.annotationType().getSimpleName());
          }
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (m.isSynthetic() || m.isBridge()) {
          continue;
        }
        boolean annotated = false;
        for (Annotation a : m.getDeclaredAnnotations()) {
          if (isJackson(a)) {
            annotated = true;
            if (!MEMBER_ANNOTATIONS.contains(a.annotationType().getSimpleName())) {
              throw new NoPlan(m + " has @" + a.annotationType().getSimpleName());
            }
          }
        }
        if (annotated && !Modifier.isPublic(m.getModifiers())) {
          throw new NoPlan(m + " is annotated but not public");
        }
        if (annotated && Modifier.isStatic(m.getModifiers())) {
          throw new NoPlan(m + " is annotated and static");
        }
      }
    }
  }

  static boolean isJackson(Annotation a) {
    return a.annotationType().getPackageName().startsWith("com.fasterxml.jackson");
  }


  /**
   * Jackson drops properties whose declared type is {@code @JsonIgnoreType} ({@code
   * removeIgnorableTypes}) and writes type ids by the declared type's {@code @JsonTypeInfo}. Other
   * annotations of the declared type (a {@code @JsonSerialize} of Quantity or IntOrString) are also
   * on the value's own class, which then has no plan and goes to Jackson whole.
   */
  static void checkIgnorableType(Class<?> declared, Class<?> owner) {
    if (declared.isPrimitive()) {
      return;
    }
    for (Class<?> c : hierarchy(declared)) {
      for (Annotation a : c.getDeclaredAnnotations()) {
        if (a instanceof JsonIgnoreType || a instanceof JsonTypeInfo || a instanceof JsonSubTypes) {
          throw new NoPlan(owner.getName() + " has a property of type " + declared.getName() + " with @"
              + a.annotationType().getSimpleName());
        }
      }
    }
  }

  static JsonInclude sameInclude(Class<?> type, String name, List<JsonInclude> includes) {
    JsonInclude found = null;
    for (JsonInclude i : includes) {
      if (i == null) {
        continue;
      }
      if (found != null && !found.equals(i)) {
        throw new NoPlan(type.getName() + "." + name + " has differing @JsonInclude");
      }
      found = i;
    }
    checkInclude(found, type.getName() + "." + name);
    return found;
  }

  static void checkInclude(JsonInclude include, String where) {
    if (include == null) {
      return;
    }
    if (!contentUnderstood(include.content()) || include.valueFilter() != Void.class || include.contentFilter() != Void.class
        || inclusion(include.value(), BeanPlan.Inclusion.NON_NULL) == null) {
      throw new NoPlan(where + " has @JsonInclude(" + include.value() + ", content " + include.content() + ")");
    }
  }

  /**
   * Map entries with null values make the bean fall back, so the content inclusions that only
   * decide about nulls are understood; {@code NON_EMPTY} content would also drop empty strings.
   */
  static boolean contentUnderstood(JsonInclude.Include content) {
    return content == JsonInclude.Include.ALWAYS || content == JsonInclude.Include.NON_NULL
        || content == JsonInclude.Include.USE_DEFAULTS;
  }


  /** {@code USE_DEFAULTS} as {@code otherwise}; null for inclusions a plan does not model. */
  static BeanPlan.Inclusion inclusion(JsonInclude.Include include, BeanPlan.Inclusion otherwise) {
    return switch (include) {
      case ALWAYS -> BeanPlan.Inclusion.ALWAYS;
      case NON_NULL -> BeanPlan.Inclusion.NON_NULL;
      case NON_EMPTY -> BeanPlan.Inclusion.NON_EMPTY;
      case USE_DEFAULTS -> otherwise;
      default -> null; // NON_ABSENT (Optional), NON_DEFAULT, CUSTOM
    };
  }

  static JsonAutoDetect.Visibility visibility(JsonAutoDetect.Visibility v, Class<?> type) {
    if (v == null || v == JsonAutoDetect.Visibility.DEFAULT || v == JsonAutoDetect.Visibility.PUBLIC_ONLY) {
      return JsonAutoDetect.Visibility.PUBLIC_ONLY;
    }
    if (v == JsonAutoDetect.Visibility.ANY || v == JsonAutoDetect.Visibility.NONE) {
      return v;
    }
    throw new NoPlan(type.getName() + " has @JsonAutoDetect " + v);
  }

  /** The implicit property name of a public getter, as {@code DefaultAccessorNamingStrategy} finds it. */
  static String getterName(Method m) {
    String n = m.getName();
    if (n.startsWith("get") && n.length() > 3) {
      if (n.equals("getCallbacks") || n.equals("getMetaClass")) {
        throw new NoPlan(m + " is a getter Jackson treats specially");
      }
      return mangle(n, 3);
    }
    if (n.startsWith("is") && n.length() > 2) {
      Class<?> r = m.getReturnType();
      if (r == boolean.class || r == Boolean.class) {
        return mangle(n, 2);
      }
      if (!r.isPrimitive() && !r.getName().startsWith("java.lang.")) {
        throw new NoPlan(m + " may be an is-getter of a reference type");
      }
    }
    return null;
  }

  /** Lower-cases the leading capitals: {@code getURLPath} is {@code urlpath}, {@code getXKube} {@code xkube}. */
  static String mangle(String name, int offset) {
    StringBuilder sb = new StringBuilder(name.length() - offset);
    int i = offset;
    for (; i < name.length(); i++) {
      char c = name.charAt(i);
      char lower = Character.toLowerCase(c);
      if (c == lower) {
        break;
      }
      sb.append(lower);
    }
    return sb.append(name, i, name.length()).toString();
  }

  /** A method's Jackson annotations, its own first, then those of the methods it overrides. */
  record Annotations(List<Annotation> all) {
    <A extends Annotation> A get(Class<A> type) {
      for (Annotation a : all) {
        if (type.isInstance(a)) {
          return type.cast(a);
        }
      }
      return null;
    }
  }

  static Annotations methodAnnotations(List<Class<?>> hierarchy, Method m) {
    List<Annotation> out = new ArrayList<>();
    Set<Class<?>> seen = new LinkedHashSet<>();
    for (Annotation a : m.getDeclaredAnnotations()) {
      if (isJackson(a) && seen.add(a.annotationType())) {
        out.add(a);
      }
    }
    Class<?>[] params = null;
    for (Class<?> c : hierarchy) {
      if (c == m.getDeclaringClass()) {
        continue;
      }
      for (Method same : ANNOTATED_METHODS.get(c).getOrDefault(m.getName(), List.of())) {
        params = params == null ? m.getParameterTypes() : params;
        if (Arrays.equals(same.getParameterTypes(), params)) {
          for (Annotation a : same.getDeclaredAnnotations()) {
            if (isJackson(a) && seen.add(a.annotationType())) {
              out.add(a);
            }
          }
        }
      }
    }
    return new Annotations(out);
  }

  /**
   * A class's declared methods that carry Jackson annotations, by name: what an overriding method
   * inherits. Looked up without {@code getDeclaredMethod}, whose misses throw.
   */
  static final ClassValue<Map<String, List<Method>>> ANNOTATED_METHODS = new ClassValue<>() {
    @Override
    protected Map<String, List<Method>> computeValue(Class<?> type) {
      Map<String, List<Method>> out = new java.util.HashMap<>();
      for (Method m : type.getDeclaredMethods()) {
        if (Arrays.stream(m.getDeclaredAnnotations()).anyMatch(JacksonAnnotations::isJackson)) {
          out.computeIfAbsent(m.getName(), n -> new ArrayList<>()).add(m);
        }
      }
      return out;
    }
  };

  static List<Annotation> concat(Annotation[] a, List<Annotation> b) {
    List<Annotation> out = new ArrayList<>(Arrays.asList(a));
    out.addAll(b);
    return out;
  }
}
