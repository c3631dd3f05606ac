package dev.homelab.model.security;

import static dev.homelab.internal.Arguments.required;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.model.SecretRef;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * CrowdSec: an agent on every node reading Traefik and host logs, the Local API on a MetalLB IP so
 * the firewall bouncers on the hosts can reach it, the Traefik bouncer and, optionally, the AppSec
 * WAF in front of public apps. Decisions are shared by all bouncers through the one LAPI.
 *
 * @see <a href="https://docs.crowdsec.net/u/getting_started/installation/kubernetes">CrowdSec on Kubernetes</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class CrowdSec {
  CrowdSec() {}

  /**
   * MetalLB IP of the LAPI Service, reached by the host firewall bouncers. Default: none.
   *
   * @see <a href="https://docs.crowdsec.net/u/bouncers/firewall">CrowdSec firewall bouncer</a>
   * @see <a href="https://metallb.io/usage/">MetalLB usage: requesting specific IPs</a>
   */
  public abstract Optional<String> lapiIp();

  /**
   * AppSec WAF on every public route. Default: false.
   *
   * @see <a href="https://docs.crowdsec.net/docs/next/appsec/intro">CrowdSec AppSec</a>
   */
  @Value.Default
  public boolean isAppsec() {
    return false;
  }

  /**
   * A firewall bouncer (nftables) on every node. Default: true.
   *
   * @see <a href="https://docs.crowdsec.net/u/bouncers/firewall">CrowdSec firewall bouncer</a>
   */
  @Value.Default
  public boolean firewallBouncers() {
    return true;
  }

  /**
   * Key the Traefik bouncer uses against the LAPI. Default: {@code secret("crowdsec-bouncer-traefik", "key")}.
   *
   * @see <a href="https://docs.crowdsec.net/u/bouncers/traefik">CrowdSec Traefik bouncer</a>
   */
  @Value.Default
  public SecretRef traefikBouncerKey() {
    return SecretRef.of("crowdsec-bouncer-traefik", "key");
  }

  /**
   * Key the host firewall bouncers use. Default: {@code secret("crowdsec-bouncer-firewall", "key")}.
   *
   * @see <a href="https://docs.crowdsec.net/u/bouncers/firewall">CrowdSec firewall bouncer</a>
   */
  @Value.Default
  public SecretRef firewallBouncerKey() {
    return SecretRef.of("crowdsec-bouncer-firewall", "key");
  }

  /**
   * Console enrollment key, to share signals with the CrowdSec console. Default: not enrolled.
   *
   * @see <a href="https://docs.crowdsec.net/docs/next/cscli/cscli_console_enroll">cscli console enroll</a>
   */
  public abstract Optional<SecretRef> enroll();

  /**
   * CrowdSec; prefer {@link dev.homelab.Homelab#crowdsec}. Default: firewall bouncers on, AppSec off,
   * not enrolled, chart version from the versions file ({@code VersionKey.CHART_CROWDSEC}); the LAPI IP is required while firewall bouncers are on.
   *
   * @see <a href="https://docs.crowdsec.net/u/getting_started/installation/kubernetes">CrowdSec on Kubernetes</a>
   */
  public static CrowdSec defaults() {
    return ImmutableCrowdSec.of();
  }

  /**
   * Exposes the LAPI on this MetalLB IP for the host bouncers. Default: none (bouncers need it).
   *
   * @see <a href="https://docs.crowdsec.net/u/bouncers/firewall">CrowdSec firewall bouncer</a>
   * @see <a href="https://metallb.io/usage/">MetalLB usage: requesting specific IPs</a>
   */
  public CrowdSec lapiIp(String ip) {
    required(ip, ModelPaths.security(), ".lapiIp(ip)", "an IP of a MetalLB pool", ".lapiIp(\"192.168.1.242\")");
    return copy().withLapiIp(ip);
  }

  /**
   * Puts the AppSec WAF (virtual patching, CRS) in front of every public route. Default: off.
   *
   * @see <a href="https://docs.crowdsec.net/docs/next/appsec/intro">CrowdSec AppSec</a>
   */
  public CrowdSec appsec() {
    return copy().withAppsec(true);
  }

  /**
   * No firewall bouncer on the hosts. Default: one on every node.
   *
   * @see <a href="https://docs.crowdsec.net/u/bouncers/firewall">CrowdSec firewall bouncer</a>
   */
  public CrowdSec withoutFirewallBouncers() {
    return copy().withFirewallBouncers(false);
  }

  /**
   * Where the Traefik bouncer key lives. Default: {@code secret("crowdsec-bouncer-traefik", "key")}.
   *
   * @see <a href="https://docs.crowdsec.net/u/bouncers/traefik">CrowdSec Traefik bouncer</a>
   */
  public CrowdSec traefikBouncerKey(SecretRef key) {
    required(key, ModelPaths.security(), ".traefikBouncerKey(key)", "a secret reference", ".traefikBouncerKey(secret(\"crowdsec-bouncer\", \"key\"))");
    return copy().withTraefikBouncerKey(key);
  }

  /**
   * Where the firewall bouncer key lives. Default: {@code secret("crowdsec-bouncer-firewall", "key")}.
   *
   * @see <a href="https://docs.crowdsec.net/u/bouncers/firewall">CrowdSec firewall bouncer</a>
   */
  public CrowdSec firewallBouncerKey(SecretRef key) {
    required(key, ModelPaths.security(), ".firewallBouncerKey(key)", "a secret reference", ".firewallBouncerKey(secret(\"crowdsec-firewall-bouncer\", \"key\"))");
    return copy().withFirewallBouncerKey(key);
  }

  /**
   * Enrolls the LAPI in the CrowdSec console with this key. Default: not enrolled.
   *
   * @see <a href="https://docs.crowdsec.net/docs/next/cscli/cscli_console_enroll">cscli console enroll</a>
   */
  public CrowdSec enroll(SecretRef key) {
    required(key, ModelPaths.security(), ".enroll(key)", "a secret reference", ".enroll(secret(\"crowdsec-enroll\", \"key\"))");
    return copy().withEnroll(key);
  }

  /** Broken invariants of CrowdSec; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(firewallBouncers() && lapiIp().isEmpty(), Checks.CROWDSEC_LAPI_IP,
            () -> "the firewall bouncers on the hosts cannot reach the LAPI without a LAN IP",
            "Call crowdsec().lapiIp(\"192.168.1.242\") or .withoutFirewallBouncers()")
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableCrowdSec copy() {
    return (ImmutableCrowdSec) this;
  }
}
