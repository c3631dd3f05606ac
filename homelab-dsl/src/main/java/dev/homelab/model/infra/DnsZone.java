package dev.homelab.model.infra;

import static dev.homelab.internal.Arguments.required;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.model.SecretRef;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/**
 * A Cloudflare DNS zone managed by Terraform; public hosts ending in it get records.
 *
 * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class DnsZone {
  DnsZone() {}

  /**
   * Zone name, e.g. {@code example.com}. Required.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  @Value.Parameter
  public abstract String zone();

  /**
   * Record TTL in seconds; 1 means automatic. Default: 1.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  @Value.Default
  public int ttl() {
    return 1;
  }

  /**
   * A zone (required); prefer {@link dev.homelab.Homelab#zone}. Default: TTL 1 (automatic).
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  public static DnsZone of(String zone) {
    required(zone, ModelPaths.dns() + "/zones/" + Arguments.UNKNOWN, "DnsZone.of(zone)", "a DNS zone", "zone(\"example.com\")");
    return ImmutableDnsZone.of(zone);
  }

  /**
   * TTL of the records (1 = automatic, else 60..86400). Default: 1.
   *
   * @see <a href="https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/dns_record">cloudflare_dns_record</a>
   */
  public DnsZone ttl(int seconds) {
    return copy().withTtl(seconds);
  }

  /** Terraform variable stem of the zone id, e.g. {@code example_com}. */
  public String variableStem() {
    return zone().replaceAll("[^A-Za-z0-9]+", "_");
  }

  /** The zone id is a Terraform variable, not a secret. */
  public SecretRef zoneIdVariable() {
    return SecretRef.of("cloudflare-zone-" + variableStem(), "zone-id");
  }

  /** Broken invariants of this zone; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!Names.isDnsSubdomain(zone()) || !zone().contains("."), Checks.DNS_ZONES, () -> "zone " + Texts.quote(zone()) + " is not a domain name",
            "Write it like zone(\"example.com\")")
        .when(ttl() != 1 && (ttl() < 60 || ttl() > 86400), Checks.DNS_TTL, () -> "TTL " + ttl() + " is neither 1 (automatic) nor 60..86400",
            "Call .ttl(1) or .ttl(300)")
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableDnsZone copy() {
    return (ImmutableDnsZone) this;
  }
}
