package dev.homelab.model.network;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * A MetalLB address pool, advertised on the LAN with L2.
 *
 * @see <a href="https://metallb.io/configuration/">MetalLB IPAddressPool</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class AddressPool {
  AddressPool() {}

  /**
   * Pool name (DNS-1123). Required.
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * CIDRs or {@code first-last} ranges. Required: at least one.
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  @Value.Parameter
  public abstract List<String> addresses();

  /**
   * Hand out addresses to any LoadBalancer Service. Default: true.
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  @Value.Default
  public boolean autoAssign() {
    return true;
  }

  /**
   * A pool; both arguments required. Prefer {@link dev.homelab.Homelab#pool}. Default: auto-assign.
   *
   * @see <a href="https://metallb.io/configuration/">MetalLB configuration</a>
   */
  public static AddressPool of(String name, List<String> addresses) {
    required(name, ModelPaths.pool(nameOrUnknown(name)), "AddressPool.of(name, …)", "the pool's name", "pool(\"lan\", \"192.168.1.240-192.168.1.250\")");
    requiredEach(addresses, ModelPaths.pool(nameOrUnknown(name)), "AddressPool.of(…, addresses)", "a CIDR or first-last range", "pool(\"lan\", \"192.168.1.240-192.168.1.250\")");
    return ImmutableAddressPool.of(name, addresses);
  }

  /**
   * Only hand out addresses that a Service asks for by IP. Default: auto-assign.
   *
   * @see <a href="https://metallb.io/usage/">MetalLB usage: requesting specific IPs</a>
   */
  public AddressPool manualOnly() {
    return copy().withAutoAssign(false);
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableAddressPool copy() {
    return (ImmutableAddressPool) this;
  }
}
