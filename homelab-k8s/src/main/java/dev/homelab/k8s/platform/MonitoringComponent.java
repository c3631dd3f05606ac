package dev.homelab.k8s.platform;

import dev.homelab.internal.EtcdMetrics;
import dev.homelab.internal.HostBackupUnits;
import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.Peers;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.monitoring.AlertReceiver;
import dev.homelab.model.monitoring.Monitoring;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kube-prometheus-stack: Prometheus Operator, Prometheus, Alertmanager, Grafana, node-exporter and
 * kube-state-metrics, plus the lab's built-in alert rules ({@link BuiltInAlertRules}).
 *
 * <p>Decisions: k3s runs the controller-manager, scheduler and kube-proxy inside its one binary,
 * their metrics bound to 127.0.0.1; the chart's scrape targets for them are disabled (with their
 * rules) rather than pointed at the servers, which would need extra k3s flags ({@code bind-address})
 * and would scrape the same process three times. The embedded etcd of an HA cluster is scraped on
 * each server, with the chart's etcd rules ({@link EtcdScrape}, {@code etcd-expose-metrics}).
 * Receiver URLs and passwords are mounted from Secrets ({@code alertmanagerSpec.secrets}) and read
 * through Alertmanager's {@code *_file} settings, so no value is in Git.
 *
 * @see <a href="https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack">kube-prometheus-stack</a>
 */
public final class MonitoringComponent implements Component {
  /** Namespace of the monitoring stack. */
  public static final String NAMESPACE = Peers.MONITORING_NAMESPACE;
  /** Helm release of kube-prometheus-stack. */
  public static final String RELEASE = Peers.MONITORING_RELEASE;
  static final int OPERATOR_WEBHOOK_PORT = 10250;
  /** Where the operator mounts {@code alertmanagerSpec.secrets}. */
  static final String SECRETS_DIR = "/etc/alertmanager/secrets/";
  /** The chart's catch-all receiver that drops Watchdog and InfoInhibitor. */
  static final String NULL_RECEIVER = "null";

