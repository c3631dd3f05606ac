package dev.homelab.internal;

import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded etcd's metrics of an HA k3s cluster, which the monitoring stack scrapes: the Ansible
 * backend gives the servers {@code etcd-expose-metrics: true}, and the Kubernetes backend scrapes
 * each server's address on {@value #PORT} and turns on the chart's etcd rules (leader lost, members
 * down, slow disk syncs: what a Raspberry Pi's storage shows first). Both read it here, since
 * backends never import each other.
 *
 * <p>k3s serves etcd's metrics over plain HTTP on {@code 127.0.0.1:2381}, and with
 * {@code etcd-expose-metrics} also on the node's own address ({@code --node-ip}), as etcd's
 * {@code listen-metrics-urls}; etcd's client port (2379) needs a client certificate instead.
 *
 * <p>Internal: shared by the backends; not part of the API.
 *
 * @see <a href="https://docs.k3s.io/cli/server">k3s server: etcd-expose-metrics</a>
 */
public final class EtcdMetrics {
  /** etcd's metrics port in k3s ({@code listen-metrics-urls}). */
  public static final int PORT = 2381;

  private EtcdMetrics() {}

  /**
   * Whether the servers expose etcd's metrics: an HA cluster (embedded etcd) with the monitoring
   * stack, every server with an address in the model. All or none: the chart's
   * {@code etcdInsufficientMembers} takes the cluster's size from the number of scraped members
   * ({@code count(up)}), so with a server left out one member down of three would read as a lost
   * quorum (one of two up).
   */
  public static boolean exposed(Lab lab) {
    return lab.cluster().map(K3s::isHa).orElse(false) && lab.monitoring().isPresent()
        && lab.servers().stream().allMatch(server -> server.ip().isPresent());
  }

  /** {@code <ip>:2381} of every server, in declaration order; empty unless {@link #exposed}. */
  public static List<String> targets(Lab lab) {
    List<String> targets = new ArrayList<>();
    if (exposed(lab)) {
      for (Node server : lab.servers()) {
        targets.add(server.ip().orElseThrow() + ":" + PORT);
      }
    }
    return targets;
  }
}
