package dev.homelab.model.network;

import static dev.homelab.internal.Arguments.required;
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
 * How routes get certificates: a cert-manager ACME issuer (DNS-01 through Cloudflare), by default
 * with one wildcard certificate for the domain, or Traefik's own ACME resolver.
 *
 * @see <a href="https://cert-manager.io/docs/configuration/acme/dns01/cloudflare/">cert-manager Cloudflare DNS-01</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Tls {
  Tls() {}

  /** Who issues certificates. */
  public enum Issuer {
    /** cert-manager with a Let's Encrypt ClusterIssuer (DNS-01 through Cloudflare). */
    CERT_MANAGER,
    /** Traefik's own ACME certificate resolver. */
    TRAEFIK_ACME
  }

  /**
   * Who issues certificates; set by the factory. Required.
   *
   * @see <a href="https://cert-manager.io/docs/configuration/acme/">cert-manager ACME</a>
   */
  @Value.Parameter
  public abstract Issuer issuer();

  /**
   * ACME account e-mail. Required.
   *
   * @see <a href="https://cert-manager.io/docs/configuration/acme/">cert-manager ACME</a>
   */
  @Value.Parameter
  public abstract String email();

  /**
   * Cloudflare API token for the DNS-01 challenge. Required.
   *
   * @see <a href="https://cert-manager.io/docs/configuration/acme/dns01/cloudflare/">cert-manager Cloudflare DNS-01</a>
   */
  @Value.Parameter
  public abstract SecretRef dnsApiToken();

  /**
   * One wildcard certificate for {@code *.domain}. Default: true with cert-manager, false with
   * Traefik's ACME resolver.
   *
   * @see <a href="https://cert-manager.io/docs/usage/certificate/">cert-manager Certificate</a>
   */
  @Value.Default
  public boolean wildcard() {
    return issuer() == Issuer.CERT_MANAGER;
  }

  /**
   * Let's Encrypt staging instead of production. Default: false.
   *
   * @see <a href="https://letsencrypt.org/docs/staging-environment/">Let's Encrypt staging</a>
   */
  @Value.Default
  public boolean isStaging() {
    return false;
  }

  /**
   * TLS settings; all arguments required. Prefer {@link dev.homelab.Homelab#certManager} or
   * {@link dev.homelab.Homelab#traefikAcme}. Default: production Let's Encrypt; wildcard with cert-manager.
   *
   * @see <a href="https://cert-manager.io/docs/configuration/acme/dns01/cloudflare/">cert-manager Cloudflare DNS-01</a>
   */
  public static Tls of(Issuer issuer, String email, SecretRef dnsApiToken) {
    required(issuer, ModelPaths.tls(), "Tls.of(issuer, …)", "an issuer", "certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))");
    required(email, ModelPaths.tls(), "Tls.of(…, email, …)", "the ACME account e-mail", "certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))");
    required(dnsApiToken, ModelPaths.tls(), "Tls.of(…, dnsApiToken)", "a secret reference", "certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))");
    return ImmutableTls.of(issuer, email, dnsApiToken);
  }

  /**
   * Issues one certificate per host instead of a wildcard. Default: wildcard with cert-manager.
   *
   * @see <a href="https://cert-manager.io/docs/usage/certificate/">cert-manager Certificate</a>
   */
  public Tls perHost() {
    return copy().withWildcard(false);
  }

  /**
   * Uses Let's Encrypt's staging server. Default: production.
   *
   * @see <a href="https://letsencrypt.org/docs/staging-environment/">Let's Encrypt staging</a>
   */
  public Tls staging() {
    return copy().withStaging(true);
  }

  /** The ACME directory URL. */
  public String acmeServer() {
    return isStaging()
        ? "https://acme-staging-v02.api.letsencrypt.org/directory"
        : "https://acme-v02.api.letsencrypt.org/directory";
  }

  /** Broken invariants of the TLS settings; empty when they are sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), Checks.ACME_EMAIL, () -> "ACME e-mail " + Texts.quote(email()) + " is not an address",
            "Pass an address such as certManager(\"admin@example.com\", ...)")
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableTls copy() {
    return (ImmutableTls) this;
  }
}
