package dev.homelab.k8s.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homelab.backend.yaml.YamlWriter;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The one YAML writer of the Kubernetes backend: the shared {@link YamlWriter} (every YAML 1.1
 * ambiguity quoted, control characters and YAML 1.1 line breaks escaped, nulls left out) with map
 * keys sorted, as kubectl prints objects, and every character beyond ASCII escaped: ConfigMap data
 * and Helm values carry any text the user gives, which this backend writes rather than refuses. Objects, Helm values and {@code kustomization.yaml} all
 * go through it.
 */
public final class KubernetesYaml {
  private static final YamlWriter WRITER = YamlWriter.create().sortingKeys().asciiOnly();
  /** Weak keys: an entry lives as long as the YAML string it was written as. */
  private static final Map<String, JsonNode> WRITTEN = Collections.synchronizedMap(new WeakHashMap<>());

  private KubernetesYaml() {}

  /** One YAML document, ending with a newline. */
  public static String write(Object value) {
    return WRITER.write(value);
  }

  /**
   * Like {@link #write}, remembering the tree the YAML was written from for {@link #writtenTree}:
   * a HelmChart's secret scan then reads its values without parsing YAML this backend wrote.
   */
  public static String writeRemembering(Object value) {
    JsonNode tree = ObjectTrees.kubernetes().tree(value);
    String yaml = write(tree);
    // A WeakHashMap keeps the key it first got for equal strings: that earlier string (of an
    // earlier render, say) may be collected while this one lives, taking the entry with it. The
    // string handed out now is the key; losing an entry only means the scan parses the YAML.
    synchronized (WRITTEN) {
      WRITTEN.remove(yaml);
      WRITTEN.put(yaml, tree);
    }
    return yaml;
  }

  /**
   * The tree {@code yaml} was written from by {@link #writeRemembering}, while that YAML string is
   * still held somewhere (a HelmChart's {@code valuesContent}); empty for any other string, such as
   * one a customizer put in its place, which the caller parses. Keyed by content: an equal string
   * reads back as the same tree.
   */
  public static Optional<JsonNode> writtenTree(String yaml) {
    return Optional.ofNullable(WRITTEN.get(yaml));
  }

  /** The shared mapper (for tests that read rendered YAML back, and trees written by {@link #write}). */
  public static ObjectMapper mapper() {
    return WRITER.mapper();
  }
}
