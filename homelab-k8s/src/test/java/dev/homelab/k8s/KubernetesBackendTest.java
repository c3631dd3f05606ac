package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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

  /**
   * {@code folders} folders of 10 ConfigMaps each and a Pod that reads Secret {@code shared} of
   * namespace {@code many}: far
   * more objects than the backend serializes in one batch, so most are written on the common pool.
   */
  private static KubernetesBackend manyFolders(int folders) {
    KubernetesBackend backend = new KubernetesBackend();
    for (int f = 0; f < folders; f++) {
      String folder = "many/f" + f;
      backend = backend.with(new Component() {
        @Override
        public String folder() {
          return folder;
        }

        @Override
        public List<HasMetadata> objects(Lab lab) {
          List<HasMetadata> out = new ArrayList<>();
          IntStream.range(0, 10).forEach(i -> out.add(new ConfigMapBuilder().withNewMetadata().withName("cm-" + i)
              .withNamespace("many").endMetadata().addToData("made", folder + "/" + i).build()));
          out.add(new PodBuilder().withMetadata(new ObjectMetaBuilder().withName("reader-f" + folder.substring(6)).withNamespace("many")
              .build()).withNewSpec().addNewContainer().withName("c").withImage("busybox:1.37").addNewEnv().withName("S")
              .withNewValueFrom().withNewSecretKeyRef().withName("shared").withKey("k" + folder.length()).endSecretKeyRef()
              .endValueFrom().endEnv().endContainer().endSpec().build());
          return out;
        }
      });
    }
    return backend;
  }

  @Test
  void should_file_objects_written_on_other_threads_in_the_order_the_components_made_them() {
    RenderedFiles files = manyFolders(60).render(LAB.secretStore("vault"));

    for (int f = 0; f < 60; f++) {
      for (int i = 0; i < 10; i++) {
        assertThat(files.text("many/f" + f + "/configmap-cm-" + i + ".yaml")).contains("made: many/f" + f + "/" + i + "\n");
      }
    }
    // the checklist files what it learns in order: the ExternalSecret goes to the first folder that reads it
    assertThat(files.files().keySet().stream().filter(p -> p.contains("externalsecret-shared")))
        .containsExactly("many/f0/externalsecret-shared.yaml");
    assertThat(files.text("SECRETS.md")).contains("Pod many/reader-f0", "Pod many/reader-f59");
    RenderedFiles again = manyFolders(60).render(LAB.secretStore("vault"));
    assertThat(again.files().keySet()).isEqualTo(files.files().keySet());
    files.files().keySet().forEach(path -> assertThat(again.text(path)).as(path).isEqualTo(files.text(path)));
  }

  @Test
  void should_throw_what_writing_an_object_threw_as_it_is() {
    KubernetesBackend backend = manyFolders(30).with(DEMO)
        .customize(ObjectCustomizer.forObject("HelmChart", "kube-system", "demo", o -> new HelmChart(o.getMetadata(),
            new HelmChart.Spec("https://charts.example.org", "demo", "1.2.3", "demo", null, "a: [\n"))));

    assertThatThrownBy(() -> backend.render(LAB)).isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("valuesContent of HelmChart kube-system/demo is not YAML");
  }
}
