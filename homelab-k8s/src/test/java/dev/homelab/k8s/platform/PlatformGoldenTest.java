package dev.homelab.k8s.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.fixtures.Golden;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole output of a lab with only platform parts ({@link TestLabs#platformOnly()}): the
 * platform components on their own, without k8s-core's Traefik, MetalLB, data services or apps.
 * The golden of the full reference lab is the examples module's ({@code ReferenceHomelabTest}).
 */
class PlatformGoldenTest {
  private static final RenderedFiles PLATFORM = new KubernetesBackend().render(TestLabs.platformOnly());

  @Test
  void should_render_a_platform_only_lab_like_the_golden_files() {
    Golden.assertMatches("platform-only", PLATFORM);
  }

  @Test
  void should_render_no_platform_folder_for_a_lab_without_platform_parts() {
    assertThat(TestLabs.renderPlatform(TestLabs.bare()).files()).isEmpty();
  }

  @Test
  void should_render_the_same_bytes_twice() {
    Golden.assertDeterministic(() -> new KubernetesBackend().render(TestLabs.platformOnly()));
  }

  @Test
  void should_give_every_rendered_namespace_psa_labels_and_a_default_deny_policy() {
    Set<String> namespaces = new HashSet<>();
    Set<String> denied = new HashSet<>();
    for (Map.Entry<String, byte[]> f : PLATFORM.files().entrySet()) {
      if (!f.getKey().endsWith(".yaml") || f.getKey().endsWith("kustomization.yaml")) {
        continue;
      }
      JsonNode o = TestLabs.yaml(new String(f.getValue(), StandardCharsets.UTF_8));
      if (o.path("kind").asText().equals("Namespace")) {
        assertThat(o.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText())
            .as(f.getKey()).isIn("restricted", "baseline", "privileged");
        namespaces.add(o.at("/metadata/name").asText());
      }
      if (o.path("kind").asText().equals("NetworkPolicy") && o.at("/metadata/name").asText().equals("default-deny")) {
        denied.add(o.at("/metadata/namespace").asText());
      }
    }
    assertThat(namespaces).containsExactlyInAnyOrder("crowdsec", "monitoring", "system-upgrade", "cert-manager",
        "arc-systems", "arc-runners", "external-secrets", "metallb-system");
    assertThat(denied).isEqualTo(namespaces);
  }

  @Test
  void should_reference_secrets_only_by_name_and_key() {
    assertThat(PLATFORM.files().keySet()).noneMatch(p -> p.contains("/secret-"));
    String all = PLATFORM.files().values().stream().map(b -> new String(b, StandardCharsets.UTF_8))
        .reduce("", String::concat);
    assertThat(all).doesNotContain("kind: Secret\n").doesNotContain("stringData");
  }
}
