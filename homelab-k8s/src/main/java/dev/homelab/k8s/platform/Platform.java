package dev.homelab.k8s.platform;

import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.model.Lab;
import dev.homelab.model.SecretRef;
import dev.homelab.model.cluster.K3s;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the platform components share: the monitoring release, secret references, common flows. */
final class Platform {
  /** Namespace of the monitoring stack. */
  static final String MONITORING_NAMESPACE = "monitoring";
  /**
   * Helm release of kube-prometheus-stack. Prometheus only selects ServiceMonitors and
   * PrometheusRules labelled {@code release: <release>} (the chart's *NilUsesHelmValues default).
   */
  static final String MONITORING_RELEASE = "kube-prometheus-stack";
  /** The label Prometheus selects on. */
  static final Map<String, String> RELEASE_LABEL = Map.of("release", MONITORING_RELEASE);
  /** Namespace of the Traefik that k8s-core manages. */
  static final String TRAEFIK_NAMESPACE = "traefik";
  /** Labels of the Traefik pods (the chart's {@code app.kubernetes.io/name}). */
  static final Map<String, String> TRAEFIK_PODS = Map.of("app.kubernetes.io/name", "traefik");
  /** Labels of the Prometheus pods of kube-prometheus-stack. */
  static final Map<String, String> PROMETHEUS_PODS = Map.of("app.kubernetes.io/name", "prometheus");

  private Platform() {}

  /** An env entry reading {@code name} from a Secret key, as Helm values ({@code valueFrom.secretKeyRef}). */
  static Map<String, Object> secretEnv(String name, SecretRef secret) {
    Map<String, Object> keyRef = new LinkedHashMap<>();
    keyRef.put("name", secret.name());
    keyRef.put("key", secret.key());
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("name", name);
    env.put("valueFrom", Map.of("secretKeyRef", keyRef));
    return env;
  }

  /** A plain env entry as Helm values. */
  static Map<String, Object> env(String name, String value) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("name", name);
    env.put("value", value);
    return env;
  }

  /** Namespace of the Traefik pods that reach the backends: k8s-core's, else k3s' bundled one. */
  static String traefikNamespace(Lab lab) {
    return lab.traefik().isPresent() ? TRAEFIK_NAMESPACE : "kube-system";
  }

  /**
   * Where the API server's calls to admission webhooks come from. The API server runs on the
   * host, so its packets carry a node address (LAN) or, towards a pod on another node, the
   * node's flannel address inside the pod CIDR.
   */
  static List<String> apiServerSources(Lab lab) {
    List<String> cidrs = new ArrayList<>();
    lab.lan().ifPresent(cidrs::add);
    cidrs.add(lab.k3s().map(K3s::clusterCidr).orElse("10.42.0.0/16"));
    return cidrs;
  }

  /** Lets the API server reach an admission webhook on TCP {@code port}. */
  static NetworkPolicy allowWebhook(Lab lab, String namespace, Map<String, String> webhookPods, int port) {
    return NetworkPolicies.allowFromCidrs(namespace, "allow-apiserver-webhook", webhookPods,
        apiServerSources(lab), List.of(NetworkPolicies.port("TCP", port)));
  }

  /** Lets Prometheus scrape the pods matching {@code targets} on {@code ports}. */
  static NetworkPolicy allowScrape(String namespace, Map<String, String> targets, List<Integer> ports) {
    return NetworkPolicies.allowFromNamespace(namespace, "allow-monitoring-scrape", targets,
        MONITORING_NAMESPACE, PROMETHEUS_PODS, ports);
  }

  static List<NetworkPolicyPort> tcp(int port) {
    return List.of(NetworkPolicies.port("TCP", port));
  }
}
