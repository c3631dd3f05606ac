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
    // k3s v1.29+ runs etcd-snapshot ls/save/delete through the running server (pkg/cli/etcdsnapshot),
    // and with etcd-s3 in config.yaml --cluster-reset-restore-path is downloaded from S3 (pkg/etcd,
    // Reset): a local file needs --etcd-s3=false, which the command line can set over the file.
    String restorePath = snapshots.toS3().isPresent()
        ? "`k3s server --cluster-reset --cluster-reset-restore-path=<snapshot name>` (it reads\n"
            + "  `config.yaml`, so the snapshot is fetched from S3 with the same settings; for a file of the\n"
            + "  local snapshots folder instead, as when S3 is unreachable or its uploads failed:\n"
            + "  `k3s server --cluster-reset --etcd-s3=false --cluster-reset-restore-path=/var/lib/rancher/k3s/server/db/snapshots/<name>`)"
        : "`k3s server --cluster-reset --cluster-reset-restore-path=/var/lib/rancher/k3s/server/db/snapshots/<name>`";
    String pick = snapshots.toS3().isPresent()
        ? "`ls /var/lib/rancher/k3s/server/db/snapshots/` on a server, or the bucket's `" + snapshots.folder() + "/` folder"
        : "`ls /var/lib/rancher/k3s/server/db/snapshots/` on a server";
    return """
        - etcd snapshots (`%s`, %d kept) are %s. Restore
          (the whole cluster state goes back to the snapshot; volumes and S3 backups are not touched):
          pick the snapshot first: `k3s etcd-snapshot ls` asks the running server, so it
          fails once k3s is stopped (then %s).
          Stop k3s on every server (`systemctl stop k3s`); on `%s` run
          %s;
          the cluster token must be the one of the snapshot's time. Wait for the log line saying to
          restart without the flags; `systemctl start k3s` there; then on %s:
          `rm -rf /var/lib/rancher/k3s/server/db/` (it holds their local snapshots too: copy
          `db/snapshots` away first if they are the only good ones) and `systemctl start k3s`, one at a time.
        """.formatted(snapshots.schedule(), snapshots.retention(), where, pick, first, restorePath,
            others.isEmpty() ? "the other servers" : "`" + others.replace(", ", "`, `") + "`");
  }
}
