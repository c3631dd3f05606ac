package dev.homelab.examples;

import static dev.homelab.testing.HomelabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.Backend;
import dev.homelab.cli.StandardBackends;
import dev.homelab.model.app.preset.KnownApps;
import dev.homelab.testing.LabRender;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lab of every known app validates, passes every backend's checks and renders resolved, parseable objects. */
class KnownAppsLabTest {
  private static final LabRender RENDER = LabRender.of(KnownAppsLab.lab());

  @Test
  void should_use_every_known_app() {
    assertThat(KnownAppsLab.lab().apps()).extracting(a -> a.name()).containsExactlyInAnyOrderElementsOf(KnownApps.names());
  }

  @Test
  void should_pass_the_model_and_every_backends_checks() {
    List<Problem> problems = new ArrayList<>(Validator.standard().problems(KnownAppsLab.lab()));
    for (Backend backend : StandardBackends.all()) {
      problems.addAll(backend.check(KnownAppsLab.lab()));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void should_render_objects_fabric8_reads_with_every_reference_resolved_and_no_secret_value() {
    assertThat(RENDER).parsesWithFabric8().hasNoUnresolvedReferences().hasNoSecretValues().routesOnlyPublicHostsPublicly();
  }

  @Test
  void should_leave_no_lab_value_token_in_any_file() {
    assertThat(RENDER.texts()).allSatisfy((path, text) -> assertThat(text).as(path).doesNotContain("${homelab:"));
  }

  @Test
  void should_configure_nextcloud_for_its_host_name_behind_traefik() {
    String deployment = RENDER.text("k8s", "apps/nextcloud/deployment-nextcloud.yaml");
    assertThat(deployment).contains("name: OVERWRITEHOST\n              value: cloud.example.com",
        "name: OVERWRITECLIURL\n              value: https://cloud.example.com",
        "name: TRUSTED_PROXIES\n              value: 10.42.0.0/16",
        "name: REDIS_HOST_PORT", "name: REDIS_HOST_PASSWORD", "name: POSTGRES_PASSWORD");
  }
}
