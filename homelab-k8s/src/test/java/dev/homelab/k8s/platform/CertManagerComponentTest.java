package dev.homelab.k8s.platform;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertManagerComponentTest {

  @Test
  void should_issue_a_wildcard_certificate_into_the_secret_the_tls_store_reads() {
    JsonNode cert = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()),
        "cert-manager/certificate-wildcard.yaml");

    assertThat(cert.at("/metadata/namespace").asText()).isEqualTo("traefik");
    assertThat(cert.at("/spec/secretName").asText()).isEqualTo("wildcard-example-com-tls");
    assertThat(cert.at("/spec/dnsNames").toString()).isEqualTo("[\"example.com\",\"*.example.com\"]");
    assertThat(cert.at("/spec/issuerRef/kind").asText()).isEqualTo("ClusterIssuer");
    assertThat(cert.at("/spec/issuerRef/name").asText()).isEqualTo("letsencrypt");
  }

  @Test
  void should_give_a_host_the_wildcard_does_not_match_a_certificate_of_its_own() {
    Lab lab = TestLabs.reference().apps(app("deep", "ghcr.io/example/deep:1.0.0").internalVia(TestLabs.reference().ingress().get())
        .host("deep.home.example.com"));
    RenderedFiles files = TestLabs.renderPlatform(lab);

    // a wildcard stands for one label: the default TLSStore would serve deep.home.example.com a certificate for other names
    assertThat(TestLabs.object(files, "cert-manager/certificate-wildcard.yaml").at("/spec/dnsNames").toString())
        .isEqualTo("[\"example.com\",\"*.example.com\"]");
    JsonNode own = TestLabs.object(files, "cert-manager/certificate-deep-home-example-com.yaml");
    assertThat(own.at("/metadata/namespace").asText()).isEqualTo("deep");
    assertThat(own.at("/spec/dnsNames").toString()).isEqualTo("[\"deep.home.example.com\"]");
    assertThat(own.at("/spec/secretName").asText()).isEqualTo("deep-home-example-com-tls");
  }

  @Test
  void should_solve_dns01_with_the_cloudflare_token_reference() {
    JsonNode acme = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()),
        "cert-manager/clusterissuer-letsencrypt.yaml").at("/spec/acme");

    assertThat(acme.path("server").asText()).isEqualTo("https://acme-v02.api.letsencrypt.org/directory");
    assertThat(acme.path("email").asText()).isEqualTo("admin@example.com");
    assertThat(acme.at("/solvers/0/dns01/cloudflare/apiTokenSecretRef/name").asText()).isEqualTo("cloudflare-api-token");
    assertThat(acme.at("/solvers/0/dns01/cloudflare/apiTokenSecretRef/key").asText()).isEqualTo("token");
  }

  @Test
  void should_use_the_staging_server_and_no_wildcard_when_asked() {
    Lab lab = TestLabs.reference().tls(certManager("admin@example.com", secret("cf", "token")).staging().perHost());
    RenderedFiles files = TestLabs.renderPlatform(lab);

    assertThat(TestLabs.object(files, "cert-manager/clusterissuer-letsencrypt.yaml").at("/spec/acme/server").asText())
        .contains("acme-staging-v02");
    assertThat(files.files()).doesNotContainKey("cert-manager/certificate-wildcard.yaml");
  }

  @Test
  void should_issue_no_wildcard_certificate_without_the_labs_own_traefik() {
    // the wildcard serves the default TLSStore in the traefik namespace, which only the lab's Traefik creates
    assertThat(new CertManagerComponent().objects(TestLabs.platformOnly()))
        .noneMatch(o -> o.getKind().equals("Certificate"));
  }

  @Test
  void should_install_the_crds_with_the_chart() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), "cert-manager/helmchart-cert-manager.yaml");

    assertThat(v.at("/crds/enabled").asBoolean()).isTrue();
  }

  @Test
  void should_render_nothing_with_traefik_acme_or_without_tls() {
    Lab acme = TestLabs.withTraefikAcme(TestLabs.reference());

    assertThat(new CertManagerComponent().objects(acme)).isEmpty();
    assertThat(new CertManagerComponent().objects(TestLabs.bare())).isEmpty();
  }

  @Test
  void should_let_prometheus_scrape_every_component_the_charts_service_monitor_selects() {
    JsonNode values = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), "cert-manager/helmchart-cert-manager.yaml");
    JsonNode policy = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()), "cert-manager/networkpolicy-allow-monitoring-scrape.yaml");

    // cert-manager v1.21.1 templates/servicemonitor.yaml: one ServiceMonitor for the controller,
    // the cainjector and the webhook, each serving http-metrics on 9402 (their deployments' labels)
    assertThat(values.at("/prometheus/servicemonitor/enabled").asBoolean()).isTrue();
    for (String component : new String[] {"controller", "cainjector", "webhook"}) {
      Map<String, String> pod = Map.of("app.kubernetes.io/name", component.equals("controller") ? "cert-manager" : component,
          "app.kubernetes.io/instance", "cert-manager", "app.kubernetes.io/component", component);
      policy.at("/spec/podSelector/matchLabels").fields()
          .forEachRemaining(e -> assertThat(pod).as(component).containsEntry(e.getKey(), e.getValue().asText()));
    }
    assertThat(policy.at("/spec/podSelector/matchExpressions").isMissingNode()).isTrue();
    assertThat(policy.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(9402);
  }
}
