package dev.homelab.k8s.traefik;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.Peers;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.traefik.TLSStore;
import dev.homelab.model.Lab;
import dev.homelab.model.network.Traefik;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Traefik (replacing k3s' bundled one) in its own namespace: the chart, the shared middlewares
 * (CrowdSec bouncer, internal-only allowlist, security headers), the default TLSStore with the
 * wildcard certificate, Grafana's internal route, and the namespace's NetworkPolicies.
 *
 * @see <a href="https://doc.traefik.io/traefik/getting-started/install-traefik/#use-the-helm-chart">Traefik Helm chart</a>
 */
public final class TraefikComponent implements Component {
  private static final String NS = Routes.NAMESPACE;

  @Override
  public String folder() {
    return "traefik";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    if (lab.ingress().isEmpty()) {
      return List.of();
    }
    Traefik traefik = lab.ingress().get();
    List<HasMetadata> out = new ArrayList<>();
    out.add(Namespaces.restricted(NS));
    out.add(HelmChart.of("traefik", "https://traefik.github.io/charts", "traefik", dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.CHART_TRAEFIK), NS,
        TraefikValues.of(lab, traefik)));
    if (Routes.usesWildcard(lab)) {
      out.add(TLSStore.defaultStore(NS, Routes.wildcardSecret(lab)));
    }
    out.addAll(TraefikMiddlewares.all(lab));
    lab.monitoring().ifPresent(m -> out.add(Routes.internalRoute(lab, NS, "grafana", m.grafanaHost(),
        Peers.MONITORING_NAMESPACE, Peers.GRAFANA_SERVICE, Peers.GRAFANA_SERVICE_PORT)));
    out.addAll(policies(lab));
    return out;
  }

  /**
   * Anyone may reach the public entrypoints (that is their job, as in the k3s hardening guide);
   * only the LAN and the VPN reach the internal ones, even if the internal Service were exposed by mistake.
   */
  private static List<HasMetadata> policies(Lab lab) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(NetworkPolicies.defaultDeny(NS));
    out.add(NetworkPolicies.allowFromAnywhere(NS, "allow-public-entrypoints", Peers.TRAEFIK_PODS,
        List.of(NetworkPolicies.port("TCP", TraefikValues.WEB), NetworkPolicies.port("TCP", TraefikValues.WEBSECURE))));
    // the nodes (the VPN gateway among them) reach the internal IP masqueraded to their pod-network address
    out.add(NetworkPolicies.allowFromCidrs(NS, "allow-internal-entrypoints", Peers.TRAEFIK_PODS,
        Peers.viaLoadBalancer(lab, Peers.lanAndVpn(lab)), List.of(NetworkPolicies.port("TCP", TraefikValues.WEB_INTERNAL),
            NetworkPolicies.port("TCP", TraefikValues.WEBSECURE_INTERNAL))));
    if (lab.monitoring().isPresent()) {
      out.add(Peers.allowFromPrometheus(NS, "allow-metrics", Peers.TRAEFIK_PODS, List.of(TraefikValues.METRICS)));
    }
    return out;
  }
}
