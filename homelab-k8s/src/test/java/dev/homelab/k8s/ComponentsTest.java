package dev.homelab.k8s;

import static dev.homelab.Homelab.app;
import static dev.homelab.Homelab.claim;
import static dev.homelab.Homelab.homelab;
import static dev.homelab.Homelab.k3s;
import static dev.homelab.Homelab.node;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviours of single components that the golden files show but do not name. */
class ComponentsTest {
  private static final RenderedFiles REFERENCE = new KubernetesBackend().render(TestLabs.referenceLike());

  @Test
  void should_advertise_every_pool_with_its_auto_assign_flag() {
    assertThat(REFERENCE.text("metallb/ipaddresspool-dns.yaml")).contains("autoAssign: false")
        .contains("- 192.168.1.53/32");
    assertThat(REFERENCE.text("metallb/l2advertisement-l2.yaml")).contains("- lan\n    - dns\n");
    assertThat(REFERENCE.text("metallb/helmchart-metallb.yaml")).contains("version: 0.16.1");
  }

  @Test
  void should_turn_off_metallbs_bundled_frr_k8s_since_the_lab_announces_in_layer_2_only() {
    assertThat(REFERENCE.text("metallb/helmchart-metallb.yaml")).contains("frrk8s:\n      enabled: false");
  }

  @Test
  void should_give_traefik_a_public_and_an_internal_load_balancer_on_the_model_ips() {
    String values = REFERENCE.text("traefik/helmchart-traefik.yaml");

    assertThat(values).contains("metallb.io/loadBalancerIPs: 192.168.1.240")
        .contains("internal:\n          annotations:\n            metallb.io/loadBalancerIPs: 192.168.1.241")
        .contains("externalTrafficPolicy: Local")
        .contains("websecure-int:\n        expose:\n          default: false\n          internal: true")
        .contains("moduleName: github.com/maxlerebourg/crowdsec-bouncer-traefik-plugin")
        .contains("accessLog:\n      enabled: true");
    assertThat(REFERENCE.text("traefik/tlsstore-default.yaml")).contains("secretName: wildcard-example-com-tls");
  }

  @Test
  void should_keep_the_user_agent_in_the_access_log_crowdsec_reads() throws Exception {
    // The chart drops every header by default; CrowdSec's bad-user-agent scenario needs this one.
    JsonNode headers = values(REFERENCE).at("/accessLog/fields/headers/names");

    assertThat(headers.at("/User-Agent").asText()).isEqualTo("keep");
    assertThat(headers.at("/Referer").asText()).isEqualTo("keep");
  }

  @Test
  void should_run_traefik_on_every_node_when_it_preserves_client_ips() throws Exception {
    JsonNode local = values(REFERENCE);
    // no routes: with internal ones, Cluster policy is refused (internal-routes-keep-client-ip)
    JsonNode cluster = values(TestLabs.render(homelab("edge").domain("example.com").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"), node("pi2").arm64().worker().ip("192.168.1.12"))
        .cluster(k3s("v1.33.4+k3s1"))
        .loadBalancer(dev.homelab.fixtures.TestLabs.LAN_POOL)
        .ingress(dev.homelab.fixtures.TestLabs.TRAEFIK.withoutClientIp().replicas(3))));

    assertThat(local.at("/deployment/kind").asText()).isEqualTo("DaemonSet");
    assertThat(local.at("/deployment").has("replicas")).isFalse();
    assertThat(local.has("topologySpreadConstraints")).isFalse();
    assertThat(cluster.at("/deployment/kind").isMissingNode()).isTrue();
    assertThat(cluster.at("/deployment/replicas").asInt()).isEqualTo(3);
    assertThat(cluster.at("/service/spec/externalTrafficPolicy").asText()).isEqualTo("Cluster");
  }

  @Test
  void should_serve_pihole_dns_from_every_node_with_the_cluster_traffic_policy() {
    assertThat(REFERENCE.text("data/pihole/service-pihole-dns.yaml")).contains("externalTrafficPolicy: Cluster")
        .doesNotContain("Local");
  }

  private static JsonNode values(RenderedFiles files) throws Exception {
    JsonNode chart = dev.homelab.k8s.yaml.KubernetesYaml.mapper().readTree(files.text("traefik/helmchart-traefik.yaml"));
    return dev.homelab.k8s.yaml.KubernetesYaml.mapper().readTree(chart.at("/spec/valuesContent").asText());
  }

