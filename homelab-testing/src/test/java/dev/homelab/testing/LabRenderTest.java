package dev.homelab.testing;

import static dev.homelab.testing.HomelabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.fixtures.TestLabs;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabRenderTest {
  private static final LabRender RICH = LabRender.of(TestLabs.rich());

  @Test
  void should_find_objects_and_read_fields() {
    assertThat(RICH).hasObject("Deployment", "nextcloud", "nextcloud")
        .hasField("spec.template.spec.containers[0].image", "docker.io/library/nextcloud:31.0.8-apache");
    assertThat(RICH.publicEntryPoints()).containsExactly("web", "websecure");
  }

  @Test
  void should_parse_known_kinds_into_their_fabric8_types() {
    assertThat(Fabric8.parse(RICH.object("Deployment", "nextcloud", "nextcloud").orElseThrow())).isInstanceOf(Deployment.class);
  }

  @Test
  void should_follow_references_to_pods_services_and_secrets() {
    References refs = RICH.references();
    K8sObject service = RICH.object("Service", "nextcloud", "nextcloud").orElseThrow();
    assertThat(refs.podsOf(service)).extracting(K8sObject::id).containsExactly("Deployment nextcloud/nextcloud");
    assertThat(refs.servicesOf(RICH.object("IngressRoute", "nextcloud", "nextcloud").orElseThrow())).containsExactly(service);
    assertThat(refs.secretSource("nextcloud", "nextcloud-db", "password")).contains("k8s/SECRETS.md");
    assertThat(refs.secretSource("nextcloud", "nextcloud-db", "no-such-key")).isEmpty();
    assertThat(refs.unresolved()).isEmpty();
  }

  @Test
  void should_report_a_route_to_a_service_that_is_not_rendered() {
    Map<String, RenderedFiles> files = new LinkedHashMap<>(RICH.byBackend());
    RenderedFiles.Builder k8s = RenderedFiles.builder();
    files.get("k8s").files().forEach((path, bytes) -> {
      if (!path.equals("apps/blog/service-blog.yaml")) {
        k8s.add(path, bytes);
      }
    });
    files.put("k8s", k8s.build());
    LabRender broken = LabRender.ofFiles(TestLabs.rich(), files);
    assertThatThrownBy(() -> assertThat(broken).hasNoUnresolvedReferences())
        .hasMessageContaining("IngressRoute blog/blog (apps/blog/ingressroute-blog.yaml) -> service blog/blog UNRESOLVED");
  }

  @Test
  void should_answer_topology_questions_about_a_lab() {
    Topology topology = Topology.of(TestLabs.rich());
    assertThat(topology.reachableFromInternet()).containsExactly("blog", "nextcloud");
    assertThat(topology.reachableFromVpn()).containsExactly("blog", "homeassistant", "jellyfin", "nextcloud");
    assertThat(topology.reachableFrom("worker")).containsExactly("rabbitmq", "redis");
    assertThat(topology.ifLost("pi1").etcdQuorumKept()).isTrue();
    assertThat(topology.ifLost("pi4").appsDown()).contains("jellyfin", "nextcloud");
    assertThat(topology.dataOn("nuc")).contains("postgres database homeassistant");
  }
}
