package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.model.cluster.EtcdSnapshots;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Node;
import java.util.List;

/**
 * The README's restore of the k3s etcd snapshots: one server resets the cluster to a snapshot, the
 * others drop their etcd data and join it again. Only for an HA cluster with snapshots, the one
 * case where the lab renders them ({@link K3sConfig}).
 *
 * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot: restoring a cluster from a snapshot</a>
 */
final class EtcdRestoreDocs {
  private EtcdRestoreDocs() {}

  static String section(Lab lab) {
    K3s k3s = lab.cluster().orElseThrow();
    if (!k3s.isHa() || k3s.etcdSnapshots().isEmpty()) {
      return "";
    }
    EtcdSnapshots snapshots = k3s.etcdSnapshots().get();
    List<Node> servers = lab.servers();
    String first = servers.get(0).name();
    String others = String.join(", ", servers.stream().skip(1).map(Node::name).toList());
    String where = snapshots.toS3().map(t -> "on every server in `/var/lib/rancher/k3s/server/db/snapshots` and in S3 target `"
        + t + "` under `" + snapshots.folder() + "/`").orElse("on every server in `/var/lib/rancher/k3s/server/db/snapshots`");
    return """
        - etcd snapshots (`%s`, %d kept) are %s; `k3s etcd-snapshot ls` lists them. Restore
          (the whole cluster state goes back to the snapshot; volumes and S3 backups are not touched):
          stop k3s on every server (`systemctl stop k3s`); on `%s` run
          `k3s server --cluster-reset --cluster-reset-restore-path=<snapshot name>` (it reads
          `config.yaml`, so a snapshot in S3 is fetched with the same settings; the cluster token must
          be the one of the snapshot's time) and wait for the log line saying to restart without the
          flags; `systemctl start k3s` there; then on %s: `rm -rf /var/lib/rancher/k3s/server/db/`
          and `systemctl start k3s`, one at a time.
        """.formatted(snapshots.schedule(), snapshots.retention(), where, first,
            others.isEmpty() ? "the other servers" : "`" + others.replace(", ", "`, `") + "`");
  }
}
