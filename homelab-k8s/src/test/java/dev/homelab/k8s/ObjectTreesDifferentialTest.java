package dev.homelab.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.fixtures.LabArbitraries;
import dev.homelab.fixtures.LabSpec;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.k8s.yaml.ObjectTrees;
import dev.homelab.k8s.yaml.OrderedTrees;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link ObjectTrees} builds, for every object the backend renders, the tree Jackson's
 * {@code valueToTree} builds, field order and number types included, and converts every class of a
 * full render itself (a class falling back to Jackson would silently cost the speed it exists for).
 */
class ObjectTreesDifferentialTest {

  @Test
  void should_build_the_tree_jackson_builds_for_every_object_of_a_reference_like_render() {
    int compared = 0;
    for (Lab lab : List.of(TestLabs.referenceLike(), TestLabs.acmeLab(), dev.homelab.fixtures.TestLabs.rich(),
        dev.homelab.fixtures.TestLabs.web(), dev.homelab.fixtures.TestLabs.minimal(),
        TestLabs.referenceLike().secretStore("vault"))) {
      List<HasMetadata> objects = objects(lab);
      assertSameTrees(objects);
      compared += objects.size();
    }
    assertThat(compared).isGreaterThan(300);
  }

  @Property(tries = 15)
  void should_build_the_tree_jackson_builds_for_every_object_of_a_generated_lab(@ForAll("labs") LabSpec spec) {
    assertSameTrees(objects(spec.build()));
  }

  @Provide
  Arbitrary<LabSpec> labs() {
    return LabArbitraries.validSpecs();
  }

  @Test
  void should_convert_every_class_of_a_reference_like_render_without_jackson_serializers() {
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (HasMetadata o : objects(TestLabs.referenceLike().secretStore("vault"))) {
      collectBeanClasses(o, classes);
    }
    for (HasMetadata o : objects(dev.homelab.fixtures.TestLabs.rich())) {
      collectBeanClasses(o, classes);
    }
    List<String> fallbacks = new ArrayList<>();
    for (Class<?> c : classes) {
      if (!ObjectTrees.kubernetes().convertsItself(c)) {
        fallbacks.add(c.getName() + ": " + ObjectTrees.kubernetes().whyNoPlan(c));
      }
    }
    assertThat(fallbacks).isEmpty();
    assertThat(classes).hasSizeGreaterThan(40);
  }

  private static void assertSameTrees(List<HasMetadata> objects) {
    for (HasMetadata o : objects) {
      JsonNode expected = KubernetesYaml.mapper().valueToTree(o);
      JsonNode actual = ObjectTrees.kubernetes().tree(o);
      assertThat(OrderedTrees.difference(expected, actual))
          .as("%s %s", o.getKind(), o.getMetadata().getName())
          .isEmpty();
    }
  }

  /** Every rendered object, as the backend serializes it (after the customizers). */
  static List<HasMetadata> objects(Lab lab) {
    List<HasMetadata> out = new ArrayList<>();
    new KubernetesBackend().customize(o -> {
      out.add(o);
      return o;
    }).render(lab);
    return out;
  }

  /** The classes of the object graph that are neither JDK types nor Jackson's own special cases. */
  private static void collectBeanClasses(Object value, Set<Class<?>> out) {
    if (value == null) {
      return;
    }
    if (value instanceof java.util.Map<?, ?> m) {
      m.values().forEach(v -> collectBeanClasses(v, out));
      return;
    }
    if (value instanceof java.util.Collection<?> c) {
      c.forEach(v -> collectBeanClasses(v, out));
      return;
    }
    Class<?> type = value.getClass();
    if (type.getName().startsWith("java.") || type.isEnum() || value instanceof JsonNode) {
      return; // JDK values and Jackson's own trees
    }
    out.add(type); // and walk on: another instance of the class may hold other classes
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (java.lang.reflect.Field f : c.getDeclaredFields()) {
        if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        try {
          f.setAccessible(true);
          collectBeanClasses(f.get(value), out);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // a field this walk cannot read holds no rendered object
        }
      }
    }
  }
}
