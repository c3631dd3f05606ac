package dev.homelab.k8s.platform;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.monitoring.BuiltInAlert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoringComponentTest {
  private static final String CHART = "monitoring/helmchart-kube-prometheus-stack.yaml";

  @Test
  void should_label_every_prometheus_rule_with_the_release_prometheus_selects() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());

    for (String rule : new String[] {"node-down", "disk-full", "backup-stale", "certificate-expiry", "disk-errors"}) {
      JsonNode o = TestLabs.object(files, "monitoring/prometheusrule-" + rule + ".yaml");
      assertThat(o.at("/metadata/labels/release").asText()).as(rule).isEqualTo("kube-prometheus-stack");
      assertThat(o.at("/spec/groups/0/rules/0/expr").asText()).as(rule).isNotBlank();
    }
  }

  @Test
  void should_alert_on_backup_cronjobs_older_than_two_days() {
    JsonNode rule = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()),
        "monitoring/prometheusrule-backup-stale.yaml").at("/spec/groups/0/rules/0");

    assertThat(rule.path("expr").asText()).contains("kube_cronjob_status_last_successful_time").contains("2 * 86400");
  }

  @Test
  void should_alert_on_backup_cronjobs_that_never_succeeded_two_days_after_their_creation() {
    JsonNode rule = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()),
        "monitoring/prometheusrule-backup-stale.yaml").at("/spec/groups/0/rules/0");

    assertThat(rule.path("expr").asText()).isEqualTo(
        "time() - kube_cronjob_status_last_successful_time{cronjob=~\".*backup.*\"} > 2 * 86400"
            + " or ((time() - kube_cronjob_created{cronjob=~\".*backup.*\"} > 2 * 86400)"
            + " unless on(namespace, cronjob) kube_cronjob_status_last_successful_time{cronjob=~\".*backup.*\"})");
  }

  @Test
  void should_alert_on_btrfs_device_errors_until_the_counters_are_reset() {
    JsonNode rule = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()),
        "monitoring/prometheusrule-disk-errors.yaml").at("/spec/groups/0/rules/0");

    assertThat(rule.path("alert").asText()).isEqualTo("BtrfsDeviceErrors");
    assertThat(rule.path("expr").asText()).isEqualTo("node_btrfs_device_errors_total > 0");
    assertThat(rule.path("annotations").path("description").asText()).contains("btrfs device stats -z");
  }

  @Test
  void should_skip_the_btrfs_alert_in_a_lab_without_btrfs() {
    assertThat(TestLabs.renderPlatform(TestLabs.bare().monitoring(monitoring())).files())
        .doesNotContainKey("monitoring/prometheusrule-disk-errors.yaml")
        .containsKey("monitoring/prometheusrule-disk-full.yaml");
  }

  @Test
  void should_expect_each_host_backup_unit_to_succeed_within_twice_its_period() {
    // rich(): pi4 keeps hourly btrfs snapshots and backs up daily with restic (checked weekly);
    // the three HA servers snapshot etcd every 6 hours; nuc dumps its PostgreSQL nightly
    JsonNode rules = TestLabs.object(TestLabs.renderPlatform(dev.homelab.fixtures.TestLabs.rich()),
        "monitoring/prometheusrule-host-backup-stale.yaml").at("/spec/groups/0/rules");

    List<String> expected = new ArrayList<>();
    for (JsonNode r : rules) {
      if (r.has("record")) {
        expected.add(r.path("record").asText() + "{node=" + r.at("/labels/node").asText() + ",unit="
            + r.at("/labels/unit").asText() + "} " + r.path("expr").asText());
      }
    }
    assertThat(expected).containsExactly(
        "homelab:host_backup_max_age_seconds{node=pi1,unit=k3s.service} vector(43200)",
        "homelab:host_backup_max_age_seconds{node=pi2,unit=k3s.service} vector(43200)",
        "homelab:host_backup_max_age_seconds{node=pi3,unit=k3s.service} vector(43200)",
        "homelab:host_backup_max_age_seconds{node=pi4,unit=homelab-btrbk.service} vector(7200)",
        "homelab:host_backup_max_age_seconds{node=pi4,unit=restic-local.service} vector(172800)",
        "homelab:host_backup_max_age_seconds{node=pi4,unit=restic-check-local.service} vector(1209600)",
        "homelab:host_backup_max_age_seconds{node=nuc,unit=homelab-pg-dump-s3.service} vector(172800)");
  }

  @Test
  void should_alert_on_a_stale_host_backup_counting_from_its_install_until_its_first_success() {
    JsonNode rules = TestLabs.object(TestLabs.renderPlatform(dev.homelab.fixtures.TestLabs.rich()),
        "monitoring/prometheusrule-host-backup-stale.yaml").at("/spec/groups/0/rules");
    JsonNode stale = rules.get(rules.size() - 2);

    assertThat(stale.path("alert").asText()).isEqualTo("HostBackupStale");
    assertThat(stale.path("expr").asText()).isEqualTo(
        "time() - (max by (node, unit) (homelab_host_backup_last_success_timestamp_seconds)"
            + " or max by (node, unit) (homelab_host_backup_installed_timestamp_seconds))"
            + " > on (node, unit) homelab:host_backup_max_age_seconds");
    assertThat(stale.path("for").asText()).isEqualTo("1h");
    assertThat(stale.at("/annotations/description").asText())
        .contains("On {{ $labels.node }} run systemctl status {{ $labels.unit }} and journalctl -u {{ $labels.unit }}.");
  }

  @Test
  void should_alert_when_a_host_reports_no_metric_of_an_expected_unit() {
    JsonNode rules = TestLabs.object(TestLabs.renderPlatform(dev.homelab.fixtures.TestLabs.rich()),
        "monitoring/prometheusrule-host-backup-stale.yaml").at("/spec/groups/0/rules");
    JsonNode missing = rules.get(rules.size() - 1);

    assertThat(missing.path("alert").asText()).isEqualTo("HostBackupMetricMissing");
    assertThat(missing.path("expr").asText()).isEqualTo("homelab:host_backup_max_age_seconds unless on (node, unit)"
        + " (homelab_host_backup_last_success_timestamp_seconds or homelab_host_backup_installed_timestamp_seconds)"
        // a node that is down: NodeDown says so, once
        + " unless on (node) (kube_node_status_condition{condition=\"Ready\",status=\"true\"} == 0)");
    assertThat(missing.path("for").asText()).isEqualTo("1h");
  }

  @Test
  void should_alert_on_the_missing_metrics_of_a_node_that_is_down_without_node_down() {
    Lab lab = dev.homelab.fixtures.TestLabs.rich();
    lab = lab.monitoring(lab.monitoring().orElseThrow().alerts(BuiltInAlert.BACKUP_STALE));
    JsonNode rules = TestLabs.object(TestLabs.renderPlatform(lab), "monitoring/prometheusrule-host-backup-stale.yaml")
        .at("/spec/groups/0/rules");

    assertThat(rules.get(rules.size() - 1).path("expr").asText()).endsWith("homelab_host_backup_installed_timestamp_seconds)");
  }

  @Test
  void should_leave_out_the_shm_of_every_pod_under_k3s_containerd_state_but_keep_the_disks() {
    String arg = MonitoringComponent.CHART_NODE_EXPORTER_ARGS.get(0);
    java.util.regex.Pattern excluded = java.util.regex.Pattern.compile(arg.substring(arg.indexOf('=') + 1));

    assertThat(List.of("/run/k3s/containerd/io.containerd.grpc.v1.cri/sandboxes/0a1b2c/shm", "/run/containerd/x/shm",
        "/var/lib/kubelet/pods/1/volumes/kubernetes.io~projected/token"))
        .allMatch(m -> excluded.matcher(m).find());
    assertThat(List.of("/", "/srv/data", "/srv/media", "/var/lib/rancher/k3s/storage", "/boot/firmware", "/run/k3s-notes"))
        .noneMatch(m -> excluded.matcher(m).find());
  }

  @Test
  void should_let_node_exporter_read_the_hosts_textfile_directory_once_in_a_lab_with_host_backups() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(dev.homelab.fixtures.TestLabs.rich()), CHART).path("prometheus-node-exporter");

    List<String> args = new ArrayList<>();
    v.path("extraArgs").forEach(a -> args.add(a.asText()));
    // the chart's own two arguments are kept: Helm replaces the list
    assertThat(args).containsExactlyElementsOf(List.of(MonitoringComponent.CHART_NODE_EXPORTER_ARGS.get(0),
        MonitoringComponent.CHART_NODE_EXPORTER_ARGS.get(1), "--collector.textfile.directory=/var/lib/node_exporter/textfile_collector"));
    assertThat(args).filteredOn(a -> a.startsWith("--collector.textfile.directory")).hasSize(1);
    assertThat(v.path("extraHostVolumeMounts")).hasSize(1);
    JsonNode mount = v.path("extraHostVolumeMounts").get(0);
    assertThat(mount.path("hostPath").asText()).isEqualTo("/var/lib/node_exporter/textfile_collector");
    assertThat(mount.path("mountPath").asText()).isEqualTo("/var/lib/node_exporter/textfile_collector");
    assertThat(mount.path("readOnly").asBoolean()).isTrue();
    assertThat(mount.path("type").asText()).isEqualTo("DirectoryOrCreate");
  }

  @Test
  void should_leave_node_exporter_and_the_host_backup_alert_alone_in_a_lab_without_host_backups() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());

    assertThat(TestLabs.values(files, CHART).has("prometheus-node-exporter")).isFalse();
    assertThat(files.files()).doesNotContainKey("monitoring/prometheusrule-host-backup-stale.yaml")
        .containsKey("monitoring/prometheusrule-backup-stale.yaml");
  }

  @Test
  void should_skip_the_host_backup_alert_when_backup_stale_is_not_chosen() {
    Lab lab = dev.homelab.fixtures.TestLabs.rich().monitoring(monitoring().alerts(BuiltInAlert.NODE_DOWN));

    assertThat(TestLabs.renderPlatform(lab).files()).doesNotContainKey("monitoring/prometheusrule-host-backup-stale.yaml");
  }

  @Test
  void should_render_only_the_chosen_alerts() {
    Lab lab = TestLabs.reference().monitoring(monitoring().alerts(BuiltInAlert.NODE_DOWN));

    assertThat(TestLabs.renderPlatform(lab).files().keySet())
        .filteredOn(p -> p.contains("prometheusrule-")).containsExactly("monitoring/prometheusrule-node-down.yaml");
  }

  @Test
  void should_name_the_certificates_own_namespace_in_the_expiry_alert() {
    JsonNode rule = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()), "monitoring/prometheusrule-certificate-expiry.yaml")
        .at("/spec/groups/0/rules/0/annotations/summary");

    // the chart's ServiceMonitor does not honour the metric's labels: namespace is the scraped pod's
    assertThat(rule.asText()).isEqualTo("Certificate {{ $labels.exported_namespace }}/{{ $labels.name }} expires in less than 14 days");
  }

  @Test
  void should_call_a_certificate_never_issued_not_ready_and_a_failing_renewal_overdue() {
    JsonNode rules = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()), "monitoring/prometheusrule-certificate-expiry.yaml")
        .at("/spec/groups/0/rules");

    // cert-manager reports expiry 0 until a certificate is first issued
    assertThat(rules.at("/0/expr").asText()).isEqualTo("certmanager_certificate_expiration_timestamp_seconds > 0"
        + " and certmanager_certificate_expiration_timestamp_seconds - time() < 14 * 86400");
    assertThat(rules.at("/1/alert").asText()).isEqualTo("CertificateNotReady");
    assertThat(rules.at("/1/expr").asText()).isEqualTo("certmanager_certificate_ready_status{condition!=\"True\"} == 1");
    // a failing renewal leaves the certificate ready until it expires: only its renewal time tells
    assertThat(rules.at("/2/alert").asText()).isEqualTo("CertificateRenewalOverdue");
    assertThat(rules.at("/2/expr").asText()).isEqualTo("certmanager_certificate_renewal_timestamp_seconds > 0"
        + " and certmanager_certificate_renewal_timestamp_seconds < time() - 3600");
  }

  @Test
  void should_keep_silences_and_grafanas_own_dashboards_across_the_weekly_drain() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), CHART);

    JsonNode alertmanager = v.at("/alertmanager/alertmanagerSpec/storage/volumeClaimTemplate/spec");
    assertThat(alertmanager.at("/storageClassName").asText()).isEqualTo("local-path");
    assertThat(alertmanager.at("/resources/requests/storage").asText()).isEqualTo("1Gi");
    assertThat(v.at("/grafana/persistence").toString())
        .isEqualTo("{\"enabled\":true,\"size\":\"1Gi\",\"storageClassName\":\"local-path\"}");
  }

  @Test
  void should_request_cpu_and_memory_for_prometheus_alertmanager_and_grafana_without_a_memory_limit() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), CHART);

    assertThat(v.at("/prometheus/prometheusSpec/resources").toString()).isEqualTo("{\"requests\":{\"cpu\":\"200m\",\"memory\":\"512Mi\"}}");
    assertThat(v.at("/alertmanager/alertmanagerSpec/resources").toString()).isEqualTo("{\"requests\":{\"cpu\":\"10m\",\"memory\":\"64Mi\"}}");
    assertThat(v.at("/grafana/resources").toString()).isEqualTo("{\"requests\":{\"cpu\":\"50m\",\"memory\":\"256Mi\"}}");
  }

  @Test
  void should_place_prometheus_alertmanager_and_grafana_on_the_chosen_nodes() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()
        .nodes(node("pi9").arm64().worker().ip("192.168.1.19").label("homelab.dev/class", "compute"))
        .monitoring(monitoring().runsOn(nodesLabelled("homelab.dev/class", "compute")))), CHART);

    String selector = "{\"homelab.dev/class\":\"compute\"}";
    assertThat(v.at("/prometheus/prometheusSpec/nodeSelector").toString()).isEqualTo(selector);
    assertThat(v.at("/alertmanager/alertmanagerSpec/nodeSelector").toString()).isEqualTo(selector);
    assertThat(v.at("/grafana/nodeSelector").toString()).isEqualTo(selector);
    assertThat(v.at("/prometheus/prometheusSpec/tolerations").isMissingNode()).as("no tainted node in the class").isTrue();
    assertThat(TestLabs.values(TestLabs.renderPlatform(TestLabs.reference().monitoring(monitoring())), CHART)
        .at("/prometheus/prometheusSpec/nodeSelector").isMissingNode()).isTrue();
  }

  @Test
  void should_let_prometheus_alertmanager_and_grafana_onto_the_tainted_nodes_of_their_class() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()
        .nodes(node("pi9").arm64().worker().ip("192.168.1.19").label("homelab.dev/class", "compute")
            .taint("dedicated", "monitoring", dev.homelab.model.host.TaintEffect.NO_SCHEDULE))
        .monitoring(monitoring().runsOn(nodesLabelled("homelab.dev/class", "compute")))), CHART);

    String tolerations = "[{\"effect\":\"NoSchedule\",\"key\":\"dedicated\",\"operator\":\"Exists\"}]";
    assertThat(v.at("/prometheus/prometheusSpec/tolerations").toString()).isEqualTo(tolerations);
    assertThat(v.at("/alertmanager/alertmanagerSpec/tolerations").toString()).isEqualTo(tolerations);
    assertThat(v.at("/grafana/tolerations").toString()).isEqualTo(tolerations);
  }

  @Test
  void should_skip_the_certificate_alert_without_cert_manager() {
    Lab lab = TestLabs.withTraefikAcme(TestLabs.reference());

    assertThat(TestLabs.renderPlatform(lab).files())
        .doesNotContainKey("monitoring/prometheusrule-certificate-expiry.yaml")
        .containsKey("monitoring/prometheusrule-node-down.yaml");
  }

  @Test
  void should_read_receiver_urls_from_mounted_secrets() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), CHART).path("alertmanager");

    assertThat(v.at("/alertmanagerSpec/secrets").toString()).isEqualTo("[\"alertmanager-webhook\",\"alertmanager-slack\"]");
    assertThat(v.at("/config/receivers/1/webhook_configs/0/url_file").asText())
        .isEqualTo("/etc/alertmanager/secrets/alertmanager-webhook/url");
    assertThat(v.at("/config/receivers/2/slack_configs/0/api_url_file").asText())
        .isEqualTo("/etc/alertmanager/secrets/alertmanager-slack/url");
    assertThat(v.at("/config/route/receiver").asText()).isEqualTo("ops");
  }

  @Test
  void should_route_to_the_null_receiver_without_receivers() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference().monitoring(monitoring())), CHART);

    assertThat(v.at("/alertmanager/config/route/receiver").asText()).isEqualTo("null");
    assertThat(v.at("/alertmanager/alertmanagerSpec/secrets").isMissingNode()).isTrue();
  }

  @Test
  void should_take_retention_storage_and_grafana_admin_from_the_model() {
    Lab lab = TestLabs.reference().storage(nfsStorageClass("fast", node("pi4"), "data").subPath("fast"))
        .monitoring(monitoring().retention("30d").storage("50Gi", nfsStorageClass("fast", node("nas"), "data"))
        .grafanaAdmin(secret("grafana-creds", "password")));

    JsonNode v = TestLabs.values(TestLabs.renderPlatform(lab), CHART);

    assertThat(v.at("/prometheus/prometheusSpec/retention").asText()).isEqualTo("30d");
    JsonNode claim = v.at("/prometheus/prometheusSpec/storageSpec/volumeClaimTemplate/spec");
    assertThat(claim.path("storageClassName").asText()).isEqualTo("fast");
    assertThat(claim.at("/resources/requests/storage").asText()).isEqualTo("50Gi");
    assertThat(v.at("/grafana/admin/existingSecret").asText()).isEqualTo("grafana-creds");
    assertThat(v.at("/grafana/admin/passwordKey").asText()).isEqualTo("password");
  }

  @Test
  void should_cap_the_tsdb_size_below_its_volume() {
    Lab lab = TestLabs.reference().storage(nfsStorageClass("fast", node("pi4"), "data").subPath("fast"))
        .monitoring(monitoring().storage("50Gi", nfsStorageClass("fast", node("nas"), "data")));

    JsonNode spec = TestLabs.values(TestLabs.renderPlatform(lab), CHART).at("/prometheus/prometheusSpec");

    // 85% of 50Gi, in Prometheus' power-of-two MB
    assertThat(spec.path("retentionSize").asText()).isEqualTo("43520MB");
    assertThat(spec.path("retention").asText()).isEqualTo("15d");
  }

  @Test
  void should_disable_the_k3s_embedded_component_targets() {
    JsonNode v = TestLabs.values(TestLabs.renderPlatform(TestLabs.reference()), CHART);

    for (String target : new String[] {"kubeControllerManager", "kubeScheduler", "kubeProxy"}) {
      assertThat(v.at("/" + target + "/enabled").asBoolean(true)).as(target).isFalse();
    }
  }

  @Test
  void should_scrape_the_embedded_etcd_of_an_ha_cluster_on_every_server_with_the_charts_etcd_rules() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.reference());
    JsonNode scrape = TestLabs.object(files, "monitoring/scrapeconfig-etcd.yaml");
    JsonNode v = TestLabs.values(files, CHART);

    assertThat(scrape.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    assertThat(scrape.at("/spec/jobName").asText()).isEqualTo("etcd");
    assertThat(scrape.at("/spec/scheme").asText()).isEqualTo("HTTP");
    assertThat(scrape.at("/spec/staticConfigs/0/targets").toString())
        .isEqualTo("[\"192.168.1.11:2381\",\"192.168.1.12:2381\",\"192.168.1.13:2381\"]");
    assertThat(v.at("/kubeEtcd").toString())
        .isEqualTo("{\"enabled\":true,\"service\":{\"enabled\":false},\"serviceMonitor\":{\"enabled\":false}}");
    assertThat(v.at("/defaultRules/rules/etcd").isMissingNode()).as("the chart's default: on").isTrue();
    // k3s's etcd exports no grpc_server_handling_seconds histogram (etcd's metrics: basic)
    assertThat(v.at("/defaultRules/disabled").toString()).isEqualTo("{\"etcdGRPCRequestsSlow\":true}");
  }

  @Test
  void should_neither_scrape_etcd_nor_keep_its_rules_when_a_server_has_no_address() {
    // etcdInsufficientMembers counts the scraped members: pi3 left out, pi2 down would read as 1 of 2
    Lab lab = dev.homelab.fixtures.TestLabs.haServerWithoutAddress();
    RenderedFiles files = TestLabs.renderPlatform(lab);
    JsonNode v = TestLabs.values(files, CHART);

    assertThat(files.files()).doesNotContainKey("monitoring/scrapeconfig-etcd.yaml");
    assertThat(v.at("/kubeEtcd/enabled").asBoolean(true)).isFalse();
    assertThat(v.at("/defaultRules/rules/etcd").asBoolean(true)).isFalse();
  }

  @Test
  void should_neither_scrape_etcd_nor_keep_its_rules_with_one_server() {
    RenderedFiles files = TestLabs.renderPlatform(TestLabs.bare().monitoring(monitoring()));
    JsonNode v = TestLabs.values(files, CHART);

    assertThat(files.files()).doesNotContainKey("monitoring/scrapeconfig-etcd.yaml");
    assertThat(v.at("/kubeEtcd/enabled").asBoolean(true)).isFalse();
    assertThat(v.at("/defaultRules/rules/etcd").asBoolean(true)).isFalse();
    assertThat(v.at("/defaultRules/disabled").isMissingNode()).isTrue();
  }

  @Test
  void should_let_traefik_reach_grafana_on_its_pod_port() {
    JsonNode np = TestLabs.object(TestLabs.renderPlatform(TestLabs.reference()),
        "monitoring/networkpolicy-allow-grafana-from-traefik.yaml");

    assertThat(np.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("grafana");
    assertThat(np.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(3000);
  }

  @Test
  void should_render_nothing_without_monitoring() {
    assertThat(new MonitoringComponent().objects(TestLabs.bare())).isEmpty();
  }
}
