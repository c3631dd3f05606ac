package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.k8s.yaml.ObjectTrees;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every object of the reference lab's Kubernetes render becomes, through the backend's own tree
 * converter, the tree Jackson's {@code valueToTree} builds (field order and node types included),
 * without handing any bean class to Jackson.
 */
class ReferenceObjectTreesTest {
  private static final List<HasMetadata> OBJECTS = objects();

  @Test
  void should_convert_every_class_of_the_reference_render_without_jackson_s_serializers() {
    Set<Class<?>> classes = new LinkedHashSet<>();
    OBJECTS.forEach(o -> beanClasses(o, classes));
    assertThat(classes).hasSizeGreaterThan(40)
        .allSatisfy(c -> assertThat(ObjectTrees.kubernetes().convertsItself(c))
            .as("%s: %s", c.getName(), ObjectTrees.kubernetes().whyNoPlan(c)).isTrue());
  }

  @Test
  void should_build_jackson_s_tree_for_every_object_of_the_reference_render() {
    assertThat(OBJECTS).hasSizeGreaterThan(100);
    for (HasMetadata o : OBJECTS) {
      JsonNode expected = KubernetesYaml.mapper().valueToTree(o);
      assertThat(typed(ObjectTrees.kubernetes().tree(o))).as("%s %s", o.getKind(), o.getMetadata().getName())
          .isEqualTo(typed(expected));
    }
  }

  private static List<HasMetadata> objects() {
    List<HasMetadata> objects = new ArrayList<>();
    new KubernetesBackend().customize(o -> {
      objects.add(o);
      return o;
    }).render(ReferenceHomelab.lab().secretStore("vault"));
    return objects;
  }

  /** The classes of the object graph, JDK values and Jackson trees aside. */
  private static void beanClasses(Object value, Set<Class<?>> out) {
    if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> beanClasses(v, out));
    } else if (value instanceof Collection<?> c) {
      c.forEach(v -> beanClasses(v, out));
    } else if (value != null && !value.getClass().getName().startsWith("java.") && !value.getClass().isEnum()
        && !(value instanceof JsonNode)) {
      out.add(value.getClass());
      for (Class<?> c = value.getClass(); c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            try {
              f.setAccessible(true);
              beanClasses(f.get(value), out);
            } catch (ReflectiveOperationException | RuntimeException e) {
              // a field this walk cannot read holds no rendered object
            }
          }
        }
      }
    }
  }

  /** The tree as text with each field in order and each scalar's node type. */
  private static String typed(JsonNode node) {
    StringBuilder out = new StringBuilder();
    if (node.isObject()) {
      out.append('{');
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.append(e.getKey()).append(':').append(typed(e.getValue())).append(',');
      }
      return out.append('}').toString();
    }
    if (node.isArray()) {
      out.append('[');
      node.forEach(item -> out.append(typed(item)).append(','));
      return out.append(']').toString();
    }
    return node.getClass().getSimpleName() + "(" + node + ")";
  }
}
