package dev.homelab.ansible;

import dev.homelab.internal.AddressRange;
import dev.homelab.internal.Ipv4;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.WireGuard;
import dev.homelab.model.network.WireGuardPeer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WireGuard gateway, through the local role {@code homelab_wireguard} (wireguard-tools, one
 * {@code wg0.conf} and {@code wg-quick@wg0.service}; owned here rather than taken from Galaxy, so the
 * playbook converges with what Debian's {@code ansible} package ships): the gateway takes the
 * subnet's first address, road-warrior peers are {@code [Peer]} sections, IPv4 forwarding is on, and
 * the gateway masquerades peer traffic into the networks they reach, but rejects it towards the NFS
 * servers' port 2049 (masqueraded, it would come from a k3s node's address, which the exports trust).
 * The private key is made on the gateway and stays there ({@code wg0.key}, loaded by PostUp).
 *
 * @see <a href="https://man7.org/linux/man-pages/man8/wg-quick.8.html">wg-quick(8)</a>
 */
final class WireGuardSystem extends HostSystem {
  static final String GROUP = "vpn";
  static final String ROLE = "homelab_wireguard";
  static final String INTERFACE = "wg0";

  WireGuardSystem(Lab lab) {
    super(lab, GROUP, "WireGuard gateway");
  }

  @Override
  Map<String, List<String>> groups() {
    return group(GROUP, lab.vpn().flatMap(WireGuard::gateway).stream().toList());
  }

  /** The gateway's tunnel address: the subnet's first host address with the subnet's prefix. */
  static String gatewayAddress(WireGuard vpn) {
    AddressRange subnet = AddressRange.parseCidr(vpn.subnet()).orElseThrow();
    return Ipv4.format(subnet.first() + 1) + vpn.subnet().substring(vpn.subnet().indexOf('/'));
  }

  static String endpoint(Lab lab, WireGuard vpn) {
    return vpn.endpoint().orElseGet(() -> "vpn." + lab.domain().orElseThrow());
  }

  static List<String> reaches(Lab lab, WireGuard vpn) {
    return vpn.reaches().isEmpty() ? List.of(lab.lan().orElseThrow()) : vpn.reaches();
  }

  /** Addresses of the NFS servers other than the gateway (whose own exports peers reach unmasqueraded). */
  static List<String> nfsServers(Lab lab, WireGuard vpn) {
    return lab.nodes().stream()
        .filter(n -> !NfsServerSystem.exported(n).isEmpty())
        .filter(n -> !vpn.gateway().map(n.name()::equals).orElse(false))
        .map(Node::address)
        .toList();
  }

  @Override
  Map<String, Object> vars() {
    WireGuard vpn = lab.vpn().orElseThrow();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_wireguard_interface", INTERFACE);
    vars.put("homelab_wireguard_addresses", List.of(gatewayAddress(vpn)));
    vars.put("homelab_wireguard_port", String.valueOf(vpn.port()));
    vars.put("homelab_wireguard_endpoint", endpoint(lab, vpn));
    List<Object> up = new ArrayList<>();
    List<Object> down = new ArrayList<>();
    for (String cidr : reaches(lab, vpn)) {
      // Templated: the interface is a fact of the gateway, known only when the play runs.
      String rule = "POSTROUTING -s " + HostText.plain(vpn.subnet(), "the VPN subnet") + " -d "
          + HostText.plain(cidr, "a network the VPN reaches") + " -o {{ ansible_default_ipv4.interface }} -j MASQUERADE";
      up.add(new Yaml.Templated("iptables -t nat -A " + rule));
      down.add(new Yaml.Templated("iptables -t nat -D " + rule));
    }
    // Peers reach the LAN as the gateway's address, which is a k3s node and so an NFS client: keep
    // them off the NFS servers' port (every NFS version's file operations go through 2049).
    for (String server : nfsServers(lab, vpn)) {
      for (String proto : List.of("tcp", "udp")) {
        String rule = "FORWARD -i " + INTERFACE + " -d " + server + " -p " + proto + " --dport 2049 -j REJECT";
        up.add("iptables -I " + rule);
        down.add("iptables -D " + rule);
      }
    }
    vars.put("homelab_wireguard_postup", up);
    vars.put("homelab_wireguard_postdown", down);
    Map<String, Object> peers = new LinkedHashMap<>();
    for (WireGuardPeer peer : vpn.peers()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("public_key", peer.publicKey());
      p.put("allowed_ips", peer.allowedIp());
      peers.put(peer.name(), p);
    }
    vars.put("homelab_wireguard_peers", peers);
    vars.put("homelab_wireguard_peer_dns", peerDns(lab));
    vars.put("homelab_wireguard_peer_routes", peerRoutes(lab, vpn));
    return vars;
  }

  /**
   * The DNS servers of the peers: the lab's Pi-hole at its LoadBalancer IP, which answers for every
   * internal host with Traefik's internal IP (the k8s backend's local records). None without a Pi-hole.
   */
  static List<String> peerDns(Lab lab) {
    return lab.dataServices().stream().filter(s -> s.kind() == DataService.Kind.PIHOLE)
        .flatMap(s -> s.loadBalancerIp().stream()).toList();
  }

  /**
   * What a peer sends through the tunnel: the VPN subnet, the networks the gateway reaches, and the
   * Pi-hole's address when none of them holds it, so the DNS server of {@link #peerDns} is reachable.
   */
  static List<String> peerRoutes(Lab lab, WireGuard vpn) {
    List<String> out = new ArrayList<>();
    out.add(vpn.subnet());
    out.addAll(reaches(lab, vpn));
    for (String dns : peerDns(lab)) {
      long ip = Ipv4.parse(dns).orElseThrow();
      boolean routed = out.stream().map(AddressRange::parseCidr).anyMatch(r -> r.map(x -> x.contains(ip)).orElse(false));
      if (!routed) {
        out.add(dns + "/32");
      }
    }
    return out;
  }

  @Override
  List<String> roles() {
    return List.of(ROLE);
  }

  @Override
  String readme() {
    return """
        ### WireGuard gateway

        - The gateway makes its private key once (`/etc/wireguard/wg0.key`, never copied off the
          host; a `PrivateKey` of an existing `wg0.conf` is kept) and loads it in `PostUp`, so
          `wg0.conf` holds no secret. The play shows the public key and endpoint the peers need;
          on the gateway, `sudo wg pubkey < /etc/wireguard/wg0.key` prints the key too.
        - Each peer's configuration is written to `/etc/wireguard/peers/<peer>.conf` on the gateway:
          the gateway's key and endpoint, the routes, and the lab's Pi-hole as DNS server, so the
          internal names resolve over the tunnel. Copy it to the device and add the device's private key.
        - A changed configuration restarts `wg-quick@wg0`, which reruns the NAT and forward rules.
        """;
  }
}
