package dev.homelab.k8s.yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homelab.backend.yaml.YamlWriter;

/**
 * The one YAML writer of the Kubernetes backend: the shared {@link YamlWriter} (every YAML 1.1
 * ambiguity quoted, control characters and YAML 1.1 line breaks escaped, nulls left out) with map
 * keys sorted, as kubectl prints objects, and every character beyond ASCII escaped: ConfigMap data
 * and Helm values carry any text the user gives, which this backend writes rather than refuses. Objects, Helm values and {@code kustomization.yaml} all
 * go through it.
 */
public final class KubernetesYaml {
  private static final YamlWriter WRITER = YamlWriter.create().sortingKeys().asciiOnly();

  private KubernetesYaml() {}

  /** One YAML document, ending with a newline. */
  public static String write(Object value) {
    return WRITER.write(value);
  }

  /** The shared mapper (for tests that read rendered YAML back, and trees written by {@link #write}). */
  public static ObjectMapper mapper() {
    return WRITER.mapper();
  }
}
