package dev.homelab.model.network;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

import dev.homelab.internal.AddressRange;
import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/** A road-warrior WireGuard peer (phone, laptop): a public key is not a secret. */
@Value.Immutable
@HomelabStyle
public abstract class WireGuardPeer {
  WireGuardPeer() {}

  /**
   * Name of the peer, e.g. {@code phone}. Required.
   *
   * @see <a href="https://www.wireguard.com/quickstart/">WireGuard quick start</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * The peer's WireGuard public key (base64, 44 characters). Required.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  @Value.Parameter
  public abstract String publicKey();

  /**
   * The peer's tunnel address, e.g. {@code 10.8.0.2/32}. Required.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  @Value.Parameter
  public abstract String allowedIp();

  /** Broken invariants of this peer; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!Names.isWireGuardKey(publicKey()), Checks.WIREGUARD_KEY, () -> "public key is not a 44-character base64 WireGuard key",
            "Paste the output of `wg pubkey` for this peer")
        .when(AddressRange.parse(allowedIp()).filter(r -> r.first() == r.last() && allowedIp().matches("[0-9.]+(/32)?")).isEmpty(),
            Checks.VPN_PEER_IP, () -> "address " + Texts.quote(allowedIp()) + " is not one IPv4 address", "Write it like \"10.8.0.2/32\"")
        .list();
  }

  /**
   * A peer; prefer {@link WireGuard#peer}. Required: name, public key and address; nothing has a default.
   *
   * @see <a href="https://man7.org/linux/man-pages/man8/wg.8.html">wg(8)</a>
   */
  public static WireGuardPeer of(String name, String publicKey, String allowedIp) {
    required(name, ModelPaths.vpn() + "/peers/" + nameOrUnknown(name), "WireGuardPeer.of(name, …)", "the peer's name", "WireGuardPeer.of(\"laptop\", \"<44-character public key>\", \"10.8.0.2\")");
    required(publicKey, ModelPaths.vpn() + "/peers/" + nameOrUnknown(name), "WireGuardPeer.of(…, publicKey, …)", "the peer's public key", "WireGuardPeer.of(\"laptop\", \"<44-character public key>\", \"10.8.0.2\")");
    required(allowedIp, ModelPaths.vpn() + "/peers/" + nameOrUnknown(name), "WireGuardPeer.of(…, allowedIp)", "the peer's VPN IP", "WireGuardPeer.of(\"laptop\", \"<44-character public key>\", \"10.8.0.2\")");
    return ImmutableWireGuardPeer.of(name, publicKey, allowedIp);
  }
}
