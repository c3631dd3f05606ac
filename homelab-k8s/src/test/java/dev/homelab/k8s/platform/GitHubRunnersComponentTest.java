package dev.homelab.k8s.platform;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import org.junit.jupiter.api.Test;

class GitHubRunnersComponentTest {
  private static final String SCALE_SET = "github-runners/runners/helmchart-homelab-runners.yaml";

  @Test
  void should_configure_the_scale_set_from_the_model() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), SCALE_SET);

    assertThat(v.path("githubConfigUrl").asText()).isEqualTo("https://github.com/example/homelab");
    assertThat(v.path("githubConfigSecret").asText()).isEqualTo("github-runners");
    assertThat(v.path("runnerScaleSetName").asText()).isEqualTo("homelab-runners");
    assertThat(v.path("minRunners").asInt()).isZero();
    assertThat(v.path("maxRunners").asInt()).isEqualTo(2);
    assertThat(v.at("/template/spec/serviceAccountName").asText()).isEqualTo("homelab-deployer");
    assertThat(v.at("/controllerServiceAccount/name").asText()).isEqualTo("arc-gha-rs-controller");
  }

  @Test
  void should_pin_the_runner_image_to_a_version_tag() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), SCALE_SET);

    assertThat(v.at("/template/spec/containers/0/image").asText())
        .matches("ghcr\\.io/actions/actions-runner:\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void should_warn_that_any_workflow_targeting_the_scale_set_gets_cluster_admin() {
    String readme = TestLabs.renderPlatform(TestLabs.reference()).text("github-runners/runners/README.md");

    assertThat(readme).contains("Any workflow that can target the scale set `homelab-runners`")
        .contains("gets cluster-admin")
        .contains("whoever can\npush a branch to example/homelab administers the cluster")
        .contains("`runners(...).runnerGroup(name)`")
        .doesNotContain("protect the branch");
  }

  @Test
  void should_register_the_scale_set_with_the_organization_in_its_runner_group() {
    Lab lab = TestLabs.reference();
    lab = lab.github(lab.github().orElseThrow().runners(runners("homelab-runners").scale(0, 2).runnerGroup("homelab-deploy")));
    RenderedFiles files = TestLabs.renderPlatform(lab);
    JsonNode v = TestLabs.values(files, SCALE_SET);

    // ARC finds a runner group by name where githubConfigUrl points, and only organizations have groups
    assertThat(v.path("githubConfigUrl").asText()).isEqualTo("https://github.com/example");
    assertThat(v.path("runnerGroup").asText()).isEqualTo("homelab-deploy");
    assertThat(files.text("github-runners/runners/README.md"))
        .contains("in its runner group `homelab-deploy`")
        .contains("`example/homelab/.github/workflows/deploy.yml@refs/heads/main`")
        .contains("organization permission\nSelf-hosted runners: read and write")
        .contains("\"Allow public repositories\"")
        .contains("delete helmchart homelab-runners");
  }

  @Test
  void should_register_the_scale_set_with_the_repository_without_a_runner_group() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), SCALE_SET);

    assertThat(v.has("runnerGroup")).isFalse();
  }

  @Test
  void should_pull_both_charts_from_the_oci_registry() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());

    JsonNode controller = TestLabs.object(files, "github-runners/controller/helmchart-arc.yaml").path("spec");
    assertThat(controller.path("chart").asText())
        .isEqualTo("oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller");
    assertThat(controller.has("repo")).isFalse();
    assertThat(controller.path("targetNamespace").asText()).isEqualTo("arc-systems");
    assertThat(TestLabs.object(files, SCALE_SET).at("/spec/version").asText()).isEqualTo("0.14.2");
  }

  @Test
  void should_bind_the_runner_service_account_to_cluster_admin() {
    JsonNode binding = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()),
        "github-runners/runners/clusterrolebinding-homelab-deployer.yaml");

    assertThat(binding.at("/roleRef/name").asText()).isEqualTo("cluster-admin");
    assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("arc-runners");
  }

  @Test
  void should_run_runners_without_privilege_in_a_restricted_namespace() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());

    JsonNode ns = TestLabs.object(files, "github-runners/runners/namespace-arc-runners.yaml");
    assertThat(ns.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("restricted");
    assertThat(ns.at("/metadata/annotations/homelab.dev~1pod-security-reason").asText()).contains("Docker-in-Docker");
    assertThat(TestLabs.values(files, SCALE_SET).at("/template/spec/securityContext/runAsNonRoot").asBoolean())
        .isTrue();
  }

  @Test
  void should_render_no_arc_objects_without_runners() {
    Lab noRunners = TestLabs.reference().github(github("example/homelab"));

    assertThat(TestLabs.renderPlatform(noRunners).files().keySet()).noneMatch(p -> p.startsWith("github-runners/"));
    assertThat(new ArcControllerComponent().objects(TestLabs.bare())).isEmpty();
  }
}
