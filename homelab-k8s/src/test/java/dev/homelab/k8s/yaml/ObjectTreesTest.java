package dev.homelab.k8s.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.homelab.backend.yaml.TrustedText;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrArray;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrBool;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What {@link ObjectTrees} converts itself and what it leaves to Jackson: whatever it does, the
 * tree is the one {@code valueToTree} builds, in the same order.
 */
class ObjectTreesTest {
  private static final ObjectMapper MAPPER = KubernetesYaml.mapper();
  private static final ObjectTrees TREES = ObjectTrees.kubernetes();

  // ---- classes it converts ------------------------------------------------------------------

  /** Like a fabric8 model class. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "x-renamed", "items", "labels", "count"})
  public static class Fabric8Like {
    @JsonProperty("name")
    private String name;
    @JsonProperty("x-renamed")
    private Boolean xRenamed;
    @JsonProperty("items")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private List<Object> items = new ArrayList<>();
    @JsonProperty("labels")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private Map<String, String> labels = new LinkedHashMap<>();
    @JsonProperty("count")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private Long count;
    @JsonIgnore
    private Map<String, Object> additionalProperties = new LinkedHashMap<>();

    @JsonProperty("name")
    public String getName() {
      return name;
    }

    @JsonProperty("x-renamed")
    public Boolean getXRenamed() {
      return xRenamed;
    }

    @JsonProperty("items")
    public List<Object> getItems() {
      return items;
    }

    @JsonProperty("labels")
    public Map<String, String> getLabels() {
      return labels;
    }

    @JsonProperty("count")
    public Long getCount() {
      return count;
    }

    @JsonIgnore
    public String getComputed() {
      return "not written";
    }

    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
      return additionalProperties;
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(String b, Integer a, List<String> list) {}

  @Test
  void should_convert_a_fabric8_like_class_in_order_with_any_getter_entries_last_and_sorted() {
    Fabric8Like o = new Fabric8Like();
    o.name = "n";
    o.xRenamed = true;
    o.labels.put("z", "1");
    o.labels.put("a", "2");
    o.additionalProperties.put("zz", 1);
    o.additionalProperties.put("aa", List.of("x"));
    assertThat(TREES.convertsItself(Fabric8Like.class)).as(TREES.whyNoPlan(Fabric8Like.class)).isTrue();
    assertSame(o);
    assertThat(fieldNames(TREES.tree(o))).containsExactly("name", "x-renamed", "labels", "count", "aa", "zz");
  }

  @Test
  void should_leave_out_empty_lists_maps_and_nulls_as_non_empty_and_non_null_say() {
    Fabric8Like o = new Fabric8Like();
    o.count = 3L;
    assertSame(o);
    assertThat(fieldNames(TREES.tree(o))).containsExactly("count");
  }

  @Test
  void should_convert_records_in_component_order() {
    assertThat(TREES.convertsItself(Spec.class)).isTrue();
    assertSame(new Spec("b", 1, Arrays.asList("x", null)));
    assertSame(new Spec(null, null, null));
  }

  @Test
  void should_give_jackson_s_node_types_for_numbers_strings_and_trusted_text() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("int", 1);
    values.put("long", 1L);
    values.put("double", 1.5);
    values.put("float", 1.5f);
    values.put("short", (short) 2);
    values.put("decimal", new BigDecimal("1.50"));
    values.put("bool", false);
    values.put("trusted", (TrustedText) () -> "{{ x }}");
    values.put("quantity", new Quantity("512", "Mi"));
    values.put("port", new IntOrString(8080));
    values.put("portName", new IntOrString("http"));
    values.put("enum", JsonInclude.Include.NON_NULL);
    values.put("node", MAPPER.createObjectNode().put("b", 1).put("a", 2));
    assertSame(values);
  }

  @Test
  void should_sort_map_keys_and_keep_a_sorted_map_s_own_order() {
    Map<String, Object> plain = new HashMap<>(Map.of("b", 1, "a", 2, "c", 3));
    TreeMap<String, Object> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.putAll(plain);
    assertSame(Map.of("plain", plain, "reversed", reversed));
  }

  @Test
  void should_write_fabric8_s_schema_props_or_bool_and_or_array_like_their_serializers() {
    JSONSchemaProps schema = new JSONSchemaPropsBuilder().withType("string").build();
    JSONSchemaProps props = new JSONSchemaPropsBuilder().withType("object")
        .withAdditionalProperties(new JSONSchemaPropsOrBool(false, null))
        .withItems(new JSONSchemaPropsOrArray(List.of(schema, schema), null))
        .addToProperties("a", new JSONSchemaPropsBuilder().withType("array")
            .withItems(new JSONSchemaPropsOrArray(List.of(), schema))
            .withAdditionalProperties(new JSONSchemaPropsOrBool(null, schema)).build())
        .build();
    assertThat(TREES.convertsItself(JSONSchemaPropsOrBool.class)).isTrue();
    assertSame(props);
  }

  @Test
  void should_convert_fabric8_objects_with_additional_properties() {
    ObjectMeta meta = new ObjectMetaBuilder().withName("x").addToLabels("b", "1").addToLabels("a", "2").build();
    meta.setAdditionalProperty("zeta", "z");
    meta.setAdditionalProperty("alpha", Map.of("k", "v"));
    assertSame(new ConfigMapBuilder().withMetadata(meta).addToData("k", "v").build());
  }

  // ---- what it leaves to Jackson ------------------------------------------------------------

  public static final class Upper extends StdSerializer<Object> {
    public Upper() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString("custom");
    }
  }

  @JsonSerialize(using = Upper.class)
  public record CustomSerialized(String a) {}

  public record WithValue(String a) {
    @JsonValue
    public String value() {
      return "value of " + a;
    }
  }

  public record Inner(String x, String y) {}

  @JsonPropertyOrder({"a", "inner"})
  public static class Unwrapping {
    @JsonProperty("a")
    public String a = "a";
    @JsonUnwrapped
    public Inner inner = new Inner("x", "y");
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  public record Typed(String a) {}

  /** A getter Jackson writes that @JsonPropertyOrder does not list: its place would depend on method order. */
  @JsonPropertyOrder({"a"})
  public static class UnlistedGetter {
    @JsonProperty("a")
    private String a = "a";

