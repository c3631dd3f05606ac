package dev.homelab.k8s.crd.traefik;

import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * Traefik's {@code traefik.io/v1alpha1 IngressRoute} (CRD {@code traefik.io_ingressroutes.yaml}).
 *
 * @see <a href="https://doc.traefik.io/traefik/reference/routing-configuration/kubernetes/crd/http/ingressroute/">IngressRoute</a>
 */
public final class IngressRoute extends TypedResource<IngressRoute.Spec> {

  /** The spec: entrypoints, routes, TLS. */
  public record Spec(List<String> entryPoints, List<Route> routes, Tls tls) {}

  /** A rule; {@code kind} is always {@code Rule}. */
  public record Route(String kind, String match, List<MiddlewareRef> middlewares, List<ServiceRef> services) {
    /** A route matching {@code match} (e.g. {@code Host(`cloud.example.com`)}) to {@code service}, through {@code middlewares}. */
    public static Route rule(String match, List<MiddlewareRef> middlewares, ServiceRef service) {
      return new Route("Rule", match, middlewares.isEmpty() ? null : List.copyOf(middlewares), List.of(service));
    }
  }

  /** A Middleware by name and namespace. */
  public record MiddlewareRef(String name, String namespace) {}

  /** A Service; {@code namespace} only when it is not the route's (needs allowCrossNamespace). */
  public record ServiceRef(String name, String namespace, Integer port) {}

  /**
   * TLS of the route: a Secret, a certificate resolver, or neither, which serves the default
   * TLSStore's certificate ({@code tls: {}}).
   */
  public record Tls(String secretName, String certResolver) {}

  /** An IngressRoute with {@code metadata} and {@code spec}. */
  public IngressRoute(ObjectMeta metadata, Spec spec) {
    super("traefik.io/v1alpha1", "IngressRoute", metadata, spec);
  }
}
