package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import org.junit.jupiter.api.Test;

/** Internal routes get a certificate for their own name: the wildcard's, or one of their own where it does not match. */
class InternalNamesTest {
  private static final Lab LAB = TestLabs.referenceLike().apps(app("deep", "ghcr.io/example/deep:1.0.0")
      .internalVia(TestLabs.referenceLike().ingress().get()).host("deep.home.example.com"));
  private static final RenderedFiles FILES = TestLabs.render(LAB);

  @Test
  void should_serve_the_wildcard_to_internal_routes_it_matches() {
    assertThat(FILES.text("apps/jellyfin/ingressroute-jellyfin.yaml")).contains("tls: {}");
    assertThat(FILES.text("traefik/tlsstore-default.yaml")).contains("secretName: wildcard-example-com-tls");
  }

  @Test
  void should_serve_a_host_the_wildcard_does_not_match_from_its_own_certificate() {
    assertThat(FILES.text("apps/deep/ingressroute-deep.yaml")).contains("secretName: deep-home-example-com-tls");
    assertThat(FILES.text("cert-manager/certificate-deep-home-example-com.yaml"))
        .contains("namespace: deep").contains("secretName: deep-home-example-com-tls");
  }
}
