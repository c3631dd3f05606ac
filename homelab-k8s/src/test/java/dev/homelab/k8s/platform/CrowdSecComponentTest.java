package dev.homelab.k8s.platform;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import org.junit.jupiter.api.Test;

class CrowdSecComponentTest {
  private static final String CHART = "crowdsec/helmchart-crowdsec.yaml";

  @Test
  void should_parse_containerd_logs_and_expose_the_lapi_on_its_metallb_ip() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), CHART);

    assertThat(v.path("container_runtime").asText()).isEqualTo("containerd");
    assertThat(v.at("/lapi/service/type").asText()).isEqualTo("LoadBalancer");
    assertThat(v.at("/lapi/service/annotations/metallb.io~1loadBalancerIPs").asText()).isEqualTo("192.168.1.242");
    assertThat(v.at("/lapi/service/externalTrafficPolicy").asText()).isEqualTo("Local");
  }

  @Test
  void should_read_traefik_pod_logs_from_the_traefik_namespace() {
    JsonNode acquisition = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), CHART)
        .at("/agent/acquisition/0");

    assertThat(acquisition.path("namespace").asText()).isEqualTo("traefik");
    assertThat(acquisition.path("podName").asText()).isEqualTo("traefik-*");
    assertThat(acquisition.path("program").asText()).isEqualTo("traefik");
  }

  @Test
  void should_pre_register_bouncer_keys_from_secret_references() {
    JsonNode env = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), CHART).at("/lapi/env");

    assertThat(env.get(0).path("name").asText()).isEqualTo("BOUNCER_KEY_traefik");
    assertThat(env.get(0).at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("crowdsec-bouncer-traefik");
    assertThat(env.get(0).at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("key");
    assertThat(env.get(1).path("name").asText()).isEqualTo("BOUNCER_KEY_firewall");
    assertThat(env.findValues("value")).isEmpty();
  }

  @Test
  void should_enable_appsec_on_7422_only_when_asked() {
    RenderedFiles with = TestLabs.renderPlatform(TestLabs.reference());
    RenderedFiles without = TestLabs.renderPlatform(TestLabs.reference()
        .security(crowdsec().lapiIp("192.168.1.242")));

    assertThat(TestLabs.values(with, CHART).at("/appsec/enabled").asBoolean()).isTrue();
    assertThat(TestLabs.values(with, CHART).at("/appsec/acquisitions/0/listen_addr").asText())
        .isEqualTo("0.0.0.0:7422");
    assertThat(with.files()).containsKey("crowdsec/networkpolicy-allow-appsec-from-traefik.yaml");
    assertThat(TestLabs.values(without, CHART).has("appsec")).isFalse();
    assertThat(without.files()).doesNotContainKey("crowdsec/networkpolicy-allow-appsec-from-traefik.yaml");
  }

  @Test
  void should_run_two_appsec_pods_so_one_restart_keeps_the_waf_up() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), CHART);

    assertThat(v.at("/appsec/replicas").asInt()).isEqualTo(2);
  }

  @Test
  void should_enroll_with_the_key_from_a_secret_when_set() {
    Lab lab = TestLabs.reference()
        .security(crowdsec().lapiIp("192.168.1.242").enroll(secret("crowdsec-enroll", "key")));

    JsonNode env = TestLabs.values(TestLabs.renderPlatform(lab), CHART).at("/lapi/env");

    assertThat(env.findValues("name")).extracting(JsonNode::asText).contains("ENROLL_KEY", "ENROLL_INSTANCE_NAME");
    assertThat(env.toString()).contains("\"name\":\"crowdsec-enroll\"");
  }

  @Test
  void should_keep_the_lapi_internal_without_a_lapi_ip() {
    // without host firewall bouncers nothing outside the cluster needs the LAPI
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference().security(crowdsec().withoutFirewallBouncers()));

    assertThat(TestLabs.values(files, CHART).at("/lapi/service").isMissingNode()).isTrue();
    assertThat(files.files()).doesNotContainKey("crowdsec/networkpolicy-allow-lapi-from-lan.yaml");
  }

  @Test
  void should_let_traefik_and_the_lan_reach_the_lapi_port_only() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());

    JsonNode fromLan = TestLabs.object(files, "crowdsec/networkpolicy-allow-lapi-from-lan.yaml");
    assertThat(fromLan.at("/spec/ingress/0/from/0/ipBlock/cidr").asText()).isEqualTo("192.168.1.0/24");
    assertThat(fromLan.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(8080);
    assertThat(fromLan.at("/spec/podSelector/matchLabels/type").asText()).isEqualTo("lapi");
    JsonNode fromTraefik = TestLabs.object(files, "crowdsec/networkpolicy-allow-lapi-from-traefik.yaml");
    assertThat(fromTraefik.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
        .asText()).isEqualTo("traefik");
  }

  @Test
  void should_render_nothing_without_crowdsec() {
    assertThat(new CrowdSecComponent().objects(TestLabs.bare())).isEmpty();
  }

  @Test
  void should_run_privileged_for_the_host_log_mount() {
    JsonNode ns = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()), "crowdsec/namespace-crowdsec.yaml");

    assertThat(ns.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("privileged");
    assertThat(ns.at("/metadata/annotations/homelab.dev~1pod-security-reason").asText()).contains("/var/log");
  }
}
