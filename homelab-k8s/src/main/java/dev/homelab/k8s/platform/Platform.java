package dev.homelab.k8s.platform;

import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.Peers;
import dev.homelab.model.SecretRef;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the platform components share: env entries of Helm values, the scrape policy. */
final class Platform {
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

  /** Lets Prometheus scrape the pods matching {@code targets} on {@code ports}. */
  static NetworkPolicy allowScrape(String namespace, Map<String, String> targets, List<Integer> ports) {
    return Peers.allowFromPrometheus(namespace, "allow-monitoring-scrape", targets, ports);
  }

  static List<NetworkPolicyPort> tcp(int port) {
    return List.of(NetworkPolicies.port("TCP", port));
  }
}
