package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;

import dev.homelab.model.network.Traefik;
import org.junit.jupiter.api.Test;

class EdgeRulesTest {

  @Test
  void should_reject_tls_without_domain() {
    Expect.only(minimal().tls(certManager("admin@example.com", secret("cloudflare-api-token", "token"))), Checks.TLS_NEEDS_DOMAIN,
        "homelab/tls: certificates need a domain to be issued for. Call homelab.domain(\"example.com\")");
  }

  @Test
  void should_reject_a_malformed_acme_email() {
    Expect.only(web().tls(certManager("admin", secret("cloudflare-api-token", "token"))), Checks.ACME_EMAIL,
        "homelab/tls: ACME e-mail 'admin' is not an address. Pass an address such as certManager(\"admin@example.com\", ...)");
  }

  @Test
  void should_reject_internal_routes_behind_traefik_without_client_ip() {
    Traefik t = TRAEFIK.withoutClientIp();
    Expect.only(web().ingress(t).apps(app("wiki", "ghcr.io/example/wiki:1.0.0").internalVia(t)),
        Checks.INTERNAL_ROUTES_KEEP_CLIENT_IP,
        "homelab/ingress: withoutClientIp() makes every request reach Traefik from a pod-network address, so the LAN and "
            + "VPN allow list of internal routes (wiki.example.com) answers 403 to everyone, and CrowdSec never sees a "
            + "client's address. Drop withoutClientIp(): Traefik then keeps client IPs (externalTrafficPolicy: Local)");
  }

  @Test
  void should_leave_crowdsec_out_of_the_client_ip_line_without_it() {
    Traefik t = TRAEFIK.withoutClientIp();
    Expect.only(minimal().domain("example.com").loadBalancer(LAN_POOL).ingress(t).tls(CERT_MANAGER)
            .apps(app("wiki", "ghcr.io/example/wiki:1.0.0").internalVia(t)),
        Checks.INTERNAL_ROUTES_KEEP_CLIENT_IP,
        "homelab/ingress: withoutClientIp() makes every request reach Traefik from a pod-network address, so the LAN and "
            + "VPN allow list of internal routes (wiki.example.com) answers 403 to everyone. "
            + "Drop withoutClientIp(): Traefik then keeps client IPs (externalTrafficPolicy: Local)");
  }

  @Test
  void should_accept_traefik_without_client_ip_and_only_public_routes() {
    Traefik t = TRAEFIK.withoutClientIp();
    Expect.none(web().ingress(t).apps(app("blog", "ghcr.io/example/blog:1.0.0").publicVia(t)));
  }

  @Test
  void should_reject_traefik_acme_with_several_replicas() {
    Expect.only(web().tls(traefikAcme("admin@example.com", secret("cloudflare-api-token", "token"))), Checks.TRAEFIK_ACME,
        "homelab/ingress: Traefik's ACME resolver works with one replica only, found 2. Call traefik().replicas(1), or use certManager(...)");
  }

  @Test
  void should_reject_traefik_acme_without_traefik() {
    Expect.only(minimal().domain("example.com").tls(traefikAcme("admin@example.com", secret("cloudflare-api-token", "token"))),
        Checks.TRAEFIK_ACME, "homelab/tls: traefikAcme(...) needs a managed Traefik. Call homelab.ingress(traefik().replicas(1))");
  }

  @Test
  void should_reject_the_waf_without_traefik() {
    Expect.only(minimal().security(crowdsec().withoutFirewallBouncers().appsec()), Checks.WAF_NEEDS_TRAEFIK,
        "homelab/security: appsec() is a Traefik middleware, but Traefik is not managed. Call homelab.ingress(traefik()), or drop .appsec()");
  }

  @Test
  void should_reject_firewall_bouncers_without_lapi_ip() {
    Expect.only(web().security(crowdsec()), Checks.CROWDSEC_LAPI_IP,
        "homelab/security: the firewall bouncers on the hosts cannot reach the LAPI without a LAN IP. "
            + "Call crowdsec().lapiIp(\"192.168.1.242\") or .withoutFirewallBouncers()");
  }

