package dev.homelab.ansible;

import dev.homelab.internal.HostBackupUnits;
import dev.homelab.model.Lab;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The k3s etcd snapshots' last success for node-exporter: k3s takes them inside {@code k3s.service}
 * on its own cron, with no unit to hook, so a timer on each server records the newest snapshot's
 * time every 15 minutes as {@code k3s.service}'s (the alert {@code HostBackupStale} reads it). Only
 * for an HA cluster with snapshots, the one {@link K3sConfig} configures them for.
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
    return vars;
  }

  @Override
  String readme() {
    return """
        ### etcd snapshot metric

        - k3s takes the etcd snapshots inside `k3s.service`; `homelab-etcd-snapshot-metric.timer`
          records the newest one's time in `/var/lib/node_exporter/textfile_collector/` every 15
          minutes, as `k3s.service`'s last success, which the alert `HostBackupStale` reads.
          `journalctl -u k3s.service` shows why a snapshot failed; `k3s etcd-snapshot ls` lists them.
        """;
  }

  @Override
  List<String> roles() {
    return List.of("homelab_backup_metrics", "homelab_etcd_snapshot_metric");
  }
}
