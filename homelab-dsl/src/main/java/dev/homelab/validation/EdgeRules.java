package dev.homelab.validation;

import dev.homelab.model.network.Exposure;
import dev.homelab.model.network.Tls;
import java.util.List;

/** The internet edge: TLS, Traefik's ACME resolver, CrowdSec and its AppSec WAF. */
final class EdgeRules {
  private EdgeRules() {}

  static List<Rule> all() {
    return List.of(tlsNeedsDomain(), traefikAcme(), internalRoutesKeepClientIp(), wafNeedsTraefik(), publicNeedsCrowdsec());
  }

  /** Certificates are issued for the domain (a wildcard, or its hosts) through its DNS-01 zone. */
  static Rule tlsNeedsDomain() {
    return Rule.of(Checks.TLS_NEEDS_DOMAIN, (lab, r) -> {
      if (lab.tls().isPresent() && lab.domain().isEmpty()) {
        r.report(ModelPaths.tls(), "certificates need a domain to be issued for", "Call homelab.domain(\"example.com\")");
      }
    });
  }

  /**
   * Traefik's own ACME resolver keeps its account and certificates in one file, so it needs the
   * managed Traefik and works with a single replica only.
   */
  static Rule traefikAcme() {
    return Rule.of(Checks.TRAEFIK_ACME, (lab, r) -> lab.tls().filter(t -> t.issuer() == Tls.Issuer.TRAEFIK_ACME).ifPresent(t -> {
      if (lab.ingress().isEmpty()) {
        r.report(ModelPaths.tls(), "traefikAcme(...) needs a managed Traefik", "Call homelab.ingress(traefik().replicas(1))");
      } else if (lab.ingress().get().replicas() > 1) {
        r.report(ModelPaths.ingress(), "Traefik's ACME resolver works with one replica only, found " + lab.ingress().get().replicas(),
            "Call traefik().replicas(1), or use certManager(...)");
      }
    }));
  }

  /**
   * Internal routes go through the {@code internal-only} ipAllowList, which admits the LAN and the
   * VPN only. With {@code externalTrafficPolicy: Cluster} kube-proxy masquerades traffic to a
   * LoadBalancer IP (Kubernetes docs, "Preserving the client source IP"), and with flannel the
   * source becomes the node's address on the pod network ({@code cni0} or {@code flannel.1}), in
   * no allowed range: every internal request gets 403. CrowdSec reads the same lost address.
   */
  static Rule internalRoutesKeepClientIp() {
    return Rule.of(Checks.INTERNAL_ROUTES_KEEP_CLIENT_IP, (lab, r) -> lab.ingress().filter(t -> !t.preserveClientIp()).ifPresent(t -> {
      List<String> internal = NetworkRules.hosts(lab, Exposure.INTERNAL);
      if (!internal.isEmpty()) {
        r.report(ModelPaths.ingress(), "withoutClientIp() makes every request reach Traefik from a pod-network address, so the "
                + "LAN and VPN allow list of internal routes (" + String.join(", ", internal) + ") answers 403 to everyone"
                + (lab.security().isPresent() ? ", and CrowdSec never sees a client's address" : ""),
            "Drop withoutClientIp(): Traefik then keeps client IPs (externalTrafficPolicy: Local)");
      }
    }));
  }

  /**
   * The WAF is {@code crowdsec().appsec()}: it is a Traefik middleware, so it has nothing to sit in
   * front of without the managed Traefik. (CrowdSec without Traefik is fine otherwise: agents and
   * firewall bouncers still work.)
   */
  static Rule wafNeedsTraefik() {
    return Rule.of(Checks.WAF_NEEDS_TRAEFIK, (lab, r) -> lab.security().filter(c -> c.isAppsec()).ifPresent(c -> {
      if (lab.ingress().isEmpty()) {
        r.report(ModelPaths.security(), "appsec() is a Traefik middleware, but Traefik is not managed",
            "Call homelab.ingress(traefik()), or drop .appsec()");
      }
    }));
  }

  /**
   * The other half of "WAF without CrowdSec": public apps are published "behind CrowdSec"
   * ({@link Exposure#PUBLIC}); without it they face the internet with no bouncer at all.
   */
  static Rule publicNeedsCrowdsec() {
    return Rule.of(Checks.PUBLIC_NEEDS_CROWDSEC, (lab, r) -> {
      if (lab.security().isEmpty()) {
        lab.apps().stream().filter(a -> a.exposure() == Exposure.PUBLIC).forEach(a -> r.report(ModelPaths.app(a.name()),
            "publicVia(traefik) needs CrowdSec in front of it", "Call homelab.security(crowdsec())"));
      }
    });
  }
}
