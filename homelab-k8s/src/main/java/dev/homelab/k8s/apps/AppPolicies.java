package dev.homelab.k8s.apps;

import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.Peers;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.network.Exposure;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An app's pods admit nothing but: the app's own pods (its namespace's, when it has one to itself), Traefik's pods on the app port (routed apps),
 * the pods of each app that {@code uses()} it on the app port, Prometheus on the app port (scraped apps). Extra ports stay cluster-internal: only the app's own
 * namespace reaches them. Egress is left open (see the backend README).
 */
final class AppPolicies {
  private AppPolicies() {}

  /**
   * The apps that {@code uses()} each app, in the lab's order, for the last lab asked (by identity:
   * a Lab is immutable; held weakly, so it keeps no lab alive). Scanning every app for each app's
   * callers was quadratic: a 100,000-app render spent most of its time there.
   */
  private record Callers(WeakReference<Lab> lab, Map<String, List<App>> byCallee) {
    private static final AtomicReference<Callers> LAST = new AtomicReference<>();

    static List<App> of(Lab lab, String callee) {
      Callers last = LAST.get();
      if (last == null || last.lab().get() != lab) {
        last = new Callers(new WeakReference<>(lab), index(lab));
        LAST.set(last);
      }
      return last.byCallee().getOrDefault(callee, List.of());
    }

    private static Map<String, List<App>> index(Lab lab) {
      Map<String, List<App>> byCallee = new HashMap<>();
      for (App caller : lab.apps()) {
        for (String callee : new LinkedHashSet<>(caller.usesApps())) {
          if (!callee.equals(caller.name())) {
            byCallee.computeIfAbsent(callee, c -> new ArrayList<>()).add(caller);
          }
        }
      }
      return byCallee;
    }
  }

  static List<HasMetadata> of(Lab lab, App app) {
    String ns = app.namespace();
    String name = app.name();
    List<HasMetadata> out = new ArrayList<>();
    if (AppNames.grouped(app)) {
      // the group's default-deny is rendered once with its namespace; among the group, only the app's own pods
      out.add(NetworkPolicies.allowAmong(ns, AppNames.scoped(app, "allow-same-app"), AppNames.allPods(app)));
    } else {
      out.add(NetworkPolicies.defaultDeny(ns));
      out.add(NetworkPolicies.allowSameNamespace(ns));
    }
    if (app.exposure() != Exposure.CLUSTER) {
      out.add(Peers.allowFromTraefik(lab, ns, AppNames.scoped(app, "allow-from-traefik"), Pods.labels(name), List.of(app.port())));
    }
    // uses(app): exactly the calling app's pods, from its namespace, on this app's HTTP port.
    for (App caller : Callers.of(lab, name)) {
      out.add(NetworkPolicies.allowFromNamespace(ns, AppNames.scoped(app, "allow-from-" + caller.name()), Pods.labels(name),
          caller.namespace(), Pods.labels(caller.name()), List.of(app.port())));
    }
    if (app.metrics().isPresent() && lab.monitoring().isPresent()) {
      out.add(Peers.allowFromPrometheus(ns, AppNames.scoped(app, "allow-from-monitoring"), Pods.labels(name), List.of(app.port())));
    }
    return out;
  }
}
