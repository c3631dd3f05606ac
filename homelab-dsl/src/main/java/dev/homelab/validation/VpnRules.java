package dev.homelab.validation;

import dev.homelab.internal.AddressRange;
import dev.homelab.model.network.WireGuard;
import java.util.List;
import java.util.Optional;

/** The WireGuard VPN against the nodes, the LAN and the cluster networks. Peers are invariants of {@link WireGuard}. */
final class VpnRules {
  private VpnRules() {}

  static List<Rule> all() {
    return List.of(vpnSubnetOverlap(), vpnGateway(), vpnEndpoint());
  }

  /** The tunnel subnet is routed to the gateway; overlapping the LAN or the cluster would black-hole that traffic. */
  static Rule vpnSubnetOverlap() {
    return Rule.of(Checks.VPN_SUBNET_OVERLAP, (lab, r) -> lab.vpn().ifPresent(vpn -> {
      Optional<AddressRange> subnet = AddressRange.parseCidr(vpn.subnet());
      if (subnet.isEmpty()) {
        return;
      }
      String fix = "Pick a subnet of its own, e.g. wireguard(\"10.8.0.0/24\")";
      lab.lan().flatMap(AddressRange::parseCidr).filter(subnet.get()::overlaps).ifPresent(x ->
          r.report(ModelPaths.vpn(), "subnet " + vpn.subnet() + " overlaps the LAN " + lab.lan().get(), fix));
      lab.cluster().ifPresent(k -> {
        AddressRange.parseCidr(k.clusterCidr()).filter(subnet.get()::overlaps).ifPresent(x ->
            r.report(ModelPaths.vpn(), "subnet " + vpn.subnet() + " overlaps the cluster CIDR " + k.clusterCidr(), fix));
        AddressRange.parseCidr(k.serviceCidr()).filter(subnet.get()::overlaps).ifPresent(x ->
            r.report(ModelPaths.vpn(), "subnet " + vpn.subnet() + " overlaps the service CIDR " + k.serviceCidr(), fix));
      });
    }));
  }

  /** The gateway runs on a node of the lab. */
  static Rule vpnGateway() {
    return Rule.of(Checks.VPN_GATEWAY, (lab, r) -> lab.vpn().ifPresent(vpn -> {
      if (vpn.gateway().isEmpty()) {
        r.report(ModelPaths.vpn(), "no gateway node is set", "Call .gateway(node) with the node that runs WireGuard, e.g. "
            + (lab.nodes().isEmpty() ? "a control-plane node" : lab.nodes().get(0).name()));
      } else if (lab.node(vpn.gateway().get()).isEmpty()) {
        r.report(ModelPaths.vpn(), "gateway node " + vpn.gateway().get() + " is not defined",
            "Use one of the nodes: " + StorageRules.names(lab));
      }
    }));
  }

  /** Peers dial {@code .endpoint(...)}, by default {@code vpn.<domain>}; with neither they have nothing to dial. */
  static Rule vpnEndpoint() {
    return Rule.of(Checks.VPN_ENDPOINT, (lab, r) -> lab.vpn().ifPresent(vpn -> {
      if (vpn.endpoint().isEmpty() && lab.domain().isEmpty()) {
        r.report(ModelPaths.vpn(), "peers have nothing to dial: no .endpoint(...) and no domain for vpn.<domain>",
            "Call .endpoint(\"vpn.example.com\") or homelab.domain(\"example.com\")");
      }
    }));
  }
}
