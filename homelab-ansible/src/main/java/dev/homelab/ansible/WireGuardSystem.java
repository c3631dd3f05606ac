package dev.homelab.ansible;

import dev.homelab.internal.AddressRange;
import dev.homelab.internal.Ipv4;
import dev.homelab.model.Lab;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.WireGuard;
import dev.homelab.model.network.WireGuardPeer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WireGuard gateway, through the Galaxy role {@code githubixx.ansible_role_wireguard}: the
 * gateway takes the subnet's first address, road-warrior peers are unmanaged peers, and the
 * gateway masquerades peer traffic into the networks they reach, but rejects it towards the NFS
 * servers' port 2049 (masqueraded, it would come from a k3s node's address, which the exports
 * trust). The role enables no forwarding itself, so the play does.
 *
 * @see <a href="https://github.com/githubixx/ansible-role-wireguard">ansible-role-wireguard</a>
 */
final class WireGuardSystem extends HostSystem {
  static final String GROUP = "vpn";
  static final String ROLE = "githubixx.ansible_role_wireguard";
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
    vars.put("wireguard_interface", INTERFACE);
    vars.put("wireguard_addresses", List.of(gatewayAddress(vpn)));
    vars.put("wireguard_port", String.valueOf(vpn.port()));
    vars.put("wireguard_endpoint", endpoint(lab, vpn));
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
    vars.put("wireguard_postup", up);
    vars.put("wireguard_postdown", down);
    Map<String, Object> peers = new LinkedHashMap<>();
    for (WireGuardPeer peer : vpn.peers()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("public_key", peer.publicKey());
      p.put("allowed_ips", peer.allowedIp());
      peers.put(peer.name(), p);
    }
    vars.put("wireguard_unmanaged_peers", peers);
    return vars;
  }

  @Override
  List<String> roles() {
    return List.of();
  }

  @Override
  Map<String, Object> play() {
    Map<String, Object> play = super.play();
    play.remove("roles");
    Map<String, Object> sysctl = new LinkedHashMap<>();
    sysctl.put("name", "net.ipv4.ip_forward");
    sysctl.put("value", "1");
    sysctl.put("sysctl_file", "/etc/sysctl.d/90-wireguard.conf");
    sysctl.put("state", "present");
    sysctl.put("reload", true);
    Map<String, Object> forward = new LinkedHashMap<>();
    forward.put("name", "Enable IPv4 forwarding (the WireGuard role does not)");
    forward.put("ansible.posix.sysctl", sysctl);
    play.put("pre_tasks", List.of(forward, packages()));
    play.put("roles", List.of(ROLE));
    return play;
  }

  /**
   * iptables for the NAT rules of PostUp/PostDown, and lsb-release: on Debian the role reads
   * {@code ansible_facts['lsb']['id']}, which stays empty without {@code lsb_release}, so the role
   * fails before it installs anything (githubixx/ansible-role-wireguard issue #86;
   * {@code tasks/setup-debian.yml} of 18.3.0). The role gathers facts again as its
   * first task ({@code tasks/main.yml}), so installing the package just before it is enough.
   */
  private static Map<String, Object> packages() {
    Map<String, Object> apt = new LinkedHashMap<>();
    apt.put("name", List.of("iptables", "lsb-release"));
    apt.put("state", "present");
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("name", "Install iptables (NAT rules of PostUp/PostDown) and lsb-release (the WireGuard role reads its facts)");
    task.put("ansible.builtin.apt", apt);
    return task;
  }
}
