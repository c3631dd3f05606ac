package dev.homelab.k8s.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import org.junit.jupiter.api.Test;

class ExternalSecretsComponentTest {

  @Test
  void should_install_the_operator_and_document_the_store_when_a_store_is_named() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());

    assertThat(TestLabs.object(files, "external-secrets/helmchart-external-secrets.yaml").at("/spec/version").asText())
        .isEqualTo("2.9.0");
    assertThat(files.text("external-secrets/README.md")).contains("ClusterSecretStore `vault`");
  }

  @Test
  void should_render_nothing_without_a_secret_store() {
    assertThat(new ExternalSecretsComponent().objects(TestLabs.bare())).isEmpty();
  }
}
