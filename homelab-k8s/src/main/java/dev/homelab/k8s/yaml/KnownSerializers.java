package dev.homelab.k8s.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrArray;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrArraySerDe;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrBool;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrBoolSerDe;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * fabric8's few {@code @JsonSerialize(using = ...)} serializers of the values every object holds
 * (ports, quantities, CRD schemas), redone on trees. Each applies only while the class's
 * annotation names exactly that serializer (kubernetes-model 7.7.0); another serializer, or none,
 * sends the value to Jackson. What each writes, from its bytecode:
 * <ul>
 *   <li>{@code AnyType.Serializer} (IntOrString): {@code writeObject(getValue())};</li>
 *   <li>{@code Quantity.Serializer}: the string {@code amount + format}, a null part left out;</li>
 *   <li>{@code JSONSchemaPropsOrBoolSerDe.Serializer}: the schema if set, else the boolean;</li>
 *   <li>{@code JSONSchemaPropsOrArraySerDe.Serializer}: the list of schemas if not empty, else the schema.</li>
 * </ul>
 */
final class KnownSerializers {
  private static final Map<Class<?>, BiFunction<Object, ObjectTrees, JsonNode>> BY_SERIALIZER = Map.of(
      AnyType.Serializer.class, (v, t) -> t.node(((AnyType) v).getValue()),
      Quantity.Serializer.class, (v, t) -> {
        Quantity q = (Quantity) v;
        return t.text((q.getAmount() == null ? "" : q.getAmount()) + (q.getFormat() == null ? "" : q.getFormat()));
      },
      JSONSchemaPropsOrBoolSerDe.Serializer.class, (v, t) -> {
        JSONSchemaPropsOrBool b = (JSONSchemaPropsOrBool) v;
        if (b.getSchema() != null) {
          return t.node(b.getSchema());
        }
        if (b.getAllows() == null) {
          throw ObjectTrees.Unsupported.INSTANCE; // the serializer fails; let Jackson say how
        }
        return t.node(b.getAllows());
      },
      JSONSchemaPropsOrArraySerDe.Serializer.class, (v, t) -> {
        JSONSchemaPropsOrArray a = (JSONSchemaPropsOrArray) v;
        return a.getJSONSchemas() != null && !a.getJSONSchemas().isEmpty() ? t.node(a.getJSONSchemas()) : t.node(a.getSchema());
      });

  private static final ClassValue<BiFunction<Object, ObjectTrees, JsonNode>> WRITERS = new ClassValue<>() {
    @Override
    protected BiFunction<Object, ObjectTrees, JsonNode> computeValue(Class<?> type) {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        JsonSerialize s = c.getDeclaredAnnotation(JsonSerialize.class);
        if (s != null) {
          return isOnlyUsing(s) ? BY_SERIALIZER.get(s.using()) : null;
        }
      }
      return null;
    }
  };

  private KnownSerializers() {}

  /** How to write a {@code type} value, or null when this class does not know its serializer. */
  static BiFunction<Object, ObjectTrees, JsonNode> writer(Class<?> type) {
    return WRITERS.get(type);
  }

  /** The annotation sets {@code using} and nothing else that changes the output. */
  private static boolean isOnlyUsing(JsonSerialize s) {
    return s.as() == Void.class && s.keyAs() == Void.class && s.contentAs() == Void.class
        && s.contentUsing() == JsonSerializer.None.class && s.keyUsing() == JsonSerializer.None.class
        && s.nullsUsing() == JsonSerializer.None.class && s.converter() == com.fasterxml.jackson.databind.util.Converter.None.class
        && s.contentConverter() == com.fasterxml.jackson.databind.util.Converter.None.class;
  }
}
