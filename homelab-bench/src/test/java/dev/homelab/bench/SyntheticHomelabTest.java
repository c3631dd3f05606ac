package dev.homelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.Renderer;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.cli.StandardBackends;
import dev.homelab.model.Lab;
import dev.homelab.model.network.Exposure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticHomelabTest {

  @Test
  void should_build_a_valid_lab_of_the_asked_number_of_apps() {
    Lab lab = SyntheticHomelab.lab(40);

    assertThat(lab.apps()).hasSize(40);
    assertThat(Renderer.using(StandardBackends.all()).problems(lab)).isEmpty();
  }

  @Test
  void should_cycle_apps_through_routes_volumes_and_data_services() {
    Lab lab = SyntheticHomelab.lab(12);

    assertThat(lab.apps()).extracting(a -> a.exposure()).contains(Exposure.PUBLIC, Exposure.INTERNAL);
    assertThat(lab.apps()).filteredOn(a -> !a.volumes().isEmpty()).hasSize(6);
    assertThat(lab.apps()).filteredOn(a -> !a.uses().isEmpty()).hasSize(6);
  }

  @Test
  void should_render_a_folder_for_every_app() {
    Map<String, RenderedFiles> out = Renderer.using(StandardBackends.all()).render(SyntheticHomelab.lab(10));

    assertThat(out.get("k8s").files().keySet())
        .contains("apps/app00000/kustomization.yaml", "apps/app00009/kustomization.yaml");
  }

  @Test
  void should_build_the_same_lab_every_time() {
    assertThat(SyntheticHomelab.lab(25)).isEqualTo(SyntheticHomelab.lab(25));
  }
}
