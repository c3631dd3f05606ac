package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * kustomization.yaml goes through the shared YAML writer: a folder (a user's own component may name
 * any) that a YAML 1.1 reader would read as a boolean, a number, a date or null stays a string.
 */
class KustomizationYamlTest {
  private static final Lab LAB = homelab("test").lan("192.168.1.0/24")
      .nodes(node("pi1").controlPlane().ip("192.168.1.11"))
      .cluster(k3s("v1.33.4+k3s1"));

  private static Component folder(String name) {
    return new Component() {
      @Override
      public String folder() {
        return name;
      }

      @Override
      public List<HasMetadata> objects(Lab lab) {
        return List.of(new ConfigMapBuilder().withNewMetadata().withName("x").withNamespace("default").endMetadata().build());
      }
    };
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_list_folders_that_yaml_1_1_reads_as_other_types_as_strings_in_the_root_kustomization() {
    List<String> hostile = List.of("on", "yes", "y", "null", "0777", "1_000", ".inf", "1e3", "2001-12-14");
    KubernetesBackend backend = new KubernetesBackend();
    for (String name : hostile) {
      backend = backend.with(folder(name));
    }
    RenderedFiles files = backend.render(LAB);

    // SnakeYAML resolves plain scalars by YAML 1.1 rules, like go-yaml v2 and PyYAML.
    Map<?, ?> root = new Yaml().load(files.text("kustomization.yaml"));
    assertThat((List<Object>) root.get("resources")).containsAll(hostile);
    assertThat(files.text("kustomization.yaml")).contains("\n  - \"on\"\n").contains("\n  - \"1_000\"\n");
  }
}
