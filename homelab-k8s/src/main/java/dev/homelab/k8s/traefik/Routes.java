package dev.homelab.k8s.traefik;

import dev.homelab.k8s.Peers;
import dev.homelab.k8s.crd.traefik.IngressRoute;
import dev.homelab.k8s.crd.traefik.IngressRoute.MiddlewareRef;
import dev.homelab.k8s.crd.traefik.IngressRoute.ServiceRef;
import dev.homelab.model.Lab;
import dev.homelab.model.network.Exposure;
import dev.homelab.model.network.Tls;
import dev.homelab.model.network.Traefik;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The two kinds of routes: public ones on the public entrypoint, with security headers (CrowdSec
 * is not on the route: Traefik runs it for every router of that entrypoint, see
 * {@link #entrypointMiddleware(String)}); internal ones on the internal entrypoint (reachable only
 * through the internal LoadBalancer) behind an ipAllowList as defence in depth. A route never sits on both.
 *
 * <p>Internal: shared by the Kubernetes backend's packages; not part of the API.
 */
public final class Routes {
  /** Namespace of Traefik and of the shared middlewares. */
  public static final String NAMESPACE = Peers.TRAEFIK_NAMESPACE;
  /** The CrowdSec bouncer middleware, on the public entrypoints. */
  public static final String CROWDSEC = "crowdsec";
  /** The ipAllowList middleware of internal routes (LAN and VPN only). */
  public static final String INTERNAL_ONLY = "internal-only";
  /** The security headers middleware of public routes. */
  public static final String SECURITY_HEADERS = "security-headers";
  /** Name of Traefik's ACME resolver when TLS is {@link Tls.Issuer#TRAEFIK_ACME}. */
  public static final String ACME_RESOLVER = "le";

  private Routes() {}

  /**
   * A route for {@code host} (below the domain) on the public entrypoint to Service
   * {@code service:port} of {@code namespace}, with security headers. CrowdSec is not listed: the
   * entrypoint runs it before every route on it, so naming it here would run the bouncer twice.
   * Security headers stay per route: they are a per-app policy (frame and referrer rules an app
   * may need to differ), and an entrypoint middleware could not be replaced by one route.
   */
  public static IngressRoute publicRoute(Lab lab, String namespace, String name, String host, String service, int port) {
    return route(lab, namespace, name, traefik(lab).publicEntrypoint(), host,
        List.of(new MiddlewareRef(SECURITY_HEADERS, NAMESPACE)), new ServiceRef(service, null, port));
  }

  /**
   * How an entrypoint's {@code http.middlewares} names a Middleware of the Traefik namespace: the
   * Kubernetes CRD provider registers it as {@code <namespace>-<name>@kubernetescrd}
   * (doc.traefik.io, Kubernetes CRD {@code Middleware}, "Cross-provider namespace").
   */
  public static String entrypointMiddleware(String middleware) {
    return NAMESPACE + "-" + middleware + "@kubernetescrd";
  }

  /** A route for {@code host} on the internal entrypoint to {@code service:port} of {@code serviceNamespace}. */
  public static IngressRoute internalRoute(Lab lab, String namespace, String name, String host,
      String serviceNamespace, String service, int port) {
    return route(lab, namespace, name, traefik(lab).internalEntrypoint(), host,
        List.of(new MiddlewareRef(INTERNAL_ONLY, NAMESPACE)),
        new ServiceRef(service, serviceNamespace.equals(namespace) ? null : serviceNamespace, port));
  }

  /** A host Traefik routes: the namespace of its IngressRoute and its fully qualified name. */
  public record Host(String namespace, String fqdn) {}

  /**
   * Every host the backend routes, in the namespace of its route: the apps on either side, the
   * data services' admin UIs and, with the lab's own Traefik, Grafana. cert-manager issues a
   * per-host certificate for each of them into that namespace.
   */
  public static List<Host> hosts(Lab lab) {
    List<Host> out = new ArrayList<>();
    lab.apps().stream().filter(a -> a.exposure() != Exposure.CLUSTER)
        .forEach(a -> out.add(new Host(a.namespace(), lab.fqdn(a.host()))));
    lab.dataServices().forEach(s -> s.adminHost().ifPresent(h -> out.add(new Host(s.name(), lab.fqdn(h)))));
    if (lab.ingress().isPresent()) {
      lab.monitoring().ifPresent(m -> out.add(new Host(NAMESPACE, lab.fqdn(m.grafanaHost()))));
    }
    return out;
  }

  /** Whether TLS is cert-manager's wildcard certificate, served by the default TLSStore. */
  public static boolean usesWildcard(Lab lab) {
    return lab.tls().map(t -> t.issuer() == Tls.Issuer.CERT_MANAGER && t.wildcard()).orElse(false);
  }

  /**
   * Whether the wildcard certificate {@code *.<domain>} matches {@code fqdn}. A wildcard stands for
   * exactly one label (RFC 6125, 6.4.3): a host given whole such as {@code media.home.example.com},
   * or one of another zone, needs a certificate of its own, or the default TLSStore would serve it
   * a certificate for other names.
   */
  public static boolean matchesWildcard(Lab lab, String fqdn) {
    String domain = lab.domain().orElse("invalid");
    return fqdn.equals(domain)
        || (fqdn.endsWith("." + domain) && fqdn.indexOf('.') == fqdn.length() - domain.length() - 1);
  }

  /** Secret of the wildcard certificate cert-manager writes into the Traefik namespace. */
  public static String wildcardSecret(Lab lab) {
    return "wildcard-" + lab.domain().orElse("invalid").replace('.', '-') + "-tls";
  }

  /** Secret of a per-host certificate, in the route's namespace: {@code <fqdn-with-dashes>-tls}. */
  public static String hostSecret(String fqdn) {
    return fqdn.replace('.', '-') + "-tls";
  }

  private static IngressRoute route(Lab lab, String namespace, String name, String entrypoint, String host,
      List<MiddlewareRef> middlewares, ServiceRef service) {
    String fqdn = lab.fqdn(host);
    return new IngressRoute(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build(),
        new IngressRoute.Spec(List.of(entrypoint),
            List.of(IngressRoute.Route.rule("Host(`" + fqdn + "`)", middlewares, service)), tls(lab, fqdn)));
  }

  /**
   * The wildcard certificate comes from the default TLSStore ({@code tls: {}}); a per-host
   * cert-manager certificate (with {@code perHost()}, or for a host the wildcard does not match)
   * from Secret {@code <fqdn-with-dashes>-tls}; Traefik ACME from its resolver.
   */
  private static IngressRoute.Tls tls(Lab lab, String fqdn) {
    Tls tls = lab.tls().orElse(null);
    if (tls == null || (tls.issuer() == Tls.Issuer.CERT_MANAGER && tls.wildcard() && matchesWildcard(lab, fqdn))) {
      return new IngressRoute.Tls(null, null);
    }
    if (tls.issuer() == Tls.Issuer.TRAEFIK_ACME) {
      return new IngressRoute.Tls(null, ACME_RESOLVER);
    }
    return new IngressRoute.Tls(hostSecret(fqdn), null);
  }

  private static Traefik traefik(Lab lab) {
    return lab.ingress().orElse(Traefik.defaults());
  }
}
