package dev.homelab.k8s;

import dev.homelab.model.app.Protocol;
import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An app's ports and probes as the model declares them. */
class AppsTest {
  private static final String IMAGE = "ghcr.io/example/worker:2.0.1";
  private static final RenderedFiles REFERENCE = new KubernetesBackend().render(TestLabs.referenceLike());

  @Test
  void should_run_a_root_only_image_as_root_in_a_baseline_namespace_that_says_why() throws IOException {
    RenderedFiles files = TestLabs.render(TestLabs.referenceLike().apps(app("ha", "ghcr.io/example/ha:1.0.0")
        .runAsRoot("s6-overlay init runs only as root").volume("config", "/config", "1Gi")
        .seedFile("/config/configuration.yaml", "default_config:\n")));
    JsonNode namespace = read(files, "apps/ha/namespace-ha.yaml");
    JsonNode pod = read(files, "apps/ha/deployment-ha.yaml").at("/spec/template/spec");

    assertThat(namespace.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("baseline");
    assertThat(files.text("apps/ha/namespace-ha.yaml")).contains("s6-overlay init runs only as root");
    assertThat(pod.path("securityContext").has("runAsUser")).isFalse();
    assertThat(pod.path("securityContext").has("runAsNonRoot")).isFalse();
    // the seed init container shares the app's user: as non-root it could not start in a root image
    for (JsonNode c : List.of(pod.at("/containers/0"), pod.at("/initContainers/0"))) {
      assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
      assertThat(c.path("securityContext").has("runAsNonRoot")).isFalse();
      assertThat(c.path("securityContext").has("capabilities")).isFalse();
    }
  }

  @Test
  void should_render_extra_ports_on_the_container_after_the_http_port() throws IOException {
    JsonNode container = container(REFERENCE, "jellyfin");

    assertThat(ports(container.path("ports"), "containerPort"))
        .containsExactly("http 8096/TCP", "discovery 7359/UDP");
  }

  @Test
  void should_render_extra_ports_on_the_service_targeting_the_named_container_port() throws IOException {
    JsonNode service = read(REFERENCE, "apps/jellyfin/service-jellyfin.yaml");

    assertThat(ports(service.path("spec").path("ports"), "port")).containsExactly("http 8096/TCP", "discovery 7359/UDP");
    assertThat(service.path("spec").path("ports").get(1).path("targetPort").asText()).isEqualTo("discovery");
  }

  @Test
  void should_keep_extra_ports_inside_the_namespace_and_route_the_http_port_only() throws IOException {
    JsonNode traefik = read(REFERENCE, "apps/jellyfin/networkpolicy-allow-from-traefik.yaml");

    assertThat(traefik.path("spec").path("ingress").get(0).path("ports").findValuesAsText("port")).containsExactly("8096");
    assertThat(REFERENCE.files().keySet().stream().filter(p -> p.startsWith("apps/jellyfin/networkpolicy-")))
        .containsExactlyInAnyOrder("apps/jellyfin/networkpolicy-default-deny.yaml",
            "apps/jellyfin/networkpolicy-allow-same-namespace.yaml", "apps/jellyfin/networkpolicy-allow-from-traefik.yaml");
    assertThat(REFERENCE.text("apps/jellyfin/ingressroute-jellyfin.yaml")).contains("port: 8096").doesNotContain("7359");
  }

  @Test
  void should_let_a_non_root_app_bind_a_low_extra_port() throws IOException {
    RenderedFiles files = TestLabs.render(lab(app("worker", IMAGE).extraPort("syslog", 514, Protocol.UDP)));

    JsonNode sysctls = read(files, "apps/worker/deployment-worker.yaml").path("spec").path("template").path("spec")
        .path("securityContext").path("sysctls");
    assertThat(sysctls.findValuesAsText("name")).containsExactly("net.ipv4.ip_unprivileged_port_start");
    assertThat(read(REFERENCE, "apps/jellyfin/deployment-jellyfin.yaml").path("spec").path("template").path("spec")
        .path("securityContext").has("sysctls")).isFalse();
  }

  @Test
  void should_probe_the_health_path_over_http_by_default() throws IOException {
    JsonNode container = container(REFERENCE, "jellyfin");

    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
    assertThat(container.path("livenessProbe").path("httpGet").path("port").asText()).isEqualTo("http");
  }

  @Test
  void should_send_the_routed_host_name_with_http_probes_of_exposed_apps() throws IOException {
    for (String app : List.of("nextcloud", "jellyfin")) {
      JsonNode container = container(REFERENCE, app);
      String fqdn = app.equals("nextcloud") ? "cloud.example.com" : "media.example.com";
      for (String probe : List.of("readinessProbe", "livenessProbe")) {
        JsonNode headers = container.path(probe).path("httpGet").path("httpHeaders");
        assertThat(headers.toString()).as(app + " " + probe).isEqualTo("[{\"name\":\"Host\",\"value\":\"" + fqdn + "\"}]");
      }
    }
  }

  @Test
  void should_send_no_host_header_with_http_probes_of_cluster_only_apps() throws IOException {
    JsonNode container = container(REFERENCE, "worker");

    assertThat(container.path("readinessProbe").path("httpGet").has("path")).isTrue();
    assertThat(container.path("readinessProbe").path("httpGet").has("httpHeaders")).isFalse();
  }

  @Test
  void should_hold_liveness_off_until_the_app_has_started() throws IOException {
    JsonNode slow = container(TestLabs.render(lab(app("worker", IMAGE).healthPath("/ready").startupMinutes(30))), "worker");
    JsonNode usual = container(TestLabs.render(lab(app("worker", IMAGE))), "worker");

    assertThat(slow.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/ready");
    assertThat(slow.path("startupProbe").path("periodSeconds").asInt()).isEqualTo(10);
    assertThat(slow.path("startupProbe").path("failureThreshold").asInt()).isEqualTo(180);
    assertThat(usual.path("startupProbe").path("failureThreshold").asInt()).isEqualTo(30);
  }

  @Test
  void should_open_the_http_port_for_readiness_and_liveness_with_a_tcp_probe() throws IOException {
    JsonNode container = container(TestLabs.render(lab(app("worker", IMAGE).port(6379).healthPath("/x").tcpProbe())), "worker");

    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      assertThat(container.path(probe).has("httpGet")).as(probe).isFalse();
      assertThat(container.path(probe).path("tcpSocket").path("port").asText()).as(probe).isEqualTo("http");
    }
    assertThat(container.path("readinessProbe").path("failureThreshold").asInt()).isEqualTo(3);
    assertThat(container.path("livenessProbe").path("initialDelaySeconds").asInt()).isEqualTo(30);
  }

  @Test
  void should_run_the_command_for_readiness_and_liveness_with_an_exec_probe() throws IOException {
    JsonNode container = container(TestLabs.render(lab(app("worker", IMAGE).execProbe("/app/healthcheck", "--quiet"))), "worker");

    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      assertThat(container.path(probe).path("exec").path("command").toString()).as(probe)
          .isEqualTo("[\"/app/healthcheck\",\"--quiet\"]");
      assertThat(container.path(probe).path("timeoutSeconds").asInt()).as(probe).isEqualTo(5);
      assertThat(container.path(probe).has("httpGet")).as(probe).isFalse();
    }
  }