  @Test
  void should_route_grafana_on_the_internal_side_only_when_the_lab_has_monitoring() {
    assertThat(REFERENCE.text("traefik/ingressroute-grafana.yaml")).contains("- websecure-int")
        .contains("Host(`grafana.example.com`)").contains("name: kube-prometheus-stack-grafana");
    assertThat(new KubernetesBackend().render(TestLabs.acmeLab()).files()).doesNotContainKey("traefik/ingressroute-grafana.yaml");
  }

  @Test
  void should_use_traefiks_acme_resolver_with_one_replica_when_tls_is_traefik_acme() {
    RenderedFiles files = new KubernetesBackend().render(TestLabs.acmeLab());

    assertThat(files.text("traefik/helmchart-traefik.yaml")).contains("replicas: 1")
        .contains("caServer: https://acme-staging-v02.api.letsencrypt.org/directory")
        .contains("name: CF_DNS_API_TOKEN").doesNotContain("plugins");
    assertThat(files.text("apps/whoami/ingressroute-whoami.yaml")).contains("certResolver: le");
    // Found by scanning the chart's values: the token's secretKeyRef in env.
    assertThat(files.text("SECRETS.md")).contains("| traefik | cloudflare-api-token | token | HelmChart kube-system/traefik |");
    assertThat(files.files()).doesNotContainKeys("traefik/tlsstore-default.yaml", "traefik/middleware-crowdsec.yaml");
  }

  @Test
  void should_pull_every_referenced_secret_from_the_store_when_the_lab_names_one() {
    RenderedFiles files = TestLabs.render(TestLabs.referenceLike().secretStore("vault"));

    assertThat(files.text("apps/nextcloud/externalsecret-s3-offsite-nextcloud.yaml"))
        .contains("kind: ClusterSecretStore\n    name: vault")
        .contains("secretKey: access-key-id").contains("key: s3-offsite-nextcloud").contains("property: secret-access-key");
    assertThat(files.text("apps/nextcloud/kustomization.yaml")).contains("externalsecret-nextcloud-db.yaml");
    assertThat(files.text("traefik/externalsecret-crowdsec-bouncer-traefik.yaml")).contains("namespace: traefik");
    assertThat(files.text("SECRETS.md")).contains("ClusterSecretStore `vault`");
  }

  @Test
  void should_leave_out_secrets_that_a_certificate_writes() {
    String withoutCertificate = new KubernetesBackend()
        .customize(ObjectCustomizer.forObject("Certificate", "traefik", "wildcard", o -> null))
        .render(TestLabs.referenceLike()).text("SECRETS.md");

    assertThat(REFERENCE.text("cert-manager/certificate-wildcard.yaml")).contains("secretName: wildcard-example-com-tls");
    assertThat(REFERENCE.text("SECRETS.md")).doesNotContain("wildcard-example-com-tls");
    assertThat(withoutCertificate).contains("| traefik | wildcard-example-com-tls | (whole secret) | TLSStore traefik/default |");
  }

  @Test
  void should_let_a_customizer_change_an_app_deployment() {
    RenderedFiles files = new KubernetesBackend()
        .customize(ObjectCustomizer.forObject("Deployment", "blog", "blog", o -> {
          ((Deployment) o).getSpec().setReplicas(3);
          return o;
        }))
        .render(TestLabs.referenceLike());

    assertThat(files.text("apps/blog/deployment-blog.yaml")).contains("replicas: 3");
    assertThat(REFERENCE.text("apps/blog/deployment-blog.yaml")).contains("replicas: 1");
  }

  @Test
  void should_bind_a_static_volume_claim_to_the_persistent_volume_of_the_same_name() throws Exception {
    JsonNode pvc = dev.homelab.k8s.yaml.KubernetesYaml.mapper().readTree(REFERENCE.text("apps/jellyfin/persistentvolumeclaim-media.yaml"));

    assertThat(pvc.path("spec").path("volumeName").asText()).isEqualTo("media");
    assertThat(pvc.path("spec").path("storageClassName").asText("absent")).isEmpty();
    assertThat(pvc.path("spec").path("accessModes").get(0).asText()).isEqualTo("ReadWriteMany");
    assertThat(REFERENCE.text("apps/jellyfin/deployment-jellyfin.yaml")).contains("readOnly: true")
        .contains("kubernetes.io/hostname: pi4");
    assertThat(REFERENCE.text("apps/homeassistant/deployment-homeassistant.yaml")).contains("kubernetes.io/arch: amd64");
  }

