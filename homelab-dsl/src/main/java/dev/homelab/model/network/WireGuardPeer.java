package dev.homelab.model.network;

import dev.homelab.model.HomelabStyle;
import org.immutables.value.Value;

/** A road-warrior WireGuard peer (phone, laptop): a public key is not a secret. */
@Value.Immutable
@HomelabStyle
public abstract class WireGuardPeer {
  WireGuardPeer() {}

  @Value.Parameter
  public abstract String name();

  /** The peer's WireGuard public key (base64, 44 characters). */
  @Value.Parameter
  public abstract String publicKey();

  /** The peer's tunnel address, e.g. {@code 10.8.0.2/32}. */
  @Value.Parameter
  public abstract String allowedIp();

  public static WireGuardPeer of(String name, String publicKey, String allowedIp) {
    return ImmutableWireGuardPeer.of(name, publicKey, allowedIp);
  }
}
