package dev.homelab.model.infra;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Ipv4;
import dev.homelab.internal.Names;
import dev.homelab.model.SecretRef;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Public DNS through Cloudflare: the zones, the lab's public address (fixed, or a variable a dynamic
 * DNS updater keeps current) and the API token.
 *
 * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs">Cloudflare provider</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Dns {
  /**
   * What a Cloudflare API token of the lab needs on its zones, in the names of Cloudflare's token
   * form: DNS edit for the records (Terraform) and for the ACME DNS-01 records (cert-manager), and
   * zone read because cert-manager finds a zone's id by listing zones ({@code GET /zones?name=},
   * cert-manager {@code pkg/issuer/acme/dns/cloudflare}), which a token with DNS edit alone is
   * refused: its challenges then never complete. The default lab uses one token for both.
   *
   * @see <a href="https://cert-manager.io/docs/configuration/acme/dns01/cloudflare/">cert-manager: Cloudflare</a>
   */
  public static final String TOKEN_PERMISSIONS = "Zone:Zone:Read and Zone:DNS:Edit";

  Dns() {}

  /**
   * Zones managed. Required: at least one; default: the zones given to {@code cloudflare(...)}.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  public abstract List<DnsZone> zones();

  /**
   * Fixed public IPv4 of the lab. Default: none (a Terraform variable {@code public_ip}).
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  public abstract Optional<String> publicAddress();

  /**
   * API token with DNS edit rights. Default: {@code secret("cloudflare-api-token", "token")}.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs">Cloudflare provider</a>
   */
  @Value.Default
  public SecretRef apiToken() {
    return SecretRef.of("cloudflare-api-token", "token");
  }

  /**
   * Cloudflare DNS for these zones (at least one required); prefer {@link dev.homelab.Homelab#cloudflare}.
   * Default: public IP from a Terraform variable, token {@code secret("cloudflare-api-token", "token")}.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs">Cloudflare provider</a>
   */
  public static Dns cloudflare(String... zones) {
    requiredEach(zones, ModelPaths.dns(), "cloudflare(zones)", "a DNS zone", "cloudflare(\"example.com\")");
    List<DnsZone> all = new ArrayList<>();
    for (String z : zones) {
      all.add(DnsZone.of(z));
    }
    return ImmutableDns.of().withZones(all);
  }

  /**
   * Adds a zone. Default: the zones given to {@code cloudflare(...)}.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  public Dns zone(DnsZone zone) {
    required(zone, ModelPaths.dns(), ".zone(zone)", "a DNS zone", ".zone(zone(\"example.org\"))");
    List<DnsZone> all = new ArrayList<>(zones());
    all.add(zone);
    return copy().withZones(all);
  }

  /**
   * The lab's fixed public IPv4. Default: a Terraform variable set by dynamic DNS tooling.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  public Dns publicAddress(String ip) {
    required(ip, ModelPaths.dns(), ".publicAddress(ip)", "the public IPv4 address", ".publicAddress(\"203.0.113.10\")");
    return copy().withPublicAddress(ip);
  }

  /**
   * Where the Cloudflare API token lives. Default: {@code secret("cloudflare-api-token", "token")}.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs">Cloudflare provider</a>
   */
  public Dns apiToken(SecretRef token) {
    required(token, ModelPaths.dns(), ".apiToken(token)", "a secret reference", ".apiToken(secret(\"cloudflare-api-token\", \"token\"))");
    return copy().withApiToken(token);
  }

  /** Broken invariants of the DNS settings and zones; empty when they are sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(zones().isEmpty(), Checks.DNS_ZONES, () -> "no zone is managed", "Call cloudflare(\"example.com\")");
    publicAddress().ifPresent(a -> v.when(!Ipv4.isAddress(a), Checks.DNS_ZONES, () -> "public address " + Texts.quote(a) + " is not an IPv4 address",
        "Write it like .publicAddress(\"203.0.113.10\")"));
    java.util.Set<String> seen = new java.util.HashSet<>();
    zones().forEach(z -> {
      v.addAll("zones/" + z.zone(), z.violations());
      v.when(!seen.add(z.zone()), Checks.DNS_ZONES, () -> "zone " + z.zone() + " is listed twice", "List each zone once");
    });
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableDns copy() {
    return (ImmutableDns) this;
  }
}
