package dev.homelab.k8s.yaml;

import static dev.homelab.k8s.yaml.JacksonAnnotations.*;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;
import com.fasterxml.jackson.databind.ser.BasicSerializerFactory;
import com.fasterxml.jackson.databind.ser.Serializers;
import dev.homelab.backend.yaml.TrustedText;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads, once per class, how Jackson (jackson-databind 2.19/2.20) would write it, from the same
 * annotations Jackson reads, into a {@link BeanPlan}; a class with anything this reader does not
 * model gets no plan and is handed to Jackson. What is modelled follows jackson-databind:
 * <ul>
 *   <li>properties are collected by implicit name, fields (superclass first) then getters
 *       ({@code POJOPropertiesCollector.collectAll}); a getter's implicit name lower-cases the
 *       leading capitals after {@code get}/{@code is} ({@code DefaultAccessorNamingStrategy
 *       .legacyManglePropertyName}); {@code is} getters only for booleans;</li>
 *   <li>a property with an ignored accessor is dropped unless another accessor names it
 *       explicitly (then this reader gives up), {@code _removeUnwantedProperties};</li>
 *   <li>renamed properties sharing a name are merged ({@code _renameProperties}) and a getter is
 *       read rather than the field ({@code POJOPropertyBuilder.getAccessor});</li>
 *   <li>{@code @JsonPropertyOrder} gives the order ({@code _sortProperties}); a class whose
 *       properties it does not all list gets no plan (the rest would follow method discovery
 *       order), except records, written in component order (their canonical constructor's
 *       properties come first);</li>
 *   <li>method annotations are inherited from the methods they override, class annotations from
 *       supertypes ({@code AnnotatedMethodCollector}, {@code AnnotatedClassResolver});</li>
 *   <li>the {@code @JsonAnyGetter} map is written after the properties when it is not itself a
 *       listed property ({@code BeanSerializerFactory.constructBeanOrAddOnSerializer}).</li>
 * </ul>
 * fabric8's model classes (kubernetes-model 7.7.0) carry exactly these: {@code @JsonPropertyOrder}
 * with every property, {@code @JsonInclude(NON_NULL)} on the class and {@code NON_EMPTY} on lists
 * and maps, {@code @JsonProperty} on fields and accessors, {@code @JsonIgnore} on the
 * {@code additionalProperties} field and {@code @JsonAnyGetter} on its getter.
 */
