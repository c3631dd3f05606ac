package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesBackendTest {
  private static final Lab LAB = homelab("test").lan("192.168.1.0/24")
      .nodes(node("pi1").controlPlane().ip("192.168.1.11"))
      .cluster(k3s("v1.33.4+k3s1"));

  private static final Component DEMO = new Component() {
    @Override
    public String folder() {
      return "demo";
    }

    @Override
    public List<HasMetadata> objects(Lab lab) {
      return List.of(Namespaces.privileged("demo", "hostPath /var/log"),
          HelmChart.of("demo", "https://charts.example.org", "demo", "1.2.3", "demo",
              HelmValues.create().set("a.b", "on").set("mode", "0644").set("count", 3)));
    }
  };

  @Test
  void should_write_one_file_per_object_and_a_kustomization_per_folder() {
    RenderedFiles files = new KubernetesBackend().with(DEMO).render(LAB);

    assertThat(files.files().keySet()).contains("kustomization.yaml", "demo/kustomization.yaml",
        "demo/namespace-demo.yaml", "demo/helmchart-demo.yaml");
    assertThat(files.text("demo/kustomization.yaml")).isEqualTo("apiVersion: kustomize.config.k8s.io/v1beta1\n"
        + "kind: Kustomization\nresources:\n  - helmchart-demo.yaml\n  - namespace-demo.yaml\n");
  }

  @Test
  void should_quote_strings_that_yaml_1_1_reads_as_booleans_or_octals() {
    String chart = new KubernetesBackend().with(DEMO).render(LAB).text("demo/helmchart-demo.yaml");

    assertThat(chart).contains("b: \"on\"").contains("mode: \"0644\"").contains("count: 3");
    assertThat(chart).startsWith("apiVersion: helm.cattle.io/v1\nkind: HelmChart\nmetadata:\n");
  }

  @Test
  void should_say_in_a_comment_why_a_namespace_is_not_restricted() {
    String namespace = new KubernetesBackend().with(DEMO).render(LAB).text("demo/namespace-demo.yaml");

    assertThat(namespace).startsWith("# Pod Security privileged, not restricted: hostPath /var/log\napiVersion: v1\n");
  }

  @Test
  void should_let_a_customizer_patch_or_drop_a_rendered_object() {
    RenderedFiles files = new KubernetesBackend().with(DEMO)
        .customize(ObjectCustomizer.forObject("Namespace", null, "demo", o -> {
          o.getMetadata().getLabels().put("team", "infra");
          return o;
        }))
        .customize(ObjectCustomizer.forObject("HelmChart", "kube-system", "demo", o -> null))
        .render(LAB);

    assertThat(files.text("demo/namespace-demo.yaml")).contains("team: infra");
    assertThat(files.files()).doesNotContainKey("demo/helmchart-demo.yaml");
  }
}
