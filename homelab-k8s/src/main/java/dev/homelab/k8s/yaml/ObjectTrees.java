package dev.homelab.k8s.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import dev.homelab.backend.yaml.TrustedText;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Turns the objects the backend renders into the Jackson tree {@code mapper.valueToTree(o)} gives,
 * field order included, without building Jackson's bean serializers: in a cold CLI run building
 * them (introspection, serializer construction and the code they make the JIT compile) was over a
 * third of the time (issue #14). Each class is read once into a {@link BeanPlan}; a class or value
 * the plan does not fully understand goes to {@code mapper.valueToTree} for that value, so the tree
 * is always the one Jackson would build (the differential test compares both over whole labs).
 *
 * <p>Scalars, lists and maps follow what Jackson 2.x writes for them: a {@code String} is a text
 * node, {@code Integer} an int node, {@code Long} a long node, {@code Double} a double node; list
 * items are written even when null; map entries are sorted by key when the mapper has
 * {@code ORDER_MAP_ENTRIES_BY_KEYS} unless the map is a {@code SortedMap}, kept as it is
 * (jackson-databind {@code MapSerializer._orderEntries}). A map holding a null value depends on the
 * content inclusion of the property it sits in, so the bean holding it falls back whole.
 */
public final class ObjectTrees {
  private final ObjectMapper mapper;
  private final JsonNodeFactory nodes;
  private final boolean sortMaps;
  private final BeanPlans plans;

  private ObjectTrees(ObjectMapper mapper) {
    this.mapper = mapper;
    this.nodes = mapper.getNodeFactory();
    this.sortMaps = mapper.isEnabled(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    this.plans = new BeanPlans(mapper);
  }

  private static final ObjectTrees KUBERNETES = new ObjectTrees(KubernetesYaml.mapper());

  /** The converter for {@link KubernetesYaml#mapper()}. */
  public static ObjectTrees kubernetes() {
    return KUBERNETES;
  }

  /** A converter for {@code mapper} (tests: a mapper with mix-ins or custom serializers). */
  static ObjectTrees of(ObjectMapper mapper) {
    return new ObjectTrees(mapper);
  }

  /** {@code value} as {@code mapper.valueToTree(value)} would make it, property order included. */
  public JsonNode tree(Object value) {
    if (plans.disabled() != null) {
      return mapper.valueToTree(value);
    }
    try {
      return node(value);
    } catch (Unsupported e) {
      return mapper.valueToTree(value);
    }
  }

  /**
   * Whether values of the bean class {@code type} are converted here (by a plan, or as one of
   * fabric8's known serializers) rather than handed to Jackson.
   */
  public boolean convertsItself(Class<?> type) {
    return plans.disabled() == null && (plans.knownSerializer(type) != null || plans.plan(type) != null);
  }

  /** Why {@code type} has no plan, or empty when it has one (for tests and diagnostics). */
  public String whyNoPlan(Class<?> type) {
    return plans.disabled() != null ? plans.disabled() : plans.whyNoPlan(type);
  }

  JsonNode node(Object value) {
    if (value == null) {
      return nodes.nullNode();
    }
    if (value instanceof String s) {
      return nodes.textNode(s);
    }
    if (value instanceof Boolean b) {
      return nodes.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return nodes.numberNode(i);
    }
    if (value instanceof Long l) {
      return nodes.numberNode(l);
    }
    if (value instanceof Double d) {
      return nodes.numberNode(d);
    }
    if (value instanceof TrustedText t && plans.trustedTextIsText()) {
      return nodes.textNode(t.text());
    }
    if (value instanceof Map<?, ?> map && plans.isPlainContainer(map.getClass())) {
      return map(map);
    }
    if (value instanceof Collection<?> list && plans.isPlainContainer(list.getClass())) {
      ArrayNode array = nodes.arrayNode(list.size());
      for (Object item : list) {
        array.add(node(item));
      }
      return array;
    }
    if (value instanceof ValueNode v && isPlainValueNode(v)) {
      return v; // immutable, and written and read back as the same node type
    }
    BiFunction<Object, ObjectTrees, JsonNode> known = plans.knownSerializer(value.getClass());
    if (known != null) {
      return known.apply(value, this);
    }
    BeanPlan plan = plans.plan(value.getClass());
    if (plan == null) {
      if (plans.hasTypeInfo(value.getClass())) {
        // written with a type id or not by the type its container declares: the container falls back
        throw Unsupported.INSTANCE;
      }
      // enums, JsonNode containers, arrays, java.time...: Jackson's own serializer
      return mapper.valueToTree(value);
    }
    try {
      return bean(plan, value);
    } catch (Unsupported e) {
      return mapper.valueToTree(value);
    }
  }

  JsonNode text(String s) {
    return nodes.textNode(s);
  }

  private static boolean isPlainValueNode(ValueNode v) {
    Class<?> c = v.getClass();
    return c == TextNode.class || c == BooleanNode.class || c == IntNode.class || c == LongNode.class
        || c == DoubleNode.class;
  }

  private ObjectNode map(Map<?, ?> map) {
    ObjectNode out = nodes.objectNode();
    Map<?, ?> ordered = map;
    if (sortMaps && !(map instanceof SortedMap<?, ?>) && map.size() > 1) {
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          throw Unsupported.INSTANCE;
        }
      }
      ordered = new TreeMap<>(map);
    }
    for (Map.Entry<?, ?> e : ordered.entrySet()) {
      if (!(e.getKey() instanceof String key) || e.getValue() == null) {
        // other keys go through key serializers; null values follow the property's content inclusion
        throw Unsupported.INSTANCE;
      }
      out.set(key, node(e.getValue()));
    }
    return out;
  }

  private ObjectNode bean(BeanPlan plan, Object bean) {
    ObjectNode out = nodes.objectNode();
    for (BeanPlan.Property p : plan.properties()) {
      Object v = p.get(bean);
      if (v == null) {
        if (p.inclusion() == BeanPlan.Inclusion.ALWAYS) {
          out.set(p.name(), nodes.nullNode());
        }
        continue;
      }
      if (p.inclusion() == BeanPlan.Inclusion.NON_EMPTY && isEmpty(v)) {
        continue;
      }
      out.set(p.name(), node(v));
    }
    if (plan.anyGetter() != null) {
      Object any = plan.anyGetter().get(bean);
      if (any != null) {
        if (!(any instanceof Map<?, ?> extra) || !plans.isPlainContainer(extra.getClass())) {
          throw Unsupported.INSTANCE;
        }
        // AnyGetterWriter writes the map's entries after the properties, through a MapSerializer
        // (sorted like any map), jackson-databind 2.19 BeanSerializerFactory.constructBeanOrAddOnSerializer
        map(extra).fields().forEachRemaining(e -> {
          if (out.has(e.getKey())) {
            throw Unsupported.INSTANCE; // Jackson would write the name twice
          }
          out.set(e.getKey(), e.getValue());
        });
      }
    }
    return out;
  }

  /**
   * {@code NON_EMPTY} as Jackson's serializers answer {@code isEmpty}: empty strings, collections
   * and maps. For other values Jackson asks their serializer (a JsonNode with no children, an
   * array...), so those fall back.
   */
  private boolean isEmpty(Object v) {
    if (v instanceof String s) {
      return s.isEmpty();
    }
    if (v instanceof Collection<?> c) {
      return c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty();
    }
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Double
        || plans.plan(v.getClass()) != null) {
      return false;
    }
    throw Unsupported.INSTANCE;
  }

  /** A value this converter does not write like Jackson: the enclosing bean falls back. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Unsupported INSTANCE = new Unsupported();

    private Unsupported() {
      super("falls back to Jackson", null, false, false);
    }
  }
}
