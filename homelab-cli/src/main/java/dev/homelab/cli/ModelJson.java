package dev.homelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homelab.model.Lab;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole model as JSON, for {@code show --json}: every attribute of every model value (found by
 * reflection, as the generated {@code with*} methods name them, so a new attribute appears without
 * a change here), keys sorted, an absent optional as {@code null}, secrets as their references.
 * The same model gives the same bytes.
 */
final class ModelJson {
  private static final String MODEL = "dev.homelab.model";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ModelJson() {}

  static String of(Lab lab) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(node(lab)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain JSON nodes always serializes", e);
    }
  }

  private static JsonNode node(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(ModelJson::node).orElse(NODES.nullNode());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Enum<?> e) {
      return NODES.textNode(e.name());
    }
    if (value instanceof Collection<?> collection) {
      ArrayNode array = NODES.arrayNode();
      collection.forEach(element -> array.add(node(element)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      new TreeMap<>(stringKeys(map)).forEach((k, v) -> object.set(k, node(v)));
      return object;
    }
    if (isModel(value.getClass())) {
      ObjectNode object = NODES.objectNode();
      attributes(value).forEach((name, attribute) -> object.set(name, node(attribute)));
      return object;
    }
    return NODES.textNode(value.toString());
  }

  private static SortedMap<String, Object> stringKeys(Map<?, ?> map) {
    SortedMap<String, Object> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static boolean isModel(Class<?> type) {
    return type.getName().startsWith(MODEL) && !type.isEnum();
  }

  /** Attribute name to value, sorted: public accessors of the model type that have a generated wither. */
  private static SortedMap<String, Object> attributes(Object value) {
    Class<?> type = value.getClass();
    Class<?> model = type;
    while (model != null && !Modifier.isPublic(model.getModifiers())) {
      model = model.getSuperclass();
    }
    SortedMap<String, Object> out = new TreeMap<>();
    if (model == null) {
      return out;
    }
    for (Method m : model.getMethods()) {
      if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getReturnType() == model
          || !m.getDeclaringClass().getName().startsWith(MODEL)) {
        continue;
      }
      String name = attributeName(type, m.getName());
      if (name != null) {
        try {
          out.put(name, m.invoke(value));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + m, e);
        }
      }
    }
    return out;
  }

  /** {@code isHa} is the attribute {@code ha} (withHa), {@code name} is {@code name} (withName); null when no wither. */
  private static String attributeName(Class<?> type, String accessor) {
    for (String prefix : new String[] {"is", "get"}) {
      if (accessor.startsWith(prefix) && accessor.length() > prefix.length()
          && Character.isUpperCase(accessor.charAt(prefix.length()))) {
        String stripped = Character.toLowerCase(accessor.charAt(prefix.length())) + accessor.substring(prefix.length() + 1);
        if (hasWith(type, stripped)) {
          return stripped;
        }
      }
    }
    return hasWith(type, accessor) ? accessor : null;
  }

  private static boolean hasWith(Class<?> type, String attribute) {
    String with = "with" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(with) && m.getParameterCount() == 1);
  }
}