  @Test
  void should_reject_a_public_app_without_crowdsec() {
    var lab = minimal().domain("example.com").loadBalancer(pool("lan", "192.168.1.240-192.168.1.250")).ingress(TRAEFIK)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token"))).dns(cloudflare("example.com"))
        .apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK));
    Expect.only(lab, Checks.PUBLIC_NEEDS_CROWDSEC, "homelab/apps/blog: publicVia(traefik) needs CrowdSec in front of it. Call homelab.security(crowdsec())");
  }

  @Test
  void should_reject_a_public_app_without_tls() {
    var lab = minimal().domain("example.com").loadBalancer(pool("lan", "192.168.1.240-192.168.1.250")).ingress(TRAEFIK)
        .security(crowdsec().lapiIp("192.168.1.242")).dns(cloudflare("example.com"))
        .apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK));
    Expect.only(lab, Checks.PUBLIC_NEEDS_TLS, "homelab/apps/blog: publicVia(traefik) needs TLS certificates. "
        + "Call homelab.tls(certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\")))");
  }

  @Test
  void should_reject_a_public_app_without_dns_provider() {
    var lab = minimal().domain("example.com").loadBalancer(pool("lan", "192.168.1.240-192.168.1.250")).ingress(TRAEFIK)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token"))).security(crowdsec().lapiIp("192.168.1.242"))
        .apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK));
    Expect.only(lab, Checks.PUBLIC_NEEDS_DNS_ZONE,
        "homelab/apps/blog: public host blog.example.com is in no managed DNS zone. Call homelab.dns(cloudflare(\"example.com\"))");
  }

  @Test
  void should_reject_a_public_host_outside_every_zone() {
    Expect.only(web().apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK).host("blog.example.org")), Checks.PUBLIC_NEEDS_DNS_ZONE,
        "homelab/apps/blog: public host blog.example.org is in no managed DNS zone. "
            + "Add .zone(zone(\"example.org\")) to homelab.dns(...), or give the app a .host(...) in a managed zone");
  }

  @Test
  void should_reject_a_public_app_without_domain() {
    var lab = minimal().loadBalancer(pool("lan", "192.168.1.240-192.168.1.250")).ingress(TRAEFIK)
        .security(crowdsec().lapiIp("192.168.1.242")).apps(app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK))
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")));
    // Without a domain the certificates have nothing to be issued for either: both are reported.
    org.assertj.core.api.Assertions.assertThat(Expect.problems(lab)).extracting(p -> p.check() + " | " + p).containsExactly(
        Checks.TLS_NEEDS_DOMAIN + " | homelab/tls: certificates need a domain to be issued for. Call homelab.domain(\"example.com\")",
        Checks.PUBLIC_NEEDS_DOMAIN + " | homelab/apps/blog: publicVia(traefik) needs a domain. Call homelab.domain(\"example.com\")");
  }

  @Test
  void should_reject_a_malformed_dns_ttl() {
    Expect.only(web().dns(cloudflare().zone(zone("example.com").ttl(30))), Checks.DNS_TTL,
        "homelab/dns/zones/example.com: TTL 30 is neither 1 (automatic) nor 60..86400. Call .ttl(1) or .ttl(300)");
  }

  @Test
  void should_reject_a_zone_listed_twice() {
    Expect.only(web().dns(cloudflare("example.com", "example.com")), Checks.DNS_ZONES,
        "homelab/dns: zone example.com is listed twice. List each zone once");
  }

  @Test
  void should_reject_dns_without_zones() {
    Expect.only(minimal().dns(cloudflare()), Checks.DNS_ZONES, "homelab/dns: no zone is managed. Call cloudflare(\"example.com\")");
  }
}