  @Test
  void should_keep_a_root_reason_with_yaml_line_breaks_inside_the_namespace_comment() {
    String reason = "init\u2028apiVersion: x\u0085kind: y\rz\nw";
    RenderedFiles files = new KubernetesBackend().render(lab(app("root", IMAGE).runAsRoot(reason)));
    String namespace = files.text("apps/root/namespace-root.yaml");
    assertThat(namespace).startsWith(
        "# Pod Security baseline, not restricted: runs as root: init\\u2028apiVersion: x\\u0085kind: y\\rz\\nw\napiVersion: v1\n");
  }

  private static Lab lab(App app) {
    return homelab("apps").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .apps(app);
  }

  /** {@code name port/protocol} of each port in order; {@code number} is the field holding the number. */
  private static List<String> ports(JsonNode ports, String number) {
    List<String> out = new ArrayList<>();
    ports.forEach(p -> out.add(p.path("name").asText() + " " + p.path(number).asInt() + "/" + p.path("protocol").asText("TCP")));
    return out;
  }

  private static JsonNode container(RenderedFiles files, String app) throws IOException {
    return read(files, "apps/" + app + "/deployment-" + app + ".yaml")
        .path("spec").path("template").path("spec").path("containers").get(0);
  }

  private static JsonNode read(RenderedFiles files, String path) throws IOException {
    return KubernetesYaml.mapper().readTree(files.text(path));
  }
}
