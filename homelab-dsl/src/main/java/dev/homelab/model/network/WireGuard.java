package dev.homelab.model.network;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.host.Node;
import dev.homelab.internal.AddressRange;
import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Ipv4;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A WireGuard VPN gateway on one host, giving peers access to the LAN (and so to the internal side).
 *
 * @see <a href="https://www.wireguard.com/quickstart/">WireGuard quick start</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class WireGuard {
  WireGuard() {}

  /**
   * Tunnel subnet, e.g. {@code 10.8.0.0/24}, a /30 or larger; the gateway takes its first host address. Required.
   *
   * @see <a href="https://www.wireguard.com/quickstart/">WireGuard quick start</a>
   */
  @Value.Parameter
  public abstract String subnet();

  /**
   * Host name of the gateway node. Required (validation reports it missing); no default.
   *
   * @see <a href="https://www.wireguard.com/quickstart/">WireGuard quick start</a>
   */
  public abstract Optional<String> gateway();

  /**
   * UDP port forwarded from the router. Default: 51820.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  @Value.Default
  public int port() {
    return 51820;
  }

  /**
   * Public DNS name or IP peers dial. Default: {@code vpn.<domain>}.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  public abstract Optional<String> endpoint();

  /**
   * Peers. Default: none.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  public abstract List<WireGuardPeer> peers();

  /**
   * Networks peers may reach through the tunnel. Default: the LAN.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  public abstract List<String> reaches();

  /**
   * A VPN on {@code subnet} (required); prefer {@link dev.homelab.Homelab#wireguard}. Default: port
   * 51820, endpoint {@code vpn.<domain>}, reaches the LAN, no peers; the gateway is required.
   *
   * @see <a href="https://www.wireguard.com/quickstart/">WireGuard quick start</a>
   */
  public static WireGuard of(String subnet) {
    required(subnet, ModelPaths.vpn(), "WireGuard.of(subnet)", "the VPN subnet", "wireguard(\"10.8.0.0/24\")");
    return ImmutableWireGuard.of(subnet);
  }

  /**
   * The host that runs the gateway. Required.
   *
   * @see <a href="https://www.wireguard.com/quickstart/">WireGuard quick start</a>
   */
  public WireGuard gateway(Node node) {
    required(node, ModelPaths.vpn(), ".gateway(node)", "a node of the lab", ".gateway(pi1)");
    return copy().withGateway(node.name());
  }

  /**
   * UDP listen port. Default: 51820.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  public WireGuard port(int port) {
    return copy().withPort(port);
  }

  /**
   * Address peers dial. Default: {@code vpn.<domain>}.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  public WireGuard endpoint(String hostOrIp) {
    required(hostOrIp, ModelPaths.vpn(), ".endpoint(hostOrIp)", "a host name or IP", ".endpoint(\"vpn.example.com\")");
    return copy().withEndpoint(hostOrIp);
  }

  /**
   * Adds a peer. Default: none.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  public WireGuard peer(String name, String publicKey, String allowedIp) {
    required(name, ModelPaths.vpn(), ".peer(name, …)", "the peer's name", ".peer(\"laptop\", \"<44-character public key>\", \"10.8.0.2\")");
    required(publicKey, ModelPaths.vpn(), ".peer(…, publicKey, …)", "the peer's public key", ".peer(\"laptop\", \"<44-character public key>\", \"10.8.0.2\")");
    required(allowedIp, ModelPaths.vpn(), ".peer(…, allowedIp)", "the peer's VPN IP", ".peer(\"laptop\", \"<44-character public key>\", \"10.8.0.2\")");
    List<WireGuardPeer> all = new ArrayList<>(peers());
    all.add(WireGuardPeer.of(name, publicKey, allowedIp));
    return copy().withPeers(all);
  }

  /**
   * Networks routed to peers. Default: the LAN.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  public WireGuard reaches(String... cidrs) {
    requiredEach(cidrs, ModelPaths.vpn(), ".reaches(cidrs)", "a CIDR", ".reaches(\"192.168.1.0/24\")");
    return copy().withReaches(List.of(cidrs));
  }

  /**
   * Broken invariants of the VPN and its peers; empty when sound. Never throws. Peer addresses are
   * checked against the subnet here; the subnet against the LAN and the cluster in the validator.
   */
  public List<Problem> violations() {
    Optional<AddressRange> cidr = AddressRange.parseCidr(subnet());
    // The gateway takes the first host address; a /31 or /32 leaves no host address for a peer.
    boolean tooSmall = cidr.isPresent() && cidr.get().last() - cidr.get().first() < 3;
    Optional<AddressRange> net = cidr.filter(c -> !tooSmall);
    Problems v = new Problems()
        .when(cidr.isEmpty(), Checks.VPN_SUBNET, () -> "subnet " + Texts.quote(subnet()) + " is not an IPv4 CIDR with its host bits zero",
            "Call wireguard(\"10.8.0.0/24\")")
        .when(tooSmall, Checks.VPN_SUBNET, () -> "subnet " + subnet() + " has no address left for peers after the gateway's",
            "Use a /30 or a larger subnet, e.g. wireguard(\"10.8.0.0/24\")")
        .when(!Names.isPort(port()), Checks.PORT, () -> "port " + port() + " is not between 1 and 65535", "Call .port(51820)")
        .when(endpoint().filter(e -> !Names.isHostName(e) && !dev.homelab.internal.Ipv4.isAddress(e)).isPresent(), Checks.ENDPOINT_HOST,
            () -> "endpoint " + Texts.quote(endpoint().get()) + " is neither a host name nor an IPv4 address",
            "Call .endpoint(\"vpn.example.com\") with the name or public IP peers dial, without port or scheme");
    reaches().forEach(r -> v.when(AddressRange.parseCidr(r).isEmpty(), Checks.VPN_SUBNET,
        () -> "reached network " + Texts.quote(r) + " is not an IPv4 CIDR", "Write it like .reaches(\"192.168.1.0/24\")"));
    java.util.Set<String> names = new java.util.HashSet<>();
    java.util.Map<String, String> keys = new java.util.HashMap<>();
    java.util.Map<Long, String> ips = new java.util.HashMap<>();
    for (WireGuardPeer p : peers()) {
      String where = "peers/" + p.name();
      v.addAll(where, p.violations());
      if (!names.add(p.name())) {
        v.addAll(where, List.of(Problem.of(Checks.VPN_PEER_UNIQUE, "two peers are called " + p.name(), "Give each peer its own name")));
      } else if (Names.isWireGuardKey(p.publicKey()) && keys.putIfAbsent(p.publicKey(), p.name()) != null) {
        // WireGuard keys peers by public key: of two [Peer] sections with one key it keeps the last, and the first never connects
        v.addAll(where, List.of(Problem.of(Checks.VPN_PEER_UNIQUE, "public key is already peer " + keys.get(p.publicKey())
            + "'s, and WireGuard keeps only one peer per key", "Give each device its own key pair (wg genkey | wg pubkey)")));
      }
      Optional<AddressRange> ip = AddressRange.parse(p.allowedIp()).filter(r -> r.first() == r.last());
      if (ip.isEmpty()) {
        continue;
      }
      long address = ip.get().first();
      if (net.isEmpty()) {
        if (ips.putIfAbsent(address, p.name()) != null) {
          v.addAll(where, List.of(Problem.of(Checks.VPN_PEER_UNIQUE, "address " + p.allowedIp() + " is already used by peer "
              + ips.get(address), "Give each peer its own address")));
        }
      } else if (!net.get().contains(address)) {
        v.addAll(where, List.of(Problem.of(Checks.VPN_PEER_IP, "address " + p.allowedIp() + " is outside the VPN subnet " + subnet(),
            useFree(net.get()))));
      } else if (address == net.get().first() || address == net.get().last()) {
        v.addAll(where, List.of(Problem.of(Checks.VPN_PEER_IP, "address " + p.allowedIp() + " is the "
            + (address == net.get().first() ? "network" : "broadcast") + " address of the VPN subnet " + subnet(),
            useFree(net.get()))));
      } else if (address == net.get().first() + 1) {
        v.addAll(where, List.of(Problem.of(Checks.VPN_PEER_IP, "address " + p.allowedIp() + " is the gateway's own address",
            "Use another address of " + subnet())));
      } else if (ips.putIfAbsent(address, p.name()) != null) {
        v.addAll(where, List.of(Problem.of(Checks.VPN_PEER_UNIQUE, "address " + p.allowedIp() + " is already used by peer "
            + ips.get(address), "Give each peer its own address")));
      }
    }
    return v.list();
  }

  /**
   * Fix text naming the lowest host address of {@code net} after the gateway's that no peer uses;
   * only ever an address inside the subnet.
   */
  private String useFree(AddressRange net) {
    java.util.Set<Long> used = new java.util.HashSet<>();
    peers().forEach(p -> AddressRange.parse(p.allowedIp()).filter(r -> r.first() == r.last()).ifPresent(r -> used.add(r.first())));
    for (long a = net.first() + 2; a < net.last(); a++) {
      if (!used.contains(a)) {
        return "Use a free address of " + subnet() + " such as \"" + Ipv4.format(a) + "/32\"";
      }
    }
    return "Every address of " + subnet() + " is taken: use a larger subnet";
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableWireGuard copy() {
    return (ImmutableWireGuard) this;
  }
}
