package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nfs-common} on every node once something is exported (kubelet mounts NFS volumes itself),
 * and a guard that keeps the pods off the NFS port of the servers. The exports trust each node's
 * address ({@link NfsServerSystem#clients}), and a pod's traffic to the LAN leaves its node
 * masqueraded to that address with a privileged source port kept privileged (Linux NAT keeps the
 * port's class), which any pod may bind on k3s ({@code enable_unprivileged_ports} in its containerd
 * configuration): a pod could otherwise speak NFS as its node, as root on a {@code no_root_squash}
 * export. NetworkPolicies cannot close it: the apps' namespaces have no egress policies, and a
 * namespace without any policy (kube-system, the charts') would stay open. So each node rejects
 * pod-network packets to port 2049 outside the pod network in an nftables table of its own, before
 * the masquerade ({@code forward}) or for any of its own addresses ({@code input}): not only the
 * servers' configured addresses, since nfsd answers on every address a server has (a second
 * interface, the API VIP), and not only the lab's servers, since a NAS may trust the nodes too.
 *
 * @see <a href="https://man7.org/linux/man-pages/man5/exports.5.html">exports(5): secure, no_root_squash</a>
 * @see <a href="https://wiki.nftables.org/wiki-nftables/index.php/Netfilter_hooks">nftables: base chains on the forward and input hooks</a>
 */
final class NfsClientSystem extends HostSystem {
  static final String GROUP = "nfs_client";
  /** The NFS port; NFSv4 uses no other, and NFSv3's file operations go there too. */
  static final int NFS_PORT = 2049;

  NfsClientSystem(Lab lab) {
    super(lab, GROUP, "NFS client on every node");
  }

  @Override
  Map<String, List<String>> groups() {
    boolean exported = lab.nodes().stream().anyMatch(n -> !NfsServerSystem.exported(n).isEmpty());
    return group(GROUP, exported ? lab.nodes().stream().map(Node::name).toList() : List.of());
  }

  @Override
  Map<String, Object> vars() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_nfs_guard_pod_cidr", lab.cluster().map(K3s::clusterCidr).orElse(""));
    return vars;
  }

  @Override
  String readme() {
    if (lab.cluster().isEmpty()) {
      return "";
    }
    return """
        ### NFS client

        - `nfs-common` on every node: kubelet mounts the NFS volumes itself.
        - `homelab-nfs-guard.service` loads the nftables table `homelab_nfs_guard` at boot, before
          k3s: packets from the pod network (`%s`) to port %d anywhere outside it are rejected.
          The exports trust the nodes' addresses, and a pod's traffic leaves its node under that
          address, so a pod could otherwise mount them as its node. Volumes are mounted by the
          node, not from the pod network, and are not affected. Stopping the unit keeps the table;
          `nft list table inet homelab_nfs_guard` shows its counters.
        """.formatted(lab.cluster().orElseThrow().clusterCidr(), NFS_PORT);
  }

  @Override
  List<String> roles() {
    return List.of("homelab_nfs_client");
  }
}
