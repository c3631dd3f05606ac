package dev.homelab.k8s.apps;

import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.k8s.traefik.Routes;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.network.Exposure;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An app namespace admits nothing but: its own pods, Traefik's pods on the app port (routed apps),
 * Prometheus on the app port (scraped apps). Egress is left open (see the backend README).
 */
final class AppPolicies {
  private AppPolicies() {}

  static List<HasMetadata> of(Lab lab, App app) {
    String ns = app.name();
    List<HasMetadata> out = new ArrayList<>();
    out.add(NetworkPolicies.defaultDeny(ns));
    out.add(NetworkPolicies.allowSameNamespace(ns));
    if (app.exposure() != Exposure.CLUSTER) {
      out.add(NetworkPolicies.allowFromNamespace(ns, "allow-from-traefik", Pods.labels(ns), Routes.NAMESPACE,
          Routes.TRAEFIK_PODS, List.of(app.port())));
    }
    if (app.metricsPath().isPresent() && lab.monitoring().isPresent()) {
      out.add(NetworkPolicies.allowFromNamespace(ns, "allow-from-monitoring", Pods.labels(ns), "monitoring",
          Map.of(Pods.NAME, "prometheus"), List.of(app.port())));
    }
    return out;
  }
}
