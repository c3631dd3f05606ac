package dev.homelab.validation;

import dev.homelab.internal.AddressRange;
import dev.homelab.internal.Ipv4;
import dev.homelab.internal.Texts;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.AddressPool;
import dev.homelab.model.network.Exposure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** MetalLB pools and fixed load-balancer IPs. */
final class NetworkRules {
  private NetworkRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.of(Checks.POOL_ADDRESSES, (lab, r) -> {
          Optional<AddressRange> lan = NodeRules.lan(lab);
          for (AddressPool pool : lab.loadBalancer()) {
            for (String a : pool.addresses()) {
              Optional<AddressRange> range = AddressRange.parse(a);
              if (range.isEmpty() && a.contains("/")) {
                // MetalLB takes the string as written, so a masked guess would not be what it gets.
                r.report(ModelPaths.pool(pool.name()), "" + Texts.quote(a) + " is not an IPv4 CIDR with its host bits zero",
                    "Write the network's first address, like \"192.168.1.240/28\", or a range like \"192.168.1.240-192.168.1.250\"");
              } else if (range.isEmpty()) {
                r.report(ModelPaths.pool(pool.name()), "" + Texts.quote(a) + " is not a CIDR, a range or an IPv4 address",
                    "Write it like \"192.168.1.240-192.168.1.250\" or \"192.168.1.240/28\"");
              } else if (lan.isPresent() && !lan.get().contains(range.get())) {
                r.report(ModelPaths.pool(pool.name()), a + " is not inside the LAN " + lab.lan().get(),
                    "Pick free addresses inside " + lab.lan().get());
              } else if (lan.isPresent() && !lan.get().hosts().contains(range.get())) {
                // MetalLB would hand out the network or broadcast address, which no host can answer on.
                r.report(ModelPaths.pool(pool.name()), a + " includes the network or broadcast address of the LAN " + lab.lan().get(),
                    "Pick free addresses between " + Ipv4.format(lan.get().hosts().first()) + " and "
                        + Ipv4.format(lan.get().hosts().last()));
              }
            }
          }
        }),
        Rule.of(Checks.POOL_NODE_OVERLAP, (lab, r) -> {
          for (AddressPool pool : lab.loadBalancer()) {
            for (Node n : lab.nodes()) {
              Optional<Long> ip = n.ip().flatMap(Ipv4::parse);
              if (ip.isPresent() && ranges(pool).stream().anyMatch(x -> x.contains(ip.get()))) {
                r.report(ModelPaths.pool(pool.name()), "includes " + n.ip().get() + ", the IP of node " + n.name(),
                    "Exclude node addresses from the pool (shrink the range or move the node)");
              }
            }
          }
        }),
        Rule.of(Checks.POOLS_DISJOINT, (lab, r) -> {
          List<AddressPool> pools = lab.loadBalancer();
          for (int i = 0; i < pools.size(); i++) {
            for (int j = i + 1; j < pools.size(); j++) {
              if (overlap(pools.get(i), pools.get(j))) {
                r.report(ModelPaths.pool(pools.get(j).name()), "overlaps pool " + pools.get(i).name(),
                    "Give each pool its own addresses");
              }
            }
          }
        }),
        Rule.of(Checks.FIXED_IP_IN_POOL, (lab, r) -> {
          for (String[] f : fixedIps(lab)) {
            Optional<Long> ip = Ipv4.parse(f[2]);
            Optional<AddressRange> lan = NodeRules.lan(lab);
            if (ip.isEmpty()) {
              r.report(f[0], f[1] + " " + Texts.quote(f[2]) + " is not an IPv4 address", "Write it like \"192.168.1.240\"");
            } else if (lan.isPresent() && !lan.get().hosts().contains(ip.get())) {
              r.report(f[0], f[1] + " " + f[2] + " " + NodeRules.notAHost(lan.get(), lab.lan().get(), ip.get()),
                  NodeRules.useAHost(lan.get()) + " that is in a MetalLB pool");
            } else if (lab.loadBalancer().stream().flatMap(p -> ranges(p).stream()).noneMatch(x -> x.contains(ip.get()))) {
              r.report(f[0], f[1] + " " + f[2] + " is in no MetalLB pool",
                  lab.loadBalancer().isEmpty() ? "Add one with homelab.loadBalancer(pool(\"lan\", \"" + f[2] + "-...\"))"
                      : "Pick an address of pool " + lab.loadBalancer().get(0).name() + " or widen a pool");
            }
          }
        }),
        // Traefik always has two LoadBalancer Services, traefik and traefik-internal, each on 80
        // and 443. Without MetalLB, k3s' ServiceLB (klipper-lb) serves a LoadBalancer with a
        // host-port pod on each node, and a node's port is taken once: the second Service's pods
        // stay Pending and its entrypoint is unreachable (docs.k3s.io, networking-services,
        // "Service Load Balancer": "If no nodes are available, the LB will remain pending").
        // A fixed IP without a pool is fixed-ip-in-pool's line, whose fix (a pool) is this one's.
        Rule.of(Checks.TRAEFIK_NEEDS_POOL, (lab, r) -> lab.ingress()
            .filter(t -> lab.loadBalancer().isEmpty() && t.publicIp().isEmpty() && t.internalIp().isEmpty())
            .ifPresent(t -> r.report(ModelPaths.ingress(),
                "Traefik's two LoadBalancer Services (traefik and traefik-internal) both need ports 80 and 443, and without "
                    + "a MetalLB pool k3s' ServiceLB binds each port once per node: the second never starts",
                "Add a pool with homelab.loadBalancer(pool(\"lan\", \"" + examplePool(lab) + "\")) and give Traefik an "
                    + "address of it for each side: traefik().publicIp(...).internalIp(...)"))),
        traefikRouteIps(),
        lbIpUnique());
  }

  /**
   * Two LoadBalancer Services asking for the same fixed IP: MetalLB gives it to one and leaves the
   * other pending. (Traefik's two sides sharing one IP is {@code traefik-sides}, an invariant of Traefik.)
   */
  static Rule lbIpUnique() {
    return Rule.of(Checks.LB_IP_UNIQUE, (lab, r) -> {
      java.util.Map<Long, String[]> owner = new java.util.HashMap<>();
      for (String[] f : fixedIps(lab)) {
        Optional<Long> ip = Ipv4.parse(f[2]);
        if (ip.isEmpty()) {
          continue;
        }
        String[] first = owner.putIfAbsent(ip.get(), f);
        if (first != null && !first[0].equals(f[0])) {
          r.report(f[0], f[1] + " " + f[2] + " is already the " + first[1] + " of " + first[0],
              "Give each LoadBalancer its own address");
        }
      }
    });
  }

  /**
   * The addresses the rest of the lab is told about: the router forwards 80 and 443 to Traefik's
   * public IP (the bring-up guide's step, written only for a fixed one), and Pi-hole's local
   * records (the LAN's and the VPN peers' DNS) point every host at its side's fixed IP; a host
   * whose side has none gets no record. MetalLB would hand each Service some free pool address,
   * anew whenever the Service is recreated, which nothing else in the lab can name. Without a
   * pool, traefik-needs-pool already asks for both addresses.
   */
  static Rule traefikRouteIps() {
    return Rule.of(Checks.TRAEFIK_ROUTE_IPS, (lab, r) -> lab.ingress().filter(t -> !lab.loadBalancer().isEmpty()).ifPresent(t -> {
      String pool = lab.loadBalancer().get(0).name();
      List<String> publicHosts = hosts(lab, Exposure.PUBLIC);
      if (t.publicIp().isEmpty() && !publicHosts.isEmpty()) {
        r.report(ModelPaths.ingress(), "public routes (" + String.join(", ", publicHosts) + ") have no address for the router "
                + "to forward ports 80 and 443 to: Traefik has no public IP",
            "Give Traefik a free address of pool " + pool + ": traefik().publicIp(...)");
      }
      List<String> internalHosts = hosts(lab, Exposure.INTERNAL);
      if (t.internalIp().isEmpty() && hasPihole(lab) && !internalHosts.isEmpty()) {
        r.report(ModelPaths.ingress(), "internal routes (" + String.join(", ", internalHosts) + ") get no Pi-hole record, "
                + "so the LAN and the VPN cannot resolve them: Traefik has no internal IP for them to point at",
            "Give Traefik a free address of pool " + pool + ": traefik().internalIp(...)");
      }
    }));
  }

  /** The routed hosts of one side, sorted (edge, network and internal-route rules share it). */
  static List<String> hosts(dev.homelab.model.Lab lab, Exposure side) {
    return lab.routedHosts().entrySet().stream().filter(e -> e.getValue() == side).map(java.util.Map.Entry::getKey).toList();
  }

  /** Whether the lab runs Pi-hole, the only DNS that holds the internal routes' records. */
  static boolean hasPihole(dev.homelab.model.Lab lab) {
    return lab.dataServices().stream().anyMatch(d -> d.kind() == DataService.Kind.PIHOLE);
  }

  /** Free-looking addresses at the top of the LAN for a first pool, as in the reference lab's .240-.250 of a /24. */
  private static String examplePool(dev.homelab.model.Lab lab) {
    return NodeRules.lan(lab).map(AddressRange::hosts).filter(h -> h.last() - h.first() >= 14)
        .map(h -> Ipv4.format(h.last() - 14) + "-" + Ipv4.format(h.last() - 4))
        .orElse("192.168.1.240-192.168.1.250");
  }

  /** Fixed LoadBalancer IPs of the model as {path, what, ip}, in model order. */
  static List<String[]> fixedIps(dev.homelab.model.Lab lab) {
    List<String[]> fixed = new ArrayList<>();
    lab.ingress().ifPresent(t -> {
      t.publicIp().ifPresent(ip -> fixed.add(new String[] {ModelPaths.ingress(), "public IP", ip}));
      t.internalIp().ifPresent(ip -> fixed.add(new String[] {ModelPaths.ingress(), "internal IP", ip}));
    });
    lab.security().flatMap(c -> c.lapiIp()).ifPresent(ip -> fixed.add(new String[] {ModelPaths.security(), "LAPI IP", ip}));
    lab.dataServices().forEach(d -> d.loadBalancerIp().ifPresent(
        ip -> fixed.add(new String[] {ModelPaths.dataService(d.name()), "load-balancer IP", ip})));
    return fixed;
  }

  static List<AddressRange> ranges(AddressPool pool) {
    List<AddressRange> out = new ArrayList<>();
    pool.addresses().forEach(a -> AddressRange.parse(a).ifPresent(out::add));
    return out;
  }

  private static boolean overlap(AddressPool a, AddressPool b) {
    return ranges(a).stream().anyMatch(x -> ranges(b).stream().anyMatch(x::overlaps));
  }
}
