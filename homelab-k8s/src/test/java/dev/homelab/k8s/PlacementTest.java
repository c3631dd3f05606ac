package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.host.Arch;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where an app's pods go: a node, a class of nodes by label, an architecture. */
class PlacementTest {
  private static final String IMAGE = "ghcr.io/example/worker:2.0.1";

  private static JsonNode selector(RenderedFiles files, String app) throws IOException {
    return KubernetesYaml.mapper().readTree(files.text("apps/" + app + "/deployment-" + app + ".yaml")).at("/spec/template/spec/nodeSelector");
  }

  @Test
  void should_render_runs_on_a_class_as_a_node_selector_on_its_label() throws IOException {
    RenderedFiles files = TestLabs.render(TestLabs.referenceLike()
        .nodes(node("big").amd64().ip("192.168.1.30").label("homelab.dev/class", "compute"))
        .apps(app("crunch", IMAGE).runsOn(nodesLabelled("homelab.dev/class", "compute")).arches(Arch.AMD64)));

    assertThat(KubernetesYaml.mapper().convertValue(selector(files, "crunch"), Map.class))
        .isEqualTo(Map.of("homelab.dev/class", "compute", "kubernetes.io/arch", "amd64"));
  }

  @Test
  void should_render_a_node_pin_as_a_host_name_selector_only() throws IOException {
    RenderedFiles files = TestLabs.render(TestLabs.referenceLike()
        .apps(app("crunch", IMAGE).runsOn(nodesLabelled("homelab.dev/class", "compute")).runsOn(node("nuc"))));

    assertThat(KubernetesYaml.mapper().convertValue(selector(files, "crunch"), Map.class))
        .isEqualTo(Map.of("kubernetes.io/hostname", "nuc"));
  }
}