final class BeanPlans {
  private final SerializationConfig config;
  private final List<Serializers> moduleSerializers;
  private final String disabled;
  private final BeanPlan.Inclusion defaultInclusion;
  private final ClassValue<BiFunction<Object, ObjectTrees, JsonNode>> knownSerializers = new ClassValue<>() {
    @Override
    protected BiFunction<Object, ObjectTrees, JsonNode> computeValue(Class<?> type) {
      return customSerializer(type) == null && config.findConfigOverride(type) == null ? KnownSerializers.writer(type) : null;
    }
  };
  private final ClassValue<Boolean> typeInfo = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return hierarchy(type).stream().anyMatch(c -> c.isAnnotationPresent(JsonTypeInfo.class));
    }
  };
  private final ClassValue<Object> plans = new ClassValue<>() {
    @Override
    protected Object computeValue(Class<?> type) {
      try {
        return build(type);
      } catch (NoPlan e) {
        return e.getMessage();
      } catch (RuntimeException e) { // e.g. InaccessibleObjectException: a module that does not open
        return e.toString();
      }
    }
  };

  BeanPlans(ObjectMapper mapper) {
    this.config = mapper.getSerializationConfig();
    List<Serializers> serializers = new ArrayList<>();
    String why = null;
    if (mapper.getSerializerFactory() instanceof BasicSerializerFactory factory) {
      if (factory.getFactoryConfig().hasSerializerModifiers()) {
        why = "the mapper has serializer modifiers";
      }
      factory.getFactoryConfig().serializers().forEach(serializers::add);
    } else {
      why = "the mapper has its own serializer factory";
    }
    this.moduleSerializers = List.copyOf(serializers);
    JsonInclude.Value incl = config.getDefaultPropertyInclusion();
    BeanPlan.Inclusion value = JacksonAnnotations.inclusion(incl.getValueInclusion(), BeanPlan.Inclusion.NON_NULL);
    if (mapper.mixInCount() > 0) {
      why = "the mapper has mix-ins";
    } else if (value == null || !contentUnderstood(incl.getContentInclusion())) {
      why = "the mapper's default inclusion is " + incl;
    } else if (config.getPropertyNamingStrategy() != null || config.isEnabled(MapperFeature.USE_STD_BEAN_NAMING)) {
      why = "the mapper renames properties";
    } else if (config.isEnabled(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        || config.isEnabled(MapperFeature.REQUIRE_SETTERS_FOR_GETTERS)
        || !config.isEnabled(MapperFeature.AUTO_DETECT_FIELDS) || !config.isEnabled(MapperFeature.AUTO_DETECT_GETTERS)
        || !config.isEnabled(MapperFeature.AUTO_DETECT_IS_GETTERS) || !config.isEnabled(MapperFeature.USE_ANNOTATIONS)) {
      why = "the mapper's features change property detection";
    } else if (!config.getDefaultVisibilityChecker().toString().equals(VisibilityChecker.Std.defaultInstance().toString())) {
      why = "the mapper's default visibility is " + config.getDefaultVisibilityChecker();
    } else if (!isPlainIntrospector(config.getAnnotationIntrospector())) {
      why = "the mapper has its own annotation introspector";
    } else if (config.getDefaultTyper(config.constructType(Object.class)) != null) {
      why = "the mapper writes type ids by default";
    } else if (customSerializer(String.class) != null) {
      why = "strings have a custom serializer";
    }
    this.disabled = why;
    this.defaultInclusion = value;
  }

  /** Why no class gets a plan with this mapper, or null. */
  String disabled() {
    return disabled;
  }

  /** Whether a {@link TrustedText} is written as its text: the serializer {@code YamlWriter} registers. */
  boolean trustedTextIsText() {
    return disabled == null;
  }

  /** Maps and collections of the JDK, which Jackson writes as maps and arrays. */
  boolean isPlainContainer(Class<?> type) {
    return disabled == null && type.getName().startsWith("java.util.");
  }

  /**
   * How to write a value of {@code type} whose class names one of fabric8's serializers this
   * package redoes ({@link KnownSerializers}), or null; never when a module registers its own.
   */
  BiFunction<Object, ObjectTrees, JsonNode> knownSerializer(Class<?> type) {
    return disabled == null ? knownSerializers.get(type) : null;
  }

  /** Whether {@code type} or a supertype has {@code @JsonTypeInfo}. */
  boolean hasTypeInfo(Class<?> type) {
    return typeInfo.get(type);
  }

  /** The plan for {@code type}, or null when Jackson writes it. */
  BeanPlan plan(Class<?> type) {
    return plans.get(type) instanceof BeanPlan p ? p : null;
  }

  /** Why {@code type} has no plan; empty when it has one. */
  String whyNoPlan(Class<?> type) {
    Object p = plans.get(type);
    return p instanceof BeanPlan ? "" : (String) p;
  }

  private Object build(Class<?> type) {
    if (disabled != null) {
      throw new NoPlan(disabled);
    }
    String name = type.getName();
    if (type.isArray() || type.isPrimitive() || type.isEnum() || Enum.class.isAssignableFrom(type)
        || type.isInterface() || Modifier.isAbstract(type.getModifiers())
        || Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
        || Iterable.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
        || CharSequence.class.isAssignableFrom(type) || TrustedText.class.isAssignableFrom(type)
        || name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || name.startsWith("sun.") || name.startsWith("com.fasterxml.") || name.startsWith("kotlin.")
        || name.startsWith("scala.") || name.startsWith("groovy.")) {
      throw new NoPlan(name + " is not a plain bean");
    }
    if (config.findConfigOverride(type) != null) {
      throw new NoPlan(name + " has a config override");
    }
    if (customSerializer(type) != null) {
      throw new NoPlan(name + " has a serializer from a module");
    }
    List<Class<?>> hierarchy = hierarchy(type);
    ClassAnnotations classAnnotations = classAnnotations(type, hierarchy);
    checkMembers(type, hierarchy);
    return type.isRecord() ? recordPlan(type, classAnnotations) : beanPlan(type, hierarchy, classAnnotations);
  }

  private Object customSerializer(Class<?> type) {
    for (Serializers s : moduleSerializers) {
      try {
        Object found = s.findSerializer(config, config.constructType(type), null);
        if (found != null) {
          return found;
        }
      } catch (RuntimeException e) { // a Serializers that needs the bean description: assume it applies
        return e;
      }
    }
    return null;
  }

  private static boolean isPlainIntrospector(AnnotationIntrospector ai) {
    Collection<AnnotationIntrospector> all = ai.allIntrospectors();
    return all.size() == 1 && all.iterator().next().getClass() == JacksonAnnotationIntrospector.class;
  }

  // ---- records -----------------------------------------------------------------------------

  private BeanPlan recordPlan(Class<?> type, ClassAnnotations ca) {
    if (ca.order() != null || ca.autoDetect() != null) {
      throw new NoPlan(type.getName() + " is a record with @JsonPropertyOrder or @JsonAutoDetect");
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> accessors = new LinkedHashSet<>();
    List<BeanPlan.Property> props = new ArrayList<>();
    for (RecordComponent rc : components) {
      Method accessor = rc.getAccessor();
      accessors.add(accessor.getName());
      Field field;
      try {
        field = type.getDeclaredField(rc.getName());
      } catch (NoSuchFieldException e) {
        throw new NoPlan(type.getName() + "." + rc.getName() + " has no field");
      }
      Annotations merged = methodAnnotations(hierarchy(type), accessor);
      for (Annotation a : concat(field.getDeclaredAnnotations(), merged.all())) {
        if (isJackson(a) && !(a instanceof JsonInclude)) {
          throw new NoPlan(type.getName() + "." + rc.getName() + " has @" + a.annotationType().getSimpleName());
        }
      }
      JsonInclude include = sameInclude(type, rc.getName(), Arrays.asList(field.getDeclaredAnnotation(JsonInclude.class),
          merged.get(JsonInclude.class)));
      checkIgnorableType(accessor.getReturnType(), type);
      accessor.setAccessible(true);
      props.add(new BeanPlan.Property(rc.getName(), new BeanPlan.Accessor(accessor), inclusion(include, ca, type)));
    }
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0 || accessors.contains(m.getName())
          || m.getDeclaringClass() == Object.class || m.getDeclaringClass() == Record.class) {
        continue;
      }
      if (getterName(m) != null) {
        throw new NoPlan(m + " is a getter Jackson would write too");
      }
    }
    if (props.isEmpty()) {
      throw new NoPlan(type.getName() + " has no properties");
    }
    return new BeanPlan(List.copyOf(props), null);
  }

  // ---- classes -----------------------------------------------------------------------------

  /** The accessors Jackson finds under one implicit name. */
  private static final class Group {
    final String implicit;
    final List<Field> fields = new ArrayList<>();
    final List<Method> getters = new ArrayList<>();
    final List<Annotations> getterAnnotations = new ArrayList<>();
    final Set<String> explicitNames = new LinkedHashSet<>();
    boolean ignored;
    boolean explicitlyIncluded;
    final List<JsonInclude> includes = new ArrayList<>();

    Group(String implicit) {
      this.implicit = implicit;
    }
  }

  private BeanPlan beanPlan(Class<?> type, List<Class<?>> hierarchy, ClassAnnotations ca) {
    JsonAutoDetect.Visibility fieldVis = visibility(ca.autoDetect() == null ? null : ca.autoDetect().fieldVisibility(), type);
    JsonAutoDetect.Visibility getterVis = visibility(ca.autoDetect() == null ? null : ca.autoDetect().getterVisibility(), type);
    JsonAutoDetect.Visibility isGetterVis = visibility(ca.autoDetect() == null ? null : ca.autoDetect().isGetterVisibility(), type);
    Map<String, Group> groups = new LinkedHashMap<>();
    // fields, superclass first (AnnotatedFieldCollector)
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    for (Class<?> c : chain) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || f.isSynthetic()) {
          continue;
        }
        JsonProperty jp = f.getDeclaredAnnotation(JsonProperty.class);
        JsonIgnore ji = f.getDeclaredAnnotation(JsonIgnore.class);
        if (Modifier.isTransient(mod)) {
          if (jp != null || ji != null) {
            throw new NoPlan(f + " is transient and annotated");
          }
          continue;
        }
        boolean visible = jp != null || fieldVis == JsonAutoDetect.Visibility.ANY || Modifier.isPublic(mod);
        Group g = groups.computeIfAbsent(f.getName(), Group::new);
        accessor(g, f, jp, ji, f.getDeclaredAnnotation(JsonInclude.class), visible);
        if (visible && (ji == null || !ji.value())) {
          g.fields.add(f);
        }
      }
    }
    Method anyGetter = null;
    List<Method> setters = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.isSynthetic()
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Annotations merged = methodAnnotations(hierarchy, m);
      JsonAnyGetter any = merged.get(JsonAnyGetter.class);
      if (any != null && m.getParameterCount() == 0) {
        if (!any.enabled() || anyGetter != null || !Map.class.isAssignableFrom(m.getReturnType())) {
          throw new NoPlan(m + " is a second or disabled @JsonAnyGetter, or not a Map");
        }
        anyGetter = m;
        continue;
      }
      JsonProperty jp = merged.get(JsonProperty.class);
      JsonIgnore ji = merged.get(JsonIgnore.class);
      if (m.getParameterCount() == 1 && m.getName().startsWith("set") && m.getName().length() > 3) {
        setters.add(m);
        continue;
      }
      if (m.getParameterCount() > 0 || m.getReturnType() == void.class || m.getReturnType() == Void.class) {
        continue;
      }
      String implicit = getterName(m);
      if (implicit == null) {
        if (jp != null) {
          throw new NoPlan(m + " is an explicitly named non-getter");
        }
        continue;
      }
      boolean isGetter = !m.getName().startsWith("get");
      JsonAutoDetect.Visibility vis = isGetter ? isGetterVis : getterVis;
      boolean visible = jp != null || vis != JsonAutoDetect.Visibility.NONE;
      Group g = groups.computeIfAbsent(implicit, Group::new);
      accessor(g, m, jp, ji, merged.get(JsonInclude.class), visible);
      if (visible && (ji == null || !ji.value())) {
        g.getters.add(m);
        g.getterAnnotations.add(merged);
      }
    }
    for (Method m : setters) {
      // a setter's explicit name renames the whole property and its @JsonIgnore hides it, for
      // writing too (POJOPropertyBuilder.findExplicitNames, anyIgnorals)
      Annotations merged = methodAnnotations(hierarchy, m);
      Group g = groups.get(mangle(m.getName(), 3));
      if (g != null) {
        accessor(g, m, merged.get(JsonProperty.class), merged.get(JsonIgnore.class), null, true);
      }
    }
    // the any-getter's own property is not written as one (it is the any-getter)
    String anyName = anyGetter == null ? null : getterName(anyGetter);
    if (anyName != null) {
      Group g = groups.remove(anyName);
      if (g != null && (!g.fields.isEmpty() || !g.getters.isEmpty())) {
        throw new NoPlan(anyGetter + " is also a written property");
      }
    }
    // drop the invisible and the ignored; rename; merge by name
    Map<String, Group> byName = new LinkedHashMap<>();
    for (Group g : groups.values()) {
      boolean hasAccessor = !g.fields.isEmpty() || !g.getters.isEmpty();
      if (g.ignored) {
        if (g.explicitlyIncluded) {
          throw new NoPlan(type.getName() + "." + g.implicit + " is both ignored and explicitly included");
        }
        continue;
      }
      if (!hasAccessor) {
        continue;
      }
      if (g.explicitNames.size() > 1) {
        throw new NoPlan(type.getName() + "." + g.implicit + " has several names " + g.explicitNames);
      }
      String name = g.explicitNames.isEmpty() ? g.implicit : g.explicitNames.iterator().next();
      Group into = byName.get(name);
      if (into == null) {
        byName.put(name, g);
      } else {
        into.fields.addAll(g.fields);
        into.getters.addAll(g.getters);
        into.getterAnnotations.addAll(g.getterAnnotations);
        into.includes.addAll(g.includes);
      }
    }
    List<String> order = ca.order() == null ? List.of() : Arrays.asList(ca.order().value());
    for (Group g : groups.values()) {
      String name = g.explicitNames.isEmpty() ? g.implicit : g.explicitNames.iterator().next();
      if (!name.equals(g.implicit) && order.contains(g.implicit) && byName.containsKey(name)) {
        throw new NoPlan(type.getName() + " orders " + g.implicit + " by its Java name");
      }
    }
    List<BeanPlan.Property> props = new ArrayList<>();
    for (String name : new LinkedHashSet<>(order)) {
      Group g = byName.remove(name);
      if (g != null) {
        props.add(property(type, name, g, ca));
      }
    }
    if (!byName.isEmpty()) {
      throw new NoPlan(type.getName() + " does not list " + byName.keySet() + " in @JsonPropertyOrder");
    }
    if (props.isEmpty() && anyGetter == null) {
      throw new NoPlan(type.getName() + " has no properties");
    }
    if (anyGetter != null) {
      anyGetter.setAccessible(true);
    }
    return new BeanPlan(List.copyOf(props), anyGetter == null ? null : new BeanPlan.Accessor(anyGetter));
  }

  /** {@code what} names the member in a {@link NoPlan} message only: its text is made when one is thrown (Method.toString was a tenth of planning). */
  private static void accessor(Group g, Member what, JsonProperty jp, JsonIgnore ji, JsonInclude include, boolean visible) {
    if (jp != null && jp.access() == JsonProperty.Access.WRITE_ONLY) {
      throw new NoPlan(what + " is write-only");
    }
    if (ji != null && !ji.value()) {
      throw new NoPlan(what + " has @JsonIgnore(false)");
    }
    if (ji != null) {
      g.ignored = true;
    } else if (jp != null && visible) {
      g.explicitlyIncluded = true;
    }
    if (jp != null && !jp.value().isEmpty() && ji == null) {
      g.explicitNames.add(jp.value());
    }
    if (include != null && visible && ji == null) {
      g.includes.add(include);
    }
  }

  private BeanPlan.Property property(Class<?> type, String name, Group g, ClassAnnotations ca) {
    if (g.getters.size() > 1 || (g.getters.isEmpty() && g.fields.size() > 1)) {
      throw new NoPlan(type.getName() + "." + name + " has several accessors");
    }
    JsonInclude include = sameInclude(type, name, g.includes);
    BeanPlan.Accessor accessor;
    if (!g.getters.isEmpty()) {
      Method m = g.getters.get(0);
      checkIgnorableType(m.getReturnType(), type);
      m.setAccessible(true);
      accessor = new BeanPlan.Accessor(m);
    } else {
      Field f = g.fields.get(0);
      checkIgnorableType(f.getType(), type);
      f.setAccessible(true);
      accessor = new BeanPlan.Accessor(f);
    }
    return new BeanPlan.Property(name, accessor, inclusion(include, ca, type));
  }

  private BeanPlan.Inclusion inclusion(JsonInclude property, ClassAnnotations ca, Class<?> type) {
    BeanPlan.Inclusion p = property == null ? null : JacksonAnnotations.inclusion(property.value(), null);
    if (p != null) {
      return p;
    }
    BeanPlan.Inclusion c = ca.include() == null ? null : JacksonAnnotations.inclusion(ca.include().value(), null);
    return c != null ? c : defaultInclusion;
  }
}
