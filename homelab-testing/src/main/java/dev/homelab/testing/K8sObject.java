package dev.homelab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One Kubernetes object of a render: where it is, what it is, and its fields as a JSON tree.
 *
 * @param file the file under {@code k8s/} it was read from, e.g. {@code apps/blog/service-blog.yaml}
 * @param apiVersion its {@code apiVersion}
 * @param kind its {@code kind}, e.g. {@code Service}
 * @param namespace its {@code metadata.namespace}, empty for cluster-scoped objects
 * @param name its {@code metadata.name}
 * @param tree the whole object
 */
public record K8sObject(String file, String apiVersion, String kind, String namespace, String name, JsonNode tree) {

  /**
   * The field at a dotted path, with {@code [i]} for list items, e.g.
   * {@code spec.template.spec.containers[0].image}.
   *
   * @param path dotted path from the object's root
   * @return the field, or empty when any step is missing
   */
  public Optional<JsonNode> field(String path) {
    JsonNode at = tree;
    for (String step : path.split("\\.")) {
      String key = step;
      int bracket = step.indexOf('[');
      if (bracket >= 0) {
        key = step.substring(0, bracket);
      }
      if (!key.isEmpty()) {
        at = at.path(key);
      }
      while (bracket >= 0) {
        int close = step.indexOf(']', bracket);
        at = at.path(Integer.parseInt(step.substring(bracket + 1, close)));
        bracket = step.indexOf('[', close);
      }
      if (at.isMissingNode()) {
        return Optional.empty();
      }
    }
    return at.isMissingNode() || at.isNull() ? Optional.empty() : Optional.of(at);
  }

  /**
   * The text of the field at {@code path} (see {@link #field}).
   *
   * @param path dotted path from the object's root
   * @return its value as text, or empty when missing
   */
  public Optional<String> text(String path) {
    return field(path).map(JsonNode::asText);
  }

  /** @return {@code Kind namespace/name}, or {@code Kind name} for a cluster-scoped object */
  public String id() {
    return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }

  /** @return {@link #id()} */
  @Override
  public String toString() {
    return id();
  }
}
