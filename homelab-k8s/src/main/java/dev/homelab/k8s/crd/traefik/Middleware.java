package dev.homelab.k8s.crd.traefik;

import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * Traefik's {@code traefik.io/v1alpha1 Middleware} (CRD {@code traefik.io_middlewares.yaml}), with
 * the middlewares the backend uses: ipAllowList, headers and the CrowdSec bouncer plugin. Exactly one
 * of the spec's fields is set.
 *
 * @see <a href="https://doc.traefik.io/traefik/reference/routing-configuration/http/middlewares/overview/">middlewares</a>
 */
public final class Middleware extends TypedResource<Middleware.Spec> {

  /** The spec: one of an ipAllowList, headers or a plugin. */
  public record Spec(IpAllowList ipAllowList, Headers headers, Plugin plugin) {}

  /** Lets only clients from {@code sourceRange} through; others get 403. */
  public record IpAllowList(List<String> sourceRange) {}

  /** Security response headers (the subset set here). */
  public record Headers(Integer stsSeconds, Boolean stsIncludeSubdomains, Boolean forceSTSHeader,
      Boolean contentTypeNosniff, String customFrameOptionsValue, String referrerPolicy) {}

  /** Plugin configuration, by the plugin's name in {@code experimental.plugins}. */
  public record Plugin(CrowdsecBouncer bouncer) {}

  /**
   * maxlerebourg/crowdsec-bouncer-traefik-plugin's configuration (its README). Secrets are
   * {@code urn:k8s:secret:<name>:<key>} references that Traefik resolves in the Middleware's namespace.
   */
  public record CrowdsecBouncer(Boolean enabled, String crowdsecMode, String crowdsecLapiScheme,
      String crowdsecLapiHost, String crowdsecLapiKey, Integer updateMaxFailure, Boolean crowdsecAppsecEnabled,
      String crowdsecAppsecHost, Boolean crowdsecAppsecUnreachableBlock, List<String> clientTrustedIPs) {}

  /** A Middleware with {@code metadata} and {@code spec}. */
  public Middleware(ObjectMeta metadata, Spec spec) {
    super("traefik.io/v1alpha1", "Middleware", metadata, spec);
  }

  /** Middleware {@code name} in {@code namespace} with {@code spec}. */
  public static Middleware of(String namespace, String name, Spec spec) {
    return new Middleware(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build(), spec);
  }
}
