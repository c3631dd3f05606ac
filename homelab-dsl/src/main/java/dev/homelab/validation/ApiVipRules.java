package dev.homelab.validation;

import dev.homelab.internal.AddressRange;
import dev.homelab.internal.Ipv4;
import dev.homelab.internal.Texts;
import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.AddressPool;
import java.util.List;
import java.util.Optional;

/**
 * The API VIP ({@code k3s(...).apiVip(...)}): keepalived adds it beside a server's own address on
 * the LAN, so it must be a free host address there. One that MetalLB may hand to a Service, or that
 * a node already has, answers from two hosts (ARP fights); one in the pod or service network is
 * routed into the cluster instead.
 */
final class ApiVipRules {
  private ApiVipRules() {}

  static List<Rule> all() {
    return List.of(apiVip());
  }

  static Rule apiVip() {
    return Rule.of(Checks.API_VIP, (lab, r) -> lab.cluster().ifPresent(k -> k.apiVip().ifPresent(vip -> check(lab, k, vip, r))));
  }

  private static void check(Lab lab, K3s k, String vip, Rule.Reporter r) {
    String path = ModelPaths.cluster();
    if (!k.isHa()) {
      r.report(path, "apiVip(...) moves the API between servers, but a cluster without .ha() has one server",
          "Call .ha() with 3 controlPlane() nodes, or drop .apiVip(...)");
    }
    Optional<Long> ip = Ipv4.parse(vip);
    if (ip.isEmpty()) {
      r.report(path, "API VIP " + Texts.quote(vip) + " is not an IPv4 address", "Use a free LAN address, e.g. .apiVip(\"192.168.1.10\")");
      return;
    }
    NodeRules.lan(lab).filter(lan -> !lan.hosts().contains(ip.get())).ifPresent(lan -> r.report(path,
        "API VIP " + vip + " " + NodeRules.notAHost(lan, lab.lan().get(), ip.get()),
        NodeRules.useAHost(lan) + ", outside the MetalLB pools"));
    for (AddressPool pool : lab.loadBalancer()) {
      if (NetworkRules.ranges(pool).stream().anyMatch(range -> range.contains(ip.get()))) {
        r.report(path, "API VIP " + vip + " is in MetalLB pool " + pool.name() + ", which may give it to a Service",
            "Use a LAN address outside every pool");
      }
    }
    for (Node node : lab.nodes()) {
      if (node.ip().filter(vip::equals).isPresent()) {
        r.report(path, "API VIP " + vip + " is the address of node " + node.name(),
            "Use a free LAN address: keepalived adds the VIP beside the servers' own addresses");
      }
    }
    inNetwork(k.clusterCidr(), "cluster", ip.get()).ifPresent(n -> r.report(path, "API VIP " + vip + " is in the " + n,
        "Use a LAN address outside the pod and service networks"));
    inNetwork(k.serviceCidr(), "service", ip.get()).ifPresent(n -> r.report(path, "API VIP " + vip + " is in the " + n,
        "Use a LAN address outside the pod and service networks"));
    for (Node server : lab.servers()) {
      if (server.ip().isEmpty()) {
        r.report(ModelPaths.node(server.name()), "server has no IP, and keepalived's peers for the API VIP are the servers' addresses",
            "Call .ip(...) with its LAN address");
      }
    }
  }

  private static Optional<String> inNetwork(String cidr, String name, long ip) {
    return AddressRange.parseCidr(cidr).filter(range -> range.contains(ip)).map(range -> name + " CIDR " + cidr);
  }
}
