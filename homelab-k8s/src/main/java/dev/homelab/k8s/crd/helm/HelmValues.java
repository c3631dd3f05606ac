package dev.homelab.k8s.crd.helm;

import dev.homelab.k8s.yaml.KubernetesYaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm values for a chart, set by dotted path ({@code set("service.spec.externalTrafficPolicy",
 * "Local")}) and written as the YAML of {@code valuesContent}. Chart values are free-form by
 * nature; the acceptance harness checks them against each chart's schema and defaults.
 */
public final class HelmValues {
  private final Map<String, Object> root = new LinkedHashMap<>();

  /** Empty values. */
  public static HelmValues create() {
    return new HelmValues();
  }

  /** Sets the value at a dotted path, creating the maps on the way. */
  @SuppressWarnings("unchecked")
  public HelmValues set(String dottedPath, Object value) {
    String[] parts = dottedPath.split("\\.");
    Map<String, Object> node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
    }
    node.put(parts[parts.length - 1], value);
    return this;
  }

  /** Sets a list value at a dotted path. */
  public HelmValues setList(String dottedPath, List<?> values) {
    return set(dottedPath, List.copyOf(values));
  }

  /** Whether no value is set. */
  public boolean isEmpty() {
    return root.isEmpty();
  }

  /** The values as a nested map (keys in insertion order; the writer sorts them). */
  public Map<String, Object> asMap() {
    return root;
  }

  /**
   * The values as YAML, keys sorted, for {@code valuesContent}. The backend's secret scan reads
   * the values from the tree they were written from while this string is in use.
   */
  public String toYaml() {
    return KubernetesYaml.writeRemembering(root);
  }
}
