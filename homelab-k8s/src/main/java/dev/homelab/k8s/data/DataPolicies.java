package dev.homelab.k8s.data;

import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.Peers;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * A data namespace admits its own pods (the dump job), the namespaces of the apps that
 * {@code uses()} it on the service port, Traefik on the admin UI port, Prometheus on the metrics
 * port, and the LAN and VPN on Pi-hole's DNS.
 */
final class DataPolicies {
  private DataPolicies() {}

  static List<HasMetadata> of(Lab lab, DataService s, Engine engine) {
    String ns = s.name();
    List<HasMetadata> out = new ArrayList<>();
    out.add(NetworkPolicies.defaultDeny(ns));
    out.add(NetworkPolicies.allowSameNamespace(ns));
    for (App app : lab.apps()) {
      if (app.uses().contains(s.name()) && dev.homelab.k8s.apps.AppNames.grouped(app)) {
        // a shared namespace: the app's own pods (its cron jobs too), not its group's
        out.add(NetworkPolicies.allowFromPods(ns, "allow-from-" + app.name(), new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
            .withMatchLabels(Pods.labels(ns)).build(), app.namespace(), dev.homelab.k8s.apps.AppNames.allPods(app), List.of(s.kind().port())));
      } else if (app.uses().contains(s.name())) {
        out.add(NetworkPolicies.allowFromNamespace(ns, "allow-from-" + app.name(), Pods.labels(ns), app.name(),
            java.util.Map.of(), List.of(s.kind().port())));
      }
    }
    if (lab.monitoring().isPresent()) {
      engine.metrics().ifPresent(port -> out.add(Peers.allowFromPrometheus(ns, "allow-from-monitoring", Pods.labels(ns),
          List.of(port.getContainerPort()))));
    }
    if (s.adminHost().isPresent()) {
      out.add(Peers.allowFromTraefik(lab, ns, "allow-from-traefik", Pods.labels(ns), List.of(engine.adminPort())));
    }
    if (s.kind() == DataService.Kind.PIHOLE && s.loadBalancerIp().isPresent()) {
      // LAN and VPN clients, nodes resolving through the LB IP and CoreDNS forwarding from pod IPs
      out.add(NetworkPolicies.allowFromCidrs(ns, "allow-dns-from-lan", Pods.labels(ns),
          Peers.viaLoadBalancer(lab, Peers.lanAndVpn(lab)),
          List.of(NetworkPolicies.port("TCP", 53), NetworkPolicies.port("UDP", 53))));
    }
    return out;
  }
}
