package dev.homelab.k8s.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.k8s.yaml.KubernetesYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpstreamCrdsTest {

  @Test
  void should_render_the_plan_crd_exactly_as_upstream_wrote_it() throws IOException {
    JsonNode upstream;
    try (InputStream in = UpstreamCrds.class.getResourceAsStream("upgrade.cattle.io_plans.yaml")) {
      upstream = KubernetesYaml.mapper().readTree(in);
    }

    JsonNode rendered = KubernetesYaml.mapper().readTree(KubernetesYaml.write(UpstreamCrds.load("upgrade.cattle.io_plans.yaml")));

    // A round trip through fabric8's typed model must not drop or change any schema field.
    assertThat(rendered).isEqualTo(upstream);
  }

  @Test
  void should_ship_the_plan_crd_of_the_pinned_controller_release() throws IOException {
    String header;
    try (InputStream in = UpstreamCrds.class.getResourceAsStream("upgrade.cattle.io_plans.yaml")) {
      header = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(3)
          .reduce("", (a, b) -> a + b + "\n");
    }

    // the controller re-registers its own CRD at start: another release's schema would be replaced
    // (and Plan fields the renderer sets might not exist in it)
    assertThat(header).contains("rancher/system-upgrade-controller")
        .contains("@ " + dev.homelab.versions.Versions.defaults().tag(dev.homelab.versions.VersionKey.IMAGE_SYSTEM_UPGRADE_CONTROLLER) + " (");
  }
}
