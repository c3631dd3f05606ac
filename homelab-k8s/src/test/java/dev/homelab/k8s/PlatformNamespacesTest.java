package dev.homelab.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The model keeps the platform's namespaces ({@link Lab#reservedNamespaces()}) so that an app or a
 * data service cannot take one, but only this backend renders them: a platform component with a new
 * namespace fails here until the model reserves it.
 */
class PlatformNamespacesTest {
  /** Every platform component: the reference-like lab has all but External Secrets. */
  private static final Lab FULL = TestLabs.referenceLike().secretStore("vault");

  private static Set<String> platformNamespaces(Lab lab) throws IOException {
    Set<String> workloads = lab.apps().stream().map(App::namespace).collect(Collectors.toSet());
    lab.dataServices().stream().map(DataService::name).forEach(workloads::add);
    RenderedFiles files = TestLabs.render(lab);
    Set<String> out = new TreeSet<>();
    for (String path : files.files().keySet()) {
      if (!path.endsWith(".yaml")) {
        continue;
      }
      for (JsonNode doc : KubernetesYaml.mapper().readValues(KubernetesYaml.mapper().createParser(files.text(path)), JsonNode.class).readAll()) {
        if ("Namespace".equals(doc.path("kind").asText()) && !workloads.contains(doc.at("/metadata/name").asText())) {
          out.add(doc.at("/metadata/name").asText());
        }
      }
    }
    return out;
  }

  @Test
  void should_reserve_in_the_model_every_namespace_the_platform_renders() throws IOException {
    Set<String> rendered = platformNamespaces(FULL);

    assertThat(rendered).as("a full lab renders the platform").contains("traefik", "monitoring", "crowdsec", "metallb-system");
    assertThat(FULL.reservedNamespaces().keySet()).containsAll(rendered);
  }

  @Test
  void should_reserve_only_the_namespaces_of_components_the_lab_renders() throws IOException {
    Set<String> reserved = new TreeSet<>(FULL.reservedNamespaces().keySet());
    reserved.removeAll(Set.of("default", "kube-node-lease", "kube-public", "kube-system"));

    assertThat(platformNamespaces(FULL)).isEqualTo(reserved);
  }
}
