package dev.homelab.k8s.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.k8s.yaml.KubernetesYaml;
import java.io.IOException;
import java.io.InputStream;
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
}
