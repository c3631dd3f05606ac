package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.TaintEffect;
import java.io.IOException;
import java.util.List;
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

  /** Two nodes of the class gpu, both evicting; box is also dedicated, box2 also softly repels. */
  private static Lab tainted() {
    return TestLabs.referenceLike()
        .nodes(node("box").amd64().ip("192.168.1.30").label("homelab.dev/class", "gpu")
                .taint("dedicated", "media", TaintEffect.NO_SCHEDULE).taint("gpu", "true", TaintEffect.NO_EXECUTE),
            node("box2").amd64().ip("192.168.1.31").label("homelab.dev/class", "gpu")
                .taint("gpu", "true", TaintEffect.NO_EXECUTE).taint("busy", "true", TaintEffect.PREFER_NO_SCHEDULE))
        .dataServices(postgres("pinned").runsOn(node("box")))
        .apps(app("crunch", IMAGE).runsOn(node("box")).volume("data", "/data", "1Gi").backup(TestLabs.OFFSITE)
                .cronJob("compact", "0 4 * * *", "/bin/compact"),
            app("batch", IMAGE).runsOn(nodesLabelled("homelab.dev/class", "gpu")),
            app("free", IMAGE).volume("data", "/data", "1Gi").backup(TestLabs.OFFSITE));
  }

  private static Object tolerations(RenderedFiles files, String path, String pod) throws IOException {
    return KubernetesYaml.mapper().convertValue(
        KubernetesYaml.mapper().readTree(files.text(path)).at(pod + "/tolerations"), Object.class);
  }

  private static Map<String, String> tolerates(String key, String effect) {
    return Map.of("key", key, "operator", "Exists", "effect", effect);
  }

  @Test
  void should_let_a_pinned_app_and_the_jobs_beside_its_volume_onto_its_tainted_node() throws IOException {
    RenderedFiles files = TestLabs.render(tainted());
    List<Map<String, String>> box = List.of(tolerates("dedicated", "NoSchedule"), tolerates("gpu", "NoExecute"));

    assertThat(tolerations(files, "apps/crunch/deployment-crunch.yaml", "/spec/template/spec")).isEqualTo(box);
    // the backup (and its SQLite copies) and the app's own CronJobs read the node-local claim
    assertThat(tolerations(files, "apps/crunch/cronjob-backup-offsite.yaml", "/spec/jobTemplate/spec/template/spec")).isEqualTo(box);
    assertThat(tolerations(files, "apps/crunch/cronjob-crunch-compact.yaml", "/spec/jobTemplate/spec/template/spec")).isEqualTo(box);
  }

  @Test
  void should_let_a_pinned_data_service_onto_its_tainted_node() throws IOException {
    RenderedFiles files = TestLabs.render(tainted());

    assertThat(tolerations(files, "data/pinned/statefulset-pinned.yaml", "/spec/template/spec"))
        .isEqualTo(List.of(tolerates("dedicated", "NoSchedule"), tolerates("gpu", "NoExecute")));
  }

  @Test
  void should_let_an_app_on_a_class_past_the_taints_all_its_nodes_share_only() throws IOException {
    RenderedFiles files = TestLabs.render(tainted());

    // gpu taints both; dedicated keeps pods off box only, and batch still has box2 to go to;
    // PreferNoSchedule is left: tolerating it would stop the scheduler preferring box
    assertThat(tolerations(files, "apps/batch/deployment-batch.yaml", "/spec/template/spec"))
        .isEqualTo(List.of(tolerates("gpu", "NoExecute")));
  }

  @Test
  void should_give_unpinned_workloads_no_tolerations() throws IOException {
    RenderedFiles files = TestLabs.render(tainted());

    assertThat(tolerations(files, "apps/free/deployment-free.yaml", "/spec/template/spec")).isNull();
    assertThat(tolerations(files, "apps/free/cronjob-backup-offsite.yaml", "/spec/jobTemplate/spec/template/spec")).isNull();
    assertThat(tolerations(files, "data/postgres/statefulset-postgres.yaml", "/spec/template/spec")).isNull();
  }
}