  @Test
  void should_mount_a_read_only_static_volume_read_only_and_reserve_it_for_its_claim() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper yaml = dev.homelab.k8s.yaml.KubernetesYaml.mapper();
    JsonNode pod = yaml.readTree(REFERENCE.text("apps/jellyfin/deployment-jellyfin.yaml")).at("/spec/template/spec");
    JsonNode pv = yaml.readTree(REFERENCE.text("storage/persistentvolume-media.yaml")).path("spec");

    JsonNode media = pod.path("volumes").findParents("claimName").stream()
        .filter(v -> v.path("claimName").asText().equals("media")).findFirst().orElseThrow();
    assertThat(media.path("readOnly").asBoolean()).isTrue();
    JsonNode config = pod.path("volumes").findParents("claimName").stream()
        .filter(v -> v.path("claimName").asText().equals("config")).findFirst().orElseThrow();
    assertThat(config.has("readOnly")).isFalse();
    assertThat(pod.at("/containers/0/volumeMounts").findParents("mountPath").stream()
        .filter(m -> m.path("name").asText().equals("media")).findFirst().orElseThrow().path("readOnly").asBoolean())
        .isTrue();
    assertThat(pv.at("/csi/readOnly").asBoolean()).isTrue();
    assertThat(pv.at("/claimRef/namespace").asText()).isEqualTo("jellyfin");
    assertThat(pv.at("/claimRef/name").asText()).isEqualTo("media");
  }

  @Test
  void should_prefer_but_not_require_the_app_node_for_an_app_backup() throws Exception {
    JsonNode affinity = dev.homelab.k8s.yaml.KubernetesYaml.mapper()
        .readTree(REFERENCE.text("apps/nextcloud/cronjob-backup-offsite.yaml"))
        .at("/spec/jobTemplate/spec/template/spec/affinity/podAffinity");

    assertThat(affinity.has("requiredDuringSchedulingIgnoredDuringExecution")).isFalse();
    JsonNode preferred = affinity.path("preferredDuringSchedulingIgnoredDuringExecution").get(0);
    assertThat(preferred.path("weight").asInt()).isEqualTo(100);
    assertThat(preferred.at("/podAffinityTerm/labelSelector/matchLabels/app.kubernetes.io~1name").asText())
        .isEqualTo("nextcloud");
    assertThat(preferred.at("/podAffinityTerm/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
  }

  @Test
  void should_dump_postgres_with_its_own_image_and_upload_with_restic() {
    String job = REFERENCE.text("data/postgres/cronjob-backup-offsite.yaml");

    assertThat(job).contains("image: docker.io/library/postgres:17.9").contains("pg_dumpall --clean --if-exists")
        .contains("schedule: 30 2 * * *").contains("timeZone: Europe/Paris")
        .contains("value: s3:https://s3.example.net/example-homelab-backups/test/data/postgres")
        .contains("--keep-daily 7 --keep-weekly 4");
  }

  @Test
  void should_serve_pihole_dns_on_its_metallb_ip_to_the_lan_and_vpn_only() {
    assertThat(REFERENCE.text("data/pihole/service-pihole-dns.yaml"))
        .contains("metallb.io/loadBalancerIPs: 192.168.1.53").contains("protocol: UDP").contains("type: LoadBalancer");
    assertThat(REFERENCE.text("data/pihole/networkpolicy-allow-dns-from-lan.yaml"))
        .contains("cidr: 192.168.1.0/24").contains("cidr: 10.8.0.0/24");
    assertThat(REFERENCE.text("data/pihole/namespace-pihole.yaml")).contains("pod-security.kubernetes.io/enforce: baseline");
  }

  @Test
  void should_admit_the_pod_network_wherever_the_lan_reaches_pods_through_a_load_balancer_ip() {
    for (String policy : java.util.List.of("crowdsec/networkpolicy-allow-lapi-from-lan.yaml",
        "data/pihole/networkpolicy-allow-dns-from-lan.yaml", "traefik/networkpolicy-allow-internal-entrypoints.yaml")) {
      assertThat(REFERENCE.text(policy)).as(policy).contains("cidr: 192.168.1.0/24").contains("cidr: 10.42.0.0/16");
    }
  }

  @Test
  void should_admit_the_labs_own_cluster_cidr_through_load_balancer_ips() {
    Lab lab = TestLabs.referenceLike().cluster(dev.homelab.Homelab.k3s("v1.33.4+k3s1").clusterCidr("10.60.0.0/16"));
    RenderedFiles files = TestLabs.render(lab);

    assertThat(files.text("crowdsec/networkpolicy-allow-lapi-from-lan.yaml")).contains("cidr: 10.60.0.0/16")
        .doesNotContain("10.42.0.0/16");
    assertThat(files.text("data/pihole/networkpolicy-allow-dns-from-lan.yaml")).contains("cidr: 10.60.0.0/16");
  }

  @Test
  void should_wait_for_the_crds_to_exist_before_waiting_for_them_to_be_established(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String script = REFERENCE.text("wait-for-crds-and-webhooks.sh");
    assertThat(script).startsWith("#!/bin/sh\n").contains("\nset -eu\n");
    // run it with a kubectl that records its arguments, one per line
    java.nio.file.Path kubectl = dir.resolve("kubectl");
    java.nio.file.Files.writeString(kubectl, "#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done >> \"$LOG\"\necho >> \"$LOG\"\n");
    kubectl.toFile().setExecutable(true);
    java.nio.file.Files.writeString(dir.resolve("wait.sh"), script);
    ProcessBuilder sh = new ProcessBuilder("sh", dir.resolve("wait.sh").toString()).redirectErrorStream(true);
    sh.environment().put("PATH", dir + ":" + System.getenv("PATH"));
    sh.environment().put("LOG", dir.resolve("log").toString());
    assertThat(sh.start().waitFor()).isZero();
    List<String> calls = java.nio.file.Files.readAllLines(dir.resolve("log"));

    String crds = "crd/certificates.cert-manager.io|crd/clusterissuers.cert-manager.io|crd/ingressroutes.traefik.io|";
    assertThat(calls.get(0)).startsWith("wait|--for=create|--timeout=10m|" + crds);
    assertThat(calls.get(1)).startsWith("wait|--for=condition=Established|--timeout=10m|" + crds);
    assertThat(calls.get(0).split("\\|")).hasSize(3 + 10);
  }

  @Test
  void should_repeat_a_server_side_dry_run_of_its_own_folder_until_the_webhooks_answer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path bin = java.nio.file.Files.createDirectories(dir.resolve("bin"));
    java.nio.file.Path k8s = java.nio.file.Files.createDirectories(dir.resolve("k8s"));
    // a kubectl whose dry runs are refused twice (a webhook not serving yet), and a sleep that returns at once
    java.nio.file.Files.writeString(bin.resolve("kubectl"), "#!/bin/sh\ncase \"$*\" in *--dry-run=server*)\n"
        + "  echo \"$*\" >> \"$LOG\"; n=$(grep -c . \"$LOG\"); [ \"$n\" -ge 3 ] || { echo 'connection refused' >&2; exit 1; } ;;\nesac\n");
    java.nio.file.Files.writeString(bin.resolve("sleep"), "#!/bin/sh\n");
    bin.resolve("kubectl").toFile().setExecutable(true);
    bin.resolve("sleep").toFile().setExecutable(true);
    java.nio.file.Files.writeString(k8s.resolve("wait.sh"), REFERENCE.text("wait-for-crds-and-webhooks.sh"));
    // the deploy workflow runs it from the repository's root
    ProcessBuilder sh = new ProcessBuilder("sh", "k8s/wait.sh").directory(dir.toFile()).redirectErrorStream(true);
    sh.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    sh.environment().put("LOG", dir.resolve("log").toString());
    assertThat(sh.start().waitFor()).isZero();

    assertThat(java.nio.file.Files.readAllLines(dir.resolve("log"))).hasSize(3)
        .allMatch(l -> l.equals("apply --server-side --field-manager=homelab-deploy --dry-run=server -k k8s"));
  }

  @Test
  void should_wait_for_the_rendered_admission_webhooks_in_the_script_the_readme_runs_between_applies() {
    String script = REFERENCE.text("wait-for-crds-and-webhooks.sh");
    String readme = REFERENCE.text("README.md");

    for (String webhook : java.util.List.of("-n metallb-system rollout status --timeout=10m deploy/metallb-controller",
        "-n cert-manager rollout status --timeout=10m deploy/cert-manager-webhook",
        "-n monitoring rollout status --timeout=10m deploy/kube-prometheus-stack-operator")) {
      assertThat(script).contains(webhook);
    }
    int wait = readme.indexOf("\nsh wait-for-crds-and-webhooks.sh\n");
    assertThat(wait).isGreaterThan(readme.indexOf(ApplyGuide.APPLY)).isLessThan(readme.lastIndexOf(ApplyGuide.APPLY));
    // the README shows exactly what the script runs
    assertThat(readme).contains("```sh\n" + script.substring(script.indexOf("set -eu\n") + "set -eu\n".length()) + "```");
    assertThat(new KubernetesBackend().render(TestLabs.clusterOnlyLab()).text("wait-for-crds-and-webhooks.sh"))
        .doesNotContain("rollout status").doesNotContain("metallb-controller");
  }

  @Test
  void should_name_a_storage_class_on_every_claim_and_keep_databases_node_local() throws Exception {
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    int claims = 0;
    for (var e : REFERENCE.files().entrySet()) {
      if (!e.getKey().endsWith(".yaml") || e.getKey().endsWith("kustomization.yaml")) {
        continue;
      }
      var doc = yaml.readTree(e.getValue());
      if (doc.path("kind").asText().equals("PersistentVolumeClaim")) {
        claims++;
        // a static volume binds by volumeName with the empty class; every other claim names one
        String expected = doc.at("/spec/volumeName").isMissingNode() ? "nfs-data" : "";
        assertThat(doc.at("/spec/storageClassName").asText("<missing>")).as(e.getKey()).isEqualTo(expected);
      }
      if (doc.path("kind").asText().equals("StatefulSet")) {
        claims++;
        assertThat(doc.at("/spec/volumeClaimTemplates/0/spec/storageClassName").asText()).as(e.getKey()).isEqualTo("local-path");
      }
    }
    assertThat(claims).isGreaterThan(4);
    assertThat(REFERENCE.text("monitoring/helmchart-kube-prometheus-stack.yaml")).contains("storageClassName: local-path");
    assertThat(REFERENCE.text("crowdsec/helmchart-crowdsec.yaml")).contains("storageClassName: local-path");
  }

  @Test
  void should_keep_a_local_claim_on_local_path() {
    Lab lab = TestLabs.referenceLike().apps(app("ha", "ghcr.io/example/ha:1.0.0")
        .volume(claim("config", "/config", "5Gi").local()));
    assertThat(TestLabs.render(lab).text("apps/ha/persistentvolumeclaim-config.yaml")).contains("storageClassName: local-path");
  }

  @Test
  void should_explain_how_to_apply_and_wait_for_the_crds() {
    assertThat(REFERENCE.text("wait-for-crds-and-webhooks.sh")).contains("crd/ingressroutes.traefik.io")
        .contains("crd/ipaddresspools.metallb.io").contains("crd/servicemonitors.monitoring.coreos.com")
        .doesNotContain("helmcharts");
  }

  @Test
  void should_install_the_monitoring_chart_alone_first_since_other_charts_render_service_monitors() {
    String first = KubectlApply.COMMAND + " -f monitoring/namespace-monitoring.yaml -f monitoring/helmchart-kube-prometheus-stack.yaml"
        + "   # its CRDs first (fresh cluster)\n"
        + "kubectl wait --for=create --timeout=10m crd/servicemonitors.monitoring.coreos.com\n"
        + "kubectl wait --for=condition=Established --timeout=10m crd/servicemonitors.monitoring.coreos.com\n"
        + ApplyGuide.APPLY + "   # custom resources may fail";
    assertThat(REFERENCE.text("README.md")).contains("```sh\n" + first);
    KubernetesBackend backend = new KubernetesBackend();
    Lab lab = TestLabs.referenceLike().validate();
    assertThat(backend.bringUp(lab)).anySatisfy(step -> assertThat(step.body()).contains("```sh\n" + first));

    // without the monitoring chart there is nothing to install first
    assertThat(TestLabs.render(TestLabs.acmeLab()).text("README.md")).doesNotContain("CRDs first")
        .contains("```sh\n" + ApplyGuide.APPLY + "   # custom resources may fail");
  }

  @Test
  void should_create_the_secret_store_once_its_crd_exists_and_wait_for_it_before_the_second_apply() {
    KubernetesBackend backend = new KubernetesBackend();
    Lab lab = TestLabs.referenceLike().secretStore("vault").validate();

    assertThat(backend.bringUp(lab)).anySatisfy(step -> assertThat(step.body())
        .contains("sh " + ApplyGuide.WAIT_SCRIPT + "\n```\n\n"
            + "Now create your ClusterSecretStore `vault` (the manifests do not: `k8s/SECRETS.md`), then go on:\n\n"
            + "```sh\nkubectl wait --for=condition=Ready --timeout=5m clustersecretstore/vault\n"
            + ApplyGuide.APPLY + "\n"));
    assertThat(backend.bringUp(lab)).anySatisfy(step -> assertThat(step.body()).contains("the next step says when"));
    assertThat(backend.bringUp(TestLabs.referenceLike().validate()))
        .allSatisfy(step -> assertThat(step.body()).doesNotContain("clustersecretstore"));
  }
}
