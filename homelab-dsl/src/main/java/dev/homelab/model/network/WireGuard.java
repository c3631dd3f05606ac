package dev.homelab.model.network;

import dev.homelab.model.HomelabStyle;
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

  /** Tunnel subnet, e.g. {@code 10.8.0.0/24}; the gateway takes its first address. */
  @Value.Parameter
  public abstract String subnet();

  /** Host name of the gateway node. */
  public abstract Optional<String> gateway();

  /** UDP port forwarded from the router. Default: 51820. */
  @Value.Default
  public int port() {
    return 51820;
  }

  /** Public DNS name or IP peers dial. Default: {@code vpn.<domain>}. */
  public abstract Optional<String> endpoint();

  /** Peers. Default: none. */
  public abstract List<WireGuardPeer> peers();

  /** Networks peers may reach through the tunnel. Default: the LAN. */
  public abstract List<String> reaches();

  public static WireGuard of(String subnet) {
    return ImmutableWireGuard.of(subnet);
  }

  /** The host that runs the gateway. Required. */
  public WireGuard gateway(String nodeName) {
    return copy().withGateway(nodeName);
  }

  /** UDP listen port. Default: 51820. */
  public WireGuard port(int port) {
    return copy().withPort(port);
  }

  /** Address peers dial. Default: {@code vpn.<domain>}. */
  public WireGuard endpoint(String hostOrIp) {
    return copy().withEndpoint(hostOrIp);
  }

  /** Adds a peer. Default: none. */
  public WireGuard peer(String name, String publicKey, String allowedIp) {
    List<WireGuardPeer> all = new ArrayList<>(peers());
    all.add(WireGuardPeer.of(name, publicKey, allowedIp));
    return copy().withPeers(all);
  }

  /** Networks routed to peers. Default: the LAN. */
  public WireGuard reaches(String... cidrs) {
    return copy().withReaches(List.of(cidrs));
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableWireGuard copy() {
    return (ImmutableWireGuard) this;
  }
}
