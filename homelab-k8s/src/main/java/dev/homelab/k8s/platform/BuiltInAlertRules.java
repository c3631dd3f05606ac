package dev.homelab.k8s.platform;

import dev.homelab.internal.HostBackupUnits;
import dev.homelab.k8s.Peers;
import dev.homelab.model.Lab;
import dev.homelab.model.monitoring.BuiltInAlert;
import dev.homelab.model.monitoring.Monitoring;
import dev.homelab.model.network.Tls;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lab's built-in alerts as PrometheusRules, one per {@link BuiltInAlert}, labelled
 * {@code release: kube-prometheus-stack} so Prometheus loads them.
 */
final class BuiltInAlertRules {
  private BuiltInAlertRules() {}

  /** The backup CronJobs: every backup job the backend renders has "backup" in its name. */
  private static final String BACKUP_CRONJOBS = "cronjob=~\".*backup.*\"";
  /** The filesystems a full disk matters on: real disks, not tmpfs, overlays or squashfs snaps. */
  private static final String REAL_FS = "fstype!~\"tmpfs|overlay|squashfs|nsfs|ramfs\",mountpoint!~\"/boot.*|/run.*\"";

  static List<HasMetadata> rules(Lab lab, Monitoring m) {
    List<HasMetadata> out = new ArrayList<>();
    for (BuiltInAlert alert : BuiltInAlert.values()) {
      if (!m.alerts().contains(alert)) {
        continue;
      }
      switch (alert) {
        case NODE_DOWN -> out.add(rule("node-down", "nodes", new RuleBuilder()
            .withAlert("NodeDown")
            .withExpr(new IntOrString("kube_node_status_condition{condition=\"Ready\",status=\"true\"} == 0"))
            .withFor("5m")
            .withLabels(Map.of("severity", "critical"))
            .withAnnotations(annotations("Node {{ $labels.node }} is not Ready",
                "The kubelet of {{ $labels.node }} has not reported Ready for 5 minutes: host down, "
                    + "network lost or k3s stopped."))
            .build()));
        case DISK_FULL -> out.add(rule("disk-full", "disks", new RuleBuilder()
            .withAlert("DiskAlmostFull")
            .withExpr(new IntOrString("node_filesystem_avail_bytes{" + REAL_FS + "} / node_filesystem_size_bytes{"
                + REAL_FS + "} < 0.10 and node_filesystem_readonly{" + REAL_FS + "} == 0"))
            .withFor("15m")
            .withLabels(Map.of("severity", "warning"))
            .withAnnotations(annotations("{{ $labels.mountpoint }} on {{ $labels.instance }} is over 90% full",
                "Less than 10% of {{ $labels.mountpoint }} ({{ $labels.device }}) is free."))
            .build()));
        case BACKUP_STALE -> out.add(rule("backup-stale", "backups", new RuleBuilder()
            .withAlert("BackupStale")
            // backup CronJobs carry "backup" in their name; 2 days allows one missed daily run. A
            // CronJob that never succeeded has no last-success series at all, so the second half
            // fires for one created more than 2 days ago without a success.
            .withExpr(new IntOrString("time() - kube_cronjob_status_last_successful_time{" + BACKUP_CRONJOBS + "}"
                + " > 2 * 86400"
                + " or ((time() - kube_cronjob_created{" + BACKUP_CRONJOBS + "} > 2 * 86400)"
                + " unless on(namespace, cronjob) kube_cronjob_status_last_successful_time{" + BACKUP_CRONJOBS + "})"))
            .withFor("1h")
            .withLabels(Map.of("severity", "warning"))
            .withAnnotations(annotations("Backup {{ $labels.namespace }}/{{ $labels.cronjob }} is stale",
                "The CronJob {{ $labels.namespace }}/{{ $labels.cronjob }} has not succeeded for more than 2 days"
                    + " (or never, since its creation more than 2 days ago)."))
            .build()));
        case CERTIFICATE_EXPIRY -> {
          // the metric comes from cert-manager; without it the rule would never fire
          if (usesCertManager(lab)) {
            // cert-manager reports expiry 0 for a Certificate never issued (pkg/metrics,
            // "no expiry and no status ... expiry of 0"): without "> 0" such a one would be told to
            // expire within 14 days. It is caught by CertificateNotReady instead.
            out.add(rule("certificate-expiry", "certificates", new RuleBuilder()
                .withAlert("CertificateExpiringSoon")
                .withExpr(new IntOrString("certmanager_certificate_expiration_timestamp_seconds > 0"
                    + " and certmanager_certificate_expiration_timestamp_seconds - time() < 14 * 86400"))
                .withFor("1h")
                .withLabels(Map.of("severity", "warning"))
                .withAnnotations(annotations(
                    // cert-manager's ServiceMonitor keeps honorLabels false (its chart's default), so
                    // Prometheus renames the Certificate's own namespace label to exported_namespace
                    // and sets namespace to the scraped pod's, cert-manager.
                    "Certificate {{ $labels.exported_namespace }}/{{ $labels.name }} expires in less than 14 days",
                    "cert-manager renews 30 days before expiry; a certificate this close to expiry failed to "
                        + "renew. Check kubectl describe certificate and the ClusterIssuer."))
                .build(), new RuleBuilder()
                .withAlert("CertificateNotReady")
                // an ACME DNS-01 issuance takes minutes; an hour means it is stuck
                .withExpr(new IntOrString("certmanager_certificate_ready_status{condition!=\"True\"} == 1"))
                .withFor("1h")
                .withLabels(Map.of("severity", "warning"))
                .withAnnotations(annotations(
                    "Certificate {{ $labels.exported_namespace }}/{{ $labels.name }} has not been ready for an hour",
                    "It was never issued, or its Secret no longer matches it: check kubectl describe certificate, "
                        + "its CertificateRequest and Order, and the ClusterIssuer's DNS token."))
                .build(), new RuleBuilder()
                .withAlert("CertificateRenewalOverdue")
                // Ready stays true while the old certificate is valid (cert-manager's readiness
                // checks ignore the renewal time): a failing renewal shows only as a renewal time
                // in the past, weeks before CertificateExpiringSoon.
                .withExpr(new IntOrString("certmanager_certificate_renewal_timestamp_seconds > 0"
                    + " and certmanager_certificate_renewal_timestamp_seconds < time() - 3600"))
                .withFor("1h")
                .withLabels(Map.of("severity", "warning"))
                .withAnnotations(annotations(
                    "Certificate {{ $labels.exported_namespace }}/{{ $labels.name }} was due for renewal over an hour ago",
                    "cert-manager keeps retrying; the current certificate is still served. Check kubectl describe certificate, "
                        + "its CertificateRequest and Order, and the ClusterIssuer's DNS token."))
                .build()));
          }
        }
        case DISK_ERRORS -> {
          // node-exporter's btrfs collector reads each device's error counters (btrfs device
          // stats); they only grow until reset, so the alert holds until someone looks and resets
          if (hasBtrfs(lab)) {
            out.add(rule("disk-errors", "disks", new RuleBuilder()
                .withAlert("BtrfsDeviceErrors")
                .withExpr(new IntOrString("node_btrfs_device_errors_total > 0"))
                .withLabels(Map.of("severity", "critical"))
                .withAnnotations(annotations(
                    "Btrfs device {{ $labels.device }} on {{ $labels.instance }} has {{ $labels.type }} errors",
                    "A disk of a Btrfs volume is failing, and a RAID-1 mirror may be running on its other disk alone. "
                        + "Run btrfs device stats on the volume's mount point, replace the disk (ansible/README.md, Disks), "
                        + "then reset the counters with btrfs device stats -z."))
                .build()));
          }
        }
        default -> throw new IllegalStateException("unknown alert " + alert);
      }
    }
    // the backups the hosts run outside Kubernetes (restic, btrbk, k3s etcd snapshots): the same
    // alert for them, from the metrics they leave for node-exporter (see HostBackupRules)
    List<HostBackupUnits.Unit> hostUnits = HostBackupUnits.of(lab);
    if (m.alerts().contains(BuiltInAlert.BACKUP_STALE) && !hostUnits.isEmpty()) {
      out.add(HostBackupRules.rule(hostUnits, m.alerts().contains(BuiltInAlert.NODE_DOWN)));
    }
    return out;
  }

  static boolean hasBtrfs(Lab lab) {
    return lab.nodes().stream().flatMap(n -> n.disks().stream()).anyMatch(d -> d.filesystem().equals("btrfs"));
  }

  static boolean usesCertManager(Lab lab) {
    return lab.tls().map(t -> t.issuer() == Tls.Issuer.CERT_MANAGER).orElse(false);
  }

  static Map<String, String> annotations(String summary, String description) {
    Map<String, String> a = new TreeMap<>();
    a.put("summary", summary);
    a.put("description", description);
    return a;
  }

  static PrometheusRule rule(String name, String group, Rule... rules) {
    return new PrometheusRuleBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(Peers.MONITORING_NAMESPACE)
        .withLabels(new TreeMap<>(Peers.RELEASE_LABEL))
        .endMetadata()
        .withNewSpec()
        .addNewGroup().withName(group).withRules(rules).endGroup()
        .endSpec()
        .build();
  }
}