  @Override
  public String folder() {
    return "monitoring";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    if (lab.monitoring().isEmpty()) {
      return List.of();
    }
    Monitoring m = lab.monitoring().get();
    List<HasMetadata> out = new ArrayList<>();
    out.add(Namespaces.privileged(NAMESPACE,
        "node-exporter uses hostNetwork, hostPID and hostPath mounts of / to read the node's metrics"));
    out.add(HelmChart.of(RELEASE, "https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack",
        dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.CHART_KUBE_PROMETHEUS_STACK), NAMESPACE, values(lab, m)));
    out.addAll(BuiltInAlertRules.rules(lab, m));
    EtcdScrape.of(lab).ifPresent(out::add);
    out.add(NetworkPolicies.defaultDeny(NAMESPACE));
    out.add(NetworkPolicies.allowSameNamespace(NAMESPACE));
    out.add(Peers.allowFromTraefik(lab, NAMESPACE, "allow-grafana-from-traefik", Peers.GRAFANA_PODS,
        List.of(Peers.GRAFANA_POD_PORT)));
    // the API server validates PrometheusRules and Alertmanager configs through the operator's webhook
    out.add(Peers.allowFromApiServer(lab, NAMESPACE, Map.of("app", RELEASE + "-operator"), OPERATOR_WEBHOOK_PORT));
    return out;
  }

  @Override
  public Map<String, String> extraFiles(Lab lab) {
    Monitoring m = lab.monitoring().orElseThrow();
    StringBuilder sb = new StringBuilder("# Monitoring\n\n")
        .append("Create these Secrets in namespace `").append(NAMESPACE).append("`:\n\n")
        .append("- `").append(m.grafanaAdmin().name()).append("` keys `admin-user` and `")
        .append(m.grafanaAdmin().key()).append("`: Grafana's admin\n");
    for (AlertReceiver r : m.receivers()) {
      sb.append("- `").append(r.secret().name()).append("` key `").append(r.secret().key()).append("`: ")
          .append(r.kind() == AlertReceiver.Kind.EMAIL ? "SMTP password of" : "URL of").append(" receiver `")
          .append(r.name()).append("`")
          .append(r.kind() == AlertReceiver.Kind.EMAIL ? " (e-mail receivers are not wired yet: no recipient or "
              + "smarthost in the model, so their alerts are dropped)" : "")
          .append("\n");
    }
    sb.append("\nGrafana is the Service `").append(Peers.GRAFANA_SERVICE).append("` (port ")
        .append(Peers.GRAFANA_SERVICE_PORT).append(").\n\n")
        .append("k3s runs the controller-manager, scheduler and kube-proxy in one process with metrics on\n")
        .append("127.0.0.1, so their scrape targets and rules are disabled.");
    List<String> etcd = EtcdMetrics.targets(lab);
    if (!etcd.isEmpty()) {
      sb.append(" Prometheus scrapes the embedded etcd on every server\n")
          .append("(`").append(String.join("`, `", etcd)).append("`, ScrapeConfig `").append(EtcdScrape.NAME)
          .append("`; the host playbook sets `etcd-expose-metrics`),\n")
          .append("with the chart's etcd alerts: no leader, members down, slow disk syncs (`etcdHighFsyncDurations`:\n")
          .append("a server's storage is too slow for etcd, the usual cause of an unstable cluster on SD cards).\n");
    } else {
      sb.append("\n");
    }
    return Map.of("README.md", sb.toString());
  }

  private static Map<String, Object> requests(String cpu, String memory) {
    Map<String, Object> requests = new java.util.LinkedHashMap<>();
    requests.put("cpu", cpu);
    requests.put("memory", memory);
    return Map.of("requests", requests);
  }

  static HelmValues values(Lab lab, Monitoring m) {
    HelmValues v = HelmValues.create();
    // ---- Prometheus: retention and volume from the model
    v.set("prometheus.prometheusSpec.retention", m.retention());
    v.set("prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec", claim(lab.storageClassOf(m), m.storageSize()));
    // Alertmanager's silences and notification log, and what Grafana's users make in its UI, live
    // in emptyDir by default: the weekly upgrade drains every node (--delete-emptydir-data), which
    // would drop every silence and send every firing alert again. A small claim of the same class.
    v.set("alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec", claim(lab.storageClassOf(m), SMALL_CLAIM));
    v.set("grafana.persistence.enabled", true)
        .set("grafana.persistence.storageClassName", lab.storageClassOf(m))
        .set("grafana.persistence.size", SMALL_CLAIM);
    // whichever limit comes first: the retention time, or the size that keeps the volume from filling
    v.set("prometheus.prometheusSpec.retentionSize", TsdbRetentionSize.of(m.storageSize()));

    // ---- Requests, no limits: the chart sets neither, so all three were BestEffort, placed on any
    // node however full and the first the kernel kills under memory pressure. Prometheus' memory
    // follows the number of series, which the lab does not know; a limit below it would kill it
    // in a loop while it replays its write-ahead log.
    v.set("prometheus.prometheusSpec.resources", requests("200m", "512Mi"))
        .set("alertmanager.alertmanagerSpec.resources", requests("10m", "64Mi"))
        .set("grafana.resources", requests("50m", "256Mi"));

    // ---- Grafana: admin credentials from an existing Secret
    v.set("grafana.admin.existingSecret", m.grafanaAdmin().name())
        .set("grafana.admin.userKey", "admin-user")
        .set("grafana.admin.passwordKey", m.grafanaAdmin().key());

    // ---- Alertmanager: receivers read their URL/password from mounted Secrets
    alertmanager(v, m);

    // ---- Placement: the three with claims, which local-path keeps on the node they start on
    m.runsOn().ifPresent(c -> {
      Map<String, String> selector = Map.of(c.key(), c.value());
      v.set("prometheus.prometheusSpec.nodeSelector", selector)
          .set("alertmanager.alertmanagerSpec.nodeSelector", selector)
          .set("grafana.nodeSelector", selector);
      // and onto the class's tainted nodes, as an app pinned there (Pods.tolerations)
      Optional.ofNullable(Pods.tolerations(lab, Optional.empty(), Optional.of(c))).ifPresent(ts -> {
        List<Map<String, Object>> tolerations = ts.stream()
            .map(t -> Map.<String, Object>of("key", t.getKey(), "operator", t.getOperator(), "effect", t.getEffect())).toList();
        v.setList("prometheus.prometheusSpec.tolerations", tolerations)
            .setList("alertmanager.alertmanagerSpec.tolerations", tolerations)
            .setList("grafana.tolerations", tolerations);
      });
    });

    // ---- node-exporter: the host backups' metrics for HostBackupRules, only in a lab that has them
    if (!HostBackupUnits.of(lab).isEmpty()) {
      textfileCollector(v);
    }

    // ---- k3s: these components live inside the k3s binary (see the class comment)
    for (String target : List.of("kubeControllerManager", "kubeScheduler", "kubeProxy")) {
      v.set(target + ".enabled", false);
    }
    for (String rule : List.of("kubeControllerManager", "kubeSchedulerAlerting", "kubeSchedulerRecording", "kubeProxy")) {
      v.set("defaultRules.rules." + rule, false);
    }
    if (EtcdScrape.of(lab).isPresent()) {
      // The chart's etcd rules and dashboard need kubeEtcd.enabled (templates/prometheus/rules-1.14/
      // etcd.yaml); its Service and ServiceMonitor are off, EtcdScrape scrapes the servers instead.
      v.set("kubeEtcd.enabled", true)
          .set("kubeEtcd.service.enabled", false)
          .set("kubeEtcd.serviceMonitor.enabled", false);
      // etcdGRPCRequestsSlow reads grpc_server_handling_seconds_bucket, which etcd exports only with
      // --metrics=extensive (embed/etcd.go, serveMetrics); k3s starts its etcd with the default,
      // basic (its executor's ETCDConfig has no metrics field), so the rule could never fire.
      v.set("defaultRules.disabled." + ETCD_RULE_WITHOUT_DATA, true);
    } else {
      v.set("kubeEtcd.enabled", false).set("defaultRules.rules.etcd", false);
    }
    return v;
  }

  /** The chart's etcd rule whose metric k3s's embedded etcd does not export: off. */
  static final String ETCD_RULE_WITHOUT_DATA = "etcdGRPCRequestsSlow";

  /**
   * The chart's own node-exporter arguments ({@code prometheus-node-exporter.extraArgs} in
   * kube-prometheus-stack 88.5.3's values.yaml). Helm replaces a list value instead of merging it,
   * so setting {@code extraArgs} drops them unless they are repeated here; review them when the
   * chart version changes. One change: the mount points left out also hold k3s's containerd state
   * ({@code /run/k3s/containerd}, k3s {@code pkg/agent/config}), where every pod's {@code /dev/shm}
   * is a tmpfs; the chart only leaves out containerd's own {@code /run/containerd}. Otherwise each
   * pod's 64 MiB shm is a filesystem of the node, and the chart's NodeFilesystemAlmostOutOfSpace
   * alerts on a pod filling it.
   */
  static final List<String> CHART_NODE_EXPORTER_ARGS = List.of(
      "--collector.filesystem.mount-points-exclude="
          + "^/(dev|proc|sys|run/containerd/.+|run/k3s/containerd/.+|var/lib/docker/.+|var/lib/kubelet/.+)($|/)",
      "--collector.filesystem.fs-types-exclude=^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl"
          + "|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|sysfs|tracefs|erofs)$");

  /**
   * node-exporter reads the hosts' textfile directory ({@link HostBackupUnits#TEXTFILE_DIR}),
   * mounted read-only at the same path. The textfile collector is on by default but reads nothing
   * without {@code --collector.textfile.directory}, which neither the subchart's own arguments
   * (daemonset.yaml: procfs, sysfs, rootfs, udev, listen address) nor its defaults set, so it is
   * given once. {@code DirectoryOrCreate}: the DaemonSet runs on every node, also on those without
   * host backups, where the directory does not exist. The namespace is privileged (hostPath).
   *
   * @see <a href="https://github.com/prometheus/node_exporter#textfile-collector">node_exporter: textfile collector</a>
   */
  private static void textfileCollector(HelmValues v) {
    List<String> args = new ArrayList<>(CHART_NODE_EXPORTER_ARGS);
    args.add("--collector.textfile.directory=" + HostBackupUnits.TEXTFILE_DIR);
    v.setList("prometheus-node-exporter.extraArgs", args);
    Map<String, Object> mount = new LinkedHashMap<>();
    mount.put("name", "textfile-collector");
    mount.put("hostPath", HostBackupUnits.TEXTFILE_DIR);
    mount.put("type", "DirectoryOrCreate");
    mount.put("mountPath", HostBackupUnits.TEXTFILE_DIR);
    mount.put("readOnly", true);
    v.setList("prometheus-node-exporter.extraHostVolumeMounts", List.of(mount));
  }

  /** Alertmanager's and Grafana's claims: a few megabytes of state each. */
  static final String SMALL_CLAIM = "1Gi";

  private static Map<String, Object> claim(String storageClass, String size) {
    Map<String, Object> claim = new LinkedHashMap<>();
    claim.put("storageClassName", storageClass);
    claim.put("accessModes", List.of("ReadWriteOnce"));
    claim.put("resources", Map.of("requests", Map.of("storage", size)));
    return claim;
  }

  private static void alertmanager(HelmValues v, Monitoring m) {
    List<Map<String, Object>> receivers = new ArrayList<>();
    receivers.add(Map.of("name", NULL_RECEIVER));
    Set<String> secrets = new LinkedHashSet<>();
    for (AlertReceiver r : m.receivers()) {
      secrets.add(r.secret().name());
      receivers.add(receiver(r));
    }
    Map<String, Object> route = new LinkedHashMap<>();
    route.put("receiver", m.receivers().isEmpty() ? NULL_RECEIVER : m.receivers().get(0).name());
    route.put("group_by", List.of("namespace", "alertname"));
    route.put("group_wait", "30s");
    route.put("group_interval", "5m");
    route.put("repeat_interval", "12h");
    route.put("routes", List.of(
        Map.of("receiver", NULL_RECEIVER, "matchers", List.of("alertname = \"Watchdog\"")),
        Map.of("receiver", NULL_RECEIVER, "matchers", List.of("alertname = \"InfoInhibitor\""))));
    v.set("alertmanager.config.route", route);
    v.setList("alertmanager.config.receivers", receivers);
    if (!secrets.isEmpty()) {
      v.setList("alertmanager.alertmanagerSpec.secrets", List.copyOf(secrets));
    }
  }

  /**
   * One receiver. An e-mail receiver needs a recipient and a smarthost the model does not carry
   * yet, so it only names the receiver (alerts routed to it are dropped) rather than writing a
   * configuration Alertmanager would reject.
   */
  private static Map<String, Object> receiver(AlertReceiver r) {
    String file = SECRETS_DIR + r.secret().name() + "/" + r.secret().key();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", r.name());
    switch (r.kind()) {
      case WEBHOOK -> out.put("webhook_configs", List.of(Map.of("url_file", file, "send_resolved", true)));
      case SLACK -> out.put("slack_configs", List.of(Map.of("api_url_file", file, "send_resolved", true)));
      case EMAIL -> { }
      default -> throw new IllegalStateException("unknown receiver kind " + r.kind());
    }
    return out;
  }
}
