package dev.homelab.k8s.platform;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.cluster.AutoUpgrade;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradesComponentTest {
  private static final String SERVER = "system-upgrade/plan-server-plan.yaml";
  private static final String AGENT = "system-upgrade/plan-agent-plan.yaml";

  private static RenderedFiles render(AutoUpgrade upgrades) {
    Lab lab = TestLabs.reference();
    return TestLabs.renderPlatform(lab.cluster(lab.cluster().get().upgrades(upgrades)));
  }

  @Test
  void should_follow_the_channel_url_when_not_pinned() {
    JsonNode spec = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()), SERVER).path("spec");

    assertThat(spec.path("channel").asText()).isEqualTo("https://update.k3s.io/v1-release/channels/v1.33");
    assertThat(spec.has("version")).isFalse();
  }

  @Test
  void should_pin_the_version_and_stop_polling_the_channel() {
    RenderedFiles files = render(autoUpgrade().version("v1.33.5+k3s1"));

    for (String plan : new String[] {SERVER, AGENT}) {
      JsonNode spec = TestLabs.object(files, plan).path("spec");
      assertThat(spec.path("version").asText()).as(plan).isEqualTo("v1.33.5+k3s1");
      assertThat(spec.has("channel")).as(plan).isFalse();
    }
  }

  @Test
  void should_follow_the_stable_channel_by_default() {
    JsonNode spec = TestLabs.object(render(autoUpgrade()), SERVER).path("spec");

    assertThat(spec.path("channel").asText()).isEqualTo("https://update.k3s.io/v1-release/channels/stable");
    assertThat(spec.has("window")).isFalse();
  }

  @Test
  void should_upgrade_servers_first_and_make_agents_wait_for_them() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());
    JsonNode server = TestLabs.object(files, SERVER).path("spec");
    JsonNode agent = TestLabs.object(files, AGENT).path("spec");

    assertThat(server.at("/nodeSelector/matchExpressions/0/operator").asText()).isEqualTo("In");
    assertThat(agent.at("/nodeSelector/matchExpressions/0/operator").asText()).isEqualTo("DoesNotExist");
    assertThat(agent.at("/prepare/args").toString()).isEqualTo("[\"prepare\",\"server-plan\"]");
    assertThat(server.has("prepare")).isFalse();
    assertThat(server.at("/upgrade/image").asText()).isEqualTo("rancher/k3s-upgrade");
  }

  @Test
  void should_carry_concurrency_window_and_drain() {
    JsonNode spec = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()), AGENT).path("spec");

    assertThat(spec.path("concurrency").asInt()).isEqualTo(1);
    assertThat(spec.at("/window/days").toString()).isEqualTo("[\"saturday\",\"sunday\"]");
    assertThat(spec.at("/window/startTime").asText()).isEqualTo("03:00");
    assertThat(spec.at("/window/timeZone").asText()).isEqualTo("Europe/Paris");
    assertThat(spec.at("/drain/force").asBoolean()).isTrue();
    assertThat(spec.path("cordon").asBoolean()).isTrue();
  }

  @Test
  void should_only_cordon_without_drain() {
    JsonNode spec = TestLabs.object(render(autoUpgrade().withoutDrain().concurrency(2)), AGENT).path("spec");

    assertThat(spec.has("drain")).isFalse();
    assertThat(spec.path("cordon").asBoolean()).isTrue();
    assertThat(spec.path("concurrency").asInt()).isEqualTo(2);
  }

  @Test
  void should_tolerate_control_plane_taints_on_servers_and_node_taints_on_agents() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());

    assertThat(TestLabs.object(files, SERVER).at("/spec/tolerations").findValuesAsText("key"))
        .contains("node-role.kubernetes.io/control-plane", "CriticalAddonsOnly");
    assertThat(TestLabs.object(files, AGENT).at("/spec/tolerations").findValuesAsText("key"))
        .containsExactly("homelab.dev/storage");
  }

  @Test
  void should_install_a_pinned_controller_in_a_privileged_namespace() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());

    JsonNode deployment = TestLabs.object(files, "system-upgrade/deployment-system-upgrade-controller.yaml");
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo(dev.homelab.versions.Versions.defaults().get(dev.homelab.versions.VersionKey.IMAGE_SYSTEM_UPGRADE_CONTROLLER));
    assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo("system-upgrade");
    assertThat(TestLabs.object(files, "system-upgrade/namespace-system-upgrade.yaml")
        .at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("privileged");
    assertThat(TestLabs.object(files, "system-upgrade/configmap-default-controller-env.yaml")
        .at("/data/SYSTEM_UPGRADE_JOB_KUBECTL_IMAGE").asText()).isEqualTo("rancher/kubectl:v1.33.4");
    assertThat(TestLabs.object(files, "system-upgrade/customresourcedefinition-plans.upgrade.cattle.io.yaml")
        .at("/spec/names/kind").asText()).isEqualTo("Plan");
  }

  @Test
  void should_bind_the_upgrade_account_to_the_scoped_upstream_roles_instead_of_cluster_admin() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());

    JsonNode controller = TestLabs.object(files, "system-upgrade/clusterrolebinding-system-upgrade.yaml");
    JsonNode drainer = TestLabs.object(files, "system-upgrade/clusterrolebinding-system-upgrade-drainer.yaml");
    JsonNode jobs = TestLabs.object(files, "system-upgrade/rolebinding-system-upgrade.yaml");
    assertThat(controller.at("/roleRef/name").asText()).isEqualTo("system-upgrade-controller");
    assertThat(drainer.at("/roleRef/name").asText()).isEqualTo("system-upgrade-controller-drainer");
    assertThat(jobs.at("/roleRef/kind").asText()).isEqualTo("Role");
    for (JsonNode binding : List.of(controller, drainer, jobs)) {
      assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(UpgradesComponent.SERVICE_ACCOUNT);
      assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(UpgradesComponent.NAMESPACE);
    }
  }

  @Test
  void should_let_the_upgrade_jobs_drain_the_node_and_wait_for_the_server_plan() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());
    String drainer = TestLabs.object(files, "system-upgrade/clusterrole-system-upgrade-controller-drainer.yaml")
        .path("rules").toString();
    String controller = TestLabs.object(files, "system-upgrade/clusterrole-system-upgrade-controller.yaml")
        .path("rules").toString();

    // kubectl drain: cordon (patch node), evict pods, find their owners
    assertThat(drainer).contains("\"pods/eviction\"").contains("\"patch\"").contains("\"daemonsets\"");
    // the agents' prepare step reads Plan server-plan and the nodes' versions
    assertThat(controller).contains("\"plans\"").contains("\"nodes\"");
    // the controller creates its Plan CRD itself at start
    assertThat(controller).contains("\"customresourcedefinitions\"");
    assertThat(drainer + controller).doesNotContain("\"*\"");
  }

  @Test
  void should_render_nothing_without_automatic_upgrades() {
    assertThat(new UpgradesComponent().objects(TestLabs.bare())).isEmpty();
  }
}
