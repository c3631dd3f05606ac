package dev.homelab.ansible;

import dev.homelab.internal.HostBackupUnits;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.EtcdSnapshots;
import dev.homelab.model.cluster.K3s;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The k3s etcd snapshots' last success for node-exporter: k3s takes them inside {@code k3s.service}
 * on its own cron, with no unit to hook, so a timer on each server records the newest snapshot's
 * time every 15 minutes as {@code k3s.service}'s (the alert {@code HostBackupStale} reads it). With a
 * copy in S3, the newest snapshot whose copy is stored: k3s keeps the local file and only logs a
 * failed upload. Only for an HA cluster with snapshots, the one {@link K3sConfig} configures them for.
 *
 * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
 */
final class EtcdSnapshotMetricSystem extends HostSystem {
  static final String GROUP = "etcd_snapshots";
  /** k3s' snapshot directory: {@code ${data-dir}/server/db/snapshots}, data-dir left at its default. */
  static final String SNAPSHOT_DIR = "/var/lib/rancher/k3s/server/db/snapshots";

  EtcdSnapshotMetricSystem(Lab lab) {
    super(lab, GROUP, "k3s etcd snapshot metric");
  }

  @Override
  Map<String, List<String>> groups() {
    List<String> servers = HostBackupUnits.of(lab).stream()
        .filter(u -> u.unit().equals(HostBackupUnits.K3S_SERVER_UNIT)).map(HostBackupUnits.Unit::node).toList();
    return group(GROUP, servers);
  }

  @Override
  Map<String, Object> vars() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_etcd_snapshot_dir", SNAPSHOT_DIR);
    vars.put("homelab_etcd_snapshot_s3_bucket", s3Bucket().orElse(""));
    return vars;
  }

  /** The bucket k3s copies the snapshots to, when it does: then only a stored copy is a success. */
  private Optional<String> s3Bucket() {
    return lab.cluster().flatMap(K3s::etcdSnapshots).flatMap(EtcdSnapshots::toS3).flatMap(lab::s3Target).map(S3Target::bucket);
  }

  @Override
  String readme() {
    String s3 = s3Bucket().map(b -> "\n  Only a snapshot whose copy in S3 bucket `" + b + "` is stored counts: k3s keeps the local file\n"
        + "  and only logs a failed upload.").orElse("");
    return """
        ### etcd snapshot metric

        - k3s takes the etcd snapshots inside `k3s.service`; `homelab-etcd-snapshot-metric.timer`
          records the newest one's time in `/var/lib/node_exporter/textfile_collector/` every 15
          minutes, as `k3s.service`'s last success, which the alert `HostBackupStale` reads.%s
          `journalctl -u k3s.service` shows why a snapshot or an upload failed; `k3s etcd-snapshot ls`
          lists them, and `kubectl get etcdsnapshotfiles` shows each copy's state and error.
        """.formatted(s3);
  }

  @Override
  List<String> roles() {
    return List.of("homelab_backup_metrics", "homelab_etcd_snapshot_metric");
  }
}
