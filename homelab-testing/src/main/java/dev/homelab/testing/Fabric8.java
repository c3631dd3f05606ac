package dev.homelab.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;

/** Parses rendered objects into fabric8's model: the kinds it knows into their types, CRDs generically. */
final class Fabric8 {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Fabric8() {}

  /** Throws when the object does not read as its fabric8 type (unknown field types, bad quantities...). */
  static KubernetesResource parse(K8sObject object) {
    try {
      // KubernetesResource is annotated with fabric8's KubernetesDeserializer, which picks the class
      // registered for apiVersion + kind and falls back to GenericKubernetesResource.
      return MAPPER.treeToValue(object.tree(), KubernetesResource.class);
    } catch (Exception e) {
      throw new AssertionError(object.id() + " (" + object.file() + ") does not parse with fabric8: " + e.getMessage(), e);
    }
  }

  static boolean typed(KubernetesResource resource) {
    return !(resource instanceof GenericKubernetesResource);
  }
}
