package dev.homelab.validation;

import dev.homelab.internal.AddressRange;
import dev.homelab.internal.Ipv4;
import dev.homelab.model.cluster.K3s;
import java.util.List;
import java.util.Optional;

/** The k3s cluster across the nodes and the LAN. The version and CIDR syntax are invariants of {@link K3s}. */
final class ClusterRules {
  private ClusterRules() {}

  static List<Rule> all() {
    return List.of(k3sPresent(), etcdOddServers(), k3sCidrLan(), apiEndpointInLan(), etcdSnapshotsNeedHa());
  }

  /** A lab without a cluster renders nothing useful. */
  static Rule k3sPresent() {
    return Rule.of(Checks.K3S_PRESENT, (lab, r) -> {
      if (lab.cluster().isEmpty()) {
        r.report(ModelPaths.cluster(), "no k3s cluster is defined", "Call homelab.cluster(k3s(\"v1.33.4+k3s1\"))");
      }
    });
  }

  /**
   * Embedded etcd keeps a quorum only with an odd number of servers, and HA needs at least 3.
   * Several servers without {@code .ha()} are embedded etcd all the same: k3s-ansible starts the
   * first with cluster-init and joins the others to it (role k3s_server), so two of them would
   * stop the cluster when either stops.
   */
  static Rule etcdOddServers() {
    return Rule.of(Checks.ETCD_ODD_SERVERS, (lab, r) -> lab.cluster().ifPresent(k -> {
      int servers = lab.servers().size();
      if (!k.isHa()) {
        if (servers > 1) {
          r.report(ModelPaths.cluster(), servers + " controlPlane() nodes form an embedded etcd cluster, which needs .ha()",
              "Call .ha() with " + (servers % 2 == 0 ? servers + 1 : servers) + " controlPlane() nodes, or keep one controlPlane() node");
        }
      } else if (servers > 0 && servers % 2 == 0) {
        r.report(ModelPaths.cluster(), "HA with embedded etcd needs an odd number of servers, found " + servers,
            "Make " + (servers + 1) + " or " + (servers - 1) + " nodes controlPlane()");
      } else if (servers == 1) {
        r.report(ModelPaths.cluster(), "HA with embedded etcd needs at least 3 servers, found 1",
            "Make 3 nodes controlPlane(), or drop .ha()");
      }
    }));
  }

  /** Pod and Service networks must not overlap the LAN, or the nodes' own traffic is routed into the cluster. */
  static Rule k3sCidrLan() {
    return Rule.of(Checks.K3S_CIDR_LAN, (lab, r) -> lab.cluster().ifPresent(k -> {
      Optional<AddressRange> lan = NodeRules.lan(lab);
      if (lan.isEmpty()) {
        return;
      }
      if (AddressRange.parseCidr(k.clusterCidr()).filter(c -> c.overlaps(lan.get())).isPresent()) {
        r.report(ModelPaths.cluster(), "cluster CIDR " + k.clusterCidr() + " overlaps the LAN " + lab.lan().get(),
            "Pick a pod network outside the LAN with .clusterCidr(...), e.g. the default 10.42.0.0/16");
      }
      if (AddressRange.parseCidr(k.serviceCidr()).filter(c -> c.overlaps(lan.get())).isPresent()) {
        r.report(ModelPaths.cluster(), "service CIDR " + k.serviceCidr() + " overlaps the LAN " + lab.lan().get(),
            "Pick a service network outside the LAN with .serviceCidr(...), e.g. the default 10.43.0.0/16");
      }
    }));
  }

  /** An API endpoint given as an IP must be reachable by the nodes, so inside the LAN; DNS names are not checked. */
  static Rule apiEndpointInLan() {
    return Rule.of(Checks.API_ENDPOINT_IN_LAN, (lab, r) -> lab.cluster().flatMap(K3s::apiEndpoint).ifPresent(endpoint -> {
      Optional<Long> ip = Ipv4.parse(endpoint);
      Optional<AddressRange> lan = NodeRules.lan(lab);
      if (ip.isPresent() && lan.isPresent() && !lan.get().hosts().contains(ip.get())) {
        r.report(ModelPaths.cluster(), "API endpoint " + endpoint + " " + NodeRules.notAHost(lan.get(), lab.lan().get(), ip.get()),
            lan.get().contains(ip.get()) ? NodeRules.useAHost(lan.get()) + " or a DNS name in .apiEndpoint(...)"
                : "Use a LAN address or a DNS name in .apiEndpoint(...)");
      }
    }));
  }

  /** In this model a non-HA cluster is a single server on SQLite, which has no etcd to snapshot. */
  static Rule etcdSnapshotsNeedHa() {
    return Rule.of(Checks.ETCD_SNAPSHOTS_NEED_HA, (lab, r) -> lab.cluster().ifPresent(k -> {
      if (k.etcdSnapshots().isPresent() && !k.isHa()) {
        r.report(ModelPaths.cluster(), "etcd snapshots need embedded etcd, but a cluster without .ha() runs on SQLite",
            "Call .ha() with 3 controlPlane() nodes, or drop .etcdSnapshots(...)");
      }
    }));
  }
}
