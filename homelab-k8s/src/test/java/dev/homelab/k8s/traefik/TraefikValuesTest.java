package dev.homelab.k8s.traefik;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.network.Traefik;
import dev.homelab.fixtures.TestLabs;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TraefikValuesTest {
  private static final Lab LAB = TestLabs.rich();

  /** Every shape of Traefik the values builder knows: client IPs kept or not, own ACME, renamed entrypoints. */
  static Stream<Arguments> labs() {
    Traefik t = TestLabs.TRAEFIK;
    return Stream.of(
        Arguments.of("reference", LAB, t),
        Arguments.of("without client IP", LAB, t.withoutClientIp()),
        Arguments.of("Traefik ACME", LAB.tls(traefikAcme("admin@example.com", secret("cloudflare-api-token", "token"))), t),
        Arguments.of("renamed entrypoints", LAB, t.entrypoints("public", "lan")),
        Arguments.of("no fixed IPs", LAB, traefik()));
  }

  private static Map<String, ChartServices.Service> services(Lab lab, Traefik traefik) {
    return ChartServices.of(TraefikValues.of(lab, traefik).asMap());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labs")
  void should_make_every_service_with_a_traffic_policy_a_load_balancer(String name, Lab lab, Traefik traefik) {
    Map<String, ChartServices.Service> services = services(lab, traefik);

    assertThat(services).containsOnlyKeys("traefik", "traefik-internal");
    for (ChartServices.Service s : services.values()) {
      // kube-apiserver: externalTrafficPolicy "may only be set for externally-accessible services"
      if (s.spec().containsKey("externalTrafficPolicy")) {
        assertThat(s.type()).as(s.name()).isEqualTo("LoadBalancer");
      }
      assertThat(s.ports()).as(s.name() + " ports (the chart fails on a Service without)").isNotEmpty();
    }
  }

  @Test
  void should_render_internal_traefik_service_as_load_balancer_on_its_own_ip() {
    ChartServices.Service internal = services(LAB, TestLabs.TRAEFIK).get("traefik-internal");

    assertThat(internal.spec()).containsEntry("type", "LoadBalancer").containsEntry("externalTrafficPolicy", "Local");
    assertThat(internal.ports()).containsOnlyKeys("web-int", "websecure-int");
    @SuppressWarnings("unchecked")
    Map<String, Object> annotations = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        ((Map<String, Object>) TraefikValues.of(LAB, TestLabs.TRAEFIK).asMap().get("service")).get("additionalServices"))
        .get("internal")).get("annotations");
    assertThat(annotations).containsEntry("metallb.io/loadBalancerIPs", "192.168.1.241");
  }

  @Test
  void should_keep_client_ips_on_neither_service_without_client_ip() {
    for (ChartServices.Service s : services(LAB, TestLabs.TRAEFIK.withoutClientIp()).values()) {
      assertThat(s.spec()).as(s.name()).containsEntry("type", "LoadBalancer").containsEntry("externalTrafficPolicy", "Cluster");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labs")
  void should_run_crowdsec_on_the_public_entrypoints_and_not_on_the_internal_ones(String name, Lab lab, Traefik traefik) {
    Map<String, Object> ports = ports(lab, traefik);
    List<String> bouncer = List.of("traefik-crowdsec@kubernetescrd");

    assertThat(middlewares(ports, traefik.publicEntrypoint())).isEqualTo(bouncer);
    // plain HTTP only redirects, but a route on :80 that outranks the redirect must not skip CrowdSec either
    assertThat(middlewares(ports, "web")).isEqualTo(bouncer);
    assertThat(middlewares(ports, traefik.internalEntrypoint())).isNull();
    assertThat(middlewares(ports, "web-int")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labs")
  void should_redirect_plain_http_to_the_public_entrypoint(String name, Lab lab, Traefik traefik) {
    Map<String, Object> ports = ports(lab, traefik);

    assertThat(http(ports, "web").get("redirections"))
        .isEqualTo(Map.of("entryPoint", Map.of("to", traefik.publicEntrypoint(), "scheme", "https", "permanent", true)));
    assertThat(http(ports, "web-int").get("redirections"))
        .isEqualTo(Map.of("entryPoint", Map.of("to", traefik.internalEntrypoint(), "scheme", "https", "permanent", true)));
  }

  @Test
  void should_attach_no_bouncer_without_crowdsec() {
    Lab lab = TestLabs.minimal().domain("example.com").loadBalancer(TestLabs.LAN_POOL).ingress(TestLabs.TRAEFIK);

    assertThat(middlewares(ports(lab, TestLabs.TRAEFIK), "websecure")).isNull();
    assertThat(TraefikValues.of(lab, TestLabs.TRAEFIK).asMap()).doesNotContainKey("experimental");
  }

  @Test
  void should_pin_a_released_bouncer_plugin_version() {
    @SuppressWarnings("unchecked")
    Map<String, Object> plugin = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        TraefikValues.of(LAB, TestLabs.TRAEFIK).asMap().get("experimental")).get("plugins")).get("bouncer");

    assertThat(plugin).containsEntry("moduleName", "github.com/maxlerebourg/crowdsec-bouncer-traefik-plugin");
    // a release tag (vX.Y.Z), never a branch or a pre-release: Traefik downloads exactly this at start
    assertThat((String) plugin.get("version")).matches("v\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void should_keep_traefik_acme_state_on_local_path_while_k3s_provides_it() {
    Lab lab = LAB.tls(traefikAcme("admin@example.com", secret("cloudflare-api-token", "token")));

    assertThat(persistence(lab)).containsEntry("enabled", true).containsEntry("storageClass", "local-path");
  }

  @Test
  void should_keep_traefik_acme_state_on_the_shared_class_without_local_path() {
    // no default StorageClass is left: an unnamed claim would stay Pending and take every route down
    Lab lab = LAB.tls(traefikAcme("admin@example.com", secret("cloudflare-api-token", "token")))
        .cluster(TestLabs.haK3s(TestLabs.offsite()).disable(dev.homelab.model.cluster.BuiltIn.LOCAL_STORAGE));

    assertThat(persistence(lab)).containsEntry("enabled", true).containsEntry("storageClass", "nfs-data");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> persistence(Lab lab) {
    return (Map<String, Object>) TraefikValues.of(lab, TestLabs.TRAEFIK).asMap().get("persistence");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ports(Lab lab, Traefik traefik) {
    return (Map<String, Object>) TraefikValues.of(lab, traefik).asMap().get("ports");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> http(Map<String, Object> ports, String entrypoint) {
    return (Map<String, Object>) ((Map<String, Object>) ports.get(entrypoint)).getOrDefault("http", Map.of());
  }

  private static Object middlewares(Map<String, Object> ports, String entrypoint) {
    return http(ports, entrypoint).get("middlewares");
  }
}
