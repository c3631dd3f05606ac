package dev.homelab.validation;

import dev.homelab.internal.AddressRange;
import dev.homelab.internal.Ipv4;
import dev.homelab.model.Lab;
import dev.homelab.internal.Texts;
import dev.homelab.model.host.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The LAN and the hosts on it. */
final class NodeRules {
  private NodeRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.of(Checks.LAN_CIDR, (lab, r) -> {
          if (lab.lan().isEmpty()) {
            r.report(ModelPaths.ROOT, "no LAN is set", "Call homelab.lan(\"192.168.1.0/24\")");
          } else if (AddressRange.parseCidr(lab.lan().get()).isEmpty()) {
            r.report(ModelPaths.ROOT, "LAN " + Texts.quote(lab.lan().get()) + " is not an IPv4 CIDR with its host bits zero",
                "Write it like lan(\"192.168.1.0/24\")");
          }
        }),
        Rule.of(Checks.NODES_PRESENT, (lab, r) -> {
          if (lab.nodes().isEmpty()) {
            r.report(ModelPaths.of("nodes"), "the homelab has no nodes", "Add one with homelab.nodes(node(\"pi1\").controlPlane())");
          } else if (lab.servers().isEmpty()) {
            r.report(ModelPaths.of("nodes"), "no node is a control plane",
                "Call .controlPlane() on " + lab.nodes().get(0).name() + " (or on 3 nodes for HA)");
          }
        }),
        Rule.of(Checks.NODE_IP, (lab, r) -> {
          Optional<AddressRange> lan = lab.lan().flatMap(AddressRange::parseCidr);
          for (Node n : lab.nodes()) {
            if (n.ip().isEmpty()) {
              continue;
            }
            String ip = n.ip().get();
            Optional<Long> address = Ipv4.parse(ip);
            if (address.isEmpty()) {
              r.report(ModelPaths.node(n.name()), "IP " + Texts.quote(ip) + " is not an IPv4 address", "Write it like .ip(\"192.168.1.11\")");
            } else if (lan.isPresent() && !lan.get().hosts().contains(address.get())) {
              r.report(ModelPaths.node(n.name()), "IP " + ip + " " + notAHost(lan.get(), lab.lan().get(), address.get()),
                  lan.get().contains(address.get()) ? useAHost(lan.get())
                      : "Use an address inside " + lab.lan().get() + " or fix homelab.lan(...)");
            }
          }
        }),
        Rule.of(Checks.NODE_IP_UNIQUE, (lab, r) -> {
          Map<Long, String> owner = new HashMap<>();
          for (Node n : lab.nodes()) {
            Optional<Long> address = n.ip().flatMap(Ipv4::parse);
            if (address.isPresent()) {
              String first = owner.putIfAbsent(address.get(), n.name());
              if (first != null) {
                r.report(ModelPaths.node(n.name()), "IP " + n.ip().get() + " is already used by node " + first,
                    "Give each node its own address");
              }
            }
          }
        }));
  }

  /**
   * Why {@code ip}, not a host address of the LAN, is not one: outside it, or its network or
   * broadcast address (which no host can use).
   */
  static String notAHost(AddressRange lan, String lanText, long ip) {
    if (ip == lan.first() && lan.contains(ip)) {
      return "is the network address of the LAN " + lanText;
    }
    if (ip == lan.last() && lan.contains(ip)) {
      return "is the broadcast address of the LAN " + lanText;
    }
    return "is outside the LAN " + lanText;
  }

  /** Fix text naming the host addresses of the LAN. */
  static String useAHost(AddressRange lan) {
    AddressRange hosts = lan.hosts();
    return "Use an address between " + Ipv4.format(hosts.first()) + " and " + Ipv4.format(hosts.last());
  }

  static Optional<AddressRange> lan(Lab lab) {
    return lab.lan().flatMap(AddressRange::parseCidr);
  }
}