    @JsonProperty("a")
    public String getA() {
      return a;
    }

    public String getComputed() {
      return "computed";
    }
  }

  public record RecordWithGetter(String a) {
    public String getExtra() {
      return "extra";
    }
  }

  @Test
  void should_leave_custom_serializers_json_value_unwrapped_and_type_info_to_jackson() {
    for (Object o : List.of(new CustomSerialized("a"), new WithValue("a"), new Unwrapping(), new Typed("a"))) {
      assertThat(TREES.convertsItself(o.getClass())).as(o.getClass().getSimpleName()).isFalse();
      assertSame(o);
      assertSame(Map.of("in", List.of(o)));
    }
  }

  @Test
  void should_leave_a_class_with_a_written_getter_that_no_plan_entry_covers_to_jackson() {
    assertThat(TREES.whyNoPlan(UnlistedGetter.class)).contains("computed");
    assertThat(TREES.whyNoPlan(RecordWithGetter.class)).contains("getExtra");
    assertSame(new UnlistedGetter());
    assertSame(new RecordWithGetter("a"));
  }

  @Test
  void should_leave_a_bean_holding_a_map_with_a_null_value_to_jackson() {
    Fabric8Like o = new Fabric8Like();
    o.labels.put("a", null);
    o.labels.put("b", "1");
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("k", null);
    assertSame(o);
    assertSame(List.of(withNull));
  }

  @Test
  void should_hand_everything_to_jackson_when_the_mapper_has_mix_ins() {
    ObjectMapper mixed = jsonMapper().addMixIn(Spec.class, Fabric8Like.class);
    ObjectTrees trees = ObjectTrees.of(mixed);
    assertThat(trees.convertsItself(Spec.class)).isFalse();
    assertThat(trees.whyNoPlan(Spec.class)).contains("mix-ins");
    Spec spec = new Spec("b", 1, List.of());
    assertThat(OrderedTrees.difference(mixed.valueToTree(spec), trees.tree(spec))).isEmpty();
  }

  @Test
  void should_hand_a_class_with_a_module_serializer_to_jackson() {
    ObjectMapper custom = jsonMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
        .addSerializer(Spec.class, new StdSerializer<>(Spec.class) {
          @Override
          public void serialize(Spec value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString("spec");
          }
        }));
    ObjectTrees trees = ObjectTrees.of(custom);
    assertThat(trees.convertsItself(Spec.class)).isFalse();
    Spec spec = new Spec("b", 1, List.of());
    assertThat(OrderedTrees.difference(custom.valueToTree(spec), trees.tree(spec))).isEmpty();
  }

  /** A mapper configured like the YAML one (a YAMLFactory subclass cannot be copied). */
  private static ObjectMapper jsonMapper() {
    return new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  private static void assertSame(Object value) {
    JsonNode expected = MAPPER.valueToTree(value);
    assertThat(OrderedTrees.difference(expected, TREES.tree(value))).as("%s", expected).isEmpty();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
